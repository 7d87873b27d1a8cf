package quote

import (
	"strings"

	"github.com/dossier-news/dossier/internal/article"
)

// resolve names the speaker of every attributed quote and links it to an
// entity: through the entity stage's mentions when present, else through a
// capitalised-name heuristic. Pronouns and titles ("he", "the spokesman")
// resolve to the nearest fitting named speaker before them.
func (x *extractor) resolve() {
	a := &x.doc.Analysis
	// named holds the speakers resolved to a name so far, in text order, for
	// pronouns and titles.
	type named struct {
		name   string
		entity int
		end    int
	}
	var seen []named
	for i := range x.quotes {
		q := &x.quotes[i]
		q.SpeakerEntity = -1
		if q.Speaker == nil {
			continue
		}
		sp := *q.Speaker
		toks := tokenize(x.text, sp.Start, sp.End)
		if len(toks) == 0 {
			continue
		}
		// The entity stage knows best.
		if m := mentionIn(a, sp); m >= 0 {
			ment := a.Mentions[m]
			q.SpeakerEntity = ment.Entity
			q.SpeakerName = ment.Text
			if ment.Entity >= 0 && ment.Entity < len(a.Entities) {
				q.SpeakerName = a.Entities[ment.Entity].Name
			}
			if ment.Kind != "pronoun" {
				seen = append(seen, named{q.SpeakerName, q.SpeakerEntity, sp.End})
				continue
			}
			if ment.Entity >= 0 {
				continue
			}
		}
		first := toks[0].lower()
		if len(toks) == 1 && (personPronouns[first] || relPronouns[first]) {
			switch first {
			case "he", "she":
				// The nearest named person speaker before the pronoun, else
				// the nearest person mention.
				if e, name := nearestPerson(a, sp.Start); name != "" {
					q.SpeakerEntity, q.SpeakerName = e, name
				} else if n := len(seen); n > 0 {
					q.SpeakerEntity, q.SpeakerName = seen[n-1].entity, seen[n-1].name
				} else if name := x.nameBefore(sp.Start); name != "" {
					q.SpeakerName = name
				}
				q.Confidence *= 0.9
			case "who", "which":
				// The noun phrase the relative clause hangs on.
				before := tokenize(x.text, x.sentenceOf(sp.Start).Start, sp.Start)
				if from, ok := npLeft(before, len(before), 0); ok {
					q.SpeakerName = nameOf(before[from:])
				}
			}
			continue
		}
		if name := nameOf(toks); name != "" {
			q.SpeakerName = name
			q.SpeakerEntity = entityNamed(a, name)
			seen = append(seen, named{name, q.SpeakerEntity, sp.End})
			continue
		}
		// A title or description ("the spokesman", "a source"): kept as
		// written; linked to an entity with that role when the entity stage
		// found one.
		q.SpeakerName = sp.Of(x.text)
		if e := entityWithRole(a, toks[len(toks)-1].lower()); e >= 0 {
			q.SpeakerEntity = e
			q.SpeakerName = a.Entities[e].Name
		}
	}
}

// mentionIn returns the mention inside the speaker span that best names it
// (a person first), or -1.
func mentionIn(a *article.Analysis, sp article.Span) int {
	best := -1
	for i, m := range a.Mentions {
		if !sp.Overlaps(m.Span) {
			continue
		}
		if best < 0 || (m.Type == article.PER && a.Mentions[best].Type != article.PER) {
			best = i
		}
	}
	return best
}

// nearestPerson returns the entity and name of the last person mention
// before off, or "" when the entity stage found none.
func nearestPerson(a *article.Analysis, off int) (int, string) {
	for i := len(a.Mentions) - 1; i >= 0; i-- {
		m := a.Mentions[i]
		if m.Span.End > off || m.Type != article.PER || m.Kind == "pronoun" {
			continue
		}
		if m.Entity >= 0 && m.Entity < len(a.Entities) {
			return m.Entity, a.Entities[m.Entity].Name
		}
		return -1, m.Text
	}
	return -1, ""
}

// entityNamed returns the entity whose name ends with the last word of name
// (the surname), or -1.
func entityNamed(a *article.Analysis, name string) int {
	f := strings.Fields(name)
	if len(f) == 0 {
		return -1
	}
	last := f[len(f)-1]
	for i, e := range a.Entities {
		if e.Name == name {
			return i
		}
	}
	for i, e := range a.Entities {
		ef := strings.Fields(e.Name)
		if len(ef) > 0 && ef[len(ef)-1] == last && e.Type == article.PER {
			return i
		}
	}
	return -1
}

// entityWithRole returns the entity holding a role whose title ends with
// head ("spokesman"), or -1.
func entityWithRole(a *article.Analysis, head string) int {
	for i, e := range a.Entities {
		for _, r := range e.Roles {
			if strings.HasSuffix(r.Title, head) {
				return i
			}
		}
	}
	return -1
}

// nameOf returns the proper name inside a speaker phrase: the last run of
// capitalised words before any appositive comma ("Trump campaign spokesman
// Jason Miller" gives "Jason Miller"), or "" when it holds none.
func nameOf(toks []tok) string {
	for i, t := range toks {
		if t.text == "," || t.text == "(" {
			toks = toks[:i]
			break
		}
	}
	var best []tok
	for i := 0; i < len(toks); {
		if !toks[i].isCap() || determiners[toks[i].lower()] {
			i++
			continue
		}
		j := i
		for j < len(toks) && (toks[j].isCap() || (j > i && isNameParticle(toks[j].lower()) && j+1 < len(toks) && toks[j+1].isCap())) {
			j++
		}
		best = toks[i:j]
		i = j
	}
	if len(best) == 0 {
		return ""
	}
	parts := make([]string, len(best))
	for i, t := range best {
		parts[i] = t.text
	}
	return strings.Join(parts, " ")
}

func isNameParticle(w string) bool {
	switch w {
	case "de", "van", "von", "der", "da", "di", "du", "la", "le", "bin", "al", "el":
		return true
	}
	return false
}

// nameBefore returns the last multi-word capitalised name before off in the
// text, the heuristic for a pronoun when no mentions exist.
func (x *extractor) nameBefore(off int) string {
	from := max(0, off-2000)
	toks := tokenize(x.text, from, off)
	for i := len(toks) - 1; i > 0; i-- {
		if !toks[i].isCap() {
			continue
		}
		j := i
		for j > 0 && toks[j-1].isCap() {
			j--
		}
		// Two capitalised words not opening a sentence: a name.
		if i-j >= 1 && (j == 0 || !toks[j-1].endsSentence()) {
			return nameOf(toks[j : i+1])
		}
		i = j
	}
	return ""
}

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
		toks := x.tokens(sp.Start, sp.End)
		if len(toks) == 0 {
			continue
		}
		// "Qatar and Egypt said": speakers joined by "and" speak together;
		// neither alone takes the quote.
		if head := headEnd(toks); head > 0 && coordinated(a, toks, head) {
			q.SpeakerName = strings.TrimSpace(x.text[sp.Start:head])
			continue
		}
		// The entity stage knows best.
		if m := mentionIn(a, x.text, sp, headEnd(toks)); m >= 0 {
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
		if len(toks) == 1 && pronounContraction(toks[0]) {
			first = first[:strings.IndexAny(first, "'’")] // "he’s" is "he"
		}
		// A pronoun alone, or before a time adjunct ("who in 2010").
		if (len(toks) == 1 || allTemporal(toks[1:]) || toks[1].lower() == "in" && allTemporal(toks[2:])) && (personPronouns[first] || relPronouns[first]) {
			switch first {
			case "he", "she":
				// The nearest named person speaker before the pronoun, else
				// the nearest person mention.
				// Otherwise the closer of the last named speaker and the
				// last name in the text.
				// The entity stage's person mentions, when there are any,
				// stand in for the name heuristic.
				name, at := x.nameBefore(sp.Start)
				ent := entityNamed(a, name)
				if e, pname, pat := nearestPerson(a, sp.Start); pname != "" {
					name, at, ent = pname, pat, e
				}
				if n := len(seen); n > 0 && (name == "" || seen[n-1].end >= at) {
					q.SpeakerEntity, q.SpeakerName = seen[n-1].entity, seen[n-1].name
				} else if name != "" {
					q.SpeakerEntity, q.SpeakerName = ent, name
				}
				q.Confidence *= 0.9
			case "who", "which":
				// The noun phrase the relative clause hangs on.
				before := x.tokens(x.sentenceOf(sp.Start).Start, sp.Start)
				if n := len(before); n > 0 && before[n-1].text == "," {
					before = before[:n-1] // "McConnell, who said"
				}
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

// headEnd returns the end of the head word of a speaker phrase: the last
// word before any appositive comma.
func headEnd(toks []tok) int {
	end := -1
	for _, t := range toks {
		if t.text == "," || t.text == "(" {
			break
		}
		if t.word {
			end = t.end
		}
	}
	return end
}

// mentionIn returns the mention inside the speaker span that names it: a
// person anywhere in it (appositives included), another entity only when
// it heads the phrase ("the White House", not "the United Nations envoy"
// or "one Western diplomat"); -1 when none does. A possessor is not the
// speaker: in "Merkel's spokesman, Steffen Seibert" or "his lawyer" the
// person owns the one who speaks.
func mentionIn(a *article.Analysis, txt string, sp article.Span, head int) int {
	best := -1
	for i, m := range a.Mentions {
		if !sp.Overlaps(m.Span) {
			continue
		}
		if m.Type != article.PER && m.Span.End != head {
			continue
		}
		if m.Span.End < sp.End && possessor(txt, m) {
			continue
		}
		if best < 0 || (m.Type == article.PER && a.Mentions[best].Type != article.PER) {
			best = i
		}
	}
	return best
}

// coordinated reports whether the speaker phrase up to head joins two
// named speakers with "and": an entity mention ends right before the "and"
// and another ends at head ("Qatar and Egypt"), the "and" inside neither
// ("Law and Justice" is one party).
func coordinated(a *article.Analysis, toks []tok, head int) bool {
	for k, t := range toks {
		if t.start >= head {
			break
		}
		if t.lower() != "and" && t.text != "&" || k == 0 {
			continue
		}
		before, after := false, false
		for _, m := range a.Mentions {
			if m.Kind == "pronoun" || m.Span.Start < toks[0].start {
				continue
			}
			if m.Span.Start < t.start && m.Span.End > t.start {
				return false // the "and" belongs to a name
			}
			before = before || m.Span.End == toks[k-1].end
			after = after || m.Span.End == head && m.Span.Start > t.start
		}
		if before && after {
			return true
		}
	}
	return false
}

// possessor reports whether a mention owns the noun after it: "Merkel's",
// "the Smiths'", "his".
func possessor(txt string, m article.Mention) bool {
	if m.Kind == "pronoun" {
		return possessivePronouns[strings.ToLower(m.Text)]
	}
	if m.Span.End < 0 || m.Span.End > len(txt) {
		return false
	}
	rest := txt[m.Span.End:]
	if strings.HasPrefix(rest, "'s ") || strings.HasPrefix(rest, "’s ") {
		return true
	}
	// A plural's bare apostrophe: "the Smiths' lawyer".
	return strings.HasSuffix(m.Text, "s") && (strings.HasPrefix(rest, "' ") || strings.HasPrefix(rest, "’ "))
}

// nearestPerson returns the entity, name and end of the last person
// mention before off, or "" when the entity stage found none.
// Mentions need not be in text order (the entity stage appends the titles
// and pronouns it resolves), so all are looked at.
func nearestPerson(a *article.Analysis, off int) (int, string, int) {
	best := -1
	for i, m := range a.Mentions {
		if m.Span.End > off || m.Type != article.PER || m.Kind == "pronoun" {
			continue
		}
		if best < 0 || m.Span.End > a.Mentions[best].Span.End {
			best = i
		}
	}
	if best < 0 {
		return -1, "", -1
	}
	m := a.Mentions[best]
	if m.Entity >= 0 && m.Entity < len(a.Entities) {
		return m.Entity, a.Entities[m.Entity].Name, m.Span.End
	}
	return -1, m.Text, m.Span.End
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
	// Each comma-separated part in turn: "The foreign minister, Lars
	// Petersen" is named by its second part.
	start := 0
	for i := 0; i <= len(toks); i++ {
		if i < len(toks) && toks[i].text != "," && toks[i].text != "(" {
			continue
		}
		if start < i && relPronouns[toks[start].lower()] {
			return "" // "…, who include nationals of Italy": a relative clause, no name
		}
		if n := headName(toks[start:i]); n != "" {
			return n
		}
		if i < len(toks) && toks[i].text == "(" {
			return ""
		}
		start = i + 1
	}
	return ""
}

// headName returns the name that heads a phrase: its last run of
// capitalised words when the phrase ends with it ("Trump campaign spokesman
// Jason Miller"), "" when the head is a common noun ("one Western diplomat").
func headName(toks []tok) string {
	for len(toks) > 0 && !toks[len(toks)-1].word {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 || !toks[len(toks)-1].isCap() {
		return ""
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
	// Titles before the name are roles, not the name: "Prime Minister Ana
	// Lopez" is Ana Lopez.
	for len(best) > 1 && titleWords[strings.TrimSuffix(best[0].lower(), ".")] {
		best = best[1:]
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
// text and where it ends, the heuristic for a pronoun when no mentions exist.
// Names inside quotes are skipped: the speaker is outside them.
func (x *extractor) nameBefore(off int) (string, int) {
	from := max(0, off-1500)
	toks := x.tokens(from, off)
	for i := len(toks) - 1; i > 0; i-- {
		if !toks[i].isCap() || x.inSegment(toks[i].start) {
			continue
		}
		j := i
		for j > 0 && toks[j-1].isCap() {
			j--
		}
		if i-j >= 1 {
			if n := headName(toks[j : i+1]); n != "" && strings.Contains(n, " ") {
				return n, toks[i].end
			}
		}
		i = j
	}
	return "", -1
}

// titleWords are the capitalised words of titles that precede a name.
var titleWords = map[string]bool{
	"president": true, "prime": true, "minister": true, "senator": true, "sen": true, "rep": true,
	"representative": true, "gov": true, "governor": true, "secretary": true, "chancellor": true,
	"general": true, "gen": true, "chairman": true, "chairwoman": true, "ceo": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true, "director": true, "mayor": true, "judge": true,
	"justice": true, "dr": true, "prof": true, "professor": true, "king": true, "queen": true,
	"prince": true, "pope": true, "ambassador": true, "attorney": true, "foreign": true, "defence": true,
	"defense": true, "interior": true, "finance": true, "vice": true, "deputy": true, "former": true,
	"acting": true, "mr": true, "mrs": true, "ms": true, "sir": true, "lord": true, "speaker": true,
	"leader": true, "commissioner": true, "chief": true, "executive": true, "democratic": true,
	"republican": true, "lt": true, "col": true, "capt": true, "sgt": true, "adm": true, "rev": true,
	"majority": true, "minority": true,
}

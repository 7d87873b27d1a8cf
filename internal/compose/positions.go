package compose

import (
	"slices"
	"strings"
)

// stanceOf maps a PLOVER event category to the stance its source actor
// takes towards the issue: agreeing and supporting against rejecting and
// disapproving; mediation is its own stance.
var stanceOf = map[string]string{
	"AGREE":      Supports,
	"SUPPORT":    Supports,
	"COOPERATE":  Supports,
	"AID":        Supports,
	"REJECT":     Opposes,
	"DISAPPROVE": Opposes,
	"ACCUSE":     Opposes,
	"THREATEN":   Opposes,
	"MEDIATE":    Mediates,
	"CONSULT":    Neutral,
}

// mediationCues in a sentence make its actor a mediator whatever the event
// category ("Qatar and Norway will mediate", "co-hosts the talks").
var mediationCues = []string{"mediat", "co-host", "broker", "facilitat", "envoy", "good offices"}

// stanceWords in a quote or sentence when no event codes it.
var (
	supportWords = []string{"accept", "welcome", "support", "endorse", "back ", "agree"}
	opposeWords  = []string{"reject", "non-starter", "oppose", "refuse", "turned down", "condemn", "accuse"}
)

// positions builds the actor × issue table. The issue of an event is the
// story term named nearest after its trigger (the proposal, the truce, the
// talks), so positions on the same thing line up across sources.
func positions(docs []*doc, nm *names) []Position {
	issues := storyTerms(docs, 12)
	type key struct{ actor, issue, stance string }
	byKey := map[key]*Position{}
	var order []key
	outlets := outletNames(docs)
	add := func(actor, actorKey, issue, stance string, c Citation) {
		actor = nm.canonical(actor)
		if outlets[strings.ToLower(actor)] {
			return
		}
		k := key{strings.ToLower(actor), issue, stance}
		p := byKey[k]
		if p == nil {
			p = &Position{Actor: actor, ActorKey: actorKey, Issue: issue, Stance: stance}
			byKey[k] = p
			order = append(order, k)
		}
		if !slices.ContainsFunc(p.Evidence, func(x Citation) bool { return x.Article == c.Article && x.Span == c.Span }) {
			p.Evidence = append(p.Evidence, c)
		}
	}
	for _, d := range docs {
		for _, ev := range d.an.Events {
			if ev.Negated {
				continue
			}
			si := d.sentenceOf(ev.Trigger.Start)
			if si < 0 || d.sents[si].opinion {
				continue
			}
			s := &d.sents[si]
			stance, ok := stanceOf[ev.Plover]
			low := strings.ToLower(s.text)
			if containsAny(low, mediationCues) && stance != Opposes {
				stance, ok = Mediates, true
			}
			if !ok {
				continue
			}
			name, key := d.entityName(ev.Source.Entity)
			if name == "" {
				if ev.Source.Code == "" {
					continue // no coded actor: "Ceasefire talks", "Doha"
				}
				if name, _ = splitTitle(ev.Source.Text); name == "" || strings.Contains(name, " and ") {
					continue
				}
			}
			after := ev.Trigger.End - s.span.Start
			if after < 0 || after > len(s.text) {
				after = 0
			}
			add(name, key, issueIn(s.text[after:], s.text, issues), stance, d.cite(s))
		}
		// Quotes carry stances the event coder does not code ("a
		// non-starter"): the speaker takes the stance its words show.
		for _, q := range d.an.Quotes {
			if q.Scare {
				continue
			}
			name, key, _ := d.speakerOf(q)
			if name == "" {
				continue
			}
			si := d.sentenceOf(q.Content.Start)
			if si < 0 || d.sents[si].opinion {
				continue
			}
			s := &d.sents[si]
			// The stance is in the quoted words and the verb that frames them,
			// not in the rest of the sentence (which may be someone else's).
			low := strings.ToLower(q.Content.Of(d.a.Text) + " " + q.CueVerb)
			var stance string
			switch {
			case containsAny(low, opposeWords):
				stance = Opposes
			case containsAny(low, supportWords):
				stance = Supports
			default:
				continue
			}
			add(name, key, issueIn(s.text, s.text, issues), stance, d.cite(s))
		}
	}
	out := make([]Position, 0, len(order))
	for _, k := range order {
		out = append(out, *byKey[k])
	}
	slices.SortStableFunc(out, func(a, b Position) int {
		if c := strings.Compare(a.Actor, b.Actor); c != 0 {
			return c
		}
		return strings.Compare(a.Issue, b.Issue)
	})
	return out
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// issueIn returns the first story term in after, then in the whole
// sentence, "the story" when none.
func issueIn(after, whole string, terms []string) string {
	for _, part := range []string{after, whole} {
		best, at := "", -1
		ws := words(part)
		for i, w := range ws {
			st := stem(w)
			if slices.Contains(terms, st) {
				// the issue noun, not the word that matched its stem
				// ("a proposed truce" names no "proposed")
				best, at = issueNounOf[st], i
				if best == "" {
					best = w
				}
				break
			}
		}
		if at >= 0 {
			return best
		}
	}
	return "the story"
}

// issueNounOf maps the stem of each word that can name an issue to that
// word; a story term must be one of them (a verb or a name is not an issue).
var issueNounOf = func() map[string]string {
	m := map[string]string{}
	for _, w := range strings.Fields(`talks truce ceasefire proposal plan deal agreement agenda monitors
	strikes sanctions aid election vote bill law reform tariff tariffs treaty peace negotiations offer text
	withdrawal referendum budget resolution accord pact rescue evacuation relief vaccine lockdown`) {
		if _, ok := m[stem(w)]; !ok {
			m[stem(w)] = w
		}
	}
	return m
}()

// issueNouns are the stems of issueNounOf, as a set.
var issueNouns = func() map[string]bool {
	m := map[string]bool{}
	for st := range issueNounOf {
		m[st] = true
	}
	return m
}()

// storyTerms are the issue nouns most sources share, most frequent first.
func storyTerms(docs []*doc, n int) []string {
	count := map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, s := range d.sents {
			for _, t := range s.terms {
				if issueNouns[t] && !seen[t] {
					seen[t] = true
					count[t]++
				}
			}
		}
	}
	terms := make([]string, 0, len(count))
	for t := range count {
		terms = append(terms, t)
	}
	slices.SortFunc(terms, func(a, b string) int {
		if count[a] != count[b] {
			return count[b] - count[a]
		}
		return strings.Compare(a, b)
	})
	if len(terms) > n {
		terms = terms[:n]
	}
	return terms
}

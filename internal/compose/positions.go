package compose

import (
	"maps"
	"slices"
	"strings"
	"time"
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
	shared := sharedStems(docs)
	type key struct{ actor, issue, stance string }
	byKey := map[key]*Position{}
	var order []key
	outlets := outletNames(docs)
	var first time.Time
	for _, d := range docs {
		if !d.date.IsZero() && (first.IsZero() || d.date.Before(first)) {
			first = d.date
		}
	}
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
			if si < 0 || d.sents[si].opinion || background(&d.sents[si], first) {
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
			issue := issueOf(d, si, s.text[after:], issues)
			if issue == "" && stance == Mediates && len(issues) > 0 {
				issue = issueNounOfStem[issues[0]] // a mediator mediates the story's main issue
			}
			if issue == "" && ev.Plover != "AID" && stance != Neutral {
				// No word for an issue: the object the sources share
				// ("ruled out sending Taurus cruise missiles": missiles).
				// A meeting takes no stance on what it shares ("hosted
				// delegations from both sides").
				issue = sharedObject(s.text[after:], shared)
			}
			if issue == "" {
				continue
			}
			add(name, key, issue, stance, d.cite(s))
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
			if si < 0 || d.sents[si].opinion || !d.sents[si].body() || background(&d.sents[si], first) {
				continue
			}
			s := &d.sents[si]
			// The stance is in the quoted words and the verb that frames them,
			// not in the rest of the sentence (which may be someone else's).
			stance := quoteStance(strings.ToLower(q.Content.Of(d.a.Text) + " " + q.CueVerb))
			if stance == "" {
				continue
			}
			issue := issueOf(d, si, s.text, issues)
			if issue == "" {
				continue // a stance on nothing named is no position
			}
			add(name, key, issue, stance, d.cite(s))
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

// quoteStance is the stance lower-case quoted words show: opposing words
// first, then supporting ones; a negation just before a stance word turns
// support into opposition ("we will not accept a result …") and makes
// opposition no stance ("we do not reject the offer").
func quoteStance(low string) string {
	stance := ""
	for _, group := range []struct {
		words  []string
		stance string
	}{{opposeWords, Opposes}, {supportWords, Supports}} {
		for _, w := range group.words {
			for off := 0; ; {
				i := strings.Index(low[off:], w)
				if i < 0 {
					break
				}
				at := off + i
				off = at + len(w)
				if w == "back " && !verbBack(low[:at]) {
					continue // "in the back rooms", "came back"
				}
				if !negatedBefore(low[:at]) {
					return group.stance
				}
				if group.stance == Supports && stance == "" {
					stance = Opposes
				}
			}
		}
	}
	return stance
}

// verbBack reports whether "back" after s is the verb of support: after a
// subject pronoun, a modal or "to" ("we back the plan", "will back it").
func verbBack(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 {
		return false
	}
	switch ws[len(ws)-1] {
	case "i", "we", "they", "you", "to", "will", "would", "could", "can", "not", "fully", "strongly", "also", "and":
		return true
	}
	return false
}

// negatedBefore reports whether the last two words of s negate what follows.
func negatedBefore(s string) bool {
	ws := strings.Fields(s)
	if len(ws) > 2 {
		ws = ws[len(ws)-2:]
	}
	for _, w := range ws {
		switch w {
		case "not", "never", "cannot", "won't", "can't", "don't", "didn't", "wouldn't", "won’t", "can’t", "don’t", "didn’t", "wouldn’t", "no":
			return true
		}
	}
	return false
}

// background reports whether a sentence is about the story's past: every
// period it names ends more than a week before the story's first report
// (the timeline's rule), as "welcomed a similar deal in 2009" does.
func background(s *sent, first time.Time) bool {
	if first.IsZero() || len(s.dates) == 0 {
		return false
	}
	for _, ds := range s.dates {
		if !ds.p.end.Before(first.AddDate(0, 0, -7)) {
			return false
		}
	}
	return true
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// issueOf names what the stance in sentence si of d is about: the first
// story term after the trigger, then anywhere in the sentence; then any issue
// noun of the sentence, story term or not ("the offer was a non-starter");
// then the story term the article named last in the two sentences before
// ("… turned down a proposed truce. Malan said it was unacceptable."). It
// returns "" when none names one.
func issueOf(d *doc, si int, after string, terms []string) string {
	whole := d.sents[si].text
	if w := firstIssue(after, terms); w != "" {
		return w
	}
	if w := firstIssue(whole, terms); w != "" {
		return w
	}
	if w := firstIssue(whole, nil); w != "" {
		return w
	}
	for back := si - 1; back >= 0 && back >= si-2; back-- {
		if w := lastIssue(d.sents[back].text, terms); w != "" {
			return w
		}
	}
	return ""
}

// firstIssue returns the issue noun of the first word of text whose stem is
// one of terms (any issue noun when terms is nil), "" when none.
func firstIssue(text string, terms []string) string {
	ws := words(text)
	for i, w := range ws {
		if n := issueWord(w, terms); n != "" && !legalOrder(ws, i) {
			return n
		}
	}
	return ""
}

// legalOrder reports whether ws[i] is "law" as the legal order rather than
// a bill: "allowed by law", "the rule of law", "under Coralian law", "law
// enforcement".
func legalOrder(ws []string, i int) bool {
	if ws[i] != "law" {
		return false
	}
	if i+1 < len(ws) && (ws[i+1] == "enforcement" || ws[i+1] == "firm" || ws[i+1] == "school") {
		return true
	}
	if i > 0 && (ws[i-1] == "by" || ws[i-1] == "of" || ws[i-1] == "international" || ws[i-1] == "martial") {
		return true
	}
	return i > 0 && ws[i-1] == "under" || i > 1 && ws[i-2] == "under"
}

// lastIssue is firstIssue from the end: the issue named last is the one a
// following "it" or "the plan" refers to.
func lastIssue(text string, terms []string) string {
	ws := words(text)
	for i := len(ws) - 1; i >= 0; i-- {
		if n := issueWord(ws[i], terms); n != "" && !legalOrder(ws, i) {
			return n
		}
	}
	return ""
}

// issueWord returns the issue noun word w names ("proposed" names nothing,
// "truces" names "ceasefire"), "" when it names none or, with terms, none of
// the story terms' issues.
func issueWord(w string, terms []string) string {
	n := issueNounOf[w]
	if n == "" || (terms != nil && !slices.ContainsFunc(terms, func(t string) bool { return issueNounOfStem[t] == n })) {
		return ""
	}
	return n
}

// issueGroups are the words that can name an issue, a group per issue: the
// first word of a group is the noun the positions table names it by. Words
// one outlet uses for what another calls otherwise share one noun ("the
// offer", "the Qatari plan" and "the proposal" are one proposal; a truce is a
// ceasefire), so positions on the same thing line up across sources. A verb
// is listed where it names its issue whatever its object ("promised to
// negotiate" is about the talks).
const issueGroups = `talks negotiations negotiate negotiating | ceasefire truce | proposal plan offer text |
	agreement deal accord pact | monitors | strikes | sanctions | aid relief | election vote | bill law |
	ruling verdict judgment judgement | reform | tariff | treaty | peace | agenda | withdrawal | referendum | budget | resolution |
	rescue evacuation | vaccine | lockdown`

// issueNounOf maps each word form that names an issue (the word and its
// plural, matched as written: "proposed" shares the stem of "proposal" but
// names no proposal) to the noun of its group.
var issueNounOf = func() map[string]string {
	m := map[string]string{}
	for _, group := range strings.Split(issueGroups, "|") {
		ws := strings.Fields(group)
		for _, w := range ws {
			for _, form := range []string{w, strings.TrimSuffix(w, "s"), strings.TrimSuffix(w, "s") + "s"} {
				if _, ok := m[form]; !ok {
					m[form] = ws[0]
				}
			}
		}
	}
	m["treaties"] = "treaty"
	return m
}()

// issueNounOfStem maps the stems of the words of issueNounOf to their noun;
// its keys are the story terms a sentence's content stems count towards.
var issueNounOfStem = func() map[string]string {
	m := map[string]string{}
	for _, w := range slices.Sorted(maps.Keys(issueNounOf)) {
		if _, ok := m[stem(w)]; !ok {
			m[stem(w)] = issueNounOf[w]
		}
	}
	return m
}()

// sharedStems counts, for each content stem at least two sources use (two
// sentences when the story has one source), the sentences that use it.
func sharedStems(docs []*doc) map[string]int {
	sentences := map[string]int{}
	sources := map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, s := range d.sents {
			inSent := map[string]bool{}
			for _, t := range s.terms {
				if !inSent[t] {
					inSent[t] = true
					sentences[t]++
				}
				if !seen[t] {
					seen[t] = true
					sources[t]++
				}
			}
		}
	}
	out := map[string]int{}
	for t, n := range sentences {
		if sources[t] >= 2 || (len(docs) == 1 && n >= 2) {
			out[t] = n
		}
	}
	return out
}

// sharedObject returns the word of text (the words after an event's
// trigger, up to the end of its clause) that names the thing the sources
// share most: in lower case as written (a name is an actor, not an issue),
// not a verb form ending in -ing or -ed ("ruled out sending Taurus cruise
// missiles": missiles). "" when none.
func sharedObject(text string, shared map[string]int) string {
	if i := strings.IndexAny(text, ",;:"); i >= 0 {
		text = text[:i]
	}
	best, most := "", 0
	for _, w := range strings.Fields(text) {
		w = strings.Trim(w, ".!?\"“”'‘’()")
		if len(w) < 4 || strings.ToLower(w) != w || stopwords[w] ||
			strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") {
			continue
		}
		if n := shared[stem(w)]; n > most {
			best, most = w, n
		}
	}
	return best
}

// storyTerms are the issue nouns most sources share, most frequent first.
func storyTerms(docs []*doc, n int) []string {
	count := map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, s := range d.sents {
			for _, t := range s.terms {
				if issueNounOfStem[t] != "" && !seen[t] {
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

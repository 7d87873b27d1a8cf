package compose

import (
	"cmp"
	"slices"
	"strings"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/quote"
)

// actors collects the people, organisations and places of the story across
// sources (joined by entity key), with every title they are given and how
// often each source mentions them.
func actors(docs []*doc) []Actor {
	byKey := map[string]*Actor{}
	var order []string
	outlets := outletNames(docs)
	for _, d := range docs {
		for _, e := range d.an.Entities {
			switch e.Type {
			case article.PER, article.ORG, article.GPE, article.LOC:
			default:
				continue
			}
			if outlets[strings.ToLower(e.Name)] {
				continue // the outlet in a dateline or credit line is no actor of the story
			}
			key := e.Key
			if key == "" {
				key = strings.ToLower(e.Name)
			}
			a := byKey[key]
			if a == nil {
				a = &Actor{Key: key, Name: e.Name, Type: e.Type, BySource: map[string]int{}}
				byKey[key] = a
				order = append(order, key)
			}
			if len(e.Name) > len(a.Name) && e.Type == article.PER {
				a.Name = e.Name // the fullest form of a person's name
			}
			a.Mentions += len(e.Mentions)
			a.BySource[d.outlet] += len(e.Mentions)
			for _, r := range e.Roles {
				ar := ActorRole{Title: r.Title, Country: r.Country, Org: r.Org, Status: r.Status, Article: d.id}
				if !slices.ContainsFunc(a.Roles, func(x ActorRole) bool {
					return x.Title == ar.Title && x.Country == ar.Country && x.Status == ar.Status
				}) {
					a.Roles = append(a.Roles, ar)
				}
			}
		}
	}
	// One name is one actor of a story: an article whose tagger read
	// "Varenia" as a person files it under another key than the others do.
	// The key with the most mentions takes the rest.
	byName := map[string]string{}
	for _, k := range order {
		n := strings.ToLower(byKey[k].Name)
		if o, ok := byName[n]; !ok || byKey[k].Mentions > byKey[o].Mentions {
			byName[n] = k
		}
	}
	for _, k := range order {
		a := byKey[k]
		if keep := byName[strings.ToLower(a.Name)]; keep != k {
			byKey[keep].absorb(a)
		}
	}
	// A surname alone is the person of the story with that surname: an
	// article that only says "Obama" is about the story's Barack Obama (the
	// cross-article registry needs more support than one story gives). When
	// several full names share the surname, it goes to one that holds nine
	// in ten of their mentions ("Hosni Mubarak" against "Gamal Mubarak"),
	// else it stays apart; a name seen once is no evidence either way.
	bySurname := map[string][]string{}
	for _, k := range order {
		if w := strings.Fields(strings.TrimPrefix(k, "person:")); strings.HasPrefix(k, "person:") && len(w) >= 2 &&
			byName[strings.ToLower(byKey[k].Name)] == k && byKey[k].Mentions >= 2 {
			bySurname[w[len(w)-1]] = append(bySurname[w[len(w)-1]], k)
		}
	}
	for _, k := range order {
		w := strings.Fields(strings.TrimPrefix(k, "person:"))
		if !strings.HasPrefix(k, "person:") || len(w) != 1 || byName[strings.ToLower(byKey[k].Name)] != k {
			continue
		}
		top, all := "", 0
		for _, c := range bySurname[w[0]] {
			all += byKey[c].Mentions
			if top == "" || byKey[c].Mentions > byKey[top].Mentions {
				top = c
			}
		}
		if top == "" || 10*byKey[top].Mentions < 9*all {
			continue
		}
		byKey[top].absorb(byKey[k])
		byName[strings.ToLower(byKey[k].Name)] = "" // merged: not listed
	}
	out := make([]Actor, 0, len(order))
	for _, k := range order {
		if byName[strings.ToLower(byKey[k].Name)] == k {
			out = append(out, *byKey[k])
		}
	}
	// People, organisations and states act; a city or region is where things
	// happen, however often it is named ("DOHA, March 9 …"): places come last.
	isPlace := func(a Actor) int {
		if strings.HasPrefix(a.Key, "place:") {
			return 1
		}
		return 0
	}
	slices.SortStableFunc(out, func(a, b Actor) int {
		if c := cmp.Compare(isPlace(a), isPlace(b)); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Mentions, a.Mentions); c != 0 {
			return c
		}
		return strings.Compare(a.Key, b.Key)
	})
	return out
}

// absorb adds another actor's mentions, sources and roles to a: the same
// actor filed under another key.
func (a *Actor) absorb(o *Actor) {
	a.Mentions += o.Mentions
	for src, n := range o.BySource {
		a.BySource[src] += n
	}
	a.Roles = append(a.Roles, o.Roles...)
}

// entityName returns the name and key of entity i of a source, "" when none.
func (d *doc) entityName(i int) (name, key string) {
	if i < 0 || i >= len(d.an.Entities) {
		return "", ""
	}
	e := d.an.Entities[i]
	return e.Name, e.Key
}

// quotes groups the quotes of all sources by speaker (entity key when the
// speaker is resolved, the speaker's words otherwise). Unattributed quotes
// and scare quotes are left out: they say nothing about who said what.
func quotes(docs []*doc, nm *names) []SpeakerQuotes {
	byKey := map[string]*SpeakerQuotes{}
	var order []string
	// A report's words are listed once: a key-facts bullet repeats the
	// body, a syndicated copy repeats the original.
	type said struct {
		group         int64
		speaker, text string
	}
	listed := map[said]bool{}
	for _, d := range docs {
		for _, q := range d.an.Quotes {
			if q.Scare || q.Stance || (!q.Direct && !quote.ReportsWords(q.CueVerb)) {
				continue // a scare quote, a stance or an act is nobody's words
			}
			if !q.Direct && holdsDirect(d.an.Quotes, q) {
				continue // "conceded defeat, saying: "…"": the quoted words are listed as they are
			}
			if si := d.sentenceOf(q.Content.Start); si >= 0 && !d.sents[si].body() {
				continue // a subheading ("Port welcomes ruling") sums up the body; it is nobody's words
			}
			name, key, _ := d.speakerOf(q)
			short := strings.TrimSpace(name)
			name = nm.canonical(short)
			if name == "" {
				continue
			}
			if key == "" {
				key = strings.ToLower(name)
			}
			// Filed under the name: a surname the story names in full
			// ("Obama" with "Barack Obama") joins the full name's quotes.
			gk := strings.ToLower(name)
			sq := byKey[gk]
			if sq == nil {
				sq = &SpeakerQuotes{Speaker: name, Key: key}
				byKey[gk] = sq
				order = append(order, gk)
			}
			if name == short && strings.Contains(key, ":") {
				sq.Key = key // the full name's entity key
			}
			span := reportedSpan(d, q)
			txt := trimQuotation(strings.Join(strings.Fields(span.Of(d.a.Text)), " "))
			if txt == "" {
				continue
			}
			if k := (said{d.group(), gk, strings.ToLower(txt)}); listed[k] {
				continue
			} else {
				listed[k] = true
			}
			sq.Quotes = append(sq.Quotes, QuoteEntry{Text: txt, Direct: q.Direct, Article: d.id, Source: d.outlet, Span: span})
		}
	}
	out := make([]SpeakerQuotes, 0, len(order))
	for _, k := range order {
		if len(byKey[k].Quotes) > 0 {
			out = append(out, *byKey[k])
		}
	}
	slices.SortStableFunc(out, func(a, b SpeakerQuotes) int { return cmp.Compare(len(b.Quotes), len(a.Quotes)) })
	return out
}

// reportedSpan is the span a dossier shows for a quote: its content, or for
// reported speech that is no clause ("accused the rebels of wasting the
// talks", "urged both sides to stay", "agreed to talks") the words from its
// cue verb on, since "the rebels of wasting the talks" reads as nothing. A
// complementiser opening the content is left out.
func reportedSpan(d *doc, q article.Quote) article.Span {
	c := q.Content
	if !q.Direct && strings.HasPrefix(c.Of(d.a.Text), "that ") && c.End-c.Start > len("that ") {
		c.Start += len("that ") // "said that the talks failed": the words are what follows
	}
	if q.Direct || q.Cue == nil || q.Cue.End > c.Start || c.Start-q.Cue.End > maxCueGap {
		return c
	}
	if si := d.sentenceOf(c.Start); si < 0 || d.sentenceOf(q.Cue.Start) != si {
		return c
	}
	first := ""
	if ws := strings.Fields(c.Of(d.a.Text)); len(ws) > 0 {
		first = strings.ToLower(ws[0])
	}
	if quote.TakesClause(q.CueVerb) && first != "to" && first != "no" && first != "yes" { // "say no to the offer"
		return c
	}
	return article.Span{Start: q.Cue.Start, End: c.End}
}

// trimQuotation drops the marks around a quotation that is the whole of s
// (the renderer adds its own) and a stray mark at either end that pairs with
// nothing, but keeps the marks of a quotation that closes or opens reported
// content: `she would fight on "street by street"`.
func trimQuotation(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range [][2]string{{"“", "”"}, {`"`, `"`}, {"‘", "’"}, {"'", "'"}} {
		open, closing := p[0], p[1]
		if len(s) < len(open)+len(closing) || !strings.HasPrefix(s, open) || !strings.HasSuffix(s, closing) {
			continue
		}
		inner := s[len(open) : len(s)-len(closing)]
		one := !strings.Contains(inner, closing) && !strings.Contains(inner, open)
		if open == "‘" || open == "'" {
			// An apostrophe inside a word ("Kessel's") closes nothing.
			one = !strings.Contains(inner, closing+" ") && !strings.Contains(inner, " "+open)
		}
		if one {
			return strings.TrimSpace(inner)
		}
	}
	switch {
	case strings.HasSuffix(s, "”") && strings.Count(s, "”") > strings.Count(s, "“"):
		s = strings.TrimSuffix(s, "”")
	case strings.HasSuffix(s, `"`) && strings.Count(s, `"`)%2 == 1:
		s = strings.TrimSuffix(s, `"`)
	case strings.HasPrefix(s, "“") && strings.Count(s, "“") > strings.Count(s, "”"):
		s = strings.TrimPrefix(s, "“")
	case strings.HasPrefix(s, `"`) && strings.Count(s, `"`)%2 == 1:
		s = strings.TrimPrefix(s, `"`)
	}
	return strings.TrimSpace(s)
}

// holdsDirect reports whether reported speech q holds a direct quote of qs
// attributed to the same speaker, which the dossier lists on its own.
func holdsDirect(qs []article.Quote, q article.Quote) bool {
	c := q.Content
	for _, o := range qs {
		if o.Direct && !o.Scare && o.Speaker != nil && o.Content.Start >= c.Start && o.Content.Start < c.End &&
			(o.SpeakerEntity >= 0 && o.SpeakerEntity == q.SpeakerEntity || o.SpeakerName != "" && o.SpeakerName == q.SpeakerName) {
			return true
		}
	}
	return false
}

// maxCueGap is how far (bytes) reported content may start after its cue verb
// for the two to be shown as one phrase ("urged both delegations to stay").
const maxCueGap = 80

// outletNames are the lower-cased names of the story's outlets.
func outletNames(docs []*doc) map[string]bool {
	m := map[string]bool{}
	for _, d := range docs {
		m[strings.ToLower(d.outlet)] = true
	}
	return m
}

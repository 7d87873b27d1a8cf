package compose

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dossier-news/dossier/internal/article"
)

// A candidate is one sentence that places something at a date.
type candidate struct {
	d      *doc
	s      *sent
	p      period
	window []string // content stems next to the time expression: what happened then
	slot   string   // "talks begin" when the clause names a known thing and verb
}

// timeline groups the dated sentences of all sources into entries: same
// date value and similar content make one event. first is the earliest
// publication date of the story: what lies well before it is background.
func timeline(docs []*doc, first time.Time) []TimelineEntry {
	var cands []candidate
	for _, d := range docs {
		for i := range d.sents {
			s := &d.sents[i]
			if s.opinion || !s.body() {
				continue
			}
			seen := map[string]bool{}
			for _, ds := range s.dates {
				if seen[ds.p.value] {
					continue
				}
				seen[ds.p.value] = true
				cands = append(cands, candidate{d: d, s: s, p: ds.p, window: clauseStems(d.a.Text, s.span, ds.span),
					slot: dateSlot(clauseWords(d.a.Text, s.span, ds.span))})
			}
		}
	}
	slices.SortStableFunc(cands, func(a, b candidate) int { return strings.Compare(a.p.value, b.p.value) })

	type group struct {
		p     period
		items []candidate
	}
	var groups []*group
	for i := 0; i < len(cands); {
		j := i
		for j < len(cands) && cands[j].p.value == cands[i].p.value {
			j++
		}
		// Greedy single-link grouping within one date: a sentence joins the
		// first group holding a sentence about the same thing.
		var local []*group
		for _, c := range cands[i:j] {
			var into *group
			for _, g := range local {
				for _, o := range g.items {
					if sameEvent(c, o) {
						into = g
						break
					}
				}
				if into != nil {
					break
				}
			}
			if into == nil {
				into = &group{p: c.p}
				local = append(local, into)
			}
			into.items = append(into.items, c)
		}
		groups = append(groups, local...)
		i = j
	}

	out := make([]TimelineEntry, 0, len(groups))
	for _, g := range groups {
		e := TimelineEntry{Date: g.p.value, Precision: g.p.precision, Start: dayOf(g.p.start)}
		e.Description = describe(g.items)
		planned := true
		outlets := map[string]bool{}
		for _, c := range g.items {
			e.Citations = append(e.Citations, c.d.cite(c.s))
			if !outlets[c.d.outlet] {
				outlets[c.d.outlet] = true
				e.Sources = append(e.Sources, c.d.outlet)
			}
			if c.d.date.IsZero() || !c.d.date.Before(g.p.start) {
				planned = false
			}
		}
		e.Planned = planned
		// A week's grace: "last week" in the first report is the story's own
		// run-up, a round of talks two years ago is background.
		e.Background = !first.IsZero() && g.p.end.Before(first.AddDate(0, 0, -7))
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b TimelineEntry) int {
		if c := strings.Compare(a.Start, b.Start); c != 0 {
			return c
		}
		return cmp.Compare(precisionRank(a.Precision), precisionRank(b.Precision))
	})
	return out
}

func precisionRank(p string) int {
	switch p {
	case PrecisionDay:
		return 0
	case PrecisionWeek:
		return 1
	case PrecisionMonth:
		return 2
	case PrecisionApprox:
		return 3
	}
	return 4
}

// sameEvent decides whether two sentences dated alike report one event:
// the same slot ("talks begin"), else the words around their time
// expressions overlap, or the sentences as a whole do.
func sameEvent(a, b candidate) bool {
	if a.slot != "" && b.slot != "" {
		return a.slot == b.slot
	}
	if (a.slot == "") == (b.slot == "") && jaccard(a.window, b.window) >= 0.25 {
		return true
	}
	return jaccard(a.s.terms, b.s.terms) >= 0.3
}

// clauseStems are the content stems of the clause holding a time expression:
// the sentence cut at the clause punctuation (, ; : dashes) nearest the
// expression on either side, so "the talks, which opened on Wednesday" keeps
// "which opened on Wednesday" plus the head it modifies when the clause is
// short.
func clauseStems(txt string, s, x article.Span) []string {
	lo, hi := s.Start, s.End
	if lo < 0 || hi > len(txt) || x.Start < lo || x.End > hi {
		return nil
	}
	from, to := clauseBounds(txt, lo, hi, x)
	terms := contentStems(txt[from:x.Start] + " " + txt[x.End:to])
	if len(terms) < 3 && from > lo {
		// A bare relative clause: add the words before it (its head).
		terms = append(contentStems(lastWords(txt[lo:from], 4)), terms...)
	}
	return terms
}

// clauseBounds cuts the sentence [lo, hi) at the clause punctuation nearest
// the time expression x on either side.
func clauseBounds(txt string, lo, hi int, x article.Span) (from, to int) {
	from = lo
	for i := x.Start - 1; i > lo; i-- {
		if strings.ContainsRune(",;:", rune(txt[i])) {
			from = i + 1
			break
		}
	}
	to = hi
	for i := x.End; i < hi; i++ {
		if strings.ContainsRune(",;:", rune(txt[i])) {
			to = i
			break
		}
	}
	return from, to
}

// describe picks the sentence most like the others of a group (ties to the
// shortest) and trims it to one line.
func describe(items []candidate) string {
	best, bestScore := 0, -1.0
	for i, a := range items {
		var score float64
		for j, b := range items {
			if i != j {
				score += jaccard(a.s.terms, b.s.terms)
			}
		}
		if score > bestScore+1e-9 || (score > bestScore-1e-9 && len(a.s.text) < len(items[best].s.text)) {
			best, bestScore = i, score
		}
	}
	return oneLine(withoutDateline(items[best].s.text), 200)
}

// oneLine collapses white space and cuts at a word boundary.
func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= max {
		return s
	}
	cut := strings.LastIndexByte(s[:max], ' ')
	if cut < max/2 {
		cut = max
		for !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:") + " …"
}

// lastWords returns the last n words of s.
func lastWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[len(f)-n:]
	}
	return strings.Join(f, " ")
}

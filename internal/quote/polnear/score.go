package polnear

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/internal/article"
)

// Predicted is one system attribution; Direct marks quotes in quotation
// marks.
type Predicted struct {
	Attribution
	Direct bool
}

// Matching rules, as in the PARC 3.0 and Citron evaluations:
//
//   - Spans are compared as sets of word tokens (maximal runs of letters and
//     digits). Punctuation and quotation marks are left out, so a span that
//     differs from the gold one only by a trailing comma or the quote marks
//     still matches exactly; discontinuous spans are the union of their
//     fragments.
//   - Exact: the two token sets are equal.
//   - Overlap: the two token sets share at least one token.
//   - Whole attribution: the contents match and the sources match (both
//     absent counts as a match, for the corpus's Attribution-no-source).
//   - Source F1 counts only attributions that have a source on each side;
//     cue and content F1 count all.
//   - Matching is one-to-one: each gold attribution is paired with the
//     unpaired prediction that satisfies the rule and shares the most content
//     tokens, gold in text order.
//   - The direct-quote figures restrict precision to predicted direct quotes
//     and recall to gold attributions whose content opens with a quotation
//     mark, after the one matching over all attributions (a partial quote may
//     match a gold clause that merely contains it).
type rule int

const (
	contentExact rule = iota
	contentOverlap
	sourceExact
	sourceOverlap
	cueExact
	cueOverlap
	wholeExact
	wholeOverlap
	numRules
)

var ruleNames = [numRules]string{
	"content_exact", "content_overlap", "source_exact", "source_overlap",
	"cue_exact", "cue_overlap", "whole_exact", "whole_overlap",
}

// Counts are the matching counts of one rule on one subset.
type Counts struct{ TP, Pred, Gold int }

// P, R and F1 are precision, recall and their harmonic mean (0 when
// undefined).
func (c Counts) P() float64 { return ratio(c.TP, c.Pred) }
func (c Counts) R() float64 { return ratio(c.TP, c.Gold) }
func (c Counts) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Scores accumulates counts over documents: All over every attribution,
// Direct over direct quotes.
type Scores struct {
	All, Direct [numRules]Counts
	// directPredTP counts matched predicted direct quotes (precision of the
	// direct subset); Direct[r].TP counts matched gold direct quotes (its
	// recall).
	directPredTP [numRules]int
}

// tokenSet holds the word tokens of a span set as start offsets.
type tokenSet map[int]bool

// words returns the word tokens (runs of letters and digits) inside spans.
func words(text string, spans []article.Span) tokenSet {
	set := tokenSet{}
	for _, sp := range spans {
		if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
			continue
		}
		in := false
		// A token that starts before the span still counts from the span
		// start: spans cut inside words are rare and still comparable.
		for i, r := range text[sp.Start:sp.End] {
			w := unicode.IsLetter(r) || unicode.IsDigit(r)
			if w && !in {
				set[sp.Start+i] = true
			}
			in = w
		}
	}
	return set
}

func (a tokenSet) equal(b tokenSet) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

func (a tokenSet) shared(b tokenSet) int {
	if len(b) < len(a) {
		a, b = b, a
	}
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return n
}

// item is one attribution as token sets.
type item struct {
	content, source, cue tokenSet
	hasSource, direct    bool
	start                int
}

func newItem(text string, a Attribution, direct bool) item {
	it := item{
		content:   words(text, a.Content),
		source:    words(text, a.Source),
		cue:       words(text, a.Cue),
		hasSource: len(a.Source) > 0,
		direct:    direct,
		start:     len(text),
	}
	for _, s := range a.Content {
		it.start = min(it.start, s.Start)
	}
	it.hasSource = it.hasSource && len(it.source) > 0
	return it
}

// IsDirect reports whether a gold attribution is a direct quote: its content
// (first fragment) opens with a quotation mark.
func IsDirect(text string, a Attribution) bool {
	if len(a.Content) == 0 {
		return false
	}
	first := a.Content[0]
	for _, s := range a.Content {
		if s.Start < first.Start {
			first = s
		}
	}
	s := strings.TrimLeftFunc(first.Of(text), unicode.IsSpace)
	if strings.HasPrefix(s, "''") || strings.HasPrefix(s, "``") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '"', '“', '”', '‘', '«', '„':
		return true
	}
	return false
}

// counts reports whether rule r scores the item at all.
func (r rule) counts(it item) bool {
	switch r {
	case sourceExact, sourceOverlap:
		return it.hasSource
	}
	return true
}

// match reports whether the pair satisfies rule r.
func (r rule) match(g, p item) bool {
	switch r {
	case contentExact:
		return g.content.equal(p.content)
	case contentOverlap:
		return g.content.shared(p.content) > 0
	case sourceExact:
		return g.source.equal(p.source)
	case sourceOverlap:
		return g.source.shared(p.source) > 0
	case cueExact:
		return g.cue.equal(p.cue)
	case cueOverlap:
		return g.cue.shared(p.cue) > 0
	case wholeExact:
		return g.content.equal(p.content) && sourcesAgree(g, p, true)
	case wholeOverlap:
		return g.content.shared(p.content) > 0 && sourcesAgree(g, p, false)
	}
	return false
}

func sourcesAgree(g, p item, exact bool) bool {
	if !g.hasSource || !p.hasSource {
		return g.hasSource == p.hasSource
	}
	if exact {
		return g.source.equal(p.source)
	}
	return g.source.shared(p.source) > 0
}

// Add scores the predictions of one document against its gold.
func (s *Scores) Add(doc Document, preds []Predicted) {
	gold := make([]item, len(doc.Gold))
	for i, g := range doc.Gold {
		gold[i] = newItem(doc.Text, g, IsDirect(doc.Text, g))
	}
	sort.SliceStable(gold, func(i, j int) bool { return gold[i].start < gold[j].start })
	pred := make([]item, len(preds))
	for i, p := range preds {
		pred[i] = newItem(doc.Text, p.Attribution, p.Direct)
	}
	for r := rule(0); r < numRules; r++ {
		used := make([]bool, len(pred))
		matched := make([]bool, len(gold))
		for gi, g := range gold {
			if !r.counts(g) {
				continue
			}
			best, bestShared := -1, -1
			for pi, p := range pred {
				if used[pi] || !r.counts(p) || !r.match(g, p) {
					continue
				}
				if sh := g.content.shared(p.content); sh > bestShared {
					best, bestShared = pi, sh
				}
			}
			if best >= 0 {
				used[best] = true
				matched[gi] = true
			}
		}
		for gi, g := range gold {
			if !r.counts(g) {
				continue
			}
			s.All[r].Gold++
			if matched[gi] {
				s.All[r].TP++
			}
			if g.direct {
				s.Direct[r].Gold++
				if matched[gi] {
					s.Direct[r].TP++
				}
			}
		}
		for pi, p := range pred {
			if !r.counts(p) {
				continue
			}
			s.All[r].Pred++
			if p.direct {
				s.Direct[r].Pred++
				if used[pi] {
					s.directPredTP[r]++
				}
			}
		}
	}
}

// Metrics returns the scores as a flat map for printing: for "all" and
// "direct", precision, recall and F1 under each rule.
func (s *Scores) Metrics() map[string]any {
	m := map[string]any{}
	for r := rule(0); r < numRules; r++ {
		a := s.All[r]
		m["all."+ruleNames[r]+".p"] = a.P()
		m["all."+ruleNames[r]+".r"] = a.R()
		m["all."+ruleNames[r]+".f1"] = a.F1()
		d := s.Direct[r]
		p := ratio(s.directPredTP[r], d.Pred)
		rc := d.R()
		f := 0.0
		if p+rc > 0 {
			f = 2 * p * rc / (p + rc)
		}
		m["direct."+ruleNames[r]+".p"] = p
		m["direct."+ruleNames[r]+".r"] = rc
		m["direct."+ruleNames[r]+".f1"] = f
	}
	m["all.gold"] = s.All[contentOverlap].Gold
	m["all.pred"] = s.All[contentOverlap].Pred
	m["direct.gold"] = s.Direct[contentOverlap].Gold
	m["direct.pred"] = s.Direct[contentOverlap].Pred
	return m
}

// WholeOverlap reports whether a prediction matches a gold attribution as a
// whole under overlap matching (for error analysis).
func WholeOverlap(text string, gold, pred Attribution) bool {
	return wholeOverlap.match(newItem(text, gold, false), newItem(text, pred, false))
}

// ContentOverlap reports whether a prediction's content shares a word with
// a gold attribution's (for error analysis).
func ContentOverlap(text string, gold, pred Attribution) bool {
	return contentOverlap.match(newItem(text, gold, false), newItem(text, pred, false))
}

package compose

import (
	"cmp"
	"slices"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/text"
)

// summarise picks 3 to 7 sentences that together cover the story: each
// sentence scores by its similarity to the centroid of all reporting
// sentences (opinion excluded) plus a lead bonus, the best is taken unless
// it repeats one already taken (maximal marginal relevance), and the picks
// are ordered by publication and position. Each cites every article holding
// a near-identical sentence (copies and rewrites).
func summarise(docs []*doc) []SummaryLine {
	type cand struct {
		d     *doc
		s     *sent
		pos   int
		v     vector
		score float64
	}
	var all [][]string
	for _, d := range docs {
		for i := range d.sents {
			all = append(all, d.sents[i].terms)
		}
	}
	idf, maxIDF := idfOf(all)
	var cands []*cand
	centroid := vector{}
	for _, d := range docs {
		pos := 0
		for i := range d.sents {
			s := &d.sents[i]
			if s.opinion || !s.body() || s.block == article.BlockHeadline || len(s.terms) < 5 {
				continue // headlines are no sentences, and their words are in the body
			}
			c := &cand{d: d, s: s, pos: pos, v: tfidf(s.terms, idf, maxIDF)}
			pos++
			cands = append(cands, c)
			if d.member.Duplicate {
				continue // copies would weigh their canonical twice
			}
			n := c.v.norm()
			for t, x := range c.v {
				centroid[t] += x / n
			}
		}
	}
	if len(cands) == 0 {
		return nil
	}
	for _, c := range cands {
		c.score = cosine(c.v, centroid) + 0.1/float64(1+c.pos)
	}
	want := len(docs) + 2
	want = min(max(want, 3), 7)
	order := slices.Clone(cands)
	slices.SortStableFunc(order, func(a, b *cand) int { return cmp.Compare(b.score, a.score) })
	var picked []*cand
	for _, c := range order {
		if len(picked) == want {
			break
		}
		redundant := false
		for _, p := range picked {
			if cosine(c.v, p.v) > 0.45 {
				redundant = true
				break
			}
		}
		if !redundant {
			picked = append(picked, c)
		}
	}
	slices.SortStableFunc(picked, func(a, b *cand) int {
		if c := a.d.date.Compare(b.d.date); c != 0 {
			return c
		}
		if c := cmp.Compare(a.d.id, b.d.id); c != 0 {
			return c
		}
		return cmp.Compare(a.pos, b.pos)
	})
	out := make([]SummaryLine, 0, len(picked))
	for _, p := range picked {
		line := SummaryLine{Text: oneLine(withoutDateline(p.s.text), 400)}
		for _, c := range cands {
			if c == p || cosine(c.v, p.v) >= 0.7 {
				if !slices.ContainsFunc(line.Citations, func(x Citation) bool { return x.Article == c.d.id }) {
					line.Citations = append(line.Citations, c.d.cite(c.s))
				}
			}
		}
		out = append(out, line)
	}
	return out
}

// withoutDateline drops a wire dateline opening a sentence ("DOHA, March 9
// (Northbridge Wire) - The government …" reads "The government …"). The
// citation still points at the whole sentence.
func withoutDateline(s string) string { return s[text.Dateline(s):] }

package compose

import (
	"math"
	"slices"
	"strings"
	"time"
)

// ROUGE as Martschat & Markert (2017, 2018) score timelines with it (the
// tilse toolkit over ROUGE-1.5.5 with stemming and stop words removed):
// n-gram counts per daily summary, clipped matches, and the "align+ m:1"
// variant that aligns every predicted date to the reference date that is
// cheapest by date distance and content, and every reference date to the
// cheapest predicted date, weighting matches by 1/(days apart + 1).

// Timeline is a dated list of daily summaries, each a list of sentences.
type Timeline map[time.Time][]string

// Dates returns the timeline's dates in order.
func (tl Timeline) Dates() []time.Time {
	ds := make([]time.Time, 0, len(tl))
	for d := range tl {
		ds = append(ds, d)
	}
	slices.SortFunc(ds, func(a, b time.Time) int { return a.Compare(b) })
	return ds
}

// ngrams counts the n-grams of a summary after ROUGE's preprocessing:
// lower-case alphanumeric tokens, stop words removed, Porter stems of
// words longer than three letters. Sentences are joined, as ROUGE-1.5.5
// does for a summary file.
func ngrams(sents []string, n int) map[string]int {
	var toks []string
	for _, s := range sents {
		for _, w := range words(s) {
			if stopwords[w] {
				continue
			}
			if len(w) > 3 {
				w = stem(w)
			}
			toks = append(toks, w)
		}
	}
	out := map[string]int{}
	for i := 0; i+n <= len(toks); i++ {
		out[strings.Join(toks[i:i+n], " ")]++
	}
	return out
}

// overlap counts clipped n-gram matches and the n-grams of each side.
func overlap(pred, ref map[string]int) (hits, predTotal, refTotal int) {
	for g, c := range pred {
		predTotal += c
		hits += min(c, ref[g])
	}
	for _, c := range ref {
		refTotal += c
	}
	return hits, predTotal, refTotal
}

// approxROUGE1 is tilse's cheap ROUGE-1 F1 on raw white-space tokens, used
// only to price alignments.
func approxROUGE1(pred, ref []string) float64 {
	count := func(ss []string) map[string]int {
		m := map[string]int{}
		for _, s := range ss {
			for _, w := range strings.Fields(s) {
				m[w]++
			}
		}
		return m
	}
	p, r := count(pred), count(ref)
	hits, pt, rt := overlap(p, r)
	if pt == 0 || rt == 0 || hits == 0 {
		return 0
	}
	prec, rec := float64(hits)/float64(pt), float64(hits)/float64(rt)
	return 2 * prec * rec / (prec + rec)
}

// PRF is precision, recall and F1.
type PRF struct{ P, R, F float64 }

func prf(pNum, pDen, rNum, rDen float64) PRF {
	var s PRF
	if pDen > 0 {
		s.P = pNum / pDen
	}
	if rDen > 0 {
		s.R = rNum / rDen
	}
	if s.P+s.R > 0 {
		s.F = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}

func daysApart(a, b time.Time) float64 {
	return math.Abs(math.Round(a.Sub(b).Hours() / 24))
}

// AlignROUGE scores a predicted timeline against one reference with
// ROUGE-n in the "align+ m:1" variant.
func AlignROUGE(pred, ref Timeline, n int) PRF {
	pd, rd := pred.Dates(), ref.Dates()
	if len(pd) == 0 || len(rd) == 0 {
		return PRF{}
	}
	// cheapest returns for one date the index of the cheapest date on the
	// other side: cost = (1 - 1/(days+1)) * (1 - approximate ROUGE-1), so an
	// identical date costs nothing and ties go to the earliest date.
	cheapest := func(d time.Time, sum []string, others []time.Time, otherSums Timeline, predSide bool) int {
		best, bestCost := 0, math.Inf(1)
		for j, o := range others {
			dateFactor := 1 - 1/(daysApart(d, o)+1)
			var content float64
			if predSide {
				content = approxROUGE1(sum, otherSums[o])
			} else {
				content = approxROUGE1(otherSums[o], sum)
			}
			if c := dateFactor * (1 - content); c < bestCost {
				best, bestCost = j, c
			}
		}
		return best
	}
	predGrams := make([]map[string]int, len(pd))
	for i, d := range pd {
		predGrams[i] = ngrams(pred[d], n)
	}
	refGrams := make([]map[string]int, len(rd))
	for i, d := range rd {
		refGrams[i] = ngrams(ref[d], n)
	}
	var pNum, pDen, rNum, rDen float64
	for i, d := range pd {
		j := cheapest(d, pred[d], rd, ref, true)
		hits, pt, _ := overlap(predGrams[i], refGrams[j])
		pNum += float64(hits) / (daysApart(d, rd[j]) + 1)
		pDen += float64(pt)
	}
	for j, d := range rd {
		i := cheapest(d, ref[d], pd, pred, false)
		hits, _, rt := overlap(predGrams[i], refGrams[j])
		rNum += float64(hits) / (daysApart(d, pd[i]) + 1)
		rDen += float64(rt)
	}
	return prf(pNum, pDen, rNum, rDen)
}

// DateF1 scores the predicted dates against the reference dates.
func DateF1(pred, ref Timeline) PRF {
	hits := 0
	for d := range pred {
		if _, ok := ref[d]; ok {
			hits++
		}
	}
	return prf(float64(hits), float64(len(pred)), float64(hits), float64(len(ref)))
}

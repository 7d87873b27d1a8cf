// Package storyeval reads the public benchmarks the story and duplicate
// stages are scored on (ECB+, SemEval-2022 Task 8, Reuters-21578), generates
// synthetic streams with known duplicates and stories from Reuters text, and
// implements the published metrics (B-cubed, pairwise, Pearson).
package storyeval

import "math"

// PRF is precision, recall and F1.
type PRF struct {
	P, R, F1 float64
}

func prf(p, r float64) PRF {
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{P: p, R: r, F1: f}
}

// BCubed scores a clustering against gold labels (one label per item, same
// order): per item, precision is the share of its cluster that shares its
// gold label and recall the share of its gold class in its cluster; both
// averaged over items (Bagga and Baldwin 1998).
func BCubed(pred, gold []string) PRF {
	if len(pred) != len(gold) || len(pred) == 0 {
		return PRF{}
	}
	joint := make(map[[2]string]int)
	np := make(map[string]int)
	ng := make(map[string]int)
	for i := range pred {
		joint[[2]string{pred[i], gold[i]}]++
		np[pred[i]]++
		ng[gold[i]]++
	}
	var p, r float64
	for i := range pred {
		j := float64(joint[[2]string{pred[i], gold[i]}])
		p += j / float64(np[pred[i]])
		r += j / float64(ng[gold[i]])
	}
	n := float64(len(pred))
	return prf(p/n, r/n)
}

// Pairwise scores a clustering as a set of same-cluster item pairs against
// the gold pairs. With no predicted (or no gold) pairs precision (recall) is
// 1 by convention: nothing claimed, nothing wrong.
func Pairwise(pred, gold []string) PRF {
	if len(pred) != len(gold) || len(pred) == 0 {
		return PRF{}
	}
	joint := make(map[[2]string]int)
	np := make(map[string]int)
	ng := make(map[string]int)
	for i := range pred {
		joint[[2]string{pred[i], gold[i]}]++
		np[pred[i]]++
		ng[gold[i]]++
	}
	pairs := func(n int) float64 { return float64(n) * float64(n-1) / 2 }
	var tp, pp, gp float64
	for _, n := range joint {
		tp += pairs(n)
	}
	for _, n := range np {
		pp += pairs(n)
	}
	for _, n := range ng {
		gp += pairs(n)
	}
	p, r := 1.0, 1.0
	if pp > 0 {
		p = tp / pp
	}
	if gp > 0 {
		r = tp / gp
	}
	return prf(p, r)
}

// Clusters counts distinct labels.
func Clusters(labels []string) int {
	m := make(map[string]bool)
	for _, l := range labels {
		m[l] = true
	}
	return len(m)
}

// Pearson is the correlation coefficient of two equally long series; NaN
// when either is constant or they differ in length.
func Pearson(x, y []float64) float64 {
	if len(x) != len(y) || len(x) < 2 {
		return math.NaN()
	}
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= float64(len(x))
	my /= float64(len(y))
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return math.NaN()
	}
	return sxy / math.Sqrt(sxx*syy)
}

package compose

import (
	"math"
	"strings"
	"unicode"

	porterstemmer "github.com/reiver/go-porterstemmer"
)

// stopwords are left out of similarity and of ROUGE, as the ROUGE script does
// with its -s option (the SMART common-word list; this is its core, which
// holds every word of the list that is frequent in news).
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above according across after afterwards again against all almost
	alone along already also although always am among amongst an and another any anyhow anyone anything anyway
	anywhere are around as at be became because become becomes becoming been before beforehand behind being below
	beside besides between beyond both but by can cannot could did do does doing done down during each eg either
	else elsewhere enough etc even ever every everyone everything everywhere except few first for former formerly
	from further had has have having he hence her here hereafter hereby herein hers herself him himself his how
	however i ie if in indeed into is it its itself just last latter latterly least less many may me meanwhile
	might more moreover most mostly much must my myself namely neither never nevertheless next no nobody none
	noone nor not nothing now nowhere of off often on once one only onto or other others otherwise our ours
	ourselves out over own per perhaps rather s same say said says seem seemed seeming seems several she should
	since so some somehow someone something sometime sometimes somewhere still such t than that the their theirs
	them themselves then thence there thereafter thereby therefore therein thereupon these they this those though
	through throughout thru thus to together too toward towards under until up upon us very via was we well were
	what whatever when whence whenever where whereafter whereas whereby wherein whereupon wherever whether which
	while whither who whoever whole whom whose why will with within without would yet you your yours yourself
	yourselves mr mrs ms dr told also its it's n't 's 'll 're 've 'd`) {
		m[w] = true
	}
	return m
}()

// words splits text into lower-case word tokens (letters and digits, with
// inner hyphens and apostrophes split off), the tokenisation ROUGE uses.
func words(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		ok := unicode.IsLetter(r) || unicode.IsDigit(r)
		if ok && start < 0 {
			start = i
		}
		if !ok && start >= 0 {
			out = append(out, strings.ToLower(s[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, strings.ToLower(s[start:]))
	}
	return out
}

// stem is the Porter stem of a lower-case word (ROUGE's -m option); words
// with anything but ASCII letters are kept as they are.
func stem(w string) (out string) {
	if len(w) <= 2 {
		return w
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return w
		}
	}
	defer func() {
		// The stemmer indexes runes without bounds checks on a few odd
		// inputs; a word it cannot stem is kept whole.
		if recover() != nil {
			out = w
		}
	}()
	return porterstemmer.StemString(w)
}

// contentStems are the stems of the words of s that are not stopwords.
func contentStems(s string) []string {
	ws := words(s)
	out := ws[:0]
	for _, w := range ws {
		if stopwords[w] {
			continue
		}
		out = append(out, stem(w))
	}
	return out
}

// vector is a sparse term-weight vector.
type vector map[string]float64

// tfidf weights the terms of one sentence by idf (a missing term weighs as a
// term seen once).
func tfidf(terms []string, idf map[string]float64, maxIDF float64) vector {
	v := vector{}
	for _, t := range terms {
		w, ok := idf[t]
		if !ok {
			w = maxIDF
		}
		v[t] += w
	}
	return v
}

func (v vector) norm() float64 {
	var s float64
	for _, x := range v {
		s += x * x
	}
	return math.Sqrt(s)
}

// cosine similarity of two vectors, 0 when either is empty.
func cosine(a, b vector) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	var dot float64
	for t, x := range a {
		dot += x * b[t]
	}
	if dot == 0 {
		return 0
	}
	return dot / (a.norm() * b.norm())
}

// idfOf computes inverse document frequencies over a set of term lists (each
// list one document), smoothed: log(1 + N/df).
func idfOf(docs [][]string) (map[string]float64, float64) {
	df := map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, t := range d {
			if !seen[t] {
				seen[t] = true
				df[t]++
			}
		}
	}
	n := float64(len(docs))
	idf := make(map[string]float64, len(df))
	for t, c := range df {
		idf[t] = math.Log(1 + n/float64(c))
	}
	return idf, math.Log(1 + n)
}

// jaccard of two term sets.
func jaccard(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	sa := map[string]bool{}
	for _, t := range a {
		sa[t] = true
	}
	sb := map[string]bool{}
	inter := 0
	for _, t := range b {
		if sb[t] {
			continue
		}
		sb[t] = true
		if sa[t] {
			inter++
		}
	}
	return float64(inter) / float64(len(sa)+len(sb)-inter)
}

package story

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zeebo/xxh3"
)

// This file holds a language-agnostic article similarity for the product
// ("how alike are these two articles?") that is independent of the
// clusterer's scoring: the clusterer is tuned for joining English stories,
// this is tuned to agree with human ratings of article pairs in many
// languages (SemEval-2022 Task 8). It uses only what works in every language:
// words (no stemmer: each is cut to a prefix; CJK text is read as character
// bigrams), character n-grams, numbers and the opening of each text, weighted
// by document frequencies learned from a corpus of the texts at hand.
//
// The features were chosen on the non-English pairs by leave-one-language-out
// correlation: the most distinctive words and the openings carry most of the
// signal (news leads state the event; raters judged the event), whole-text
// cosines and capitalised-name overlap added nothing once those were in.

// PairFeatures are the similarity signals between two texts, each in 0..1.
type PairFeatures struct {
	// KeyTerms is the share of each text's most distinctive words (highest
	// TF-IDF) that the other text contains, averaged over both directions.
	KeyTerms float64
	// Lead is the TF-IDF cosine of the two openings.
	Lead float64
	// LeadCross is the TF-IDF cosine of one text's opening with the whole
	// other text, the larger of the two directions: a story one outlet leads
	// with may sit lower down in another's.
	LeadCross float64
	// Grams is the TF-IDF cosine of character n-grams, robust to inflection
	// and compounding that word prefixes miss.
	Grams float64
	// Numbers is the Jaccard overlap of number tokens (years, counts, scores).
	Numbers float64
}

// Vector lists the features in the order SimilarityModel.Weights uses.
func (f PairFeatures) Vector() []float64 {
	return []float64{f.KeyTerms, f.Lead, f.LeadCross, f.Grams, f.Numbers}
}

// FeatureNames names PairFeatures.Vector's entries.
var FeatureNames = [...]string{"key_terms", "lead", "lead_cross", "grams", "numbers"}

// Feature kinds, hashed into one document-frequency table.
const (
	kindWord byte = iota + 1
	kindGram
)

// TextOptions shape PairFeatures; the zero value takes the defaults.
type TextOptions struct {
	WordPrefix int // runes kept of a word: a poor man's stemmer for any language (default 4)
	GramSize   int // runes per character n-gram (default 3)
	LeadWords  int // words in a text's opening: headline and first sentences (default 60)
	KeyTerms   int // distinctive words per text for PairFeatures.KeyTerms (default 5)
}

func (o TextOptions) withDefaults() TextOptions {
	if o.WordPrefix <= 0 {
		o.WordPrefix = 4
	}
	if o.GramSize <= 0 {
		o.GramSize = 3
	}
	if o.KeyTerms <= 0 {
		o.KeyTerms = 5
	}
	if o.LeadWords <= 0 {
		o.LeadWords = 60
	}
	return o
}

// TextCorpus learns document frequencies of words and n-grams from a
// stream of texts, for PairFeatures' IDF weights. It is not safe for
// concurrent Observe calls; Compare only reads it.
type TextCorpus struct {
	opt  TextOptions
	docs int
	df   map[uint64]uint32
}

// NewTextCorpus returns an empty corpus.
func NewTextCorpus(opt TextOptions) *TextCorpus {
	return &TextCorpus{opt: opt.withDefaults(), df: make(map[uint64]uint32)}
}

// Observe counts the features of one text.
func (c *TextCorpus) Observe(text string) {
	p := profileOf(text, c.opt)
	c.docs++
	for _, m := range []map[uint64]float64{p.words, p.grams} {
		for k := range m {
			c.df[k]++
		}
	}
}

// idf is the smoothed inverse document frequency of a feature; unseen
// features get the rarest weight.
func (c *TextCorpus) idf(k uint64) float64 {
	return math.Log(float64(c.docs+1) / float64(c.df[k]+1))
}

// Compare computes the pair features of two texts under the corpus' IDF.
func (c *TextCorpus) Compare(a, b string) PairFeatures {
	return c.compare(profileOf(a, c.opt), profileOf(b, c.opt))
}

// ObserveArticle is Observe over an article's headline and text.
func (c *TextCorpus) ObserveArticle(f Features) { c.Observe(articleText(f)) }

// CompareArticles is Compare over two articles: the headline opens the text
// (as in the evaluation data, where each text starts with its headline), and
// resolved calendar dates join the number tokens, as the years a text
// mentions do. Entity keys are not used: on the tuning languages the overlap
// of capitalised names added nothing once the key terms were in.
func (c *TextCorpus) CompareArticles(x, y Features) PairFeatures {
	pa, pb := profileOf(articleText(x), c.opt), profileOf(articleText(y), c.opt)
	for _, d := range x.Dates {
		pa.numbers[d] = true
	}
	for _, d := range y.Dates {
		pb.numbers[d] = true
	}
	return c.compare(pa, pb)
}

// articleText is the headline followed by the text, unless the text already
// starts with it.
func articleText(f Features) string {
	if f.Title == "" || strings.HasPrefix(f.Text, f.Title) {
		return f.Text
	}
	return f.Title + "\n" + f.Text
}

func (c *TextCorpus) compare(pa, pb textProfile) PairFeatures {
	wa, wb := sortedCounts(pa.words), sortedCounts(pb.words)
	la, lb := sortedCounts(pa.lead), sortedCounts(pb.lead)
	return PairFeatures{
		KeyTerms:  (c.keyShare(wa, pb.words) + c.keyShare(wb, pa.words)) / 2,
		Lead:      c.cosine(la, lb),
		LeadCross: max(c.cosine(la, wb), c.cosine(wa, lb)),
		Grams:     c.cosine(sortedCounts(pa.grams), sortedCounts(pb.grams)),
		Numbers:   jaccard(pa.numbers, pb.numbers),
	}
}

// keyShare is the share of x's KeyTerms most distinctive words (by TF-IDF,
// ties broken by key so the choice is deterministic) that occur in y. A text
// with fewer words than KeyTerms counts the missing ones as not shared.
func (c *TextCorpus) keyShare(x []termCount, y map[uint64]float64) float64 {
	if len(x) == 0 || len(y) == 0 {
		return 0
	}
	type weighted struct {
		key uint64
		w   float64
	}
	ws := make([]weighted, len(x))
	for i, t := range x {
		ws[i] = weighted{t.key, c.weight(t)}
	}
	slices.SortFunc(ws, func(a, b weighted) int {
		if a.w != b.w {
			return cmp.Compare(b.w, a.w)
		}
		return cmp.Compare(a.key, b.key)
	})
	n := 0
	for _, t := range ws[:min(len(ws), c.opt.KeyTerms)] {
		if y[t.key] > 0 {
			n++
		}
	}
	return float64(n) / float64(c.opt.KeyTerms)
}

// weight is a feature's log-TF × IDF weight.
func (c *TextCorpus) weight(t termCount) float64 { return (1 + math.Log(t.tf)) * c.idf(t.key) }

// cosine of two count vectors after log-TF × IDF weighting. The vectors are
// sorted by key and summed in that order, so that the result does not depend
// on map iteration and Compare(a, b) equals Compare(b, a) to the last bit.
func (c *TextCorpus) cosine(x, y []termCount) float64 {
	if len(x) == 0 || len(y) == 0 {
		return 0
	}
	w := c.weight
	var d, nx, ny float64
	for _, t := range x {
		v := w(t)
		nx += v * v
	}
	for _, t := range y {
		v := w(t)
		ny += v * v
	}
	for i, j := 0, 0; i < len(x) && j < len(y); {
		switch {
		case x[i].key < y[j].key:
			i++
		case x[i].key > y[j].key:
			j++
		default:
			d += w(x[i]) * w(y[j])
			i++
			j++
		}
	}
	if nx == 0 || ny == 0 {
		return 0
	}
	return d / math.Sqrt(nx*ny)
}

// termCount is one feature of a text with its count.
type termCount struct {
	key uint64
	tf  float64
}

func sortedCounts(m map[uint64]float64) []termCount {
	out := make([]termCount, 0, len(m))
	for k, tf := range m {
		out = append(out, termCount{k, tf})
	}
	slices.SortFunc(out, func(a, b termCount) int { return cmp.Compare(a.key, b.key) })
	return out
}

func jaccard(x, y map[string]bool) float64 {
	if len(x) == 0 || len(y) == 0 {
		return 0
	}
	n := 0
	for k := range x {
		if y[k] {
			n++
		}
	}
	return float64(n) / float64(len(x)+len(y)-n)
}

// textProfile is one text's raw feature counts.
type textProfile struct {
	words, grams, lead map[uint64]float64
	numbers            map[string]bool
}

func featureKey(kind byte, s string) uint64 {
	return xxh3.HashString(s) ^ uint64(kind)<<56
}

// isCJK reports scripts written without spaces between words, where a
// character bigram stands in for a word.
func isCJK(r rune) bool {
	if r < 0x1100 { // below Hangul Jamo: Latin, Greek, Cyrillic, Arabic, …
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}

// profileOf splits a text into words (letters and digits; CJK runs become
// overlapping character bigrams) and character n-grams.
func profileOf(text string, opt TextOptions) textProfile {
	p := textProfile{
		words:   make(map[uint64]float64),
		grams:   make(map[uint64]float64),
		lead:    make(map[uint64]float64),
		numbers: make(map[string]bool),
	}
	nwords := 0
	addWord := func(w string) {
		k := featureKey(kindWord, w)
		p.words[k]++
		if nwords < opt.LeadWords {
			p.lead[k]++
		}
		nwords++
	}
	var word []rune
	var cjk []rune
	flushCJK := func() {
		if len(cjk) == 1 {
			addWord(string(cjk))
		}
		for i := 0; i+1 < len(cjk); i++ {
			addWord(string(cjk[i : i+2]))
		}
		cjk = cjk[:0]
	}
	flushWord := func() {
		if len(word) == 0 {
			return
		}
		lower := strings.ToLower(strings.TrimRight(string(word), "'’-"))
		word = word[:0]
		if strings.ContainsAny(lower, "0123456789") {
			p.numbers[lower] = true
			addWord(lower)
			return
		}
		if utf8.RuneCountInString(lower) < 2 {
			return
		}
		if rs := []rune(lower); len(rs) > opt.WordPrefix {
			lower = string(rs[:opt.WordPrefix])
		}
		addWord(lower)
	}
	for i, r := range text {
		switch {
		case isCJK(r):
			flushWord()
			cjk = append(cjk, r)
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			flushCJK()
			word = append(word, r)
			continue
		case (r == '\'' || r == '’' || r == '-') && len(word) > 0:
			word = append(word, r)
			continue
		case (r == '.' || r == ',') && len(word) > 0 && unicode.IsDigit(word[len(word)-1]) && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9':
			// decimal point or thousands separator: 7.8 and 3,000 are one number
			word = append(word, r)
			continue
		}
		flushWord()
		flushCJK()
	}
	flushWord()
	flushCJK()
	// character n-grams over the lower-cased letters, words joined by one
	// space so that n-grams span word boundaries ("_rom" and "rome")
	// (hashed as UTF-8 slices of one buffer: no string per n-gram)
	norm := make([]byte, 0, len(text)+1)
	starts := make([]int, 0, len(text)+1)
	space := true
	for _, r := range strings.ToLower(text) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			starts = append(starts, len(norm))
			norm = utf8.AppendRune(norm, r)
			space = false
		} else if !space {
			starts = append(starts, len(norm))
			norm = append(norm, ' ')
			space = true
		}
	}
	starts = append(starts, len(norm))
	for i := 0; i+opt.GramSize < len(starts); i++ {
		p.grams[xxh3.Hash(norm[starts[i]:starts[i+opt.GramSize]])^uint64(kindGram)<<56]++
	}
	return p
}

// SimilarityModel turns PairFeatures into a rating on the SemEval-2022 Task
// 8 Overall scale (1 = same event … 4 = unrelated): each feature is raised to
// Power (cosines of unrelated texts crowd near 0; a root spreads them), a
// linear map gives a raw rating, and an optional monotone calibration (knots
// from isotonic regression) bends it to the scale the raters used.
type SimilarityModel struct {
	Power     float64
	Intercept float64
	Weights   [len(FeatureNames)]float64
	// Calibration maps the linear rating to the calibrated one by linear
	// interpolation between knots sorted by X; empty means identity.
	Calibration []Knot
}

// Knot is one point of a monotone calibration curve.
type Knot struct{ X, Y float64 }

// DefaultSimilarityModel is the model fitted by FitSimilarityModel (power
// 0.5, with isotonic calibration) on the non-English monolingual pairs of
// SemEval-2022 Task 8; storyeval's tests refit it from the data and check
// these figures, so they are reproducible rather than chosen.
//
// The weights assume IDF learned from a few thousand news texts (the
// evaluation's corpus had 1,800); the linear part predicts the rating, the
// knots bend it where the raters' scale is not linear in the features.
func DefaultSimilarityModel() SimilarityModel {
	return SimilarityModel{
		Power:     0.5,
		Intercept: 4.0224,
		Weights:   [len(FeatureNames)]float64{-1.3564, -1.7280, -2.0109, 1.9523, -0.4225},
		Calibration: []Knot{{0.9858, 1.3158}, {1.5646, 1.4115}, {1.8519, 1.4123}, {1.8898, 1.4444}, {2.0060, 1.7926},
			{2.1369, 1.8359}, {2.1992, 1.8889}, {2.2448, 2.0196}, {2.2934, 2.4000}, {2.4222, 2.4554},
			{2.6352, 2.5543}, {2.7199, 2.7500}, {2.7366, 2.8636}, {2.8774, 3.2488}, {3.0273, 3.5000},
			{3.2903, 3.5683}, {3.6420, 3.7222}, {3.9203, 3.7269}, {4.2252, 3.8333}, {4.2997, 3.9444},
			{4.4730, 4.0000}},
	}
}

// Rating predicts the Overall rating (1..4, lower is more similar).
func (m SimilarityModel) Rating(f PairFeatures) float64 {
	return m.calibrate(m.linear(f))
}

// Similarity is Rating turned into 0 (unrelated) … 1 (same event).
func (m SimilarityModel) Similarity(f PairFeatures) float64 {
	return min(1, max(0, (4-m.Rating(f))/3))
}

func (m SimilarityModel) linear(f PairFeatures) float64 {
	s := m.Intercept
	for i, v := range f.Vector() {
		s += m.Weights[i] * powerOf(v, m.Power)
	}
	return s
}

func powerOf(v, p float64) float64 {
	if v <= 0 {
		return 0
	}
	if p == 0 || p == 1 {
		return v
	}
	return math.Pow(v, p)
}

func (m SimilarityModel) calibrate(x float64) float64 {
	k := m.Calibration
	switch {
	case len(k) == 0:
		return x
	case x <= k[0].X:
		return k[0].Y
	case x >= k[len(k)-1].X:
		return k[len(k)-1].Y
	}
	i := sort.Search(len(k), func(i int) bool { return k[i].X >= x })
	a, b := k[i-1], k[i]
	if b.X == a.X {
		return b.Y
	}
	return a.Y + (b.Y-a.Y)*(x-a.X)/(b.X-a.X)
}

// FitSimilarityModel fits the linear weights by least squares of the gold
// ratings on the powered features, and, when calibrate is set, an isotonic
// (non-decreasing) calibration of the linear rating. With six weights and
// hundreds of pairs the fit has little room to overfit.
func FitSimilarityModel(feats []PairFeatures, gold []float64, power float64, calibrate bool) (SimilarityModel, error) {
	if len(feats) != len(gold) {
		return SimilarityModel{}, fmt.Errorf("fit: %d feature rows, %d ratings", len(feats), len(gold))
	}
	const k = len(FeatureNames)
	if len(feats) <= k+1 {
		return SimilarityModel{}, fmt.Errorf("fit: %d pairs are too few for %d weights", len(feats), k)
	}
	m := SimilarityModel{Power: power}
	rows := make([][]float64, len(feats))
	for r, f := range feats {
		row := make([]float64, 0, k+1)
		row = append(row, 1)
		for _, v := range f.Vector() {
			row = append(row, powerOf(v, power))
		}
		rows[r] = row
	}
	w, err := leastSquares(rows, gold)
	if err != nil {
		return SimilarityModel{}, err
	}
	m.Intercept = w[0]
	copy(m.Weights[:], w[1:])
	if calibrate {
		xs := make([]float64, len(feats))
		for i, f := range feats {
			xs[i] = m.linear(f)
		}
		m.Calibration = Isotonic(xs, gold)
	}
	return m, nil
}

// leastSquares solves the normal equations (with a tiny ridge so that a
// constant feature does not make them singular) by Gaussian elimination with
// partial pivoting.
func leastSquares(rows [][]float64, y []float64) ([]float64, error) {
	n := len(rows[0])
	a := make([][]float64, n)
	for i := range a {
		a[i] = make([]float64, n+1)
	}
	for r, row := range rows {
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				a[i][j] += row[i] * row[j]
			}
			a[i][n] += row[i] * y[r]
		}
	}
	for i := 1; i < n; i++ {
		a[i][i] += 1e-6 * float64(len(rows))
	}
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		if math.Abs(a[p][c]) < 1e-12 {
			return nil, fmt.Errorf("fit: singular system at column %d", c)
		}
		a[c], a[p] = a[p], a[c]
		for r := 0; r < n; r++ {
			if r != c {
				f := a[r][c] / a[c][c]
				for j := c; j <= n; j++ {
					a[r][j] -= f * a[c][j]
				}
			}
		}
	}
	w := make([]float64, n)
	for i := range w {
		w[i] = a[i][n] / a[i][i]
	}
	return w, nil
}

// Isotonic fits a non-decreasing step function of x to y by pool adjacent
// violators and returns one knot per pooled block (at the block's mean x and
// mean y), which SimilarityModel interpolates linearly.
func Isotonic(x, y []float64) []Knot {
	n := min(len(x), len(y))
	if n == 0 {
		return nil
	}
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return x[idx[a]] < x[idx[b]] })
	type block struct{ sx, sy, n float64 }
	var bs []block
	for _, i := range idx {
		bs = append(bs, block{x[i], y[i], 1})
		for len(bs) > 1 {
			a, b := bs[len(bs)-2], bs[len(bs)-1]
			if a.sy/a.n < b.sy/b.n {
				break
			}
			bs = bs[:len(bs)-2]
			bs = append(bs, block{a.sx + b.sx, a.sy + b.sy, a.n + b.n})
		}
	}
	out := make([]Knot, len(bs))
	for i, b := range bs {
		out[i] = Knot{b.sx / b.n, b.sy / b.n}
	}
	return out
}

// Similarity scores two texts with DefaultSimilarityModel under the corpus'
// IDF: 0 (unrelated) … 1 (reports of the same event).
func (c *TextCorpus) Similarity(a, b string) float64 {
	return DefaultSimilarityModel().Similarity(c.Compare(a, b))
}

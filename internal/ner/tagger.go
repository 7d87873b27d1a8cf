package ner

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

//go:embed model/ner.bin.gz
var modelGz []byte

// Tagger tags tokenised sentences with entity labels. It is read-only after
// construction and safe for concurrent use.
type Tagger struct {
	lx *lexicon
	m  *Model
	// Each pass's dense scores by word (nil for a model without them).
	dense1, dense2 *denseTable
}

var defaultTagger = sync.OnceValues(func() (*Tagger, error) {
	m, err := ReadModel(bytes.NewReader(modelGz))
	if err != nil {
		return nil, fmt.Errorf("embedded NER model: %w", err)
	}
	return NewTagger(m)
})

// Default returns the tagger with the embedded model, loaded once.
func Default() (*Tagger, error) { return defaultTagger() }

var sharedLexicon = sync.OnceValues(loadLexicon)

// NewTagger returns a tagger for a model (the embedded lexicon is shared).
func NewTagger(m *Model) (*Tagger, error) {
	lx, err := sharedLexicon()
	if err != nil {
		return nil, err
	}
	if m.dw1 != nil && m.denseDim != lx.denseDim() {
		return nil, fmt.Errorf("NER model has %d dense inputs, the word vectors give %d", m.denseDim, lx.denseDim())
	}
	return &Tagger{lx: lx, m: m, dense1: newDenseTable(lx, m.dw1), dense2: newDenseTable(lx, m.dw2)}, nil
}

// Tag returns one BIO label per token (B-PER, I-ORG, B-GPE, O, ...), treating
// the sentence as a document of its own.
func (t *Tagger) Tag(tokens []string) []string {
	return t.TagDocument([][]string{tokens})[0]
}

// TagDocument tags the sentences of one document together, so that what the
// first pass learns about a word in one sentence informs the others.
func (t *Tagger) TagDocument(sents [][]string) [][]string {
	labels := t.labelDocument(sents)
	out := make([][]string, len(sents))
	for si, ls := range labels {
		out[si] = t.bio(sents[si], ls)
	}
	return out
}

// ChunkDocument is TagDocument returning chunks (with GPE split from LOC).
func (t *Tagger) ChunkDocument(sents [][]string) [][]Chunk {
	labels := t.labelDocument(sents)
	out := make([][]Chunk, len(sents))
	for si, ls := range labels {
		cs := chunksFromBILOU(ls)
		for ci := range cs {
			if cs[ci].Type == "LOC" && t.isGPE(sents[si][cs[ci].Start:cs[ci].End]) {
				cs[ci].Type = "GPE"
			}
		}
		out[si] = cs
	}
	return out
}

func (t *Tagger) bio(tokens []string, labels []int) []string {
	out := make([]string, len(labels))
	for i := range out {
		out[i] = "O"
	}
	for _, c := range chunksFromBILOU(labels) {
		typ := c.Type
		if typ == "LOC" && t.isGPE(tokens[c.Start:c.End]) {
			typ = "GPE"
		}
		out[c.Start] = "B-" + typ
		for i := c.Start + 1; i < c.End; i++ {
			out[i] = "I-" + typ
		}
	}
	return out
}

// isGPE reports a location that the gazetteer knows as a country or a
// city, province or state: a geo-political entity.
func (t *Tagger) isGPE(tokens []string) bool {
	h := uint64(gazSeed)
	for _, w := range tokens {
		h = mix(h, hashLower(w))
	}
	k := t.lx.gaz.phrases[h]
	return k&(1<<gazCountry|1<<gazPlace) != 0
}

// workspace is the per-call scratch space of the tagger.
type workspace struct {
	keys  []uint64
	rows  []int32
	steps []hyp // the beam at each token of a sentence
}

// labelDocument runs both passes and returns BILOU label ids.
func (t *Tagger) labelDocument(sents [][]string) [][]int {
	infos := make([][]tokInfo, len(sents))
	for si, s := range sents {
		infos[si] = t.lx.prepare(s, make([]tokInfo, 0, len(s)))
	}
	return t.m.label(t.lx, infos, true, t.dense1, t.dense2)
}

// label tags prepared sentences: the first pass, then (when second is set
// and the model has one) the second pass over the first pass's labels.
//
// The dense scores come from d1 and d2 where given (a Tagger's), else from
// the model's dense weights directly (a model in training).
func (m *Model) label(lx *lexicon, infos [][]tokInfo, second bool, d1, d2 *denseTable) [][]int {
	doc := newDocContext(infos)
	var ws workspace
	var x []float32
	if m.dw1 != nil && lx.denseDim() == m.denseDim {
		x = make([]float32, m.denseDim)
	}
	addDenseScore := func(sc *[numLabels]float32, d *denseTable, dw []float32, s []tokInfo, i int) {
		switch {
		case d != nil:
			d.add(sc, s, i)
		case x != nil && dw != nil && lx.denseInput(s, i, x):
			addDense(sc, dw, x)
		}
	}
	// Static rows of every token, looked up once for both passes.
	type sentRows struct {
		rows []int32
		off  []int32
	}
	static := make([]sentRows, len(infos))
	for si, s := range infos {
		sf := flagsOf(s)
		sr := sentRows{off: make([]int32, len(s)+1)}
		for i := range s {
			ws.keys = staticFeatures(s, i, sf, doc, ws.keys[:0])
			for _, k := range ws.keys {
				if r := m.row(k); r >= 0 {
					sr.rows = append(sr.rows, r)
				}
			}
			sr.off[i+1] = int32(len(sr.rows))
		}
		static[si] = sr
	}
	l1 := make([][]int, len(infos))
	var base [][numLabels]float32
	for si, s := range infos {
		base = growBase(base, len(s))
		sr := static[si]
		for i := range s {
			base[i] = [numLabels]float32{}
			addRows(&base[i], m.w1, sr.rows[sr.off[i]:sr.off[i+1]])
			addDenseScore(&base[i], d1, m.dw1, s, i)
		}
		l1[si] = m.decode(s, base, m.w1, m.tab1, &ws)
	}
	if !second || m.w2 == nil {
		return l1
	}
	dl := newDocLabels(infos, l1)
	l2 := make([][]int, len(infos))
	for si, s := range infos {
		base = growBase(base, len(s))
		sr := static[si]
		for i := range s {
			base[i] = [numLabels]float32{}
			addRows(&base[i], m.w2, sr.rows[sr.off[i]:sr.off[i+1]])
			addDenseScore(&base[i], d2, m.dw2, s, i)
			ws.keys = secondPassFeatures(s, l1[si], i, dl, ws.keys[:0])
			ws.rows = ws.rows[:0]
			for _, k := range ws.keys {
				if r := m.row(k); r >= 0 {
					ws.rows = append(ws.rows, r)
				}
			}
			addRows(&base[i], m.w2, ws.rows)
		}
		l2[si] = m.decode(s, base, m.w2, m.tab2, &ws)
	}
	return l2
}

func growBase(b [][numLabels]float32, n int) [][numLabels]float32 {
	if cap(b) < n {
		return make([][numLabels]float32, n)
	}
	return b[:n]
}

func addRows(dst *[numLabels]float32, w []float32, rows []int32) {
	for _, r := range rows {
		row := (*[numLabels]float32)(w[int(r)*numLabels:])
		for l := range dst {
			dst[l] += row[l]
		}
	}
}

// Decoding is a beam search over label sequences scored by the sum of the
// perceptron's raw scores, the search the model is trained with (see
// trainPass): labellings that end in the same two labels score the rest of
// the sentence alike, so only the best of them is kept.
const (
	decodeBeam = 4
	// A labelling this far below the best is dropped from the beam: on
	// most tokens one label is certain and the beam is one labelling wide,
	// nearly as fast as greedy decoding. (Weights are perceptron update
	// counts averaged, so the scale is that of a few feature updates.)
	beamMargin = 4
)

// hyp is one partial labelling in beam search: its last two labels (all the
// features look back on), its summed score and where it came from.
type hyp struct {
	prev, prev2 int
	score       float32
	parent      int // index of its predecessor in the previous step
}

// decode labels one sentence with the weights w of one pass (tab holds their
// label-only features). Labellings that end in the same two labels score the
// rest of the sentence alike, so only the best of them is kept, and a
// sentence may not end with a name left open.
func (m *Model) decode(s []tokInfo, base [][numLabels]float32, w []float32, tab *labelTable, ws *workspace) []int {
	n := len(s)
	out := make([]int, n)
	if n == 0 {
		return out
	}
	const k = decodeBeam
	steps := ws.steps[:0]
	cur := [k]hyp{{prev: labelO, prev2: 31, parent: -1}}
	nCur := 1
	var cand [k * numLabels]hyp
	// The token-and-label features for each distinct previous label among
	// the hypotheses, looked up once per token.
	var dynPrev [k]int
	var dyn [k][numLabels]float32
	for i := range s {
		ok := allowedTable(i == n-1, s[i].innerOnly)
	expand:
		nc, nDyn := 0, 0
		for hi := 0; hi < nCur; hi++ {
			h := cur[hi]
			d := -1
			for j := 0; j < nDyn; j++ {
				if dynPrev[j] == h.prev {
					d = j
				}
			}
			if d < 0 {
				d = nDyn
				nDyn++
				dynPrev[d] = h.prev
				dyn[d] = [numLabels]float32{}
				m.addTokenDynamic(&dyn[d], &s[i], h.prev, w, ws)
			}
			p2 := h.prev2
			if p2 > labelTableBoundary {
				p2 = labelTableBoundary
			}
			lab := &tab[p2][h.prev]
			allowed := &ok[h.prev]
			parent := len(steps) - nCur + hi
			for l := range numLabels {
				if allowed[l] {
					cand[nc] = hyp{prev: l, prev2: h.prev, score: h.score + base[i][l] + dyn[d][l] + lab[l], parent: parent}
					nc++
				}
			}
		}
		if nc == 0 && s[i].innerOnly {
			// Every labelling had a name open that only this function
			// word could close: let it close the name after all.
			ok = allowedTable(i == n-1, false)
			goto expand
		}
		// Keep the k best distinct states; the first of equal scores wins,
		// so decoding is deterministic.
		nCur = 0
		for nCur < k {
			best := -1
			for c := 0; c < nc; c++ {
				if cand[c].parent != taken && (best < 0 || cand[c].score > cand[best].score) {
					best = c
				}
			}
			if best < 0 || (nCur > 0 && cand[best].score < cur[0].score-beamMargin) {
				break
			}
			b := cand[best]
			cur[nCur] = b
			nCur++
			for c := 0; c < nc; c++ {
				if cand[c].prev == b.prev && cand[c].prev2 == b.prev2 {
					cand[c].parent = taken // taken, or the same state as one taken
				}
			}
		}
		steps = append(steps, cur[:nCur]...)
	}
	ws.steps = steps
	// The best final labelling, followed back.
	at := len(steps) - nCur
	for i := n - 1; i >= 0; i-- {
		h := steps[at]
		out[i] = h.prev
		at = h.parent
	}
	return out
}

// taken marks a beam candidate already chosen or recombined away.
const taken = -2

// addTokenDynamic adds the weights of the features that join the previous
// label with the token itself (see dynamicFeatures).
func (m *Model) addTokenDynamic(sc *[numLabels]float32, t *tokInfo, prev int, w []float32, ws *workspace) {
	ws.keys = tokenDynamicFeatures(t, prev, ws.keys[:0])
	for _, k := range ws.keys {
		if r := m.row(k); r >= 0 {
			row := (*[numLabels]float32)(w[int(r)*numLabels:])
			for l := range sc {
				sc[l] += row[l]
			}
		}
	}
}

// labelTable holds, for one pass, the summed weights of the features of the
// two previous labels alone (tPrev, tPrev2), by label before last (the
// sentence boundary last) and last label: they are looked up once per
// model, not per token and hypothesis.
type labelTable [labelTableBoundary + 1][numLabels][numLabels]float32

const labelTableBoundary = numLabels // the row for "before the sentence"

func newLabelTable(m *Model, w []float32) *labelTable {
	t := new(labelTable)
	if w == nil {
		return t
	}
	for p2i := range t {
		p2 := p2i
		if p2i == labelTableBoundary {
			p2 = 31
		}
		for p := 0; p < numLabels; p++ {
			for _, k := range labelFeatures(p, p2, nil) {
				if r := m.row(k); r >= 0 {
					row := (*[numLabels]float32)(w[int(r)*numLabels:])
					for l := range t[p2i][p] {
						t[p2i][p][l] += row[l]
					}
				}
			}
		}
	}
	return t
}

// allowedTables[last][inner][prev][cur] is allowed(prev, cur), restricted
// at the last token of a sentence to labels that leave no name open, and
// for a function word (tokInfo.innerOnly) to O and I.
var allowedTables = func() (t [2][2][numLabels][numLabels]bool) {
	for last := range 2 {
		for inner := range 2 {
			for p := 0; p < numLabels; p++ {
				for c := 0; c < numLabels; c++ {
					t[last][inner][p][c] = allowedAt(p, c, last == 1) && (inner == 0 || c == labelO || labelPos(c) == posI)
				}
			}
		}
	}
	return t
}()

func allowedTable(last, inner bool) *[numLabels][numLabels]bool {
	return &allowedTables[b2i(last)][b2i(inner)]
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// allowedAt is allowed, and at the last token of a sentence no name may be
// left open.
func allowedAt(prev, cur int, last bool) bool {
	if last && cur != labelO && (labelPos(cur) == posB || labelPos(cur) == posI) {
		return false
	}
	return allowed(prev, cur)
}

// TypeOf returns the entity type of a BIO label ("B-PER" -> "PER"), "" for O.
func TypeOf(tag string) string {
	if _, t, ok := strings.Cut(tag, "-"); ok {
		return t
	}
	return ""
}

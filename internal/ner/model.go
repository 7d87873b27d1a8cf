package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
)

// Model is the trained tagger's parameters: one row of per-label weights for
// each feature key, for the first pass (w1) and the second pass (w2) that also
// sees first-pass labels. Both passes share the key index so a token's static
// features are looked up once.
type Model struct {
	index map[uint64]int32
	table featureTable // index, for fast lookups; built lazily by row
	w1    []float32
	w2    []float32
	// Weights of the real-valued inputs (see dense.go), denseDim rows of
	// numLabels per pass; nil for a model without them.
	dw1, dw2 []float32
	denseDim int
	// The label-only features of each pass, summed (built by ready).
	tab1, tab2 *labelTable
}

// modelMagic opens a model file. v3 models are trained on whole sentences
// and decoded by raw scores; v1 and v2 files hold locally trained weights,
// which that decoding misreads, and are refused.
const (
	modelMagic    = "dossier-ner-v3\n"
	oldModelMagic = "dossier-ner-v"
)

// NumFeatures is the number of feature rows in the model.
func (m *Model) NumFeatures() int { return len(m.index) }

func (m *Model) row(k uint64) int32 { return m.table.find(k) }

// ready builds the lookup table; every constructor of a Model calls it.
func (m *Model) ready() *Model {
	m.table = newFeatureTable(m.index)
	m.tab1, m.tab2 = newLabelTable(m, m.w1), newLabelTable(m, m.w2)
	return m
}

// mergeModels joins the two passes' weights over the union of their keys,
// dropping rows whose weights all round to zero; dw1 and dw2 are the passes'
// dense weights (nil without vectors).
func mergeModels(i1 map[uint64]int32, w1, dw1 []float32, i2 map[uint64]int32, w2, dw2 []float32) *Model {
	keys := make([]uint64, 0, len(i1)+len(i2))
	for k := range i1 {
		keys = append(keys, k)
	}
	for k := range i2 {
		if _, ok := i1[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	// A perceptron's decisions do not change when all its weights are scaled,
	// so each pass is scaled to [-1, 1] before quantising.
	s1, s2 := 1/max(maxAbs(w1), maxAbs(dw1)), 1/max(maxAbs(w2), maxAbs(dw2))
	m := &Model{index: make(map[uint64]int32, len(keys))}
	if dw1 != nil {
		m.denseDim = len(dw1) / numLabels
		m.dw1 = quantiseAll(dw1, s1)
		if dw2 != nil {
			m.dw2 = quantiseAll(dw2, s2)
		}
	}
	var row1, row2 [numLabels]float32
	for _, k := range keys {
		row1, row2 = [numLabels]float32{}, [numLabels]float32{}
		nz := false
		if r, ok := i1[k]; ok {
			copy(row1[:], w1[int(r)*numLabels:])
		}
		if r, ok := i2[k]; ok {
			copy(row2[:], w2[int(r)*numLabels:])
		}
		for l := 0; l < numLabels; l++ {
			row1[l], row2[l] = quantise(row1[l]*s1), quantise(row2[l]*s2)
			nz = nz || row1[l] != 0 || row2[l] != 0
		}
		if !nz {
			continue
		}
		m.index[k] = int32(len(m.index))
		m.w1 = append(m.w1, row1[:]...)
		m.w2 = append(m.w2, row2[:]...)
	}
	return m.ready()
}

// Weights, scaled to [-1, 1], are stored as int16 steps of weightStep: this
// precision does not change the dev score, and small weights round to zero,
// which prunes the rows that never mattered and lets gzip find runs.
const weightStep = 1.0 / 32000

func maxAbs(w []float32) float32 {
	m := float32(0)
	for _, x := range w {
		m = max(m, x, -x)
	}
	if m == 0 {
		return 1e-30
	}
	return m
}

func quantiseAll(w []float32, scale float32) []float32 {
	out := make([]float32, len(w))
	for i, x := range w {
		out[i] = quantise(x * scale)
	}
	return out
}

func quantise(w float32) float32 {
	q := math.Round(float64(w) / weightStep)
	q = max(min(q, math.MaxInt16), math.MinInt16)
	return float32(q * weightStep)
}

// WriteTo writes the model gzip'd: magic, row count, sorted keys (delta
// coded), then both passes' weights as int16, label-major so the many zeros of
// rare labels compress well.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	keys := make([]uint64, 0, len(m.index))
	for k := range m.index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var buf bytes.Buffer
	buf.WriteString(modelMagic)
	var tmp [binary.MaxVarintLen64]byte
	buf.Write(tmp[:binary.PutUvarint(tmp[:], uint64(len(keys)))])
	prev := uint64(0)
	for _, k := range keys {
		buf.Write(tmp[:binary.PutUvarint(tmp[:], k-prev)])
		prev = k
	}
	passes := [][]float32{m.w1}
	if m.w2 != nil {
		passes = append(passes, m.w2)
	}
	buf.WriteByte(byte(len(passes)))
	for _, ws := range passes {
		for l := 0; l < numLabels; l++ {
			for _, k := range keys {
				v := int16(math.Round(float64(ws[int(m.index[k])*numLabels+l]) / weightStep))
				buf.Write(tmp[:binary.PutVarint(tmp[:], int64(v))])
			}
		}
	}
	if m.dw1 == nil {
		buf.WriteByte(0) // no dense weights
	} else {
		buf.Write(tmp[:binary.PutUvarint(tmp[:], uint64(m.denseDim))])
		for _, dw := range [][]float32{m.dw1, m.dw2}[:len(passes)] {
			for _, x := range dw {
				v := int16(math.Round(float64(x) / weightStep))
				buf.Write(tmp[:binary.PutVarint(tmp[:], int64(v))])
			}
		}
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	if _, err := zw.Write(buf.Bytes()); err != nil {
		return 0, fmt.Errorf("writing model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return 0, fmt.Errorf("writing model: %w", err)
	}
	return int64(buf.Len()), nil
}

// ReadModel reads a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("reading model: %w", err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	magic := make([]byte, len(modelMagic))
	switch _, err := io.ReadFull(br, magic); {
	case err == nil && string(magic) == modelMagic:
	case err == nil && strings.HasPrefix(string(magic), oldModelMagic):
		return nil, fmt.Errorf("reading model: format %q is from an older dossier, trained on local decisions; retrain it with dossier train ner", strings.TrimSpace(string(magic)))
	default:
		return nil, errors.New("reading model: not a dossier NER model")
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<28 {
		return nil, fmt.Errorf("reading model: bad row count: %w", err)
	}
	m := &Model{index: make(map[uint64]int32, n), w1: make([]float32, int(n)*numLabels)}
	prev := uint64(0)
	for i := 0; i < int(n); i++ {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("reading model keys: %w", err)
		}
		prev += d
		m.index[prev] = int32(i)
	}
	np, err := br.ReadByte()
	if err != nil || np < 1 || np > 2 {
		return nil, fmt.Errorf("reading model: bad pass count %d: %w", np, err)
	}
	passes := [][]float32{m.w1}
	if np == 2 {
		m.w2 = make([]float32, int(n)*numLabels)
		passes = append(passes, m.w2)
	}
	for _, ws := range passes {
		for l := 0; l < numLabels; l++ {
			for i := 0; i < int(n); i++ {
				v, err := binary.ReadVarint(br)
				if err != nil {
					return nil, fmt.Errorf("reading model weights: %w", err)
				}
				ws[i*numLabels+l] = float32(v) * weightStep
			}
		}
	}
	dd, err := binary.ReadUvarint(br)
	if err != nil || dd > 1<<16 {
		return nil, fmt.Errorf("reading model: bad dense dimension: %w", err)
	}
	if dd > 0 {
		m.denseDim = int(dd)
		m.dw1 = make([]float32, m.denseDim*numLabels)
		dws := [][]float32{m.dw1}
		if np == 2 {
			m.dw2 = make([]float32, m.denseDim*numLabels)
			dws = append(dws, m.dw2)
		}
		for _, dw := range dws {
			for i := range dw {
				v, err := binary.ReadVarint(br)
				if err != nil {
					return nil, fmt.Errorf("reading model dense weights: %w", err)
				}
				dw[i] = float32(v) * weightStep
			}
		}
	}
	return m.ready(), nil
}

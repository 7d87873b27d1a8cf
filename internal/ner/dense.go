package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// Word vectors as real-valued features. The perceptron's sparse features
// (word forms, clusters, ...) are indicator keys; the dense ones are the
// quantised wink vector of the token and of its neighbours, with one weight
// per dimension and label. They are summed into a token's static scores
// like the sparse rows, so decoding is unchanged.

//go:embed model/vectors.bin.gz
var vectorsGz []byte

const vectorsMagic = "dossier-vec-v1\n"

// wordVectors holds int8 vectors, dim per word, indexed by the hash of the
// lowercased word (1 + row; 0 is no vector).
type wordVectors struct {
	index map[uint64]int32
	data  []int8
	dim   int
}

func readVectors(r io.Reader) (wordVectors, error) {
	var v wordVectors
	zr, err := gzip.NewReader(r)
	if err != nil {
		return v, fmt.Errorf("vectors: %w", err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	magic := make([]byte, len(vectorsMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != vectorsMagic {
		return v, errors.New("vectors: not a dossier vector file")
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<22 {
		return v, fmt.Errorf("vectors: bad word count: %w", err)
	}
	dim, err := binary.ReadUvarint(br)
	if err != nil || dim == 0 || dim > 1024 {
		return v, fmt.Errorf("vectors: bad dimension: %w", err)
	}
	v.dim = int(dim)
	// Sized as read, not from the header, so a bad header cannot ask for
	// gigabytes.
	v.index = make(map[uint64]int32, min(n, 1<<16))
	v.data = make([]int8, 0, min(int(n)*v.dim, 1<<24))
	word := make([]byte, 0, 64)
	raw := make([]byte, v.dim)
	for i := 0; i < int(n); i++ {
		l, err := binary.ReadUvarint(br)
		if err != nil || l > 1024 {
			return v, fmt.Errorf("vectors: word %d: %w", i, err)
		}
		word = append(word[:0], make([]byte, l)...)
		if _, err := io.ReadFull(br, word); err != nil {
			return v, fmt.Errorf("vectors: word %d: %w", i, err)
		}
		if _, err := io.ReadFull(br, raw); err != nil {
			return v, fmt.Errorf("vectors: word %d: %w", i, err)
		}
		for _, b := range raw {
			v.data = append(v.data, int8(b))
		}
		h := hashLower(string(word))
		if _, dup := v.index[h]; !dup {
			v.index[h] = int32(i + 1)
		}
	}
	return v, nil
}

func loadVectors() (wordVectors, error) { return readVectors(bytes.NewReader(vectorsGz)) }

// denseOffsets are the tokens, relative to the current one, whose vectors
// are features, each with weights of its own.
var denseOffsets = [...]int{-1, 0, 1}

// denseSlots is the number of vectors a token's inputs hold: one per offset,
// then that of the last word of the run of capitalised words holding the
// token, when that run has more than one word ("Kansai Electric Power": a
// name's last word says much of its type). CoNLL-2003 dev F1, seeds 0 and 1
// (without vectors: 0.9295, 0.9267):
//
//	the token alone                              0.9315  0.9298
//	offsets -1, 0, 1                             0.9313  0.9321
//	offsets -1, 0, 1 and the run's last word     0.9345  0.9338
//	offsets -2..2 and the run's last word        0.9335  0.9340
//	offsets -1, 0, 1, the run's last and first   0.9360  0.9309
//	... and the words before and after the run   0.9331
//
// On top of the kept choice (offsets -1, 0, 1 and the run's last word), seed
// 0, nothing else moved dev F1 out of the noise: denseNorm 2 0.9341; a slot
// of its own for a capitalised token's vector 0.9337; the last word of the
// run with connectives ("Bank of England") 0.9335; 80,000 words 0.9335;
// 8 or 16 epochs 0.9327, 0.9335; 5 runs 0.9337. Without vectors, seeds 0, 1
// and 2 score 0.9295, 0.9267, 0.9297; with them 0.9345, 0.9338, 0.9335.
const denseSlots = len(denseOffsets) + 1

// slotRows returns the vector row (1 + index, 0 none) of each slot of token i.
func slotRows(s []tokInfo, i int) [denseSlots]int32 {
	var r [denseSlots]int32
	for k, off := range denseOffsets {
		if j := i + off; j >= 0 && j < len(s) {
			r[k] = s[j].vec
		}
	}
	r[len(denseOffsets)] = s[i].headVec
	return r
}

// denseScale turns the int8 components (a unit vector times 254) into
// feature values: a unit vector then weighs as much as denseNorm indicator
// features would (a norm of 3 scored 0.9292 on dev, seed 0, against 0.9315
// for 1, vectors of the token alone).
const (
	denseNorm  = 1.0
	denseScale = denseNorm / 254
)

// denseDim is the number of real-valued inputs for a lexicon's vectors.
func (lx *lexicon) denseDim() int { return lx.vecs.dim * denseSlots }

// denseInput writes token i's real-valued inputs into x (len denseDim),
// returning false when none is set (no vectors for any of the tokens).
func (lx *lexicon) denseInput(s []tokInfo, i int, x []float32) bool {
	dim := lx.vecs.dim
	any := false
	for k, row := range slotRows(s, i) {
		dst := x[k*dim : (k+1)*dim]
		if row == 0 {
			clear(dst)
			continue
		}
		any = true
		src := lx.vecs.data[int(row-1)*dim : int(row)*dim]
		for d, q := range src {
			dst[d] = float32(q) * denseScale
		}
	}
	return any
}

// addDense adds the dense weights dw (denseDim rows of numLabels) times x.
func addDense(sc *[numLabels]float32, dw []float32, x []float32) {
	for d, xv := range x {
		if xv == 0 {
			continue
		}
		row := (*[numLabels]float32)(dw[d*numLabels:])
		for l := range sc {
			sc[l] += xv * row[l]
		}
	}
}

// denseTable holds one pass's dense scores per slot and word, computed once
// per tagger: a token's inputs are whole word vectors, so its dense score is
// a sum of denseSlots precomputed rows, not a product over every dimension
// (100 x numLabels multiplications a slot and pass). The tables take
// denseSlots x 50,000 words x numLabels float32s a pass, 14 MB.
type denseTable struct {
	rows [denseSlots][][numLabels]float32 // by slot, then vector row
}

func newDenseTable(lx *lexicon, dw []float32) *denseTable {
	if dw == nil {
		return nil
	}
	dim := lx.vecs.dim
	n := len(lx.vecs.data) / dim
	t := &denseTable{}
	for k := range denseSlots {
		w := dw[k*dim*numLabels : (k+1)*dim*numLabels]
		rows := make([][numLabels]float32, n)
		for r := range rows {
			var sc [numLabels]float32
			for d, q := range lx.vecs.data[r*dim : (r+1)*dim] {
				if q == 0 {
					continue
				}
				xv := float32(q) * denseScale
				row := (*[numLabels]float32)(w[d*numLabels:])
				for l := range sc {
					sc[l] += xv * row[l]
				}
			}
			rows[r] = sc
		}
		t.rows[k] = rows
	}
	return t
}

// add adds token i's dense score.
func (t *denseTable) add(sc *[numLabels]float32, s []tokInfo, i int) {
	for k, r := range slotRows(s, i) {
		if r == 0 {
			continue
		}
		row := &t.rows[k][r-1]
		for l := range sc {
			sc[l] += row[l]
		}
	}
}

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
// are features, each with weights of its own. CoNLL-2003 dev F1 (seeds 0
// and 1; without vectors 0.9295 and 0.9267): the token alone 0.9315 and
// 0.9298, the token and its neighbours 0.9313 and 0.9321.
var denseOffsets = [...]int{-1, 0, 1}

// denseScale turns the int8 components (a unit vector times 254) into
// feature values: a unit vector then weighs as much as denseNorm indicator
// features would (a norm of 3 scored 0.9292 on dev, seed 0, against 0.9315
// for 1, vectors of the token alone).
const (
	denseNorm  = 1.0
	denseScale = denseNorm / 254
)

// denseDim is the number of real-valued inputs for a lexicon's vectors.
func (lx *lexicon) denseDim() int { return lx.vecs.dim * len(denseOffsets) }

// denseInput writes token i's real-valued inputs into x (len denseDim),
// returning false when none is set (no vectors for any of the tokens).
func (lx *lexicon) denseInput(s []tokInfo, i int, x []float32) bool {
	dim := lx.vecs.dim
	any := false
	for k, off := range denseOffsets {
		dst := x[k*dim : (k+1)*dim]
		j := i + off
		var row int32
		if j >= 0 && j < len(s) {
			row = s[j].vec
		}
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

// denseTable holds one pass's dense scores per word and offset, computed
// once per tagger: a token's inputs are whole word vectors, so its dense
// score is a sum of len(denseOffsets) precomputed rows, not a product over
// every dimension (which would cost the tagger about a fifth of its speed).
type denseTable struct {
	rows [len(denseOffsets)][][numLabels]float32 // by offset, then vector row
}

func newDenseTable(lx *lexicon, dw []float32) *denseTable {
	if dw == nil {
		return nil
	}
	dim := lx.vecs.dim
	n := len(lx.vecs.data) / dim
	t := &denseTable{}
	for k := range denseOffsets {
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
	for k, off := range denseOffsets {
		j := i + off
		if j < 0 || j >= len(s) || s[j].vec == 0 {
			continue
		}
		row := &t.rows[k][s[j].vec-1]
		for l := range sc {
			sc[l] += row[l]
		}
	}
}

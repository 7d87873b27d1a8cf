package ner

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"math"
	"strings"
	"testing"
)

// vectorFile writes words and their int8 vectors in the format of
// ./cmd/nervectors.
func vectorFile(t testing.TB, dim int, words []string, vecs [][]int8) []byte {
	t.Helper()
	var raw bytes.Buffer
	raw.WriteString(vectorsMagic)
	var tmp [binary.MaxVarintLen64]byte
	raw.Write(tmp[:binary.PutUvarint(tmp[:], uint64(len(words)))])
	raw.Write(tmp[:binary.PutUvarint(tmp[:], uint64(dim))])
	for i, w := range words {
		raw.Write(tmp[:binary.PutUvarint(tmp[:], uint64(len(w)))])
		raw.WriteString(w)
		for _, q := range vecs[i] {
			raw.WriteByte(byte(q))
		}
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(raw.Bytes())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return gz.Bytes()
}

func TestReadVectors(t *testing.T) {
	b := vectorFile(t, 3, []string{"the", "Paris", "paris"}, [][]int8{{1, -2, 3}, {127, 0, -127}, {5, 5, 5}})
	v, err := readVectors(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if v.dim != 3 || len(v.index) != 2 {
		t.Fatalf("dim %d, %d words; want 3 and 2 (Paris and paris are one lowercased word)", v.dim, len(v.index))
	}
	// The first (most frequent) spelling of a lowercased word wins.
	row := v.index[hashLower("PARIS")]
	if row == 0 || v.data[int(row-1)*3] != 127 || v.data[int(row-1)*3+2] != -127 {
		t.Errorf("PARIS: row %d, want the vector of Paris", row)
	}
	for _, bad := range [][]byte{nil, []byte("not gzip"), b[:len(b)/2]} {
		if _, err := readVectors(bytes.NewReader(bad)); err == nil {
			t.Errorf("readVectors(%q...): want an error", bad[:min(len(bad), 8)])
		}
	}
}

// TestDenseTableMatchesWeights checks the tagger's per-word dense scores
// against the product of the model's weights with the token's inputs, which
// is what training scores.
func TestDenseTableMatchesWeights(t *testing.T) {
	lx, err := sharedLexicon()
	if err != nil {
		t.Fatal(err)
	}
	dd := lx.denseDim()
	if dd == 0 {
		t.Fatal("no word vectors embedded")
	}
	dw := make([]float32, dd*numLabels)
	for i := range dw {
		dw[i] = float32(math.Sin(float64(i))) // any fixed weights
	}
	tab := newDenseTable(lx, dw)
	s := lx.prepare(strings.Fields("Shares of Volkswagen rose in Frankfurt zzqxj ."), nil)
	x := make([]float32, dd)
	for i := range s {
		var want, got [numLabels]float32
		if lx.denseInput(s, i, x) {
			addDense(&want, dw, x)
		}
		tab.add(&got, s, i)
		for l := range got {
			if d := got[l] - want[l]; d > 1e-4 || d < -1e-4 {
				t.Fatalf("token %d label %d: table %g, weights %g", i, l, got[l], want[l])
			}
		}
	}
	if s[1].vec == 0 || s[6].vec != 0 {
		t.Errorf("vector rows: of %d (want one), zzqxj %d (want none)", s[1].vec, s[6].vec)
	}
}

func FuzzReadVectors(f *testing.F) {
	f.Add(vectorFile(f, 2, []string{"a", "b"}, [][]int8{{1, 2}, {3, 4}}))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		v, err := readVectors(bytes.NewReader(b))
		if err != nil {
			return
		}
		for _, row := range v.index {
			if row < 1 || int(row)*v.dim > len(v.data) {
				t.Fatalf("row %d out of range (%d values, dim %d)", row, len(v.data), v.dim)
			}
		}
	})
}

package ner

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestChunks(t *testing.T) {
	tests := []struct {
		name string
		tags string
		want []Chunk
	}{
		{"empty", "", nil},
		{"all O", "O O O", nil},
		{"IOB1 run", "I-PER I-PER O", []Chunk{{0, 2, "PER"}}},
		{"IOB1 B separates same type", "I-PER B-PER O", []Chunk{{0, 1, "PER"}, {1, 2, "PER"}}},
		{"type change starts a chunk", "I-ORG I-LOC", []Chunk{{0, 1, "ORG"}, {1, 2, "LOC"}}},
		{"I after O starts a chunk", "O I-MISC I-MISC", []Chunk{{1, 3, "MISC"}}},
		{"BIO", "B-PER I-PER B-PER", []Chunk{{0, 2, "PER"}, {2, 3, "PER"}}},
		{"I after B of other type", "B-PER I-ORG", []Chunk{{0, 1, "PER"}, {1, 2, "ORG"}}},
		{"chunk at end", "O B-LOC I-LOC", []Chunk{{1, 3, "LOC"}}},
		{"BILOU", "B-ORG L-ORG U-PER O U-PER", []Chunk{{0, 2, "ORG"}, {2, 3, "PER"}, {4, 5, "PER"}}},
		{"BIOES E closes", "B-ORG E-ORG I-ORG", []Chunk{{0, 2, "ORG"}, {2, 3, "ORG"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Chunks(strings.Fields(tt.tags))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Chunks(%q) mismatch (-want +got):\n%s", tt.tags, diff)
			}
		})
	}
}

func TestScorer(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred [][]string
		wantP      float64
		wantR      float64
		wantF      float64
	}{
		{
			name:  "perfect",
			gold:  [][]string{{"B-PER", "I-PER", "O"}},
			pred:  [][]string{{"B-PER", "I-PER", "O"}},
			wantP: 1, wantR: 1, wantF: 1,
		},
		{
			// Gold has 2 chunks; prediction finds one exactly and one with the
			// wrong boundary: P = 1/2, R = 1/2.
			name:  "partial span is wrong",
			gold:  [][]string{{"I-ORG", "I-ORG", "O", "I-LOC"}},
			pred:  [][]string{{"B-ORG", "O", "O", "B-LOC"}},
			wantP: 0.5, wantR: 0.5, wantF: 0.5,
		},
		{
			// Right span, wrong type counts as both a false positive and a false negative.
			name:  "wrong type",
			gold:  [][]string{{"I-PER"}, {"I-LOC", "O"}},
			pred:  [][]string{{"I-ORG"}, {"B-LOC", "O"}},
			wantP: 0.5, wantR: 0.5, wantF: 0.5,
		},
		{
			// 3 gold, 2 predicted, both right: P = 1, R = 2/3, F = 0.8.
			name:  "missed chunk",
			gold:  [][]string{{"I-PER", "O", "I-LOC", "O", "I-MISC"}},
			pred:  [][]string{{"I-PER", "O", "I-LOC", "O", "O"}},
			wantP: 1, wantR: 2.0 / 3, wantF: 0.8,
		},
		{
			name:  "nothing predicted",
			gold:  [][]string{{"I-PER"}},
			pred:  [][]string{{"O"}},
			wantP: 0, wantR: 0, wantF: 0,
		},
		{
			// GPE is scored as LOC.
			name:  "GPE as LOC",
			gold:  [][]string{{"I-LOC"}},
			pred:  [][]string{{"B-GPE"}},
			wantP: 1, wantR: 1, wantF: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Scorer{Map: GPEAsLOC}
			for i := range tt.gold {
				s.AddTags(tt.gold[i], tt.pred[i])
			}
			if !near(s.All.Precision(), tt.wantP) || !near(s.All.Recall(), tt.wantR) || !near(s.All.F1(), tt.wantF) {
				t.Errorf("P/R/F = %.4f/%.4f/%.4f, want %.4f/%.4f/%.4f",
					s.All.Precision(), s.All.Recall(), s.All.F1(), tt.wantP, tt.wantR, tt.wantF)
			}
		})
	}
}

func TestScorerByType(t *testing.T) {
	s := Scorer{}
	s.AddTags([]string{"B-PER", "O", "B-ORG", "I-ORG"}, []string{"B-PER", "O", "B-ORG", "O"})
	if got := *s.ByType["PER"]; got != (PRF{TP: 1}) {
		t.Errorf("PER = %+v", got)
	}
	if got := *s.ByType["ORG"]; got != (PRF{FP: 1, FN: 1}) {
		t.Errorf("ORG = %+v", got)
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func TestBILOURoundTrip(t *testing.T) {
	chunks := []Chunk{{0, 1, "PER"}, {1, 3, "ORG"}, {4, 7, "LOC"}, {7, 8, "MISC"}}
	got := chunksFromBILOU(bilouFromChunks(8, chunks))
	if diff := cmp.Diff(chunks, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

func TestAllowed(t *testing.T) {
	bPER, iPER, lPER, uPER := label(0, posB), label(0, posI), label(0, posL), label(0, posU)
	iORG := label(1, posI)
	tests := []struct {
		prev, cur int
		want      bool
	}{
		{labelO, bPER, true}, {labelO, iPER, false}, {labelO, lPER, false}, {labelO, uPER, true},
		{bPER, iPER, true}, {bPER, lPER, true}, {bPER, labelO, false}, {bPER, iORG, false},
		{lPER, labelO, true}, {lPER, bPER, true}, {uPER, iPER, false},
	}
	for _, tt := range tests {
		if got := allowed(tt.prev, tt.cur); got != tt.want {
			t.Errorf("allowed(%d, %d) = %v, want %v", tt.prev, tt.cur, got, tt.want)
		}
	}
}

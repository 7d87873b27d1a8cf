package main

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jdkato/prose/v2"

	"github.com/dossier-news/dossier/internal/ner"
)

// TestProseEntities checks that prose's tokens are grouped the way its
// Document.Entities groups them, not read as IOB (prose labels every word
// of a name B-).
func TestProseEntities(t *testing.T) {
	tok := func(text, tag, label string) prose.Token { return prose.Token{Text: text, Tag: tag, Label: label} }
	tests := []struct {
		name string
		toks []prose.Token
		want []proseEntity
	}{
		{"two B- words are one name", []prose.Token{
			tok("John", "NNP", "B-PERSON"), tok("Smith", "NNP", "B-PERSON"), tok("left", "VBD", "O"),
		}, []proseEntity{{0, 2, "PERSON"}}},
		{"B- then I- of one type", []prose.Token{
			tok("in", "IN", "O"), tok("European", "JJ", "B-GPE"), tok("Union", "NNP", "I-GPE"), tok(".", ".", "O"),
		}, []proseEntity{{1, 3, "GPE"}}},
		{"names apart", []prose.Token{
			tok("Paris", "NNP", "B-GPE"), tok("and", "CC", "O"), tok("Rome", "NNP", "B-GPE"), tok(".", ".", "O"),
		}, []proseEntity{{0, 1, "GPE"}, {2, 3, "GPE"}}},
		{"open at the end is dropped, as prose does", []prose.Token{
			tok("saw", "VBD", "O"), tok("Peter", "NNP", "B-PERSON"),
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, proseEntities(tt.toks), cmp.AllowUnexported(proseEntity{})); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestProseChunker(t *testing.T) {
	pc, err := newProseChunker()
	if err != nil {
		t.Fatal(err)
	}
	got := pc.ChunkDocument([][]string{{"John", "Smith", "visited", "Paris", "on", "Monday", "."}, nil})
	want := [][]ner.Chunk{{{Start: 0, End: 2, Type: "PER"}, {Start: 3, End: 4, Type: "LOC"}}, nil}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

package ner

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dossier-news/dossier/internal/dataset"
)

func TestReadMEANTIME(t *testing.T) {
	f, err := os.Open("testdata/meantime_small.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := ReadMEANTIME(f, "small")
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Sentences) != 2 || doc.Scored != 2 {
		t.Fatalf("got %d sentences, want 2", len(doc.Sentences))
	}
	want0 := Sentence{
		Tokens: []string{"Boeing", "hires", "Scott", "Carson", "in", "the", "United", "States"},
		// "the United States" is trimmed to "United States"; the NOM mention
		// and the PRO-typed entity are not names of PER/ORG/LOC.
		Chunks: []Chunk{{0, 1, "ORG"}, {2, 4, "PER"}, {6, 8, "LOC"}},
		Tags:   []string{"B-ORG", "O", "B-PER", "I-PER", "O", "O", "B-LOC", "I-LOC"},
	}
	if diff := cmp.Diff(want0, doc.Sentences[0]); diff != "" {
		t.Errorf("sentence 0 (-want +got):\n%s", diff)
	}
	// Nested mentions both count as gold; the tags hold the outer one.
	want1 := []Chunk{{0, 3, "LOC"}, {2, 3, "LOC"}}
	if diff := cmp.Diff(want1, doc.Sentences[1].Chunks); diff != "" {
		t.Errorf("sentence 1 chunks (-want +got):\n%s", diff)
	}
}

func TestReadMEANTIMEDir(t *testing.T) {
	dir := dataset.Require(t, "meantime/corpus_airbus")
	docs, err := ReadMEANTIMEDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	mentions := 0
	for _, d := range docs {
		for _, s := range d.Sentences {
			mentions += len(s.Chunks)
		}
	}
	if len(docs) != 30 || mentions < 200 {
		t.Errorf("got %d articles with %d named mentions, want 30 articles and hundreds of mentions", len(docs), mentions)
	}
}

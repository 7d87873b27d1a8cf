package ner

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadCoNLL(t *testing.T) {
	f, err := os.Open("testdata/tiny.conll")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	want := []Document{
		{ID: "doc1", Sentences: []Sentence{
			{Tokens: []string{"EU", "rejects", "German", "call", "."}, Tags: []string{"I-ORG", "O", "I-MISC", "O", "O"}},
			{Tokens: []string{"Peter", "Blackburn"}, Tags: []string{"I-PER", "I-PER"}},
		}},
		{ID: "doc2", Sentences: []Sentence{
			{Tokens: []string{"BRUSSELS", "1996-08-22"}, Tags: []string{"I-LOC", "O"}},
		}},
	}
	if diff := cmp.Diff(want, docs); diff != "" {
		t.Errorf("ReadCoNLL mismatch (-want +got):\n%s", diff)
	}
}

func TestReadCoNLLErrors(t *testing.T) {
	if _, err := ReadCoNLL(strings.NewReader("lonely\n")); err == nil {
		t.Error("a line without a tag: want an error")
	}
	docs, err := ReadCoNLL(strings.NewReader("A x I-PER\n\n\n"))
	if err != nil || len(docs) != 1 {
		t.Errorf("text before any -DOCSTART- forms a document: got %v, %v", docs, err)
	}
}

func FuzzReadCoNLL(f *testing.F) {
	f.Add("-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\n. . O O\n")
	f.Add("a b\n\n\nc\n")
	f.Fuzz(func(t *testing.T, s string) {
		docs, err := ReadCoNLL(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, st := range d.Sentences {
				if len(st.Tokens) != len(st.Tags) || len(st.Tokens) == 0 {
					t.Fatalf("sentence with %d tokens, %d tags", len(st.Tokens), len(st.Tags))
				}
			}
		}
	})
}

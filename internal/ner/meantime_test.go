package ner

import (
	"os"
	"strings"
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
	if len(doc.Sentences) != 3 || doc.Scored != 3 {
		t.Fatalf("got %d sentences (%d scored), want 3", len(doc.Sentences), doc.Scored)
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
	// "Everett , Washington" is a mention of Everett whose name ends at the
	// comma; the nested "Washington" is another entity's name.
	want1 := []Chunk{{0, 1, "LOC"}, {2, 3, "LOC"}}
	if diff := cmp.Diff(want1, doc.Sentences[1].Chunks); diff != "" {
		t.Errorf("sentence 1 chunks (-want +got):\n%s", diff)
	}
	// Titles, premodifiers and post-modifiers are outside the names; a
	// mention holding a nested mention of its own entity ("Presiding Judge
	// Martin Mann") or only other entities' names (the coordination "Boeing
	// and Airbus") is scored through those.
	want2 := []Chunk{
		{1, 3, "PER"},   // Spokeswoman [Sandy Angers]
		{6, 7, "ORG"},   // aircraft maker [Boeing]
		{10, 12, "PER"}, // Presiding Judge [Martin Mann]
		{14, 18, "ORG"}, // the [Royal Courts of Justice] in London
		{19, 20, "LOC"},
		{21, 22, "ORG"},
		{23, 24, "ORG"},
	}
	if diff := cmp.Diff(want2, doc.Sentences[2].Chunks); diff != "" {
		t.Errorf("sentence 2 chunks (-want +got):\n%s", diff)
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

func FuzzReadMEANTIME(f *testing.F) {
	seed, err := os.ReadFile("testdata/meantime_small.xml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(seed))
	f.Add(`<Document><token t_id="1" sentence="0">A</token><Markables><ENTITY_MENTION m_id="2" syntactic_type="NAM"><token_anchor t_id="9"/></ENTITY_MENTION></Markables></Document>`)
	f.Add(`<Document><token t_id="1" sentence="3">A</token><token t_id="2" sentence="1">B</token></Document>`)
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := ReadMEANTIME(strings.NewReader(s), "fuzz")
		if err != nil {
			return
		}
		if doc.Scored > len(doc.Sentences) {
			t.Fatalf("Scored %d > %d sentences", doc.Scored, len(doc.Sentences))
		}
		for _, st := range doc.Sentences {
			if len(st.Tags) != len(st.Tokens) {
				t.Fatalf("%d tags for %d tokens", len(st.Tags), len(st.Tokens))
			}
			for _, c := range st.Chunks {
				if c.Start < 0 || c.End > len(st.Tokens) || c.Start >= c.End {
					t.Fatalf("chunk %+v outside %d tokens", c, len(st.Tokens))
				}
			}
		}
	})
}

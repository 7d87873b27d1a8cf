package ner

import (
	"bytes"
	"compress/gzip"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/internal/dataset"
)

func TestDefaultTaggerTagsSentence(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tokens := strings.Fields("German Chancellor Angela Merkel met executives of Siemens in Paris on Tuesday .")
	got := tg.Tag(tokens)
	if len(got) != len(tokens) {
		t.Fatalf("got %d labels for %d tokens", len(got), len(tokens))
	}
	want := map[string]string{"Angela": "B-PER", "Merkel": "I-PER", "Siemens": "B-ORG", "Tuesday": "O", "met": "O"}
	for i, tok := range tokens {
		if w, ok := want[tok]; ok && got[i] != w {
			t.Errorf("%s: got %s, want %s (all: %v)", tok, got[i], w, got)
		}
	}
	if TypeOf(got[9]) != "GPE" && TypeOf(got[9]) != "LOC" {
		t.Errorf("Paris: got %s, want a place (all: %v)", got[9], got)
	}
}

// TestTaggerNewsPhrases checks names joined by connectives, and a
// sentence-initial common noun before "of" (greedy decoding tagged "of" in
// "Shares of Volkswagen" as a name; the beam settles it).
func TestTaggerNewsPhrases(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		sentence string
		want     []string
	}{
		{"The Bank of England raised rates .", []string{"O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O"}},
		{"Profits at Deutsche Bank fell .", []string{"O", "O", "B-ORG", "I-ORG", "O", "O"}},
		{"Shares of Volkswagen fell 3 percent in Frankfurt .", []string{"O", "O", "B-ORG", "O", "O", "O", "O", "B-GPE", "O"}},
	}
	for _, tt := range tests {
		got := tg.Tag(strings.Fields(tt.sentence))
		if !slices.Equal(got, tt.want) {
			t.Errorf("Tag(%q)\n got %v\nwant %v", tt.sentence, got, tt.want)
		}
	}
}

func TestTaggerEdgeCases(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tokens := range [][]string{nil, {""}, {"\xff\xfe"}, {strings.Repeat("A", 1000)}, {"-", "-"}} {
		if got := tg.Tag(tokens); len(got) != len(tokens) {
			t.Errorf("Tag(%q): %d labels", tokens, len(got))
		}
	}
	if got := tg.TagDocument(nil); len(got) != 0 {
		t.Errorf("TagDocument(nil) = %v", got)
	}
}

// TestDecodeWellFormed checks that decoding gives a well-formed BILOU
// sequence (every label may follow the one before, no name left open at the
// end) whatever the tokens, including runs of capitalised words, where the
// beam keeps several open names.
func TestDecodeWellFormed(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"The", "Bank", "of", "England", "said", "New", "York", ",", "U.S.", "Mr.", "John", "Smith", "'s", "-", "and", "IBM", "OPEN", "1996", "(", "\"", "of", "Volkswagen", "AG"}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 300; n++ {
		var doc [][]string
		for s := 0; s < 1+rng.IntN(3); s++ {
			sent := make([]string, rng.IntN(25))
			for i := range sent {
				sent[i] = words[rng.IntN(len(words))]
			}
			doc = append(doc, sent)
		}
		for si, labels := range tg.labelDocument(doc) {
			if len(labels) != len(doc[si]) {
				t.Fatalf("%q: %d labels", doc[si], len(labels))
			}
			prev := labelO
			for i, l := range labels {
				if !allowed(prev, l) {
					t.Fatalf("%q: label %d at %d may not follow %d", doc[si], l, i, prev)
				}
				prev = l
			}
			if prev != labelO && (labelPos(prev) == posB || labelPos(prev) == posI) {
				t.Fatalf("%q: ends with an open name (%d)", doc[si], prev)
			}
		}
	}
}

func TestModelRoundTrip(t *testing.T) {
	docs, err := readFile("testdata/tiny.conll")
	if err != nil {
		t.Fatal(err)
	}
	write := func(folds int) []byte {
		m, err := Train(docs, TrainOptions{Epochs: 3, Folds: folds})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := m.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	for _, folds := range []int{1, 2} {
		b := write(folds)
		if !bytes.Equal(b, write(folds)) {
			t.Errorf("folds=%d: two trainings on the same data wrote different models", folds)
		}
		m, err := ReadModel(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if m.NumFeatures() == 0 || (folds == 2) != (m.w2 != nil) {
			t.Errorf("folds=%d: %d features, second pass %v", folds, m.NumFeatures(), m.w2 != nil)
		}
		var again bytes.Buffer
		if _, err := m.WriteTo(&again); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b, again.Bytes()) {
			t.Errorf("folds=%d: read then written model differs", folds)
		}
		tg, err := NewTagger(m)
		if err != nil {
			t.Fatal(err)
		}
		if got := tg.Tag([]string{"Peter", "Blackburn"}); len(got) != 2 {
			t.Errorf("tagging with the read model: %v", got)
		}
	}
	if _, err := ReadModel(strings.NewReader("not a model")); err == nil {
		t.Error("ReadModel on garbage: want an error")
	}
	// A model of the locally trained format is refused with a way out.
	var old bytes.Buffer
	zw := gzip.NewWriter(&old)
	zw.Write([]byte("dossier-ner-v2\n\x00"))
	zw.Close()
	if _, err := ReadModel(&old); err == nil || !strings.Contains(err.Error(), "retrain") {
		t.Errorf("ReadModel on a v2 model: %v, want an error saying to retrain", err)
	}
}

// TestDevF1 checks the committed model on CoNLL-2003 dev (51k tokens, about
// a second) against a floor a little under what it scores.
func TestDevF1(t *testing.T) {
	path := dataset.Require(t, "conll2003/dev.txt")
	docs, err := readFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	r := tg.Evaluate(docs)
	const floor = 0.94
	t.Logf("dev F1 %.4f (P %.4f R %.4f), %.0f tokens/s", r.Scores.All.F1(), r.Scores.All.Precision(), r.Scores.All.Recall(), r.TokensPerSecond())
	if f := r.Scores.All.F1(); f < floor {
		t.Errorf("dev F1 %.4f below the floor %.2f", f, floor)
	}
}

// TestMEANTIMEF1 checks the committed model on MEANTIME (airbus and apple,
// exact spans of the names of PER/ORG/LOC mentions) against a floor under
// what it scores; news of 2005-2011 names products (iPhone, Dreamliner) and
// companies (Airbus) that CoNLL-2003's 1996 Reuters text does not.
func TestMEANTIMEF1(t *testing.T) {
	dir := dataset.Require(t, "meantime")
	docs, err := ReadMEANTIMEDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	r := Evaluate(tg, docs, func(t string) bool { return t == "PER" || t == "ORG" || t == "LOC" })
	t.Logf("MEANTIME F1 %.4f, head F1 %.4f", r.Scores.All.F1(), r.Head.All.F1())
	if f := r.Scores.All.F1(); f < 0.78 {
		t.Errorf("MEANTIME F1 %.4f below the floor 0.78", f)
	}
}

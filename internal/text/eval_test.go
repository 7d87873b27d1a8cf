package text_test

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dossier-news/dossier/internal/dataset"
	"github.com/dossier-news/dossier/internal/text"
)

func TestDetokenize(t *testing.T) {
	txt, spans := text.Detokenize([][]string{
		{"Leaders", "meet"},
		{"He", "said", "\"", "No", ".", "\""},
		{"Germany", "'s", "army", "did", "n't", "(", "yet", ")", "move", "$", "5", "."},
	})
	want := "Leaders meet\n\nHe said \"No.\" Germany's army didn't (yet) move $5."
	if txt != want {
		t.Fatalf("Detokenize = %q, want %q", txt, want)
	}
	for _, s := range spans {
		for _, sp := range s {
			if sp.End > len(txt) || strings.TrimSpace(sp.Of(txt)) != sp.Of(txt) || sp.Len() == 0 {
				t.Errorf("bad span %v", sp)
			}
		}
	}
}

func TestEvalSentencesFixture(t *testing.T) {
	docs := [][][]string{{
		{"Headline", "here"},
		{"The", "U.S.", "Army", "left", "."},
		{"It", "rained", "."},
		{"Mr.", "Li", "stayed", "."},
	}}
	got := text.EvalSentences(docs)
	want := text.SentenceScore{Docs: 1, Gold: 2, Predicted: 2, Correct: 2, Precision: 1, Recall: 1, F1: 1}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	tok := text.EvalTokens([][]string{{"Germany", "'s", "3.5", "%", "rise", "."}, {"U.S.", "Gen.", "Smith"}})
	if tok.Correct != 9 || tok.ExactSentences != 2 {
		t.Errorf("EvalTokens = %+v", tok)
	}
}

// TestEvalBenchmarks scores the text layer on the public benchmarks (about
// a second) and guards against regressions below the figures it reaches.
func TestEvalBenchmarks(t *testing.T) {
	for _, tc := range []struct {
		data  string
		minF1 float64
	}{{"meantime", 0.99}, {"ecbplus", 0.975}} {
		docs, err := text.ReadTokenXMLDir(dataset.Require(t, tc.data))
		if err != nil {
			t.Fatal(err)
		}
		sc := text.EvalSentences(docs)
		t.Logf("%s sentence boundaries: %+v", tc.data, sc)
		if sc.F1 < tc.minF1 {
			t.Errorf("%s sentence boundary F1 %.4f < %.3f", tc.data, sc.F1, tc.minF1)
		}
	}
	f, err := os.Open(dataset.Require(t, "conll2003/dev.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := text.ReadCoNLLSentences(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := text.EvalTokens(sents)
	t.Logf("conll2003 dev tokens: %+v", sc)
	if sc.F1 < 0.99 {
		t.Errorf("token F1 %.4f < 0.99", sc.F1)
	}
}

func TestReadTokenXML(t *testing.T) {
	const doc = `<?xml version="1.0" ?><Document doc_id="1">
<token number="0" sentence="0" t_id="1">Apple</token>
<token number="1" sentence="0" t_id="2">wins</token>
<token number="2" sentence="1" t_id="3">&quot;</token>
<token number="3" sentence="1" t_id="4">Yes</token>
<token number="4" sentence="1" t_id="5">.</token>
<Markables><ENTITY_MENTION m_id="1"><token_anchor t_id="1"/></ENTITY_MENTION></Markables>
</Document>`
	got, err := text.ReadTokenXML(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"Apple", "wins"}, {`"`, "Yes", "."}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if _, err := text.ReadTokenXML(strings.NewReader(`<token sentence="0">open`)); err == nil {
		t.Error("unterminated token: no error")
	}
}

package storyeval

import (
	"testing"

	"github.com/dossier-news/dossier/internal/dataset"
	"github.com/dossier-news/dossier/internal/story"
)

func TestSemEvalSimilarity(t *testing.T) {
	p := dataset.Require(t, "semeval2022-task8/pairs.csv")
	pairs, err := ReadPairs(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) != 161 {
		t.Errorf("%d English pairs, the published file has 161", len(pairs))
	}
	r := EvalSimilarity(pairs, story.Options{})
	t.Logf("Pearson %.4f (linear scale %.4f) over %d pairs", r.Pearson, r.PearsonLinear, r.Pairs)
	if r.Pearson < 0.78 {
		t.Errorf("Pearson %.4f, floor 0.78", r.Pearson)
	}
}

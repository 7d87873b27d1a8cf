package entity_test

import (
	"testing"

	"github.com/dossier-news/dossier/internal/dataset"
	"github.com/dossier-news/dossier/internal/entity"
)

// TestEvalMeantime scores in-document resolution on MEANTIME with gold name
// mentions (about a second) and guards the figures it reaches.
func TestEvalMeantime(t *testing.T) {
	docs, err := entity.ReadMeantimeDir(dataset.Require(t, "meantime"))
	if err != nil {
		t.Fatal(err)
	}
	sc, err := entity.EvalMeantime(docs, entity.Stage{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", sc)
	if sc.Docs < 50 || sc.Names < 300 {
		t.Fatalf("read only %d documents, %d names", sc.Docs, sc.Names)
	}
	if sc.B3F1 <= sc.BaselineB3F1 {
		t.Errorf("B3 F1 %.4f does not beat the exact-match baseline %.4f", sc.B3F1, sc.BaselineB3F1)
	}
	if sc.Pronouns > 0 && float64(sc.PronounsCorrect)/float64(sc.Pronouns) < 0.7 {
		t.Errorf("pronoun precision %d/%d below 0.7", sc.PronounsCorrect, sc.Pronouns)
	}
}

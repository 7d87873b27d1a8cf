package entity_test

import (
	"strings"
	"testing"

	"github.com/dossier-news/dossier/internal/article"
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

// TestEvalTrimmedSpans checks that a gold name the stage trims at either end
// (an honorific, a possessive) still counts with the entity it was put in.
func TestEvalTrimmedSpans(t *testing.T) {
	txt := "GM said so. GM's order was cut. Mr. Smith agreed and Smith left."
	span := func(s string, from int) article.Span {
		i := strings.Index(txt[from:], s) + from
		return article.Span{Start: i, End: i + len(s)}
	}
	doc := entity.GoldDoc{Name: "t", Text: txt, Mentions: []entity.GoldMention{
		{Span: span("GM", 0), Syntax: "NAM", Entity: "gm", EntType: "ORG"},
		{Span: span("GM's", 0), Syntax: "NAM", Entity: "gm", EntType: "ORG"},
		{Span: span("Mr. Smith", 0), Syntax: "NAM", Entity: "smith", EntType: "PER"},
		{Span: span("Smith", 40), Syntax: "NAM", Entity: "smith", EntType: "PER"},
	}}
	sc, err := entity.EvalMeantime([]entity.GoldDoc{doc}, entity.Stage{})
	if err != nil {
		t.Fatal(err)
	}
	if sc.B3F1 != 1 {
		t.Errorf("B3 F1 = %.4f, want 1: %+v", sc.B3F1, sc)
	}
}

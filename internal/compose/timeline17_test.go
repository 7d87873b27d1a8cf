package compose

import (
	"testing"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/dataset"
)

// TestTimeline17Floor runs the date-wise builder on the smallest Timeline17
// topic and holds its scores above a floor measured when the builder was
// written (dossier eval timeline scores all topics; see the README).
func TestTimeline17Floor(t *testing.T) {
	dir := dataset.Require(t, "timeline17/H1N1_guardian")
	topic, err := readTopic(dir)
	if err != nil {
		t.Fatal(err)
	}
	scores := EvalTimeline17([]TLSTopic{topic})
	if len(scores) != 1 {
		t.Fatalf("%d scores, want 1", len(scores))
	}
	s := scores[0]
	t.Logf("%s %s: date F1 %.3f, R1 %.3f, R2 %.3f", s.Topic, s.Timeline, s.Date.F, s.ROUGE1.F, s.ROUGE2.F)
	if s.Date.F < 0.8 || s.ROUGE1.F < 0.16 || s.ROUGE2.F < 0.05 {
		t.Errorf("below the floor (date F1 0.8, R1 0.16, R2 0.05): %+v", s)
	}
}

func BenchmarkPrepareTLS(b *testing.B) {
	dir := dataset.Require(b, "timeline17/H1N1_guardian")
	topic, err := readTopic(dir)
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, a := range topic.Articles {
		n += len(a.Text)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		PrepareTLS(topic.Articles)
	}
}

// TestTimeline17NoFalseAnachronisms scans a real topic full of historical
// titles ("President Clinton" in 2010, "former Prime Minister Tony Blair")
// for anachronisms: news that uses titles correctly must not be flagged.
// Before the checks for the article's own time, this topic gave 7 flags,
// all false.
func TestTimeline17NoFalseAnachronisms(t *testing.T) {
	if testing.Short() {
		t.Skip("scans 296 articles")
	}
	dir := dataset.Require(t, "timeline17/haiti_bbc")
	topic, err := readTopic(dir)
	if err != nil {
		t.Fatal(err)
	}
	o, err := BuiltinOffices()
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range topic.Articles {
		art := &article.Article{ID: int64(i + 1), Text: a.Text, Source: topic.Name, Published: a.DCT}
		d, err := prepare(Source{Article: art})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range anachronisms([]*doc{d}, o) {
			t.Errorf("article %d (%s): %s: %q", i, dayOf(a.DCT), c.Explain, c.Claims[0].Citation.Text)
		}
	}
}

package storyeval

import (
	"testing"

	"github.com/dossier-news/dossier/internal/dataset"
	"github.com/dossier-news/dossier/internal/story"
)

func TestDuplicatesSynthetic(t *testing.T) {
	dir := dataset.Require(t, "reuters21578")
	docs, err := ReadReuters(dir)
	if err != nil {
		t.Fatal(err)
	}
	if testing.Short() {
		docs = docs[:3000]
	}
	orig := Originals(docs[:min(len(docs), 6000)], 60)
	stream := DuplicateStream(orig, 0.3, DefaultEdits(), 1)
	r := EvalDuplicates(stream, story.Options{})
	t.Logf("%d articles (%d copies): pairs gold %d predicted %d; P %.4f R %.4f; found %v",
		r.Articles, r.Copies, r.Score.GoldPairs, r.Score.PredPairs, r.Score.P, r.Score.R, r.ByKind)
	if r.Score.P < 0.97 || r.Score.R < 0.9 {
		t.Errorf("pair precision %.4f recall %.4f, floor 0.97/0.9", r.Score.P, r.Score.R)
	}
}

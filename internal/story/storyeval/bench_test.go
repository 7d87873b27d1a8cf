package storyeval

import (
	"sync"
	"testing"

	"github.com/dossier-news/dossier/internal/dataset"
	"github.com/dossier-news/dossier/internal/story"
)

// benchOriginals reads Reuters once per test binary (read-only afterwards).
var benchOriginals = sync.OnceValues(func() ([]ReutersDoc, error) {
	p := dataset.Path("reuters21578")
	if p == "" {
		return nil, nil
	}
	docs, err := ReadReuters(p)
	if err != nil {
		return nil, err
	}
	return Originals(docs, 60), nil
})

// BenchmarkClustererAdd measures dedupe + clustering per article on the
// generated Reuters stream (the figure `dossier bench stories` reports as
// articles/s is 1/(ns/op)).
func BenchmarkClustererAdd(b *testing.B) {
	origs, err := benchOriginals()
	if err != nil {
		b.Fatal(err)
	}
	if origs == nil {
		b.Skip("reuters21578 not found")
	}
	g := NewStoryStream(origs, 1000, 5, 1)
	c := story.NewClusterer(story.Options{})
	// warm up so the index holds a realistic number of stories
	for range 5000 {
		a := g.Next()
		c.Add(story.Features{ArticleID: a.ID, Title: a.Title, Text: a.Text, Published: a.Published})
	}
	arts := make([]SynthArticle, b.N)
	for i := range arts {
		arts[i] = g.Next()
	}
	b.ResetTimer()
	for _, a := range arts {
		c.Add(story.Features{ArticleID: a.ID, Title: a.Title, Text: a.Text, Published: a.Published})
	}
}

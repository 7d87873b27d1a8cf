package postgres_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/dossier-news/dossier/internal/store"
	"github.com/dossier-news/dossier/internal/store/postgres"
)

// BenchmarkStorylinesPage reads the first page of 50 at 1k and 100k
// storylines (shaped as in the SQLite benchmark): read through the
// storylines_page index, with the total from storyline_sizes.
func BenchmarkStorylinesPage(b *testing.B) {
	ctx := context.Background()
	for _, n := range []int{1_000, 100_000} {
		s, err := postgres.Open(ctx, server(b).NewDatabase(b))
		if err != nil {
			b.Fatal(err)
		}
		base := time.Date(1987, 2, 26, 0, 0, 0, 0, time.UTC)
		lines := make([]store.Storyline, n)
		for i := range lines {
			id := int64(i + 1)
			last := base.Add(time.Duration(i*7919%n) * time.Minute)
			l := store.Storyline{ID: id, Title: fmt.Sprintf("STORYLINE %d SAYS OUTPUT ROSE IN FOURTH QUARTER", id), Stories: []int64{id * 10}, First: last.Add(-48 * time.Hour), Last: last}
			if i%3 == 0 {
				for k := range 1 + i%5 {
					to := id*10 + int64(k) + 1
					l.Stories = append(l.Stories, to)
					l.Links = append(l.Links, store.StorylineLink{From: id * 10, To: to, Similarity: 0.3, GapDays: 2,
						Terms: []string{"output", "quarter", "mln", "dlrs"}, Entities: []string{"place:new york", "org:opec"}})
				}
			}
			lines[i] = l
		}
		if err := s.SaveStories(ctx, store.StoryUpdate{Replace: true, Lines: lines}); err != nil {
			b.Fatal(err)
		}
		for _, min := range []int{0, 2} {
			b.Run(fmt.Sprintf("rows=%d/min_stories=%d", n, min), func(b *testing.B) {
				for b.Loop() {
					page, total, err := s.StorylinesPage(ctx, store.StorylineFilter{Limit: 50, MinStories: min})
					if err != nil || len(page) != 50 || total == 0 {
						b.Fatalf("%d storylines of %d: %v", len(page), total, err)
					}
				}
			})
		}
		s.Close()
	}
}

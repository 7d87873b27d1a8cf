package story

import (
	"fmt"
	"testing"
	"time"
)

// A row of stories each like its neighbours (they share a word with each)
// and all carrying the words of one genre is no single situation: single
// links made it one storyline, end to end.
func TestStorylinesDoNotChain(t *testing.T) {
	const n = 40
	var stories []Story
	for i := range n {
		stories = append(stories, Story{
			ID:    int64(i + 1),
			First: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), Last: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC),
			Terms: []Weighted{
				{Name: fmt.Sprintf("w%d", i), Weight: 1}, {Name: fmt.Sprintf("w%d", i+1), Weight: 1},
				{Name: "shr", Weight: 1}, {Name: "cts", Weight: 1}, {Name: "qtr", Weight: 1},
			},
		})
	}
	largest := 0
	for _, l := range Storylines(stories, StorylineOptions{}) {
		largest = max(largest, len(l.Stories))
	}
	if largest > n/4 {
		t.Errorf("a chain of %d neighbours became a storyline of %d", n, largest)
	}
}

// BenchmarkStorylines links 5,000 stories in groups of five that share
// their words, against a background of genre words.
func BenchmarkStorylines(b *testing.B) {
	var stories []Story
	for i := range 5000 {
		g := i / 5
		stories = append(stories, Story{
			ID:    int64(i + 1),
			First: time.Date(2026, 3, 1+i%20, 0, 0, 0, 0, time.UTC), Last: time.Date(2026, 3, 1+i%20, 0, 0, 0, 0, time.UTC),
			Terms: []Weighted{
				{Name: fmt.Sprintf("g%d", g), Weight: 2}, {Name: fmt.Sprintf("h%d", g), Weight: 1.5},
				{Name: fmt.Sprintf("u%d", i), Weight: 1}, {Name: fmt.Sprintf("genre%d", i%7), Weight: 1},
			},
			Entities: []Weighted{{Name: fmt.Sprintf("org:e%d", g), Weight: 1}, {Name: fmt.Sprintf("place:p%d", i%50), Weight: 0.5}},
		})
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = Storylines(stories, StorylineOptions{})
	}
}

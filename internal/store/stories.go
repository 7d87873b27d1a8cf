package store

import (
	"context"
	"time"
)

// StoryStore persists the story layer: stories, each article's membership
// (story, duplicate group, canonical member) and storylines. The clusterer
// is deterministic for an input order, so the layer is written whole: a
// re-clustering replaces it in one transaction and readers never see a mix.
type StoryStore interface {
	ReplaceStories(ctx context.Context, stories []Story, members []Member, lines []Storyline) error
	Stories(ctx context.Context) ([]Story, error)
	Story(ctx context.Context, id int64) (Story, []Member, error)
	Storylines(ctx context.Context) ([]Storyline, error)
}

// Story is one story as stored.
type Story struct {
	ID        int64     `json:"id"`
	Headline  string    `json:"headline"` // a representative headline (the canonical first report's title)
	Size      int       `json:"size"`     // member articles
	Groups    int       `json:"groups"`   // independent reports (duplicate groups)
	Sources   []string  `json:"sources"`
	First     time.Time `json:"first,omitzero"`
	Last      time.Time `json:"last,omitzero"`
	Storyline int64     `json:"storyline"`
	Entities  []string  `json:"entities,omitempty"` // heaviest entity keys
	Terms     []string  `json:"terms,omitempty"`    // heaviest terms
}

// Member is one article's place in the story layer.
type Member struct {
	ArticleID int64   `json:"article_id"`
	StoryID   int64   `json:"story_id"`
	DupGroup  int64   `json:"dup_group"` // the canonical member's article ID
	Canonical int64   `json:"canonical"`
	Duplicate bool    `json:"duplicate"`
	Kind      string  `json:"kind,omitempty"` // "exact", "near", "rewrite" for duplicates
	Score     float64 `json:"score"`
}

// Storyline is a set of stories about one ongoing situation.
type Storyline struct {
	ID      int64           `json:"id"`
	Title   string          `json:"title"`
	Stories []int64         `json:"stories"`
	First   time.Time       `json:"first,omitzero"`
	Last    time.Time       `json:"last,omitzero"`
	Links   []StorylineLink `json:"links,omitempty"`
}

// StorylineLink is the evidence joining two stories of a storyline.
type StorylineLink struct {
	From       int64    `json:"from"`
	To         int64    `json:"to"`
	Similarity float64  `json:"similarity"`
	Terms      []string `json:"terms,omitempty"`
	Entities   []string `json:"entities,omitempty"`
	GapDays    float64  `json:"gap_days"`
}

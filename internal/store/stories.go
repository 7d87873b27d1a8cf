package store

import (
	"context"
	"slices"
	"time"
)

// StoryStore persists the story layer: stories, each article's membership
// (story, duplicate group, canonical member) and storylines, with the state
// the clusterer was left in. A clustering run writes its whole change in one
// transaction (SaveStories), so readers never see a mix of two runs and the
// saved state always matches the layer beside it.
type StoryStore interface {
	// SaveStories applies one clustering run's change.
	SaveStories(ctx context.Context, u StoryUpdate) error
	// ClusterState is the state saved by the last run; ErrNotFound when
	// there is none.
	ClusterState(ctx context.Context) (ClusterState, error)
	// ForgetClusterState drops the saved state (an article was analysed
	// again after it was clustered): the next run starts from scratch.
	ForgetClusterState(ctx context.Context) error
	Stories(ctx context.Context) ([]Story, error)
	Story(ctx context.Context, id int64) (Story, []Member, error)
	Storylines(ctx context.Context) ([]Storyline, error)
	// Storyline returns one storyline; ErrNotFound when there is none of
	// the ID.
	Storyline(ctx context.Context, id int64) (Storyline, error)
}

// StoryUpdate is what one clustering run changes in the story layer.
type StoryUpdate struct {
	// Replace clears the layer first: a clustering from scratch. Otherwise
	// the update applies on top of what is stored (an incremental run).
	Replace bool
	// Stories are written whole, replacing any stored story of the same ID.
	Stories []Story
	// Merged maps each story merged away to the story that absorbed it: the
	// story is deleted and its stored members are moved over.
	Merged map[int64]int64
	// Members are written, replacing any stored membership of the article.
	Members []Member
	// Lines replace all storylines.
	Lines []Storyline
	// State is saved with the layer; nil removes any saved state, so the
	// next run starts from scratch.
	State *ClusterState
	// Expect is the generation of the state the run started from (0: it
	// found none). When the stored generation differs, another run has
	// saved meanwhile and SaveStories fails with ErrConflict, writing
	// nothing: two runs at once must not both add to the layer.
	Expect int64
}

// ClusterState is the clusterer's state after a run, opaque to the store.
type ClusterState struct {
	// Version says what Data holds; a reader of another version ignores
	// it and clusters from scratch.
	Version string
	Data    []byte
	// Generation counts the saves; the store sets it (Expect + 1).
	Generation int64
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

// StorylineSizes counts storylines by their number of stories, as pairs
// (stories, storylines) in ascending order: what a backend keeps beside
// the storylines so that StorylinesPage's total does not count them all.
func StorylineSizes(lines []Storyline) [][2]int {
	n := map[int]int{}
	for _, l := range lines {
		n[len(l.Stories)]++
	}
	out := make([][2]int, 0, len(n))
	for size, count := range n {
		out = append(out, [2]int{size, count})
	}
	slices.SortFunc(out, func(a, b [2]int) int { return a[0] - b[0] })
	return out
}

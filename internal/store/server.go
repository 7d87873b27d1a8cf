package store

import (
	"context"
	"time"
)

// ServerStore holds the queries the HTTP server and the feed poller need on
// top of the article and story layers: entity listings built from the
// entity-mention index, and the feed subscriptions with their health.
type ServerStore interface {
	// Entities lists entities by the number of articles mentioning them,
	// most first. Prefix (case-insensitive, on the name) and Type filter.
	Entities(ctx context.Context, f EntityFilter) ([]EntityCount, error)
	// EntityArticles returns the IDs of the articles mentioning the entity
	// key, newest first; ErrNotFound when no article mentions it.
	EntityArticles(ctx context.Context, key string, limit int) ([]int64, error)
	// EntityFacets counts the entities mentioned in the given articles (by
	// articles), most first: search facets and co-occurrence.
	EntityFacets(ctx context.Context, ids []int64, limit int) ([]EntityCount, error)
	// StoriesPage is one page of Stories (newest development first) and the
	// number of stories in all, for listings that must not load every story.
	StoriesPage(ctx context.Context, limit, offset int) (page []Story, total int, err error)
	// StorylinesPage is one page of storylines, newest development first
	// (Last descending, then ID descending; undated ones last), and the
	// number of storylines the filter selects in all. The page is read
	// through an index in page order and the total from the count of
	// storylines per size, so neither grows with the number stored (a
	// MinStories that few storylines reach walks more of the index).
	StorylinesPage(ctx context.Context, f StorylineFilter) (page []Storyline, total int, err error)
	// StoryOf returns an article's membership in the story layer;
	// ErrNotFound when the article is in no story (not clustered yet).
	StoryOf(ctx context.Context, articleID int64) (Member, error)

	// PutFeed subscribes to a feed URL; subscribing twice returns the first
	// subscription with created=false.
	PutFeed(ctx context.Context, url string) (f Feed, created bool, err error)
	// Feeds lists the subscriptions in ID order.
	Feeds(ctx context.Context) ([]Feed, error)
	// UpdateFeed stores the polling state of a feed (all fields but ID, URL).
	UpdateFeed(ctx context.Context, f Feed) error
}

// EntityFilter selects entities.
type EntityFilter struct {
	Prefix string
	Type   string
	Limit  int // 0 means 50
	Offset int
}

// StorylineFilter selects a page of storylines.
type StorylineFilter struct {
	Limit  int // 0 means 50
	Offset int
	// MinStories keeps the storylines of at least this many stories: 2
	// leaves out the one-story storylines, most of them in a young store.
	MinStories int
}

// EntityCount is one entity with how often it is mentioned.
type EntityCount struct {
	Key      string `json:"key"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Articles int    `json:"articles"`
	Mentions int    `json:"mentions"`
}

// Feed is a feed subscription with its polling state and health.
type Feed struct {
	ID           int64     `json:"id"`
	URL          string    `json:"url"`
	Title        string    `json:"title,omitempty"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	LastChecked  time.Time `json:"last_checked,omitzero"`
	LastSuccess  time.Time `json:"last_success,omitzero"`
	NextCheck    time.Time `json:"next_check,omitzero"`
	Failures     int       `json:"failures"` // consecutive failed polls (drives the backoff)
	LastError    string    `json:"last_error,omitempty"`
	Articles     int       `json:"articles"` // new articles the feed brought in
	CreatedAt    time.Time `json:"created_at,omitzero"`
}

// Package store defines dossier's persistence contract: one interface that
// every backend (embedded SQLite by default, PostgreSQL later) implements and
// that one conformance suite (package storetest) checks.
//
// The contract, in the spirit of restic's backend interface:
//   - PutArticle is idempotent by content hash: storing the same raw bytes
//     twice returns the first article's ID and changes nothing.
//   - Every write is one transaction: an article is stored whole (row, raw
//     bytes, search index) or not at all, so a crash never leaves half an
//     article behind.
//   - Analysis is stored apart from the article and replaced whole; the raw
//     article is never touched by analysis.
//   - Errors wrap ErrNotFound where an ID does not exist; any other error is
//     permanent for that call (the caller decides whether to retry).
package store

import (
	"context"
	"errors"
	"time"

	"github.com/dossier-news/dossier/internal/article"
)

// ErrNotFound is returned (wrapped) when an article, story or entity does not exist.
var ErrNotFound = errors.New("not found")

// ErrConflict is returned when a write expected a state another writer has
// changed meanwhile (two clustering runs at once): the caller starts over.
var ErrConflict = errors.New("changed by another writer")

// Store is a dossier database.
type Store interface {
	// PutArticle stores a new article in one transaction and sets a.ID. When
	// an article with the same Hash exists it sets a.ID to that article's ID,
	// returns created=false and writes nothing.
	PutArticle(ctx context.Context, a *article.Article) (created bool, err error)
	// PutArticles stores a batch in one transaction (group commit: far
	// faster for bulk ingest, since the search index and the log are
	// written once per batch). Each article is still stored whole or not at
	// all; on any error nothing of the batch is stored. created[i] says
	// whether as[i] was new; duplicates within the batch are stored once.
	PutArticles(ctx context.Context, as []*article.Article) (created []bool, err error)
	// Article returns one article with its raw bytes, text and structure.
	Article(ctx context.Context, id int64) (*article.Article, error)
	// Articles lists articles matching the filter, newest first (by
	// publication date, then ID). Raw bytes and text are not loaded.
	Articles(ctx context.Context, f Filter) ([]*article.Article, error)
	// Search runs a full-text query (phrases in double quotes, AND/OR/NOT,
	// NEAR) ranked by BM25, with a snippet per hit.
	Search(ctx context.Context, q Query) ([]Hit, error)
	// Stats counts what the store holds.
	Stats(ctx context.Context) (Stats, error)

	// PutAnalysis replaces the analysis of an article (and its derived
	// indexes, such as entity mentions) in one transaction.
	PutAnalysis(ctx context.Context, id int64, an *article.Analysis) error
	// Analysis returns the stored analysis of an article.
	Analysis(ctx context.Context, id int64) (*article.Analysis, error)
	// StaleAnalyses returns the IDs of articles whose analysis version differs
	// from version (never analysed ones included), in ID order.
	StaleAnalyses(ctx context.Context, version string, limit int) ([]int64, error)

	StoryStore
	ServerStore
	PeopleStore

	Close() error
}

// Filter selects articles for listing.
type Filter struct {
	Source string    // exact outlet name, "" for all
	From   time.Time // inclusive lower bound on Published, zero for none
	To     time.Time // exclusive upper bound on Published, zero for none
	IDs    []int64   // only these IDs, when non-empty
	// Unclustered keeps only the articles without a place in the story
	// layer yet: what an incremental clustering run has to add.
	Unclustered bool
	Limit       int // 0 means no limit
	Offset      int
}

// Query is a full-text search.
type Query struct {
	Text   string
	Source string
	From   time.Time
	To     time.Time
	Limit  int // 0 means 20
}

// Hit is one search result.
type Hit struct {
	ID        int64     `json:"id"`
	Title     string    `json:"title"`
	Source    string    `json:"source"`
	Published time.Time `json:"published,omitzero"`
	Snippet   string    `json:"snippet"` // with the matched terms between [ and ]
	Score     float64   `json:"score"`   // BM25, higher is better
}

// Stats summarises the store.
type Stats struct {
	Articles  int       `json:"articles"`
	Analysed  int       `json:"analysed"`
	Sources   int       `json:"sources"`
	RawBytes  int64     `json:"raw_bytes"`
	FirstDate time.Time `json:"first_date,omitzero"`
	LastDate  time.Time `json:"last_date,omitzero"`
	Undated   int       `json:"undated"`
	BySource  []Count   `json:"by_source,omitempty"`
	Stories   int       `json:"stories"`
	Entities  int       `json:"entities"`
}

// Count is a name with a count.
type Count struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

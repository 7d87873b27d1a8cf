// Package engine ties the parts together for the binary's front ends (CLI,
// HTTP server, workers): it takes items from the ingest reader, stores each
// article in its own transaction, runs the analysis pipeline and files the
// result, and reports per item what happened. It owns no format, model or SQL
// of its own.
package engine

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"time"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/entity"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/pipeline"
	"github.com/dossier-news/dossier/internal/store"
)

// Engine stores and analyses articles.
type Engine struct {
	Store    store.Store
	Pipeline *pipeline.Pipeline // nil: store only, no analysis
	Log      *slog.Logger
	// Batch is how many articles are stored per transaction (group commit).
	// Each article is always stored whole; a crash loses at most the batch
	// in flight, which re-running the same input stores. 0 or 1: one
	// transaction per article.
	Batch int
	// LinkPeople links entity keys across articles ("Scholz" alone to "Olaf
	// Scholz" when the article supports it) before an analysis is stored,
	// through the person registry the store keeps (LoadRegistry sets it).
	LinkPeople bool
	// Registry, when set, is an in-memory registry used for linking
	// instead of the store's (tests, evaluations).
	Registry *entity.Registry
}

// Outcome says what happened to one item.
type Outcome string

const (
	New       Outcome = "new"       // stored for the first time
	Unchanged Outcome = "unchanged" // identical bytes were already stored: nothing written
	Failed    Outcome = "failed"    // not stored; Err says why
)

// Result is the fate of one input item.
type Result struct {
	Origin  string
	ID      int64
	Title   string
	Outcome Outcome
	Bytes   int
	Err     error // for Failed, and for an analysis error of a stored article
}

// Summary counts a batch.
type Summary struct {
	New, Unchanged, Failed int
	AnalysisFailed         int
	NewBytes, DupBytes     int64
	Elapsed                time.Duration
	Failures               []Result
}

// Add counts one result.
func (s *Summary) Add(r Result) {
	switch r.Outcome {
	case New:
		s.New++
		s.NewBytes += int64(r.Bytes)
	case Unchanged:
		s.Unchanged++
		s.DupBytes += int64(r.Bytes)
	case Failed:
		s.Failed++
		s.Failures = append(s.Failures, r)
	}
	if r.Outcome != Failed && r.Err != nil {
		s.AnalysisFailed++
		s.Failures = append(s.Failures, r)
	}
}

// Ingest stores every article of items and analyses the new ones. It calls
// report for each item as it is done (nil: none). A cancelled context stops
// the batch after the current transaction: what was committed stays, and
// running the same input again resumes where it stopped (identical bytes
// are never stored twice).
func (e *Engine) Ingest(ctx context.Context, items iter.Seq[ingest.Item], report func(Result)) (Summary, error) {
	start := time.Now()
	var sum Summary
	emit := func(r Result) {
		sum.Add(r)
		if report != nil {
			report(r)
		}
	}
	size := max(e.Batch, 1)
	batch := make([]*article.Article, 0, size)
	flush := func() {
		for _, r := range e.store(ctx, batch) {
			emit(r)
		}
		batch = batch[:0]
	}
	for it := range items {
		if err := ctx.Err(); err != nil {
			break
		}
		if it.Err != nil {
			r := Result{Outcome: Failed, Err: it.Err}
			var ie *ingest.Error
			if errors.As(it.Err, &ie) {
				r.Origin = ie.Origin
			}
			emit(r)
			continue
		}
		batch = append(batch, it.Article)
		if len(batch) == size {
			flush()
		}
	}
	if ctx.Err() == nil {
		flush()
	}
	sum.Elapsed = time.Since(start)
	return sum, ctx.Err()
}

// store writes one batch and analyses its new articles.
func (e *Engine) store(ctx context.Context, batch []*article.Article) []Result {
	out := make([]Result, len(batch))
	created, err := e.Store.PutArticles(ctx, batch)
	if err != nil && len(batch) > 1 && ctx.Err() == nil {
		// One bad article must not fail the others: store them one by one.
		for i := range batch {
			out[i] = e.store(ctx, batch[i:i+1])[0]
		}
		return out
	}
	for i, a := range batch {
		r := Result{Origin: a.Origin, Title: a.Title, Bytes: len(a.Raw)}
		switch {
		case err != nil:
			r.Outcome, r.Err = Failed, fmt.Errorf("storing: %w", err)
		case !created[i]:
			r.Outcome, r.ID = Unchanged, a.ID
		default:
			r.Outcome, r.ID = New, a.ID
			if e.Pipeline != nil {
				r.Err = e.Analyse(ctx, a)
			}
		}
		out[i] = r
	}
	return out
}

// AnalysisError is a stage failure on a stored article. What the earlier
// stages produced was stored all the same, so the article is not analysed
// again and again with the same failure.
type AnalysisError struct{ Err error }

func (e *AnalysisError) Error() string { return "analysing: " + e.Err.Error() }
func (e *AnalysisError) Unwrap() error { return e.Err }

// Analyse runs the pipeline over a stored article and stores the analysis.
// It returns an *AnalysisError when a stage failed (the partial analysis is
// stored) and any other error when the store failed (nothing stored).
func (e *Engine) Analyse(ctx context.Context, a *article.Article) error {
	doc, runErr := e.Pipeline.Run(a)
	ents := doc.Analysis.Entities
	switch {
	case e.Registry != nil:
		e.Registry.Link(ents)
	case e.LinkPeople:
		if err := e.linkPeople(ctx, ents); err != nil {
			return err
		}
	}
	// The article's sightings (after linking, as stored) replace its old
	// ones in the analysis's transaction: the registry counts it once.
	if err := e.Store.PutAnalysisPeople(ctx, a.ID, &doc.Analysis, storeSightings(ents)); err != nil {
		return fmt.Errorf("storing analysis: %w", err)
	}
	// An article clustered before this analysis was clustered on other
	// features: the saved clusterer no longer matches the store, and the
	// next clustering run must start from scratch.
	if _, err := e.Store.StoryOf(ctx, a.ID); err == nil {
		if err := e.Store.ForgetClusterState(ctx); err != nil {
			return err
		}
	} else if !errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("checking whether article %d was clustered: %w", a.ID, err)
	}
	if runErr != nil {
		return &AnalysisError{Err: runErr}
	}
	return nil
}

// Reanalyse analyses every stored article whose analysis is missing or was
// made by another pipeline version. A store failure stops it.
func (e *Engine) Reanalyse(ctx context.Context, report func(Result)) (sum Summary, err error) {
	start := time.Now()
	defer func() { sum.Elapsed = time.Since(start) }()
	for {
		var ids []int64
		ids, err = e.Store.StaleAnalyses(ctx, e.Pipeline.Version(), 500)
		if err != nil || len(ids) == 0 {
			return sum, err
		}
		for _, id := range ids {
			if err := ctx.Err(); err != nil {
				return sum, err
			}
			a, err := e.Store.Article(ctx, id)
			if err != nil {
				return sum, err
			}
			r := Result{Origin: a.Origin, ID: id, Title: a.Title, Outcome: New, Bytes: len(a.Raw)}
			r.Err = e.Analyse(ctx, a)
			var ae *AnalysisError
			if r.Err != nil && !errors.As(r.Err, &ae) {
				return sum, r.Err
			}
			sum.Add(r)
			if report != nil {
				report(r)
			}
		}
	}
}

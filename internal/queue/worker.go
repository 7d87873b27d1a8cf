package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/engine"
	"github.com/dossier-news/dossier/internal/store"
)

// Worker takes articles off the work queue, stores them (one transaction
// per batch, idempotent by content hash), analyses the new ones, tells the
// clustering consumer, and only then acknowledges. A worker that dies
// mid-batch acknowledged nothing of it: after AckWait the server hands the
// batch to another worker, whose PutArticles finds the articles already
// stored (created=false) and analyses those whose analysis is missing.
type Worker struct {
	Conn   *Conn
	Engine *engine.Engine // Store and Pipeline (nil Pipeline: store only)
	Batch  int            // messages per fetch and per store transaction; 0 means 16
	Log    *slog.Logger
	// Report is called for every article handled (nil: none), with the
	// same outcomes as in-process ingest. Failed results whose delivery may
	// still be retried are reported too, with Retry set.
	Report func(Result)
	// IdleExit stops Run once the queue had nothing for this long (0: run
	// until the context ends). For benchmarks and batch jobs.
	IdleExit time.Duration
}

// Result is the fate of one delivery.
type Result struct {
	engine.Result
	Delivery uint64 // 1 for the first delivery
	Retry    bool   // a failure that will be delivered again
}

// Run works until ctx ends (or the queue stays idle for IdleExit).
func (w *Worker) Run(ctx context.Context) error {
	cons, err := w.Conn.JS.Consumer(ctx, ArticlesStream, WorkersConsumer)
	if err != nil {
		return fmt.Errorf("work queue: %w", err)
	}
	size := w.Batch
	if size <= 0 {
		size = 16
	}
	lastWork := time.Now()
	for ctx.Err() == nil {
		batch, err := cons.Fetch(size, jetstream.FetchMaxWait(time.Second))
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			w.log().Warn("fetching from the work queue", "err", err)
			time.Sleep(time.Second)
			continue
		}
		var msgs []jetstream.Msg
		for m := range batch.Messages() {
			msgs = append(msgs, m)
		}
		if err := batch.Error(); err != nil && !errors.Is(err, jetstream.ErrNoMessages) && ctx.Err() == nil {
			w.log().Warn("fetching from the work queue", "err", err)
		}
		if len(msgs) == 0 {
			if w.IdleExit > 0 && time.Since(lastWork) > w.IdleExit {
				return nil
			}
			continue
		}
		lastWork = time.Now()
		if err := w.handle(ctx, msgs); err != nil {
			return err
		}
	}
	return nil
}

func (w *Worker) log() *slog.Logger {
	if w.Log != nil {
		return w.Log
	}
	return slog.Default()
}

func (w *Worker) report(r Result) {
	if w.Report != nil {
		w.Report(r)
	}
}

func delivery(m jetstream.Msg) uint64 {
	md, err := m.Metadata()
	if err != nil {
		return 1
	}
	return md.NumDelivered
}

// fail reports a failed delivery and gives it back: redelivered after a
// pause while tries remain, else terminated (the report says so).
func (w *Worker) fail(m jetstream.Msg, r engine.Result, err error) {
	r.Outcome, r.Err = engine.Failed, err
	n := delivery(m)
	retry := n < uint64(w.Conn.opts.MaxDeliver)
	if retry {
		_ = m.NakWithDelay(time.Duration(n) * time.Second)
	} else {
		r.Err = fmt.Errorf("giving up after %d deliveries: %w", n, err)
		_ = m.Term()
	}
	w.report(Result{Result: r, Delivery: n, Retry: retry})
}

// handle stores, analyses, notifies and acknowledges one fetched batch.
func (w *Worker) handle(ctx context.Context, msgs []jetstream.Msg) error {
	var as []*article.Article
	var ms []jetstream.Msg
	for _, m := range msgs {
		var j Job
		if err := json.Unmarshal(m.Data(), &j); err != nil || j.Article == nil {
			if err == nil {
				err = errors.New("no article")
			}
			// Undecodable: no redelivery makes it decodable.
			_ = m.Term()
			w.report(Result{Result: engine.Result{Outcome: engine.Failed, Err: fmt.Errorf("decoding message: %w", err)}, Delivery: delivery(m)})
			continue
		}
		a := j.Article
		a.Raw, a.ID, a.AnalysisVersion = j.Raw, 0, ""
		as = append(as, a)
		ms = append(ms, m)
	}
	if len(as) == 0 {
		return nil
	}
	created, err := w.Engine.Store.PutArticles(ctx, as)
	if err != nil {
		if ctx.Err() != nil {
			return nil // unacknowledged: redelivered to a worker that lives
		}
		if len(as) > 1 {
			// One bad article must not fail the others: one by one.
			for i := range as {
				if err := w.handle(ctx, ms[i:i+1]); err != nil {
					return err
				}
			}
			return nil
		}
		w.fail(ms[0], engine.Result{Origin: as[0].Origin, Title: as[0].Title, Bytes: len(as[0].Raw)}, fmt.Errorf("storing: %w", err))
		return nil
	}
	for i, a := range as {
		m := ms[i]
		r := engine.Result{Origin: a.Origin, ID: a.ID, Title: a.Title, Bytes: len(a.Raw), Outcome: engine.New}
		if !created[i] {
			r.Outcome = engine.Unchanged
		}
		if w.Engine.Pipeline != nil && (created[i] || w.needsAnalysis(ctx, a.ID)) {
			r.Err = w.Engine.Analyse(ctx, a)
			var ae *engine.AnalysisError
			if r.Err != nil && !errors.As(r.Err, &ae) {
				if ctx.Err() != nil {
					return nil
				}
				// The store failed: the article is stored, its analysis
				// is not; the redelivery analyses it.
				w.fail(m, r, r.Err)
				continue
			}
		}
		notice, _ := json.Marshal(Notice{ID: a.ID, Hash: a.Hash, New: created[i]})
		if _, err := w.Conn.JS.Publish(ctx, NoticesSubject, notice); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			w.fail(m, r, fmt.Errorf("publishing notice: %w", err))
			continue
		}
		if err := m.DoubleAck(ctx); err != nil && ctx.Err() == nil {
			// Not acknowledged: it comes back and is found stored.
			w.log().Warn("acknowledging", "origin", a.Origin, "err", err)
		}
		w.report(Result{Result: r, Delivery: delivery(m)})
	}
	return nil
}

// needsAnalysis reports whether a stored article (a redelivery, or a
// repeat of stored bytes) lacks the current analysis: a worker may have died
// between storing it and storing its analysis.
func (w *Worker) needsAnalysis(ctx context.Context, id int64) bool {
	an, err := w.Engine.Store.Analysis(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return true
	}
	return err == nil && an.Version != w.Engine.Pipeline.Version()
}

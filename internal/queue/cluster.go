package queue

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/dossier-news/dossier/internal/engine"
)

// Clusterer is the one clustering consumer: it collects the workers'
// notices and, once they settle (or MaxDelay after the first one), adds the
// stored articles no run has placed yet to the story layer with
// engine.Cluster (in read order, from the clusterer state the last run
// saved), then acknowledges the notices the run covered. The story layer
// depends on what is stored, never on which worker stored what; a second
// clusterer by mistake only wastes work (a run overtaken by another writes
// nothing and starts over).
type Clusterer struct {
	Conn   *Conn
	Engine *engine.Engine
	// Settle is the quiet time after the last notice before a run (0: 2s);
	// MaxDelay bounds how stale the stories get under a steady stream (0: 1m).
	Settle, MaxDelay time.Duration
	Log              *slog.Logger
	// Ran is called after each run (nil: none).
	Ran func(Run)
}

// Run is one re-clustering.
type Run struct {
	Notices   int
	Stories   int
	Lines     int
	Elapsed   time.Duration
	Err       error
	Completed time.Time
}

// Run works until ctx ends.
func (c *Clusterer) Run(ctx context.Context) error {
	settle, maxDelay := c.Settle, c.MaxDelay
	if settle <= 0 {
		settle = 2 * time.Second
	}
	if maxDelay <= 0 {
		maxDelay = time.Minute
	}
	cons, err := c.Conn.JS.Consumer(ctx, NoticesStream, ClusterConsumer)
	if err != nil {
		return fmt.Errorf("notice queue: %w", err)
	}
	var pending []jetstream.Msg
	var first time.Time
	for ctx.Err() == nil {
		batch, err := cons.Fetch(1000, jetstream.FetchMaxWait(settle))
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			c.log().Warn("fetching notices", "err", err)
			time.Sleep(time.Second)
			continue
		}
		got := 0
		for m := range batch.Messages() {
			if len(pending) == 0 {
				first = time.Now()
			}
			pending = append(pending, m)
			got++
		}
		if err := batch.Error(); err != nil && !errors.Is(err, jetstream.ErrNoMessages) && ctx.Err() == nil {
			c.log().Warn("fetching notices", "err", err)
		}
		if len(pending) == 0 || (got > 0 && time.Since(first) < maxDelay) {
			continue
		}
		r := c.runOnce(ctx, len(pending))
		if r.Err != nil {
			if ctx.Err() != nil {
				break
			}
			// Unacknowledged notices come back; the next run covers them.
			c.log().Error("clustering", "err", r.Err)
			for _, m := range pending {
				_ = m.NakWithDelay(5 * time.Second)
			}
		} else {
			for _, m := range pending {
				_ = m.Ack()
			}
		}
		pending = pending[:0]
	}
	return nil
}

func (c *Clusterer) runOnce(ctx context.Context, notices int) Run {
	start := time.Now()
	stories, lines, err := c.Engine.Cluster(ctx)
	r := Run{Notices: notices, Stories: stories, Lines: lines, Elapsed: time.Since(start), Err: err, Completed: time.Now()}
	if c.Ran != nil {
		c.Ran(r)
	}
	return r
}

func (c *Clusterer) log() *slog.Logger {
	if c.Log != nil {
		return c.Log
	}
	return slog.Default()
}

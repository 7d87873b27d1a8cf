package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/engine"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/queue"
)

// newNatsCmd is "dossier nats": an embedded NATS server with JetStream, for
// the distributed pipeline on one machine or in tests.
func newNatsCmd(g *globalOptions) *cobra.Command {
	var addr, dir string
	cmd := &cobra.Command{
		Use:   "nats",
		Short: "Run an embedded NATS server with JetStream for ingest --nats and workers",
		Long: `Runs a NATS server with JetStream in this process until interrupted. Streams are
kept under --store, so queued articles survive a restart. "dossier ingest --nats URL"
publishes articles to it and "dossier worker --nats URL --db postgres://..." processes them.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			ns, err := queue.Serve(queue.ServerOptions{Addr: addr, StoreDir: dir})
			if err != nil {
				return err
			}
			fmt.Fprintf(g.stdout, "nats listening on %s (JetStream store %s)\n", ns.ClientURL(), dir)
			<-ctx.Done()
			ns.Shutdown()
			ns.WaitForShutdown()
			return nil
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:4222", "host:port to listen on")
	cmd.Flags().StringVar(&dir, "store", filepath.Join(os.TempDir(), "dossier-nats"), "JetStream storage folder")
	return cmd
}

// runIngestNATS is "dossier ingest --nats URL": each read article goes to
// the work queue instead of the store; the workers store and analyse it.
// Read failures are reported per item, as in-process.
func runIngestNATS(ctx context.Context, g *globalOptions, o ingestOptions, inputs []string) error {
	c, err := queue.Connect(ctx, o.nats, queue.ConsumerOptions{})
	if err != nil {
		return err
	}
	defer c.Close()
	r := ingest.New(ingest.Options{MaxBytes: o.maxBytes, Timeout: o.timeout, FastHTML: o.fastHTML, Logger: g.log, Stdin: g.stdin})
	bar := newProgress(g.stderr, "publishing")
	var sum engine.Summary
	start := time.Now()
	var last time.Time
	for it := range r.Read(ctx, inputs) {
		bar.Add(1)
		res := engine.Result{Outcome: engine.Failed, Err: it.Err}
		if it.Err != nil {
			var ie *ingest.Error
			if errors.As(it.Err, &ie) {
				res.Origin = ie.Origin
			}
		} else {
			a := it.Article
			// Ingest time is when the user ingested it, strictly increasing
			// in read order, whichever worker stores it later.
			now := time.Now().UTC()
			if !now.After(last) {
				now = last.Add(time.Microsecond)
			}
			last, a.IngestedAt = now, now
			res = engine.Result{Origin: a.Origin, Title: a.Title, Bytes: len(a.Raw), Outcome: engine.New}
			if err := c.Publish(ctx, a); err != nil {
				res.Outcome, res.Err = engine.Failed, err
			}
		}
		sum.Add(res)
		if res.Outcome == engine.Failed {
			printResult(g.stdout, g.stderr, res, o.quiet)
		}
		if ctx.Err() != nil {
			break
		}
	}
	bar.Finish()
	sum.Elapsed = time.Since(start)
	fmt.Fprintf(g.stdout, "\n%d queued, %d failed in %s (workers store and analyse them)\n", sum.New, sum.Failed, sum.Elapsed.Round(time.Millisecond))
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("ingest stopped: %w (what was queued stays queued)", err)
	}
	if sum.Failed > 0 {
		return errPartial
	}
	return nil
}

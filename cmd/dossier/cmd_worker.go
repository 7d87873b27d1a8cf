package main

import (
	"context"
	"fmt"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/engine"
	"github.com/dossier-news/dossier/internal/queue"
)

type workerOptions struct {
	nats       string
	role       string
	batch      int
	ackWait    time.Duration
	maxDeliver int
	settle     time.Duration
	maxDelay   time.Duration
	idleExit   time.Duration
	noAnalyse  bool
	quiet      bool
	loops      int
}

// newWorkerCmd is "dossier worker": one process of the distributed pipeline.
func newWorkerCmd(g *globalOptions) *cobra.Command {
	var o workerOptions
	cmd := &cobra.Command{
		Use:   "worker --nats URL --db postgres://...",
		Short: "Store and analyse queued articles (--role work), or keep the stories up to date (--role cluster)",
		Long: `--role work (the default; run as many as you like, on as many machines): takes
articles off the JetStream work queue that "dossier ingest --nats" fills, stores them
(idempotent by content hash), analyses them, and acknowledges each only after its
transaction committed. A worker that dies leaves its articles unacknowledged; after
--ack-wait they go to another worker and are stored once.
--role cluster (run one): re-groups the whole store into stories once the workers'
notices settle, in a deterministic order (see docs/distributed.md).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			return runWorker(ctx, g, o)
		},
	}
	cmd.Flags().StringVar(&o.nats, "nats", "nats://127.0.0.1:4222", "NATS server URL")
	cmd.Flags().StringVar(&o.role, "role", "work", "work: store and analyse; cluster: group stories")
	cmd.Flags().IntVar(&o.batch, "batch", 16, "articles fetched and stored per transaction")
	cmd.Flags().DurationVar(&o.ackWait, "ack-wait", queue.DefaultAckWait, "time a worker may hold an article before it is redelivered")
	cmd.Flags().IntVar(&o.maxDeliver, "max-deliver", queue.DefaultMaxDeliver, "deliveries of one article before it is given up (and reported)")
	cmd.Flags().DurationVar(&o.settle, "settle", 2*time.Second, "cluster role: quiet time after the last notice before re-grouping")
	cmd.Flags().DurationVar(&o.maxDelay, "max-delay", time.Minute, "cluster role: longest wait before re-grouping under a steady stream")
	cmd.Flags().DurationVar(&o.idleExit, "idle-exit", 0, "work role: exit once the queue stayed empty this long (0: run until interrupted)")
	cmd.Flags().BoolVar(&o.noAnalyse, "no-analyse", false, "work role: store only")
	cmd.Flags().IntVar(&o.loops, "concurrency", 1, "work role: batches handled at once in this process (one per core shares the models' memory)")
	cmd.Flags().BoolVarP(&o.quiet, "quiet", "q", false, "print only failures and the summary")
	return cmd
}

func runWorker(ctx context.Context, g *globalOptions, o workerOptions) error {
	if o.role != "work" && o.role != "cluster" {
		return fmt.Errorf("--role %q: want work or cluster", o.role)
	}
	e, closeFn, err := g.openEngine(ctx, o.role == "work" && !o.noAnalyse)
	if err != nil {
		return err
	}
	defer closeFn()
	c, err := queue.Connect(ctx, o.nats, queue.ConsumerOptions{AckWait: o.ackWait, MaxDeliver: o.maxDeliver})
	if err != nil {
		return err
	}
	defer c.Close()
	if o.role == "cluster" {
		cl := &queue.Clusterer{Conn: c, Engine: e, Settle: o.settle, MaxDelay: o.maxDelay, Log: g.log,
			Ran: func(r queue.Run) {
				if r.Err != nil {
					fmt.Fprintf(g.stderr, "clustering failed (%d notices kept for the next run): %v\n", r.Notices, r.Err)
					return
				}
				fmt.Fprintf(g.stdout, "%s grouped after %d notices: %d stories in %d storylines (%s)\n",
					r.Completed.UTC().Format(time.RFC3339), r.Notices, r.Stories, r.Lines, r.Elapsed.Round(time.Millisecond))
			}}
		return cl.Run(ctx)
	}
	var mu sync.Mutex // reports come from every loop
	var sum engine.Summary
	report := func(r queue.Result) {
		mu.Lock()
		defer mu.Unlock()
		if r.Retry {
			fmt.Fprintf(g.stderr, "retrying (delivery %d) %s: %v\n", r.Delivery, r.Origin, r.Err)
			return
		}
		sum.Add(r.Result)
		printResult(g.stdout, g.stderr, r.Result, o.quiet)
	}
	// Loops share the connection, the store pool and the pipeline (stages
	// are safe for concurrent use on different documents; the entity
	// registry locks).
	start := time.Now()
	errs := make(chan error, max(o.loops, 1))
	for range max(o.loops, 1) {
		w := &queue.Worker{Conn: c, Engine: e, Batch: o.batch, Log: g.log, IdleExit: o.idleExit, Report: report}
		go func() { errs <- w.Run(ctx) }()
	}
	for range max(o.loops, 1) {
		if werr := <-errs; werr != nil && err == nil {
			err = werr
		}
	}
	sum.Elapsed = time.Since(start)
	printSummary(g.stdout, sum)
	if err != nil {
		return err
	}
	if sum.Failed > 0 || sum.AnalysisFailed > 0 {
		return errPartial
	}
	return nil
}

package main

import (
	"context"
	"fmt"
	"io"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/engine"
	"github.com/dossier-news/dossier/internal/ingest"
)

type ingestOptions struct {
	maxBytes  int64
	timeout   time.Duration
	noAnalyse bool
	fastHTML  bool
	quiet     bool
	batch     int
	nats      string
}

func newIngestCmd(g *globalOptions) *cobra.Command {
	var o ingestOptions
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Store articles from files, folders, globs, - (stdin), feed or article URLs",
		Long: `Reads .txt, .md, .html/.htm, .json/.jsonl, RSS/Atom/JSON Feed and Reuters .sgm files,
folders (recursively), globs, "-" for standard input, and http(s) URLs (feeds or
article pages). Raw bytes are kept verbatim; identical bytes are stored once. Each failed item is reported on
its own line and the rest goes on; the exit status is 3 when any item failed.
Articles are committed in batches (--batch), each article whole or not at all:
interrupting is safe, and running the same command again resumes.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			return runIngest(ctx, g, o, args)
		},
	}
	cmd.Flags().Int64Var(&o.maxBytes, "max-bytes", 10<<20, "size limit of one input file or page")
	cmd.Flags().DurationVar(&o.timeout, "timeout", 30*time.Second, "time limit of one URL fetch")
	cmd.Flags().BoolVar(&o.noAnalyse, "no-analyse", false, "store only; analyse later with 'dossier analyse'")
	cmd.Flags().BoolVar(&o.fastHTML, "fast-html", false, "quicker, slightly less precise HTML extraction")
	cmd.Flags().BoolVarP(&o.quiet, "quiet", "q", false, "print only failures and the summary")
	cmd.Flags().StringVar(&o.nats, "nats", "", "publish the read articles to this NATS JetStream work queue (nats://host:port) for 'dossier worker' instead of storing them here")
	cmd.Flags().IntVar(&o.batch, "batch", 64, "articles per transaction (each article is always stored whole; 1: one transaction per article)")
	return cmd
}

func runIngest(ctx context.Context, g *globalOptions, o ingestOptions, inputs []string) error {
	if o.nats != "" {
		return runIngestNATS(ctx, g, o, inputs)
	}
	e, closeFn, err := g.openEngine(ctx, !o.noAnalyse)
	if err != nil {
		return err
	}
	defer closeFn()
	e.Batch = o.batch
	r := ingest.New(ingest.Options{MaxBytes: o.maxBytes, Timeout: o.timeout, FastHTML: o.fastHTML, Logger: g.log, Stdin: g.stdin})
	bar := newProgress(g.stderr, "ingesting")
	sum, err := e.Ingest(ctx, r.Read(ctx, inputs), func(res engine.Result) {
		bar.Add(1)
		printResult(g.stdout, g.stderr, res, o.quiet)
	})
	bar.Finish()
	printSummary(g.stdout, sum)
	if err != nil {
		return fmt.Errorf("ingest stopped: %w (what was stored is kept; run the same command again to resume)", err)
	}
	if sum.New > 0 && e.Pipeline != nil {
		n, l, err := e.Cluster(ctx)
		if err != nil {
			return fmt.Errorf("grouping stories: %w", err)
		}
		fmt.Fprintf(g.stdout, "%d stories in %d storylines\n", n, l)
	}
	if sum.Failed > 0 || sum.AnalysisFailed > 0 {
		return errPartial
	}
	return nil
}

func printResult(stdout, stderr io.Writer, r engine.Result, quiet bool) {
	switch {
	case r.Outcome == engine.Failed:
		fmt.Fprintf(stderr, "failed    %v\n", r.Err)
	case r.Err != nil:
		fmt.Fprintf(stderr, "stored #%d but %s: %v\n", r.ID, r.Origin, r.Err)
	case !quiet:
		fmt.Fprintf(stdout, "%-9s #%-6d %s  %s\n", r.Outcome, r.ID, truncate(r.Title, 60), r.Origin)
	}
}

func printSummary(w io.Writer, s engine.Summary) {
	fmt.Fprintf(w, "\n%d new, %d unchanged (%d duplicate bytes), %d failed", s.New, s.Unchanged, s.DupBytes, s.Failed)
	if s.AnalysisFailed > 0 {
		fmt.Fprintf(w, ", %d stored but not fully analysed", s.AnalysisFailed)
	}
	fmt.Fprintf(w, " in %s\n", s.Elapsed.Round(time.Millisecond))
}

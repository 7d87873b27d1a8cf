package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/engine"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/queue"
	"github.com/dossier-news/dossier/internal/store/postgres"
	"github.com/dossier-news/dossier/internal/store/postgres/pgtest"
)

func newBenchWorkersCmd(g *globalOptions) *cobra.Command {
	var o struct {
		data    string
		limit   int
		workers string
		batch   int
		asJSON  bool
	}
	cmd := &cobra.Command{
		Use:   "workers --data DIR",
		Short: "Distributed throughput: articles/s stored and analysed by 1, 2, 4 worker processes (NATS + PostgreSQL)",
		Long: `Reads up to --limit articles under --data, and for each worker count starts a fresh
PostgreSQL database (a throw-away server from the Debian binaries) and a fresh
embedded NATS server, queues every article, then starts that many "dossier worker"
processes and times them until every article is stored and analysed. Wall time
counts from the workers' start (model loading included); steady-state counts
from the first stored article. One clustering pass over the result is timed too.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			var counts []int
			for _, f := range strings.Split(o.workers, ",") {
				n, err := strconv.Atoi(strings.TrimSpace(f))
				if err != nil || n < 1 {
					return fmt.Errorf("--workers %q: want a list of counts like 1,2,4", o.workers)
				}
				counts = append(counts, n)
			}
			var arts []*article.Article
			for it := range ingest.New(ingest.Options{Logger: g.log, FastHTML: true}).Read(ctx, []string{o.data}) {
				if it.Err == nil {
					arts = append(arts, it.Article)
				}
				if len(arts) == o.limit {
					break
				}
			}
			srv, err := pgtest.StartServer()
			if err != nil {
				return fmt.Errorf("starting PostgreSQL: %w", err)
			}
			defer srv.Stop()
			exe, err := os.Executable()
			if err != nil {
				return err
			}
			metrics := map[string]any{"articles": len(arts), "batch": o.batch}
			for _, w := range counts {
				r, err := benchWorkers(ctx, g, srv, exe, arts, w, o.batch)
				if err != nil {
					return fmt.Errorf("%d workers: %w", w, err)
				}
				for k, v := range r {
					metrics[fmt.Sprintf("w%d_%s", w, k)] = v
				}
			}
			return printMetrics(g.stdout, fmt.Sprintf("worker benchmark over %d articles from %s", len(arts), o.data), metrics, o.asJSON)
		},
	}
	cmd.Flags().StringVar(&o.data, "data", "", "corpus folder or file (required)")
	cmd.Flags().IntVar(&o.limit, "limit", 1000, "articles to queue")
	cmd.Flags().StringVar(&o.workers, "workers", "1,2,4", "worker counts to measure")
	cmd.Flags().IntVar(&o.batch, "batch", 16, "articles per worker transaction")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print one JSON object of metrics on the last line")
	_ = cmd.MarkFlagRequired("data")
	return cmd
}

func benchWorkers(ctx context.Context, g *globalOptions, srv *pgtest.Server, exe string, arts []*article.Article, workers, batch int) (map[string]float64, error) {
	dbURL, err := srv.CreateDatabase()
	if err != nil {
		return nil, err
	}
	pg, err := postgres.Open(ctx, dbURL) // migrates before the clock starts
	if err != nil {
		return nil, err
	}
	defer pg.Close()
	dir, err := os.MkdirTemp("", "dossier-bench-nats-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	ns, err := queue.Serve(queue.ServerOptions{Addr: "127.0.0.1:0", StoreDir: dir})
	if err != nil {
		return nil, err
	}
	defer ns.Shutdown()
	c, err := queue.Connect(ctx, ns.ClientURL(), queue.ConsumerOptions{})
	if err != nil {
		return nil, err
	}
	defer c.Close()
	pubStart := time.Now()
	for _, a := range arts {
		if err := c.Publish(ctx, a); err != nil {
			return nil, err
		}
	}
	publish := time.Since(pubStart)

	start := time.Now()
	var procs []*exec.Cmd
	defer func() {
		for _, p := range procs {
			p.Process.Signal(syscall.SIGTERM)
			p.Wait()
		}
	}()
	for range workers {
		p := exec.CommandContext(ctx, exe, "--db", dbURL, "worker", "--nats", ns.ClientURL(), "-q", "--batch", strconv.Itoa(batch))
		p.Stderr = g.stderr
		if err := p.Start(); err != nil {
			return nil, err
		}
		procs = append(procs, p)
	}
	var first time.Time
	firstN := 0
	for {
		st, err := pg.Stats(ctx)
		if err != nil {
			return nil, err
		}
		if first.IsZero() && st.Analysed > 0 {
			first, firstN = time.Now(), st.Analysed
		}
		if st.Analysed >= len(arts) {
			break
		}
		if time.Since(start) > 30*time.Minute {
			return nil, fmt.Errorf("only %d of %d analysed after 30 minutes", st.Analysed, len(arts))
		}
		time.Sleep(50 * time.Millisecond)
	}
	wall := time.Since(start)
	steady := time.Since(first)
	// Workers' CPU time (model loading included) is what the load on this
	// shared machine cannot distort: articles per worker CPU-second.
	var cpu time.Duration
	for _, p := range procs {
		p.Process.Signal(syscall.SIGTERM)
		p.Wait()
		if p.ProcessState != nil {
			cpu += p.ProcessState.UserTime() + p.ProcessState.SystemTime()
		}
	}
	procs = nil
	cl := time.Now()
	stories, _, err := (&engine.Engine{Store: pg}).Cluster(ctx)
	if err != nil {
		return nil, err
	}
	cluster := time.Since(cl)
	fmt.Fprintf(g.stderr, "%d workers: %d articles in %s (%.1f/s wall, %.1f/s steady, %.1f per worker CPU-second), clustering %d stories %s\n",
		workers, len(arts), wall.Round(time.Millisecond), float64(len(arts))/wall.Seconds(),
		float64(len(arts)-firstN)/steady.Seconds(), float64(len(arts))/cpu.Seconds(), stories, cluster.Round(time.Millisecond))
	return map[string]float64{
		"publish_per_s":          float64(len(arts)) / publish.Seconds(),
		"articles_per_s":         float64(len(arts)) / wall.Seconds(),
		"steady_per_s":           float64(len(arts)-firstN) / steady.Seconds(),
		"wall_seconds":           wall.Seconds(),
		"startup_seconds":        first.Sub(start).Seconds(),
		"cluster_seconds":        cluster.Seconds(),
		"cluster_articles_per_s": float64(len(arts)) / cluster.Seconds(),
	}, nil
}

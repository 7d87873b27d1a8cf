package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/ingest"
)

func newBenchIngestCmd(g *globalOptions) *cobra.Command {
	var o struct {
		data    string
		cores   int
		analyse bool
		asJSON  bool
		batch   int
	}
	cmd := &cobra.Command{
		Use:   "ingest --data DIR",
		Short: "Ingest throughput: parse only, then parse+hash+store into a fresh store (articles/s, MB/s)",
		Long: `Reads every article under --data (e.g. ../shared/data/reuters21578, whose .sgm
files hold 21,578 articles) twice: once parsing only, once parsing, hashing and
storing (--batch articles per transaction) in a fresh temporary SQLite store.
--cores limits the Go scheduler (GOMAXPROCS); the default 1 measures one core.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.cores > 0 {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(o.cores))
			}
			ctx := cmd.Context()
			r := ingest.New(ingest.Options{Logger: g.log, FastHTML: true})

			start, cpu0 := time.Now(), cpuTime()
			var n, failed int
			var bytes int64
			for it := range r.Read(ctx, []string{o.data}) {
				if it.Err != nil {
					failed++
					continue
				}
				n++
				bytes += int64(len(it.Article.Raw))
			}
			parse, parseCPU := time.Since(start), cpuTime()-cpu0

			dir, err := os.MkdirTemp("", "dossier-bench-")
			if err != nil {
				return err
			}
			defer os.RemoveAll(dir)
			g.db = filepath.Join(dir, "bench.db")
			e, closeFn, err := g.openEngine(ctx, o.analyse)
			if err != nil {
				return err
			}
			defer closeFn()
			e.Batch = o.batch
			cpu1 := cpuTime()
			sum, err := e.Ingest(ctx, r.Read(ctx, []string{o.data}), nil)
			storeCPU := cpuTime() - cpu1
			if err != nil {
				return err
			}
			st, err := os.Stat(g.db)
			if err != nil {
				return err
			}
			what := "parse+hash+store"
			if o.analyse {
				what = "parse+hash+store+analyse"
			}
			metrics := map[string]any{
				"articles":                 n,
				"failed":                   failed,
				"mb":                       float64(bytes) / 1e6,
				"cores":                    runtime.GOMAXPROCS(0),
				"parse_articles_per_s":     float64(n) / parse.Seconds(),
				"parse_mb_per_s":           float64(bytes) / 1e6 / parse.Seconds(),
				"batch":                    o.batch,
				"store_articles_per_s":     float64(sum.New) / sum.Elapsed.Seconds(),
				"store_mb_per_s":           float64(sum.NewBytes) / 1e6 / sum.Elapsed.Seconds(),
				"store_seconds":            sum.Elapsed.Seconds(),
				"parse_articles_per_cpu_s": float64(n) / parseCPU.Seconds(),
				"store_articles_per_cpu_s": float64(sum.New) / storeCPU.Seconds(),
				"db_mb":                    float64(st.Size()) / 1e6,
				"stored":                   sum.New,
				"duplicates_by_hash":       sum.Unchanged,
			}
			return printMetrics(g.stdout, fmt.Sprintf("ingest benchmark over %s (%s, %d articles per transaction)", o.data, what, o.batch), metrics, o.asJSON)
		},
	}
	cmd.Flags().StringVar(&o.data, "data", "", "corpus folder or file (required)")
	cmd.Flags().IntVar(&o.cores, "cores", 1, "GOMAXPROCS for the run (0: all cores)")
	cmd.Flags().BoolVar(&o.analyse, "analyse", false, "also run the analysis pipeline on each article")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print one JSON object of metrics on the last line")
	cmd.Flags().IntVar(&o.batch, "batch", 64, "articles per transaction (1: one transaction per article)")
	_ = cmd.MarkFlagRequired("data")
	return cmd
}

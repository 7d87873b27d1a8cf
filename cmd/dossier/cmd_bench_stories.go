package main

import (
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/dataset"
	"github.com/dossier-news/dossier/internal/story"
	"github.com/dossier-news/dossier/internal/story/storyeval"
)

// newBenchStoriesCmd is "dossier bench stories": dedupe + story clustering
// throughput and memory on generated streams of N articles.
func newBenchStoriesCmd(g *globalOptions) *cobra.Command {
	var (
		data string
		ns   string
	)
	cmd := &cobra.Command{
		Use:   "stories [--n 10000,100000,1000000] [--data DIR]",
		Short: "Dedupe + story clustering throughput (articles/s, one core) and peak memory",
		Long: `Generates N articles with known stories from Reuters-21578 text (DIR/*.sgm;
by default the shared data set), 1,000 a day, about 5 per story, and feeds them
to a fresh clusterer on one goroutine. Reports articles/s counting only the time
in Clusterer.Add (dedupe + clustering) in wall time and in process CPU time (the
one-core figure on a shared machine; it includes the GC work Add causes), peak Go heap and peak resident memory
(VmHWM, process-wide so far), and B-cubed F1 against the generated stories.`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if data == "" {
				data = dataset.Path("reuters21578")
			}
			if data == "" {
				return fmt.Errorf("no Reuters-21578 data: pass --data DIR")
			}
			var sizes []int
			for _, f := range strings.Split(ns, ",") {
				n, err := strconv.Atoi(strings.TrimSpace(f))
				if err != nil || n <= 0 {
					return fmt.Errorf("bad --n %q", f)
				}
				sizes = append(sizes, n)
			}
			docs, err := storyeval.ReadReuters(data)
			if err != nil {
				return err
			}
			origs := storyeval.Originals(docs, 60)
			tw := tabwriter.NewWriter(g.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
			fmt.Fprintln(tw, "articles\tarticles/s\tarticles/cpu-s\tadd s\tadd cpu s\twall s\tpeak heap MB\tpeak RSS MB\tstories\tgold\tactive\tB3 F1\tdup found\tdup made\t")
			for _, n := range sizes {
				r := storyeval.RunBench(origs, n, story.Options{}, func(done int) {
					fmt.Fprintf(g.stderr, "bench stories: %d/%d\n", done, n)
				})
				fmt.Fprintf(tw, "%d\t%.0f\t%.0f\t%.1f\t%.1f\t%.1f\t%.0f\t%.0f\t%d\t%d\t%d\t%.4f\t%d\t%d\t\n", r.N, r.PerSecond, r.PerCPUSecond,
					r.AddTime.Seconds(), r.AddCPU.Seconds(), r.Wall.Seconds(), float64(r.PeakHeap)/(1<<20), float64(r.PeakRSS)/(1<<20),
					r.Stories, r.GoldStories, r.Active, r.BCubed.F1, r.Duplicates, r.DuplicateRef)
				if err := tw.Flush(); err != nil {
					return err
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "Reuters-21578 directory (default: the shared data set)")
	cmd.Flags().StringVar(&ns, "n", "10000,100000", "comma-separated stream sizes")
	return cmd
}

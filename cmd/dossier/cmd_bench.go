package main

import "github.com/spf13/cobra"

// newBenchCmd is "dossier bench WHAT": throughput measurements over real or
// generated corpora. Each benchmark is a sub-command in cmd_bench_<what>.go.
func newBenchCmd(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bench WHAT",
		Short: "Measure throughput (articles/s, MB/s, memory) of a pipeline stage",
	}
	cmd.AddCommand(
		// one line per benchmark: newBenchXxxCmd(g),
		newBenchIngestCmd(g),
		newBenchStoriesCmd(g),
		newBenchWorkersCmd(g),
	)
	return cmd
}

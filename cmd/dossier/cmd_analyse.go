package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/engine"
)

func newAnalyseCmd(g *globalOptions) *cobra.Command {
	var quiet bool
	cmd := &cobra.Command{
		Use:     "analyse",
		Aliases: []string{"analyze"},
		Short:   "Analyse stored articles whose analysis is missing or older than this binary's pipeline, then regroup stories",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			e, closeFn, err := g.openEngine(cmd.Context(), true)
			if err != nil {
				return err
			}
			defer closeFn()
			bar := newProgress(g.stderr, "analysing")
			sum, err := e.Reanalyse(cmd.Context(), func(r engine.Result) {
				bar.Add(1)
				printResult(g.stdout, g.stderr, r, quiet)
			})
			bar.Finish()
			if err != nil {
				return err
			}
			fmt.Fprintf(g.stdout, "%d analysed (pipeline %s), %d with errors, in %s\n", sum.New, e.Pipeline.Version(), sum.AnalysisFailed, sum.Elapsed)
			n, l, err := e.Cluster(cmd.Context())
			if err != nil {
				return err
			}
			fmt.Fprintf(g.stdout, "%d stories in %d storylines\n", n, l)
			if sum.AnalysisFailed > 0 {
				return errPartial
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", true, "print only failures and the summary")
	return cmd
}

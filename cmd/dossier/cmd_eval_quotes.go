package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/engine"
	"github.com/dossier-news/dossier/internal/quote/polnear"
)

// newEvalQuotesCmd is "dossier eval quotes --data DIR": attribution
// extraction scored on a PolNeAR split (text/*.txt, attributions/*.ann)
// with the exact and overlap matching of the PARC/Citron literature (see
// package polnear for the rules).
func newEvalQuotesCmd(g *globalOptions) *cobra.Command {
	var f evalFlags
	cmd := &cobra.Command{
		Use:   "quotes --data DIR [--json]",
		Short: "Score quote and attribution extraction on a PolNeAR split",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			docs, err := polnear.ReadDir(f.data)
			if err != nil {
				return err
			}
			// The production pipeline, so the figures are those of what
			// users get (entities resolve speakers; later stages cost time
			// but change no quote).
			p, err := engine.DefaultPipeline()
			if err != nil {
				return err
			}
			scores, err := polnear.Evaluate(docs, p.Run)
			if err != nil {
				g.log.Warn("analysis failed", "err", err)
			}
			m := scores.Metrics()
			m["documents"] = len(docs)
			return printMetrics(g.stdout, fmt.Sprintf("quotes on %s (%d articles)", f.data, len(docs)), m, f.asJSON)
		},
	}
	f.register(cmd)
	return cmd
}

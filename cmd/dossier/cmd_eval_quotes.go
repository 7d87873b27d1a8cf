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
		Long: `Runs the production pipeline over a PolNeAR split folder (text/*.txt,
attributions/*.ann; the first annotator's file by name when there are several)
and scores the attributions the quote stage finds against the gold ones.

For all attributions and for direct quotes (gold content opening with a quote
mark) it reports precision, recall and F1 of: content, source and cue spans
under exact matching (same word tokens) and overlap matching (at least one
shared word token, as in the PARC 3.0 / Citron literature), and of whole
attributions (content and source both matched; no source on both sides also
matches). Matching is one-to-one. Quotes sharing a cue form one attribution;
scare quotes and quotes without a cue are not attributions.

Published reference (BBC Citron on PARC 3.0, a different corpus): overlap
whole-quote F1 83.2, source 85.3; exact whole 56.7.`,
		Args: cobra.NoArgs,
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

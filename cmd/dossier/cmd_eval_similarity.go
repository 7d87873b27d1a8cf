package main

import (
	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/story"
	"github.com/dossier-news/dossier/internal/story/storyeval"
)

// newEvalSimilarityCmd is "dossier eval similarity --data FILE": the story
// clusterer's article similarity against SemEval-2022 Task 8 ratings.
func newEvalSimilarityCmd(g *globalOptions) *cobra.Command {
	var (
		ef  evalFlags
		opt story.Options
	)
	cmd := &cobra.Command{
		Use:   "similarity --data pairs.csv",
		Short: "Article similarity on SemEval-2022 Task 8 (English pairs, Pearson r)",
		Long: `Scores the English-English pairs of SemEval-2022 Task 8 (pair_id without a
language suffix) with the clusterer's similarity, IDF learned from the pairs'
texts, and reports Pearson r against the Overall rating, sign-flipped (Overall 1
is most similar) as the task's published systems report it.`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			pairs, err := storyeval.ReadPairs(ef.data)
			if err != nil {
				return err
			}
			r := storyeval.EvalSimilarity(pairs, opt)
			return printMetrics(g.stdout, "SemEval-2022 Task 8, English", map[string]any{
				"pairs":            r.Pairs,
				"pearson_r":        r.Pearson,
				"pearson_r_linear": r.PearsonLinear,
			}, ef.asJSON)
		},
	}
	ef.register(cmd)
	cmd.Flags().Float64Var(&opt.EntityWeight, "entity-weight", 0, "entity share of the score (0: default)")
	cmd.Flags().Float64Var(&opt.KeyEntityPenalty, "key-entity-penalty", 0, "score factor when no key entity is shared (0: default)")
	cmd.Flags().Float64Var(&opt.DatePenalty, "date-penalty", 0, "score factor when mentioned dates are disjoint (0: default)")
	return cmd
}

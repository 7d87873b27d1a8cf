package main

import (
	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/story/storyeval"
)

// newEvalSimilarityCmd is "dossier eval similarity --data FILE": the text
// similarity against SemEval-2022 Task 8 ratings, fitted on the non-English
// monolingual pairs and scored on the held-out English pairs.
func newEvalSimilarityCmd(g *globalOptions) *cobra.Command {
	var (
		ef  evalFlags
		opt storyeval.SimilarityOptions
	)
	cmd := &cobra.Command{
		Use:   "similarity --data pairs.csv",
		Short: "Article similarity on SemEval-2022 Task 8 (fitted on other languages, English held out)",
		Long: `Fits the language-agnostic text similarity (story.TextCorpus: key-term share,
opening and opening-vs-whole TF-IDF cosines over word prefixes, character
n-gram cosine, number overlap; IDF learned from all the pairs' texts without
labels; five least-squares weights and an isotonic calibration) on the
non-English monolingual pairs of SemEval-2022 Task 8 (739 pairs, 9 languages),
and scores it once on the English-English pairs (pair_id without a language
suffix).

pearson_r and spearman are the English held-out figures, sign-flipped as the
task's published systems report them (Overall 1 is most similar). tuning_* are
in-sample on the tuning languages; tuning_r_cross_language predicts each tuning
language with a model fitted on the others. pearson_r_clusterer is the story
clusterer's raw similarity on the English pairs, for comparison.`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			test, err := storyeval.ReadPairs(ef.data)
			if err != nil {
				return err
			}
			tuning, err := storyeval.ReadPairsSelected(ef.data, storyeval.TuningPairs)
			if err != nil {
				return err
			}
			r, err := storyeval.EvalSimilarity(test, tuning, opt)
			if err != nil {
				return err
			}
			m := map[string]any{
				"pairs":                   r.Pairs,
				"tuning_pairs":            r.TuningPairs,
				"pearson_r":               r.Pearson,
				"spearman":                r.Spearman,
				"tuning_r":                r.TuningPearson,
				"tuning_spearman":         r.TuningSpearman,
				"tuning_r_cross_language": r.CrossLanguagePearson,
				"pearson_r_clusterer":     r.ClustererPearson,
				"spearman_clusterer":      r.ClustererSpearman,
			}
			for lang, v := range r.LanguagePearson {
				m["tuning_r_"+lang] = v
			}
			return printMetrics(g.stdout, "SemEval-2022 Task 8: fitted on non-English pairs, English held out", m, ef.asJSON)
		},
	}
	ef.register(cmd)
	cmd.Flags().Float64Var(&opt.Power, "power", 0, "power applied to the features before the linear fit (0: 0.5)")
	cmd.Flags().BoolVar(&opt.Calibrate, "calibrate", true, "isotonic calibration of the fitted rating, learned on the tuning pairs")
	cmd.Flags().IntVar(&opt.Text.WordPrefix, "word-prefix", 0, "runes kept of each word (0: default)")
	cmd.Flags().IntVar(&opt.Text.GramSize, "gram-size", 0, "runes per character n-gram (0: default)")
	cmd.Flags().IntVar(&opt.Text.LeadWords, "lead-words", 0, "words in a text's opening (0: default)")
	cmd.Flags().IntVar(&opt.Text.KeyTerms, "key-terms", 0, "distinctive words per text for the key-term share (0: default)")
	cmd.Flags().Float64Var(&opt.Clusterer.EntityWeight, "entity-weight", 0, "clusterer comparison: entity share of the score (0: default)")
	return cmd
}

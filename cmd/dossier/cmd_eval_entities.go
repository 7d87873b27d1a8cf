package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/entity"
)

// newEvalEntitiesCmd is "dossier eval entities": in-document entity
// resolution on MEANTIME, with its gold name mentions standing in for NER.
// B-cubed over name mentions (and an exact-name baseline), and precision of
// the pronouns and role nouns the stage resolves.
func newEvalEntitiesCmd(g *globalOptions) *cobra.Command {
	var f evalFlags
	cmd := &cobra.Command{
		Use:   "entities --data DIR [--json]",
		Short: "Score in-document entity resolution (MEANTIME coreference, B-cubed)",
		RunE: func(cmd *cobra.Command, _ []string) error {
			docs, err := entity.ReadMeantimeDir(f.data)
			if err != nil {
				return err
			}
			if len(docs) == 0 {
				return fmt.Errorf("no MEANTIME documents under %s", f.data)
			}
			sc, err := entity.EvalMeantime(docs, entity.Stage{})
			if err != nil {
				return err
			}
			ratio := func(a, b int) float64 {
				if b == 0 {
					return 0
				}
				return float64(a) / float64(b)
			}
			return printMetrics(cmd.OutOrStdout(), "entity resolution (MEANTIME, gold name mentions)", map[string]any{
				"documents": sc.Docs, "names": sc.Names,
				"b3_precision": sc.B3Precision, "b3_recall": sc.B3Recall, "b3_f1": sc.B3F1,
				"baseline_b3_precision": sc.BaselineB3Precision, "baseline_b3_recall": sc.BaselineB3Recall,
				"baseline_b3_f1":    sc.BaselineB3F1,
				"pronouns_resolved": sc.Pronouns, "pronoun_precision": ratio(sc.PronounsCorrect, sc.Pronouns),
				"pronoun_recall":  ratio(sc.PronounsCorrect, sc.GoldPronouns),
				"titles_resolved": sc.Titles, "title_precision": ratio(sc.TitlesCorrect, sc.Titles),
			}, f.asJSON)
		},
	}
	f.register(cmd)
	return cmd
}

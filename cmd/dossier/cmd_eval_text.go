package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/text"
)

// newEvalTextCmd is "dossier eval text": the text layer scored on gold
// tokenised benchmarks. A directory of token XML (MEANTIME, ECB+) scores
// sentence boundaries; a CoNLL-2003 file scores tokens. Both are rebuilt
// into running text first (text.Detokenize).
func newEvalTextCmd(g *globalOptions) *cobra.Command {
	var f evalFlags
	cmd := &cobra.Command{
		Use:   "text --data DIR|FILE [--json]",
		Short: "Score sentence splitting (MEANTIME/ECB+ token XML) or tokenisation (CoNLL-2003)",
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := os.Stat(f.data)
			if err != nil {
				return fmt.Errorf("eval text: %w", err)
			}
			out := cmd.OutOrStdout()
			if st.IsDir() {
				docs, err := text.ReadTokenXMLDir(f.data)
				if err != nil {
					return err
				}
				if len(docs) == 0 {
					return fmt.Errorf("no token XML documents under %s", f.data)
				}
				sc := text.EvalSentences(docs)
				return printMetrics(out, "sentence boundaries", map[string]any{
					"documents": sc.Docs, "gold": sc.Gold, "predicted": sc.Predicted, "correct": sc.Correct,
					"precision": sc.Precision, "recall": sc.Recall, "f1": sc.F1,
				}, f.asJSON)
			}
			r, err := os.Open(f.data)
			if err != nil {
				return fmt.Errorf("eval text: %w", err)
			}
			defer r.Close()
			sents, err := text.ReadCoNLLSentences(r)
			if err != nil {
				return err
			}
			sc := text.EvalTokens(sents)
			return printMetrics(out, "tokens", map[string]any{
				"sentences": sc.Sentences, "exact_sentences": sc.ExactSentences, "gold": sc.Gold,
				"predicted": sc.Predicted, "correct": sc.Correct,
				"precision": sc.Precision, "recall": sc.Recall, "f1": sc.F1,
			}, f.asJSON)
		},
	}
	f.register(cmd)
	return cmd
}

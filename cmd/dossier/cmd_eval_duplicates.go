package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/story"
	"github.com/dossier-news/dossier/internal/story/storyeval"
)

// newEvalDuplicatesCmd is "dossier eval duplicates --data DIR": duplicate
// groups on a synthetic stream of edited Reuters-21578 copies (precision and
// recall over known pairs), and the groups found in the corpus itself.
func newEvalDuplicatesCmd(g *globalOptions) *cobra.Command {
	var (
		ef         evalFlags
		seed       uint64
		originals  int
		share      float64
		skipCorpus bool
		opt        story.Options
	)
	cmd := &cobra.Command{
		Use:   "duplicates --data DIR",
		Short: "Near-duplicate and rewrite grouping on Reuters-21578 (synthetic copies, P/R over pairs)",
		Long: `Takes Reuters-21578 stories (DIR/*.sgm) of at least 60 words that are not
near-copies of each other, gives a share of them 1-3 copies with known edits
(re-dating, a paragraph swap, sentence deletions, 5% word substitutions),
streams everything in date order through the clusterer and scores its
duplicate groups as pairs against the known copies. Also reports how many
duplicate groups the clusterer finds in the whole corpus.`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			docs, err := storyeval.ReadReuters(ef.data)
			if err != nil {
				return err
			}
			orig := storyeval.Originals(docs, 60)
			if originals > 0 && originals < len(orig) {
				orig = orig[:originals]
			}
			stream := storyeval.DuplicateStream(orig, share, storyeval.DefaultEdits(), seed)
			r := storyeval.EvalDuplicates(stream, opt)
			var n, groups, copies int
			if !skipCorpus {
				n, groups, copies = storyeval.CorpusDuplicates(docs, opt)
			}
			m := map[string]any{
				"synthetic_articles":  r.Articles,
				"synthetic_originals": r.Originals,
				"synthetic_copies":    r.Copies,
				"gold_pairs":          r.Score.GoldPairs,
				"predicted_pairs":     r.Score.PredPairs,
				"pair_precision":      r.Score.P,
				"pair_recall":         r.Score.R,
				"corpus_articles":     n,
				"corpus_dup_groups":   groups,
				"corpus_dup_copies":   copies,
			}
			for k, v := range r.ByKind {
				m[fmt.Sprintf("synthetic_found_%s", k)] = v
			}
			return printMetrics(g.stdout, "Reuters-21578 duplicates", m, ef.asJSON)
		},
	}
	ef.register(cmd)
	cmd.Flags().Uint64Var(&seed, "seed", 1, "seed of the synthetic edits")
	cmd.Flags().IntVar(&originals, "originals", 0, "use only the first N originals (0: all)")
	cmd.Flags().Float64Var(&share, "copy-share", 0.3, "share of originals that get copies")
	cmd.Flags().IntVar(&opt.Dedup.Words, "shingle-words", 0, "words per shingle (0: default)")
	cmd.Flags().IntVar(&opt.Dedup.Bands, "bands", 0, "LSH bands (0: default)")
	cmd.Flags().IntVar(&opt.Dedup.Hashes, "hashes", 0, "MinHash functions (0: default)")
	cmd.Flags().Float64Var(&opt.Dedup.Jaccard, "jaccard", 0, "near-duplicate Jaccard threshold (0: default)")
	cmd.Flags().BoolVar(&skipCorpus, "skip-corpus", false, "only the synthetic benchmark")
	return cmd
}

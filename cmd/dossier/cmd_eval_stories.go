package main

import (
	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/engine"
	"github.com/dossier-news/dossier/internal/entity"

	"github.com/dossier-news/dossier/internal/story"
	"github.com/dossier-news/dossier/internal/story/storyeval"
)

// newEvalStoriesCmd is "dossier eval stories --data DIR": online story
// clustering on ECB+, scored at the event level (stories) and the topic
// level (storylines).
func newEvalStoriesCmd(g *globalOptions) *cobra.Command {
	var (
		ef        evalFlags
		seed      uint64
		primeSelf bool
		analyse   bool
		prior     bool
		opt       story.Options
		lopt      story.StorylineOptions
	)
	cmd := &cobra.Command{
		Use:   "stories --data DIR",
		Short: "Story clustering on ECB+ (B-cubed and pairwise, event and topic level)",
		Long: `Feeds the ECB+ documents (DIR/N/N_Kecb.xml, N_Kecbplus.xml) to the online
clusterer in a fixed shuffled order, without labels, and scores stories against
gold events (folder + ecb/ecbplus) and storylines against gold topics (folder).`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			docs, err := storyeval.ReadECBPlus(ef.data)
			if err != nil {
				return err
			}
			var prime []string
			if primeSelf {
				for _, d := range docs {
					prime = append(prime, d.Text)
				}
			}
			var features func(int64, string) story.Features
			if analyse {
				p, err := engine.DefaultPipeline()
				if err != nil {
					return err
				}
				// As the engine does: the product's pipeline, then the
				// cross-article registry links surname-only people.
				reg := entity.NewRegistry()
				features = func(id int64, t string) story.Features {
					doc, err := p.Run(&article.Article{ID: id, Text: t})
					if err != nil || doc == nil {
						g.log.Warn("analysis failed; clustering on text alone", "article", id, "err", err)
						return story.Features{ArticleID: id, Text: t}
					}
					reg.Link(doc.Analysis.Entities)
					return story.FeaturesOf(doc)
				}
			}
			c := story.NewClusterer(opt)
			if prior {
				p, err := story.DefaultPrior()
				if err != nil {
					return err
				}
				c.Warm(p)
			}
			for _, t := range prime {
				c.Observe(story.Features{Text: t})
			}
			r := storyeval.EvalStoriesWith(c, storyeval.Shuffled(docs, seed), lopt, features)
			m := map[string]any{
				"documents":             r.Docs,
				"event_bcubed_p":        r.Event.P,
				"event_bcubed_r":        r.Event.R,
				"event_bcubed_f1":       r.Event.F1,
				"event_pairwise_p":      r.EventPairwise.P,
				"event_pairwise_r":      r.EventPairwise.R,
				"event_pairwise_f1":     r.EventPairwise.F1,
				"topic_bcubed_p":        r.Topic.P,
				"topic_bcubed_r":        r.Topic.R,
				"topic_bcubed_f1":       r.Topic.F1,
				"topic_pairwise_p":      r.TopicPairwise.P,
				"topic_pairwise_r":      r.TopicPairwise.R,
				"topic_pairwise_f1":     r.TopicPairwise.F1,
				"stories":               r.Stories,
				"gold_events":           r.GoldEvents,
				"storylines":            r.Storylines,
				"gold_topics":           r.GoldTopics,
				"duplicate_groups_gt_1": r.DupGroups,
			}
			return printMetrics(g.stdout, "ECB+ story clustering", m, ef.asJSON)
		},
	}
	ef.register(cmd)
	cmd.Flags().Uint64Var(&seed, "seed", 1, "seed of the fixed document order")
	cmd.Flags().BoolVar(&analyse, "analyse", false, "run the product's analysis pipeline first (as `dossier ingest` does) and cluster on entity keys and resolved dates")
	cmd.Flags().BoolVar(&prior, "prior", false, "warm the clusterer with the background document frequencies (story.DefaultPrior) as the engine does; with --analyse this is the product's path")
	cmd.Flags().BoolVar(&primeSelf, "prime-self", false, "diagnostic: learn IDF from all documents before clustering (transductive)")
	cmd.Flags().Float64Var(&opt.Threshold, "threshold", 0, "story join threshold (0: default)")
	cmd.Flags().Float64Var(&opt.EntityWeight, "entity-weight", 0, "entity share of the story score (0: default)")
	cmd.Flags().Float64Var(&opt.KeyEntityPenalty, "key-entity-penalty", 0, "score factor when no key entity is shared (0: default)")
	cmd.Flags().Float64Var(&opt.MergeThreshold, "merge-threshold", 0, "story merge threshold (0: default)")
	cmd.Flags().Float64Var(&opt.DatePenalty, "date-penalty", 0, "score factor when mentioned dates are disjoint (0: default)")
	cmd.Flags().Float64Var(&lopt.Threshold, "line-threshold", 0, "storyline link threshold (0: default)")
	return cmd
}

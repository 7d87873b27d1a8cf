package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/compose"
)

// newEvalTimelineCmd is "dossier eval timeline": timeline summarisation on
// Timeline17, scored as in Martschat & Markert (2018) and Ghalandari & Ifrim
// (2020): date F1 and alignment-based ("align+ m:1") ROUGE-1 and ROUGE-2 F1,
// averaged over gold timelines.
func newEvalTimelineCmd(g *globalOptions) *cobra.Command {
	var f evalFlags
	var perTimeline bool
	cmd := &cobra.Command{
		Use:   "timeline --data DIR [--json]",
		Short: "Score timeline summarisation on Timeline17 (date F1, align+ m:1 ROUGE-1/2)",
		Long: `For every gold timeline of every topic folder under --data, builds a timeline
from the topic's articles with as many dates as the gold and the gold's mean
number of sentences per date, limited to the gold's first and last date (the
standard setting of Martschat & Markert 2018 and Ghalandari & Ifrim 2020), and
reports date F1 and the "align+ m:1" ROUGE-1 and ROUGE-2 F1 (tilse's
definition; stop words removed, Porter stems), averaged over timelines.
Sentences are dated by the project's timex tagger. The builder's few settings
were chosen on these same topics: there is no held-out split.`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			topics, err := compose.ReadTimeline17(f.data)
			if err != nil {
				return err
			}
			if len(topics) == 0 {
				return fmt.Errorf("no topics with gold timelines under %s", f.data)
			}
			scores := compose.EvalTimeline17(topics)
			var d, r1, r2, r1p, r1r float64
			for _, s := range scores {
				if perTimeline {
					fmt.Fprintf(g.stdout, "%-22s %-48s date F1 %.3f  R1 %.3f  R2 %.3f\n", s.Topic, s.Timeline, s.Date.F, s.ROUGE1.F, s.ROUGE2.F)
				}
				d += s.Date.F
				r1 += s.ROUGE1.F
				r2 += s.ROUGE2.F
				r1p += s.ROUGE1.P
				r1r += s.ROUGE1.R
			}
			n := float64(len(scores))
			return printMetrics(g.stdout, "Timeline17: date-wise baseline (mention-count dates, centroid sentences), means over gold timelines", map[string]any{
				"topics":    len(topics),
				"timelines": len(scores),
				"date_f1":   d / n,
				"rouge1_f":  r1 / n,
				"rouge1_p":  r1p / n,
				"rouge1_r":  r1r / n,
				"rouge2_f":  r2 / n,
			}, f.asJSON)
		},
	}
	f.register(cmd)
	cmd.Flags().BoolVar(&perTimeline, "per-timeline", false, "print each timeline's scores")
	return cmd
}

package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/timex"
	"github.com/dossier-news/dossier/internal/timex/timeml"
)

// newEvalTimexCmd is "dossier eval timex": TempEval-3 task A (time expression
// extent, type and value) on TimeML or MEANTIME files, with the go-dateparser
// and olebedev/when baselines scored on the same text.
func newEvalTimexCmd(g *globalOptions) *cobra.Command {
	var f evalFlags
	var format string
	var baselines, showErrors bool
	cmd := &cobra.Command{
		Use:   "timex --data DIR [--format timeml|meantime] [--json]",
		Short: "Score time expression tagging (TempEval-3 task A metrics)",
		RunE: func(cmd *cobra.Command, _ []string) error {
			docs, err := timeml.ReadDir(f.data, timeml.Format(format))
			if err != nil {
				return err
			}
			if len(docs) == 0 {
				return fmt.Errorf("no %s documents under %s", format, f.data)
			}
			// A document without an annotated creation time gets the date the
			// system itself infers from the text, as an article without metadata
			// would in the pipeline (MEANTIME has two such files).
			for _, d := range docs {
				if d.DCT.IsZero() {
					d.DCT = timex.DCTOf(timex.DocDate(&article.Article{Text: d.Text}))
				}
			}
			tagger := timex.NewTagger()
			systems := []struct {
				prefix string
				tag    func(d *timeml.Doc) []article.Timex
			}{
				{"", func(d *timeml.Doc) []article.Timex { return tagger.Tag(d.Text, d.DCT) }},
			}
			if baselines {
				systems = append(systems,
					struct {
						prefix string
						tag    func(d *timeml.Doc) []article.Timex
					}{"dateparser_", func(d *timeml.Doc) []article.Timex { return timeml.DateparserTag(d.Text, d.DCT) }},
					struct {
						prefix string
						tag    func(d *timeml.Doc) []article.Timex
					}{"when_", func(d *timeml.Doc) []article.Timex { return timeml.WhenTag(d.Text, d.DCT) }},
				)
			}
			metrics := map[string]any{"documents": len(docs)}
			types := []string{"DATE", "TIME", "DURATION", "SET"}
			for _, sys := range systems {
				var all timeml.Counts
				perType := map[string]*timeml.Counts{}
				for _, t := range types {
					perType[t] = &timeml.Counts{}
				}
				for _, d := range docs {
					out := timeml.WithoutIgnored(sys.tag(d), d.Ignore)
					if showErrors && sys.prefix == "" {
						timeml.WriteErrors(g.stderr, d, out)
					}
					all.Add(d.Gold, out)
					if sys.prefix == "" {
						for _, t := range types {
							perType[t].Add(timeml.ByType(d.Gold, t), timeml.ByType(out, t))
						}
					}
				}
				s := all.Scores()
				p := sys.prefix
				metrics[p+"strict_p"], metrics[p+"strict_r"], metrics[p+"strict_f1"] = timeml.Round4(s.StrictP), timeml.Round4(s.StrictR), timeml.Round4(s.StrictF1)
				metrics[p+"relaxed_p"], metrics[p+"relaxed_r"], metrics[p+"relaxed_f1"] = timeml.Round4(s.RelaxedP), timeml.Round4(s.RelaxedR), timeml.Round4(s.RelaxedF1)
				metrics[p+"value_f1"], metrics[p+"type_f1"] = timeml.Round4(s.ValueF1), timeml.Round4(s.TypeF1)
				metrics[p+"value_accuracy"] = timeml.Round4(s.ValueAcc)
				if p == "" {
					metrics["gold"], metrics["system"] = all.Gold, all.System
					for _, t := range types {
						ts := perType[t].Scores()
						k := strings.ToLower(t) + "_"
						metrics[k+"gold"] = perType[t].Gold
						metrics[k+"relaxed_f1"] = timeml.Round4(ts.RelaxedF1)
						metrics[k+"strict_f1"] = timeml.Round4(ts.StrictF1)
						metrics[k+"value_f1"] = timeml.Round4(ts.ValueF1)
					}
				}
			}
			title := fmt.Sprintf("timex: %d %s documents under %s (TempEval-3 task A; values in [0,1])", len(docs), format, f.data)
			return printMetrics(g.stdout, title, metrics, f.asJSON)
		},
	}
	f.register(cmd)
	cmd.Flags().StringVar(&format, "format", "timeml", "benchmark layout: timeml (.tml files) or meantime (CAT XML)")
	cmd.Flags().BoolVar(&baselines, "baselines", true, "also score the go-dateparser and olebedev/when baselines")
	cmd.Flags().BoolVar(&showErrors, "show-errors", false, "print every missed, spurious and mis-valued expression to stderr")
	return cmd
}

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
)

// newEvalCmd is "dossier eval TASK --data PATH [--json]". Each task is a
// sub-command in its own file (cmd_eval_<task>.go) that scores one benchmark
// in its published layout.
func newEvalCmd(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval TASK --data PATH [--json]",
		Short: "Score one task on a benchmark data set",
	}
	cmd.AddCommand(
		// one line per task: newEvalXxxCmd(g),
		newEvalQuotesCmd(g),
		newEvalStoriesCmd(g),
		newEvalSimilarityCmd(g),
		newEvalDuplicatesCmd(g),
		newEvalEventsCmd(g),
		newEvalTimexCmd(g),
		newEvalTimelineCmd(g),
		newEvalNERCmd(g),
		newEvalTextCmd(g),
		newEvalEntitiesCmd(g),
	)
	return cmd
}

// evalFlags are the flags every eval task takes.
type evalFlags struct {
	data   string
	asJSON bool
}

func (f *evalFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.data, "data", "", "path to the data set in its published layout (required)")
	cmd.Flags().BoolVar(&f.asJSON, "json", false, "print one JSON object of metrics on the last line")
	_ = cmd.MarkFlagRequired("data")
}

// printMetrics prints a two-column table of metrics, and with asJSON the same
// metrics as one JSON object on the last line (the evaluation contract).
func printMetrics(w io.Writer, title string, metrics map[string]any, asJSON bool) error {
	if title != "" {
		fmt.Fprintln(w, title)
	}
	keys := make([]string, 0, len(metrics))
	for k := range metrics {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, k := range keys {
		switch v := metrics[k].(type) {
		case float64:
			fmt.Fprintf(tw, "%s\t%.4f\n", k, v)
		default:
			fmt.Fprintf(tw, "%s\t%v\n", k, v)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if asJSON {
		b, err := json.Marshal(metrics)
		if err != nil {
			return fmt.Errorf("encoding metrics: %w", err)
		}
		fmt.Fprintln(w, strings.TrimSpace(string(b)))
	}
	return nil
}

package main

import (
	"errors"
	"fmt"
	"sort"

	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/event"
	"github.com/dossier-news/dossier/internal/store"
)

func newExportCmd(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "export WHAT",
		Short: "Export analyses in interchange formats",
	}
	cmd.AddCommand(newExportEventsCmd(g))
	return cmd
}

func newExportEventsCmd(g *globalOptions) *cobra.Command {
	var o struct {
		source, from, to string
	}
	cmd := &cobra.Command{
		Use:   "events",
		Short: "Coded events as GDELT-style TSV: date, source, target, CAMEO, PLOVER, article, sentence",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			f := store.Filter{Source: o.source}
			var err error
			if f.From, err = parseDay(o.from); err != nil {
				return fmt.Errorf("--from: %w", err)
			}
			if f.To, err = parseDay(o.to); err != nil {
				return fmt.Errorf("--to: %w", err)
			}
			if !f.To.IsZero() {
				f.To = f.To.AddDate(0, 0, 1)
			}
			s, err := g.openStore(ctx)
			if err != nil {
				return err
			}
			defer s.Close()
			list, err := s.Articles(ctx, f)
			if err != nil {
				return err
			}
			sort.Slice(list, func(i, j int) bool { return list[i].ID < list[j].ID })
			var rows []event.Row
			for _, meta := range list {
				an, err := s.Analysis(ctx, meta.ID)
				if errors.Is(err, store.ErrNotFound) {
					continue
				}
				if err != nil {
					return err
				}
				if len(an.Events) == 0 {
					continue
				}
				a, err := s.Article(ctx, meta.ID)
				if err != nil {
					return err
				}
				rows = append(rows, event.RowsOf(a, an.Events)...)
			}
			return event.WriteTSV(g.stdout, rows...)
		},
	}
	cmd.Flags().StringVar(&o.source, "source", "", "only articles from this outlet")
	cmd.Flags().StringVar(&o.from, "from", "", "only articles published on or after (YYYY-MM-DD)")
	cmd.Flags().StringVar(&o.to, "to", "", "only articles published on or before (YYYY-MM-DD)")
	return cmd
}

package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/store"
)

func newSearchCmd(g *globalOptions) *cobra.Command {
	var o struct {
		source, from, to string
		limit            int
		asJSON           bool
	}
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: `Full-text search (BM25): words, "exact phrases", AND/OR/NOT, NEAR(a b, 5), prefix*`,
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			q := store.Query{Text: strings.Join(args, " "), Source: o.source, Limit: o.limit}
			var err error
			if q.From, err = parseDay(o.from); err != nil {
				return fmt.Errorf("--from: %w", err)
			}
			if q.To, err = parseDay(o.to); err != nil {
				return fmt.Errorf("--to: %w", err)
			}
			if !q.To.IsZero() {
				q.To = q.To.AddDate(0, 0, 1)
			}
			s, err := g.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			hits, err := s.Search(cmd.Context(), q)
			if err != nil {
				return err
			}
			if o.asJSON {
				return json.NewEncoder(g.stdout).Encode(hits)
			}
			if len(hits) == 0 {
				fmt.Fprintln(g.stdout, "no matches")
				return nil
			}
			for _, h := range hits {
				fmt.Fprintf(g.stdout, "%d  %s  %s  %s\n    %s\n", h.ID, dayOf(h.Published), orDash(h.Source), h.Title,
					strings.ReplaceAll(h.Snippet, "\n", " "))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&o.source, "source", "", "only this outlet")
	cmd.Flags().StringVar(&o.from, "from", "", "published on or after (YYYY-MM-DD)")
	cmd.Flags().StringVar(&o.to, "to", "", "published on or before (YYYY-MM-DD)")
	cmd.Flags().IntVar(&o.limit, "limit", 20, "at most this many hits")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print JSON")
	return cmd
}

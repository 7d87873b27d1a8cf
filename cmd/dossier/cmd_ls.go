package main

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/store"
)

type lsOptions struct {
	source   string
	from, to string
	limit    int
	asJSON   bool
}

func newLsCmd(g *globalOptions) *cobra.Command {
	var o lsOptions
	cmd := &cobra.Command{
		Use:   "ls",
		Short: "List stored articles, newest first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f := store.Filter{Source: o.source, Limit: o.limit}
			var err error
			if f.From, err = parseDay(o.from); err != nil {
				return fmt.Errorf("--from: %w", err)
			}
			if f.To, err = parseDay(o.to); err != nil {
				return fmt.Errorf("--to: %w", err)
			}
			if !f.To.IsZero() {
				f.To = f.To.AddDate(0, 0, 1) // --to is inclusive for the user
			}
			s, err := g.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			list, err := s.Articles(cmd.Context(), f)
			if err != nil {
				return err
			}
			if o.asJSON {
				return json.NewEncoder(g.stdout).Encode(list)
			}
			tw := tabwriter.NewWriter(g.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tDATE\tSOURCE\tTITLE")
			for _, a := range list {
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", a.ID, dayOf(a.Published), orDash(a.Source), truncate(a.Title, 80))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&o.source, "source", "", "only articles from this outlet")
	cmd.Flags().StringVar(&o.from, "from", "", "only articles published on or after this day (YYYY-MM-DD)")
	cmd.Flags().StringVar(&o.to, "to", "", "only articles published on or before this day (YYYY-MM-DD)")
	cmd.Flags().IntVar(&o.limit, "limit", 100, "at most this many articles (0: all)")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print JSON")
	return cmd
}

func parseDay(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse("2006-01-02", s)
}

func dayOf(t time.Time) string {
	if t.IsZero() {
		return "undated"
	}
	return t.Format("2006-01-02")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

package main

import (
	"encoding/json"
	"fmt"
	"net/url"
	"text/tabwriter"

	"github.com/spf13/cobra"
)

func newFeedsCmd(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "feeds",
		Short: "Manage feed subscriptions (polled by 'dossier serve')",
	}
	cmd.AddCommand(newFeedsAddCmd(g), newFeedsLsCmd(g))
	return cmd
}

func newFeedsAddCmd(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "add URL...",
		Short: "Subscribe to RSS, Atom or JSON feeds",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := g.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			for _, a := range args {
				u, err := url.Parse(a)
				if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
					return fmt.Errorf("%q: want an http(s) URL", a)
				}
				f, created, err := s.PutFeed(cmd.Context(), a)
				if err != nil {
					return err
				}
				if created {
					fmt.Fprintf(g.stdout, "added     #%d %s\n", f.ID, f.URL)
				} else {
					fmt.Fprintf(g.stdout, "unchanged #%d %s (already subscribed)\n", f.ID, f.URL)
				}
			}
			return nil
		},
	}
}

func newFeedsLsCmd(g *globalOptions) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "ls",
		Short: "List feeds with their health",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := g.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			list, err := s.Feeds(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				return json.NewEncoder(g.stdout).Encode(list)
			}
			if len(list) == 0 {
				fmt.Fprintln(g.stdout, "no feeds: add one with 'dossier feeds add URL'")
				return nil
			}
			tw := tabwriter.NewWriter(g.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "FEED\tHEALTH\tLAST CHECKED\tARTICLES\tURL")
			for _, f := range list {
				health := "pending"
				switch {
				case f.LastError != "":
					health = fmt.Sprintf("failing x%d: %s", f.Failures, truncate(f.LastError, 40))
				case !f.LastSuccess.IsZero():
					health = "ok"
				}
				checked := "never"
				if !f.LastChecked.IsZero() {
					checked = f.LastChecked.Local().Format("2006-01-02 15:04")
				}
				fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%s\n", f.ID, health, checked, f.Articles, f.URL)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

package main

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
)

func newShowCmd(g *globalOptions) *cobra.Command {
	var asJSON, raw bool
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show one article: metadata, structure and text",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil {
				return fmt.Errorf("article ID %q: not a number", args[0])
			}
			s, err := g.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			a, err := s.Article(cmd.Context(), id)
			if err != nil {
				return err
			}
			if raw {
				_, err := g.stdout.Write(a.Raw)
				return err
			}
			if asJSON {
				return json.NewEncoder(g.stdout).Encode(a)
			}
			w := g.stdout
			fmt.Fprintf(w, "Article %d\n", a.ID)
			fmt.Fprintf(w, "  title:     %s\n", a.Title)
			fmt.Fprintf(w, "  source:    %s\n", orDash(a.Source))
			if a.Author != "" {
				fmt.Fprintf(w, "  author:    %s\n", a.Author)
			}
			fmt.Fprintf(w, "  published: %s", dayOf(a.Published))
			if a.DateSource != "" {
				fmt.Fprintf(w, " (from %s)", a.DateSource)
			}
			fmt.Fprintln(w)
			if a.URL != "" {
				fmt.Fprintf(w, "  url:       %s\n", a.URL)
			}
			fmt.Fprintf(w, "  origin:    %s (%s, %d bytes, hash %s)\n", a.Origin, a.Format, len(a.Raw), a.Hash[:12])
			fmt.Fprintf(w, "  analysis:  %s\n\n", orDash(a.AnalysisVersion))
			for _, b := range a.Structure.Blocks {
				tag := string(b.Kind)
				if b.Key != "" {
					tag += ":" + b.Key
				}
				if b.Opinion {
					tag += " (opinion)"
				}
				text := strings.ReplaceAll(b.Content.Of(a.Text), "\n", " ")
				fmt.Fprintf(w, "[%s] %s\n", tag, text)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().BoolVar(&raw, "raw", false, "print the raw bytes exactly as ingested")
	return cmd
}

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/compose"
)

// loadOffices returns the built-in office table, extended by a TSV file
// when one is named.
func loadOffices(path string) (*compose.Offices, error) {
	o, err := compose.BuiltinOffices()
	if err != nil || path == "" {
		return o, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("office table: %w", err)
	}
	defer f.Close()
	o, err = o.Extend(f)
	if err != nil {
		return nil, fmt.Errorf("office table %s: %w", path, err)
	}
	return o, nil
}

func newReportCmd(g *globalOptions) *cobra.Command {
	var format, offices string
	var storyline bool
	cmd := &cobra.Command{
		Use:   "report STORY_ID [--format md|html|json]",
		Short: "Compose the cited dossier of a story: timeline, actors, positions, quotes, sources, contradictions, summary",
		Long: `Composes the dossier of one story (or, with --storyline, of every story of a
storyline) from the stored articles and analyses: a cited timeline, actors and
roles, positions, quotes by speaker, a comparison of the sources,
contradictions and anachronistic titles, and an extractive summary.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil {
				return fmt.Errorf("story ID %q: not a number", args[0])
			}
			switch format {
			case "md", "markdown", "html", "json":
			default:
				return fmt.Errorf("--format %q: want md, html or json", format)
			}
			ctx := cmd.Context()
			off, err := loadOffices(offices)
			if err != nil {
				return err
			}
			e, closeFn, err := g.openEngine(ctx, false)
			if err != nil {
				return err
			}
			defer closeFn()
			var in compose.Input
			if storyline {
				l, err := e.Store.Storyline(ctx, id)
				if err != nil {
					return err
				}
				if in, err = e.StorylineInput(ctx, l); err != nil {
					return err
				}
			} else if in, err = e.DossierInput(ctx, id); err != nil {
				return err
			}
			in.Offices = off
			d, err := compose.Build(ctx, in)
			if err != nil {
				return err
			}
			switch format {
			case "json":
				enc := json.NewEncoder(g.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(d)
			case "html":
				return compose.WriteHTML(g.stdout, d)
			default:
				return compose.WriteMarkdown(g.stdout, d)
			}
		},
	}
	cmd.Flags().StringVar(&format, "format", "md", "md, html or json")
	cmd.Flags().StringVar(&offices, "offices", "", "TSV file of office-holders added to the built-in table (office, country, holder, from, to, other names)")
	cmd.Flags().BoolVar(&storyline, "storyline", false, "the ID names a storyline: compose all its stories together")
	return cmd
}

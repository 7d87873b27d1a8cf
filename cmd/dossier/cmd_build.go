package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/compose"
	"github.com/dossier-news/dossier/internal/engine"
	"github.com/dossier-news/dossier/internal/ingest"
)

func newBuildCmd(g *globalOptions) *cobra.Command {
	var out, offices, title string
	cmd := &cobra.Command{
		Use:   "build PATH... -o DIR",
		Short: "Ingest, analyse and group articles, then write a static HTML site of dossiers",
		Long: `Ingests the given files, folders, globs or URLs (as 'dossier ingest' does),
analyses them, groups them into stories and storylines, and writes a static
site to DIR: one page per story with its dossier and an SVG timeline chart, a
storyline index and one page per entity. The pages need no script and no
network. The store is DIR/dossier.db unless --db is given.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return fmt.Errorf("-o DIR is required")
			}
			ctx := cmd.Context()
			off, err := loadOffices(offices)
			if err != nil {
				return err
			}
			if err := os.MkdirAll(out, 0o755); err != nil {
				return err
			}
			if !cmd.Flags().Changed("db") {
				g.db = filepath.Join(out, "dossier.db")
			}
			e, closeFn, err := g.openEngine(ctx, true)
			if err != nil {
				return err
			}
			defer closeFn()
			r := ingest.New(ingest.Options{Logger: g.log, Stdin: g.stdin})
			bar := newProgress(g.stderr, "ingesting")
			sum, err := e.Ingest(ctx, r.Read(ctx, args), func(res engine.Result) {
				bar.Add(1)
				printResult(g.stdout, g.stderr, res, true)
			})
			bar.Finish()
			if err != nil {
				return err
			}
			printSummary(g.stdout, sum)
			if _, _, err := e.Cluster(ctx); err != nil {
				return fmt.Errorf("grouping stories: %w", err)
			}
			stories, err := e.Store.Stories(ctx)
			if err != nil {
				return err
			}
			site := compose.Site{Title: title}
			for _, s := range stories {
				in, err := e.DossierInput(ctx, s.ID)
				if err != nil {
					return err
				}
				in.Offices = off
				d, err := compose.Build(ctx, in)
				if err != nil {
					return fmt.Errorf("story %d: %w", s.ID, err)
				}
				site.Stories = append(site.Stories, d)
			}
			lines, err := e.Store.Storylines(ctx)
			if err != nil {
				return err
			}
			for _, l := range lines {
				site.Storylines = append(site.Storylines, compose.SiteStoryline{ID: l.ID, Title: l.Title, Stories: l.Stories})
			}
			if err := site.Write(out); err != nil {
				return err
			}
			fmt.Fprintf(g.stdout, "wrote %d story pages to %s (open %s)\n", len(site.Stories), out, filepath.Join(out, "index.html"))
			if sum.Failed > 0 || sum.AnalysisFailed > 0 {
				return errPartial
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "out", "o", "", "folder to write the site to (required)")
	cmd.Flags().StringVar(&offices, "offices", "", "TSV file of office-holders added to the built-in table")
	cmd.Flags().StringVar(&title, "title", "dossier", "site title")
	return cmd
}

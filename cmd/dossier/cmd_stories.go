package main

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/store"
)

func newStoriesCmd(g *globalOptions) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "stories",
		Short: "List stories, newest development first: size, sources, date span, top entities",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := g.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			list, err := s.Stories(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				return json.NewEncoder(g.stdout).Encode(list)
			}
			if len(list) == 0 {
				fmt.Fprintln(g.stdout, "no stories yet: run 'dossier cluster' (ingest runs it too)")
				return nil
			}
			printStories(g, list)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func printStories(g *globalOptions, list []store.Story) {
	tw := tabwriter.NewWriter(g.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "STORY\tARTICLES\tREPORTS\tSOURCES\tDATES\tHEADLINE")
	for _, x := range list {
		fmt.Fprintf(tw, "%d\t%d\t%d\t%d\t%s\t%s\n", x.ID, x.Size, x.Groups, len(x.Sources), span(x.First, x.Last), truncate(x.Headline, 70))
	}
	tw.Flush()
}

func newStoryCmd(g *globalOptions) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "story ID",
		Short: "Show one story: its members, duplicate groups and sources",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil {
				return fmt.Errorf("story ID %q: not a number", args[0])
			}
			s, err := g.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			st, members, err := s.Story(cmd.Context(), id)
			if err != nil {
				return err
			}
			if asJSON {
				return json.NewEncoder(g.stdout).Encode(map[string]any{"story": st, "members": members})
			}
			w := g.stdout
			fmt.Fprintf(w, "Story %d: %s\n", st.ID, st.Headline)
			fmt.Fprintf(w, "  %s, %s, %s\n", countOf(st.Size, "article"), countOf(st.Groups, "independent report"), span(st.First, st.Last))
			fmt.Fprintf(w, "  sources:  %s\n", strings.Join(st.Sources, ", "))
			if len(st.Entities) > 0 {
				fmt.Fprintf(w, "  entities: %s\n", strings.Join(st.Entities, ", "))
			}
			if st.Storyline != 0 {
				fmt.Fprintf(w, "  storyline %d\n", st.Storyline)
			}
			fmt.Fprintln(w)
			ids := make([]int64, len(members))
			for i, m := range members {
				ids[i] = m.ArticleID
			}
			arts, err := s.Articles(cmd.Context(), store.Filter{IDs: ids})
			if err != nil {
				return err
			}
			byID := make(map[int64]int)
			for i, a := range arts {
				byID[a.ID] = i
			}
			tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ARTICLE\tDATE\tSOURCE\tDUPLICATE OF\tTITLE")
			for _, m := range members {
				a := arts[byID[m.ArticleID]]
				dup := "-"
				if m.Duplicate {
					dup = fmt.Sprintf("#%d (%s)", m.Canonical, m.Kind)
				}
				fmt.Fprintf(tw, "#%d\t%s\t%s\t%s\t%s\n", m.ArticleID, dayOf(a.Published), orDash(a.Source), dup, truncate(a.Title, 60))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func newStorylinesCmd(g *globalOptions) *cobra.Command {
	var asJSON bool
	var f store.StorylineFilter
	cmd := &cobra.Command{
		Use:   "storylines",
		Short: "List storylines, newest development first: stories about one ongoing situation, linked over time, with the evidence",
		Long: `Lists one page of storylines, newest development first, with the links
joining their stories, and says how many the filter selects in all. By default
the newest 20 of two stories or more: most storylines are a single story.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if f.Limit < 1 {
				return fmt.Errorf("--limit %d: want at least 1", f.Limit)
			}
			if f.MinStories < 0 || f.Offset < 0 {
				return fmt.Errorf("--min-stories and --offset: want 0 or more")
			}
			s, err := g.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			lines, total, err := s.StorylinesPage(cmd.Context(), f)
			if err != nil {
				return err
			}
			if asJSON {
				if lines == nil {
					lines = []store.Storyline{}
				}
				return json.NewEncoder(g.stdout).Encode(struct {
					Total int               `json:"total"`
					Items []store.Storyline `json:"items"`
				}{total, lines})
			}
			what := "storylines"
			if f.MinStories > 1 {
				what = fmt.Sprintf("storylines of %d stories or more", f.MinStories)
			}
			if total == 0 {
				fmt.Fprintf(g.stdout, "no %s (run 'dossier cluster' to group the stored articles; --min-stories 0 lists every storyline)\n", what)
				return nil
			}
			fmt.Fprintf(g.stdout, "%d %s in all; %d to %d, newest development first:\n\n", total, what, min(f.Offset+1, total), f.Offset+len(lines))
			for _, l := range lines {
				fmt.Fprintf(g.stdout, "Storyline %d (%d stories, %s): %s\n", l.ID, len(l.Stories), span(l.First, l.Last), l.Title)
				for _, k := range l.Links {
					fmt.Fprintf(g.stdout, "  story %d -> %d  similarity %.2f, %.0f days apart; shared: %s\n",
						k.From, k.To, k.Similarity, k.GapDays, strings.Join(append(append([]string{}, k.Entities...), k.Terms...), ", "))
				}
			}
			if rest := total - f.Offset - len(lines); rest > 0 {
				fmt.Fprintf(g.stdout, "\n%d more: --offset %d\n", rest, f.Offset+len(lines))
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&f.Limit, "limit", 20, "storylines to list")
	cmd.Flags().IntVar(&f.Offset, "offset", 0, "skip this many of the newest first")
	cmd.Flags().IntVar(&f.MinStories, "min-stories", 2, "only storylines of at least this many stories (0 or 1: all)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON: {total, items}")
	return cmd
}

func newClusterCmd(g *globalOptions) *cobra.Command {
	var rebuild bool
	cmd := &cobra.Command{
		Use:   "cluster",
		Short: "Group the stored articles into duplicates, stories and storylines (deterministic)",
		Long: `Adds the articles stored since the last run to the story layer: the
clusterer's state is saved with the stories, so a run costs what is new, not
the whole store. The result is the same as clustering every article at once
in the order they were read. With --rebuild, or when there is no usable state
(first run, another version of dossier, an article analysed again after it was
clustered), every article is clustered from scratch.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			e, closeFn, err := g.openEngine(cmd.Context(), false)
			if err != nil {
				return err
			}
			defer closeFn()
			run := e.Cluster
			if rebuild {
				run = e.Recluster
			}
			n, l, err := run(cmd.Context())
			if err != nil {
				return err
			}
			fmt.Fprintf(g.stdout, "%d stories in %d storylines\n", n, l)
			return nil
		},
	}
	cmd.Flags().BoolVar(&rebuild, "rebuild", false, "cluster every stored article from scratch")
	return cmd
}

// countOf writes n with its noun, in the singular for one: "1 article",
// "3 articles".
func countOf(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

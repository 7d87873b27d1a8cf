package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/compose"
	"github.com/dossier-news/dossier/internal/demo"
	"github.com/dossier-news/dossier/internal/engine"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/store"
)

func newDemoCmd(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "demo",
		Short: "Ingest the built-in example corpus into a temporary store and show what dossier makes of it",
		Long: `Ingests the built-in example corpus (invented articles from invented outlets about
two overlapping invented stories) and prints the stories, who appears in them
with which roles, what was said, and what happened. The store is temporary
unless --db is given.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !cmd.Flags().Changed("db") {
				dir, err := os.MkdirTemp("", "dossier-demo-")
				if err != nil {
					return err
				}
				defer os.RemoveAll(dir)
				g.db = filepath.Join(dir, "demo.db")
			}
			return runDemo(cmd.Context(), g)
		},
	}
}

// demoItems reads every file of the example corpus, in name order.
func demoItems(ctx context.Context, r *ingest.Reader) iter.Seq[ingest.Item] {
	return func(yield func(ingest.Item) bool) {
		corpus := demo.Corpus()
		names, err := fs.Glob(corpus, "*")
		if err != nil {
			yield(ingest.Item{Err: err})
			return
		}
		sort.Strings(names)
		for _, name := range names {
			data, err := fs.ReadFile(corpus, name)
			if err != nil {
				if !yield(ingest.Item{Err: &ingest.Error{Origin: "demo/" + name, Err: err}}) {
					return
				}
				continue
			}
			for it := range r.ReadBytes(ctx, "demo/"+name, name, "", data) {
				if !yield(it) {
					return
				}
			}
		}
	}
}

func runDemo(ctx context.Context, g *globalOptions) error {
	e, closeFn, err := g.openEngine(ctx, true)
	if err != nil {
		return err
	}
	defer closeFn()
	w := g.stdout
	fmt.Fprintf(w, "Ingesting the example corpus (pipeline %s)\n\n", e.Pipeline.Version())
	r := ingest.New(ingest.Options{Logger: g.log})
	sum, err := e.Ingest(ctx, demoItems(ctx, r), func(res engine.Result) { printResult(w, g.stderr, res, false) })
	if err != nil {
		return err
	}
	printSummary(w, sum)
	n, l, err := e.Cluster(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%d stories in %d storylines\n\n", n, l)
	stories, err := e.Store.Stories(ctx)
	if err != nil {
		return err
	}
	printStories(g, stories)
	for _, st := range stories {
		if err := printDemoStory(ctx, w, e.Store, st); err != nil {
			return err
		}
	}
	if sum.Failed > 0 || sum.AnalysisFailed > 0 {
		return errPartial
	}
	return nil
}

// printDemoStory prints one story: members with duplicates, the people and
// organisations with their roles, quotes, events and resolved dates.
func printDemoStory(ctx context.Context, w io.Writer, s store.Store, st store.Story) error {
	_, members, err := s.Story(ctx, st.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\n== Story %d: %s\n", st.ID, st.Headline)
	fmt.Fprintf(w, "   %d articles, %d independent reports from %s; %s\n", st.Size, st.Groups, strings.Join(st.Sources, ", "), span(st.First, st.Last))
	type actor struct {
		name, typ string
		roles     map[string]bool
		count     int
	}
	actors := map[string]*actor{}
	var quotes, events, dates []string
	for _, m := range members {
		a, err := s.Article(ctx, m.ArticleID)
		if err != nil {
			return err
		}
		dup := ""
		if m.Duplicate {
			dup = fmt.Sprintf("  [%s of #%d]", m.Kind, m.Canonical)
		}
		fmt.Fprintf(w, "   #%d %s %-18s %s%s\n", a.ID, dayOf(a.Published), a.Source, truncate(a.Title, 60), dup)
		an, err := s.Analysis(ctx, a.ID)
		if err != nil {
			continue
		}
		for _, en := range an.Entities {
			ac := actors[en.Key]
			if ac == nil {
				ac = &actor{name: en.Name, typ: en.Type, roles: map[string]bool{}}
				actors[en.Key] = ac
			}
			ac.count += len(en.Mentions)
			for _, r := range en.Roles {
				ac.roles[roleString(r)] = true
			}
		}
		if m.Duplicate {
			continue // a copy adds no new quotes or events
		}
		for _, q := range an.Quotes {
			if !q.Direct || q.Scare {
				continue
			}
			who := "(unattributed)"
			if q.SpeakerName != "" {
				who = q.SpeakerName
			} else if q.Speaker != nil {
				who = q.Speaker.Of(a.Text)
			}
			quotes = append(quotes, fmt.Sprintf("%s: %s  (#%d)", who, truncate(oneLine(q.Content.Of(a.Text)), 90), a.ID))
		}
		for _, ev := range an.Events {
			tgt := ""
			if ev.Target != nil {
				tgt = " → " + actorString(ev.Target)
			}
			events = append(events, fmt.Sprintf("%-10s %s%s: %s  (#%d)", ev.Plover, actorString(&ev.Source), tgt, truncate(oneLine(ev.Sentence.Of(a.Text)), 70), a.ID))
		}
		for _, t := range an.Timexes {
			dates = append(dates, fmt.Sprintf("%q → %s %s (#%d)", t.Text, t.Type, t.Value, a.ID))
		}
	}
	keys := make([]string, 0, len(actors))
	for k := range actors {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if actors[keys[i]].count != actors[keys[j]].count {
			return actors[keys[i]].count > actors[keys[j]].count
		}
		return keys[i] < keys[j]
	})
	if len(keys) > 0 {
		fmt.Fprintln(w, "   Who:")
		for i, k := range keys {
			if i == 12 {
				break
			}
			ac := actors[k]
			roles := make([]string, 0, len(ac.roles))
			for r := range ac.roles {
				roles = append(roles, r)
			}
			sort.Strings(roles)
			extra := ""
			if len(roles) > 0 {
				extra = " — " + strings.Join(roles, "; ")
			}
			fmt.Fprintf(w, "     %-4s %s (%s)%s\n", ac.typ, ac.name, countOf(ac.count, "mention"), extra)
		}
	}
	printList(w, "When (time expressions resolved against each article's date):", dates, 10)
	printList(w, "Said:", quotes, 8)
	printList(w, "Did (coded events):", events, 8)
	return nil
}

func printList(w io.Writer, title string, items []string, n int) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(w, "   %s\n", title)
	for i, s := range items {
		if i == n {
			fmt.Fprintf(w, "     … and %d more\n", len(items)-n)
			break
		}
		fmt.Fprintf(w, "     %s\n", s)
	}
}

func roleString(r article.Role) string {
	s := r.Title
	if r.Org != "" {
		s = r.Org + " " + s
	}
	if r.Country != "" {
		s += " (" + compose.CountryName(r.Country) + ")" // "foreign minister (Qatar)", not "QAT foreign minister"
	}
	if r.Status != "" && r.Status != "current" {
		s += " (" + r.Status + ")"
	}
	return s
}

func actorString(a *article.Actor) string {
	if a.Code != "" {
		return a.Text + " [" + a.Code + "]"
	}
	return a.Text
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/store"
)

func newEntitiesCmd(g *globalOptions) *cobra.Command {
	var o struct {
		typ, prefix string
		limit       int
		asJSON      bool
	}
	cmd := &cobra.Command{
		Use:   "entities",
		Short: "Top entities (people, organisations, places) by articles mentioning them",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := g.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			list, err := s.Entities(cmd.Context(), store.EntityFilter{Type: strings.ToUpper(o.typ), Prefix: o.prefix, Limit: o.limit})
			if err != nil {
				return err
			}
			if o.asJSON {
				return json.NewEncoder(g.stdout).Encode(list)
			}
			tw := tabwriter.NewWriter(g.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "TYPE\tARTICLES\tMENTIONS\tNAME\tKEY")
			for _, e := range list {
				fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\n", e.Type, e.Articles, e.Mentions, e.Name, e.Key)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&o.typ, "type", "", "only this type: PER, ORG, LOC, GPE, MISC")
	cmd.Flags().StringVar(&o.prefix, "prefix", "", "only names starting with this")
	cmd.Flags().IntVar(&o.limit, "limit", 30, "at most this many")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print JSON")
	return cmd
}

// entityReport is what "dossier entity NAME" prints.
type entityReport struct {
	Key      string              `json:"key"`
	Name     string              `json:"name"`
	Type     string              `json:"type"`
	Roles    []entityRole        `json:"roles"`
	Mentions []entityMention     `json:"mentions"`
	With     []store.EntityCount `json:"co_occurring"`
}

type entityRole struct {
	Date    string `json:"date"`
	Title   string `json:"title"`
	Country string `json:"country,omitempty"`
	Org     string `json:"org,omitempty"`
	Status  string `json:"status,omitempty"`
	Article int64  `json:"article"`
}

type entityMention struct {
	Article int64        `json:"article"`
	Date    string       `json:"date"`
	Source  string       `json:"source"`
	Span    article.Span `json:"span"`
	Text    string       `json:"text"`
	Kind    string       `json:"kind"`
}

func newEntityCmd(g *globalOptions) *cobra.Command {
	var asJSON bool
	var limit int
	cmd := &cobra.Command{
		Use:   "entity NAME|KEY",
		Short: "One entity: its mentions (article and span), roles over time, co-occurring entities",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			name := strings.Join(args, " ")
			s, err := g.openStore(ctx)
			if err != nil {
				return err
			}
			defer s.Close()
			key := name
			if _, err := s.EntityArticles(ctx, key, 1); err != nil {
				cands, err := s.Entities(ctx, store.EntityFilter{Prefix: name, Limit: 10})
				if err != nil {
					return err
				}
				if len(cands) == 0 {
					return fmt.Errorf("no entity named %q (try 'dossier entities --prefix %s')", name, name)
				}
				key = cands[0].Key
				for _, c := range cands {
					if strings.EqualFold(c.Name, name) {
						key = c.Key
						break
					}
				}
			}
			ids, err := s.EntityArticles(ctx, key, limit)
			if err != nil {
				return err
			}
			rep := entityReport{Key: key}
			for _, id := range ids {
				a, err := s.Article(ctx, id)
				if err != nil {
					return err
				}
				an, err := s.Analysis(ctx, id)
				if err != nil {
					continue
				}
				for _, en := range an.Entities {
					if en.Key != key {
						continue
					}
					rep.Name, rep.Type = en.Name, en.Type
					for _, mi := range en.Mentions {
						if mi < 0 || mi >= len(an.Mentions) {
							continue
						}
						m := an.Mentions[mi]
						rep.Mentions = append(rep.Mentions, entityMention{Article: id, Date: dayOf(a.Published), Source: a.Source, Span: m.Span, Text: m.Text, Kind: m.Kind})
						if m.Role != nil {
							rep.Roles = append(rep.Roles, entityRole{Date: dayOf(a.Published), Title: m.Role.Title, Country: m.Role.Country, Org: m.Role.Org, Status: m.Role.Status, Article: id})
						}
					}
				}
			}
			sort.SliceStable(rep.Roles, func(i, j int) bool { return rep.Roles[i].Date < rep.Roles[j].Date })
			if rep.With, err = s.EntityFacets(ctx, ids, 11); err != nil {
				return err
			}
			rep.With = without(rep.With, key)
			if asJSON {
				return json.NewEncoder(g.stdout).Encode(rep)
			}
			w := g.stdout
			fmt.Fprintf(w, "%s (%s, %s): %d mentions in %d articles\n", rep.Name, rep.Type, rep.Key, len(rep.Mentions), len(ids))
			if len(rep.Roles) > 0 {
				fmt.Fprintln(w, "\nRoles over time:")
				seen := map[string]bool{}
				for _, r := range rep.Roles {
					line := fmt.Sprintf("  %s  %s", r.Date, roleString(article.Role{Title: r.Title, Country: r.Country, Org: r.Org, Status: r.Status}))
					if !seen[line] {
						seen[line] = true
						fmt.Fprintf(w, "%s  (#%d)\n", line, r.Article)
					}
				}
			}
			fmt.Fprintln(w, "\nMentions:")
			for i, m := range rep.Mentions {
				if i == 20 {
					fmt.Fprintf(w, "  … and %d more\n", len(rep.Mentions)-20)
					break
				}
				fmt.Fprintf(w, "  #%d [%d:%d] %s  %-8s %q\n", m.Article, m.Span.Start, m.Span.End, m.Date, m.Kind, m.Text)
			}
			if len(rep.With) > 0 {
				fmt.Fprintln(w, "\nSeen with:")
				for _, c := range rep.With {
					fmt.Fprintf(w, "  %-4s %s (%d articles)\n", c.Type, c.Name, c.Articles)
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().IntVar(&limit, "limit", 200, "at most this many articles")
	return cmd
}

func without(list []store.EntityCount, key string) []store.EntityCount {
	out := list[:0]
	for _, c := range list {
		if c.Key != key {
			out = append(out, c)
		}
	}
	return out
}

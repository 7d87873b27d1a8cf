package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/story"
)

func newTrainPriorCmd(g *globalOptions) *cobra.Command {
	var o struct {
		data, out string
		minDF     uint32
	}
	cmd := &cobra.Command{
		Use:   "prior --data DIR [-o FILE]",
		Short: "Rebuild the story clusterer's background document frequencies (internal/story/prior/reuters.tsv.gz)",
		Long: `Counts in how many documents of a background corpus each term occurs, as the
story clusterer sees terms, and writes the table the clusterer starts from. The
committed file was made with:

  dossier train prior --data ../shared/data/reuters21578 -o internal/story/prior/reuters.tsv.gz`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			p := story.NewPrior()
			r := ingest.New(ingest.Options{Logger: g.log})
			for it := range r.Read(ctx, []string{o.data}) {
				if it.Err != nil {
					continue // Reuters holds one empty item; the prior needs only the readable ones
				}
				p.Observe(story.Features{Title: it.Article.Title, Text: it.Article.Text})
			}
			if p.Docs == 0 {
				return fmt.Errorf("no documents read from %s", o.data)
			}
			p.Prune(o.minDF)
			f, err := os.Create(o.out)
			if err != nil {
				return err
			}
			if err := p.Write(f); err != nil {
				f.Close()
				return fmt.Errorf("writing %s: %w", o.out, err)
			}
			if err := f.Close(); err != nil {
				return err
			}
			fmt.Fprintf(g.stdout, "%d documents, %d terms (df >= %d) -> %s\n", p.Docs, len(p.DF), o.minDF, o.out)
			return nil
		},
	}
	cmd.Flags().StringVar(&o.data, "data", "", "background corpus (required)")
	cmd.Flags().StringVarP(&o.out, "out", "o", "internal/story/prior/reuters.tsv.gz", "output file")
	cmd.Flags().Uint32Var(&o.minDF, "min-df", 3, "drop terms in fewer documents than this")
	_ = cmd.MarkFlagRequired("data")
	return cmd
}

package server

import (
	"context"
	"fmt"

	"github.com/dossier-news/dossier/internal/compose"
	"github.com/dossier-news/dossier/internal/store"
)

// composeDossier builds the story's dossier with internal/compose; the
// page model holds compose's sections as they are.
func composeDossier(ctx context.Context, st store.Story, docs []analysed) (*dossier, error) {
	in := compose.Input{StoryID: st.ID, Headline: st.Headline}
	for _, x := range docs {
		in.Sources = append(in.Sources, compose.Source{Article: x.Article, Analysis: x.Analysis, Member: compose.Member{
			DupGroup: x.Member.DupGroup, Canonical: x.Member.Canonical, Duplicate: x.Member.Duplicate, Kind: x.Member.Kind,
		}})
	}
	cd, err := compose.Build(ctx, in)
	if err != nil {
		return nil, fmt.Errorf("composing story %d: %w", st.ID, err)
	}
	return &dossier{
		StoryID: cd.StoryID, Headline: cd.Headline, First: cd.First, Last: cd.Last,
		Articles: cd.Articles, Summary: cd.Summary, Timeline: cd.Timeline, Actors: cd.Actors,
		Positions: cd.Positions, Quotes: cd.Quotes, Comparison: cd.Comparison, Contradictions: cd.Contradictions,
		Composed: true,
	}, nil
}

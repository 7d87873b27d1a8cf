package engine

import (
	"context"
	"errors"
	"fmt"

	"github.com/dossier-news/dossier/internal/compose"
	"github.com/dossier-news/dossier/internal/store"
)

// DossierInput loads what compose.Build needs for one story: its articles,
// their analyses and memberships.
func (e *Engine) DossierInput(ctx context.Context, storyID int64) (compose.Input, error) {
	st, members, err := e.Store.Story(ctx, storyID)
	if err != nil {
		return compose.Input{}, fmt.Errorf("story %d: %w", storyID, err)
	}
	in := compose.Input{StoryID: st.ID, Headline: st.Headline}
	if err := e.addSources(ctx, &in, members); err != nil {
		return compose.Input{}, err
	}
	return in, nil
}

// StorylineInput loads every article of every story of a storyline as one
// input: its dossier spans the whole situation.
func (e *Engine) StorylineInput(ctx context.Context, line store.Storyline) (compose.Input, error) {
	in := compose.Input{StoryID: line.ID, Headline: line.Title}
	for _, id := range line.Stories {
		_, members, err := e.Store.Story(ctx, id)
		if err != nil {
			return compose.Input{}, fmt.Errorf("story %d: %w", id, err)
		}
		if err := e.addSources(ctx, &in, members); err != nil {
			return compose.Input{}, err
		}
	}
	return in, nil
}

func (e *Engine) addSources(ctx context.Context, in *compose.Input, members []store.Member) error {
	for _, m := range members {
		a, err := e.Store.Article(ctx, m.ArticleID)
		if err != nil {
			return fmt.Errorf("article %d: %w", m.ArticleID, err)
		}
		an, err := e.Store.Analysis(ctx, m.ArticleID)
		switch {
		case errors.Is(err, store.ErrNotFound):
			an = nil // not analysed yet: compose dates it itself
		case err != nil:
			return fmt.Errorf("analysis of article %d: %w", m.ArticleID, err)
		}
		in.Sources = append(in.Sources, compose.Source{
			Article:  a,
			Analysis: an,
			Member:   compose.Member{DupGroup: m.DupGroup, Canonical: m.Canonical, Duplicate: m.Duplicate, Kind: m.Kind},
		})
	}
	return nil
}

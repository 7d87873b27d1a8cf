package server

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/dossier-news/dossier/internal/compose"
	"github.com/dossier-news/dossier/internal/store"
)

// composeDossier builds the story's dossier with internal/compose and
// carries it over through its JSON form, the contract between compose and
// the UI, so the page renders any dossier that speaks that JSON.
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
	data, err := json.Marshal(cd)
	if err != nil {
		return nil, err
	}
	var d dossier
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, fmt.Errorf("reading the composed dossier: %w", err)
	}
	d.Composed = true
	return &d, nil
}

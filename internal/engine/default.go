package engine

import (
	"fmt"

	"github.com/dossier-news/dossier/internal/entity"
	"github.com/dossier-news/dossier/internal/event"
	"github.com/dossier-news/dossier/internal/ner"
	"github.com/dossier-news/dossier/internal/pipeline"
	"github.com/dossier-news/dossier/internal/quote"
	"github.com/dossier-news/dossier/internal/text"
	"github.com/dossier-news/dossier/internal/timex"
)

// DefaultPipeline is the analysis every article gets: the text layer, named
// entities (the trained tagger, then titles, roles and identities), the article's date and its time
// expressions, quotes with speakers, then events (which use the speakers,
// actors and dates found before them). Its version names this build, so
// a new build finds every stored analysis stale (`dossier analyse`).
func DefaultPipeline() (*pipeline.Pipeline, error) {
	ev, err := event.New()
	if err != nil {
		return nil, fmt.Errorf("loading the event coder: %w", err)
	}
	return pipeline.New(
		text.Stage{},
		ner.Stage{},
		entity.Stage{},
		timex.NewStage(),
		quote.New(),
		ev,
	).Stamp(pipeline.Build()), nil
}

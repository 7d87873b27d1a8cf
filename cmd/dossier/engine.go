package main

import (
	"context"
	"fmt"
	"time"

	"github.com/dossier-news/dossier/internal/engine"
)

// openEngine opens the store and, when analyse is set, loads the default
// analysis pipeline and links people through the store's entity registry
// (which reads nothing at start once the registry has caught up with the
// analyses). The returned function closes the store.
func (g *globalOptions) openEngine(ctx context.Context, analyse bool) (*engine.Engine, func(), error) {
	s, err := g.openStore(ctx)
	if err != nil {
		return nil, nil, err
	}
	e := &engine.Engine{Store: s, Log: g.log}
	if analyse {
		if e.Pipeline, err = engine.DefaultPipeline(); err != nil {
			s.Close()
			return nil, nil, err
		}
		if err := e.LoadRegistry(ctx); err != nil {
			s.Close()
			return nil, nil, fmt.Errorf("catching up the entity registry: %w", err)
		}
	}
	return e, func() { s.Close() }, nil
}

func span(first, last time.Time) string {
	if first.IsZero() && last.IsZero() {
		return "undated"
	}
	if first.Format("2006-01-02") == last.Format("2006-01-02") || last.IsZero() {
		return dayOf(first)
	}
	return dayOf(first) + " … " + dayOf(last)
}

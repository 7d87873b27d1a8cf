package main

import (
	"context"
	"fmt"

	"github.com/dossier-news/dossier/internal/store/sqlite"
)

// openStore opens the store named by --db / DOSSIER_DB.
func (g *globalOptions) openStore(ctx context.Context) (*sqlite.Store, error) {
	s, err := sqlite.Open(ctx, g.db)
	if err != nil {
		return nil, fmt.Errorf("opening store: %w", err)
	}
	return s, nil
}

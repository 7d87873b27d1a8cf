package main

import (
	"context"
	"fmt"

	"github.com/dossier-news/dossier/internal/store"
	"github.com/dossier-news/dossier/internal/store/postgres"
	"github.com/dossier-news/dossier/internal/store/sqlite"
)

// openStore opens the store named by --db / DOSSIER_DB: a PostgreSQL
// database for a postgres:// or postgresql:// URL, else a SQLite file.
func (g *globalOptions) openStore(ctx context.Context) (store.Store, error) {
	var s store.Store
	var err error
	if postgres.IsURL(g.db) {
		s, err = postgres.Open(ctx, g.db)
	} else {
		s, err = sqlite.Open(ctx, g.db)
	}
	if err != nil {
		return nil, fmt.Errorf("opening store: %w", err)
	}
	return s, nil
}

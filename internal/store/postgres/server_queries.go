package postgres

import (
	"context"
	"fmt"

	"github.com/dossier-news/dossier/internal/store"
)

// StoriesPage implements store.ServerStore.
func (s *Store) StoriesPage(ctx context.Context, limit, offset int) ([]store.Story, int, error) {
	var total int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM stories`).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("counting stories: %w", err)
	}
	list, err := decodeAll[store.Story](ctx, s, "stories",
		`SELECT data FROM stories ORDER BY last IS NULL, last DESC, id DESC LIMIT $1 OFFSET $2`, limit, offset)
	return list, total, err
}

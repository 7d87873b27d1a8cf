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

// StorylinesPage implements store.ServerStore: one page read through the
// storylines_page index, in its order.
func (s *Store) StorylinesPage(ctx context.Context, f store.StorylineFilter) ([]store.Storyline, int, error) {
	limit, offset := f.Limit, max(f.Offset, 0)
	if limit <= 0 {
		limit = 50
	}
	var total int
	if err := s.pool.QueryRow(ctx, `SELECT coalesce(sum(lines), 0) FROM storyline_sizes WHERE stories >= $1`, f.MinStories).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("counting storylines: %w", err)
	}
	list, err := decodeAll[store.Storyline](ctx, s, "storylines",
		`SELECT data FROM storylines WHERE stories >= $1 ORDER BY last DESC NULLS LAST, id DESC LIMIT $2 OFFSET $3`, f.MinStories, limit, offset)
	return list, total, err
}

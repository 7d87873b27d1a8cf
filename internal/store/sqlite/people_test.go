package sqlite

import (
	"context"
	"slices"
	"testing"

	"github.com/dossier-news/dossier/internal/article"
)

// TestMigrationLeavesAnalysesForCatchUp opens a store made before the
// person registry (schema 4, analyses stored) and finds every analysis
// unregistered: the engine's catch-up files them once.
func TestMigrationLeavesAnalysesForCatchUp(t *testing.T) {
	ctx := context.Background()
	path, db := oldStore(t, 4)
	var ids []int64
	for _, raw := range []string{"first", "second"} {
		r, err := db.ExecContext(ctx, `INSERT INTO articles (hash, origin, format, raw, text, structure, ingested_at)
			VALUES (?, 'test', 'text', ?, ?, '{}', '2024-01-01T00:00:00Z')`, raw, raw, raw)
		if err != nil {
			t.Fatal(err)
		}
		id, _ := r.LastInsertId()
		ids = append(ids, id)
	}
	// The analyses an old binary stored.
	if _, err := db.ExecContext(ctx, `INSERT INTO analyses (article_id, version, data, updated_at) SELECT id, 'old', '{}', '2024-01-01T00:00:00Z' FROM articles`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("migrating: %v", err)
	}
	defer s.Close()
	got, err := s.UnregisteredAnalyses(ctx, 0)
	if err != nil || !slices.Equal(got, ids) {
		t.Fatalf("UnregisteredAnalyses after migration = %v, %v; want %v", got, err, ids)
	}
	if err := s.PutAnalysisPeople(ctx, ids[0], &article.Analysis{Version: "new"}, nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.UnregisteredAnalyses(ctx, 0); !slices.Equal(got, ids[1:]) {
		t.Errorf("after one new analysis: %v, want %v", got, ids[1:])
	}
}

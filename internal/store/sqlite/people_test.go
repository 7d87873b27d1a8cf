package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/store/storetest"
)

// TestMigrationLeavesAnalysesForCatchUp opens a store made before the
// person registry (schema 4, analyses stored) and finds every analysis
// unregistered: the engine's catch-up files them once.
func TestMigrationLeavesAnalysesForCatchUp(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, raw := range []string{"first", "second"} {
		a := storetest.Article(raw)
		if _, err := s.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	s.Close()
	// Back to schema 4 with the analyses an old binary stored.
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"DROP TABLE person_sightings", "DROP TABLE person_titles", "DROP TABLE person_context", "DROP TABLE person_surnames",
		"DROP INDEX analyses_unregistered", "ALTER TABLE analyses DROP COLUMN registered",
		`INSERT INTO analyses (article_id, version, data, updated_at) SELECT id, 'old', '{}', '2024-01-01T00:00:00Z' FROM articles`,
		"PRAGMA user_version = 4",
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	s, err = Open(ctx, path)
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

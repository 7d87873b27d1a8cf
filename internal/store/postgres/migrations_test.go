package postgres_test

import (
	"context"
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/dossier-news/dossier/internal/store"
	"github.com/dossier-news/dossier/internal/store/postgres"
)

// TestMigrationFillsStorylineColumns opens a database whose storylines
// were written before migration 6 (JSON only) and pages them correctly
// before any clustering run rewrites them.
func TestMigrationFillsStorylineColumns(t *testing.T) {
	ctx := context.Background()
	url := server(t).NewDatabase(t)
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	// Schema 5, built forwards as an older binary left it.
	if _, err := conn.Exec(ctx, "CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (5)"); err != nil {
		t.Fatal(err)
	}
	for i, m := range postgres.Migrations[:5] {
		if _, err := conn.Exec(ctx, m); err != nil {
			t.Fatalf("migration %d: %v", i+1, err)
		}
	}
	day := func(d int) time.Time { return time.Date(1987, 3, d, 12, 30, 0, 250_000_000, time.UTC) }
	for _, l := range []store.Storyline{
		{ID: 1, Title: "a", Stories: []int64{1, 2}, First: day(1), Last: day(2)},
		{ID: 2, Title: "b", Stories: []int64{3}, First: day(9), Last: day(9)},
		{ID: 3, Title: "c", Stories: []int64{4, 5, 6}, First: day(3), Last: day(8)},
		{ID: 4, Title: "no stories, no dates"},
	} {
		data, err := json.Marshal(l)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := conn.Exec(ctx, `INSERT INTO storylines (id, data) VALUES ($1, $2)`, l.ID, string(data)); err != nil {
			t.Fatal(err)
		}
	}

	s, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatalf("migrating: %v", err)
	}
	defer s.Close()
	for _, tc := range []struct {
		min   int
		want  []int64
		total int
	}{
		{0, []int64{2, 3, 1, 4}, 4},
		{2, []int64{3, 1}, 2},
	} {
		got, total, err := s.StorylinesPage(ctx, store.StorylineFilter{MinStories: tc.min})
		var ids []int64
		for _, l := range got {
			ids = append(ids, l.ID)
		}
		if err != nil || !slices.Equal(ids, tc.want) || total != tc.total {
			t.Errorf("min %d: %v total %d (%v), want %v total %d", tc.min, ids, total, err, tc.want, tc.total)
		}
	}
	var first, last time.Time
	if err := conn.QueryRow(ctx, `SELECT first, last FROM storylines WHERE id = 3`).Scan(&first, &last); err != nil {
		t.Fatal(err)
	}
	if !first.Equal(day(3)) || !last.Equal(day(8)) {
		t.Errorf("filled dates %v %v, want %v %v", first, last, day(3), day(8))
	}
}

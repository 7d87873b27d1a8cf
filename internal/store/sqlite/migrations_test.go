package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/dossier-news/dossier/internal/store"
)

// oldStore makes a SQLite file as a binary with only the first n
// migrations left it and returns it open for the test to fill in the old
// schema. Built forwards, not by undoing later migrations, so each test
// keeps working as migrations are added.
func oldStore(t *testing.T, n int) (string, *sql.DB) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	for i, m := range migrations[:n] {
		if _, err := db.Exec(m); err != nil {
			t.Fatalf("migration %d: %v", i+1, err)
		}
	}
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", n)); err != nil {
		t.Fatal(err)
	}
	return path, db
}

// TestMigrationFillsStorylineColumns opens a store whose storylines were
// written before migration 6 (JSON only) and pages them correctly before
// any clustering run rewrites them.
func TestMigrationFillsStorylineColumns(t *testing.T) {
	ctx := context.Background()
	path, db := oldStore(t, 5)
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
		if _, err := db.Exec(`INSERT INTO storylines (id, data) VALUES (?, ?)`, l.ID, string(data)); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	s, err := Open(ctx, path)
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
	var first, last string
	if err := s.db.QueryRow(`SELECT first, last FROM storylines WHERE id = 3`).Scan(&first, &last); err != nil {
		t.Fatal(err)
	}
	if first != formatTime(day(3)) || last != formatTime(day(8)) {
		t.Errorf("filled dates %q %q, want them as formatTime writes them", first, last)
	}
}

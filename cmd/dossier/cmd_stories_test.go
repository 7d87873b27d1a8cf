package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dossier-news/dossier/internal/store"
	"github.com/dossier-news/dossier/internal/store/sqlite"
)

// TestStorylinesPage lists storylines a page at a time: by default the
// newest 20 of two stories or more, saying how many there are.
func TestStorylinesPage(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "s.db")
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	// 30 storylines: storyline i ends on day i; the even ones hold two
	// stories, the odd ones one.
	var lines []store.Storyline
	for i := 1; i <= 30; i++ {
		l := store.Storyline{ID: int64(i), Title: "line", Stories: []int64{int64(i * 10)}, Last: time.Date(2024, 1, i, 0, 0, 0, 0, time.UTC)}
		if i%2 == 0 {
			l.Stories = append(l.Stories, int64(i*10+1))
			l.Links = []store.StorylineLink{{From: int64(i * 10), To: int64(i*10 + 1), Similarity: 0.5, Terms: []string{"talks"}}}
		}
		lines = append(lines, l)
	}
	if err := s.SaveStories(ctx, store.StoryUpdate{Replace: true, Lines: lines}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	listed := regexp.MustCompile(`(?m)^Storyline (\d+) `)
	ids := func(out string) []string {
		var got []string
		for _, m := range listed.FindAllStringSubmatch(out, -1) {
			got = append(got, m[1])
		}
		return got
	}
	for _, tc := range []struct {
		name string
		args []string
		head string
		want []string
	}{
		{"default", nil, "15 storylines of 2 stories or more in all", []string{"30", "28", "26", "24", "22", "20", "18", "16", "14", "12", "10", "8", "6", "4", "2"}},
		{"limit", []string{"--limit", "2"}, "15 storylines", []string{"30", "28"}},
		{"offset", []string{"--limit", "2", "--offset", "14"}, "15 to 15", []string{"2"}},
		{"all", []string{"--min-stories", "0", "--limit", "3"}, "30 storylines in all", []string{"30", "29", "28"}},
		{"none", []string{"--min-stories", "3"}, "no storylines of 3 stories or more", nil},
	} {
		out, errOut, code := runCLI(append([]string{"--db", db, "storylines"}, tc.args...)...)
		if code != 0 || !strings.Contains(out, tc.head) || !slices.Equal(ids(out), tc.want) {
			t.Errorf("%s: exit %d, listed %v, want %v under %q:\n%s%s", tc.name, code, ids(out), tc.want, tc.head, out, errOut)
		}
	}
	out, _, code := runCLI("--db", db, "storylines", "--limit", "40", "--json")
	var p struct {
		Total int               `json:"total"`
		Items []store.Storyline `json:"items"`
	}
	if err := json.Unmarshal([]byte(out), &p); code != 0 || err != nil || p.Total != 15 || len(p.Items) != 15 || len(p.Items[0].Links) != 1 {
		t.Errorf("--json: exit %d, %v, total %d, %d items", code, err, p.Total, len(p.Items))
	}
	if _, _, code := runCLI("--db", db, "storylines", "--limit", "0"); code == 0 {
		t.Error("--limit 0 accepted")
	}
}

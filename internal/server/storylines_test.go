package server

import (
	"context"
	"encoding/base64"
	"slices"
	"testing"
	"time"

	"github.com/dossier-news/dossier/internal/store"
)

// seedStorylines stores storylines 1..n, storyline i ending on day i and
// holding i%3+1 stories, and returns their IDs newest development first.
func seedStorylines(t *testing.T, f *fixture, n int) []int64 {
	t.Helper()
	var lines []store.Storyline
	var newest []int64
	for i := 1; i <= n; i++ {
		l := store.Storyline{ID: int64(i), Title: "line", Last: time.Date(2024, 1, i, 0, 0, 0, 0, time.UTC)}
		for j := range i%3 + 1 {
			l.Stories = append(l.Stories, int64(i*10+j))
		}
		lines = append(lines, l)
		newest = append([]int64{int64(i)}, newest...)
	}
	if err := f.store.SaveStories(context.Background(), store.StoryUpdate{Replace: true, Lines: lines}); err != nil {
		t.Fatal(err)
	}
	return newest
}

func lineIDs(ls []store.Storyline) []int64 {
	out := []int64{}
	for _, l := range ls {
		out = append(out, l.ID)
	}
	return out
}

func TestStorylinesPaging(t *testing.T) {
	f := newFixture(t, "")
	seedStorylines(t, f, 7) // stories per line: 1:2 2:3 3:1 4:2 5:3 6:1 7:2
	for _, tc := range []struct {
		name, query string
		status      int
		want        []int64
		next        bool
	}{
		{"all, newest first", "", 200, []int64{7, 6, 5, 4, 3, 2, 1}, false},
		{"first page", "?limit=3", 200, []int64{7, 6, 5}, true},
		{"a later page", "?limit=3&cursor=" + cursorAt(3), 200, []int64{4, 3, 2}, true},
		{"last page", "?limit=3&cursor=" + cursorAt(6), 200, []int64{1}, false},
		{"past the end", "?cursor=" + cursorAt(40), 200, []int64{}, false},
		{"two stories or more", "?min_stories=2", 200, []int64{7, 5, 4, 2, 1}, false},
		{"filtered, paged", "?min_stories=3&limit=1", 200, []int64{5}, true},
		{"bad cursor", "?cursor=!!", 400, nil, false},
		{"cursor of another kind", "?cursor=" + base64.RawURLEncoding.EncodeToString([]byte("k:3")), 400, nil, false},
		{"negative offset", "?cursor=" + base64.RawURLEncoding.EncodeToString([]byte("o:-1")), 400, nil, false},
		{"zero limit", "?limit=0", 400, nil, false},
		{"negative min_stories", "?min_stories=-1", 400, nil, false},
		{"min_stories not a number", "?min_stories=two", 400, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := f.do(t, "GET", "/api/v1/storylines"+tc.query, nil)
			if w.Code != tc.status {
				t.Fatalf("status %d, want %d: %s", w.Code, tc.status, w.Body)
			}
			if tc.status != 200 {
				if e := decode[apiError](t, w); e.Error.Code != "bad_request" {
					t.Errorf("error object %+v", e)
				}
				return
			}
			p := decode[page[store.Storyline]](t, w)
			if !slices.Equal(lineIDs(p.Items), tc.want) || (p.NextCursor != "") != tc.next {
				t.Errorf("got %v next %q, want %v next %v", lineIDs(p.Items), p.NextCursor, tc.want, tc.next)
			}
		})
	}
}

// TestStorylinesCursorWalk follows next_cursor from the first page to the
// last and sees every storyline once, in order.
func TestStorylinesCursorWalk(t *testing.T) {
	f := newFixture(t, "")
	want := seedStorylines(t, f, 23)
	var got []int64
	target := "/api/v1/storylines?limit=5"
	for pages := 0; ; pages++ {
		if pages > 10 {
			t.Fatal("the cursor never ends")
		}
		p := decode[page[store.Storyline]](t, f.do(t, "GET", target, nil))
		got = append(got, lineIDs(p.Items)...)
		if p.NextCursor == "" {
			break
		}
		target = "/api/v1/storylines?limit=5&cursor=" + p.NextCursor
	}
	if !slices.Equal(got, want) {
		t.Errorf("walked %v, want %v", got, want)
	}
}

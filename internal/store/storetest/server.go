package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/store"
)

// serverTests are the ServerStore cases, one per method.
var serverTests = []struct {
	name string
	fn   func(*testing.T, store.Store)
}{
	{"Entities", testEntities},
	{"EntityArticles", testEntityArticles},
	{"EntityFacets", testEntityFacets},
	{"StoriesPage", testStoriesPage},
	{"StorylinesPage", testStorylinesPage},
	{"StoryOf", testStoryOf},
	{"PutFeed", testPutFeed},
	{"Feeds", testFeeds},
	{"UpdateFeed", testUpdateFeed},
}

// analysed stores an article whose analysis mentions the given entities
// (key, name, type), once each.
func analysed(t *testing.T, s store.Store, raw string, published time.Time, ents ...[3]string) int64 {
	t.Helper()
	id := put(t, s, mk(raw, raw, "test", published))
	an := &article.Analysis{Version: "t"}
	for i, e := range ents {
		an.Mentions = append(an.Mentions, article.Mention{Span: article.Span{Start: 0, End: 1}, Text: e[1], Type: e[2], Entity: i})
		an.Entities = append(an.Entities, article.Entity{Key: e[0], Name: e[1], Type: e[2], Mentions: []int{i}})
	}
	if err := s.PutAnalysis(context.Background(), id, an); err != nil {
		t.Fatal(err)
	}
	return id
}

var (
	entMerkel = [3]string{"per:angela merkel", "Angela Merkel", "PER"}
	entNATO   = [3]string{"org:nato", "NATO", "ORG"}
	entMacron = [3]string{"per:emmanuel macron", "Emmanuel Macron", "PER"}
)

func testEntities(t *testing.T, s store.Store) {
	ctx := context.Background()
	analysed(t, s, "one", day(1), entMerkel, entNATO)
	analysed(t, s, "two", day(2), entNATO)
	three := analysed(t, s, "three", day(3), entNATO, entMacron)
	got, err := s.Entities(ctx, store.EntityFilter{})
	if err != nil || len(got) != 3 || got[0].Key != "org:nato" || got[0].Articles != 3 {
		t.Fatalf("most mentioned first: %+v %v", got, err)
	}
	got, _ = s.Entities(ctx, store.EntityFilter{Prefix: "ang"})
	if len(got) != 1 || got[0].Name != "Angela Merkel" {
		t.Errorf("prefix, case-insensitive: %+v", got)
	}
	got, _ = s.Entities(ctx, store.EntityFilter{Type: "PER", Limit: 1})
	if len(got) != 1 || got[0].Type != "PER" {
		t.Errorf("type and limit: %+v", got)
	}
	got, _ = s.Entities(ctx, store.EntityFilter{Prefix: "%"})
	if len(got) != 0 {
		t.Errorf("a wildcard in the prefix matched: %+v", got)
	}
	// The name and type most articles give an entity name it, whatever
	// their alphabetical order.
	four := analysed(t, s, "four", day(4), [3]string{"org:nato", "The NATO", "PER"})
	got, _ = s.Entities(ctx, store.EntityFilter{Limit: 1})
	if len(got) != 1 || got[0].Name != "NATO" || got[0].Type != "ORG" || got[0].Articles != 4 {
		t.Errorf("one article's odd name and type: %+v", got)
	}
	// The name the key spells wins over a commoner abbreviation.
	analysed(t, s, "five", day(5), [3]string{"per:angela merkel", "A. Merkel", "PER"})
	analysed(t, s, "six", day(6), [3]string{"per:angela merkel", "A. Merkel", "PER"})
	got, _ = s.Entities(ctx, store.EntityFilter{Type: "PER", Prefix: "a", Limit: 1})
	if len(got) != 1 || got[0].Name != "Angela Merkel" || got[0].Articles != 3 {
		t.Errorf("the key's own spelling: %+v", got)
	}
	got, _ = s.EntityFacets(ctx, []int64{three, four}, 1)
	if len(got) != 1 || got[0].Name != "NATO" || got[0].Type != "ORG" {
		t.Errorf("facets, one article's odd name and type: %+v", got)
	}
}

func testEntityArticles(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := analysed(t, s, "one", day(1), entMerkel)
	b := analysed(t, s, "two", day(5), entMerkel, entNATO)
	analysed(t, s, "three", day(3), entNATO)
	ids, err := s.EntityArticles(ctx, "per:angela merkel", 0)
	if err != nil || len(ids) != 2 || ids[0] != b || ids[1] != a {
		t.Fatalf("newest first: %v %v", ids, err)
	}
	if _, err := s.EntityArticles(ctx, "per:nobody", 0); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown entity: %v", err)
	}
}

func testEntityFacets(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := analysed(t, s, "one", day(1), entMerkel, entNATO)
	b := analysed(t, s, "two", day(2), entNATO)
	analysed(t, s, "three", day(3), entMacron)
	got, err := s.EntityFacets(ctx, []int64{a, b}, 10)
	if err != nil || len(got) != 2 || got[0].Key != "org:nato" || got[0].Articles != 2 {
		t.Fatalf("facets of two articles: %+v %v", got, err)
	}
	if got, err := s.EntityFacets(ctx, nil, 10); err != nil || len(got) != 0 {
		t.Errorf("no articles: %+v %v", got, err)
	}
}

func testPutFeed(t *testing.T, s store.Store) {
	ctx := context.Background()
	f, created, err := s.PutFeed(ctx, "https://example.org/feed.xml")
	if err != nil || !created || f.ID == 0 || f.CreatedAt.IsZero() {
		t.Fatalf("first subscribe: %+v %v %v", f, created, err)
	}
	g, created, err := s.PutFeed(ctx, "https://example.org/feed.xml")
	if err != nil || created || g.ID != f.ID {
		t.Errorf("second subscribe: %+v %v %v", g, created, err)
	}
}

func testFeeds(t *testing.T, s store.Store) {
	ctx := context.Background()
	for _, u := range []string{"https://a.example/rss", "https://b.example/atom"} {
		if _, _, err := s.PutFeed(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	fs, err := s.Feeds(ctx)
	if err != nil || len(fs) != 2 || fs[0].URL != "https://a.example/rss" {
		t.Fatalf("feeds in ID order: %+v %v", fs, err)
	}
}

func testUpdateFeed(t *testing.T, s store.Store) {
	ctx := context.Background()
	f, _, err := s.PutFeed(ctx, "https://a.example/rss")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	f.Title, f.ETag, f.LastModified = "A", `"v1"`, "Wed, 01 May 2024 12:00:00 GMT"
	f.LastChecked, f.NextCheck, f.Failures, f.LastError, f.Articles = now, now.Add(time.Hour), 2, "HTTP 500", 7
	if err := s.UpdateFeed(ctx, f); err != nil {
		t.Fatal(err)
	}
	fs, _ := s.Feeds(ctx)
	g := fs[0]
	if g.Title != "A" || g.ETag != `"v1"` || !g.LastChecked.Equal(now) || !g.NextCheck.Equal(now.Add(time.Hour)) ||
		g.Failures != 2 || g.LastError != "HTTP 500" || g.Articles != 7 || !g.LastSuccess.IsZero() {
		t.Errorf("after update: %+v", g)
	}
	if err := s.UpdateFeed(ctx, store.Feed{ID: 999}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing feed: %v", err)
	}
}

func testStorylinesPage(t *testing.T, s store.Store) {
	ctx := context.Background()
	ids := func(ls []store.Storyline) []int64 {
		out := []int64{}
		for _, l := range ls {
			out = append(out, l.ID)
		}
		return out
	}
	line := func(id int64, stories int, last time.Time) store.Storyline {
		l := store.Storyline{ID: id, Title: "line", First: last.AddDate(0, 0, -1), Last: last}
		for i := range stories {
			l.Stories = append(l.Stories, id*10+int64(i))
		}
		return l
	}
	// 4 and 2 end on the same day (the higher ID first); 6 has no date
	// (last); 3 and 5 hold one story each.
	lines := []store.Storyline{line(1, 2, day(1)), line(2, 3, day(4)), line(3, 1, day(5)), line(4, 2, day(4)), line(5, 1, day(2)), line(6, 2, time.Time{})}
	lines[1].Links = []store.StorylineLink{{From: 20, To: 21, Similarity: 0.5, Terms: []string{"quake"}, GapDays: 1}}
	lines[5].First = time.Time{}
	if err := s.SaveStories(ctx, store.StoryUpdate{Replace: true, Lines: lines}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		f     store.StorylineFilter
		want  []int64
		total int
	}{
		{"all, newest development first", store.StorylineFilter{}, []int64{3, 4, 2, 5, 1, 6}, 6},
		{"a page", store.StorylineFilter{Limit: 2, Offset: 1}, []int64{4, 2}, 6},
		{"two stories or more", store.StorylineFilter{MinStories: 2}, []int64{4, 2, 1, 6}, 4},
		{"last page of the filtered", store.StorylineFilter{MinStories: 2, Limit: 3, Offset: 3}, []int64{6}, 4},
		{"past the end", store.StorylineFilter{Limit: 5, Offset: 9}, []int64{}, 6},
		{"more stories than any", store.StorylineFilter{MinStories: 4}, []int64{}, 0},
	} {
		got, total, err := s.StorylinesPage(ctx, tc.f)
		if err != nil || !slices.Equal(ids(got), tc.want) || total != tc.total {
			t.Errorf("%s: %v total %d (%v), want %v total %d", tc.name, ids(got), total, err, tc.want, tc.total)
		}
	}
	got, _, _ := s.StorylinesPage(ctx, store.StorylineFilter{Limit: 1, Offset: 2})
	if len(got) != 1 || !got[0].Last.Equal(day(4)) || !got[0].First.Equal(day(3)) || len(got[0].Stories) != 3 || len(got[0].Links) != 1 || got[0].Links[0].Terms[0] != "quake" {
		t.Errorf("storyline read whole: %+v", got)
	}
	if one, err := s.Storyline(ctx, 2); err != nil || len(got) != 1 || !cmp.Equal(one, got[0]) {
		t.Errorf("Storyline(2) = %+v, %v; the page read %+v", one, err, got)
	}
	if _, err := s.Storyline(ctx, 99); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Storyline(99): %v, want ErrNotFound", err)
	}
	// The next run rewrites the storylines: the page follows the new ones.
	if err := s.SaveStories(ctx, store.StoryUpdate{Lines: []store.Storyline{line(3, 2, day(1)), line(5, 4, day(9))}}); err != nil {
		t.Fatal(err)
	}
	got, total, err := s.StorylinesPage(ctx, store.StorylineFilter{MinStories: 2})
	if err != nil || !slices.Equal(ids(got), []int64{5, 3}) || total != 2 {
		t.Errorf("after a rewrite: %v total %d (%v)", ids(got), total, err)
	}
}

func testStoryOf(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := put(t, s, mk("a", "Quake hits", "A", day(1)))
	b := put(t, s, mk("b", "Quake toll rises", "B", day(2)))
	if _, err := s.StoryOf(ctx, a); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("before clustering: %v", err)
	}
	err := s.SaveStories(ctx, store.StoryUpdate{Replace: true, Stories: []store.Story{{ID: 7, Headline: "Quake hits", Size: 2}},
		Members: []store.Member{{ArticleID: a, StoryID: 7, DupGroup: a, Canonical: a}, {ArticleID: b, StoryID: 7, DupGroup: a, Canonical: a, Duplicate: true, Kind: "near"}}})
	if err != nil {
		t.Fatal(err)
	}
	m, err := s.StoryOf(ctx, b)
	if err != nil || m.StoryID != 7 || !m.Duplicate || m.Kind != "near" || m.Canonical != a {
		t.Errorf("member b: %+v %v", m, err)
	}
}

func testStoriesPage(t *testing.T, s store.Store) {
	ctx := context.Background()
	var stories []store.Story
	for i := 1; i <= 5; i++ {
		stories = append(stories, store.Story{ID: int64(i), Headline: "s", Last: day(i)})
	}
	if err := s.SaveStories(ctx, store.StoryUpdate{Replace: true, Stories: stories}); err != nil {
		t.Fatal(err)
	}
	got, total, err := s.StoriesPage(ctx, 2, 1)
	if err != nil || total != 5 || len(got) != 2 || got[0].ID != 4 || got[1].ID != 3 {
		t.Errorf("page 2 of 2 per page: %+v total %d %v", got, total, err)
	}
	got, _, _ = s.StoriesPage(ctx, 10, 4)
	if len(got) != 1 || got[0].ID != 1 {
		t.Errorf("last page: %+v", got)
	}
}

package storetest

import (
	"context"
	"errors"
	"testing"
	"time"

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

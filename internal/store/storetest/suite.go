// Package storetest is the conformance suite every store.Store backend
// passes, in the style of restic's backend test suite: the same behaviour is
// checked against SQLite and PostgreSQL alike.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/store"
)

// Opener returns a new, empty store for one test.
type Opener func(t *testing.T) store.Store

// Run runs the whole suite against the backend.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(*testing.T, store.Store)
	}{
		{"RoundTripKeepsRawBytes", testRoundTrip},
		{"PutIsIdempotentByHash", testIdempotent},
		{"BatchPut", testBatch},
		{"NotFound", testNotFound},
		{"ListFilters", testListFilters},
		{"SearchRanking", testSearch},
		{"AnalysisReplacesWhole", testAnalysis},
		{"AnalysisOfMissingArticleWritesNothing", testAnalysisRollback},
		{"ConcurrentWriters", testConcurrent},
		{"LargeBatch", testLargeBatch},
		{"StoriesReplacedWhole", testStories},
		{"StoriesIncremental", testIncrementalStories},
	}
	tests = append(tests, serverTests...)
	tests = append(tests, peopleTests...)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			tc.fn(t, s)
		})
	}
}

func mk(raw, title, source string, published time.Time) *article.Article {
	return &article.Article{
		Raw: []byte(raw), Hash: article.HashBytes([]byte(raw)), Origin: "test", Format: article.FormatText,
		Title: title, Source: source, Published: published, Text: raw,
		Structure: article.Structure{Blocks: []article.Block{{Kind: article.BlockParagraph, Span: article.Span{End: len(raw)}, Content: article.Span{End: len(raw)}, Section: -1}}},
	}
}

func day(d int) time.Time { return time.Date(2023, 11, d, 0, 0, 0, 0, time.UTC) }

func put(t *testing.T, s store.Store, a *article.Article) int64 {
	t.Helper()
	if _, err := s.PutArticle(context.Background(), a); err != nil {
		t.Fatalf("PutArticle: %v", err)
	}
	return a.ID
}

func testRoundTrip(t *testing.T, s store.Store) {
	ctx := context.Background()
	raw := "date 2023-11-02\r\nÜber \xe2\x80\x9cquotes\xe2\x80\x9d and a NUL-free\tbody\r\n"
	a := mk(raw, "Title", "Outlet", day(2))
	a.Text = "Über “quotes” and a NUL-free\tbody"
	created, err := s.PutArticle(ctx, a)
	if err != nil || !created || a.ID == 0 {
		t.Fatalf("PutArticle = %v, %v, id %d", created, err, a.ID)
	}
	got, err := s.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if string(got.Raw) != raw {
		t.Errorf("raw bytes changed: %q", got.Raw)
	}
	if got.Text != a.Text || got.Title != "Title" || got.Source != "Outlet" || !got.Published.Equal(day(2)) {
		t.Errorf("round trip: %+v", got)
	}
	if len(got.Structure.Blocks) != 1 || got.Structure.Blocks[0].Span.End != len(raw) {
		t.Errorf("structure: %+v", got.Structure)
	}
	if got.AnalysisVersion != "" {
		t.Errorf("new article has analysis version %q", got.AnalysisVersion)
	}
}

func testIdempotent(t *testing.T, s store.Store) {
	ctx := context.Background()
	first := put(t, s, mk("same bytes", "A", "X", day(1)))
	again := mk("same bytes", "A different title", "Y", day(3))
	created, err := s.PutArticle(ctx, again)
	if err != nil || created {
		t.Fatalf("second put: created=%v err=%v", created, err)
	}
	if again.ID != first {
		t.Errorf("duplicate got id %d, want %d", again.ID, first)
	}
	st, err := s.Stats(ctx)
	if err != nil || st.Articles != 1 {
		t.Fatalf("stats after duplicate: %+v, %v", st, err)
	}
	got, _ := s.Article(ctx, first)
	if got.Title != "A" {
		t.Errorf("duplicate overwrote the stored article: title %q", got.Title)
	}
}

func testNotFound(t *testing.T, s store.Store) {
	ctx := context.Background()
	if _, err := s.Article(ctx, 424242); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Article(missing) = %v, want ErrNotFound", err)
	}
	if _, err := s.Analysis(ctx, 424242); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Analysis(missing) = %v, want ErrNotFound", err)
	}
}

func testListFilters(t *testing.T, s store.Store) {
	ctx := context.Background()
	put(t, s, mk("one", "one", "Alpha", day(1)))
	put(t, s, mk("two", "two", "Beta", day(5)))
	put(t, s, mk("three", "three", "Alpha", day(9)))
	put(t, s, mk("undated", "undated", "Alpha", time.Time{}))
	all, err := s.Articles(ctx, store.Filter{})
	if err != nil || len(all) != 4 {
		t.Fatalf("all: %d, %v", len(all), err)
	}
	if all[0].Title != "three" || all[3].Title != "undated" {
		t.Errorf("order: newest first, undated last; got %s … %s", all[0].Title, all[3].Title)
	}
	alpha, _ := s.Articles(ctx, store.Filter{Source: "Alpha"})
	if len(alpha) != 3 {
		t.Errorf("source filter: %d", len(alpha))
	}
	win, _ := s.Articles(ctx, store.Filter{From: day(2), To: day(9)})
	if len(win) != 1 || win[0].Title != "two" {
		t.Errorf("date window: %v", titles(win))
	}
	lim, _ := s.Articles(ctx, store.Filter{Limit: 2, Offset: 1})
	if len(lim) != 2 || lim[0].Title != "two" {
		t.Errorf("limit/offset: %v", titles(lim))
	}
}

func titles(as []*article.Article) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Title)
	}
	return out
}

func testSearch(t *testing.T, s store.Store) {
	ctx := context.Background()
	put(t, s, mk("The ceasefire talks in Doha resumed on Monday with Qatari mediators.", "Ceasefire talks resume", "A", day(1)))
	put(t, s, mk("Markets fell. A brief mention of a ceasefire came late in the day.", "Markets fall", "B", day(2)))
	put(t, s, mk("The earthquake struck at dawn.", "Earthquake", "C", day(3)))
	hits, err := s.Search(ctx, store.Query{Text: "ceasefire talks"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].Title != "Ceasefire talks resume" {
		t.Fatalf("AND query: %+v", hits)
	}
	hits, _ = s.Search(ctx, store.Query{Text: "ceasefire"})
	if len(hits) != 2 || hits[0].Title != "Ceasefire talks resume" {
		t.Errorf("ranking: a title match must rank first: %+v", hits)
	}
	if hits[0].Snippet == "" || hits[0].Score < hits[1].Score {
		t.Errorf("snippet/score: %+v", hits)
	}
	hits, _ = s.Search(ctx, store.Query{Text: `"talks in Doha"`})
	if len(hits) != 1 {
		t.Errorf("phrase: %+v", hits)
	}
	hits, _ = s.Search(ctx, store.Query{Text: "ceasefire", Source: "B"})
	if len(hits) != 1 || hits[0].Source != "B" {
		t.Errorf("source facet: %+v", hits)
	}
	if _, err := s.Search(ctx, store.Query{Text: "U.S. el-Sisi's"}); err != nil {
		t.Errorf("punctuation in a plain query must not fail: %v", err)
	}
}

func testAnalysis(t *testing.T, s store.Store) {
	ctx := context.Background()
	id := put(t, s, mk("Olaf Scholz met Joe Biden.", "t", "A", day(1)))
	stale, err := s.StaleAnalyses(ctx, "v1", 0)
	if err != nil || len(stale) != 1 || stale[0] != id {
		t.Fatalf("stale before analysis: %v %v", stale, err)
	}
	an := &article.Analysis{Version: "v1",
		Mentions: []article.Mention{{Span: article.Span{Start: 0, End: 10}, Text: "Olaf Scholz", Type: "PER", Entity: 0}, {Span: article.Span{Start: 16, End: 25}, Text: "Joe Biden", Type: "PER", Entity: 1}},
		Entities: []article.Entity{{Key: "per:olaf-scholz", Name: "Olaf Scholz", Type: "PER", Mentions: []int{0}}, {Key: "per:joe-biden", Name: "Joe Biden", Type: "PER", Mentions: []int{1}}},
	}
	if err := s.PutAnalysis(ctx, id, an); err != nil {
		t.Fatal(err)
	}
	an2 := &article.Analysis{Version: "v2", Mentions: an.Mentions[:1], Entities: an.Entities[:1]}
	an2.Entities[0].Mentions = []int{0}
	if err := s.PutAnalysis(ctx, id, an2); err != nil {
		t.Fatal(err)
	}
	got, err := s.Analysis(ctx, id)
	if err != nil || got.Version != "v2" || len(got.Mentions) != 1 {
		t.Fatalf("analysis: %+v %v", got, err)
	}
	a, _ := s.Article(ctx, id)
	if a.AnalysisVersion != "v2" {
		t.Errorf("article analysis version %q", a.AnalysisVersion)
	}
	st, _ := s.Stats(ctx)
	if st.Analysed != 1 || st.Entities != 1 {
		t.Errorf("stats after re-analysis: %+v (old mentions must be replaced)", st)
	}
	if stale, _ := s.StaleAnalyses(ctx, "v2", 0); len(stale) != 0 {
		t.Errorf("stale after analysis: %v", stale)
	}
}

func testAnalysisRollback(t *testing.T, s store.Store) {
	ctx := context.Background()
	err := s.PutAnalysis(ctx, 99, &article.Analysis{Version: "v1"})
	if !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("PutAnalysis(missing) = %v", err)
	}
	if st, _ := s.Stats(ctx); st.Analysed != 0 {
		t.Errorf("a failed PutAnalysis left a row behind: %+v", st)
	}
}

func testConcurrent(t *testing.T, s store.Store) {
	ctx := context.Background()
	const writers, each = 4, 25
	var wg sync.WaitGroup
	errs := make(chan error, writers*each*2)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				// every writer also stores the same shared articles: exactly one copy must survive
				for _, raw := range []string{fmt.Sprintf("w%d-%d", w, i), fmt.Sprintf("shared-%d", i)} {
					if _, err := s.PutArticle(ctx, mk(raw, raw, "S", day(1+i%28))); err != nil {
						errs <- err
					}
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	st, err := s.Stats(ctx)
	if err != nil || st.Articles != writers*each+each {
		t.Errorf("articles = %d, want %d (%v)", st.Articles, writers*each+each, err)
	}
}

func testLargeBatch(t *testing.T, s store.Store) {
	ctx := context.Background()
	const n = 500
	body := make([]byte, 64<<10)
	for i := range body {
		body[i] = 'a' + byte(i%26)
	}
	for i := 0; i < n; i++ {
		raw := fmt.Sprintf("%d %s", i, body[:1000+i*100])
		put(t, s, mk(raw, fmt.Sprint(i), "S", day(1)))
	}
	st, err := s.Stats(ctx)
	if err != nil || st.Articles != n {
		t.Fatalf("stats: %+v %v", st, err)
	}
	list, _ := s.Articles(ctx, store.Filter{Limit: 10})
	if len(list) != 10 {
		t.Errorf("limit on a large store: %d", len(list))
	}
}

// Article returns a minimal valid article whose raw bytes are raw.
func Article(raw string) *article.Article { return mk(raw, raw, "test", day(1)) }

func testStories(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := put(t, s, mk("a", "Quake hits", "A", day(1)))
	b := put(t, s, mk("b", "Quake toll rises", "B", day(2)))
	c := put(t, s, mk("c", "Talks open", "A", day(9)))
	stories := []store.Story{
		{ID: 1, Headline: "Quake hits", Size: 2, Groups: 1, Sources: []string{"A", "B"}, First: day(1), Last: day(2), Storyline: 1},
		{ID: 2, Headline: "Talks open", Size: 1, Groups: 1, Sources: []string{"A"}, First: day(9), Last: day(9), Storyline: 2},
	}
	members := []store.Member{
		{ArticleID: a, StoryID: 1, DupGroup: a, Canonical: a},
		{ArticleID: b, StoryID: 1, DupGroup: a, Canonical: a, Duplicate: true, Kind: "rewrite", Score: 0.9},
		{ArticleID: c, StoryID: 2, DupGroup: c, Canonical: c},
	}
	lines := []store.Storyline{{ID: 1, Title: "Quake", Stories: []int64{1}}, {ID: 2, Title: "Talks", Stories: []int64{2}}}
	if err := s.SaveStories(ctx, store.StoryUpdate{Replace: true, Stories: stories, Members: members, Lines: lines}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Stories(ctx)
	if err != nil || len(got) != 2 || got[0].ID != 2 {
		t.Fatalf("stories, newest development first: %+v %v", got, err)
	}
	st, ms, err := s.Story(ctx, 1)
	if err != nil || st.Headline != "Quake hits" || len(ms) != 2 || !ms[1].Duplicate || ms[1].Kind != "rewrite" || ms[1].DupGroup != a {
		t.Fatalf("story 1: %+v %+v %v", st, ms, err)
	}
	if _, _, err := s.Story(ctx, 99); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing story: %v", err)
	}
	// a second run replaces the layer whole
	if err := s.SaveStories(ctx, store.StoryUpdate{Replace: true, Stories: stories[:1], Members: members[:2], Lines: lines[:1]}); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Stories(ctx)
	sl, _ := s.Storylines(ctx)
	if len(got) != 1 || len(sl) != 1 {
		t.Errorf("after replace: %d stories, %d storylines", len(got), len(sl))
	}
	if stats, _ := s.Stats(ctx); stats.Stories != 1 {
		t.Errorf("stats stories = %d", stats.Stories)
	}
	// a failing replace (a member of a missing article) leaves the old layer intact
	bad := []store.Member{{ArticleID: 12345, StoryID: 1}}
	if err := s.SaveStories(ctx, store.StoryUpdate{Replace: true, Stories: stories, Members: bad, Lines: lines}); err == nil {
		t.Fatal("replace with a dangling member succeeded")
	}
	if got, _ := s.Stories(ctx); len(got) != 1 {
		t.Errorf("a failed replace changed the story layer: %d stories", len(got))
	}
}

// testIncrementalStories: a run that adds to the layer (no Replace) writes
// its stories and members over the stored ones, moves the members of merged
// stories, replaces the storylines and keeps the clusterer state beside
// them; Unclustered lists what no run has placed yet.
func testIncrementalStories(t *testing.T, s store.Store) {
	ctx := context.Background()
	if _, err := s.ClusterState(ctx); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("state of a new store: %v", err)
	}
	a := put(t, s, mk("a", "Quake hits", "A", day(1)))
	b := put(t, s, mk("b", "Talks open", "B", day(2)))
	unclustered := func() []int64 {
		t.Helper()
		list, err := s.Articles(ctx, store.Filter{Unclustered: true})
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, x := range list {
			ids = append(ids, x.ID)
		}
		slices.Sort(ids)
		return ids
	}
	if got := unclustered(); len(got) != 2 {
		t.Fatalf("unclustered before any run: %v", got)
	}
	first := store.StoryUpdate{Replace: true,
		Stories: []store.Story{{ID: 1, Headline: "Quake hits", Size: 1, Storyline: 1}, {ID: 2, Headline: "Talks open", Size: 1, Storyline: 2}},
		Members: []store.Member{{ArticleID: a, StoryID: 1, DupGroup: a, Canonical: a}, {ArticleID: b, StoryID: 2, DupGroup: b, Canonical: b}},
		Lines:   []store.Storyline{{ID: 1, Stories: []int64{1}}, {ID: 2, Stories: []int64{2}}},
		State:   &store.ClusterState{Version: "v1", Data: []byte{0, 1, 2, 255}},
	}
	if err := s.SaveStories(ctx, first); err != nil {
		t.Fatal(err)
	}
	if got := unclustered(); len(got) != 0 {
		t.Fatalf("unclustered after a run: %v", got)
	}
	st, err := s.ClusterState(ctx)
	if err != nil || st.Version != "v1" || string(st.Data) != string([]byte{0, 1, 2, 255}) {
		t.Fatalf("state: %+v %v", st, err)
	}
	c := put(t, s, mk("c", "Quake toll rises", "C", day(3)))
	if got := unclustered(); !slices.Equal(got, []int64{c}) {
		t.Fatalf("unclustered after a new article: %v, want [%d]", got, c)
	}
	// The next run: c joins story 1, which absorbs story 2.
	if st.Generation != 1 {
		t.Errorf("generation after the first save: %d, want 1", st.Generation)
	}
	next := store.StoryUpdate{Expect: 1,
		Stories: []store.Story{{ID: 1, Headline: "Quake hits", Size: 3, Storyline: 1}},
		Merged:  map[int64]int64{2: 1},
		Members: []store.Member{{ArticleID: c, StoryID: 1, DupGroup: c, Canonical: c}},
		Lines:   []store.Storyline{{ID: 1, Stories: []int64{1}}},
		State:   &store.ClusterState{Version: "v1", Data: []byte("second")},
	}
	// A run that started from another generation (a second clusterer at
	// work) writes nothing.
	stale := next
	stale.Expect = 0
	if err := s.SaveStories(ctx, stale); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("save from a stale generation: %v, want ErrConflict", err)
	}
	if got := unclustered(); !slices.Equal(got, []int64{c}) {
		t.Fatalf("a conflicting save wrote members: unclustered %v", got)
	}
	if err := s.SaveStories(ctx, next); err != nil {
		t.Fatal(err)
	}
	stories, _ := s.Stories(ctx)
	if len(stories) != 1 || stories[0].Size != 3 {
		t.Fatalf("stories after the incremental run: %+v", stories)
	}
	_, ms, err := s.Story(ctx, 1)
	if err != nil || len(ms) != 3 {
		t.Fatalf("members of story 1 after the merge: %+v %v", ms, err)
	}
	if _, _, err := s.Story(ctx, 2); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("merged story still readable: %v", err)
	}
	if lines, _ := s.Storylines(ctx); len(lines) != 1 {
		t.Errorf("storylines not replaced: %+v", lines)
	}
	if st, _ := s.ClusterState(ctx); string(st.Data) != "second" {
		t.Errorf("state not replaced: %q", st.Data)
	}
	// A failing run (a member of a missing article) changes nothing, state
	// included.
	bad := store.StoryUpdate{Expect: 2, Members: []store.Member{{ArticleID: 12345, StoryID: 1}}, State: &store.ClusterState{Version: "v1", Data: []byte("bad")}}
	if err := s.SaveStories(ctx, bad); err == nil {
		t.Fatal("an update with a dangling member succeeded")
	}
	if st, _ := s.ClusterState(ctx); string(st.Data) != "second" {
		t.Errorf("a failed run changed the state: %q", st.Data)
	}
	if err := s.ForgetClusterState(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ClusterState(ctx); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("state after forgetting it: %v", err)
	}
	if err := s.SaveStories(ctx, store.StoryUpdate{Stories: stories, State: &store.ClusterState{Version: "v1", Data: []byte("third")}}); err != nil {
		t.Fatal(err)
	}
	// A run without state clears it: the next one starts from scratch.
	if err := s.SaveStories(ctx, store.StoryUpdate{Expect: 1, Stories: stories}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ClusterState(ctx); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("state after a run that saved none: %v", err)
	}
}

func testBatch(t *testing.T, s store.Store) {
	ctx := context.Background()
	old := put(t, s, mk("already there", "old", "A", day(1)))
	batch := []*article.Article{
		mk("b1", "b1", "A", day(2)), mk("already there", "old again", "A", day(2)),
		mk("b2", "b2", "B", day(3)), mk("b1", "b1 copy", "B", day(3)),
	}
	created, err := s.PutArticles(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	want := []bool{true, false, true, false}
	for i := range want {
		if created[i] != want[i] {
			t.Errorf("created[%d] = %v, want %v", i, created[i], want[i])
		}
	}
	if batch[1].ID != old || batch[3].ID != batch[0].ID || batch[0].ID == 0 || batch[2].ID == batch[0].ID {
		t.Errorf("ids: %d %d %d %d (old %d)", batch[0].ID, batch[1].ID, batch[2].ID, batch[3].ID, old)
	}
	if st, _ := s.Stats(ctx); st.Articles != 3 {
		t.Errorf("articles = %d, want 3", st.Articles)
	}
	// a batch that fails part-way stores nothing: here the context is cancelled
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.PutArticles(cctx, []*article.Article{mk("c1", "c1", "A", day(4))}); err == nil {
		t.Fatal("PutArticles with a cancelled context succeeded")
	}
	if st, _ := s.Stats(ctx); st.Articles != 3 {
		t.Errorf("a failed batch left articles behind: %d", st.Articles)
	}
}

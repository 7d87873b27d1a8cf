package server

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/store"
	"github.com/dossier-news/dossier/internal/store/sqlite"
)

// benchArticles is the size of the generated store; DOSSIER_BENCH_ARTICLES
// overrides it (100000 takes a few minutes to generate once; the file is
// kept in the temp folder and reused).
func benchArticles(b *testing.B) int {
	n := 10000
	if v := os.Getenv("DOSSIER_BENCH_ARTICLES"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			b.Fatal(err)
		}
	}
	return n
}

// benchStore opens (generating on first use) a store of n small analysed
// articles in stories of five.
func benchStore(b *testing.B, n int) *sqlite.Store {
	ctx := context.Background()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("dossier-bench-%d.db", n))
	_, statErr := os.Stat(path)
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	if statErr == nil {
		if st, err := s.Stats(ctx); err == nil && st.Stories == n/5 {
			return s
		}
	}
	start := time.Now()
	places := []string{"Doha", "Orsk", "Oslo", "Geneva", "Nairobi", "Lima", "Hanoi", "Riga"}
	people := []string{"Tomas Reinholt", "Layla Al-Mansouri", "Anton Vasik", "Idris Malan", "Erik Lunde"}
	var stories []store.Story
	var members []store.Member
	for i := 0; i < n; i++ {
		place, who := places[i%len(places)], people[i%len(people)]
		title := fmt.Sprintf("Talks in %s, round %d", place, i)
		text := fmt.Sprintf("%s\n\nNegotiators met in %s on Monday for round %d of the talks, %s said. \"We made progress,\" %s told reporters after the session.\n\nThe next round is planned for March.", title, place, i, who, who)
		a := &article.Article{Raw: []byte(text), Origin: "bench", Format: article.FormatText, Title: title,
			Source: fmt.Sprintf("Outlet %d", i%7), Published: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute), Text: text}
		h := article.Span{End: len(title)}
		p := article.Span{Start: len(title) + 2, End: len(text) - 33}
		l := article.Span{Start: len(text) - 31, End: len(text)}
		a.Structure = article.Structure{Blocks: []article.Block{{Kind: article.BlockHeadline, Span: h, Content: h, Section: -1},
			{Kind: article.BlockParagraph, Span: p, Content: p, Section: -1}, {Kind: article.BlockParagraph, Span: l, Content: l, Section: -1}}}
		if _, err := s.PutArticle(ctx, a); err != nil {
			b.Fatal(err)
		}
		wi := indexOf(text, who)
		pi := indexOf(text, place)
		an := &article.Analysis{Version: "bench", Sentences: []article.Span{h, {Start: p.Start, End: indexOf(text, "\"We") - 1}, {Start: indexOf(text, "\"We"), End: p.End}, l},
			Mentions: []article.Mention{{Span: article.Span{Start: wi, End: wi + len(who)}, Text: who, Type: "PER", Kind: "name", Entity: 0},
				{Span: article.Span{Start: pi, End: pi + len(place)}, Text: place, Type: "GPE", Kind: "name", Entity: 1}},
			Entities: []article.Entity{{Key: "per:" + who, Name: who, Type: "PER", Mentions: []int{0}}, {Key: "gpe:" + place, Name: place, Type: "GPE", Mentions: []int{1}}},
			Timexes:  []article.Timex{{Span: article.Span{Start: indexOf(text, "Monday"), End: indexOf(text, "Monday") + 6}, Type: "DATE", Value: "2026-01-05"}},
			Quotes:   []article.Quote{{Content: article.Span{Start: indexOf(text, "We made"), End: indexOf(text, "We made") + 15}, SpeakerEntity: 0, SpeakerName: who, Direct: true}},
		}
		if err := s.PutAnalysis(ctx, a.ID, an); err != nil {
			b.Fatal(err)
		}
		sid := int64(i/5 + 1)
		if i%5 == 0 {
			stories = append(stories, store.Story{ID: sid, Headline: title, Size: 5, Groups: 5, Sources: []string{"Outlet 1", "Outlet 2"},
				First: a.Published, Last: a.Published.Add(4 * time.Minute), Entities: []string{"per:" + who, "gpe:" + place}})
		}
		members = append(members, store.Member{ArticleID: a.ID, StoryID: sid, DupGroup: a.ID, Canonical: a.ID})
	}
	if err := s.SaveStories(ctx, store.StoryUpdate{Replace: true, Stories: stories, Members: members}); err != nil {
		b.Fatal(err)
	}
	b.Logf("generated %d articles in %v", n, time.Since(start).Round(time.Second))
	return s
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

// BenchmarkPages renders the story list and an article page over a store of
// many articles (see benchArticles) and reports milliseconds per page.
func BenchmarkPages(b *testing.B) {
	n := benchArticles(b)
	s := benchStore(b, n)
	defer s.Close()
	srv, err := New(Options{Store: s})
	if err != nil {
		b.Fatal(err)
	}
	h := srv.Handler()
	for _, page := range []struct{ name, path string }{
		{"StoryList", "/"},
		{"StoryListPage100", "/?cursor=" + cursorAt(100*50)},
		{"Article", fmt.Sprintf("/articles/%d", n/2)},
		{"Story", fmt.Sprintf("/stories/%d", n/10)},
		{"Search", "/search?q=progress+Doha"},
	} {
		b.Run(fmt.Sprintf("%s/articles=%d", page.name, n), func(b *testing.B) {
			for b.Loop() {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, httptest.NewRequest("GET", page.path, nil))
				if w.Code != 200 {
					b.Fatalf("%s: %d %s", page.path, w.Code, w.Body.String()[:min(200, w.Body.Len())])
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/page")
		})
	}
}

package postgres_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/store"
	"github.com/dossier-news/dossier/internal/store/postgres"
	"github.com/dossier-news/dossier/internal/store/storetest"
)

// benchPut stores Reuters-sized articles (about 1.3 KB of text, the same
// body as the SQLite benchmarks), batch per transaction, with the GIN index
// maintained. The test server runs with fsync off: these are upper bounds
// of what the database work costs, not of a durable disk.
func benchPut(b *testing.B, batch int) {
	ctx := context.Background()
	s, err := postgres.Open(ctx, server(b).NewDatabase(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	body := strings.Repeat("Oil prices rose on Tuesday after OPEC ministers agreed to cut output, traders said in London. ", 14)
	b.ReportAllocs()
	b.ResetTimer()
	as := make([]*article.Article, 0, batch)
	for i := 0; i < b.N; i++ {
		as = append(as, storetest.Article(fmt.Sprintf("%d %s", i, body)))
		if len(as) == batch || i == b.N-1 {
			if _, err := s.PutArticles(ctx, as); err != nil {
				b.Fatal(err)
			}
			as = as[:0]
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

func BenchmarkPutArticle(b *testing.B)         { benchPut(b, 1) }
func BenchmarkPutArticlesBatch16(b *testing.B) { benchPut(b, 16) }
func BenchmarkPutArticlesBatch64(b *testing.B) { benchPut(b, 64) }

// BenchmarkSearch ranks and snippets over 2,000 stored articles.
func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	s, err := postgres.Open(ctx, server(b).NewDatabase(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	topics := []string{"oil prices OPEC output", "ceasefire talks Doha", "wheat harvest drought", "central bank rates"}
	var as []*article.Article
	for i := range 2000 {
		as = append(as, storetest.Article(fmt.Sprintf("Report %d on %s. %s", i, topics[i%4], strings.Repeat("Traders said markets were calm. ", 20))))
	}
	if _, err := s.PutArticles(ctx, as); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Search(ctx, store.Query{Text: topics[i%4]}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPutAnalysis replaces the analysis of stored articles: the JSON
// document and the entity-mention rows (40 mentions of 15 entities, about
// what a Reuters article gets).
func BenchmarkPutAnalysis(b *testing.B) {
	ctx := context.Background()
	s, err := postgres.Open(ctx, server(b).NewDatabase(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var ids []int64
	for i := range 200 {
		a := storetest.Article(fmt.Sprintf("stored %d", i))
		if _, err := s.PutArticle(ctx, a); err != nil {
			b.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	an := &article.Analysis{Version: "bench"}
	for e := range 15 {
		ent := article.Entity{Key: fmt.Sprintf("person:name %d", e), Name: fmt.Sprintf("Name %d", e), Type: "PER"}
		for m := e; m < 40; m += 15 {
			ent.Mentions = append(ent.Mentions, len(an.Mentions))
			an.Mentions = append(an.Mentions, article.Mention{Span: article.Span{Start: m * 10, End: m*10 + 8}, Text: ent.Name, Type: "PER"})
		}
		an.Entities = append(an.Entities, ent)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := s.PutAnalysis(ctx, ids[i%len(ids)], an); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "analyses/s")
}

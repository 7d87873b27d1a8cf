package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/store/sqlite"
	"github.com/dossier-news/dossier/internal/store/storetest"
)

// BenchmarkPutArticle stores Reuters-sized articles (about 1.3 KB of text),
// one transaction each, with the full-text index maintained.
func BenchmarkPutArticle(b *testing.B) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	body := strings.Repeat("Oil prices rose on Tuesday after OPEC ministers agreed to cut output, traders said in London. ", 14)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := storetest.Article(fmt.Sprintf("%d %s", i, body))
		if _, err := s.PutArticle(ctx, a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkPutArticlesBatch64 is the same with group commit, 64 per transaction.
func BenchmarkPutArticlesBatch64(b *testing.B) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	body := strings.Repeat("Oil prices rose on Tuesday after OPEC ministers agreed to cut output, traders said in London. ", 14)
	b.ReportAllocs()
	b.ResetTimer()
	batch := make([]*article.Article, 0, 64)
	for i := 0; i < b.N; i++ {
		batch = append(batch, storetest.Article(fmt.Sprintf("%d %s", i, body)))
		if len(batch) == 64 || i == b.N-1 {
			if _, err := s.PutArticles(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

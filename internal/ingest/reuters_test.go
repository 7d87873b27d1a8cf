package ingest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dossier-news/dossier/internal/dataset"
)

// BenchmarkReuters parses the whole Reuters-21578 corpus (21,578 articles,
// 27 MB): SGML scan, entity decoding, paragraphing, Structure and content
// hash, everything ReadReuters does for the store.
func BenchmarkReuters(b *testing.B) {
	dir := dataset.Require(b, "reuters21578")
	files, err := filepath.Glob(filepath.Join(dir, "*.sgm"))
	if err != nil || len(files) == 0 {
		b.Skipf("no .sgm files in %s", dir)
	}
	var data [][]byte
	total := 0
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		data = append(data, d)
		total += len(d)
	}
	b.SetBytes(int64(total))
	b.ResetTimer()
	cpu0 := cpuTime()
	articles := 0
	for b.Loop() {
		for i, d := range data {
			ReadReuters(files[i], d, func(it Item) bool {
				if it.Err == nil {
					articles++
				}
				return true
			})
		}
	}
	cpu := (cpuTime() - cpu0).Seconds()
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(articles)/sec, "articles/s")
	b.ReportMetric(float64(total)*float64(b.N)/sec/1e6, "MB/s")
	if cpu > 0 {
		// With -cpu 1 this is the one-core figure even on a busy machine.
		b.ReportMetric(float64(articles)/cpu, "articles/cpu-s")
	}
}

// TestReutersCorpus reads the whole Reuters-21578 corpus: every one of its
// 21,578 documents is an item, all but the few without any text are
// articles, and every article is dated and well formed.
func TestReutersCorpus(t *testing.T) {
	dir := dataset.Require(t, "reuters21578")
	items := readAll(t, New(Options{}), dir)
	articles, undated := 0, 0
	var errs []string
	for _, it := range items {
		if it.Err != nil {
			errs = append(errs, it.Err.Error())
			continue
		}
		articles++
		if !it.Article.HasDate() {
			undated++
		}
	}
	if len(items) != 21578 {
		t.Errorf("%d items, want 21578 (one per <REUTERS>)", len(items))
	}
	if len(errs) > 5 {
		t.Errorf("%d failed items, first: %v", len(errs), errs[:5])
	}
	if undated > 0 {
		t.Errorf("%d articles without a date", undated)
	}
	t.Logf("%d articles, %d failed items %v", articles, len(errs), errs)
}

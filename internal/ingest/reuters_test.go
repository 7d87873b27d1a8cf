package ingest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dossier-news/dossier/internal/dataset"
)

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
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(articles)/sec, "articles/s")
	b.ReportMetric(float64(total)*float64(b.N)/sec/1e6, "MB/s")
}

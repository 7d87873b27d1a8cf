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

package structure

import (
	"os"
	"testing"
)

// BenchmarkParse parses the golden inputs (normalisation and structure).
func BenchmarkParse(b *testing.B) {
	var texts []string
	size := 0
	for _, f := range []string{"testdata/metadata.txt", "testdata/article.md", "testdata/crlf_bom.txt", "testdata/frontmatter.md"} {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += len(data)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, t := range texts {
			Parse(t)
		}
	}
	b.ReportMetric(float64(b.N*len(texts))/b.Elapsed().Seconds(), "articles/s")
}

package ingest

import (
	"os"
	"testing"
)

// BenchmarkHTML reads the fixture news page (trafilatura, htmldate,
// rendering), in the precise default and in FastHTML mode.
func BenchmarkHTML(b *testing.B) {
	page, err := os.ReadFile("testdata/articles/page.html")
	if err != nil {
		b.Fatal(err)
	}
	for _, mode := range []struct {
		name string
		fast bool
	}{{"precise", false}, {"fast", true}} {
		b.Run(mode.name, func(b *testing.B) {
			r := New(Options{FastHTML: mode.fast})
			b.SetBytes(int64(len(page)))
			for b.Loop() {
				if it := r.readHTML("page.html", "page.html", "", page); it.Err != nil {
					b.Fatal(it.Err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

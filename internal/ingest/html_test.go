package ingest

import (
	"os"
	"strings"
	"testing"
)

// An unclosed <title> made the rest of the page, markup included, the
// title and the text.
func TestUnclosedTitle(t *testing.T) {
	tests := []struct {
		name, page, title, text string
	}{
		{"tag after title", "<html><head><title>Broken page<body><div><p>Port of Valdmar traffic update: 12 ships were waiting on Friday.",
			"Broken page", "Port of Valdmar traffic update: 12 ships were waiting on Friday."},
		{"line after title", "<html><head><title>Ships wait off Valdmar\n<body><p>Twelve ships were waiting outside the port on Friday, the harbour master said.</p>",
			"Ships wait off Valdmar", "Twelve ships were waiting outside the port on Friday, the harbour master said."},
		{"closed title unchanged", "<html><head><title>Ships wait <off> Valdmar</title></head><body><p>Twelve ships were waiting outside the port on Friday, the harbour master said.</p></body></html>",
			"Ships wait <off> Valdmar", "Twelve ships were waiting outside the port on Friday, the harbour master said."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := New(Options{FastHTML: true}).readHTML("p.html", "p.html", "", []byte(tc.page))
			if it.Err != nil {
				t.Fatal(it.Err)
			}
			a := it.Article
			if a.Title != tc.title || !strings.Contains(a.Text, tc.text) || strings.Contains(a.Text, "<p>") {
				t.Errorf("title %q, text %q", a.Title, a.Text)
			}
		})
	}
}

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

func FuzzCloseTitle(f *testing.F) {
	for _, s := range []string{"<title>Broken<body><p>x", "<TITLE >a\nb", "<title", "<title>ok</title>", "", "<title x='>'>y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := closeTitle(s)
		if out != s && strings.Replace(out, "</title>", "", 1) != s {
			t.Errorf("closeTitle(%q) = %q: more than a closing tag added", s, out)
		}
	})
}

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

// A publisher's section says a piece is opinion: the JSON "section" field
// and a page's article:section meta.
func TestOpinionSectionMarksArticle(t *testing.T) {
	body := "The deal agreed at Valdmar last week will be sold as a victory by both sides. It is nothing of the kind."
	page := func(section string) []byte {
		return []byte(`<html><head><title>The Valdmar deal buys peace</title><meta property="article:section" content="` + section +
			`"></head><body><article><h1>The Valdmar deal buys peace</h1><p>` + body + `</p><p>` + body + `</p></article></body></html>`)
	}
	js := func(section string) []byte {
		return []byte(`{"title":"The Valdmar deal buys peace","text":"` + body + `","section":"` + section + `"}`)
	}
	tests := []struct {
		name    string
		read    func(r *Reader) Item
		opinion bool
	}{
		{"json opinion", func(r *Reader) Item { return jsonItem("a.json", js("Opinion"), js("Opinion")) }, true},
		{"json business", func(r *Reader) Item { return jsonItem("a.json", js("Business"), js("Business")) }, false},
		{"json opinion polls", func(r *Reader) Item { return jsonItem("a.json", js("Opinion polls"), js("Opinion polls")) }, false},
		{"html opinion", func(r *Reader) Item { return r.readHTML("a.html", "a.html", "", page("Opinion")) }, true},
		{"html news", func(r *Reader) Item { return r.readHTML("a.html", "a.html", "", page("News")) }, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := tc.read(New(Options{FastHTML: true}))
			if it.Err != nil {
				t.Fatal(it.Err)
			}
			a := it.Article
			if len(a.Structure.Blocks) < 2 {
				t.Fatalf("blocks %+v", a.Structure.Blocks)
			}
			for _, b := range a.Structure.Blocks {
				if b.Opinion != tc.opinion {
					t.Errorf("%s block %q opinion %v, want %v", b.Kind, b.Content.Of(a.Text), b.Opinion, tc.opinion)
				}
			}
		})
	}
}

func TestFeedOutlet(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Northern Wire - Business", "Northern Wire"},
		{"World news | The Guardian", "The Guardian"},
		{"BBC News - World", "BBC News"},
		{"Reuters: Top News", "Reuters"},
		{"Harbour Notes", "Harbour Notes"},
		{"Tom's Blog - Thoughts on shipping", "Tom's Blog - Thoughts on shipping"},
		{"News - World", "News - World"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := feedOutlet(tc.in); got != tc.want {
			t.Errorf("feedOutlet(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// A JSON line that is prose, not JSON, says so instead of Go's
// "invalid character 'o' in literal null".
func TestJSONLineNotJSON(t *testing.T) {
	tests := []struct{ line, want string }{
		{"not json at all", `not a JSON object (starts "not")`},
		{"<html>", `not a JSON object (starts "<html>")`},
		{`{"title": "x", "text": "unterminated`, "unexpected EOF"},
		{"null", "not an object"},
	}
	for _, tc := range tests {
		it := jsonItem("a.jsonl#1", []byte(tc.line), []byte(tc.line))
		if it.Err == nil || !strings.Contains(it.Err.Error(), tc.want) {
			t.Errorf("%q: err %v, want it to say %q", tc.line, it.Err, tc.want)
		}
	}
}

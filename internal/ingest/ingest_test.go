package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func readAll(t testing.TB, r *Reader, inputs ...string) []Item {
	t.Helper()
	var out []Item
	for it := range r.Read(context.Background(), inputs) {
		if it.Article != nil {
			checkArticle(t, it.Article)
		}
		out = append(out, it)
	}
	return out
}

// checkArticle holds for every article any reader yields.
func checkArticle(t testing.TB, a *article.Article) {
	t.Helper()
	if !utf8.ValidString(a.Text) {
		t.Fatalf("%s: text is not valid UTF-8", a.Origin)
	}
	if a.Hash != article.HashBytes(a.Raw) || len(a.Raw) == 0 {
		t.Fatalf("%s: hash does not match raw bytes", a.Origin)
	}
	if strings.TrimSpace(a.Text) == "" || len(a.Structure.Body()) == 0 {
		t.Fatalf("%s: article without text", a.Origin)
	}
	prev := 0
	for i, b := range a.Structure.Blocks {
		if b.Span.Start < prev || b.Span.End > len(a.Text) || b.Span.Start > b.Span.End || !b.Span.Contains(b.Content) {
			t.Fatalf("%s: block %d span %v content %v bad (prev end %d, len %d)", a.Origin, i, b.Span, b.Content, prev, len(a.Text))
		}
		if !utf8.ValidString(b.Span.Of(a.Text)) {
			t.Fatalf("%s: block %d splits a rune", a.Origin, i)
		}
		if b.Section >= len(a.Structure.Sections) {
			t.Fatalf("%s: block %d section out of range", a.Origin, i)
		}
		prev = b.Span.End
	}
}

type goldenBlock struct {
	Kind    article.BlockKind `json:"kind"`
	Key     string            `json:"key,omitempty"`
	Section int               `json:"section"`
	Opinion bool              `json:"opinion,omitempty"`
	Content string            `json:"content"`
}

type goldenItem struct {
	Origin     string         `json:"origin"`
	Err        string         `json:"err,omitempty"`
	Format     article.Format `json:"format,omitempty"`
	RawPrefix  string         `json:"raw_prefix,omitempty"`
	Title      string         `json:"title,omitempty"`
	Source     string         `json:"source,omitempty"`
	URL        string         `json:"url,omitempty"`
	Author     string         `json:"author,omitempty"`
	Lang       string         `json:"lang,omitempty"`
	Published  string         `json:"published,omitempty"`
	DateSource string         `json:"date_source,omitempty"`
	Text       string         `json:"text,omitempty"`
	Blocks     []goldenBlock  `json:"blocks,omitempty"`
}

// TestReadGolden reads the fixture folder (every format, good and bad
// items) and compares what comes out with testdata/articles.golden.json.
func TestReadGolden(t *testing.T) {
	r := New(Options{FastHTML: false})
	got := []goldenItem{}
	for _, it := range readAll(t, r, "testdata/articles") {
		if it.Err != nil {
			var e *Error
			if !errors.As(it.Err, &e) {
				t.Fatalf("error %v is not an *Error", it.Err)
			}
			got = append(got, goldenItem{Origin: e.Origin, Err: it.Err.Error()})
			continue
		}
		a := it.Article
		g := goldenItem{
			Origin: a.Origin, Format: a.Format, Title: a.Title, Source: a.Source, URL: a.URL,
			Author: a.Author, Lang: a.Lang, DateSource: a.DateSource, Text: a.Text,
			RawPrefix: string(a.Raw[:min(len(a.Raw), 24)]),
		}
		if a.HasDate() {
			g.Published = a.Published.UTC().Format(time.RFC3339)
		}
		for _, b := range a.Structure.Blocks {
			g.Blocks = append(g.Blocks, goldenBlock{Kind: b.Kind, Key: b.Key, Section: b.Section, Opinion: b.Opinion, Content: b.Content.Of(a.Text)})
		}
		got = append(got, g)
	}
	path := "testdata/articles.golden.json"
	if *update {
		data, _ := json.MarshalIndent(got, "", "  ")
		if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	var want []goldenItem
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("items differ from %s (-want +got):\n%s", path, d)
	}
}

// TestBadInputs: each bad input is one clear error naming the item.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name    string
		file    string
		data    []byte
		maxSize int64
		want    error
	}{
		{"binary", "photo.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), 0, ErrBinary},
		{"binary without extension", "blob", append([]byte("GIF89a"), make([]byte, 64)...), 0, ErrBinary},
		{"empty", "empty.txt", nil, 0, ErrEmpty},
		{"blank", "blank.txt", []byte("  \n\n\t\n"), 0, ErrEmpty},
		{"metadata only", "meta.txt", []byte("date: 2021-06-14\nsource: Wire\n"), 0, ErrEmpty},
		{"not UTF-8 nor Windows-1252", "bad.txt", []byte("Prices \x81\x8d\x90 rose \x9d sharply"), 0, ErrEncoding},
		{"too large", "big.txt", bytes.Repeat([]byte("word "), 100), 64, ErrTooLarge},
		{"malformed JSON", "bad.json", []byte(`{"title": "x", "text": "cut`), 0, ErrMalformed},
		{"JSON array cut off", "cut.json", []byte(`[{"text": "one"}, {"text": "tw`), 0, ErrMalformed},
		{"JSON without text", "notext.json", []byte(`{"title": "Only a title"}`), 0, ErrEmpty},
		{"JSON text not a string", "num.json", []byte(`{"text": 12}`), 0, ErrMalformed},
		{"malformed feed", "bad.rss", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>cut`), 0, ErrMalformed},
		{"feed without entries", "none.rss", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>`), 0, ErrEmpty},
		{"HTML without text", "blank.html", []byte(`<html><head><title></title><script>var x = 1;</script></head><body><nav><a href="/">Home</a></nav></body></html>`), 0, ErrEmpty},
		{"SGML without elements", "none.sgm", []byte("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"), 0, ErrMalformed},
		{"SGML cut off", "cut.sgm", []byte("<REUTERS NEWID=\"1\">\n<DATE>26-FEB-1987</DATE><TEXT><TITLE>X</TITLE><BODY>Text"), 0, ErrMalformed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := write(tc.file, tc.data)
			items := readAll(t, New(Options{MaxBytes: tc.maxSize}), p)
			var errs []error
			for _, it := range items {
				if it.Err != nil {
					errs = append(errs, it.Err)
				}
			}
			if len(errs) == 0 {
				t.Fatalf("no error; items: %+v", items)
			}
			err := errs[len(errs)-1]
			if !errors.Is(err, tc.want) {
				t.Errorf("error %q, want %v", err, tc.want)
			}
			if !strings.HasPrefix(err.Error(), p) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q does not name the item on one line", err)
			}
		})
	}
}

func TestSavedPageAsText(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "page.txt")
	os.WriteFile(page, []byte("<!DOCTYPE html><html><head><title>Saved page</title></head><body><p>The mayor opened the new bridge on Friday morning.</p></body></html>"), 0o644)
	prose := filepath.Join(dir, "note.txt")
	os.WriteFile(prose, []byte("Use <p> for paragraphs\n\nThe guide explains <div> too."), 0o644)
	items := readAll(t, New(Options{FastHTML: true}), page, prose)
	if len(items) != 2 || items[0].Err != nil || items[1].Err != nil {
		t.Fatalf("items: %+v", items)
	}
	if items[0].Article.Format != article.FormatHTML || items[1].Article.Format != article.FormatText {
		t.Errorf("formats %q %q", items[0].Article.Format, items[1].Article.Format)
	}
}

func TestTruncatedHTMLKeepsText(t *testing.T) {
	p := filepath.Join(t.TempDir(), "cut.html")
	os.WriteFile(p, []byte(`<html><head><title>Road closed after crash</title></head><body><article><p>Police closed the coast road after a crash on Monday morning, and traffic was diverted thro`), 0o644)
	items := readAll(t, New(Options{FastHTML: true}), p)
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("items = %+v", items)
	}
	a := items[0].Article
	if a.Title != "Road closed after crash" || !strings.Contains(a.Text, "traffic was diverted thro") {
		t.Errorf("title %q text %q", a.Title, a.Text)
	}
}

func TestEncodingRepair(t *testing.T) {
	p := filepath.Join(t.TempDir(), "latin1.txt")
	os.WriteFile(p, []byte("Caf\xe9 owners protest\n\nOwners of caf\xe9s in S\xe3o Paulo marched on Tuesday \x96 peacefully.\n"), 0o644)
	items := readAll(t, New(Options{}), p)
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("items = %+v", items)
	}
	a := items[0].Article
	if a.Title != "Café owners protest" || !strings.Contains(a.Text, "São Paulo marched on Tuesday – peacefully.") {
		t.Errorf("title %q text %q", a.Title, a.Text)
	}
	if string(a.Raw) != string([]byte("Caf\xe9 owners protest\n\nOwners of caf\xe9s in S\xe3o Paulo marched on Tuesday \x96 peacefully.\n")) {
		t.Errorf("raw bytes not kept verbatim")
	}
	// Mostly UTF-8 with a stray byte: the stray byte becomes U+FFFD, the
	// rest stays as it is.
	got, err := toUTF8([]byte("Zürich – Genève \xff ok"))
	if err != nil || got != "Zürich – Genève \uFFFD ok" {
		t.Errorf("toUTF8 = %q, %v", got, err)
	}
}

func TestItemsKeepTheirOwnBytes(t *testing.T) {
	items := readAll(t, New(Options{}), "testdata/articles/lines.jsonl", "testdata/articles/sample.sgm", "testdata/articles/wire.rss", "testdata/articles/many.json")
	for _, it := range items {
		if it.Err != nil {
			continue
		}
		a := it.Article
		raw := string(a.Raw)
		var ok bool
		switch a.Format {
		case article.FormatJSON:
			ok = strings.HasPrefix(raw, "{") && strings.HasSuffix(raw, "}") && !strings.Contains(raw, "\n{")
		case article.FormatReuters:
			ok = strings.HasPrefix(raw, "<REUTERS") && strings.HasSuffix(raw, "</REUTERS>")
		case article.FormatFeed:
			ok = strings.HasPrefix(raw, "<item") && strings.HasSuffix(raw, "</item>")
		}
		if !ok {
			t.Errorf("%s: raw %q is not the item's own bytes", a.Origin, raw)
		}
		if !strings.Contains(a.Origin, "#") {
			t.Errorf("%s: multi-item origin without #n", a.Origin)
		}
	}
}

func TestJSONLBadLineGoesOn(t *testing.T) {
	items := readAll(t, New(Options{}), "testdata/articles/lines.jsonl")
	var got []string
	for _, it := range items {
		if it.Err != nil {
			got = append(got, "err:"+it.Err.(*Error).Origin)
		} else {
			got = append(got, "ok:"+it.Article.Origin)
		}
	}
	want := []string{"ok:testdata/articles/lines.jsonl#1", "err:testdata/articles/lines.jsonl#2", "ok:testdata/articles/lines.jsonl#4", "err:testdata/articles/lines.jsonl#5"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("items (-want +got):\n%s", d)
	}
}

func TestFoldersGlobsAndMissing(t *testing.T) {
	dir := t.TempDir()
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "sub", ".git"), 0o755))
	must(os.WriteFile(filepath.Join(dir, "a.txt"), []byte("First story\n\nBody one."), 0o644))
	must(os.WriteFile(filepath.Join(dir, "sub", "b.md"), []byte("# Second story\n\nBody two."), 0o644))
	must(os.WriteFile(filepath.Join(dir, ".hidden.txt"), []byte("Hidden\n\nNo."), 0o644))
	must(os.WriteFile(filepath.Join(dir, "sub", ".git", "c.txt"), []byte("Git\n\nNo."), 0o644))
	must(os.WriteFile(filepath.Join(dir, "logo.png"), []byte("\x89PNG\x00"), 0o644))
	titles := func(items []Item) []string {
		var out []string
		for _, it := range items {
			if it.Err != nil {
				out = append(out, "error")
				continue
			}
			out = append(out, it.Article.Title)
		}
		return out
	}
	if d := cmp.Diff([]string{"First story", "Second story"}, titles(readAll(t, New(Options{}), dir))); d != "" {
		t.Errorf("folder (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"First story"}, titles(readAll(t, New(Options{}), filepath.Join(dir, "*.txt")))); d != "" {
		t.Errorf("glob (-want +got):\n%s", d)
	}
	items := readAll(t, New(Options{}), filepath.Join(dir, "nope.txt"), filepath.Join(dir, "*.none"), filepath.Join(dir, "a.txt"))
	if len(items) != 3 || !errors.Is(items[0].Err, ErrNotFound) || !errors.Is(items[1].Err, ErrNotFound) || items[2].Err != nil {
		t.Errorf("missing inputs: %+v", items)
	}
}

func TestReadStdinAndBytes(t *testing.T) {
	r := New(Options{})
	var items []Item
	for it := range r.ReadStdin(context.Background(), "stdin", strings.NewReader(`{"title": "Piped", "text": "From a pipe."}`+"\n"+`{"text": "Second line."}`)) {
		items = append(items, it)
	}
	if len(items) != 2 || items[0].Err != nil || items[0].Article.Origin != "stdin#1" || items[0].Article.Title != "Piped" {
		t.Errorf("stdin items: %+v", items)
	}
	items = readAll(t, New(Options{Stdin: strings.NewReader("Dash input\n\nRead from stdin.")}), "-")
	if len(items) != 1 || items[0].Err != nil || items[0].Article.Origin != "stdin" || items[0].Article.Title != "Dash input" {
		t.Errorf("\"-\" items: %+v", items)
	}
	items = nil
	for it := range r.ReadBytes(context.Background(), "upload", "note.txt", "", []byte("date 2021-06-14 Uploaded note\n\nIt works.")) {
		items = append(items, it)
	}
	if len(items) != 1 || items[0].Err != nil || !items[0].Article.Published.Equal(time.Date(2021, 6, 14, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("bytes items: %+v", items)
	}
}

func TestURLs(t *testing.T) {
	page, _ := os.ReadFile("testdata/articles/page.html")
	feed, _ := os.ReadFile("testdata/articles/wire.rss")
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/story", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/feed.php", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(feed)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) { w.Write(bytes.Repeat([]byte("<p>word</p>"), 1000)) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	closed := httptest.NewServer(mux)
	closedURL := closed.URL
	closed.Close()

	r := New(Options{Timeout: 200 * time.Millisecond, MaxBytes: 8000, FastHTML: true})
	items := readAll(t, r, srv.URL+"/old", srv.URL+"/feed.php", srv.URL+"/missing", srv.URL+"/slow", closedURL+"/x", srv.URL+"/big")
	if len(items) != 8 {
		t.Fatalf("got %d items: %+v", len(items), items)
	}
	if a := items[0].Article; a == nil || a.Title != "Rescue teams reach villages cut off by landslide" || a.Format != article.FormatHTML || a.Origin != srv.URL+"/old" {
		t.Errorf("page item: %+v", items[0])
	}
	for i := 1; i <= 2; i++ {
		if a := items[i].Article; a == nil || a.Format != article.FormatFeed {
			t.Errorf("feed item %d: %+v", i, items[i])
		}
	}
	if !errors.Is(items[3].Err, ErrEmpty) {
		t.Errorf("empty feed entry: %v", items[3].Err)
	}
	for i, want := range map[int]error{4: ErrFetch, 5: ErrFetch, 6: ErrFetch, 7: ErrTooLarge} {
		if !errors.Is(items[i].Err, want) {
			t.Errorf("item %d: %v, want %v", i, items[i].Err, want)
		}
	}
}

func TestContextCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var items []Item
	for it := range New(Options{}).Read(ctx, []string{"testdata/articles"}) {
		items = append(items, it)
	}
	if len(items) != 1 || !errors.Is(items[0].Err, context.Canceled) {
		t.Errorf("items after cancel: %+v", items)
	}
}

func TestSniff(t *testing.T) {
	tests := map[string]inputFormat{
		"<!DOCTYPE html><html>":                           formatHTML,
		"<?xml version=\"1.0\"?>\n<rss>":                  formatFeed,
		"<feed xmlns=\"http://www.w3.org/2005/Atom\">":    formatFeed,
		"<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS": formatReuters,
		`{"a": 1}` + "\n" + `{"a": 2}`:                    formatJSONL,
		`{"a": 1}`:                                        formatJSON,
		`{"version": "https://jsonfeed.org/version/1.1"}`: formatFeed,
		"[1, 2]":    formatJSON,
		"Just text": formatUnknown,
	}
	for in, want := range tests {
		if got := sniff([]byte(in)); got != want {
			t.Errorf("sniff(%q) = %v, want %v", in, got, want)
		}
	}
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"title": "T", "text": "Body."}` + "\n" + `{"text": 1}` + "\n\n" + `{bad`))
	f.Add([]byte("{\"text\": \"caf\xe9\"}\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := New(Options{})
		r.readJSONL("fuzz", data, func(it Item) bool {
			if it.Article != nil {
				checkArticle(t, it.Article)
				if !bytes.Contains(data, it.Article.Raw) {
					t.Fatalf("raw bytes are not from the input")
				}
			} else if it.Err == nil {
				t.Fatalf("item with neither article nor error")
			}
			return true
		})
	})
}

func FuzzReuters(f *testing.F) {
	if data, err := os.ReadFile("testdata/articles/sample.sgm"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("<REUTERS><DATE>1-JAN-1987</DATE><TEXT><TITLE>&lt;X&gt; &#1</TITLE><BODY>&#3;</BODY></TEXT></REUTERS>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ReadReuters("fuzz", data, func(it Item) bool {
			if it.Article != nil {
				checkArticle(t, it.Article)
				if !bytes.Contains(data, it.Article.Raw) {
					t.Fatalf("raw bytes are not from the input")
				}
			} else if it.Err == nil {
				t.Fatalf("item with neither article nor error")
			}
			return true
		})
	})
}

func TestFetchedTextGetsURL(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("date 2021-06-14 Plain story\n\nServed as text."))
	}))
	defer srv.Close()
	items := readAll(t, New(Options{}), srv.URL+"/note")
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("items: %+v", items)
	}
	if a := items[0].Article; a.URL != srv.URL+"/note" || a.Format != article.FormatText || a.Title != "Plain story" {
		t.Errorf("article: url %q format %q title %q", a.URL, a.Format, a.Title)
	}
}

func TestHTMLCharsets(t *testing.T) {
	dir := t.TempDir()
	body := "<p>Le caf\xe9 du port a rouvert ses portes mardi apr\xe8s des travaux qui ont dur\xe9 six mois, a annonc\xe9 la mairie.</p>"
	declared := filepath.Join(dir, "declared.html")
	os.WriteFile(declared, []byte(`<html><head><meta charset="windows-1252"><title>Caf`+"\xe9"+` rouvert</title></head><body><article>`+body+`</article></body></html>`), 0o644)
	undeclared := filepath.Join(dir, "undeclared.html")
	os.WriteFile(undeclared, []byte(`<html><head><title>Caf`+"\xe9"+` rouvert</title></head><body><article>`+body+`</article></body></html>`), 0o644)
	for _, it := range readAll(t, New(Options{FastHTML: true}), declared, undeclared) {
		if it.Err != nil {
			t.Errorf("%v", it.Err)
			continue
		}
		if a := it.Article; !strings.Contains(a.Text, "Le café du port a rouvert") || a.Title != "Café rouvert" {
			t.Errorf("%s: title %q text %q", a.Origin, a.Title, a.Text)
		}
	}
}

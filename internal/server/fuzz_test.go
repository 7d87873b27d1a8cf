package server

import (
	"io"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/dossier-news/dossier/internal/article"
)

// FuzzRenderText renders arbitrary text with arbitrary (often overlapping
// or out-of-range) annotation spans: it must not panic, must escape every
// tag of the text, and must produce balanced markup.
func FuzzRenderText(f *testing.F) {
	f.Add("Talks open in Doha on Monday, \"we agree\" she said.", 0, 5, 3, 12, 20, 40, true)
	f.Add("<script>alert(1)</script> text", 0, 8, 0, 30, 5, 9, false)
	f.Add("é\u00a0ü ☃ <b>", 1, 2, 0, 3, 2, 5, true)
	f.Add("", 0, 0, 0, 0, 0, 0, false)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d, e, g int, opinion bool) {
		if !utf8.ValidString(text) {
			return // Article.Text is always valid UTF-8
		}
		n := len(text)
		clip := func(x int) int {
			if n == 0 {
				return 0
			}
			if x < 0 {
				x = -x
			}
			return x % (n + 1)
		}
		// snap to rune starts, as real spans are
		snap := func(x int) int {
			x = clip(x)
			for x > 0 && x < n && !utf8.RuneStart(text[x]) {
				x--
			}
			return x
		}
		s1, e1, s2, e2, s3, e3 := snap(a), snap(b), snap(c), snap(d), snap(e), snap(g)
		art := &article.Article{Text: text, Structure: article.Structure{Blocks: []article.Block{
			{Kind: article.BlockParagraph, Span: article.Span{Start: 0, End: n}, Content: article.Span{Start: 0, End: n}, Opinion: opinion}}}}
		an := &article.Analysis{
			Sentences: []article.Span{{Start: min(s1, e1), End: max(s1, e1)}, {Start: max(s1, e1), End: n}},
			Mentions:  []article.Mention{{Span: article.Span{Start: s2, End: e2}, Type: "PER", Entity: 0}, {Span: article.Span{Start: s3, End: e3}, Type: `"x`, Entity: 5}},
			Entities:  []article.Entity{{Key: "person:<x>", Name: "<x>", Type: "PER"}},
			Quotes:    []article.Quote{{Content: article.Span{Start: min(s2, e3), End: max(s2, e3)}, SpeakerName: "<q>"}},
			Timexes:   []article.Timex{{Span: article.Span{Start: s3, End: e1}, Type: "DATE", Value: "<v>"}},
		}
		out := string(renderText(art, an))
		var depth int
		z := html.NewTokenizer(strings.NewReader(out))
		var texts strings.Builder
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				if z.Err() != io.EOF {
					t.Fatal(z.Err())
				}
				break
			}
			tok := z.Token()
			switch tt {
			case html.StartTagToken:
				depth++
				switch tok.Data {
				case "p", "span", "a", "q", "ul", "li", "h2", "h3":
				default:
					t.Fatalf("unexpected element <%s> in %q", tok.Data, out)
				}
			case html.EndTagToken:
				depth--
			case html.TextToken:
				texts.WriteString(tok.Data)
			}
			if depth < 0 {
				t.Fatalf("unbalanced markup: %q", out)
			}
		}
		if depth != 0 {
			t.Fatalf("unbalanced markup (%d open): %q", depth, out)
		}
		// every character of the paragraph's text comes back, in order (as
		// an HTML parser reads it: NUL becomes U+FFFD, CR LF becomes LF)
		want := strings.NewReplacer("\r\n", "\n", "\r", "\n", "\x00", "\ufffd").Replace(text)
		if got := texts.String(); got != want {
			t.Fatalf("text changed:\n got %q\nwant %q", got, want)
		}
	})
}

// FuzzPaging parses arbitrary limit and cursor parameters: an error or a
// sane page, never a panic or a negative offset.
func FuzzPaging(f *testing.F) {
	f.Add("50", cursorAt(100))
	f.Add("-1", "!!")
	f.Add("99999999999999999999", "bzotMQ")
	f.Fuzz(func(t *testing.T, limit, cursor string) {
		q := url.Values{"limit": {limit}, "cursor": {cursor}}
		l, o, err := paging(q)
		if err == nil && (l < 1 || l > 500 || o < 0) {
			t.Fatalf("paging(%q, %q) = %d, %d", limit, cursor, l, o)
		}
	})
}

// FuzzArticleObjects splits arbitrary ingest bodies: an error or at least
// one object, never a panic.
func FuzzArticleObjects(f *testing.F) {
	f.Add([]byte(`{"title": "a", "text": "b"}`))
	f.Add([]byte(`[{"text": "a"}, {"text": "b"}]`))
	f.Add([]byte(`{"articles": []}`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, body []byte) {
		objs, err := articleObjects(body)
		if err == nil && len(objs) == 0 {
			t.Fatalf("no objects and no error for %q", body)
		}
	})
}

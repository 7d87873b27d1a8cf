package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/dossier-news/dossier/internal/article"
)

// hostile is article text written to break out of every context the pages
// put text in: element content, attributes, URLs, the JSON data attributes.
const hostile = `<script>alert("title")</script> "onmouseover="alert(1)
<img src=x onerror=alert(2)> and <a href="javascript:alert(3)">click</a>
'><svg onload=alert(4)> ]]></script><script>alert(5)</script> javascript:alert(6)
{"x":"</div><script>alert(7)</script>"}`

// TestUntrustedTextNeverExecutes ingests articles full of markup and checks
// that no rendered page holds a script of any origin but ours, an event
// handler attribute, or a javascript: URL.
func TestUntrustedTextNeverExecutes(t *testing.T) {
	f := newFixture(t, "")
	arts := []map[string]string{
		{"title": `<script>alert("t")</script>Talks <b onclick="x()">open</b>`, "source": `<img src=x onerror=alert(1)>`,
			"url": "javascript:alert(1)", "author": `"><script>alert(9)</script>`, "published": "2026-03-09T10:00:00Z",
			"text": "Talks open\n\nThe talks opened in Doha on Monday, Tomas Reinholt said. \"" + hostile + "\" he said.\n\n" + hostile},
		{"title": "Second <iframe src=javascript:alert(1)>", "source": "javascript:alert(2)", "published": "2026-03-10T10:00:00Z",
			"text": "Second\n\nTalks in Doha continued on Tuesday. " + hostile},
	}
	body, _ := json.Marshal(map[string]any{"articles": arts})
	w := f.do(t, "POST", "/api/v1/articles", bytes.NewReader(body), "Content-Type", "application/json")
	if w.Code != 200 {
		t.Fatalf("ingest: %d %s", w.Code, w.Body)
	}
	// An HTML upload too: the extractor keeps text, the page must escape it.
	up := "<html><head><title>x</title></head><body><article><h1>Doha talks &lt;script&gt;alert(1)&lt;/script&gt;</h1><p>Talks opened in Doha on Monday &lt;img src=x onerror=alert(1)&gt; as the envoy said.</p><p>More &lt;a href=&quot;javascript:alert(1)&quot;&gt;text&lt;/a&gt; about the talks in Doha that opened on Monday.</p></article></body></html>"
	w = f.do(t, "POST", "/api/v1/articles", strings.NewReader(`[{"title":"third","text":`+jsonString(up)+`}]`), "Content-Type", "application/json")
	if w.Code != 200 {
		t.Fatalf("ingest html: %d %s", w.Code, w.Body)
	}
	// Hand-written analysis spans over the hostile text, so the highlighter's
	// mention, quote and timex markup is exercised too.
	ctx := context.Background()
	a, err := f.store.Article(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(a.Text, "<script>")
	an := &article.Analysis{Version: "t", Sentences: []article.Span{{Start: 0, End: len(a.Text)}},
		Mentions: []article.Mention{{Span: article.Span{Start: i, End: i + 20}, Text: "x", Type: `PER"><script>`, Entity: 0}},
		Entities: []article.Entity{{Key: `per:"><script>alert(1)</script>`, Name: `<script>alert(1)</script>`, Type: `PER`, Mentions: []int{0}}},
		Quotes:   []article.Quote{{Content: article.Span{Start: i, End: i + 30}, SpeakerEntity: 0, SpeakerName: `<b onclick=x>`}},
		Timexes:  []article.Timex{{Span: article.Span{Start: i + 2, End: i + 9}, Type: "DATE", Value: `"><script>`}}}
	if err := f.store.PutAnalysis(ctx, 1, an); err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.srv.opts.Engine.Cluster(ctx); err != nil {
		t.Fatal(err)
	}
	pages := []string{"/", "/articles/1", "/articles/2", "/articles/3", "/search?q=talks", "/search?q=script", "/entities",
		"/entities/" + url.PathEscape(`per:"><script>alert(1)</script>`), "/feeds", "/ingest", "/stories/1", "/stories/2", "/nope/<script>"}
	for _, p := range pages {
		w := f.do(t, "GET", p, nil)
		if w.Code >= 500 {
			t.Errorf("GET %s: %d", p, w.Code)
		}
		for _, bad := range executable(t, w.Body) {
			t.Errorf("GET %s: %s", p, bad)
		}
	}
	// The ingest form's result lists titles too.
	var mp bytes.Buffer
	mp.WriteString("--B\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n<script>alert(1)</script> headline\n\nBody <img src=x onerror=alert(1)> text about talks.\r\n--B--\r\n")
	w = f.do(t, "POST", "/ingest", &mp, "Content-Type", "multipart/form-data; boundary=B")
	for _, bad := range executable(t, w.Body) {
		t.Errorf("POST /ingest: %s", bad)
	}
}

func jsonString(s string) string { b, _ := json.Marshal(s); return string(b) }

// executable lists what in the page could run code that is not ours.
func executable(t *testing.T, r io.Reader) []string {
	t.Helper()
	var bad []string
	z := html.NewTokenizer(r)
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				bad = append(bad, "tokenizer: "+z.Err().Error())
			}
			return bad
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		for _, a := range tok.Attr {
			k := strings.ToLower(a.Key)
			v := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			if strings.HasPrefix(k, "on") {
				bad = append(bad, "event handler attribute "+k+" on <"+tok.Data+">")
			}
			if (k == "href" || k == "src" || k == "action" || k == "formaction" || k == "xlink:href") && strings.HasPrefix(v, "javascript:") {
				bad = append(bad, "javascript: URL in "+k)
			}
			if k == "srcdoc" {
				bad = append(bad, "srcdoc attribute")
			}
		}
		switch tok.Data {
		case "script":
			src := ""
			for _, a := range tok.Attr {
				if a.Key == "src" {
					src = a.Val
				}
			}
			if !strings.HasPrefix(src, "/static/") {
				bad = append(bad, "script not from /static/: "+src)
			}
		case "iframe", "object", "embed", "svg", "img", "base", "meta":
			if tok.Data == "meta" && len(tok.Attr) > 0 && (tok.Attr[0].Key == "charset" || tok.Attr[0].Val == "viewport") {
				continue
			}
			bad = append(bad, "unexpected <"+tok.Data+">")
		}
	}
}

// TestExecutableFinds checks the checker: each of these must be caught.
func TestExecutableFinds(t *testing.T) {
	for _, page := range []string{
		`<p>x<script>alert(1)</script></p>`,
		`<p onclick="x()">x</p>`,
		`<a href=" JavaScript:alert(1)">x</a>`,
		`<img src=x>`,
		`<script src="https://cdn.example/x.js"></script>`,
		`<iframe srcdoc="x"></iframe>`,
	} {
		if got := executable(t, strings.NewReader(page)); len(got) == 0 {
			t.Errorf("not caught: %s", page)
		}
	}
	if got := executable(t, strings.NewReader(`<p class="x">&lt;script&gt;</p><script src="/static/app.js"></script>`)); len(got) != 0 {
		t.Errorf("false alarm: %v", got)
	}
}

package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/store"

	"github.com/dossier-news/dossier/internal/demo"
	"github.com/dossier-news/dossier/internal/engine"
	"github.com/dossier-news/dossier/internal/pipeline"
	"github.com/dossier-news/dossier/internal/store/sqlite"
)

// defaultPipeline is loaded once per test binary (the event coder's
// dictionaries take a moment).
var defaultPipeline = sync.OnceValues(func() (*pipeline.Pipeline, error) { return engine.DefaultPipeline() })

type fixture struct {
	srv   *Server
	store *sqlite.Store
	h     http.Handler
}

func newFixture(t testing.TB, token string) *fixture {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p, err := defaultPipeline()
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(Options{Store: st, Engine: &engine.Engine{Store: st, Pipeline: p}, Token: token})
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{srv: srv, store: st, h: srv.Handler()}
}

func (f *fixture) do(t testing.TB, method, target string, body io.Reader, hdr ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	f.h.ServeHTTP(w, req)
	return w
}

// ingestDemo uploads the example corpus through the multipart API.
func (f *fixture) ingestDemo(t testing.TB) ingestReport {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	c := demo.Corpus()
	names, _ := fs.Glob(c, "*")
	for _, n := range names {
		data, _ := fs.ReadFile(c, n)
		fw, _ := mw.CreateFormFile("files", n)
		fw.Write(data)
	}
	mw.Close()
	w := f.do(t, "POST", "/api/v1/articles", &buf, "Content-Type", mw.FormDataContentType())
	if w.Code != 200 {
		t.Fatalf("ingest: %d %s", w.Code, w.Body)
	}
	var rep ingestReport
	if err := json.Unmarshal(w.Body.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	return rep
}

func decode[T any](t testing.TB, w *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatalf("decoding %q: %v", w.Body.String(), err)
	}
	return v
}

func TestIngestDemoAndBrowse(t *testing.T) {
	f := newFixture(t, "")
	rep := f.ingestDemo(t)
	if rep.New < 7 || rep.Failed != 0 || rep.Stories < 1 {
		t.Fatalf("report: %+v", rep)
	}
	again := f.ingestDemo(t)
	if again.New != 0 || again.Unchanged != rep.New {
		t.Errorf("second upload: %+v", again)
	}
	stories := decode[page[map[string]any]](t, f.do(t, "GET", "/api/v1/stories", nil))
	if len(stories.Items) == 0 {
		t.Fatal("no stories")
	}
	id := int64(stories.Items[0]["id"].(float64))
	for _, path := range []string{
		"/", "/stories/" + itoa(id), "/articles/1", "/entities", "/search?q=ceasefire", "/ingest", "/feeds",
		"/api/v1/stories/" + itoa(id) + "/dossier", "/api/v1/articles/1", "/api/v1/quotes", "/api/v1/events", "/api/v1/storylines",
	} {
		w := f.do(t, "GET", path, nil)
		if w.Code != 200 {
			t.Errorf("GET %s: %d %s", path, w.Code, w.Body.String()[:min(300, w.Body.Len())])
		}
	}
	d := decode[dossier](t, f.do(t, "GET", "/api/v1/stories/"+itoa(id)+"/dossier", nil))
	if len(d.Articles) == 0 || len(d.Summary) == 0 {
		t.Errorf("dossier without articles or summary: %+v", d)
	}
	for _, l := range d.Summary {
		for _, c := range l.Citations {
			a, err := f.store.Article(context.Background(), c.Article)
			if err != nil || c.Span.Of(a.Text) == "" || !strings.Contains(a.Text, c.Text) {
				t.Errorf("citation %+v does not point into article %d", c, c.Article)
			}
		}
	}
	sr := decode[searchResult](t, f.do(t, "GET", "/api/v1/search?q=ceasefire", nil))
	if len(sr.Hits) == 0 || len(sr.Facets.Sources) == 0 || len(sr.Facets.Months) == 0 {
		t.Errorf("search: %+v", sr)
	}
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// seedEntities stores three articles whose analyses name people, so the
// entity views are tested whatever the default pipeline's tagger finds.
func seedEntities(t testing.TB, f *fixture) {
	t.Helper()
	ctx := context.Background()
	people := [][]string{{"per:ada vance", "per:bo lind"}, {"per:ada vance", "per:cy moss"}, {"per:ada vance", "per:bo lind", "per:di roe"}}
	for i, keys := range people {
		text := "Talks resumed on Monday. \"We are close,\" said Ada Vance."
		a := &article.Article{Raw: []byte(text + strconv.Itoa(i)), Origin: "test", Format: article.FormatText, Title: "Talks " + strconv.Itoa(i),
			Source: "Wire", Published: time.Date(2026, 3, 9+i, 0, 0, 0, 0, time.UTC), Text: text,
			Structure: article.Structure{Blocks: []article.Block{{Kind: article.BlockParagraph, Span: article.Span{End: len(text)}, Content: article.Span{End: len(text)}, Section: -1}}}}
		if _, err := f.store.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		an := &article.Analysis{Version: "seed", Sentences: []article.Span{{Start: 0, End: 24}, {Start: 25, End: len(text)}}}
		for j, k := range keys {
			name := strings.Title(strings.TrimPrefix(k, "per:"))
			an.Mentions = append(an.Mentions, article.Mention{Span: article.Span{Start: 45, End: 54}, Text: name, Type: "PER", Kind: "name", Entity: j,
				Role: &article.Role{Title: "envoy", Span: article.Span{Start: 45, End: 54}}})
			an.Entities = append(an.Entities, article.Entity{Key: k, Name: name, Type: "PER", Mentions: []int{j}, Roles: []article.Role{{Title: "envoy"}}})
		}
		an.Quotes = []article.Quote{{Content: article.Span{Start: 26, End: 38}, SpeakerEntity: 0, SpeakerName: "Ada Vance", Direct: true}}
		if err := f.store.PutAnalysis(ctx, a.ID, an); err != nil {
			t.Fatal(err)
		}
	}
}

func TestEntitiesPagingAndPages(t *testing.T) {
	f := newFixture(t, "")
	seedEntities(t, f)
	ents := decode[page[store.EntityCount]](t, f.do(t, "GET", "/api/v1/entities?limit=2", nil))
	if len(ents.Items) != 2 || ents.NextCursor == "" || ents.Items[0].Key != "per:ada vance" || ents.Items[0].Articles != 3 {
		t.Fatalf("first page: %+v", ents)
	}
	next := decode[page[store.EntityCount]](t, f.do(t, "GET", "/api/v1/entities?limit=2&cursor="+ents.NextCursor, nil))
	if len(next.Items) != 2 || next.Items[0].Key == ents.Items[0].Key || next.Items[0].Key == ents.Items[1].Key || next.NextCursor != "" {
		t.Errorf("second page: %+v", next)
	}
	d := decode[entityDetail](t, f.do(t, "GET", "/api/v1/entities/"+url.PathEscape("per:ada vance"), nil))
	if len(d.Articles) != 3 || len(d.Quotes) != 3 || len(d.Roles) != 3 || len(d.CoOccurs) != 3 || d.CoOccurs[0].Key != "per:bo lind" {
		t.Errorf("entity detail: %+v", d)
	}
	if w := f.do(t, "GET", "/entities/"+url.PathEscape("per:ada vance"), nil); w.Code != 200 || !strings.Contains(w.Body.String(), "Bo Lind") {
		t.Errorf("entity page: %d", w.Code)
	}
	if w := f.do(t, "GET", "/api/v1/entities/nobody", nil); w.Code != 404 {
		t.Errorf("unknown entity: %d", w.Code)
	}
	qs := decode[map[string][]quoteView](t, f.do(t, "GET", "/api/v1/quotes?entity="+url.QueryEscape("per:ada vance"), nil))
	if len(qs["items"]) != 3 || qs["items"][0].Text != `We are close` {
		t.Errorf("quotes of an entity: %+v", qs)
	}
	sr := decode[searchResult](t, f.do(t, "GET", "/api/v1/search?q=talks&entity="+url.QueryEscape("per:cy moss"), nil))
	if len(sr.Hits) != 1 || len(sr.Facets.Entities) == 0 {
		t.Errorf("search filtered by entity: %+v", sr)
	}
}

package server

import (
	"bytes"
	"crypto/subtle"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-news/dossier/internal/store"
)

//go:embed ui/templates/*.html
var templateFS embed.FS

//go:embed ui/static
var staticFS embed.FS

// pages holds one parsed template set per page (each with the layout).
type pages struct {
	byName map[string]*template.Template
}

func pathEscape(s string) string { return url.PathEscape(s) }

var funcs = template.FuncMap{
	"day": dayOf,
	"span": func(first, last time.Time) string {
		a, b := dayOf(first), dayOf(last)
		switch {
		case a == "" && b == "":
			return "undated"
		case a == b || b == "":
			return a
		}
		return a + " – " + b
	},
	"join": strings.Join,
	// Story entity lists hold entity keys ("per:tomas reinholt"); a word
	// without a type prefix is a term, searched rather than looked up.
	"isKey": func(k string) bool { return strings.Contains(k, ":") },
	"keyName": func(k string) string {
		_, name, _ := strings.Cut(k, ":")
		return name
	},
	"pathesc": pathEscape,
	"cite": func(c citation) string {
		return fmt.Sprintf("/articles/%d#s=%d-%d", c.Article, c.Span.Start, c.Span.End)
	},
	"quoteURL": func(article int64, start, end int) string {
		return fmt.Sprintf("/articles/%d#s=%d-%d", article, start, end)
	},
	"json": func(v any) (string, error) {
		b, err := json.Marshal(v)
		return string(b), err
	},
	"snippet": snippetHTML,
	"pct":     func(f float64) string { return strconv.Itoa(int(f*100+0.5)) + "%" },
	"add":     func(a, b int) int { return a + b },
	"sourceIndex": func(srcs []string, i int) string {
		if i < len(srcs) {
			return srcs[i]
		}
		return ""
	},
	"query": func(base url.Values, kv ...string) string {
		q := url.Values{}
		for k, v := range base {
			q[k] = v
		}
		for i := 0; i+1 < len(kv); i += 2 {
			if kv[i+1] == "" {
				q.Del(kv[i])
			} else {
				q.Set(kv[i], kv[i+1])
			}
		}
		return "/search?" + q.Encode()
	},
}

func loadPages() (*pages, error) {
	p := &pages{byName: map[string]*template.Template{}}
	names, err := fs.Glob(templateFS, "ui/templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "ui/templates/"), ".html")
		if base == "layout" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "ui/templates/layout.html", n)
		if err != nil {
			return nil, fmt.Errorf("parsing %s: %w", n, err)
		}
		p.byName[base] = t
	}
	return p, nil
}

// view is what every page template gets.
type view struct {
	Title  string
	Nav    string
	Query  string
	Data   any
	Params url.Values
}

// render executes a page into a buffer first, so a template error becomes
// a clean 500 instead of half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, v view) {
	t := s.pages.byName[name]
	if t == nil {
		s.fail(w, r, fmt.Errorf("no template %q", name))
		return
	}
	var buf bytes.Buffer
	tmpl := "layout.html"
	if r.Header.Get("HX-Request") == "true" && t.Lookup("fragment") != nil {
		tmpl = "fragment"
	}
	if err := t.ExecuteTemplate(&buf, tmpl, v); err != nil {
		s.fail(w, r, fmt.Errorf("rendering %s: %w", name, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func (s *Server) renderError(w http.ResponseWriter, r *http.Request, status int, msg, id string) {
	s.render(w, r, status, "error", view{Title: http.StatusText(status), Data: map[string]any{"Status": status, "Message": msg, "ID": id}})
}

// uiFail answers a page request with an HTML error page.
func (s *Server) uiFail(w http.ResponseWriter, r *http.Request, err error) {
	id := requestID(r.Context())
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.log.Info("not found", "id", id, "path", r.URL.Path, "err", err)
		s.renderError(w, r, http.StatusNotFound, "Not found: "+err.Error(), id)
	case errors.Is(err, errBadRequest):
		s.renderError(w, r, http.StatusBadRequest, err.Error(), id)
	default:
		s.log.Error("page", "id", id, "path", r.URL.Path, "err", err)
		s.metrics.errors.Add(1)
		s.renderError(w, r, http.StatusInternalServerError, "Something went wrong; the server log has the details under this id.", id)
	}
}

func (s *Server) registerUI() {
	static, _ := fs.Sub(staticFS, "ui/static")
	fileServer := http.FileServerFS(static)
	s.handle("GET /static/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		http.StripPrefix("/static/", fileServer).ServeHTTP(w, r)
	})
	s.handle("GET /{$}", s.pageStories)
	s.handle("GET /stories/{id}", s.pageStory)
	s.handle("GET /articles/{id}", s.pageArticle)
	s.handle("GET /entities", s.pageEntities)
	s.handle("GET /entities/{key}", s.pageEntity)
	s.handle("GET /search", s.pageSearch)
	s.handle("GET /ingest", s.pageIngest)
	s.handle("POST /ingest", s.pageIngestPost)
	s.handle("GET /feeds", s.pageFeeds)
	s.handle("POST /feeds", s.pageFeedsPost)
	s.handle("GET /login", func(w http.ResponseWriter, r *http.Request) {
		s.render(w, r, http.StatusOK, "login", view{Title: "Sign in"})
	})
	s.handle("POST /login", s.pageLogin)
	s.handle("/", func(w http.ResponseWriter, r *http.Request) {
		s.renderError(w, r, http.StatusNotFound, "No page at "+r.URL.Path, requestID(r.Context()))
	})
}

func (s *Server) pageStories(w http.ResponseWriter, r *http.Request) {
	limit, offset, err := paging(r.URL.Query())
	if err != nil {
		s.uiFail(w, r, err)
		return
	}
	list, total, err := s.opts.Store.StoriesPage(r.Context(), limit, offset)
	if err != nil {
		s.uiFail(w, r, err)
		return
	}
	p := page[store.Story]{Items: list}
	if offset+len(list) < total {
		p.NextCursor = cursorAt(offset + len(list))
	}
	s.render(w, r, http.StatusOK, "stories", view{Title: "Stories", Nav: "stories", Data: map[string]any{"Page": p, "Total": total}})
}

func (s *Server) pageStory(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.uiFail(w, r, err)
		return
	}
	d, err := s.dossier(r.Context(), id)
	if err != nil {
		s.uiFail(w, r, err)
		return
	}
	type item struct {
		ID      int    `json:"id"`
		Content string `json:"content"`
		Start   string `json:"start"`
		Title   string `json:"title"`
		Href    string `json:"href"`
	}
	items := []item{}
	for i, e := range d.Timeline {
		it := item{ID: i, Content: e.Date, Start: e.Start, Title: e.Description}
		if len(e.Citations) > 0 {
			c := e.Citations[0]
			it.Href = fmt.Sprintf("/articles/%d#s=%d-%d", c.Article, c.Span.Start, c.Span.End)
			it.Content = truncateRunes(e.Description, 60)
		}
		items = append(items, it)
	}
	s.render(w, r, http.StatusOK, "story", view{Title: d.Headline, Nav: "stories", Data: map[string]any{"D": d, "Items": items}})
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func (s *Server) pageArticle(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.uiFail(w, r, err)
		return
	}
	d, err := s.loadArticle(r, id)
	if err != nil {
		s.uiFail(w, r, err)
		return
	}
	data := map[string]any{"A": d.Article, "An": d.Analysis, "Story": d.Story, "Body": renderText(d.Article, d.Analysis)}
	if d.Analysis != nil {
		type ent struct {
			Key, Name, Type string
			Mentions        int
		}
		var ents []ent
		for _, e := range d.Analysis.Entities {
			ents = append(ents, ent{e.Key, e.Name, e.Type, len(e.Mentions)})
		}
		data["Entities"] = ents
		qs, err := s.quotes(r.Context(), selector{article: id}, 100)
		if err != nil {
			s.uiFail(w, r, err)
			return
		}
		data["Quotes"] = qs
	}
	s.render(w, r, http.StatusOK, "article", view{Title: d.Article.Title, Data: data})
}

func (s *Server) pageEntities(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit, offset, err := paging(q)
	if err != nil {
		s.uiFail(w, r, err)
		return
	}
	list, err := s.opts.Store.Entities(r.Context(), store.EntityFilter{Prefix: q.Get("prefix"), Type: q.Get("type"), Limit: limit + 1, Offset: offset})
	if err != nil {
		s.uiFail(w, r, err)
		return
	}
	next := ""
	if len(list) > limit {
		list = list[:limit]
		nq := url.Values{"prefix": {q.Get("prefix")}, "type": {q.Get("type")}, "cursor": {cursorAt(offset + limit)}}
		next = "/entities?" + nq.Encode()
	}
	s.render(w, r, http.StatusOK, "entities", view{Title: "Entities", Nav: "entities", Params: q, Data: map[string]any{"List": list, "Next": next, "Types": []string{"PER", "ORG", "GPE", "LOC", "MISC"}}})
}

func (s *Server) pageEntity(w http.ResponseWriter, r *http.Request) {
	d, err := s.entity(r.Context(), r.PathValue("key"))
	if err != nil {
		s.uiFail(w, r, err)
		return
	}
	type node struct {
		ID     string `json:"id"`
		Label  string `json:"label"`
		Type   string `json:"type"`
		Weight int    `json:"weight"`
		Href   string `json:"href"`
	}
	type edge struct {
		Source string `json:"source"`
		Target string `json:"target"`
		Weight int    `json:"weight"`
	}
	graph := map[string]any{}
	nodes := []node{{ID: d.Key, Label: d.Name, Type: d.Type, Weight: len(d.Articles), Href: "/entities/" + pathEscape(d.Key)}}
	var edges []edge
	for _, c := range d.CoOccurs {
		nodes = append(nodes, node{ID: c.Key, Label: c.Name, Type: c.Type, Weight: c.Articles, Href: "/entities/" + pathEscape(c.Key)})
		edges = append(edges, edge{Source: d.Key, Target: c.Key, Weight: c.Articles})
	}
	graph["nodes"], graph["edges"] = nodes, edges
	s.render(w, r, http.StatusOK, "entity", view{Title: d.Name, Nav: "entities", Data: map[string]any{"E": d, "Graph": graph}})
}

func (s *Server) pageSearch(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	v := view{Title: "Search", Nav: "search", Query: q.Get("q"), Params: q}
	if strings.TrimSpace(q.Get("q")) == "" {
		s.render(w, r, http.StatusOK, "search", v)
		return
	}
	res, err := s.search(r, q)
	if err != nil {
		if errors.Is(err, errBadRequest) {
			v.Data = map[string]any{"Error": err.Error()}
			s.render(w, r, http.StatusBadRequest, "search", v)
			return
		}
		s.uiFail(w, r, err)
		return
	}
	v.Title = "Search: " + res.Query
	v.Data = map[string]any{"R": res}
	s.render(w, r, http.StatusOK, "search", v)
}

func (s *Server) pageIngest(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "ingest", view{Title: "Add articles", Nav: "ingest"})
}

func (s *Server) pageIngestPost(w http.ResponseWriter, r *http.Request) {
	v := view{Title: "Add articles", Nav: "ingest"}
	if s.opts.Engine == nil {
		v.Data = map[string]any{"Error": errReadOnly.Error()}
		s.render(w, r, http.StatusServiceUnavailable, "ingest", v)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxUpload)
	items, err := s.uploadItems(r)
	if err != nil {
		v.Data = map[string]any{"Error": err.Error()}
		s.render(w, r, http.StatusBadRequest, "ingest", v)
		return
	}
	rep, err := s.Ingest(r.Context(), items)
	if err != nil {
		s.uiFail(w, r, err)
		return
	}
	v.Data = map[string]any{"Report": rep}
	s.render(w, r, http.StatusOK, "ingest", v)
}

func (s *Server) pageFeeds(w http.ResponseWriter, r *http.Request) {
	s.feedsPage(w, r, http.StatusOK, "")
}

func (s *Server) feedsPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	fs, err := s.opts.Store.Feeds(r.Context())
	if err != nil {
		s.uiFail(w, r, err)
		return
	}
	s.render(w, r, status, "feeds", view{Title: "Feeds", Nav: "feeds", Data: map[string]any{"Feeds": fs, "Message": msg, "Now": s.opts.Now()}})
}

func (s *Server) pageFeedsPost(w http.ResponseWriter, r *http.Request) {
	u := strings.TrimSpace(r.FormValue("url"))
	if err := checkFeedURL(u); err != nil {
		s.feedsPage(w, r, http.StatusBadRequest, "Not added: "+err.Error())
		return
	}
	_, created, err := s.opts.Store.PutFeed(r.Context(), u)
	if err != nil {
		s.uiFail(w, r, err)
		return
	}
	msg := "Subscribed to " + u + "; it is polled in the background."
	if !created {
		msg = "Already subscribed to " + u + "."
	}
	s.feedsPage(w, r, http.StatusOK, msg)
}

// pageLogin checks the token typed into the sign-in form and keeps it in a
// cookie (HttpOnly, SameSite=Strict: pages of other sites cannot use it).
func (s *Server) pageLogin(w http.ResponseWriter, r *http.Request) {
	tok := r.FormValue("token")
	if s.opts.Token == "" || subtle.ConstantTimeCompare([]byte(tok), []byte(s.opts.Token)) != 1 {
		s.render(w, r, http.StatusUnauthorized, "login", view{Title: "Sign in", Data: map[string]any{"Error": "That token is not right."}})
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "dossier_token", Value: tok, Path: "/", HttpOnly: true, Secure: r.TLS != nil,
		SameSite: http.SameSiteStrictMode, MaxAge: 30 * 24 * 3600})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

package server

import (
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/store"
)

// errBadRequest marks a client error in a parameter.
var errBadRequest = errors.New("bad request")

func badParam(name, why string) error { return fmt.Errorf("%w: %s: %s", errBadRequest, name, why) }

// page is one page of a list.
type page[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor,omitempty"`
}

// paging reads limit and cursor. The cursor is opaque to clients; it holds
// the offset of the next page.
func paging(q url.Values) (limit, offset int, err error) {
	limit = 50
	if v := q.Get("limit"); v != "" {
		limit, err = strconv.Atoi(v)
		if err != nil || limit < 1 {
			return 0, 0, badParam("limit", "want a positive integer")
		}
		limit = min(limit, 500)
	}
	if c := q.Get("cursor"); c != "" {
		b, err := base64.RawURLEncoding.DecodeString(c)
		if err != nil {
			return 0, 0, badParam("cursor", "not a cursor from this API")
		}
		v, ok := strings.CutPrefix(string(b), "o:")
		if offset, err = strconv.Atoi(v); !ok || err != nil || offset < 0 {
			return 0, 0, badParam("cursor", "not a cursor from this API")
		}
	}
	return limit, offset, nil
}

func cursorAt(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("o:" + strconv.Itoa(offset)))
}

// pageOf cuts one page out of a fully loaded list.
func pageOf[T any](all []T, limit, offset int) page[T] {
	p := page[T]{Items: []T{}}
	if offset < len(all) {
		end := min(offset+limit, len(all))
		p.Items = all[offset:end]
		if end < len(all) {
			p.NextCursor = cursorAt(end)
		}
	}
	return p
}

func parseDate(name, v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02", time.RFC3339} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, nil
		}
	}
	return time.Time{}, badParam(name, "want YYYY-MM-DD or RFC 3339")
}

func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return 0, badParam("id", "want a positive integer")
	}
	return id, nil
}

func queryID(q url.Values, name string) (int64, error) {
	v := q.Get(name)
	if v == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id < 1 {
		return 0, badParam(name, "want a positive integer")
	}
	return id, nil
}

// failOrBad answers 400 for parameter errors, else as fail.
func (s *Server) failOrBad(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, errBadRequest) {
		s.writeError(w, r, http.StatusBadRequest, "bad_request", err.Error())
		return
	}
	s.fail(w, r, err)
}

func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) {
	st, err := s.opts.Store.Stats(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

func articleFilter(q url.Values) (store.Filter, error) {
	f := store.Filter{Source: q.Get("source")}
	var err error
	if f.From, err = parseDate("from", q.Get("from")); err != nil {
		return f, err
	}
	if f.To, err = parseDate("to", q.Get("to")); err != nil {
		return f, err
	}
	return f, nil
}

func (s *Server) apiArticles(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := articleFilter(q)
	if err != nil {
		s.failOrBad(w, r, err)
		return
	}
	limit, offset, err := paging(q)
	if err != nil {
		s.failOrBad(w, r, err)
		return
	}
	f.Limit, f.Offset = limit+1, offset
	list, err := s.opts.Store.Articles(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := page[*article.Article]{Items: list}
	if len(list) > limit {
		p.Items, p.NextCursor = list[:limit], cursorAt(offset+limit)
	}
	if p.Items == nil {
		p.Items = []*article.Article{}
	}
	writeJSON(w, http.StatusOK, p)
}

// articleDetail is an article with its analysis and story membership.
type articleDetail struct {
	Article  *article.Article  `json:"article"`
	Analysis *article.Analysis `json:"analysis"`
	Story    *store.Member     `json:"story,omitempty"`
}

func (s *Server) loadArticle(r *http.Request, id int64) (*articleDetail, error) {
	ctx := r.Context()
	a, err := s.opts.Store.Article(ctx, id)
	if err != nil {
		return nil, err
	}
	d := &articleDetail{Article: a}
	if an, err := s.opts.Store.Analysis(ctx, id); err == nil {
		d.Analysis = an
	} else if !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	if m, err := s.opts.Store.StoryOf(ctx, id); err == nil {
		d.Story = &m
	} else if !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	return d, nil
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.failOrBad(w, r, err)
		return
	}
	d, err := s.loadArticle(r, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, d)
}

func (s *Server) apiArticleRaw(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.failOrBad(w, r, err)
		return
	}
	a, err := s.opts.Store.Article(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// Never let a browser render stored HTML as a page of ours.
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="article-%d.raw"`, id))
	w.Write(a.Raw)
}

// searchResult is a page of hits with facets.
type searchResult struct {
	Query  string      `json:"query"`
	Hits   []store.Hit `json:"hits"`
	Total  int         `json:"total"` // hits considered for the facets (at most 200)
	Facets facets      `json:"facets"`
}

type facets struct {
	Sources  []store.Count       `json:"sources"`
	Months   []store.Count       `json:"months"`
	Entities []store.EntityCount `json:"entities"`
}

func (s *Server) search(r *http.Request, q url.Values) (*searchResult, error) {
	text := strings.TrimSpace(q.Get("q"))
	if text == "" {
		return nil, badParam("q", "a query is required")
	}
	from, err := parseDate("from", q.Get("from"))
	if err != nil {
		return nil, err
	}
	to, err := parseDate("to", q.Get("to"))
	if err != nil {
		return nil, err
	}
	limit, _, err := paging(q)
	if err != nil {
		return nil, err
	}
	ctx := r.Context()
	hits, err := s.opts.Store.Search(ctx, store.Query{Text: text, Source: q.Get("source"), From: from, To: to, Limit: 200})
	if err != nil {
		// FTS syntax errors are the user's: report them as such.
		if strings.Contains(err.Error(), "fts5") || strings.Contains(err.Error(), "syntax") {
			return nil, badParam("q", "the query cannot be parsed")
		}
		return nil, err
	}
	if key := q.Get("entity"); key != "" {
		ids, err := s.opts.Store.EntityArticles(ctx, key, 0)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return nil, err
		}
		in := make(map[int64]bool, len(ids))
		for _, id := range ids {
			in[id] = true
		}
		kept := hits[:0]
		for _, h := range hits {
			if in[h.ID] {
				kept = append(kept, h)
			}
		}
		hits = kept
	}
	res := &searchResult{Query: text, Total: len(hits), Hits: []store.Hit{}}
	bySource, byMonth := map[string]int{}, map[string]int{}
	ids := make([]int64, 0, len(hits))
	for _, h := range hits {
		bySource[h.Source]++
		m := "undated"
		if !h.Published.IsZero() {
			m = h.Published.Format("2006-01")
		}
		byMonth[m]++
		ids = append(ids, h.ID)
	}
	res.Facets.Sources = counts(bySource, false)
	res.Facets.Months = counts(byMonth, true)
	if res.Facets.Entities, err = s.opts.Store.EntityFacets(ctx, ids, 15); err != nil {
		return nil, err
	}
	if res.Facets.Entities == nil {
		res.Facets.Entities = []store.EntityCount{}
	}
	if len(hits) > limit {
		hits = hits[:limit]
	}
	res.Hits = append(res.Hits, hits...)
	return res, nil
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	res, err := s.search(r, r.URL.Query())
	if err != nil {
		s.failOrBad(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) {
	limit, offset, err := paging(r.URL.Query())
	if err != nil {
		s.failOrBad(w, r, err)
		return
	}
	list, total, err := s.opts.Store.StoriesPage(r.Context(), limit, offset)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := page[store.Story]{Items: nonNil(list)}
	if offset+len(list) < total {
		p.NextCursor = cursorAt(offset + len(list))
	}
	writeJSON(w, http.StatusOK, p)
}

// storyDetail is a story with its member articles.
type storyDetail struct {
	Story   store.Story    `json:"story"`
	Members []memberDetail `json:"members"`
}

type memberDetail struct {
	store.Member
	Title     string    `json:"title"`
	Source    string    `json:"source"`
	Published time.Time `json:"published,omitzero"`
	URL       string    `json:"url,omitempty"`
}

func (s *Server) loadStory(r *http.Request, id int64) (*storyDetail, error) {
	st, ms, err := s.opts.Store.Story(r.Context(), id)
	if err != nil {
		return nil, err
	}
	d := &storyDetail{Story: st, Members: []memberDetail{}}
	if len(ms) == 0 {
		return d, nil
	}
	ids := make([]int64, len(ms))
	for i, m := range ms {
		ids[i] = m.ArticleID
	}
	list, err := s.opts.Store.Articles(r.Context(), store.Filter{IDs: ids})
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*article.Article, len(list))
	for _, a := range list {
		byID[a.ID] = a
	}
	for _, m := range ms {
		md := memberDetail{Member: m}
		if a := byID[m.ArticleID]; a != nil {
			md.Title, md.Source, md.Published, md.URL = a.Title, a.Source, a.Published, a.URL
		}
		d.Members = append(d.Members, md)
	}
	return d, nil
}

func (s *Server) apiStory(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.failOrBad(w, r, err)
		return
	}
	d, err := s.loadStory(r, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, d)
}

func (s *Server) apiDossier(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.failOrBad(w, r, err)
		return
	}
	d, err := s.dossier(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, d)
}

// apiStorylines pages like apiStories: at a million articles the whole
// list with its links is some 150 MB.
func (s *Server) apiStorylines(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit, offset, err := paging(q)
	if err != nil {
		s.failOrBad(w, r, err)
		return
	}
	var minStories int
	if v := q.Get("min_stories"); v != "" {
		if minStories, err = strconv.Atoi(v); err != nil || minStories < 0 {
			s.failOrBad(w, r, badParam("min_stories", "want a non-negative integer"))
			return
		}
	}
	list, total, err := s.opts.Store.StorylinesPage(r.Context(), store.StorylineFilter{Limit: limit, Offset: offset, MinStories: minStories})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := page[store.Storyline]{Items: nonNil(list)}
	if offset+len(list) < total {
		p.NextCursor = cursorAt(offset + len(list))
	}
	writeJSON(w, http.StatusOK, p)
}

func (s *Server) apiEntities(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit, offset, err := paging(q)
	if err != nil {
		s.failOrBad(w, r, err)
		return
	}
	list, err := s.opts.Store.Entities(r.Context(), store.EntityFilter{Prefix: q.Get("prefix"), Type: q.Get("type"), Limit: limit + 1, Offset: offset})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := page[store.EntityCount]{Items: list}
	if len(list) > limit {
		p.Items, p.NextCursor = list[:limit], cursorAt(offset+limit)
	}
	if p.Items == nil {
		p.Items = []store.EntityCount{}
	}
	writeJSON(w, http.StatusOK, p)
}

func (s *Server) apiEntity(w http.ResponseWriter, r *http.Request) {
	d, err := s.entity(r.Context(), r.PathValue("key"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, d)
}

func (s *Server) selection(r *http.Request) (sel selector, limit int, err error) {
	q := r.URL.Query()
	if sel.story, err = queryID(q, "story"); err != nil {
		return sel, 0, err
	}
	if sel.article, err = queryID(q, "article"); err != nil {
		return sel, 0, err
	}
	sel.entity = q.Get("entity")
	limit, _, err = paging(q)
	return sel, limit, err
}

func (s *Server) apiQuotes(w http.ResponseWriter, r *http.Request) {
	sel, limit, err := s.selection(r)
	if err != nil {
		s.failOrBad(w, r, err)
		return
	}
	qs, err := s.quotes(r.Context(), sel, limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": qs})
}

func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) {
	sel, limit, err := s.selection(r)
	if err != nil {
		s.failOrBad(w, r, err)
		return
	}
	evs, err := s.events(r.Context(), sel, limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": evs})
}

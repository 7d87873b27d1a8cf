package server

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/store"
)

// selector picks the articles a quotes or events listing reads: one story,
// one entity's articles, one article, or (all zero) the newest articles.
type selector struct {
	story   int64
	entity  string
	article int64
}

func (s *Server) selectIDs(ctx context.Context, sel selector) ([]int64, error) {
	switch {
	case sel.article != 0:
		return []int64{sel.article}, nil
	case sel.story != 0:
		_, ms, err := s.opts.Store.Story(ctx, sel.story)
		if err != nil {
			return nil, err
		}
		ids := make([]int64, len(ms))
		for i, m := range ms {
			ids[i] = m.ArticleID
		}
		return ids, nil
	case sel.entity != "":
		return s.opts.Store.EntityArticles(ctx, sel.entity, maxLoad)
	}
	list, err := s.opts.Store.Articles(ctx, store.Filter{Limit: 100})
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(list))
	for i, a := range list {
		ids[i] = a.ID
	}
	return ids, nil
}

// quoteView is one quote with its speaker and where it was said.
type quoteView struct {
	Text       string       `json:"text"`
	Speaker    string       `json:"speaker"`
	SpeakerKey string       `json:"speaker_key,omitempty"`
	Cue        string       `json:"cue,omitempty"`
	Direct     bool         `json:"direct"`
	Article    int64        `json:"article"`
	Title      string       `json:"title"`
	Source     string       `json:"source"`
	Published  time.Time    `json:"published,omitzero"`
	Span       article.Span `json:"span"`
}

func (s *Server) quotes(ctx context.Context, sel selector, limit int) ([]quoteView, error) {
	ids, err := s.selectIDs(ctx, sel)
	if err != nil {
		return nil, err
	}
	docs, err := s.loadAnalysed(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := []quoteView{}
	for _, x := range docs {
		if x.Analysis == nil {
			continue
		}
		for _, q := range x.Analysis.Quotes {
			if q.Scare {
				continue
			}
			v := quoteView{Text: strings.TrimSpace(q.Content.Of(x.Article.Text)), Speaker: q.SpeakerName, Cue: q.CueVerb, Direct: q.Direct,
				Article: x.Article.ID, Title: x.Article.Title, Source: sourceName(x.Article), Published: x.Article.Published, Span: q.Content}
			if q.SpeakerEntity >= 0 && q.SpeakerEntity < len(x.Analysis.Entities) {
				e := x.Analysis.Entities[q.SpeakerEntity]
				v.Speaker, v.SpeakerKey = e.Name, e.Key
			}
			// An entity selection lists what the entity said, not every quote near it.
			if sel.entity != "" && sel.story == 0 && sel.article == 0 && v.SpeakerKey != sel.entity {
				continue
			}
			out = append(out, v)
			if len(out) == limit {
				return out, nil
			}
		}
	}
	return out, nil
}

// eventView is one coded event with its citation.
type eventView struct {
	Article  int64    `json:"article"`
	Source   string   `json:"source"`
	Date     string   `json:"date,omitempty"`
	Plover   string   `json:"plover"`
	Cameo    string   `json:"cameo"`
	Code     string   `json:"code,omitempty"`
	Actor    string   `json:"actor"`
	ActorKey string   `json:"actor_key,omitempty"`
	Target   string   `json:"target,omitempty"`
	Trigger  string   `json:"trigger"`
	Negated  bool     `json:"negated,omitempty"`
	Citation citation `json:"citation"`
}

func eventOf(a *article.Article, ev article.Event) eventView {
	v := eventView{Article: a.ID, Source: sourceName(a), Date: ev.Date, Plover: ev.Plover, Cameo: ev.Cameo, Code: ev.Code,
		Actor: ev.Source.Text, Trigger: ev.Trigger.Of(a.Text), Negated: ev.Negated, Citation: cite(a, ev.Sentence)}
	if v.Date == "" {
		v.Date = dayOf(a.Published)
	}
	if ev.Target != nil {
		v.Target = ev.Target.Text
	}
	return v
}

func (s *Server) events(ctx context.Context, sel selector, limit int) ([]eventView, error) {
	ids, err := s.selectIDs(ctx, sel)
	if err != nil {
		return nil, err
	}
	docs, err := s.loadAnalysed(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := []eventView{}
	for _, x := range docs {
		if x.Analysis == nil {
			continue
		}
		for _, ev := range x.Analysis.Events {
			v := eventOf(x.Article, ev)
			if e := ev.Source.Entity; e >= 0 && e < len(x.Analysis.Entities) {
				v.ActorKey = x.Analysis.Entities[e].Key
			}
			out = append(out, v)
			if len(out) == limit {
				return out, nil
			}
		}
	}
	return out, nil
}

// entityDetail is everything the entity page shows.
type entityDetail struct {
	Key       string              `json:"key"`
	Name      string              `json:"name"`
	Type      string              `json:"type"`
	Articles  []articleRef        `json:"articles"`
	Stories   []store.Story       `json:"stories"`
	Roles     []roleSeen          `json:"roles"` // roles over time, oldest first
	Quotes    []quoteView         `json:"quotes"`
	CoOccurs  []store.EntityCount `json:"co_occurring"`
	Mentions  int                 `json:"mentions"`
	Truncated bool                `json:"truncated,omitempty"` // more articles than were read
}

// roleSeen is a title the entity was given in one article.
type roleSeen struct {
	Title   string `json:"title"`
	Status  string `json:"status,omitempty"`
	Country string `json:"country,omitempty"`
	Org     string `json:"org,omitempty"`
	Date    string `json:"date,omitempty"`
	Article int64  `json:"article"`
	Source  string `json:"source"`
}

func (s *Server) entity(ctx context.Context, key string) (*entityDetail, error) {
	ids, err := s.opts.Store.EntityArticles(ctx, key, maxLoad+1)
	if err != nil {
		return nil, err
	}
	d := &entityDetail{Key: key, Articles: []articleRef{}, Stories: []store.Story{}, Roles: []roleSeen{}, Quotes: []quoteView{}}
	if len(ids) > maxLoad {
		d.Truncated, ids = true, ids[:maxLoad]
	}
	docs, err := s.loadAnalysed(ctx, ids)
	if err != nil {
		return nil, err
	}
	storyIDs := map[int64]bool{}
	for _, x := range docs {
		a := x.Article
		d.Articles = append(d.Articles, articleRef{ID: a.ID, Title: a.Title, Source: sourceName(a), Published: dayOf(a.Published), URL: a.URL})
		if m, err := s.opts.Store.StoryOf(ctx, a.ID); err == nil {
			storyIDs[m.StoryID] = true
		} else if !errors.Is(err, store.ErrNotFound) {
			return nil, err
		}
		if x.Analysis == nil {
			continue
		}
		for ei, e := range x.Analysis.Entities {
			if e.Key != key {
				continue
			}
			d.Name, d.Type = e.Name, e.Type
			d.Mentions += len(e.Mentions)
			for _, r := range e.Roles {
				d.Roles = append(d.Roles, roleSeen{Title: r.Title, Status: r.Status, Country: r.Country, Org: r.Org,
					Date: dayOf(a.Published), Article: a.ID, Source: sourceName(a)})
			}
			for _, q := range x.Analysis.Quotes {
				if q.SpeakerEntity == ei && !q.Scare {
					d.Quotes = append(d.Quotes, quoteView{Text: strings.TrimSpace(q.Content.Of(a.Text)), Speaker: e.Name, SpeakerKey: key,
						Cue: q.CueVerb, Direct: q.Direct, Article: a.ID, Title: a.Title, Source: sourceName(a), Published: a.Published, Span: q.Content})
				}
			}
		}
	}
	slices.SortStableFunc(d.Roles, func(a, b roleSeen) int {
		return cmp.Or(strings.Compare(a.Date, b.Date), cmp.Compare(a.Article, b.Article))
	})
	if len(storyIDs) > 0 {
		all, err := s.opts.Store.Stories(ctx)
		if err != nil {
			return nil, err
		}
		for _, st := range all {
			if storyIDs[st.ID] {
				d.Stories = append(d.Stories, st)
			}
		}
	}
	co, err := s.opts.Store.EntityFacets(ctx, ids, 26)
	if err != nil {
		return nil, err
	}
	d.CoOccurs = []store.EntityCount{}
	for _, c := range co {
		if c.Key != key {
			d.CoOccurs = append(d.CoOccurs, c)
		}
	}
	if d.Name == "" {
		d.Name = key
	}
	return d, nil
}

// counts turns a tally into a list: by count (most first), or by name.
func counts(m map[string]int, byName bool) []store.Count {
	out := make([]store.Count, 0, len(m))
	for k, v := range m {
		out = append(out, store.Count{Name: k, Count: v})
	}
	slices.SortFunc(out, func(a, b store.Count) int {
		if byName {
			return strings.Compare(a.Name, b.Name)
		}
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Name, b.Name))
	})
	return out
}

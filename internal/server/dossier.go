package server

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/compose"
	"github.com/dossier-news/dossier/internal/store"
)

// dossier is the story page's model. Its JSON form is the contract of
// internal/compose (same field names), so the page renders a composed
// dossier and this server's fallback alike; the fallback fills the sections
// it can derive straight from the stored analyses (members, summary lead
// sentences, dated timeline, actors, quotes, coverage) and leaves positions
// and contradictions empty, which the page says.
type dossier struct {
	StoryID        int64           `json:"story_id"`
	Headline       string          `json:"headline"`
	First          string          `json:"first,omitempty"`
	Last           string          `json:"last,omitempty"`
	Articles       []articleRef    `json:"articles"`
	Summary        []summaryLine   `json:"summary"`
	Timeline       []timelineEntry `json:"timeline"`
	Actors         []actor         `json:"actors"`
	Positions      []position      `json:"positions"`
	Quotes         []speakerQuotes `json:"quotes"`
	Comparison     comparison      `json:"comparison"`
	Contradictions []contradiction `json:"contradictions"`
	Events         []eventView     `json:"events,omitempty"`
	// Composed is false when the dossier was derived by the server's
	// fallback rather than by internal/compose.
	Composed bool `json:"composed"`
}

// The sections are compose's own types: the fallback fills the same
// model the composer returns, so the page renders either.
type (
	articleRef    = compose.ArticleRef
	citation      = compose.Citation
	summaryLine   = compose.SummaryLine
	timelineEntry = compose.TimelineEntry
	actor         = compose.Actor
	actorRole     = compose.ActorRole
	position      = compose.Position
	speakerQuotes = compose.SpeakerQuotes
	quoteEntry    = compose.QuoteEntry
	comparison    = compose.Comparison
	coverageRow   = compose.CoverageRow
	uniqueFact    = compose.UniqueFact
	rewriteGroup  = compose.RewriteGroup
	opinionShare  = compose.OpinionShare
	contradiction = compose.Contradiction
	claim         = compose.Claim
)

// analysed is one stored article with its analysis (nil when none).
type analysed struct {
	Article  *article.Article
	Analysis *article.Analysis
	Member   store.Member
}

// maxLoad bounds how many articles one page or API answer loads whole.
const maxLoad = 200

func (s *Server) loadAnalysed(ctx context.Context, ids []int64) ([]analysed, error) {
	if len(ids) > maxLoad {
		ids = ids[:maxLoad]
	}
	out := make([]analysed, 0, len(ids))
	for _, id := range ids {
		a, err := s.opts.Store.Article(ctx, id)
		if err != nil {
			return nil, err
		}
		x := analysed{Article: a}
		if an, err := s.opts.Store.Analysis(ctx, id); err == nil {
			x.Analysis = an
		} else if !errors.Is(err, store.ErrNotFound) {
			return nil, err
		}
		out = append(out, x)
	}
	return out, nil
}

func sourceName(a *article.Article) string {
	if a.Source == "" {
		return "unknown"
	}
	return a.Source
}

func dayOf(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// sentenceAt returns the stored sentence span holding off, or the span itself.
func sentenceAt(an *article.Analysis, sp article.Span) article.Span {
	i, _ := slices.BinarySearchFunc(an.Sentences, sp.Start, func(s article.Span, off int) int {
		if s.End <= off {
			return -1
		}
		if s.Start > off {
			return 1
		}
		return 0
	})
	if i < len(an.Sentences) && an.Sentences[i].Start <= sp.Start && sp.Start < an.Sentences[i].End {
		return an.Sentences[i]
	}
	return sp
}

func cite(a *article.Article, sp article.Span) citation {
	return citation{Article: a.ID, Span: sp, Text: strings.TrimSpace(sp.Of(a.Text))}
}

// dossier builds the story's dossier with internal/compose, falling back to
// what the stored analyses give when composing fails.
func (s *Server) dossier(ctx context.Context, id int64) (*dossier, error) {
	st, ms, err := s.opts.Store.Story(ctx, id)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(ms))
	for i, m := range ms {
		ids[i] = m.ArticleID
	}
	docs, err := s.loadAnalysed(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i := range docs {
		docs[i].Member = ms[i]
	}
	byPublication(docs)
	d, err := composeDossier(ctx, st, docs)
	if err != nil {
		// A composer failure should not take the story page down: serve
		// what the stored analyses give, and say so in the log.
		s.log.Warn("compose failed; serving the fallback dossier", "story", id, "err", err)
		return fallbackDossier(st, docs), nil
	}
	d.Events = eventsOf(docs) // compose has no event section; the coded events come from the analyses
	return d, nil
}

// byPublication orders a story's articles by publication date, then ID.
func byPublication(docs []analysed) {
	slices.SortStableFunc(docs, func(a, b analysed) int {
		return cmp.Or(a.Article.Published.Compare(b.Article.Published), cmp.Compare(a.Article.ID, b.Article.ID))
	})
}

// eventsOf lists the coded events of the independent reports (copies add
// no new facts), in the order of docs.
func eventsOf(docs []analysed) []eventView {
	var out []eventView
	for _, x := range docs {
		if x.Analysis == nil || x.Member.Duplicate {
			continue
		}
		for _, ev := range x.Analysis.Events {
			out = append(out, eventOf(x.Article, ev))
		}
	}
	return out
}

// fallbackDossier derives what it can from the stored analyses alone.
func fallbackDossier(st store.Story, docs []analysed) *dossier {
	d := &dossier{StoryID: st.ID, Headline: st.Headline, First: dayOf(st.First), Last: dayOf(st.Last),
		Articles: []articleRef{}, Summary: []summaryLine{}, Timeline: []timelineEntry{}, Actors: []actor{},
		Positions: []position{}, Quotes: []speakerQuotes{}, Contradictions: []contradiction{}}
	d.Comparison = comparison{Sources: []string{}, Coverage: []coverageRow{}, Unique: []uniqueFact{}, Rewrites: []rewriteGroup{}, Opinion: []opinionShare{}}
	byPublication(docs)
	actors := map[string]*actor{}
	speakers := map[string]*speakerQuotes{}
	var speakerOrder []string
	timeline := map[string]*timelineEntry{}
	rewrites := map[int64]*rewriteGroup{}
	sources := map[string]bool{}
	opinion := map[string]*opinionShare{}
	for _, x := range docs {
		a, an := x.Article, x.Analysis
		src := sourceName(a)
		if !sources[src] {
			sources[src] = true
			d.Comparison.Sources = append(d.Comparison.Sources, src)
		}
		ref := articleRef{ID: a.ID, Title: a.Title, Source: src, Published: dayOf(a.Published), URL: a.URL, Duplicate: x.Member.Duplicate}
		if x.Member.Duplicate {
			ref.Canonical = x.Member.Canonical
			g := rewrites[x.Member.Canonical]
			if g == nil {
				g = &rewriteGroup{Canonical: x.Member.Canonical}
				rewrites[x.Member.Canonical] = g
			}
			g.Members = append(g.Members, a.ID)
			g.Kinds = append(g.Kinds, x.Member.Kind)
		}
		d.Articles = append(d.Articles, ref)
		op := opinion[src]
		if op == nil {
			op = &opinionShare{Source: src}
			opinion[src] = op
		}
		for _, b := range a.Structure.Body() {
			op.BodyBytes += b.Span.Len()
			if b.Opinion {
				op.OpinionBytes += b.Span.Len()
			}
		}
		if an == nil || x.Member.Duplicate {
			continue // copies add no new facts; their canonical report is cited
		}
		// Summary: the first body sentence after the headline of each independent report.
		if line, ok := leadSentence(a, an); ok {
			d.Summary = append(d.Summary, summaryLine{Text: line.Text, Citations: []citation{line}})
		}
		for _, e := range an.Entities {
			ac := actors[e.Key]
			if ac == nil {
				ac = &actor{Key: e.Key, Name: e.Name, Type: e.Type, BySource: map[string]int{}}
				actors[e.Key] = ac
			}
			ac.Mentions += len(e.Mentions)
			ac.BySource[src] += len(e.Mentions)
			for _, r := range e.Roles {
				if !slices.ContainsFunc(ac.Roles, func(o actorRole) bool { return o.Title == r.Title && o.Status == r.Status }) {
					ac.Roles = append(ac.Roles, actorRole{Title: r.Title, Country: r.Country, Org: r.Org, Status: r.Status, Article: a.ID})
				}
			}
		}
		for _, q := range an.Quotes {
			if q.Scare {
				continue
			}
			name, key := q.SpeakerName, ""
			if q.SpeakerEntity >= 0 && q.SpeakerEntity < len(an.Entities) {
				name, key = an.Entities[q.SpeakerEntity].Name, an.Entities[q.SpeakerEntity].Key
			}
			if name == "" {
				name = "unattributed"
			}
			id := cmp.Or(key, name)
			sq := speakers[id]
			if sq == nil {
				sq = &speakerQuotes{Speaker: name, Key: key}
				speakers[id] = sq
				speakerOrder = append(speakerOrder, id)
			}
			sq.Quotes = append(sq.Quotes, quoteEntry{Text: strings.TrimSpace(q.Content.Of(a.Text)), Direct: q.Direct, Article: a.ID, Source: src, Span: q.Content})
		}
		for _, tx := range an.Timexes {
			if tx.Type != "DATE" || !isCalendarDate(tx.Value) {
				continue
			}
			sent := sentenceAt(an, tx.Span)
			e := timeline[tx.Value]
			if e == nil {
				e = &timelineEntry{Date: tx.Value, Precision: precisionOf(tx.Value), Start: startOf(tx.Value), Description: strings.TrimSpace(sent.Of(a.Text))}
				timeline[tx.Value] = e
			}
			if !slices.Contains(e.Sources, src) {
				e.Sources = append(e.Sources, src)
			}
			if !slices.ContainsFunc(e.Citations, func(c citation) bool { return c.Article == a.ID && c.Span == sent }) {
				e.Citations = append(e.Citations, cite(a, sent))
			}
		}
	}
	d.Events = eventsOf(docs)
	for _, ac := range actors {
		d.Actors = append(d.Actors, *ac)
	}
	slices.SortFunc(d.Actors, func(a, b actor) int {
		return cmp.Or(cmp.Compare(b.Mentions, a.Mentions), strings.Compare(a.Name, b.Name))
	})
	if len(d.Actors) > 30 {
		d.Actors = d.Actors[:30]
	}
	for _, id := range speakerOrder {
		d.Quotes = append(d.Quotes, *speakers[id])
	}
	for _, e := range timeline {
		d.Timeline = append(d.Timeline, *e)
	}
	slices.SortFunc(d.Timeline, func(a, b timelineEntry) int {
		return cmp.Or(strings.Compare(a.Start, b.Start), strings.Compare(a.Date, b.Date))
	})
	for i, e := range d.Timeline {
		row := coverageRow{Entry: i, Date: e.Date, Reports: make([]int64, len(d.Comparison.Sources))}
		for _, c := range e.Citations {
			for j, src := range d.Comparison.Sources {
				if sourceOfArticle(d.Articles, c.Article) == src && row.Reports[j] == 0 {
					row.Reports[j] = c.Article
				}
			}
		}
		d.Comparison.Coverage = append(d.Comparison.Coverage, row)
		if len(e.Sources) == 1 && len(d.Comparison.Sources) > 1 {
			d.Comparison.Unique = append(d.Comparison.Unique, uniqueFact{Entry: i, Source: e.Sources[0]})
		}
	}
	for _, g := range rewrites {
		d.Comparison.Rewrites = append(d.Comparison.Rewrites, *g)
	}
	slices.SortFunc(d.Comparison.Rewrites, func(a, b rewriteGroup) int { return cmp.Compare(a.Canonical, b.Canonical) })
	for _, src := range d.Comparison.Sources {
		op := opinion[src]
		if op.BodyBytes > 0 {
			op.Share = float64(op.OpinionBytes) / float64(op.BodyBytes)
		}
		d.Comparison.Opinion = append(d.Comparison.Opinion, *op)
	}
	return d
}

func sourceOfArticle(refs []articleRef, id int64) string {
	for _, r := range refs {
		if r.ID == id {
			return r.Source
		}
	}
	return ""
}

// leadSentence is the first sentence of the first paragraph: in news
// writing, the lede that says what happened.
func leadSentence(a *article.Article, an *article.Analysis) (citation, bool) {
	for _, b := range a.Structure.Blocks {
		if b.Kind != article.BlockParagraph || b.Opinion {
			continue
		}
		sent := sentenceAt(an, article.Span{Start: b.Content.Start, End: b.Content.Start})
		if sent.Len() == 0 {
			sent = b.Content
		}
		return cite(a, sent), true
	}
	return citation{}, false
}

// isCalendarDate accepts TimeML values that name a day, week, month or year.
func isCalendarDate(v string) bool {
	if len(v) < 4 {
		return false
	}
	for _, c := range v[:4] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return !strings.ContainsAny(v, "XT")
}

func precisionOf(v string) string {
	switch {
	case len(v) == 10:
		return "day"
	case strings.Contains(v, "-W"):
		return "week"
	case len(v) == 7:
		return "month"
	case len(v) == 4:
		return "year"
	}
	return "approximate"
}

// startOf is the first day a TimeML date covers, for sorting and the chart.
func startOf(v string) string {
	switch {
	case len(v) >= 10:
		return v[:10]
	case strings.Contains(v, "-W"):
		var y, w int
		if _, err := fmt.Sscanf(v, "%4d-W%d", &y, &w); err == nil {
			t := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC) // ISO week 1 holds 4 January
			t = t.AddDate(0, 0, -int((t.Weekday()+6)%7)+7*(w-1))
			return t.Format("2006-01-02")
		}
	case len(v) == 7:
		return v + "-01"
	case len(v) >= 4:
		return v[:4] + "-01-01"
	}
	return v
}

package compose

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/quote"
	"github.com/dossier-news/dossier/internal/text"
	"github.com/dossier-news/dossier/internal/timex"
)

// doc is one source article prepared for composing: its text layer, its
// analysis (completed where an older pipeline left layers out) and per
// sentence the words and dates the parts of the dossier share.
type doc struct {
	id     int64
	a      *article.Article
	an     *article.Analysis
	member Member
	outlet string
	date   time.Time // the article's date (document creation time), zero when unknown
	sents  []sent
	entOf  []int // mention index -> entity index
}

// sent is one sentence of a source.
type sent struct {
	span    article.Span
	text    string
	opinion bool
	block   article.BlockKind
	terms   []string // content stems
	dates   []datedSpan
}

// datedSpan is a time expression inside a sentence that names a period.
type datedSpan struct {
	p    period
	span article.Span
	time bool // a time of day ("shortly before midnight"): its day is less sure
}

// Build composes the dossier of one story. It never modifies the input; an
// analysis lacking the time layer or quotes (stored by a pipeline without
// those stages) is completed on a copy.
func Build(ctx context.Context, in Input) (*Dossier, error) {
	offices := in.Offices
	if offices == nil {
		var err error
		if offices, err = BuiltinOffices(); err != nil {
			return nil, err
		}
	}
	docs := make([]*doc, 0, len(in.Sources))
	for i, s := range in.Sources {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if s.Article == nil {
			return nil, fmt.Errorf("source %d: no article", i)
		}
		d, err := prepare(s)
		if err != nil {
			return nil, fmt.Errorf("article %d: %w", s.Article.ID, err)
		}
		docs = append(docs, d)
	}
	// Chronological order of publication makes every list below read in the
	// order the story unfolded; ties keep article ID order.
	slices.SortStableFunc(docs, func(x, y *doc) int {
		if c := x.date.Compare(y.date); c != 0 {
			return c
		}
		return cmp.Compare(x.id, y.id)
	})

	ds := &Dossier{StoryID: in.StoryID, Headline: in.Headline}
	var first, last time.Time
	for _, d := range docs {
		ref := ArticleRef{ID: d.id, Title: d.a.Title, Source: d.outlet, Published: dayOf(d.date), URL: d.a.URL,
			Duplicate: d.member.Duplicate}
		if d.member.Duplicate {
			ref.Canonical = d.member.Canonical
		}
		ds.Articles = append(ds.Articles, ref)
		if !d.date.IsZero() {
			if first.IsZero() || d.date.Before(first) {
				first = d.date
			}
			if d.date.After(last) {
				last = d.date
			}
		}
	}
	ds.First, ds.Last = dayOf(first), dayOf(last)
	if ds.Headline == "" && len(docs) > 0 {
		ds.Headline = docs[0].a.Title
	}

	ds.Timeline = timeline(docs, first)
	nm := storyNames(docs)
	ds.Actors = actors(docs)
	if len(ds.Actors) == 0 {
		ds.Actors = actorsFromText(docs, nm)
	}
	ds.Quotes = quotes(docs, nm)
	ds.Positions = positions(docs, nm)
	ds.Comparison = compare(docs, ds.Timeline)
	ds.Contradictions = append(contradictions(docs), anachronisms(docs, offices)...)
	ds.Summary = summarise(docs)
	nonNil(ds)
	return ds, nil
}

// nonNil makes empty lists encode as [] rather than null, so clients need not
// tell the two apart.
func nonNil(ds *Dossier) {
	if ds.Articles == nil {
		ds.Articles = []ArticleRef{}
	}
	if ds.Summary == nil {
		ds.Summary = []SummaryLine{}
	}
	if ds.Timeline == nil {
		ds.Timeline = []TimelineEntry{}
	}
	if ds.Actors == nil {
		ds.Actors = []Actor{}
	}
	if ds.Positions == nil {
		ds.Positions = []Position{}
	}
	if ds.Quotes == nil {
		ds.Quotes = []SpeakerQuotes{}
	}
	if ds.Contradictions == nil {
		ds.Contradictions = []Contradiction{}
	}
	c := &ds.Comparison
	if c.Sources == nil {
		c.Sources = []string{}
	}
	if c.Coverage == nil {
		c.Coverage = []CoverageRow{}
	}
	if c.Unique == nil {
		c.Unique = []UniqueFact{}
	}
	if c.Rewrites == nil {
		c.Rewrites = []RewriteGroup{}
	}
	if c.Opinion == nil {
		c.Opinion = []OpinionShare{}
	}
}

// prepare builds the working form of one source.
func prepare(s Source) (*doc, error) {
	a := s.Article
	d := &doc{id: a.ID, a: a, member: s.Member, outlet: strings.TrimSpace(a.Source)}
	if d.outlet == "" {
		d.outlet = "unknown"
	}
	td := &article.Doc{Article: a}
	text.Analyse(td)
	var an article.Analysis
	if s.Analysis != nil {
		an = *s.Analysis
	}
	td.Analysis.Mentions, td.Analysis.Entities = an.Mentions, an.Entities
	td.Analysis.Events, td.Analysis.Quotes = an.Events, an.Quotes
	td.Analysis.Timexes, td.Analysis.DocDate = an.Timexes, an.DocDate
	if an.DocDate == nil && len(an.Timexes) == 0 {
		// Analyses from a pipeline without the timex stage: date them here,
		// the timeline cannot do without.
		if err := timex.NewStage().Analyse(td); err != nil {
			return nil, fmt.Errorf("dating: %w", err)
		}
	}
	if len(td.Analysis.Quotes) == 0 {
		td.Analysis.Quotes = quote.Extract(td)
	}
	d.an = &td.Analysis
	if dd := d.an.DocDate; dd != nil {
		if p, ok := parsePeriod(dd.Value, ""); ok && p.precision == PrecisionDay {
			d.date = p.start
		}
	}
	if d.date.IsZero() && a.HasDate() {
		y, m, dd := a.Published.UTC().Date()
		d.date = time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
	}
	d.entOf = make([]int, len(d.an.Mentions))
	for i := range d.entOf {
		d.entOf[i] = d.an.Mentions[i].Entity
	}

	d.sents = make([]sent, len(td.Sentences))
	for i, ts := range td.Sentences {
		st := sent{span: ts.Span, text: ts.Span.Of(a.Text)}
		if ts.Block >= 0 && ts.Block < len(a.Structure.Blocks) {
			b := a.Structure.Blocks[ts.Block]
			st.opinion, st.block = b.Opinion, b.Kind
		} else {
			st.opinion = a.Structure.IsOpinion(ts.Span.Start)
		}
		st.terms = contentStems(st.text)
		d.sents[i] = st
	}
	for _, x := range d.an.Timexes {
		if x.Type != "DATE" && x.Type != "TIME" {
			continue
		}
		p, ok := parsePeriod(x.Value, x.Mod)
		if !ok {
			continue
		}
		if anchorOnly(a.Text, x.Span.Start) {
			continue // "since January", "until Sunday": a bound, not an event then
		}
		if i := td.SentenceAt(x.Span.Start); i >= 0 {
			d.sents[i].dates = append(d.sents[i].dates, datedSpan{p: p, span: x.Span, time: x.Type == "TIME"})
		}
	}
	return d, nil
}

// body reports whether a sentence is running text or a key-fact bullet (not
// metadata, not a heading).
func (s *sent) body() bool {
	switch s.block {
	case article.BlockMeta, article.BlockHeading:
		return false
	}
	return true
}

func (d *doc) cite(s *sent) Citation {
	return Citation{Article: d.id, Span: s.span, Text: s.text}
}

// sentenceOf returns the index of the sentence holding offset off, -1 when none.
func (d *doc) sentenceOf(off int) int {
	lo, hi := 0, len(d.sents)
	for lo < hi {
		m := (lo + hi) / 2
		if d.sents[m].span.End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.sents) && d.sents[lo].span.Start <= off {
		return lo
	}
	return -1
}

// anchorOnly reports whether the word before offset off makes the time
// expression there a bound of a stretch of time rather than the date of an
// event.
func anchorOnly(txt string, off int) bool {
	before := strings.TrimRight(txt[:off], " ")
	i := strings.LastIndexAny(before, " \n\t(") + 1
	switch strings.ToLower(before[i:]) {
	case "since", "until", "till", "through":
		return true
	}
	return false
}

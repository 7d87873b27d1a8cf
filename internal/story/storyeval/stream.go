package storyeval

import (
	"math/rand/v2"
	"strings"
	"time"
)

// StoryStream generates an endless stream of articles with known stories
// from Reuters originals, for throughput and memory benchmarks: each story
// starts from an original and gets reworded versions (paragraph swaps, a
// fifth to a third of the sentences dropped, 10% of the words replaced) and
// some near-copies over one to four days, at a fixed number of articles a
// day. Originals are reused cyclically; a reuse lands far outside the
// clusterer's window. It holds only the open stories, so memory does not
// grow with the stream.
type StoryStream struct {
	r        *rand.Rand
	origs    []ReutersDoc
	vocab    []string
	next     int // next original
	id       int64
	story    int64
	now      time.Time
	step     time.Duration
	open     []openStory
	meanSize float64
}

type openStory struct {
	id    int64
	orig  int
	first int64 // article ID of the story's first article
	until time.Time
}

// NewStoryStream returns a stream of perDay articles a day whose stories
// have meanSize articles on average.
func NewStoryStream(origs []ReutersDoc, perDay int, meanSize float64, seed uint64) *StoryStream {
	if perDay <= 0 {
		perDay = 1000
	}
	if meanSize < 1 {
		meanSize = 1
	}
	return &StoryStream{
		r:        rand.New(rand.NewPCG(seed, seed^0x8CB92BA72F3D8DD7)),
		origs:    origs,
		vocab:    vocabulary(origs),
		now:      time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
		step:     24 * time.Hour / time.Duration(perDay),
		meanSize: meanSize,
	}
}

// Next returns the next article.
func (g *StoryStream) Next() SynthArticle {
	g.id++
	g.now = g.now.Add(g.step)
	// close stories past their end
	kept := g.open[:0]
	for _, s := range g.open {
		if s.until.After(g.now) {
			kept = append(kept, s)
		}
	}
	g.open = kept
	if len(g.open) == 0 || g.r.Float64() < 1/g.meanSize {
		g.story++
		o := g.next % len(g.origs)
		g.next++
		dur := time.Duration(1+g.r.IntN(4)) * 24 * time.Hour
		g.open = append(g.open, openStory{id: g.story, orig: o, first: g.id, until: g.now.Add(dur)})
		d := g.origs[o]
		return SynthArticle{ID: g.id, Title: d.Title, Text: dateline(g.now) + d.Body, Published: g.now,
			Source: synthSources[0], Original: g.id, Story: g.story}
	}
	s := g.open[g.r.IntN(len(g.open))]
	d := g.origs[s.orig]
	a := SynthArticle{ID: g.id, Published: g.now, Story: s.id, Source: synthSources[1+g.r.IntN(len(synthSources)-1)]}
	if g.r.Float64() < 0.2 {
		c := editCopy(g.r, d, DefaultEdits(), g.vocab)
		a.Title, a.Text, a.Original = c.Title, dateline(g.now)+c.Text[len(dateline(c.Published)):], s.first
		return a
	}
	paras := strings.Split(d.Body, "\n\n")
	if len(paras) > 1 {
		i, j := g.r.IntN(len(paras)), g.r.IntN(len(paras))
		paras[i], paras[j] = paras[j], paras[i]
	}
	var sents []string
	for _, p := range paras {
		sents = append(sents, sentences(p)...)
	}
	drop := 0.2 + g.r.Float64()*0.13
	var kept2 []string
	for _, s := range sents {
		if g.r.Float64() >= drop {
			kept2 = append(kept2, s)
		}
	}
	if len(kept2) == 0 && len(sents) > 0 {
		kept2 = sents[:1]
	}
	body := substitute(g.r, []string{strings.Join(kept2, " ")}, 0.10, g.vocab)[0]
	a.Title, a.Text, a.Original = d.Title, dateline(g.now)+body, a.ID
	return a
}

// Package quote owns reported speech: it finds direct quotes (in straight,
// curly or typewriter quotation marks, across sentences and continued
// paragraphs), partial and scare quotes, and indirect speech ("X said the
// talks had failed", "according to X, …"), and attributes each to a speaker
// through its cue verb, position patterns, titles and pronouns. Beyond
// speech it reports the stances that attribution corpora annotate ("Trump
// openly admires Putin", "Graham has been critical of Trump") at a lower
// confidence (agentiveConfidence), so consumers can keep to words. It fills
// article.Analysis.Quotes and is the pipeline stage named "quote".
//
// The stage is rule-based on purpose: attribution in news follows a small set
// of conventions ("…," X said; X said: "…"; …, according to X), and rules keep
// every decision explainable in the dossier that cites the quote.
package quote

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/text"
)

// Stage is the quote extractor as a pipeline stage. It holds no state, so one
// value serves any number of goroutines.
type Stage struct{}

// New returns the quote stage.
func New() Stage { return Stage{} }

// Name implements pipeline.Stage.
func (Stage) Name() string { return "quote" }

// Analyse implements pipeline.Stage: it replaces doc.Analysis.Quotes with the
// quotes of the article. A panic in the rules is turned into an error so one
// odd article cannot take down a batch.
func (Stage) Analyse(doc *article.Doc) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("quote: internal error: %v", r)
		}
	}()
	if doc == nil || doc.Article == nil {
		return nil
	}
	doc.Analysis.Quotes = Extract(doc)
	return nil
}

// Extract returns the quotes of one document in text order. It reads the
// text layer's sentences when present (and splits sentences itself
// otherwise) and the mentions and entities of the entity stage when present
// (and falls back to a capitalised-name heuristic otherwise).
func Extract(doc *article.Doc) []article.Quote {
	text := doc.Article.Text
	x := &extractor{doc: doc, text: text, usedCue: map[int]bool{}}
	x.toks = tokenize(text, 0, len(text))
	x.paras = paragraphs(text)
	x.sentences = sentenceSpans(doc)
	x.direct(Scan(text))
	x.labels()
	x.colonBlocks()
	x.indirect()
	x.agentive()
	x.nominal()
	x.dropNestedStances()
	x.trimDatelines()
	sort.SliceStable(x.quotes, func(i, j int) bool { return x.quotes[i].Content.Start < x.quotes[j].Content.Start })
	x.resolve()
	return x.quotes
}

// trimDatelines starts reported content after a wire dateline: in "DOHA,
// March 9 (Wire) - The government agreed …, the minister said" the place,
// date and outlet are the agency's, not the speaker's.
func (x *extractor) trimDatelines() {
	for i := range x.quotes {
		q := &x.quotes[i]
		if q.Direct {
			continue
		}
		for _, s := range x.sentences {
			if q.Content.Start < s.Start || q.Content.Start >= s.End {
				continue
			}
			if n := s.Start + text.Dateline(x.text[s.Start:s.End]); n > q.Content.Start && n < q.Content.End {
				q.Content.Start = n
			}
			break
		}
	}
}

// extractor is the working state of one Extract call.
type extractor struct {
	doc       *article.Doc
	text      string
	sentences []article.Span
	paras     []article.Span
	// toks are the words of the whole text, scanned once; tokens(a, b)
	// hands out the run inside a range.
	toks   []tok
	quotes []article.Quote
	segs   []Segment
	// usedCue marks cue verbs (by start offset) already spent on a quote so
	// indirect speech does not report the same attribution twice.
	usedCue map[int]bool
}

// sentenceSpans returns the sentences of the text layer, or a simple split on
// sentence-final punctuation and blank lines when the layer is absent.
func sentenceSpans(doc *article.Doc) []article.Span {
	if len(doc.Sentences) > 0 {
		out := make([]article.Span, 0, len(doc.Sentences))
		text := doc.Article.Text
		for i, s := range doc.Sentences {
			// A sentence that ends inside brackets ("Rep. Meeks (D-N.")
			// was cut at an abbreviation: it goes on in the next one.
			if n := len(out); n > 0 && i > 0 && doc.Sentences[i-1].Block == s.Block && unclosedBracket(out[n-1].Of(text)) {
				out[n-1].End = s.Span.End
				continue
			}
			out = append(out, s.Span)
		}
		return out
	}
	text := doc.Article.Text
	var out []article.Span
	for p := 0; p < len(text); {
		pend := paragraphEnd(text, p)
		toks := tokenize(text, p, pend)
		start := -1
		for i, t := range toks {
			if start < 0 {
				start = t.start
			}
			last := i == len(toks)-1
			end := t.endsSentence() && (last || !toks[i+1].word || toks[i+1].isCap())
			// Closing quote marks and brackets after the full stop stay with
			// the sentence.
			if end {
				for !last && (toks[i+1].mark == markClose || toks[i+1].mark == markStraight || toks[i+1].mark == markSClose || toks[i+1].text == ")") {
					i++
					last = i == len(toks)-1
				}
			}
			if end || last {
				out = append(out, article.Span{Start: start, End: toks[i].end})
				start = -1
			}
		}
		p = pend + 1
	}
	return out
}

// sentenceOf returns the span of the sentence holding off, or the paragraph
// around it when no sentence does.
func (x *extractor) sentenceOf(off int) article.Span {
	i := sort.Search(len(x.sentences), func(i int) bool { return x.sentences[i].End > off })
	if i < len(x.sentences) && x.sentences[i].Start <= off {
		return x.sentences[i]
	}
	return x.paragraphOf(off)
}

// paragraphOf returns the paragraph holding off (see paragraphEnd), or the
// one before it when off falls between paragraphs.
func (x *extractor) paragraphOf(off int) article.Span {
	i := sort.Search(len(x.paras), func(i int) bool { return x.paras[i].End > off })
	if i < len(x.paras) && x.paras[i].Start <= off {
		return x.paras[i]
	}
	if i > 0 {
		return x.paras[i-1]
	}
	return article.Span{Start: off, End: off}
}

// paragraphs splits text into paragraphs, the same way Scan does.
func paragraphs(text string) []article.Span {
	var out []article.Span
	for i := 0; i < len(text); {
		i = skipSpace(text, i)
		if i >= len(text) {
			break
		}
		end := paragraphEnd(text, i)
		out = append(out, article.Span{Start: i, End: end})
		i = max(end, i+1)
	}
	return out
}

// inSegment reports whether off lies inside a direct quote.
func (x *extractor) inSegment(off int) bool {
	i := sort.Search(len(x.segs), func(i int) bool { return x.segs[i].Span.End > off })
	return i < len(x.segs) && x.segs[i].Span.Start <= off
}

// extractText runs Extract on a bare text (tests and fuzzing).
func extractText(text string) []article.Quote {
	return Extract(&article.Doc{Article: &article.Article{Text: text}})
}

// tokens returns the tokens lying wholly inside [start, end). The slice
// shares the extractor's array: callers must not modify it.
func (x *extractor) tokens(start, end int) []tok {
	i := sort.Search(len(x.toks), func(i int) bool { return x.toks[i].start >= start })
	j := sort.Search(len(x.toks), func(j int) bool { return x.toks[j].end > end })
	if j < i {
		return nil
	}
	return x.toks[i:j]
}

// unclosedBracket reports whether s opens more round brackets than it
// closes.
func unclosedBracket(s string) bool {
	return strings.Count(s, "(") > strings.Count(s, ")")
}

// dropNestedStances removes weak attributions (a stance rather than words,
// confidence at most 0.5) whose cue lies inside the content of a stronger
// one: in "Trump said Clinton wants to raise taxes" the attribution is
// Trump's; Clinton's wanting is his claim.
func (x *extractor) dropNestedStances() {
	out := x.quotes[:0]
	for i, q := range x.quotes {
		if !q.Direct && q.Cue != nil && q.Confidence <= 0.5 && x.nestedIn(i) {
			continue
		}
		out = append(out, q)
	}
	x.quotes = out
}

// nestedIn reports whether the cue of quote i lies inside the content of a
// stronger attribution.
func (x *extractor) nestedIn(i int) bool {
	c := *x.quotes[i].Cue
	for j, p := range x.quotes {
		if j == i || p.Cue == nil || p.Scare || p.Confidence <= 0.5 {
			continue
		}
		if p.Content.Start <= c.Start && c.End <= p.Content.End {
			return true
		}
	}
	return false
}

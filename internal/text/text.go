package text

import (
	"sort"

	"github.com/dossier-news/dossier/internal/article"
)

// Analyse fills doc.Tokens and doc.Sentences from doc.Article.Text.
//
// Sentences never cross a block of doc.Article.Structure: each headline,
// heading, paragraph and bullet is segmented on its own (its Content span,
// so bullet markers and "#" marks are not tokens), and Sentence.Block names
// it. Metadata lines are not prose and get no tokens. When the structure has
// no blocks the whole text is one paragraph (Block -1); a blank line still
// ends a sentence.
func Analyse(doc *article.Doc) {
	doc.Tokens = doc.Tokens[:0]
	doc.Sentences = doc.Sentences[:0]
	if doc.Article == nil {
		return
	}
	text := doc.Article.Text
	if doc.Tokens == nil {
		doc.Tokens = make([]article.Token, 0, len(text)/5+1)
	}
	blocks := doc.Article.Structure.Blocks
	if len(blocks) == 0 {
		doc.Tokens = appendTokens(doc.Tokens, text, 0, len(text))
		doc.Sentences = appendSentences(doc.Sentences, text, doc.Tokens, 0, len(doc.Tokens), -1)
		return
	}
	for _, r := range blockRanges(blocks, len(text)) {
		from := len(doc.Tokens)
		doc.Tokens = appendTokens(doc.Tokens, text, r.span.Start, r.span.End)
		doc.Sentences = appendSentences(doc.Sentences, text, doc.Tokens, from, len(doc.Tokens), r.block)
	}
}

type blockRange struct {
	span  article.Span
	block int
}

// blockRanges returns the prose spans of the blocks in text order, clamped to
// the text and with overlaps cut, so tokens come out ordered whatever the
// structure holds.
func blockRanges(blocks []article.Block, n int) []blockRange {
	out := make([]blockRange, 0, len(blocks))
	for i, b := range blocks {
		if b.Kind == article.BlockMeta {
			continue
		}
		s := b.Content
		if s.End <= s.Start {
			s = b.Span
		}
		s.Start = max(s.Start, 0)
		s.End = min(s.End, n)
		if s.End <= s.Start {
			continue
		}
		out = append(out, blockRange{span: s, block: i})
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].span.Start < out[b].span.Start })
	last := 0
	kept := out[:0]
	for _, r := range out {
		r.span.Start = max(r.span.Start, last)
		if r.span.End <= r.span.Start {
			continue
		}
		last = r.span.End
		kept = append(kept, r)
	}
	return kept
}

// Stage is the text layer as a pipeline stage (name "text"): it runs Analyse
// and records the sentence spans in the stored analysis.
type Stage struct{}

// Name implements pipeline.Stage.
func (Stage) Name() string { return "text" }

// Analyse implements pipeline.Stage.
func (Stage) Analyse(doc *article.Doc) error {
	Analyse(doc)
	spans := make([]article.Span, len(doc.Sentences))
	for i, s := range doc.Sentences {
		spans[i] = s.Span
	}
	doc.Analysis.Sentences = spans
	return nil
}

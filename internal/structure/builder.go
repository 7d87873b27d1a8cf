package structure

import (
	"strings"

	"github.com/dossier-news/dossier/internal/article"
)

// Builder assembles an article's text and Structure block by block, for
// readers whose input already says what each block is (HTML elements, feed
// entries, SGML fields). Blocks are separated by a blank line, so the text it
// builds parses back into the same paragraphs. The zero value is ready.
type Builder struct {
	buf    []byte
	blocks []article.Block
	levels []int
}

// Headline adds the article's headline.
func (b *Builder) Headline(text string) { b.add(article.BlockHeadline, 0, "", text) }

// Heading adds a section heading of the given level (1 for the largest).
func (b *Builder) Heading(level int, text string) {
	if level < 1 {
		level = 2
	}
	b.add(article.BlockHeading, level, "", text)
}

// Paragraph adds running text; single newlines inside it stay.
func (b *Builder) Paragraph(text string) { b.add(article.BlockParagraph, 0, "", text) }

// Bullet adds one bullet-point item. The text gets a "- " marker so the
// plain text reads as a list; the block's Content leaves the marker out.
func (b *Builder) Bullet(text string) { b.add(article.BlockBullet, 0, "- ", text) }

// Text adds plain text, split into paragraphs, bullets and headings by the
// same conventions Parse follows, and returns the metadata its leading lines
// state (metadata lines themselves are not added). A headline found in the
// text is kept only when the Builder has no headline yet; one repeating the
// headline is dropped, any other becomes a paragraph (a standfirst).
func (b *Builder) Text(s string) Meta {
	text := Normalise(s)
	blocks, levels, meta := parseBlocks(text)
	for i, bl := range blocks {
		if bl.Kind == article.BlockMeta {
			continue
		}
		if bl.Kind == article.BlockHeadline {
			if h, ok := b.headline(); ok {
				if strings.EqualFold(strings.Join(strings.Fields(h), " "), strings.Join(strings.Fields(bl.Content.Of(text)), " ")) {
					continue
				}
				bl.Kind = article.BlockParagraph
			} else if len(b.blocks) > 0 {
				bl.Kind = article.BlockParagraph
			}
		}
		if len(b.buf) > 0 {
			b.buf = append(b.buf, '\n', '\n')
		}
		delta := len(b.buf) - bl.Span.Start
		b.buf = append(b.buf, bl.Span.Of(text)...)
		bl.Span.Start += delta
		bl.Span.End += delta
		bl.Content.Start += delta
		bl.Content.End += delta
		bl.Section = -1
		b.blocks = append(b.blocks, bl)
		b.levels = append(b.levels, levels[i])
	}
	return meta
}

func (b *Builder) headline() (string, bool) {
	for _, bl := range b.blocks {
		if bl.Kind == article.BlockHeadline {
			return bl.Content.Of(string(b.buf)), true
		}
	}
	return "", false
}

// Grow reserves room for about n more bytes of text and blocks more
// blocks, saving reallocations when the caller knows the article's size.
func (b *Builder) Grow(n, blocks int) {
	b.buf = growBytes(b.buf, n)
	if cap(b.blocks)-len(b.blocks) < blocks {
		nb := make([]article.Block, len(b.blocks), len(b.blocks)+blocks)
		copy(nb, b.blocks)
		b.blocks = nb
		nl := make([]int, len(b.levels), len(b.levels)+blocks)
		copy(nl, b.levels)
		b.levels = nl
	}
}

func growBytes(buf []byte, n int) []byte {
	if cap(buf)-len(buf) >= n {
		return buf
	}
	nb := make([]byte, len(buf), len(buf)+n)
	copy(nb, buf)
	return nb
}

// Len returns the number of blocks added so far.
func (b *Builder) Len() int { return len(b.blocks) }

// HasBody reports whether any block other than the headline was added.
func (b *Builder) HasBody() bool {
	for _, bl := range b.blocks {
		if bl.Kind != article.BlockHeadline {
			return true
		}
	}
	return false
}

func (b *Builder) add(kind article.BlockKind, level int, marker, text string) {
	text = strings.Trim(Normalise(text), "\n")
	text = strings.TrimLeft(text, " \t")
	if strings.TrimSpace(text) == "" {
		return
	}
	if len(b.buf) > 0 {
		b.buf = append(b.buf, '\n', '\n')
	}
	start := len(b.buf)
	b.buf = append(b.buf, marker...)
	cs := len(b.buf)
	b.buf = append(b.buf, text...)
	b.blocks = append(b.blocks, article.Block{
		Kind: kind, Span: article.Span{Start: start, End: len(b.buf)},
		Content: article.Span{Start: cs, End: len(b.buf)}, Section: -1,
	})
	b.levels = append(b.levels, level)
}

// Finish returns the text and its Structure, sections and opinion marks
// filled in. The Builder must not be used afterwards.
func (b *Builder) Finish() (string, article.Structure) {
	text := string(b.buf)
	st := article.Structure{Blocks: b.blocks}
	if st.Blocks == nil {
		st.Blocks = []article.Block{}
	}
	fillSections(text, &st, b.levels)
	// A headline labelled "Opinion: …" or "Analysis | …" makes the whole
	// piece opinion, as it does for parsed text: pages, feeds and JSON
	// exports label their columns the same way.
	for _, bl := range st.Blocks {
		if bl.Kind == article.BlockHeadline {
			if opinionLabel(bl.Content.Of(text)) {
				for i := range st.Blocks {
					st.Blocks[i].Opinion = true
				}
			}
			break
		}
	}
	return text, st
}

// fillSections groups blocks under their headings: every heading opens a
// section that runs to the next heading of the same or a higher level. A
// section is opinion when its heading says so or when it sits inside an
// opinion section (a sub-heading of "Analysis" is still analysis).
func fillSections(text string, st *article.Structure, levels []int) {
	type frame struct {
		level   int
		opinion bool
	}
	var stack []frame
	cur := -1
	for i := range st.Blocks {
		b := &st.Blocks[i]
		switch b.Kind {
		case article.BlockMeta, article.BlockHeadline:
			b.Section = -1
			continue
		case article.BlockHeading:
			lvl := levels[i]
			if lvl == 0 {
				lvl = 2
			}
			for len(stack) > 0 && stack[len(stack)-1].level >= lvl {
				stack = stack[:len(stack)-1]
			}
			heading := b.Content.Of(text)
			op := opinionHeading(heading) || len(stack) > 0 && stack[len(stack)-1].opinion
			stack = append(stack, frame{lvl, op})
			st.Sections = append(st.Sections, article.Section{Heading: heading, Span: b.Span, Opinion: op})
			cur = len(st.Sections) - 1
		}
		b.Section = cur
		if cur >= 0 {
			s := &st.Sections[cur]
			b.Opinion = b.Opinion || s.Opinion
			if b.Span.End > s.Span.End {
				s.Span.End = b.Span.End
			}
		}
	}
}

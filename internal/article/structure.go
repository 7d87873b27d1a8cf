package article

// BlockKind classifies a block of an article's text.
type BlockKind string

const (
	BlockMeta      BlockKind = "meta"      // a metadata line such as "date 2021-06-14" or "source: …"
	BlockHeadline  BlockKind = "headline"  // the article's headline
	BlockHeading   BlockKind = "heading"   // a section heading
	BlockParagraph BlockKind = "paragraph" // running text
	BlockBullet    BlockKind = "bullet"    // one bullet-point item (key fact)
)

// Block is one structural unit of Article.Text.
type Block struct {
	Kind BlockKind `json:"kind"`
	Span Span      `json:"span"`
	// Content is the part of Span that is prose: a bullet without its marker,
	// a metadata line's value, a heading without "#" marks.
	Content Span `json:"content"`
	// Key is the metadata key for BlockMeta ("date", "source", "url", "title", …).
	Key string `json:"key,omitempty"`
	// Section is the index into Structure.Sections of the section holding the
	// block, -1 before the first heading.
	Section int `json:"section"`
	// Opinion marks blocks under a Commentary/Opinion/Analysis/Editorial
	// heading: opinion, not reporting.
	Opinion bool `json:"opinion,omitempty"`
}

// Section is a run of blocks under one heading.
type Section struct {
	Heading string `json:"heading"`
	Span    Span   `json:"span"` // from the heading to the end of the section's last block
	Opinion bool   `json:"opinion,omitempty"`
}

// Structure is the parsed layout of an article's text.
type Structure struct {
	Blocks   []Block   `json:"blocks"`
	Sections []Section `json:"sections,omitempty"`
}

// IsOpinion reports whether the byte offset lies in an opinion section.
func (s Structure) IsOpinion(off int) bool {
	for _, b := range s.Blocks {
		if off >= b.Span.Start && off < b.Span.End {
			return b.Opinion
		}
	}
	return false
}

// Body returns the blocks that carry prose: headline, paragraphs and bullets
// (metadata lines and headings excluded).
func (s Structure) Body() []Block {
	out := make([]Block, 0, len(s.Blocks))
	for _, b := range s.Blocks {
		switch b.Kind {
		case BlockHeadline, BlockParagraph, BlockBullet:
			out = append(out, b)
		}
	}
	return out
}

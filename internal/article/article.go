// Package article is dossier's data model: the article as ingested (raw bytes
// kept verbatim, normalised text, metadata, parsed structure) and the analysis
// records every pipeline stage attaches to it.
//
// Every pipeline stage imports this package and nothing above it (never the
// store, the server or the CLI). All spans are byte offsets into Article.Text,
// half-open [Start, End); Text is always valid UTF-8, so a span can be turned
// into rune offsets by the caller when a user interface needs them.
package article

import (
	"encoding/hex"
	"time"

	"github.com/zeebo/xxh3"
)

// Span is a half-open byte range [Start, End) into Article.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether the two spans share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Of returns the text the span covers, or "" when it is out of range.
func (s Span) Of(text string) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return ""
	}
	return text[s.Start:s.End]
}

// Format names the input format an article was read from.
type Format string

const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
	FormatJSON     Format = "json"
	FormatFeed     Format = "feed"
	FormatReuters  Format = "reuters-sgml"
)

// Article is one news article as ingested. Raw is kept byte-for-byte; Text is
// the normalised text every analysis span points into.
type Article struct {
	ID     int64  `json:"id"`
	Hash   string `json:"hash"`   // content hash of Raw (see HashBytes)
	Origin string `json:"origin"` // file path, URL or "stdin", plus "#n" for the n-th item of a multi-article file
	Format Format `json:"format"`
	Raw    []byte `json:"-"`

	Title     string    `json:"title,omitempty"`
	Source    string    `json:"source,omitempty"` // the outlet
	URL       string    `json:"url,omitempty"`
	Author    string    `json:"author,omitempty"`
	Lang      string    `json:"lang,omitempty"`
	Published time.Time `json:"published,omitzero"` // zero when the article carries no date
	// DateSource says where Published came from: "metadata", "json", "feed",
	// "html", "sgml", "inferred"; empty when there is no date.
	DateSource string `json:"date_source,omitempty"`

	Text      string    `json:"text"`
	Structure Structure `json:"structure"`

	IngestedAt      time.Time `json:"ingested_at,omitzero"`
	AnalysisVersion string    `json:"analysis_version,omitempty"` // version of the analysis last stored, "" when never analysed
}

// HasDate reports whether the article has a publication date.
func (a *Article) HasDate() bool { return !a.Published.IsZero() }

// HashBytes is the content hash used for exact-duplicate detection: xxh3-128,
// hex encoded. Identical bytes are the same article.
func HashBytes(b []byte) string {
	h := xxh3.Hash128(b).Bytes()
	return hex.EncodeToString(h[:])
}

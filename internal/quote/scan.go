package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/internal/article"
)

// Segment is one stretch of quoted text found by Scan.
type Segment struct {
	// Span runs from the opening mark to the closing mark inclusive (to the
	// end of the last paragraph when the quote is never closed).
	Span article.Span
	// Inner is the text between the marks.
	Inner article.Span
	// Closed is false when the quote ran to the end of a paragraph that the
	// next paragraph does not continue.
	Closed bool
	// Paragraphs is how many paragraphs the quote spans: journalists open
	// each continued paragraph with a quote mark and close only the last.
	Paragraphs int
	// Single marks a top-level quote in single marks (‘…’), the British
	// convention and common in headlines.
	Single bool
}

// markKind classifies one quotation mark occurrence.
type markKind int

const (
	markNone     markKind = iota
	markOpen              // “ „ « ``: opens a double quote
	markClose             // ” »: closes a double quote
	markStraight          // " or '': opens or closes depending on context
	markSOpen             // ‘: opens a single quote
	markSClose            // ’: closes a single quote (or is an apostrophe)
)

// markAt reports the quotation mark starting at byte i of text and its width.
func markAt(text string, i int) (markKind, int) {
	c := text[i]
	switch c {
	case '"':
		return markStraight, 1
	case '\'':
		if i+1 < len(text) && text[i+1] == '\'' {
			return markStraight, 2
		}
		return markNone, 1
	case '`':
		if i+1 < len(text) && text[i+1] == '`' {
			return markOpen, 2
		}
		return markNone, 1
	}
	if c < utf8.RuneSelf {
		return markNone, 1
	}
	r, w := utf8.DecodeRuneInString(text[i:])
	switch r {
	case '“', '„', '«':
		return markOpen, w
	case '”', '»':
		return markClose, w
	case '‘':
		return markSOpen, w
	case '’':
		return markSClose, w
	}
	return markNone, w
}

// prevRune and nextRune return the rune before i and the rune at j, or a
// space at the text edges (an edge behaves like whitespace for quote marks).
func prevRune(text string, i int) rune {
	if i <= 0 {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r
}

func nextRune(text string, j int) rune {
	if j >= len(text) {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	return r
}

// opensAfter reports whether a mark preceded by r may open a quote.
func opensAfter(r rune) bool {
	return unicode.IsSpace(r) || r == '(' || r == '[' || r == '{' || r == '—' || r == '–' || r == '-' || r == '/' || r == ':' ||
		r == '“' || r == '‘' || r == '"' || r == '\''
}

// closesBefore reports whether a mark followed by r may close a quote.
func closesBefore(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsPunct(r) || r == '—' || r == '–'
}

// paragraphEnd returns the end of the paragraph starting at or before i: the
// first blank line (a newline, optional spaces, a newline), or a single line
// break after sentence-final punctuation or before a quotation mark or dash
// (texts that put one paragraph on each line), or the text end. A single
// break elsewhere is hard wrapping inside a paragraph.
func paragraphEnd(text string, i int) int {
	for j := i; j < len(text); j++ {
		if text[j] != '\n' {
			continue
		}
		k := j + 1
		for k < len(text) && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r') {
			k++
		}
		if k >= len(text) || text[k] == '\n' {
			return j
		}
		if p := prevRune(text, trimRight(text, i, j)); strings.ContainsRune(".!?:”\"’'»", p) {
			return j
		}
		if r := nextRune(text, k); strings.ContainsRune("“\"‘«„―—–", r) {
			return j
		}
	}
	return len(text)
}

// skipSpace returns the first non-space byte offset at or after i.
func skipSpace(text string, i int) int {
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += w
	}
	return i
}

// trimRight moves end left over trailing whitespace, not before start.
func trimRight(text string, start, end int) int {
	for end > start {
		r, w := utf8.DecodeLastRuneInString(text[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= w
	}
	return end
}

// Scan finds the quoted stretches of text: double quotes in straight,
// curly, low-9 and guillemet marks and typewriter pairs of apostrophes, and
// top-level single curly quotes (‘…’) when they close within the paragraph.
// Quotes nested inside a quote are part of the outer one. A paragraph that
// opens a quote without closing it continues the quote into the next
// paragraph when that paragraph opens with a quote mark (the journalistic
// convention); otherwise the quote ends, unclosed, with its paragraph.
//
// Scan never panics and returns segments in text order, non-overlapping.
func Scan(text string) []Segment {
	var out []Segment
	i := 0
	for i < len(text) {
		pend := paragraphEnd(text, i)
		next := scanParagraph(text, i, pend, &out)
		if next <= i { // at a paragraph break: step over it, or this loops forever
			next = i + 1
		}
		i = next
	}
	return out
}

// scanParagraph scans [i, pend) and returns where scanning goes on: past the
// paragraph, or past the last paragraph a continued quote reached.
func scanParagraph(text string, i, pend int, out *[]Segment) int {
	// The paragraph's first mark may follow the line break that Scan
	// stepped onto: "\n” … he delivered …" opens there.
	pstart := skipSpace(text, i)
	for i < pend {
		k, w := markAt(text, i)
		switch k {
		case markOpen, markStraight, markClose:
			prev, next := prevRune(text, i), nextRune(text, i+w)
			opening := k == markOpen ||
				(k == markStraight && opensAfter(prev) && !unicode.IsSpace(next)) ||
				// A closing curly mark typed where an opening one belongs.
				(k == markClose && unicode.IsSpace(prev) && (unicode.IsLetter(next) || unicode.IsDigit(next))) ||
				// Or opening a paragraph: ”… what I learned”.
				(k == markClose && i == pstart)
			if !opening {
				i += w // a stray closing mark
				continue
			}
			seg, resume, ok := scanDouble(text, i, w, pend)
			if ok {
				*out = append(*out, seg)
			}
			if resume <= i {
				resume = i + w
			}
			if resume >= pend {
				return resume
			}
			i = resume
		case markSOpen:
			prev, next := prevRune(text, i), nextRune(text, i+w)
			if opensAfter(prev) && !unicode.IsSpace(next) {
				if seg, ok := scanSingle(text, i, w, pend); ok {
					*out = append(*out, seg)
					i = seg.Span.End
					continue
				}
			}
			i += w
		default:
			i += w
		}
	}
	return pend
}

// scanDouble follows a double quote opened at i (mark width w) to its close,
// across paragraphs when they continue it. It returns the segment, where to
// resume scanning, and false when there is no quoted text at all.
func scanDouble(text string, i, w, pend int) (Segment, int, bool) {
	seg := Segment{Span: article.Span{Start: i}, Inner: article.Span{Start: i + w}, Paragraphs: 1}
	j := i + w
	for {
		for j < pend {
			k, mw := markAt(text, j)
			switch k {
			case markClose, markStraight:
				seg.Inner.End = j
				seg.Span.End = j + mw
				seg.Closed = true
				return seg, j + mw, seg.Inner.End > seg.Inner.Start
			case markOpen:
				// An opening curly mark inside an open quote closes it when
				// it is glued to the end of a word ("word“ next"): a typo
				// for the closing mark.
				prev, next := prevRune(text, j), nextRune(text, j+mw)
				if !unicode.IsSpace(prev) && closesBefore(next) {
					seg.Inner.End = j
					seg.Span.End = j + mw
					seg.Closed = true
					return seg, j + mw, seg.Inner.End > seg.Inner.Start
				}
			}
			j += mw
		}
		// The paragraph ended inside the quote: continued when the next
		// paragraph opens with a double quote mark.
		nstart := skipSpace(text, pend)
		if nstart < len(text) {
			// A transcript turn ("“WALLACE: …") starts a new quote.
			if k, mw := markAt(text, nstart); (k == markOpen || k == markStraight) && !speakerLabelAt(text, nstart+mw) {
				seg.Paragraphs++
				j = nstart + mw
				pend = paragraphEnd(text, nstart)
				continue
			}
		}
		end := trimRight(text, seg.Inner.Start, pend)
		seg.Inner.End = end
		seg.Span.End = end
		return seg, pend, end > seg.Inner.Start
	}
}

// scanSingle follows a single curly quote opened at i to a closing ’ that is
// not an apostrophe (not followed by a letter) within the paragraph.
func scanSingle(text string, i, w, pend int) (Segment, bool) {
	for j := i + w; j < pend; {
		k, mw := markAt(text, j)
		if k == markSClose {
			prev, next := prevRune(text, j), nextRune(text, j+mw)
			if !unicode.IsSpace(prev) && !unicode.IsLetter(next) && !unicode.IsDigit(next) && j > i+w {
				return Segment{
					Span:       article.Span{Start: i, End: j + mw},
					Inner:      article.Span{Start: i + w, End: j},
					Closed:     true,
					Paragraphs: 1,
					Single:     true,
				}, true
			}
		}
		if k == markOpen || k == markStraight {
			return Segment{}, false // a double quote starts: the ‘ was not a quote
		}
		j += mw
	}
	return Segment{}, false
}

// speakerLabelAt reports whether text at i opens with a speaker label: one
// to four capitalised words and a colon ("WALLACE:", "Sen. Warren:").
func speakerLabelAt(text string, i int) bool {
	_, ok := labelEnd(tokenize(text, i, min(len(text), i+80)))
	return ok
}

// labelEnd returns the index of the colon closing a speaker label at the
// start of toks.
func labelEnd(toks []tok) (int, bool) {
	for i, t := range toks {
		if i > 4 {
			return 0, false
		}
		if t.text == ":" {
			if i == 0 || notSpeakers[toks[0].lower()] || articles[toks[0].lower()] {
				return 0, false
			}
			if _, isCue := cues[toks[i-1].lower()]; isCue {
				return 0, false // "Trump said:" is a cue phrase
			}
			return i, true
		}
		if !t.isCap() {
			return 0, false
		}
	}
	return 0, false
}

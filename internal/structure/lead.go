package structure

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/internal/article"
)

// Lead metadata written as prose. Exports and copied pages put the byline
// and the date under the headline in words, not as "key: value" lines:
//
//	By Karin Aalto, The Valdmar Herald
//	13 November 2026
//	*Dalmora Today, 10 November 2026*
//	Published Wednesday 11 November 2026, 20:15
//
// Left in the body these lines are analysed as the article's first
// sentences and the article stays undated.

// LeadLine reports whether s, one line above an article's first paragraph,
// is such metadata: a byline ("By NAME" with optional role, outlet and date
// parts separated by "," "·" "|" or a dash), a date alone (optionally
// "Published …"/"Updated …"), or an outlet and a date. Markdown emphasis
// around the line is allowed. It returns what the line states: Author from a
// byline, Source from an outlet-and-date line, Date and DateText when a date
// is given.
func LeadLine(s string) (Meta, bool) {
	var m Meta
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "*_"))
	if s == "" || len(s) > 160 {
		return m, false
	}
	byline := false
	if rest, ok := strings.CutPrefix(s, "By "); ok {
		s, byline = rest, true
	} else if rest, ok := strings.CutPrefix(s, "BY "); ok {
		s, byline = rest, true
	}
	segs := leadSegments(s)
	names := 0
	for i, seg := range segs {
		if t, ok := leadDate(seg); ok {
			if m.Date.IsZero() && !t.IsZero() {
				m.Date, m.DateText = t, seg
			}
			continue
		}
		if !nameLike(seg) {
			return Meta{}, false
		}
		names++
		switch {
		case byline && i == 0:
			m.Author = seg
		case !byline && names == 1:
			m.Source = seg
		}
	}
	switch {
	case byline:
		return m, m.Author != ""
	case m.Date.IsZero():
		return Meta{}, false
	case names > 1:
		return Meta{}, false // several name parts and a date: not an outlet's line
	}
	return m, true
}

// leadSegments splits a lead line at its separators: ", " " · " " | " and a
// spaced dash. A comma inside a date ("Wednesday, 11 November 2026, 20:15")
// would split it, so a part that continues a date (a clock) is joined back.
func leadSegments(s string) []string {
	for _, sep := range []string{" · ", " | ", " - ", " – ", " — "} {
		s = strings.ReplaceAll(s, sep, "\x00")
	}
	var out []string
	for _, p := range strings.Split(s, "\x00") {
		for _, q := range strings.Split(p, ",") {
			q = strings.TrimSpace(q)
			if q == "" {
				continue
			}
			if len(out) > 0 {
				if _, ok := leadDate(out[len(out)-1] + ", " + q); ok {
					out[len(out)-1] += ", " + q
					continue
				}
			}
			out = append(out, q)
		}
	}
	return out
}

// leadDate reads a date part: a date, optionally after "Published",
// "Updated", "Posted" or "Last updated", or such a word with a clock time
// alone ("Updated 19:30"), which states no date (zero time, true).
func leadDate(seg string) (t time.Time, ok bool) {
	rest := seg
	stamped := false
	for _, w := range []string{"Last updated", "Published on", "Updated on", "Posted on", "Published", "Updated", "Posted"} {
		if r, cut := strings.CutPrefix(rest, w); cut && (r == "" || r[0] == ' ' || r[0] == ':') {
			rest, stamped = strings.TrimLeft(r, " :"), true
			break
		}
	}
	if d, ok := ParseDate(rest); ok {
		return d, true
	}
	if stamped {
		if _, _, _, _, n, ok := scanClock(rest); ok && strings.TrimSpace(rest[n:]) == "" {
			return time.Time{}, true
		}
	}
	return time.Time{}, false
}

// nameConnectors may sit lowercase inside a name, a role or an outlet.
var nameConnectors = map[string]bool{
	"of": true, "the": true, "and": true, "for": true, "in": true, "at": true, "on": true,
	"de": true, "da": true, "di": true, "du": true, "del": true, "van": true, "von": true,
	"der": true, "den": true, "la": true, "le": true, "al": true, "bin": true, "el": true,
}

// nameLike: a short run of capitalised words (a person, a role, an outlet),
// lowercase joining words allowed, no sentence punctuation.
func nameLike(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 8 || strings.ContainsAny(s, ";:!?\"“”") || strings.HasSuffix(s, ".") && !initialEnd(ws[len(ws)-1]) {
		return false
	}
	for i, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
		case i > 0 && nameConnectors[w]:
		default:
			return false
		}
		for _, c := range w {
			if unicode.IsDigit(c) {
				return false
			}
		}
	}
	return true
}

// initialEnd: a word ending in a period that is an initial or an
// abbreviation ("J.", "Jr.", "Ltd."), not a sentence end.
func initialEnd(w string) bool {
	return utf8.RuneCountInString(w) <= 4
}

// signoffStarts open the credit line that wire copy ends with.
var signoffStarts = []string{
	"reporting by", "additional reporting by", "writing by", "editing by",
	"compiled by", "reported by",
}

// WireSignoff reports whether a paragraph is the credit line a wire story
// ends with, "(Reporting by Sofia Lindqvist; editing by Paul Hart)": it
// names the agency's staff, who are no actors in the story.
func WireSignoff(s string) bool {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "*_"))
	if !strings.HasPrefix(s, "(") || !strings.HasSuffix(s, ")") || len(s) > 300 {
		return false
	}
	ls := strings.ToLower(strings.TrimSpace(s[1 : len(s)-1]))
	for _, w := range signoffStarts {
		if strings.HasPrefix(ls, w+" ") {
			return true
		}
	}
	return false
}

// OpinionSection reports whether a publisher's section or category name
// ("Opinion", "Comment", "Business, Opinion", "Columns") files a piece as
// opinion rather than reporting. Each part of a list is a name of its own;
// a name must be the label itself, so "Analysis of markets" or "Opinion
// polls" is no opinion section.
func OpinionSection(name string) bool {
	for _, part := range strings.FieldsFunc(name, func(r rune) bool { return r == ',' || r == '|' || r == '/' || r == ';' || r == '>' }) {
		p := strings.ToLower(strings.TrimSpace(part))
		for _, q := range []string{p, strings.TrimSuffix(p, "s")} {
			switch q {
			case "column", "columnist", "letter", "letters to the editor", "view", "point of view":
				return true
			}
			if slices.Contains(opinionWords, q) {
				return true
			}
		}
	}
	return false
}

// republishOpenings open the note a syndicated copy ends with.
var republishOpenings = []string{
	"this article first appeared", "this article was first published", "this article was originally published",
	"this article originally appeared", "this article is republished", "this article was republished",
	"this story first appeared", "this story was first published", "this story was originally published",
	"this story originally appeared", "this story is republished", "this story was republished",
	"originally published in ", "originally published on ", "originally published by ", "republished with permission",
}

// ClosingCredit reports whether an article's last paragraph is a credit
// rather than its prose: a wire sign-off (WireSignoff) or a syndicated
// copy's note on where it first appeared ("This article first appeared in
// The Valdmar Herald and is republished by the Coastal Post with
// permission."). The outlets it names are no actors in the story.
func ClosingCredit(s string) bool {
	if WireSignoff(s) {
		return true
	}
	t := strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "*_()"))
	if len(t) > 300 || strings.Count(t, ". ") > 1 {
		return false
	}
	lt := strings.ToLower(t)
	for _, w := range republishOpenings {
		if strings.HasPrefix(lt, w) {
			return true
		}
	}
	return false
}

// leadMeta turns the paragraphs right after the headline (or opening the
// body when there is none) into metadata blocks when each of their lines is
// a LeadLine, at most two blocks; and a closing credit (ClosingCredit) into
// a "credit" metadata block.
func (p *parser) leadMeta() {
	i := p.body
	if i < len(p.blocks) && p.blocks[i].Kind == article.BlockHeadline {
		if _, ok := LeadLine(p.text[p.blocks[i].Content.Start:p.blocks[i].Content.End]); !ok {
			i++
		}
	}
	for n := 0; n < 2 && i < len(p.blocks); n++ {
		b := p.blocks[i]
		if b.Kind != article.BlockParagraph && b.Kind != article.BlockHeadline && b.Kind != article.BlockHeading {
			break
		}
		var repl []cand
		lines := p.blockLines(b.Span)
		metas := make([]Meta, len(lines))
		bad, dated, prose := -1, false, false
		for j, l := range lines {
			m, ok := LeadLine(p.text[l.start:l.end])
			switch {
			case ok:
				dated = dated || !m.Date.IsZero() && m.Author == ""
			case bad < 0 && nameLike(strings.Trim(p.text[l.start:l.end], "*_ ")):
				// An outlet on its own line above the date ("Dalmora
				// Today" / "13 November 2026"), decided below.
				bad, m.Source = j, strings.Trim(p.text[l.start:l.end], "*_ ")
			default:
				prose = true
			}
			metas[j] = m
		}
		if prose || bad >= 0 && (!dated || len(lines) < 2) {
			break
		}
		for j, l := range lines {
			m := metas[j]
			key := "date"
			if m.Date.IsZero() && m.Author == "" {
				key = "source"
			}
			switch {
			case m.Author != "":
				key = "author"
				if p.meta.Author == "" {
					p.meta.Author = m.Author
				}
			case m.Source != "":
				if p.meta.Source == "" {
					p.meta.Source = m.Source
				}
			}
			if !m.Date.IsZero() && p.meta.Date.IsZero() {
				p.meta.Date, p.meta.DateText = m.Date, m.DateText
			}
			repl = append(repl, cand{Block: article.Block{
				Kind: article.BlockMeta, Span: article.Span{Start: l.start, End: l.end},
				Content: article.Span{Start: l.start, End: l.end}, Key: key, Section: -1,
			}})
		}
		if repl == nil {
			break
		}
		p.blocks = append(p.blocks[:i], append(repl, p.blocks[i+1:]...)...)
		i += len(repl)
		if i < len(p.blocks) && p.blocks[i].Kind == article.BlockHeadline {
			i++ // the byline stood above the headline
		}
	}
	if last := len(p.blocks) - 1; last > p.body && p.blocks[last].Kind == article.BlockParagraph &&
		ClosingCredit(p.text[p.blocks[last].Content.Start:p.blocks[last].Content.End]) {
		b := &p.blocks[last]
		b.Kind, b.Key, b.level = article.BlockMeta, "credit", 0
	}
}

// blockLines returns the non-blank lines of span, trimmed of indentation.
func (p *parser) blockLines(sp article.Span) []line {
	var out []line
	start := sp.Start
	for start < sp.End {
		end := strings.IndexByte(p.text[start:sp.End], '\n')
		if end < 0 {
			end = sp.End
		} else {
			end += start
		}
		l := line{start, end}
		l.start = p.indentEnd(l)
		for l.end > l.start && (p.text[l.end-1] == ' ' || p.text[l.end-1] == '\t') {
			l.end--
		}
		if l.end > l.start {
			out = append(out, l)
		}
		start = end + 1
	}
	return out
}

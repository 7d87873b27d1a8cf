// Package structure owns the layout of an article's text: it normalises the
// text every analysis span points into, and parses the conventions of plain
// text and Markdown exports (leading metadata lines, headline, bullet-point
// key facts, section headings, opinion sections, paragraphs) into an
// article.Structure whose byte spans are exact. Readers of structured
// formats (HTML, feeds, SGML) assemble the same Structure with a Builder.
package structure

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/internal/article"
)

// Meta is the metadata an article states in its leading lines ("date
// 2021-06-14", "source: …", YAML-style front matter).
type Meta struct {
	Title  string `json:"title,omitempty"`
	Source string `json:"source,omitempty"`
	URL    string `json:"url,omitempty"`
	Author string `json:"author,omitempty"`
	Lang   string `json:"lang,omitempty"`
	// Date is the stated date, zero when absent or not understood; DateText
	// is the date as written either way.
	Date     time.Time `json:"date,omitzero"`
	DateText string    `json:"date_text,omitempty"`
}

// metaKeys maps the metadata keys articles use to the canonical Block.Key.
var metaKeys = map[string]string{
	"date": "date", "published": "date", "pubdate": "date", "dated": "date",
	"source": "source", "publisher": "source", "outlet": "source", "site": "source",
	"url": "url", "link": "url",
	"title": "title", "headline": "title",
	"author": "author", "authors": "author", "byline": "author", "by": "author",
	"lang": "lang", "language": "lang",
}

// Parse normalises text (see Normalise) and parses its structure. The spans
// of the returned Structure point into the returned normalised text.
func Parse(text string) (normalised string, s article.Structure, meta Meta) {
	normalised = Normalise(text)
	s, meta = ParseNormalised(normalised)
	return normalised, s, meta
}

// ParseNormalised parses text that is already normalised.
func ParseNormalised(text string) (article.Structure, Meta) {
	blocks, levels, meta := parseBlocks(text)
	st := article.Structure{Blocks: blocks}
	fillSections(text, &st, levels)
	return st, meta
}

// parseBlocks finds the blocks of normalised text and the level of each
// heading (0 for other blocks), before sections are filled.
func parseBlocks(text string) ([]article.Block, []int, Meta) {
	p := &parser{text: text}
	p.splitLines()
	line, start := p.parseMeta()
	p.parseBody(line, start)
	p.classify()
	p.leadMeta()
	blocks := make([]article.Block, len(p.blocks))
	levels := make([]int, len(p.blocks))
	for i, c := range p.blocks {
		blocks[i] = c.Block
		levels[i] = c.level
	}
	return blocks, levels, p.meta
}

type line struct{ start, end int } // end excludes the '\n'

// cand is a block while the parser still decides what it is.
type cand struct {
	article.Block
	level int // heading level, 0 for other blocks
	// lines of the block (a paragraph's line count decides headline and
	// heading candidates); firstEnd is the end of its first line.
	nlines    int
	firstEnd  int
	secondBeg int
	// standalone: the block is a whole blank-line-separated group.
	standalone bool
	// physLen is the length of the first physical line, which is longer than
	// the block's first line when metadata shared that line.
	physLen int
}

type parser struct {
	text   string
	lines  []line
	blocks []cand
	meta   Meta
	body   int // index in blocks of the first body block
}

func (p *parser) splitLines() {
	n := strings.Count(p.text, "\n") + 1
	p.lines = make([]line, 0, n)
	p.blocks = make([]cand, 0, n/2+4)
	start := 0
	for i := 0; i < len(p.text); i++ {
		if p.text[i] == '\n' {
			p.lines = append(p.lines, line{start, i})
			start = i + 1
		}
	}
	if start < len(p.text) {
		p.lines = append(p.lines, line{start, len(p.text)})
	}
}

func (p *parser) blank(l line) bool {
	return strings.TrimSpace(p.text[l.start:l.end]) == ""
}

func (p *parser) indentEnd(l line) int {
	q := l.start
	for q < l.end && (p.text[q] == ' ' || p.text[q] == '\t') {
		q++
	}
	return q
}

// parseMeta reads the leading metadata and returns the first body line and
// the offset where the body starts in it.
func (p *parser) parseMeta() (int, int) {
	if i, ok := p.frontMatter(); ok {
		return i, -1
	}
	for i, l := range p.lines {
		if p.blank(l) {
			continue
		}
		pos := p.indentEnd(l)
		rest, ok := p.metaLine(pos, l.end)
		if !ok {
			return i, pos
		}
		if rest < l.end {
			return i, rest
		}
	}
	return len(p.lines), -1
}

// frontMatter reads a "---" delimited block of "key: value" lines at the top.
func (p *parser) frontMatter() (int, bool) {
	first := -1
	for i, l := range p.lines {
		if !p.blank(l) {
			first = i
			break
		}
	}
	if first < 0 || strings.TrimSpace(p.text[p.lines[first].start:p.lines[first].end]) != "---" {
		return 0, false
	}
	closing := -1
	for i := first + 1; i < len(p.lines) && i < first+60; i++ {
		l := p.lines[i]
		t := strings.TrimSpace(p.text[l.start:l.end])
		if t == "---" || t == "..." {
			closing = i
			break
		}
		if t == "" {
			continue
		}
		if _, _, ok := frontKey(t); !ok {
			return 0, false
		}
	}
	if closing < 0 {
		return 0, false
	}
	for i := first + 1; i < closing; i++ {
		l := p.lines[i]
		pos := p.indentEnd(l)
		key, vOff, ok := frontKey(p.text[pos:l.end])
		if !ok {
			continue
		}
		canon := metaKeys[strings.ToLower(key)]
		if canon == "" {
			canon = strings.ToLower(key)
		}
		vStart := pos + vOff
		vEnd := l.end
		// Quoted YAML scalars: the content is inside the quotes.
		if v := p.text[vStart:vEnd]; len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
			vStart++
			vEnd--
		}
		p.addMeta(canon, pos, l.end, vStart, vEnd)
	}
	return closing + 1, true
}

func frontKey(t string) (key string, valueOff int, ok bool) {
	n := 0
	for n < len(t) && (isLetterByte(t[n]) || t[n] == '_' || t[n] == '-' || n > 0 && isDigit(t[n])) {
		n++
	}
	if n == 0 || n >= len(t) || t[n] != ':' {
		return "", 0, false
	}
	return t[:n], skipSpaces(t, n+1), true
}

// metaLine parses the metadata items at the start of text[pos:end]. It
// returns the offset where body text starts on the line (end when the whole
// line is metadata) and whether the line held metadata at all.
func (p *parser) metaLine(pos, end int) (int, bool) {
	found := false
	for pos < end {
		key, vStart, colon, ok := p.metaKey(pos, end)
		if !ok {
			return pos, found
		}
		if key != "date" {
			vEnd := end
			p.addMeta(key, pos, end, vStart, vEnd)
			return end, true
		}
		t, n, okd := ParseDatePrefix(p.text[vStart:end])
		if !okd {
			if !colon {
				return pos, found
			}
			p.addMeta(key, pos, end, vStart, end)
			return end, true
		}
		vEnd := vStart + n
		after := skipSpaces(p.text[:end], vEnd)
		if colon && after < end && zoneLike(p.text[after:end]) {
			vEnd, after = end, end
		}
		p.addMeta(key, pos, vEnd, vStart, vEnd)
		if p.meta.Date.IsZero() {
			p.meta.Date = t
		}
		found = true
		pos = after
	}
	return end, found
}

// zoneLike reports whether what follows a date on a "date:" line is only a
// zone or label ("BST", "(CET)") rather than the article's first words.
func zoneLike(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) <= 6 && !strings.ContainsRune(s, ' ')
}

// metaKey reads "key:" (or "date" followed by a space) at pos.
func (p *parser) metaKey(pos, end int) (key string, vStart int, colon, ok bool) {
	s := p.text[pos:end]
	w, n := scanWord(s)
	if n == 0 {
		return
	}
	key = metaKeys[strings.ToLower(w)]
	if key == "" {
		return "", 0, false, false
	}
	q := skipSpaces(s, n)
	switch {
	case q < len(s) && s[q] == ':':
		return key, pos + skipSpaces(s, q+1), true, true
	case key == "date" && q > n:
		return key, pos + q, false, true
	}
	return "", 0, false, false
}

func (p *parser) addMeta(key string, start, end, vStart, vEnd int) {
	if vEnd < vStart {
		vEnd = vStart
	}
	// Trailing spaces of a value split from the body belong to neither.
	for vEnd > vStart && p.text[vEnd-1] == ' ' {
		vEnd--
	}
	if end > vEnd && vEnd > vStart {
		end = vEnd
	}
	v := p.text[vStart:vEnd]
	set := func(f *string) {
		if *f == "" {
			*f = v
		}
	}
	switch key {
	case "title":
		set(&p.meta.Title)
	case "source":
		set(&p.meta.Source)
	case "url":
		set(&p.meta.URL)
	case "author":
		set(&p.meta.Author)
	case "lang":
		set(&p.meta.Lang)
	case "date":
		set(&p.meta.DateText)
		if p.meta.Date.IsZero() {
			if t, ok := ParseDate(v); ok {
				p.meta.Date = t
			} else if t, _, ok := ParseDatePrefix(v); ok {
				p.meta.Date = t
			}
		}
	}
	p.blocks = append(p.blocks, cand{Block: article.Block{
		Kind: article.BlockMeta, Span: article.Span{Start: start, End: end},
		Content: article.Span{Start: vStart, End: vEnd}, Key: key, Section: -1,
	}})
}

// parseBody splits the body into blocks: groups of lines separated by blank
// lines, and inside a group bullets, Markdown headings and paragraphs.
func (p *parser) parseBody(first, firstStart int) {
	p.body = len(p.blocks)
	var group []line
	flushGroup := func() {
		if len(group) > 0 {
			p.parseGroup(group)
			group = group[:0]
		}
	}
	for i := first; i < len(p.lines); i++ {
		l := p.lines[i]
		if i == first && firstStart > l.start {
			l.start = firstStart
		}
		if p.blank(l) {
			flushGroup()
			continue
		}
		group = append(group, l)
	}
	flushGroup()
}

func (p *parser) parseGroup(group []line) {
	before := len(p.blocks)
	var cur *cand
	flush := func() {
		if cur != nil {
			p.blocks = append(p.blocks, *cur)
			cur = nil
		}
	}
	for j, l := range group {
		pos := p.indentEnd(l)
		s := p.text[pos:l.end]
		if lvl, cs, ce, ok := atxHeading(s); ok {
			flush()
			p.blocks = append(p.blocks, cand{Block: article.Block{
				Kind: article.BlockHeading, Span: article.Span{Start: pos, End: l.end},
				Content: article.Span{Start: pos + cs, End: pos + ce},
			}, level: lvl, nlines: 1, firstEnd: l.end})
			continue
		}
		if r, ok := ruleLine(s); ok {
			if cur != nil && cur.Kind == article.BlockParagraph && cur.nlines == 1 && j > 0 && (r == '=' || r == '-') {
				// Setext heading: the line above, underlined.
				cur.Kind = article.BlockHeading
				cur.level = 1
				if r == '-' {
					cur.level = 2
				}
				cur.Span.End = l.end
				flush()
				continue
			}
			flush()
			continue
		}
		if lone(s) {
			// A marker with nothing after it: an empty list item, dropped.
			flush()
			continue
		}
		if cs, ok := bulletMarker(s); ok {
			flush()
			cur = &cand{Block: article.Block{
				Kind: article.BlockBullet, Span: article.Span{Start: pos, End: l.end},
				Content: article.Span{Start: pos + cs, End: l.end},
			}, nlines: 1, firstEnd: l.end}
			continue
		}
		if cur != nil {
			// A continuation line: Markdown's lazy continuation for bullets.
			if cur.nlines == 1 {
				cur.secondBeg = pos
			}
			cur.nlines++
			cur.Span.End = l.end
			cur.Content.End = l.end
			continue
		}
		cur = &cand{Block: article.Block{
			Kind: article.BlockParagraph, Span: article.Span{Start: pos, End: l.end},
			Content: article.Span{Start: pos, End: l.end},
		}, nlines: 1, firstEnd: l.end, physLen: l.end - p.lineStart(l.start)}
	}
	flush()
	if len(p.blocks) == before+1 {
		p.blocks[before].standalone = true
	}
}

// lineStart returns the start of the physical line holding offset off.
func (p *parser) lineStart(off int) int {
	i := strings.LastIndexByte(p.text[:off], '\n')
	return i + 1
}

// classify turns paragraph candidates into headline and headings.
func (p *parser) classify() {
	if p.body >= len(p.blocks) {
		return
	}
	h := &p.blocks[p.body]
	more := p.body+1 < len(p.blocks)
	switch h.Kind {
	case article.BlockHeading:
		if h.level == 1 {
			h.Kind = article.BlockHeadline
			h.level = 0
		}
	case article.BlockParagraph:
		first := p.text[h.Content.Start:h.firstEnd]
		switch {
		case h.nlines == 1 && (more && headlineLike(first) || p.meta.Title != "" && first == p.meta.Title):
			h.Kind = article.BlockHeadline
		case h.nlines > 1 && (headlineLike(first) && p.splitsAsHeadline(h) || p.meta.Title != "" && first == p.meta.Title):
			p.split(p.body, article.BlockHeadline, 0)
		}
	}
	for i := p.body + 1; i < len(p.blocks); i++ {
		b := &p.blocks[i]
		if b.Kind != article.BlockParagraph {
			continue
		}
		first := strings.TrimSpace(p.text[b.Content.Start:b.firstEnd])
		last := i == len(p.blocks)-1
		switch {
		case b.nlines == 1 && b.standalone && !last:
			if cs, ce, ok := boldLine(first); ok {
				b.Kind, b.level = article.BlockHeading, 2
				b.Content = article.Span{Start: b.Content.Start + cs, End: b.Content.Start + ce}
			} else if headingLike(first) {
				b.Kind, b.level = article.BlockHeading, 2
			}
		case b.nlines > 1 && opinionHeading(first) && headingLike(first) && startsSentence(p.text[b.secondBeg:]):
			p.split(i, article.BlockHeading, 2)
			i++
		}
	}
	for i := range p.blocks {
		b := &p.blocks[i]
		if b.Kind == article.BlockHeading || b.Kind == article.BlockHeadline {
			// Heading content goes without a trailing colon.
			for b.Content.End > b.Content.Start && (p.text[b.Content.End-1] == ':' || p.text[b.Content.End-1] == ' ') {
				b.Content.End--
			}
		}
	}
	// A headline such as "Analysis: what the vote means" makes the whole
	// piece opinion, not reporting.
	if h := p.blocks[p.body]; h.Kind == article.BlockHeadline && opinionLabel(p.text[h.Content.Start:h.Content.End]) {
		for i := p.body; i < len(p.blocks); i++ {
			p.blocks[i].Opinion = true
		}
	}
}

// split cuts the first line off block i as a block of the given kind.
func (p *parser) split(i int, kind article.BlockKind, level int) {
	b := p.blocks[i]
	head := cand{Block: article.Block{
		Kind: kind, Span: article.Span{Start: b.Span.Start, End: b.firstEnd},
		Content: article.Span{Start: b.Content.Start, End: b.firstEnd},
	}, level: level, nlines: 1, firstEnd: b.firstEnd}
	rest := b
	rest.Span.Start = b.secondBeg
	rest.Content.Start = b.secondBeg
	rest.nlines--
	rest.firstEnd = p.lineEnd(b.secondBeg)
	rest.secondBeg = rest.firstEnd + 1
	rest.standalone = false
	p.blocks = append(p.blocks[:i], append([]cand{head, rest}, p.blocks[i+1:]...)...)
}

func (p *parser) lineEnd(off int) int {
	if i := strings.IndexByte(p.text[off:], '\n'); i >= 0 {
		return off + i
	}
	return len(p.text)
}

// splitsAsHeadline decides whether the first line of a multi-line first
// paragraph is a headline set directly above the body. A hard-wrapped
// paragraph also has a first line without a final period, so the line must
// end on a content word, the next must start a sentence, and the line must
// be clearly shorter than the body lines (or set in capitals/title case).
func (p *parser) splitsAsHeadline(b *cand) bool {
	first := p.text[b.Content.Start:b.firstEnd]
	next := p.text[b.secondBeg:p.lineEnd(b.secondBeg)]
	if !startsSentence(next) || endsOnFunctionWord(first) {
		return false
	}
	if b.physLen > len(first) {
		// The line began with metadata ("date 2021-06-14 …"): only its full
		// width says whether it was wrapped.
		return b.physLen*4 < len(next)*3
	}
	return len(first)*4 < len(next)*3 || titleCase(first)
}

// Bullet markers for key facts. A marker must be followed by a space,
// except "•" which exporters often glue to the text.
var bulletRunes = map[rune]bool{'-': true, '*': true, '+': true, '•': true, '–': true, '—': true, '‣': true, '◦': true, '▪': true, '·': true}

// bulletMarker returns the offset of a bullet's content in s, when s starts
// with a bullet marker.
func bulletMarker(s string) (int, bool) {
	r, n := utf8.DecodeRuneInString(s)
	if bulletRunes[r] {
		q := skipSpaces(s, n)
		if q == len(s) || (q == n && r != '•') {
			return 0, false
		}
		return q, true
	}
	// Numbered facts: "1. ", "2) ".
	v, nd := scanInt(s, 2)
	_ = v
	if nd > 0 && nd+1 < len(s) && (s[nd] == '.' || s[nd] == ')') && (s[nd+1] == ' ' || s[nd+1] == '\t') {
		q := skipSpaces(s, nd+1)
		if q < len(s) {
			return q, true
		}
	}
	return 0, false
}

// lone reports a line that is only a bullet marker.
func lone(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && bulletRunes[r] && r != '*' && r != '-' || s == "-" || s == "*"
}

// atxHeading parses "## Heading ##" and returns the level and content bounds.
func atxHeading(s string) (level, cs, ce int, ok bool) {
	for level < len(s) && s[level] == '#' {
		level++
	}
	if level == 0 || level > 6 || level < len(s) && s[level] != ' ' && s[level] != '\t' {
		return 0, 0, 0, false
	}
	cs = skipSpaces(s, level)
	ce = len(s)
	t := strings.TrimRight(s[cs:], "#")
	if len(t) < len(s[cs:]) && (t == "" || strings.HasSuffix(t, " ")) {
		ce = cs + len(strings.TrimRight(t, " \t"))
	}
	if ce <= cs {
		return 0, 0, 0, false
	}
	return level, cs, ce, true
}

// ruleLine reports a thematic break or setext underline: three or more of
// one of - * _ = (spaces allowed between).
func ruleLine(s string) (rune, bool) {
	var r byte
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
		case (c == '-' || c == '*' || c == '_' || c == '=') && (r == 0 || c == r):
			r = c
			n++
		default:
			return 0, false
		}
	}
	return rune(r), n >= 3
}

// boldLine recognises a line set wholly in bold, "**Analysis**", a common
// way exporters mark headings.
func boldLine(s string) (int, int, bool) {
	for _, m := range []string{"**", "__"} {
		if len(s) > 4 && strings.HasPrefix(s, m) && strings.HasSuffix(s, m) && !strings.Contains(s[2:len(s)-2], m) {
			inner := strings.TrimSpace(s[2 : len(s)-2])
			if inner == "" || len(inner) > 100 || strings.HasSuffix(inner, ".") {
				return 0, 0, false
			}
			cs := strings.Index(s, inner)
			return cs, cs + len(inner), true
		}
	}
	return 0, 0, false
}

// headlineLike: a short line that does not end as a sentence does.
func headlineLike(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 200 || words(s) > 30 || !hasLetter(s) {
		return false
	}
	if _, ok := bulletMarker(s); ok {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"'“‘«", r) {
		return false
	}
	t := strings.TrimRight(s, "\"'”’»)")
	if t == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".,;:…", last)
}

// headingLike: a section heading is a short line that starts with a capital
// or digit and does not end in sentence punctuation. A trailing colon is
// allowed for opinion labels and title-case headings ("Key Facts:").
func headingLike(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 100 || words(s) > 12 || !hasLetter(s) {
		return false
	}
	if strings.HasPrefix(s, "By ") {
		return false // a byline, not a heading
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if last == ':' {
		return opinionHeading(s) || titleCase(strings.TrimSuffix(s, ":"))
	}
	return !strings.ContainsRune(".,;!?\"'”’…", last)
}

// opinionWords start the headings of opinion sections.
var opinionWords = []string{"commentary", "opinion", "analysis", "editorial", "comment", "op-ed", "op ed", "oped", "viewpoint"}

// opinionHeading reports whether a heading opens an opinion section:
// "Commentary", "Opinion", "Analysis: what comes next", "Op-Ed".
func opinionHeading(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, w := range opinionWords {
		if strings.HasPrefix(s, w) {
			rest := s[len(w):]
			if rest == "" || !isLetterByte(rest[0]) && rest[0] != '-' {
				return true
			}
		}
	}
	return false
}

// opinionLabel reports a headline labelled as opinion: "Analysis: …",
// "Opinion | …", "COMMENT-…".
func opinionLabel(s string) bool {
	ls := strings.ToLower(s)
	for _, w := range opinionWords {
		if strings.HasPrefix(ls, w) {
			rest := strings.TrimLeft(ls[len(w):], " ")
			for _, sep := range []string{":", "|", "-", "–", "—"} {
				if strings.HasPrefix(rest, sep) {
					return true
				}
			}
		}
	}
	return false
}

func startsSentence(s string) bool {
	s = strings.TrimLeft(s, " \t")
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'“‘«(", r)
}

// functionWords end a hard-wrapped line far more often than a headline.
var functionWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "in": true, "on": true, "at": true, "to": true,
	"for": true, "with": true, "by": true, "from": true, "as": true, "and": true, "or": true,
	"but": true, "that": true, "which": true, "who": true, "is": true, "are": true, "was": true,
	"were": true, "be": true, "been": true, "has": true, "have": true, "had": true, "will": true,
	"would": true, "said": true, "says": true, "its": true, "his": true, "her": true, "their": true,
	"this": true, "these": true, "than": true, "into": true, "over": true, "after": true,
	"before": true, "about": true, "amid": true, "against": true, "between": true, "during": true,
	"not": true, "no": true, "more": true, "also": true, "told": true, "if": true, "when": true,
}

func endsOnFunctionWord(s string) bool {
	s = strings.TrimRight(s, " \t")
	if strings.HasSuffix(s, "-") || strings.HasSuffix(s, ",") {
		return true
	}
	i := strings.LastIndexAny(s, " \t")
	return functionWords[strings.ToLower(s[i+1:])]
}

// titleCase: every word of four or more letters starts with a capital (all
// capitals included), and there are at least two words.
func titleCase(s string) bool {
	f := strings.Fields(s)
	if len(f) < 2 {
		return false
	}
	for _, w := range f {
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func words(s string) int { return len(strings.Fields(s)) }

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

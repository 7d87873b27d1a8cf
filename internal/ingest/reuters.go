package ingest

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/structure"
)

var (
	reutersOpen  = []byte("<REUTERS")
	reutersClose = []byte("</REUTERS>")
)

// ReadReuters reads Reuters-21578 SGML: every <REUTERS> element is one
// article named origin#n, its Raw the element's bytes. TITLE becomes the
// headline, DATE the publication date ("26-FEB-1987 15:01:01.79", UTC),
// DATELINE and BODY the text (paragraphs start at indented lines); the
// unprocessed TEXT of tabular items is kept as it stands. Briefs carry a
// title only and become headline-only articles. The scan is hand-written
// (no regular expressions): wire archives are large.
func ReadReuters(origin string, data []byte, yield func(Item) bool) bool {
	n := 0
	if !readReuters(origin, data, &n, len(data), yield) {
		return false
	}
	if n == 0 {
		return yield(itemErr(origin, fmt.Errorf("%w SGML: no <REUTERS> elements", ErrMalformed)))
	}
	return true
}

// readReuters reads the elements of data, numbering them after *n; an
// element over limit bytes fails alone.
func readReuters(origin string, data []byte, n *int, limit int, yield func(Item) bool) bool {
	for {
		i := bytes.Index(data, reutersOpen)
		if i < 0 {
			return true
		}
		*n++
		o := itemOrigin(origin, *n)
		data = data[i:]
		j := bytes.Index(data, reutersClose)
		if j < 0 {
			return yield(itemErr(o, fmt.Errorf("%w SGML: <REUTERS> element not closed (truncated file?)", ErrMalformed)))
		}
		elem := data[:j+len(reutersClose)]
		data = data[len(elem):]
		if len(elem) > limit {
			if !yield(itemErr(o, fmt.Errorf("%w (<REUTERS> element over %d bytes)", ErrTooLarge, limit))) {
				return false
			}
			continue
		}
		if !yield(reutersItem(o, elem)) {
			return false
		}
	}
}

func reutersItem(origin string, elem []byte) Item {
	s, err := toUTF8(elem)
	if err != nil {
		return itemErr(origin, err)
	}
	a := newArticle(origin, article.FormatReuters, elem)
	a.Source, a.Lang = "Reuters", "en"
	if d, ok := sgmlField(s, "DATE"); ok {
		if t, _, ok := structure.ParseDatePrefix(strings.TrimSpace(d)); ok {
			a.Published, a.DateSource = t, "sgml"
		}
	}
	text := s
	if i := strings.Index(s, "<TEXT"); i >= 0 {
		text = s[i:]
	}
	title, _ := sgmlField(text, "TITLE")
	title = normSpace(decodeSGML(title))
	dateline, _ := sgmlField(text, "DATELINE")
	body, hasBody := sgmlField(text, "BODY")
	if !hasBody && strings.Contains(text[:min(len(text), 40)], `TYPE="UNPROC"`) {
		body, hasBody = sgmlField(text, "TEXT")
		if k := strings.IndexByte(body, '>'); k >= 0 {
			body = body[k+1:]
		}
	}
	var b structure.Builder
	b.Grow(len(title)+len(dateline)+len(body)+8, 2+strings.Count(body, "\n")/4)
	b.Headline(title)
	if hasBody {
		addWireBody(&b, normSpace(decodeSGML(dateline)), body, title == "")
	}
	if b.Len() == 0 {
		return itemErr(origin, fmt.Errorf("%w: no TITLE and no BODY", ErrEmpty))
	}
	a.Text, a.Structure = b.Finish()
	a.Title = headline(a.Text, a.Structure)
	return Item{Article: a}
}

// sgmlField returns the content of the first <TAG ...>…</TAG> in s.
func sgmlField(s, tag string) (string, bool) {
	i := strings.Index(s, "<"+tag)
	if i < 0 {
		return "", false
	}
	rest := s[i+1+len(tag):]
	if len(rest) == 0 || rest[0] != '>' && rest[0] != ' ' {
		return "", false
	}
	if tag != "TEXT" {
		k := strings.IndexByte(rest, '>')
		if k < 0 {
			return "", false
		}
		rest = rest[k+1:]
	}
	j := strings.Index(rest, "</"+tag+">")
	if j < 0 {
		return rest, true // unterminated: take what there is
	}
	return rest[:j], true
}

// addWireBody splits a wire body into paragraphs. A paragraph starts at an
// indented line (three spaces, a tab, or the "&\t" marker this copy of the
// corpus carries); other lines continue the paragraph, newline kept. The
// dateline opens the first paragraph, as printed; the closing "Reuter"
// sign-off is dropped. When there is no title, a short first line is the
// headline (the unprocessed tabular items start with one).
func addWireBody(b *structure.Builder, dateline, body string, firstIsTitle bool) {
	var para strings.Builder
	para.Grow(min(len(body)+len(dateline)+1, 1024))
	if dateline != "" {
		para.WriteString(dateline)
		para.WriteByte(' ')
	}
	flush := func() {
		if para.Len() > 0 {
			b.Paragraph(para.String())
			para.Reset()
		}
	}
	lines := 0
	for len(body) > 0 {
		var ln string
		if i := strings.IndexByte(body, '\n'); i >= 0 {
			ln, body = body[:i], body[i+1:]
		} else {
			ln, body = body, ""
		}
		indented := false
		switch {
		case strings.HasPrefix(ln, `&\t`):
			ln, indented = ln[3:], true
		case strings.HasPrefix(ln, "\t") || strings.HasPrefix(ln, "   "):
			indented = true
		}
		ln = strings.TrimSpace(decodeSGML(ln))
		if ln == "" {
			if lines > 0 {
				flush()
			}
			continue
		}
		if len(body) == 0 || strings.TrimSpace(body) == "" || strings.TrimSpace(body) == "&#3;" {
			if ln == "Reuter" || ln == "REUTER" || ln == "Reuters" {
				continue
			}
		}
		if firstIsTitle && lines == 0 && len(ln) <= 120 {
			b.Headline(ln)
			lines++
			continue
		}
		if indented && para.Len() > 0 && !(lines == 0 && dateline != "") {
			flush()
		}
		if para.Len() > 0 && !(lines == 0 && dateline != "") {
			para.WriteByte('\n')
		}
		para.WriteString(ln)
		lines++
	}
	flush()
}

// decodeSGML decodes the entities the corpus uses (&lt; &gt; &amp; &quot;
// &apos; and numeric ones) and drops the control characters that numeric
// entities encode (&#2; &#3; &#5; …: wire transmission codes, not text).
func decodeSGML(s string) string {
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.IndexByte(s, '&')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i:]
		j := strings.IndexByte(s, ';')
		if j < 0 || j > 10 {
			b.WriteByte('&')
			s = s[1:]
			continue
		}
		ent := s[1:j]
		switch {
		case ent == "lt":
			b.WriteByte('<')
		case ent == "gt":
			b.WriteByte('>')
		case ent == "amp":
			b.WriteByte('&')
		case ent == "quot":
			b.WriteByte('"')
		case ent == "apos":
			b.WriteByte('\'')
		case len(ent) > 1 && ent[0] == '#':
			var n uint64
			var err error
			if ent[1] == 'x' || ent[1] == 'X' {
				n, err = strconv.ParseUint(ent[2:], 16, 32)
			} else {
				n, err = strconv.ParseUint(ent[1:], 10, 32)
			}
			switch {
			case err != nil:
				b.WriteString(s[:j+1])
			case n == '\t' || n == '\n':
				b.WriteByte(byte(n))
			case n < 0x20 || n == 0x7f || n >= 0x80 && n < 0xa0:
				// a transmission code: dropped
			case utf8.ValidRune(rune(n)):
				b.WriteRune(rune(n))
			default:
				b.WriteRune(utf8.RuneError)
			}
		default:
			b.WriteString(s[:j+1])
		}
		s = s[j+1:]
	}
}

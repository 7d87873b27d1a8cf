package server

import (
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/dossier-news/dossier/internal/article"
)

// renderText turns an article's text into HTML with its blocks as
// paragraphs (opinion sections shaded), each sentence a span carrying its
// byte offsets (so "#s=START-END" can highlight a cited span), and entity
// mentions, time expressions and quotes marked. Every character of the text
// is escaped: article text is untrusted.
func renderText(a *article.Article, an *article.Analysis) template.HTML {
	var b strings.Builder
	b.Grow(len(a.Text) * 2)
	blocks := a.Structure.Blocks
	if len(blocks) == 0 {
		blocks = []article.Block{{Kind: article.BlockParagraph, Span: article.Span{End: len(a.Text)}, Content: article.Span{End: len(a.Text)}}}
	}
	var marks []mark
	if an != nil {
		marks = marksOf(an)
	}
	inBullets := false
	for _, bl := range blocks {
		if bl.Kind == article.BlockMeta {
			continue
		}
		if bl.Kind == article.BlockBullet && !inBullets {
			b.WriteString(`<ul class="bullets">`)
			inBullets = true
		} else if bl.Kind != article.BlockBullet && inBullets {
			b.WriteString(`</ul>`)
			inBullets = false
		}
		tag := "p"
		switch bl.Kind {
		case article.BlockHeadline:
			tag = "h2"
		case article.BlockHeading:
			tag = "h3"
		case article.BlockBullet:
			tag = "li"
		}
		cls := "blk blk-" + string(bl.Kind)
		if bl.Opinion {
			cls += " opinion"
		}
		b.WriteString("<" + tag + ` class="` + cls + `"`)
		if bl.Opinion {
			b.WriteString(` title="opinion or analysis, not reporting"`)
		}
		b.WriteString(">")
		sp := bl.Content
		if sp.Len() <= 0 {
			sp = bl.Span
		}
		writeSpan(&b, a.Text, sp, marks)
		b.WriteString("</" + tag + ">")
	}
	if inBullets {
		b.WriteString(`</ul>`)
	}
	return template.HTML(b.String())
}

// mark is one annotation over the text.
type mark struct {
	kind  byte // 's' sentence, 'q' quote, 'm' mention, 't' timex
	span  article.Span
	key   string // entity key for mentions
	class string // entity type for mentions
	title string // tooltip: timex value, mention's entity name
}

func marksOf(an *article.Analysis) []mark {
	var ms []mark
	for _, s := range an.Sentences {
		ms = append(ms, mark{kind: 's', span: s})
	}
	for _, q := range an.Quotes {
		if !q.Scare {
			t := "quote"
			if q.SpeakerName != "" {
				t = "quote of " + q.SpeakerName
			}
			ms = append(ms, mark{kind: 'q', span: q.Content, title: t})
		}
	}
	for _, m := range an.Mentions {
		mk := mark{kind: 'm', span: m.Span, class: m.Type, title: m.Type}
		if m.Entity >= 0 && m.Entity < len(an.Entities) {
			e := an.Entities[m.Entity]
			mk.key, mk.title = e.Key, e.Name+" ("+e.Type+")"
		}
		ms = append(ms, mk)
	}
	for _, t := range an.Timexes {
		ms = append(ms, mark{kind: 't', span: t.Span, title: t.Type + " " + t.Value})
	}
	return ms
}

// writeSpan writes text[sp] cut into segments at every annotation boundary;
// each segment is wrapped in the annotations active over it, so the output
// nests properly whatever the annotations overlap.
func writeSpan(b *strings.Builder, text string, sp article.Span, marks []mark) {
	if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
		return
	}
	var local []mark
	cuts := []int{sp.Start, sp.End}
	for _, m := range marks {
		if m.span.Start < sp.End && sp.Start < m.span.End && m.span.Start < m.span.End {
			local = append(local, m)
			cuts = append(cuts, max(m.span.Start, sp.Start), min(m.span.End, sp.End))
		}
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	sentOpen := -1 // index in local of the open sentence
	for i := 0; i+1 < len(cuts); i++ {
		p, q := cuts[i], cuts[i+1]
		var sent, quote, ment, tx = -1, -1, -1, -1
		for j, m := range local {
			if m.span.Start <= p && q <= m.span.End {
				switch {
				case m.kind == 's' && sent < 0:
					sent = j
				case m.kind == 'q' && quote < 0:
					quote = j
				case m.kind == 'm' && ment < 0:
					ment = j
				case m.kind == 't' && tx < 0:
					tx = j
				}
			}
		}
		if sent != sentOpen {
			if sentOpen >= 0 {
				b.WriteString("</span>")
			}
			if sent >= 0 {
				s := local[sent].span
				b.WriteString(`<span class="s" id="s` + strconv.Itoa(s.Start) + `" data-s="` + strconv.Itoa(s.Start) + `" data-e="` + strconv.Itoa(s.End) + `">`)
			}
			sentOpen = sent
		}
		var closers []string
		if quote >= 0 {
			b.WriteString(`<q class="qt" title="` + template.HTMLEscapeString(local[quote].title) + `">`)
			closers = append(closers, "</q>")
		}
		if ment >= 0 {
			m := local[ment]
			cls := `m m-` + template.HTMLEscapeString(m.class)
			if m.key != "" {
				b.WriteString(`<a class="` + cls + `" href="/entities/` + template.HTMLEscapeString(pathEscape(m.key)) + `" title="` + template.HTMLEscapeString(m.title) + `">`)
				closers = append(closers, "</a>")
			} else {
				b.WriteString(`<span class="` + cls + `" title="` + template.HTMLEscapeString(m.title) + `">`)
				closers = append(closers, "</span>")
			}
		}
		if tx >= 0 {
			b.WriteString(`<span class="tx" title="` + template.HTMLEscapeString(local[tx].title) + `">`)
			closers = append(closers, "</span>")
		}
		b.WriteString(template.HTMLEscapeString(text[p:q]))
		for k := len(closers) - 1; k >= 0; k-- {
			b.WriteString(closers[k])
		}
	}
	if sentOpen >= 0 {
		b.WriteString("</span>")
	}
}

// snippetHTML escapes a search snippet and turns its [match] markers into <mark>.
func snippetHTML(s string) template.HTML {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], ']')
		if j < 0 {
			break
		}
		b.WriteString(template.HTMLEscapeString(s[:i]))
		b.WriteString("<mark>" + template.HTMLEscapeString(s[i+1:i+j]) + "</mark>")
		s = s[i+j+1:]
	}
	b.WriteString(template.HTMLEscapeString(s))
	return template.HTML(b.String())
}

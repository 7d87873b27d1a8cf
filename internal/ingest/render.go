package ingest

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/structure"
)

// renderer turns an HTML tree into Builder blocks: h1–h6 become headings,
// list items bullets, other block elements paragraphs. Whitespace collapses
// as a browser would show it; <br> keeps a line break inside a paragraph.
type renderer struct {
	b     *structure.Builder
	title string // the headline already added; a heading repeating it is dropped
	buf   strings.Builder
	kind  article.BlockKind
	level int
}

// skipped elements never hold article prose.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Head: true,
	atom.Nav: true, atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Button: true,
	atom.Svg: true, atom.Iframe: true, atom.Select: true, atom.Textarea: true, atom.Object: true,
	atom.Figure: true, atom.Img: true, atom.Video: true, atom.Audio: true, atom.Canvas: true,
	atom.Menu: true, atom.Dialog: true,
}

// blockElems end the paragraph before them and after them.
var blockElems = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Blockquote: true, atom.Section: true, atom.Article: true,
	atom.Main: true, atom.Header: true, atom.Pre: true, atom.Table: true, atom.Tr: true,
	atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Hr: true, atom.Address: true, atom.Center: true,
	atom.Details: true, atom.Summary: true, atom.Figcaption: true, atom.Body: true, atom.Html: true,
	atom.Caption: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Fieldset: true,
}

func renderHTML(b *structure.Builder, n *html.Node, title string) {
	r := &renderer{b: b, title: normSpace(title), kind: article.BlockParagraph}
	r.walk(n)
	r.flush()
}

func (r *renderer) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.buf.WriteString(n.Data)
		return
	case html.DocumentNode:
		r.children(n)
		return
	case html.ElementNode:
	default:
		return
	}
	a := n.DataAtom
	if a == 0 {
		// Trees built by trafilatura carry tag names only.
		a = atom.Lookup([]byte(strings.ToLower(n.Data)))
	}
	if skipped[a] || hiddenElem(n) {
		return
	}
	switch a {
	case atom.Br:
		r.buf.WriteByte('\n')
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		r.flush()
		saveK, saveL := r.kind, r.level
		r.kind, r.level = article.BlockHeading, int(a.String()[1]-'0')
		r.children(n)
		r.flush()
		r.kind, r.level = saveK, saveL
	case atom.Li, atom.Dt, atom.Dd:
		r.flush()
		save := r.kind
		r.kind = article.BlockBullet
		r.children(n)
		r.flush()
		r.kind = save
	case atom.Td, atom.Th:
		r.buf.WriteByte(' ')
		r.children(n)
		r.buf.WriteByte(' ')
	default:
		if blockElems[a] {
			r.flush()
			r.children(n)
			r.flush()
			return
		}
		r.children(n)
	}
}

func (r *renderer) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
}

func hiddenElem(n *html.Node) bool {
	for _, at := range n.Attr {
		if at.Key == "hidden" || at.Key == "aria-hidden" && at.Val == "true" {
			return true
		}
	}
	return false
}

// flush adds the text collected so far as one block.
func (r *renderer) flush() {
	raw := r.buf.String()
	r.buf.Reset()
	var lines []string
	for _, l := range strings.Split(raw, "\n") {
		if l = normSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return
	}
	text := strings.Join(lines, "\n")
	if r.title != "" && !r.b.HasBody() && strings.EqualFold(normSpace(text), r.title) {
		return // the page repeats its headline
	}
	if r.kind != article.BlockHeading && !r.b.HasBody() && leadOnly(lines) {
		// A byline or date stamp above the first paragraph ("Published
		// Wednesday 11 November 2026, 20:15") that the extractor kept: the
		// page's metadata already says it, and it is no sentence of the story.
		return
	}
	if r.kind == article.BlockParagraph && structure.ClosingCredit(text) {
		return // a wire sign-off or a republication note: credits, not the story
	}
	switch r.kind {
	case article.BlockHeading:
		if r.b.Len() == 0 && r.level == 1 {
			r.b.Headline(text)
			r.title = normSpace(text)
			return
		}
		r.b.Heading(r.level, text)
	case article.BlockBullet:
		r.b.Bullet(text)
	default:
		r.b.Paragraph(text)
	}
}

// leadOnly reports whether every line is lead metadata (structure.LeadLine).
func leadOnly(lines []string) bool {
	for _, l := range lines {
		if _, ok := structure.LeadLine(l); !ok {
			return false
		}
	}
	return len(lines) > 0
}

// normSpace collapses white-space runs to one space and trims.
func normSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// looksLikeHTML reports markup in a text field (feed content, JSON "content").
func looksLikeHTML(s string) bool {
	l := strings.ToLower(s)
	for _, tag := range []string{"<p>", "<p ", "<br", "<div", "</p>", "<li>", "<h1", "<h2", "<h3", "<a ", "<strong>", "<em>", "<span", "<img", "<figure", "<ul>", "<blockquote"} {
		if strings.Contains(l, tag) {
			return true
		}
	}
	return false
}

// addBody adds an article body that may be HTML or plain text.
func addBody(b *structure.Builder, body, title string) {
	if looksLikeHTML(body) {
		ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
		nodes, err := html.ParseFragment(strings.NewReader(body), ctx)
		if err == nil {
			r := &renderer{b: b, title: normSpace(title), kind: article.BlockParagraph}
			for _, n := range nodes {
				r.walk(n)
			}
			r.flush()
			return
		}
	}
	b.Text(body)
}

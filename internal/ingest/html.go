package ingest

import (
	"bytes"
	"fmt"
	nurl "net/url"
	"strings"

	htmldate "github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/structure"
)

// readHTML reads a web page: trafilatura finds the main text and the title,
// author and site; htmldate the publication date. pageURL is the page's
// address when it was fetched (or its path), contentType the served type.
func (r *Reader) readHTML(origin, pageURL, contentType string, data []byte) Item {
	s, err := htmlToUTF8(data, contentType)
	if err != nil {
		return itemErr(origin, err)
	}
	doc, err := html.Parse(strings.NewReader(closeTitle(s)))
	if err != nil {
		return itemErr(origin, fmt.Errorf("%w HTML: %w", ErrMalformed, err))
	}
	a := newArticle(origin, article.FormatHTML, data)
	isURL := strings.HasPrefix(pageURL, "http://") || strings.HasPrefix(pageURL, "https://")

	dopts := htmldate.Options{UseOriginalDate: true, ExtractTime: true, SkipExtensiveSearch: r.opts.FastHTML}
	if isURL {
		dopts.URL = pageURL
	}
	date, derr := htmldate.FromDocument(doc, dopts)
	if derr != nil {
		r.opts.Logger.Debug("no publication date", "origin", origin, "err", derr)
	}

	topts := trafilatura.Options{
		EnableFallback:   !r.opts.FastHTML,
		ExcludeComments:  true,
		ExcludeTables:    true,
		HtmlDateOverride: &htmldate.Result{},
	}
	if isURL {
		if u, err := nurl.Parse(pageURL); err == nil {
			topts.OriginalURL = u
		}
	}
	var b structure.Builder
	res, terr := trafilatura.ExtractDocument(doc, topts)
	title := ""
	if terr == nil {
		md := res.Metadata
		title = md.Title
		a.Author = md.Author
		a.Source = md.Sitename
		if a.Source == "" {
			a.Source = md.Hostname
		}
		a.URL = md.URL
		a.Lang = md.Language
		b.Headline(title)
		if res.ContentNode != nil {
			renderHTML(&b, res.ContentNode, title)
		}
		if !b.HasBody() && strings.TrimSpace(res.ContentText) != "" {
			b.Text(res.ContentText)
		}
		if len(strings.Fields(res.ContentText)) < 3 {
			// trafilatura's last resort is the page's whole text, navigation
			// included ("Home"); that is not an article.
			b = structure.Builder{}
		}
	} else {
		r.opts.Logger.Debug("trafilatura found no main text; using the whole body", "origin", origin, "err", terr)
	}
	if !b.HasBody() {
		// Short or unusual pages: the visible text of <body>, less the
		// page furniture renderHTML skips.
		b = structure.Builder{}
		if title == "" {
			title = pageTitle(doc)
		}
		b.Headline(title)
		renderHTML(&b, doc, title)
	}
	if !b.HasBody() {
		return itemErr(origin, fmt.Errorf("%w: no text found in the HTML", ErrEmpty))
	}
	a.Text, a.Structure = b.Finish()
	a.Title = headline(a.Text, a.Structure)
	if a.URL == "" && isURL {
		a.URL = pageURL
	}
	if !date.DateTime.IsZero() {
		a.Published, a.DateSource = date.DateTime, "html"
	}
	if structure.OpinionSection(metaProperty(doc, "article:section")) {
		markOpinion(&a.Structure) // <meta property="article:section" content="Opinion">
	}
	return Item{Article: a}
}

// htmlToUTF8 decodes a page in the charset its Content-Type or <meta>
// declares; undeclared pages that are not valid UTF-8 go through toUTF8.
func htmlToUTF8(data []byte, contentType string) (string, error) {
	enc, name, certain := charset.DetermineEncoding(data, contentType)
	if name == "utf-8" || !certain && name == "windows-1252" {
		return toUTF8(data)
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), data)
	if err != nil {
		return "", fmt.Errorf("%w: decode %s: %w", ErrEncoding, name, err)
	}
	return string(bytes.ToValidUTF8(out, []byte("\uFFFD"))), nil
}

// closeTitle closes a <title> the page never closes. Its content is raw
// text to an HTML parser, so the whole page after it, markup included,
// became the title and the only text ("Broken page<body><div><p>…"). The
// title ends where its first line or its first tag does.
func closeTitle(s string) string {
	head := s[:min(len(s), 4096)]
	lh := strings.ToLower(head)
	i := strings.Index(lh, "<title")
	if i < 0 || strings.Contains(strings.ToLower(s), "</title") {
		return s
	}
	gt := strings.IndexByte(head[i:], '>')
	if gt < 0 {
		return s
	}
	start := i + gt + 1
	end := len(s)
	if j := strings.IndexAny(s[start:], "<\n"); j >= 0 {
		end = start + j
	}
	return s[:end] + "</title>" + s[end:]
}

// metaProperty is the content of the page's first <meta property=name>
// (or name=name), "" when there is none.
func metaProperty(doc *html.Node, name string) string {
	var find func(*html.Node) string
	find = func(n *html.Node) string {
		if n.Type == html.ElementNode && n.DataAtom == atom.Meta {
			var key, content string
			for _, at := range n.Attr {
				switch at.Key {
				case "property", "name":
					key = at.Val
				case "content":
					content = at.Val
				}
			}
			if strings.EqualFold(key, name) {
				return content
			}
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			return "" // metadata lives in <head>
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if v := find(c); v != "" {
				return v
			}
		}
		return ""
	}
	return find(doc)
}

// pageTitle is the text of <title>, "" when there is none.
func pageTitle(doc *html.Node) string {
	var find func(*html.Node) string
	find = func(n *html.Node) string {
		if n.Type == html.ElementNode && n.DataAtom == atom.Title {
			var sb strings.Builder
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.TextNode {
					sb.WriteString(c.Data)
				}
			}
			return normSpace(sb.String())
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if t := find(c); t != "" {
				return t
			}
		}
		return ""
	}
	return find(doc)
}

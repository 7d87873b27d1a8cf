package ingest

import (
	"fmt"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/structure"
)

// readText reads a plain-text or Markdown article: the structure parser
// finds its metadata lines, headline, bullets and sections.
func (r *Reader) readText(origin string, f inputFormat, data []byte) Item {
	s, err := toUTF8(data)
	if err != nil {
		return itemErr(origin, err)
	}
	af := article.FormatText
	if f == formatMarkdown {
		af = article.FormatMarkdown
	}
	a := newArticle(origin, af, data)
	text, st, meta := structure.Parse(s)
	if len(st.Body()) == 0 {
		if len(st.Blocks) > 0 {
			return itemErr(origin, fmt.Errorf("%w: only metadata lines", ErrEmpty))
		}
		return itemErr(origin, fmt.Errorf("%w: blank text", ErrEmpty))
	}
	a.Text, a.Structure = text, st
	a.Title, a.Source, a.URL, a.Author, a.Lang = meta.Title, meta.Source, meta.URL, meta.Author, meta.Lang
	if a.Title == "" {
		a.Title = headline(text, st)
	}
	if !meta.Date.IsZero() {
		a.Published, a.DateSource = meta.Date, "metadata"
	}
	return Item{Article: a}
}

// headline returns the text of the headline block, "" when there is none.
func headline(text string, st article.Structure) string {
	for _, b := range st.Blocks {
		if b.Kind == article.BlockHeadline {
			return b.Content.Of(text)
		}
	}
	return ""
}

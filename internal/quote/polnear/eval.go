package polnear

import (
	"fmt"

	"github.com/dossier-news/dossier/internal/article"
)

// FromQuotes turns a document's quotes into predicted attributions in the
// corpus's shape. Quotes that share a cue become one attribution with a
// discontinuous content, as the corpus annotates `“…,” X said. “…”`. Scare
// quotes and quotes without a cue are no attributions and are left out.
func FromQuotes(quotes []article.Quote) []Predicted {
	var out []Predicted
	byCue := map[article.Span]int{}
	for _, q := range quotes {
		if q.Scare || q.Cue == nil {
			continue
		}
		if i, ok := byCue[*q.Cue]; ok {
			out[i].Content = append(out[i].Content, q.Content)
			out[i].Direct = out[i].Direct || q.Direct
			continue
		}
		p := Predicted{Attribution: Attribution{Cue: []article.Span{*q.Cue}, Content: []article.Span{q.Content}}, Direct: q.Direct}
		if q.Speaker != nil {
			p.Source = []article.Span{*q.Speaker}
		}
		byCue[*q.Cue] = len(out)
		out = append(out, p)
	}
	return out
}

// Analyser runs the production pipeline on one article and returns its Doc
// (pipeline.Pipeline.Run has this shape).
type Analyser func(a *article.Article) (*article.Doc, error)

// Evaluate runs analyse over every document (as a plain-text article) and
// scores the quotes it finds. A document whose analysis fails scores with
// whatever quotes were found before the failure, and the first such error
// is returned with the scores.
func Evaluate(docs []Document, analyse Analyser) (*Scores, error) {
	s := &Scores{}
	var firstErr error
	for _, d := range docs {
		a := &article.Article{Text: d.Text, Format: article.FormatText, Origin: d.Name}
		doc, err := analyse(a)
		if err != nil && firstErr == nil {
			firstErr = fmt.Errorf("polnear: analysing %s: %w", d.Name, err)
		}
		if doc == nil {
			s.Add(d, nil)
			continue
		}
		s.Add(d, FromQuotes(doc.Analysis.Quotes))
	}
	return s, firstErr
}

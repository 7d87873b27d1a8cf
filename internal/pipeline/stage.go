// Package pipeline runs the per-article analysis stages in order over a Doc
// and names the analysis version stored with the result.
package pipeline

import "github.com/dossier-news/dossier/internal/article"

// Stage is one per-article analysis step. A stage reads the Doc (article,
// text layer, earlier stages' results) and fills in its own part of
// Doc.Analysis. Stages must be safe for concurrent use on different Docs and
// must not panic on any input: a stage error is reported per article and the
// rest of the batch goes on.
type Stage interface {
	Name() string
	Analyse(doc *article.Doc) error
}

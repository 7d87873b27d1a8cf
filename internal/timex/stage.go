package timex

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dossier-news/dossier/internal/article"
)

// Stage is the pipeline stage "timex": it sets Analysis.DocDate and appends
// the article's time expressions, resolved against that date.
type Stage struct {
	tagger *Tagger
}

// NewStage returns the timex stage.
func NewStage() *Stage { return &Stage{tagger: NewTagger()} }

// Name implements pipeline.Stage.
func (s *Stage) Name() string { return "timex" }

// Analyse implements pipeline.Stage. It never panics: a failure inside the
// tagger is returned as an error for this article alone.
func (s *Stage) Analyse(doc *article.Doc) (err error) {
	if doc == nil || doc.Article == nil {
		return fmt.Errorf("timex: no article")
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("timex: article %d: %v", doc.Article.ID, r)
		}
	}()
	dd := DocDate(doc.Article)
	doc.Analysis.DocDate = &dd
	tagger := s.tagger
	if tagger == nil {
		tagger = NewTagger()
	}
	xs := tagger.Tag(doc.Article.Text, DCTOf(dd))
	base := len(doc.Analysis.Timexes)
	for i := range xs {
		if n, ok := strings.CutPrefix(xs[i].Anchor, "timex:"); ok {
			if k, err := strconv.Atoi(n); err == nil {
				xs[i].Anchor = "timex:" + strconv.Itoa(base+k)
			}
		}
	}
	doc.Analysis.Timexes = append(doc.Analysis.Timexes, xs...)
	return nil
}

package entity

import (
	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/text"
)

// Stage is the entity stage (name "entity"): it reads the name mentions of
// the NER stage and fills Mention.Role, Mention.Entity and
// Analysis.Entities, adding "title" and "pronoun" mentions it resolves.
// It keeps no state between documents.
type Stage struct {
	// Gazetteer overrides the built-in gazetteer when set.
	Gazetteer *Gazetteer
}

// Name implements pipeline.Stage.
func (Stage) Name() string { return "entity" }

// Analyse implements pipeline.Stage.
func (s Stage) Analyse(doc *article.Doc) error {
	if doc == nil || doc.Article == nil {
		return nil
	}
	if len(doc.Tokens) == 0 && doc.Article.Text != "" {
		text.Analyse(doc)
	}
	g := s.Gazetteer
	if g == nil {
		g = Default()
	}
	newResolver(doc, g).run()
	return nil
}

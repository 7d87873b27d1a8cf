package ner

import (
	"fmt"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/pipeline"
	"github.com/dossier-news/dossier/internal/text"
)

// Stage is the tagger as a pipeline stage (name "ner"): it tags the
// sentences of the text layer as one document and appends one
// article.Mention (Kind "name", Entity -1) per name, with the byte span from
// its first token's start to its last token's end.
type Stage struct {
	// Tagger is the tagger to use; nil means the embedded model (Default).
	Tagger *Tagger
}

var _ pipeline.Stage = Stage{}

// Name implements pipeline.Stage.
func (Stage) Name() string { return "ner" }

// Analyse implements pipeline.Stage.
func (s Stage) Analyse(doc *article.Doc) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("ner: %v", r)
		}
	}()
	if doc == nil || doc.Article == nil {
		return nil
	}
	t := s.Tagger
	if t == nil {
		if t, err = Default(); err != nil {
			return err
		}
	}
	if len(doc.Tokens) == 0 {
		text.Analyse(doc) // the text layer is shared; fill it when no stage has yet
	}
	sents := make([][]string, len(doc.Sentences))
	for i, st := range doc.Sentences {
		if st.TokStart < 0 || st.TokEnd > len(doc.Tokens) || st.TokStart > st.TokEnd {
			return fmt.Errorf("ner: sentence %d has tokens [%d,%d) of %d", i, st.TokStart, st.TokEnd, len(doc.Tokens))
		}
		toks := doc.Tokens[st.TokStart:st.TokEnd]
		words := make([]string, len(toks))
		for j, tk := range toks {
			words[j] = tk.Text
		}
		sents[i] = words
	}
	src := doc.Article.Text
	for i, chunks := range t.ChunkDocument(sents) {
		toks := doc.Tokens[doc.Sentences[i].TokStart:doc.Sentences[i].TokEnd]
		for _, c := range chunks {
			span := article.Span{Start: toks[c.Start].Span.Start, End: toks[c.End-1].Span.End}
			doc.Analysis.Mentions = append(doc.Analysis.Mentions, article.Mention{
				Span:   span,
				Text:   span.Of(src),
				Type:   c.Type,
				Kind:   "name",
				Entity: -1,
			})
		}
	}
	return nil
}

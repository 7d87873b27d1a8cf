package entity_test

import (
	"sort"
	"strings"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/text"
)

// tagger is a tiny dictionary NER for tests: it marks every occurrence of a
// listed name that starts and ends on token boundaries, longest name first.
type tagger map[string]string // name -> type

func (tg tagger) doc(txt string) *article.Doc {
	doc := &article.Doc{Article: &article.Article{Text: txt}}
	text.Analyse(doc)
	names := make([]string, 0, len(tg))
	for n := range tg {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	ends := map[int]bool{}
	for _, t := range doc.Tokens {
		ends[t.Span.End] = true
	}
	for i := 0; i < len(doc.Tokens); i++ {
		start := doc.Tokens[i].Span.Start
		for _, n := range names {
			if strings.HasPrefix(txt[start:], n) && ends[start+len(n)] {
				doc.Analysis.Mentions = append(doc.Analysis.Mentions, article.Mention{
					Span: article.Span{Start: start, End: start + len(n)}, Text: n, Type: tg[n], Kind: "name", Entity: -1,
				})
				for i+1 < len(doc.Tokens) && doc.Tokens[i+1].Span.Start < start+len(n) {
					i++
				}
				break
			}
		}
	}
	return doc
}

// capitalTagger marks every run of capitalised tokens as a mention, cycling
// through the NER types: a crude stand-in for the NER stage in fuzzing and
// benchmarks.
func capitalTagger(txt string) *article.Doc {
	doc := &article.Doc{Article: &article.Article{Text: txt}}
	text.Analyse(doc)
	types := []string{article.PER, article.ORG, article.GPE, article.PER, article.LOC, article.MISC}
	n := 0
	for i := 0; i < len(doc.Tokens); {
		t := doc.Tokens[i]
		if t.Text == "" || t.Text[0] < 'A' || t.Text[0] > 'Z' {
			i++
			continue
		}
		j := i + 1
		for j < len(doc.Tokens) && doc.Tokens[j].Text != "" && doc.Tokens[j].Text[0] >= 'A' && doc.Tokens[j].Text[0] <= 'Z' {
			j++
		}
		sp := article.Span{Start: t.Span.Start, End: doc.Tokens[j-1].Span.End}
		doc.Analysis.Mentions = append(doc.Analysis.Mentions, article.Mention{Span: sp, Text: sp.Of(txt), Type: types[n%len(types)], Kind: "name", Entity: -1})
		n++
		i = j
	}
	return doc
}

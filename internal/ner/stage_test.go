package ner

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dossier-news/dossier/internal/article"
)

func TestStage(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // "TYPE:text" of each mention, in order
	}{
		{
			name: "names with exact byte spans",
			text: "Angela Merkel met the chief executive of Siemens in Berlin on Tuesday.",
			want: []string{"PER:Angela Merkel", "ORG:Siemens", "GPE:Berlin"},
		},
		{
			name: "multi-byte text before a name",
			text: "The café owners — and Jürgen Klopp — protested in Munich.",
			want: []string{"PER:Jürgen Klopp", "GPE:Munich"},
		},
		{name: "empty", text: "", want: nil},
		{name: "no names", text: "it was raining all day, they said.", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &article.Doc{Article: &article.Article{Text: tt.text}}
			if err := (Stage{}).Analyse(doc); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range doc.Analysis.Mentions {
				if m.Span.Of(tt.text) != m.Text || m.Kind != "name" || m.Entity != -1 {
					t.Errorf("bad mention %+v", m)
				}
				got = append(got, m.Type+":"+m.Text)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("mentions (-want +got):\n%s", diff)
			}
		})
	}
}

func TestStageBadTextLayer(t *testing.T) {
	doc := &article.Doc{
		Article:   &article.Article{Text: "Paris"},
		Tokens:    []article.Token{{Span: article.Span{Start: 0, End: 5}, Text: "Paris"}},
		Sentences: []article.Sentence{{TokStart: 0, TokEnd: 3}},
	}
	if err := (Stage{}).Analyse(doc); err == nil {
		t.Error("sentence beyond the tokens: want an error, not a panic")
	}
	if err := (Stage{}).Analyse(&article.Doc{}); err != nil {
		t.Errorf("doc without article: %v", err)
	}
}

func FuzzStage(f *testing.F) {
	f.Add("Angela Merkel met the chief executive of Siemens in Berlin on Tuesday.")
	f.Add("SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .")
	f.Add("\xff\xfe Über « Zürich » — 東京 …")
	f.Fuzz(func(t *testing.T, text string) {
		doc := &article.Doc{Article: &article.Article{Text: text}}
		if err := (Stage{}).Analyse(doc); err != nil {
			t.Fatal(err)
		}
		last := 0
		for _, m := range doc.Analysis.Mentions {
			if m.Span.Start < last || m.Span.End <= m.Span.Start || m.Span.End > len(text) || m.Span.Of(text) != m.Text {
				t.Fatalf("bad mention %+v in %q", m, text)
			}
			last = m.Span.End
		}
	})
}

package entity_test

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/dataset"
	"github.com/dossier-news/dossier/internal/entity"
)

func benchmarkDocs(b *testing.B, docs []*article.Doc) {
	mentions := make([][]article.Mention, len(docs))
	n := 0
	for i, d := range docs {
		mentions[i] = append([]article.Mention(nil), d.Analysis.Mentions...)
		n += len(d.Analysis.Mentions)
	}
	b.ReportAllocs()
	total := 0
	for b.Loop() {
		for i, d := range docs {
			d.Analysis.Mentions = append(d.Analysis.Mentions[:0], mentions[i]...)
			if err := (entity.Stage{}).Analyse(d); err != nil {
				b.Fatal(err)
			}
			total++
		}
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(n)*float64(total)/float64(len(docs))/b.Elapsed().Seconds(), "mentions/s")
}

// BenchmarkStageGolden runs the stage on the golden article (no data set needed).
func BenchmarkStageGolden(b *testing.B) {
	base := filepath.Join("testdata", "golden", "ceasefire")
	raw, err := os.ReadFile(base + ".txt")
	if err != nil {
		b.Fatal(err)
	}
	doc := readNames(b, base+".names").doc(string(raw))
	benchmarkDocs(b, []*article.Doc{doc})
}

// BenchmarkStageReuters runs the stage over the 1,000 articles of
// reut2-000.sgm with every run of capitalised words as a mention (a
// stand-in for NER that gives the stage more mentions than a real tagger).
func BenchmarkStageReuters(b *testing.B) {
	path := dataset.Require(b, "reuters21578/reut2-000.sgm")
	raw, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var docs []*article.Doc
	for _, m := range regexp.MustCompile(`(?s)<BODY>(.*?)</BODY>`).FindAllStringSubmatch(string(raw), -1) {
		docs = append(docs, capitalTagger(strings.ToValidUTF8(html.UnescapeString(m[1]), "\uFFFD")))
	}
	benchmarkDocs(b, docs)
}

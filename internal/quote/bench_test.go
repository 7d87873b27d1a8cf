package quote_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/dataset"
	"github.com/dossier-news/dossier/internal/quote"
	"github.com/dossier-news/dossier/internal/text"
)

// benchDocs returns documents with their text layer done: the PolNeAR dev
// articles when the data set is present, else the golden test articles.
func benchDocs(b *testing.B) []*article.Doc {
	var files []string
	if dir := dataset.Path("polnear/dev/text"); dir != "" {
		files, _ = filepath.Glob(filepath.Join(dir, "*.txt"))
	}
	if len(files) == 0 {
		files, _ = filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	}
	var docs []*article.Doc
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		doc := &article.Doc{Article: &article.Article{Text: string(raw)}}
		text.Analyse(doc)
		docs = append(docs, doc)
	}
	return docs
}

// BenchmarkStage measures the quote stage alone (the text layer is done
// beforehand) and reports sentences per second.
func BenchmarkStage(b *testing.B) {
	docs := benchDocs(b)
	sentences := 0
	for _, d := range docs {
		sentences += len(d.Sentences)
	}
	st := quote.New()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			if err := st.Analyse(d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(sentences*b.N)/b.Elapsed().Seconds(), "sentences/s")
}

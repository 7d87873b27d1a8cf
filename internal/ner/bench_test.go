package ner

import (
	"html"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/dataset"
	"github.com/dossier-news/dossier/internal/text"
)

// BenchmarkTagCoNLLDev tags the CoNLL-2003 dev set, document by document
// (both passes; tokens given).
func BenchmarkTagCoNLLDev(b *testing.B) {
	docs, err := readFile(dataset.Require(b, "conll2003/dev.txt"))
	if err != nil {
		b.Fatal(err)
	}
	tg, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	var sents [][][]string
	tokens := 0
	for _, d := range docs {
		var ss [][]string
		for _, s := range d.Sentences {
			ss = append(ss, s.Tokens)
			tokens += len(s.Tokens)
		}
		sents = append(sents, ss)
	}
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		for _, ss := range sents {
			tg.ChunkDocument(ss)
		}
	}
	reportTokens(b, tokens, cpu)
}

var reutersBody = regexp.MustCompile(`(?s)<BODY>(.*?)</BODY>`)

// BenchmarkTokeniseAndTag runs the text layer (internal/text) and the ner
// stage over the Reuters-21578 articles of one file: raw text in, mentions
// out, on one core.
func BenchmarkTokeniseAndTag(b *testing.B) {
	raw, err := os.ReadFile(dataset.Require(b, "reuters21578/reut2-000.sgm"))
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	for _, m := range reutersBody.FindAllStringSubmatch(string(raw), -1) {
		texts = append(texts, strings.ToValidUTF8(html.UnescapeString(m[1]), "\uFFFD"))
	}
	stage := Stage{}
	if _, err := Default(); err != nil {
		b.Fatal(err)
	}
	tokens := 0
	for _, t := range texts {
		doc := &article.Doc{Article: &article.Article{Text: t}}
		text.Analyse(doc)
		tokens += len(doc.Tokens)
	}
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		for _, t := range texts {
			doc := &article.Doc{Article: &article.Article{Text: t}}
			text.Analyse(doc)
			if err := stage.Analyse(doc); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportTokens(b, tokens, cpu)
}

// reportTokens reports tokens per wall-clock second and per CPU second of
// the process: the machine the benchmarks run on is shared, and CPU time
// says what one core does when another job holds the wall clock.
func reportTokens(b *testing.B, tokensPerOp int, cpuStart time.Duration) {
	n := float64(tokensPerOp) * float64(b.N)
	b.ReportMetric(n/b.Elapsed().Seconds(), "tokens/s")
	if d := cpuTime() - cpuStart; d > 0 {
		b.ReportMetric(n/d.Seconds(), "tokens/cpu-s")
	}
}

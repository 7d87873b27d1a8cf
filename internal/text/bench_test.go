package text_test

import (
	"html"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/dataset"
	"github.com/dossier-news/dossier/internal/text"
)

const paragraph = `CAIRO (Wire) - Egyptian President Abdel Fattah el-Sisi hosted U.S. Secretary of State Antony Blinken and Qatar's Prime Minister on Tuesday, as mediators pressed for a ceasefire. "We are closer than we have been," Blinken told reporters at 4 p.m. local time. "But we're not there yet." The talks, which began on Jan. 15, have stalled twice. Mr. Blinken's aides said the U.S. would send envoys back to Doha... Officials declined to say when. The deal could cost $1.5 billion, or 3.5% of aid, according to Dr. J. R. Miller.`

var reutersBody = regexp.MustCompile(`(?s)<BODY>(.*?)</BODY>`)

// reutersTexts reads the article bodies of one Reuters-21578 file.
func reutersTexts(tb testing.TB) []string {
	path := dataset.Require(tb, "reuters21578/reut2-000.sgm")
	raw, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, m := range reutersBody.FindAllStringSubmatch(string(raw), -1) {
		out = append(out, strings.ToValidUTF8(html.UnescapeString(m[1]), "\uFFFD"))
	}
	if len(out) == 0 {
		tb.Fatalf("%s: no <BODY> elements", path)
	}
	return out
}

func benchmarkTexts(b *testing.B, texts []string) {
	docs := make([]*article.Doc, len(texts))
	bytes := 0
	for i, t := range texts {
		docs[i] = &article.Doc{Article: &article.Article{Text: t}}
		bytes += len(t)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	tokens := 0
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			text.Analyse(d)
			tokens += len(d.Tokens)
		}
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkAnalyseReuters tokenises and segments the 1,000 articles of
// reut2-000.sgm (tokens/s is the figure the NER budget is set against).
func BenchmarkAnalyseReuters(b *testing.B) { benchmarkTexts(b, reutersTexts(b)) }

// BenchmarkAnalyseParagraph needs no data set.
func BenchmarkAnalyseParagraph(b *testing.B) { benchmarkTexts(b, []string{paragraph}) }

// TestReutersInvariants runs the text layer over a Reuters file: every token
// and sentence must be well formed (takes milliseconds).
func TestReutersInvariants(t *testing.T) {
	for _, s := range reutersTexts(t) {
		doc := &article.Doc{Article: &article.Article{Text: s}}
		text.Analyse(doc)
		checkInvariants(t, doc)
	}
}

package timex

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dossier-news/dossier/internal/dataset"
)

var reutersBody = regexp.MustCompile(`(?s)<DATE>([^<]*)</DATE>.*?<BODY>(.*?)</BODY>`)

// reutersStories reads article bodies and dates from one Reuters-21578 file
// (a crude SGML read is enough for timing).
func reutersStories(tb testing.TB, n int) ([]string, []time.Time) {
	tb.Helper()
	dir := dataset.Require(tb, "reuters21578")
	b, err := os.ReadFile(filepath.Join(dir, "reut2-000.sgm"))
	if err != nil {
		tb.Fatal(err)
	}
	var texts []string
	var dates []time.Time
	for _, m := range reutersBody.FindAllStringSubmatch(string(b), n) {
		d, _ := time.Parse("2-Jan-2006", strings.TrimSpace(strings.Fields(m[1])[0]))
		texts = append(texts, strings.ReplaceAll(m[2], "&lt;", "<"))
		dates = append(dates, d)
	}
	return texts, dates
}

// BenchmarkTagReuters reports time expressions and whitespace tokens tagged
// per second over 200 Reuters stories.
func BenchmarkTagReuters(b *testing.B) {
	texts, dates := reutersStories(b, 200)
	tokens := 0
	for _, t := range texts {
		tokens += len(strings.Fields(t))
	}
	tg := NewTagger()
	found := 0
	b.ResetTimer()
	for b.Loop() {
		for i, t := range texts {
			found += len(tg.Tag(t, dates[i]))
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(found)/sec, "timexes/s")
	b.ReportMetric(float64(tokens*b.N)/sec, "tokens/s")
}

// The Reuters read above must find stories, and dated wire copy must yield
// expressions; otherwise the benchmark would time nothing.
func TestReutersSample(t *testing.T) {
	texts, dates := reutersStories(t, 50)
	if len(texts) < 50 {
		t.Fatalf("read %d stories", len(texts))
	}
	n := 0
	for i, s := range texts {
		n += len(NewTagger().Tag(s, dates[i]))
	}
	if n < 50 {
		t.Errorf("only %d expressions in 50 Reuters stories", n)
	}
}

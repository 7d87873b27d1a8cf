package polnear_test

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/dataset"
	"github.com/dossier-news/dossier/internal/quote"
	"github.com/dossier-news/dossier/internal/quote/polnear"
	"github.com/dossier-news/dossier/internal/text"
)

// analyse runs the stages the quote stage depends on in production (the
// text layer), then quotes. The command (dossier eval quotes) runs the whole
// production pipeline; this test keeps to the lower layers so it stays fast
// and independent of the stages above.
func analyse(a *article.Article) (*article.Doc, error) {
	doc := &article.Doc{Article: a}
	if err := (text.Stage{}).Analyse(doc); err != nil {
		return doc, err
	}
	return doc, quote.New().Analyse(doc)
}

func evalSplit(t *testing.T, split string) map[string]any {
	dir := dataset.Require(t, "polnear/"+split)
	docs, err := polnear.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	s, err := polnear.Evaluate(docs, analyse)
	if err != nil {
		t.Fatal(err)
	}
	m := s.Metrics()
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		if strings.HasSuffix(k, ".f1") || !strings.Contains(k, "_") {
			fmt.Fprintf(&b, "%s=%v\n", k, m[k])
		}
	}
	t.Logf("%s:\n%s", split, b.String())
	if os.Getenv("QUOTE_DUMP") != "" {
		dump(t, docs)
	}
	return m
}

// TestDev scores the dev split and guards against regressions: the floors
// sit a little below the measured figures (see the report in the commit).
func TestDev(t *testing.T) {
	m := evalSplit(t, "dev")
	floors := map[string]float64{
		"direct.whole_overlap.f1": 0.90,
		"all.whole_overlap.f1":    0.73,
	}
	for k, floor := range floors {
		if got := m[k].(float64); got < floor {
			t.Errorf("%s = %.4f, below %.2f", k, got, floor)
		}
	}
}

func TestTrain(t *testing.T) {
	if os.Getenv("QUOTE_TRAIN") == "" {
		t.Skip("set QUOTE_TRAIN=1 to score the train split")
	}
	evalSplit(t, "train")
}

// dump prints gold attributions the system missed and predictions that
// matched nothing (whole-attribution overlap), for error analysis.
func dump(t *testing.T, docs []polnear.Document) {
	for _, d := range docs {
		doc, err := analyse(&article.Article{Text: d.Text})
		if err != nil {
			t.Fatal(err)
		}
		preds := polnear.FromQuotes(doc.Analysis.Quotes)
		only := os.Getenv("QUOTE_DUMP")
		for _, g := range d.Gold {
			direct := polnear.IsDirect(d.Text, g)
			if only == "direct" && !direct {
				continue
			}
			hit := false
			for _, p := range preds {
				if polnear.WholeOverlap(d.Text, g, p.Attribution) {
					hit = true
				}
			}
			if !hit {
				// Whether a prediction found the content (and so the source
				// is what went wrong) or nothing did.
				kind := "no-content"
				for _, p := range preds {
					if polnear.ContentOverlap(d.Text, g, p.Attribution) {
						kind = "wrong-source"
					}
				}
				fmt.Printf("MISS %s %s\n  S=%q C=%q\n  CONTENT=%q\n", kind, d.Name, show(d.Text, g.Source), show(d.Text, g.Cue), clip(show(d.Text, g.Content)))
			}
		}
		for _, p := range preds {
			if only == "direct" && !p.Direct {
				continue
			}
			hit := false
			for _, g := range d.Gold {
				if polnear.WholeOverlap(d.Text, g, p.Attribution) {
					hit = true
				}
			}
			if !hit {
				fmt.Printf("FP   %s\n  S=%q C=%q\n  CONTENT=%q\n", d.Name, show(d.Text, p.Source), show(d.Text, p.Cue), clip(show(d.Text, p.Content)))
			}
		}
	}
}

func show(text string, spans []article.Span) string {
	var parts []string
	for _, s := range spans {
		parts = append(parts, s.Of(text))
	}
	return strings.Join(parts, " | ")
}

func clip(s string) string {
	if len(s) > 160 {
		return s[:80] + " … " + s[len(s)-60:]
	}
	return s
}

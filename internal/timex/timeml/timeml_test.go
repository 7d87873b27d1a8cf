package timeml

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/dataset"
	"github.com/dossier-news/dossier/internal/timex"
)

func TestReadTML(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "sample.tml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := ReadTML(f, "sample.tml")
	if err != nil {
		t.Fatal(err)
	}
	if d.DCTValue != "1998-01-08" || d.DCT.Format("2006-01-02") != "1998-01-08" {
		t.Errorf("DCT %q %v", d.DCTValue, d.DCT)
	}
	if strings.Contains(d.Text, "<") || !strings.Contains(d.Text, "yesterday & rose") {
		t.Errorf("text not stripped and unescaped: %q", d.Text)
	}
	want := []struct{ text, typ, value, mod string }{
		{"yesterday", "DATE", "1998-01-07", ""}, {"three days", "DURATION", "P3D", ""}, {"early next week", "DATE", "1998-W03", "START"},
	}
	if len(d.Gold) != len(want) {
		t.Fatalf("gold %+v", d.Gold)
	}
	for i, w := range want {
		g := d.Gold[i]
		if g.Text != w.text || g.Span.Of(d.Text) != w.text || g.Type != w.typ || g.Value != w.value || g.Mod != w.mod {
			t.Errorf("gold %d: %+v, want %+v", i, g, w)
		}
	}
}

func TestReadMEANTIME(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "sample.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := ReadMEANTIME(f, "sample.xml")
	if err != nil {
		t.Fatal(err)
	}
	if d.Text != "Plane flies\nJune 13, 2005\nIt flew today.\nNot scored yesterday" {
		t.Errorf("text %q", d.Text)
	}
	if d.DCTValue != "2005-06-13" || len(d.Gold) != 1 || d.Gold[0].Text != "today" {
		t.Errorf("dct %q gold %+v", d.DCTValue, d.Gold)
	}
	// the printed DCT and everything after sentence 5 are not scored
	var ignored []string
	for _, sp := range d.Ignore {
		ignored = append(ignored, sp.Of(d.Text))
	}
	if len(ignored) != 2 || !slices.Contains(ignored, "June 13, 2005") || !slices.Contains(ignored, "Not scored yesterday") {
		t.Errorf("ignore %q", ignored)
	}
}

func tx(s, e int, typ, value string) article.Timex {
	return article.Timex{Span: article.Span{Start: s, End: e}, Type: typ, Value: value}
}

// The counts follow TE3-evaluation.py: recall over gold, precision over
// system, attribute accuracy over relaxed matches, attribute F1 = accuracy
// times relaxed F1.
func TestCounts(t *testing.T) {
	gold := []article.Timex{tx(0, 10, "DATE", "2020"), tx(20, 30, "DURATION", "P1D"), tx(40, 50, "DATE", "2021")}
	sys := []article.Timex{
		tx(0, 10, "DATE", "2020"),     // strict, value right
		tx(22, 30, "DATE", "P1D"),     // relaxed only, value right, type wrong
		tx(60, 70, "DATE", "2022-01"), // spurious
	}
	var c Counts
	c.Add(gold, sys)
	want := Counts{Gold: 3, System: 3, StrictRecall: 1, RelaxedRecall: 2, StrictPrecision: 1, RelaxedPrecision: 2, TypeMatch: 1, ValueMatch: 2}
	if c != want {
		t.Fatalf("counts %+v, want %+v", c, want)
	}
	s := c.Scores()
	near := func(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }
	if !near(s.StrictF1, 1.0/3) || !near(s.RelaxedF1, 2.0/3) || !near(s.ValueF1, 2.0/3) || !near(s.TypeF1, 1.0/3) {
		t.Errorf("scores %+v", s)
	}
}

// Regression floor on the TempEval-3 training folders: the tagger must keep
// the figures it reached when this test was written (see the report).
func TestTempEval3Floor(t *testing.T) {
	dir := dataset.Require(t, "tempeval3/train/TimeBank")
	docs, err := ReadDir(dir, FormatTimeML)
	if err != nil {
		t.Fatal(err)
	}
	tg := timex.NewTagger()
	var c Counts
	for _, d := range docs {
		c.Add(d.Gold, tg.Tag(d.Text, d.DCT))
	}
	s := c.Scores()
	t.Logf("TimeBank: relaxed F1 %.4f strict F1 %.4f value F1 %.4f type F1 %.4f", s.RelaxedF1, s.StrictF1, s.ValueF1, s.TypeF1)
	if s.RelaxedF1 < 0.92 || s.StrictF1 < 0.85 || s.ValueF1 < 0.78 {
		t.Errorf("below the floor: %+v", s)
	}
}

// The readers never panic, and gold spans always lie inside the text.
func FuzzReaders(f *testing.F) {
	for _, name := range []string{"sample.tml", "sample.xml"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("<TimeML><TEXT><TIMEX3 value=\"x\">a</TIMEX3></TEXT></TimeML>")
	f.Fuzz(func(t *testing.T, s string) {
		for _, read := range []func(r *strings.Reader, name string) (*Doc, error){
			func(r *strings.Reader, n string) (*Doc, error) { return ReadTML(r, n) },
			func(r *strings.Reader, n string) (*Doc, error) { return ReadMEANTIME(r, n) },
		} {
			d, err := read(strings.NewReader(s), "fuzz")
			if err != nil {
				continue
			}
			for _, g := range d.Gold {
				if g.Span.Start < 0 || g.Span.End > len(d.Text) || g.Span.Start > g.Span.End {
					t.Fatalf("gold span %+v outside text of %d bytes", g.Span, len(d.Text))
				}
			}
		}
	})
}

package timex

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/dossier-news/dossier/internal/article"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenCase is what one invented article yields: its inferred date when
// the header gives none, and its expressions.
type goldenCase struct {
	DocDate *article.DocDate `json:"doc_date,omitempty"`
	Timexes []article.Timex  `json:"timexes"`
}

// TestGolden runs the tagger over invented articles (testdata/golden/*.txt,
// a "DCT: YYYY-MM-DD" header line, empty for an undated article, then the
// text) and compares with the expected analysis next to each (*.json).
// Run with -update to rewrite the expected files, then read the diff.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			header, text, _ := strings.Cut(string(b), "\n")
			var got goldenCase
			var ref time.Time
			if v := strings.TrimSpace(strings.TrimPrefix(header, "DCT:")); v != "" {
				ref, err = time.Parse("2006-01-02", v)
				if err != nil {
					t.Fatal(err)
				}
			} else {
				dd := DocDate(&article.Article{Text: text})
				got.DocDate = &dd
				ref = DCTOf(dd)
			}
			got.Timexes = NewTagger().Tag(text, ref)
			out, err := json.MarshalIndent(got, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, '\n')
			path := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.WriteFile(path, out, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(out, want) {
				var w goldenCase
				_ = json.Unmarshal(want, &w)
				t.Errorf("analysis differs (-want +got):\n%s", cmp.Diff(w, got))
			}
		})
	}
}

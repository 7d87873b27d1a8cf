package quote

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenQuote is a quote as the golden files show it: texts, not offsets, so
// a reviewer can read the diff.
type goldenQuote struct {
	Content    string  `json:"content"`
	Speaker    string  `json:"speaker,omitempty"`
	Name       string  `json:"speaker_name,omitempty"`
	Cue        string  `json:"cue,omitempty"`
	CueVerb    string  `json:"cue_verb,omitempty"`
	Direct     bool    `json:"direct"`
	Partial    bool    `json:"partial,omitempty"`
	Scare      bool    `json:"scare,omitempty"`
	Confidence float64 `json:"confidence"`
}

// TestGolden runs the stage over invented articles (testdata/golden/*.txt)
// and compares its quotes with NAME.json beside each; -update rewrites them.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".txt")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			text := string(raw)
			var got []goldenQuote
			for _, q := range extractText(text) {
				g := goldenQuote{
					Content: q.Content.Of(text), Name: q.SpeakerName, CueVerb: q.CueVerb,
					Direct: q.Direct, Partial: q.Partial, Scare: q.Scare, Confidence: q.Confidence,
				}
				if q.Speaker != nil {
					g.Speaker = q.Speaker.Of(text)
				}
				if q.Cue != nil {
					g.Cue = q.Cue.Of(text)
				}
				got = append(got, g)
			}
			path := strings.TrimSuffix(in, ".txt") + ".json"
			if *update {
				b, err := json.MarshalIndent(got, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			var want []goldenQuote
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("quotes differ (-want +got):\n%s", diff)
			}
		})
	}
}

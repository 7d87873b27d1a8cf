package event

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/text"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenEvent is an event as the golden files show it: spans resolved to
// their text so a reviewer can read the diff.
type goldenEvent struct {
	Sentence string `json:"sentence"`
	Trigger  string `json:"trigger"`
	Plover   string `json:"plover"`
	Cameo    string `json:"cameo"`
	Code     string `json:"code,omitempty"`
	Source   string `json:"source"`
	Target   string `json:"target,omitempty"`
	Location string `json:"location,omitempty"`
	Negated  bool   `json:"negated,omitempty"`
}

// TestGolden codes each invented article in testdata/golden/*.txt and
// compares the events with the .json beside it (go test -update rewrites).
func TestGolden(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	ins, err := filepath.Glob("testdata/golden/*.txt")
	if err != nil || len(ins) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, in := range ins {
		t.Run(filepath.Base(in), func(t *testing.T) {
			b, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			txt := string(b)
			doc := &article.Doc{Article: &article.Article{Text: txt}}
			text.Analyse(doc)
			if err := c.Analyse(doc); err != nil {
				t.Fatal(err)
			}
			got := []goldenEvent{}
			for _, e := range doc.Analysis.Events {
				g := goldenEvent{Sentence: strings.TrimSpace(e.Sentence.Of(txt)), Trigger: e.Trigger.Of(txt),
					Plover: e.Plover, Cameo: e.Cameo, Code: e.Code, Source: actorString(txt, e.Source),
					Location: e.Location, Negated: e.Negated}
				if e.Target != nil {
					g.Target = actorString(txt, *e.Target)
				}
				got = append(got, g)
			}
			path := strings.TrimSuffix(in, ".txt") + ".json"
			if *update {
				out, err := json.MarshalIndent(got, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, append(out, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			wb, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			var want []goldenEvent
			if err := json.Unmarshal(wb, &want); err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("events differ from %s (-want +got):\n%s", path, d)
			}
		})
	}
}

func actorString(txt string, a article.Actor) string {
	if a.Code == "" && a.Text == "" {
		return ""
	}
	return a.Span.Of(txt) + " = " + a.Code
}

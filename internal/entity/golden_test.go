package entity_test

import (
	"bufio"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/entity"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenEntity is one entity as the golden files show it: readable, with
// mention texts instead of indexes.
type goldenEntity struct {
	Key      string       `json:"key"`
	Name     string       `json:"name"`
	Type     string       `json:"type"`
	Country  string       `json:"country,omitempty"`
	Mentions []string     `json:"mentions"`
	Roles    []goldenRole `json:"roles,omitempty"`
}

type goldenRole struct {
	Title   string `json:"title"`
	Words   string `json:"words"`
	Country string `json:"country,omitempty"`
	Org     string `json:"org,omitempty"`
	Status  string `json:"status"`
}

type goldenFile struct {
	Entities   []goldenEntity `json:"entities"`
	Unresolved []string       `json:"unresolved,omitempty"`
}

// readNames reads a golden input's tagger dictionary: "TYPE<TAB>name" lines.
func readNames(t testing.TB, path string) tagger {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tg := tagger{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		typ, name, ok := strings.Cut(sc.Text(), "\t")
		if ok {
			tg[name] = typ
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return tg
}

func mentionText(doc *article.Doc, m article.Mention) string {
	return m.Kind + ":" + m.Text
}

// TestGolden runs the stage over testdata/golden/NAME.txt with the name
// mentions listed in NAME.names (standing in for the NER stage) and
// compares the entities with NAME.json.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no golden inputs (%v)", err)
	}
	for _, in := range inputs {
		base := strings.TrimSuffix(in, ".txt")
		t.Run(filepath.Base(base), func(t *testing.T) {
			raw, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			doc := readNames(t, base+".names").doc(string(raw))
			if err := (entity.Stage{}).Analyse(doc); err != nil {
				t.Fatal(err)
			}
			checkDoc(t, doc)
			var got goldenFile
			for _, e := range doc.Analysis.Entities {
				ge := goldenEntity{Key: e.Key, Name: e.Name, Type: e.Type, Country: e.Country}
				for _, mi := range e.Mentions {
					ge.Mentions = append(ge.Mentions, mentionText(doc, doc.Analysis.Mentions[mi]))
				}
				for _, ro := range e.Roles {
					ge.Roles = append(ge.Roles, goldenRole{ro.Title, ro.Span.Of(doc.Article.Text), ro.Country, ro.Org, ro.Status})
				}
				got.Entities = append(got.Entities, ge)
			}
			for _, m := range doc.Analysis.Mentions {
				if m.Entity < 0 {
					got.Unresolved = append(got.Unresolved, mentionText(doc, m))
				}
			}
			path := base + ".json"
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
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			var want goldenFile
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", path, diff)
			}
		})
	}
}

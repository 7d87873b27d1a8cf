package compose_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dossier-news/dossier/internal/compose"
	"github.com/dossier-news/dossier/internal/demo"
	"github.com/dossier-news/dossier/internal/engine"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/store/sqlite"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// demoDossiers composes every demo input.
func demoDossiers(t testing.TB) []*compose.Dossier {
	t.Helper()
	var out []*compose.Dossier
	for _, in := range demoInputs(t) {
		d, err := compose.Build(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, d)
	}
	return out
}

// demoInputs ingests the example corpus with the default pipeline,
// clusters it and loads every story, plus one input holding every talks
// article.
func demoInputs(t testing.TB) []compose.Input {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, err := engine.DefaultPipeline()
	if err != nil {
		t.Fatal(err)
	}
	e := &engine.Engine{Store: st, Pipeline: p}
	corpus := demo.Corpus()
	names, _ := fs.Glob(corpus, "*")
	sort.Strings(names)
	r := ingest.New(ingest.Options{})
	for _, name := range names {
		data, err := fs.ReadFile(corpus, name)
		if err != nil {
			t.Fatal(err)
		}
		sum, err := e.Ingest(ctx, r.ReadBytes(ctx, "demo/"+name, name, "", data), nil)
		if err != nil || sum.Failed > 0 {
			t.Fatalf("ingesting %s: %v %+v", name, err, sum.Failures)
		}
	}
	if _, _, err := e.Cluster(ctx); err != nil {
		t.Fatal(err)
	}
	stories, err := st.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(stories, func(i, j int) bool { return stories[i].ID < stories[j].ID })
	var out []compose.Input
	for _, s := range stories {
		in, err := e.DossierInput(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		// The stored headline of a story is not the same from run to run
		// (engine.Cluster); the golden file pins compose's own choice.
		in.Headline = ""
		out = append(out, in)
	}
	// The clusterer may split the corpus finely; the whole talks story
	// (every article but the earthquake reports) is composed as well, so the
	// cross-source parts (rewrites, contradictions) are always exercised.
	var all compose.Input
	for _, s := range stories {
		in, err := e.DossierInput(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, src := range in.Sources {
			if !strings.Contains(strings.ToLower(src.Article.Text), "earthquake struck") &&
				!strings.Contains(strings.ToLower(src.Article.Title), "earthquake") {
				all.Sources = append(all.Sources, src)
			}
		}
	}
	all.Headline = "Varenia ceasefire talks (all sources)"
	return append(out, all)
}

// TestDemoGolden composes the example corpus end to end and compares the
// dossiers with testdata/demo.golden.json (go test -update rewrites it; read
// the diff).
func TestDemoGolden(t *testing.T) {
	ds := demoDossiers(t)
	got, err := json.MarshalIndent(ds, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "demo.golden.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		var g, w any
		_ = json.Unmarshal(got, &g)
		_ = json.Unmarshal(want, &w)
		t.Errorf("dossier differs from %s (-want +got):\n%s", path, cmp.Diff(w, g))
	}
}

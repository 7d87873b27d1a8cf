package engine

import (
	"context"
	"fmt"
	"iter"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/entity"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/pipeline"
	"github.com/dossier-news/dossier/internal/store/sqlite"
)

// peopleStage gives each article the entities its text names in a table
// (read-only once built), standing in for the NER and entity stages.
type peopleStage struct {
	version string
	ents    map[string][]article.Entity
}

func (s peopleStage) Name() string    { return "people" }
func (s peopleStage) Version() string { return s.version }
func (s peopleStage) Analyse(d *article.Doc) error {
	d.Analysis.Entities = slices.Clone(s.ents[d.Article.Text])
	return nil
}

// randomPeople draws the entities of one article: people with full names
// (two share the surname Biden; el-Tayeb has particle forms), people named
// by surname only, some with a title, and places and organisations.
func randomPeople(r *rand.Rand) []article.Entity {
	full := []string{"Olaf Scholz", "Joe Biden", "Hunter Biden", "Emmanuel Macron", "Ahmed el-Tayeb", "Boris Johnson"}
	surnames := []string{"Scholz", "Biden", "Macron", "Tayeb", "al-Tayeb", "Johnson", "Smith"}
	titles := []string{"chancellor", "president", "imam", "prime minister", ""}
	others := []string{"country:deu", "country:fra", "country:usa", "country:egy", "city:berlin", "city:paris", "org:nato", "org:un"}
	var ents []article.Entity
	add := func(e article.Entity) {
		if !slices.ContainsFunc(ents, func(o article.Entity) bool { return o.Key == e.Key }) {
			ents = append(ents, e)
		}
	}
	person := func(name string) article.Entity {
		e := article.Entity{Key: entity.PersonKey(name), Name: name, Type: article.PER}
		if t := titles[r.IntN(len(titles))]; t != "" {
			e.Roles = []article.Role{{Title: t}}
		}
		return e
	}
	for range r.IntN(3) {
		add(person(full[r.IntN(len(full))]))
	}
	for range r.IntN(3) {
		add(person(surnames[r.IntN(len(surnames))]))
	}
	for range 1 + r.IntN(3) {
		k := others[r.IntN(len(others))]
		add(article.Entity{Key: k, Name: k, Type: article.LOC})
	}
	r.Shuffle(len(ents), func(i, j int) { ents[i], ents[j] = ents[j], ents[i] })
	return ents
}

func textItems(texts []string) iter.Seq[ingest.Item] {
	return func(yield func(ingest.Item) bool) {
		for _, t := range texts {
			a := &article.Article{Raw: []byte(t), Hash: article.HashBytes([]byte(t)), Origin: "test", Format: article.FormatText, Text: t}
			if !yield(ingest.Item{Article: a}) {
				return
			}
		}
	}
}

// TestRegistryIncrementalEqualsRebuild adds articles in several runs (two
// engines at once in one of them, a run of an old binary that stored
// analyses without sightings, then a re-analysis of everything) and checks
// that the store's registry equals one built from all stored analyses,
// person for person, and links new articles exactly as it does.
func TestRegistryIncrementalEqualsRebuild(t *testing.T) {
	ctx := context.Background()
	r := rand.New(rand.NewPCG(7, 11))
	const n = 160
	v1 := peopleStage{version: "1", ents: map[string][]article.Entity{}}
	v2 := peopleStage{version: "2", ents: map[string][]article.Entity{}}
	texts := make([]string, n)
	for i := range texts {
		texts[i] = fmt.Sprintf("article %d", i)
		v1.ents[texts[i]] = randomPeople(r)
		v2.ents[texts[i]] = v1.ents[texts[i]]
		if i%4 == 0 { // the new version sees some articles differently
			v2.ents[texts[i]] = randomPeople(r)
		}
	}
	s := openStore(t)
	equalsRebuild := func(when string) []entity.PersonState {
		t.Helper()
		e := &Engine{Store: s}
		rebuilt, err := e.RebuildRegistry(ctx)
		if err != nil {
			t.Fatal(err)
		}
		stored, err := e.StoredRegistry(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := rebuilt.Snapshot()
		if diff := cmp.Diff(want, stored.Snapshot()); diff != "" {
			t.Errorf("%s: stored registry differs from a rebuild (-rebuild +stored):\n%s", when, diff)
		}
		return want
	}
	run := func(p peopleStage, texts []string) {
		e := &Engine{Store: s, Pipeline: pipeline.New(p)}
		if err := e.LoadRegistry(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := e.Ingest(ctx, textItems(texts), nil); err != nil {
			t.Error(err)
		}
	}
	run(v1, texts[:40])
	var wg sync.WaitGroup // two workers at once
	wg.Go(func() { run(v1, texts[40:70]) })
	wg.Go(func() { run(v1, texts[70:100]) })
	wg.Wait()
	// An old binary: analyses stored without sightings (and linked by
	// nothing), as in a store made before the registry was kept.
	old := &Engine{Store: s}
	if _, err := old.Ingest(ctx, textItems(texts[100:130]), nil); err != nil {
		t.Fatal(err)
	}
	for _, tx := range texts[100:130] {
		a := &article.Article{Raw: []byte(tx), Hash: article.HashBytes([]byte(tx))}
		if _, err := s.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		if err := s.PutAnalysis(ctx, a.ID, &article.Analysis{Version: "old", Entities: v1.ents[tx]}); err != nil {
			t.Fatal(err)
		}
	}
	run(v1, texts[130:]) // catches up the old binary's articles first
	equalsRebuild("after the catch-up")
	// Re-analyse everything with v2: each article's sightings are replaced.
	e := &Engine{Store: s, Pipeline: pipeline.New(v2)}
	if err := e.LoadRegistry(ctx); err != nil {
		t.Fatal(err)
	}
	sum, err := e.Reanalyse(ctx, nil)
	if err != nil || sum.New != n {
		t.Fatalf("Reanalyse = %+v, %v; want all %d articles", sum, err, n)
	}
	want := equalsRebuild("after re-analysis")

	// New articles link the same through the store as through the rebuild.
	linked := 0
	for range 200 {
		ents := randomPeople(r)
		viaStore, viaRebuild := slices.Clone(ents), slices.Clone(ents)
		if err := e.linkPeople(ctx, viaStore); err != nil {
			t.Fatal(err)
		}
		reg, err := e.RebuildRegistry(ctx)
		if err != nil {
			t.Fatal(err)
		}
		reg.Link(viaRebuild)
		if !cmp.Equal(viaStore, viaRebuild) {
			t.Fatalf("linking %+v:\nstore:   %+v\nrebuild: %+v", ents, viaStore, viaRebuild)
		}
		for i := range ents {
			if viaStore[i].Key != ents[i].Key {
				linked++
			}
		}
	}
	if linked == 0 {
		t.Error("no surname was linked: the comparison proves nothing")
	}
	t.Logf("%d people in the registry, %d surnames linked in 200 new articles", len(want), linked)
}

// BenchmarkRegistryStart compares what a process does with the registry at
// start, by store size: rebuild it from every analysis (what LoadRegistry
// did before the store kept it) or catch up the store's registry (what it
// does now, with nothing left to file), and the per-article cost of linking
// through the store.
func BenchmarkRegistryStart(b *testing.B) {
	ctx := context.Background()
	for _, n := range []int{500, 4000} {
		r := rand.New(rand.NewPCG(1, 2))
		p := peopleStage{version: "1", ents: map[string][]article.Entity{}}
		texts := make([]string, n)
		for i := range texts {
			texts[i] = fmt.Sprintf("article %d", i)
			p.ents[texts[i]] = randomPeople(r)
		}
		s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "d.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { s.Close() })
		e := &Engine{Store: s, Pipeline: pipeline.New(p)}
		if err := e.LoadRegistry(ctx); err != nil {
			b.Fatal(err)
		}
		if _, err := e.Ingest(ctx, textItems(texts), nil); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("rebuild/articles=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := e.RebuildRegistry(ctx); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("catch-up/articles=%d", n), func(b *testing.B) {
			for b.Loop() {
				if err := e.LoadRegistry(ctx); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("link-one-article/articles=%d", n), func(b *testing.B) {
			lr := rand.New(rand.NewPCG(9, 9)) // the same article at every store size
			ents := randomPeople(lr)
			for surnames, _, _ := entity.LinkQuery(ents); len(surnames) == 0; surnames, _, _ = entity.LinkQuery(ents) {
				ents = randomPeople(lr)
			}
			for b.Loop() {
				if err := e.linkPeople(ctx, slices.Clone(ents)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

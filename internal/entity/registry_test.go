package entity_test

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/entity"
)

func entitiesOf(t *testing.T, tg tagger, txt string) []article.Entity {
	t.Helper()
	doc := tg.doc(txt)
	if err := (entity.Stage{}).Analyse(doc); err != nil {
		t.Fatal(err)
	}
	return doc.Analysis.Entities
}

func keyOf(ents []article.Entity, name string) string {
	for _, e := range ents {
		if e.Name == name {
			return e.Key
		}
	}
	return ""
}

func TestRegistry(t *testing.T) {
	tg := tagger{"Olaf Scholz": "PER", "Scholz": "PER", "Germany": "LOC", "Berlin": "LOC", "Bundestag": "ORG",
		"John Smith": "PER", "Mary Smith": "PER", "Smith": "PER", "Acme": "ORG", "Paris": "LOC"}
	reg := entity.NewRegistry()
	reg.Link(entitiesOf(t, tg, "German Chancellor Olaf Scholz spoke in Berlin to the Bundestag."))
	reg.Link(entitiesOf(t, tg, "John Smith of Acme met Mary Smith in Paris."))

	tests := []struct {
		name, text, person, want string
	}{
		{"shared title", "Chancellor Scholz arrived.", "Scholz", "person:olaf scholz"},
		{"shared context", "Scholz addressed the Bundestag in Berlin.", "Scholz", "person:olaf scholz"},
		{"no support", "Scholz won the match.", "Scholz", "person:scholz"},
		{"one shared entity is too weak", "Scholz visited Germany.", "Scholz", "person:scholz"},
		{"two people share the surname", "Smith of Acme spoke in Paris.", "Smith", "person:smith"},
		{"unknown surname", "Chancellor Berg spoke.", "Berg", "person:berg"},
	}
	tg["Berg"] = "PER"
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ents := entitiesOf(t, tg, tc.text)
			got := ""
			for _, e := range ents {
				if e.Name == tc.person {
					got = reg.Canonical(e, ents)
				}
			}
			if got != tc.want {
				t.Errorf("Canonical(%q) = %q, want %q", tc.person, got, tc.want)
			}
		})
	}

	ents := entitiesOf(t, tg, "Chancellor Scholz arrived in Berlin.")
	if n := reg.Link(ents); n != 1 || keyOf(ents, "Scholz") != "person:olaf scholz" {
		t.Errorf("Link rewrote %d keys: %+v", n, ents)
	}
	if got := reg.Lookup("Scholz"); len(got) != 1 || got[0].Key != "person:olaf scholz" || got[0].Titles[0] != "chancellor" {
		t.Errorf("Lookup(Scholz) = %+v", got)
	}
	if got := reg.Lookup("Smith"); len(got) != 2 {
		t.Errorf("Lookup(Smith) = %+v, want both Smiths", got)
	}
	if got := reg.Lookup("Olaf Scholz"); len(got) != 1 {
		t.Errorf("Lookup(Olaf Scholz) = %+v", got)
	}
}

// TestConcurrent runs the stage and the registry from several goroutines
// (meaningful under -race).
// Of several people of one surname, the one the article's context supports
// is meant; spellings of one name (a middle name, a slip in the first name)
// are one person, filed under the most seen.
func TestRegistrySupportedSpelling(t *testing.T) {
	tg := tagger{"Barack Obama": "PER", "Barack Hussein Obama": "PER", "Barrack Obama": "PER", "Michelle Obama": "PER",
		"Obama": "PER", "Mubarak": "PER", "Cairo": "LOC", "Egypt": "LOC", "Chicago": "LOC", "Lincoln School": "ORG"}
	reg := entity.NewRegistry()
	reg.Link(entitiesOf(t, tg, "Barack Obama called Mubarak about Egypt and Cairo."))
	reg.Link(entitiesOf(t, tg, "Barack Obama said Mubarak must listen to Egypt and Cairo."))
	reg.Link(entitiesOf(t, tg, "Barack Hussein Obama warned Mubarak over Cairo."))
	reg.Link(entitiesOf(t, tg, "Barrack Obama urged Mubarak to leave Cairo."))
	reg.Link(entitiesOf(t, tg, "Michelle Obama visited the Lincoln School in Chicago."))
	tests := []struct{ text, want string }{
		{"Obama told Mubarak the people of Cairo must be heard.", "person:barack obama"},
		{"Obama toured the Lincoln School in Chicago.", "person:michelle obama"},
		{"Obama met Mubarak in Cairo and spoke at the Lincoln School in Chicago.", "person:obama"}, // both fit
		{"Obama won.", "person:obama"},
	}
	canonical := func(text string) string {
		ents := entitiesOf(t, tg, text)
		for _, e := range ents {
			if e.Name == "Obama" {
				return reg.Canonical(e, ents)
			}
		}
		return ""
	}
	for _, tc := range tests {
		if got := canonical(tc.text); got != tc.want {
			t.Errorf("%q: Canonical(Obama) = %q, want %q", tc.text, got, tc.want)
		}
	}
	// Seen five times as often as the other Obama the context supports,
	// Barack Obama takes the surname alone.
	for range 3 {
		reg.Link(entitiesOf(t, tg, "Barack Obama spoke of Egypt and Cairo."))
	}
	if got, want := canonical(tests[2].text), "person:barack obama"; got != want {
		t.Errorf("%q with a dominant Barack Obama: Canonical(Obama) = %q, want %q", tests[2].text, got, want)
	}
}

// A surname with a particle written apart ("Ben Ali") links to the full
// name that ends with it, not to another person of the last word alone.
func TestRegistryParticleSurname(t *testing.T) {
	tg := tagger{"Zine El Abidine Ben Ali": "PER", "Muhammad Ali": "PER", "Ben Ali": "PER",
		"Tunisia": "LOC", "Tunis": "LOC", "Louisville": "LOC", "Boxing Hall": "ORG"}
	reg := entity.NewRegistry()
	reg.Link(entitiesOf(t, tg, "Zine El Abidine Ben Ali ruled Tunisia from Tunis."))
	reg.Link(entitiesOf(t, tg, "Muhammad Ali of Louisville entered the Boxing Hall, as did fans from Tunis and Tunisia."))
	ents := entitiesOf(t, tg, "Ben Ali left Tunisia. Crowds in Tunis cheered.")
	if got := reg.Canonical(entityNamed(ents, "Ben Ali"), ents); got != "person:zine el abidine ben ali" {
		t.Errorf("Canonical(Ben Ali) = %q", got)
	}
	surnames, _, _ := entity.LinkQuery(ents)
	if !slices.Contains(surnames, "ali") {
		t.Errorf("LinkQuery surnames %v: want ali", surnames)
	}
}

func TestConcurrent(t *testing.T) {
	reg := entity.NewRegistry()
	done := make(chan []article.Entity)
	texts := []string{
		"German Chancellor Olaf Scholz arrived in Cairo. The chancellor said he was glad.",
		"Chancellor Scholz met Egyptian President Abdel Fattah el-Sisi.",
		"UN special envoy Martin Griffiths said the U.N. would help.",
	}
	for i := 0; i < 12; i++ {
		go func(txt string) {
			doc := people.doc(txt)
			if err := (entity.Stage{}).Analyse(doc); err != nil {
				t.Error(err)
			}
			reg.Link(doc.Analysis.Entities)
			done <- doc.Analysis.Entities
		}(texts[i%len(texts)])
	}
	for i := 0; i < 12; i++ {
		if ents := <-done; len(ents) == 0 {
			t.Error("no entities")
		}
	}
	if got := reg.Lookup("Scholz"); len(got) != 1 {
		t.Errorf("Lookup(Scholz) = %+v", got)
	}
}

// TestRegistrySavedAndCut checks what a store relies on: a registry
// restored from another's snapshot answers as the original, and one
// restored with only what LinkQuery names (the people of its surnames,
// their titles and context cut to the article's) links the article as the
// whole registry does.
func TestRegistrySavedAndCut(t *testing.T) {
	tg := tagger{"Olaf Scholz": "PER", "Scholz": "PER", "Germany": "LOC", "Berlin": "LOC", "Bundestag": "ORG",
		"John Smith": "PER", "Mary Smith": "PER", "Smith": "PER", "Acme": "ORG", "Paris": "LOC",
		"Ahmed el-Tayeb": "PER", "Tayeb": "PER", "al-Azhar": "ORG", "Cairo": "LOC", "Berg": "PER"}
	whole := entity.NewRegistry()
	for _, txt := range []string{
		"German Chancellor Olaf Scholz spoke in Berlin to the Bundestag.",
		"John Smith of Acme met Mary Smith in Paris.",
		"Grand Imam Ahmed el-Tayeb of al-Azhar spoke in Cairo.",
		"Olaf Scholz and Ahmed el-Tayeb met in Berlin.",
	} {
		whole.Link(entitiesOf(t, tg, txt))
	}
	saved := whole.Snapshot()
	restored := entity.NewRegistry()
	restored.Restore(saved)
	if diff := cmp.Diff(saved, restored.Snapshot()); diff != "" {
		t.Fatalf("restored snapshot differs:\n%s", diff)
	}
	probes := []string{
		"Chancellor Scholz arrived.", "Scholz addressed the Bundestag in Berlin.", "Scholz won the match.",
		"Smith of Acme spoke in Paris.", "Imam Tayeb spoke in Cairo.", "Tayeb met Scholz in Berlin at the Bundestag.",
		"Chancellor Berg spoke.",
	}
	linked := 0
	for _, txt := range probes {
		ents := entitiesOf(t, tg, txt)
		surnames, titles, keys := entity.LinkQuery(ents)
		var cut []entity.PersonState
		for _, p := range saved {
			if !slices.ContainsFunc(entity.SurnameForms(p.Key), func(f string) bool { return slices.Contains(surnames, f) }) {
				continue
			}
			p.Titles = slices.DeleteFunc(slices.Clone(p.Titles), func(x string) bool { return !slices.Contains(titles, x) })
			p.Context = slices.DeleteFunc(slices.Clone(p.Context), func(x string) bool { return !slices.Contains(keys, x) })
			cut = append(cut, p)
		}
		small := entity.NewRegistry()
		small.Restore(cut)
		for _, e := range ents {
			want, got := whole.Canonical(e, ents), small.Canonical(e, ents)
			if got != want {
				t.Errorf("%q: %s links to %q from the cut registry, %q from the whole", txt, e.Name, got, want)
			}
			if want != e.Key {
				linked++
			}
			if r := restored.Canonical(e, ents); r != want {
				t.Errorf("%q: %s links to %q from the restored registry, %q from the original", txt, e.Name, r, want)
			}
		}
	}
	if linked < 3 {
		t.Errorf("only %d links among the probes: the comparison proves little", linked)
	}
}

// TestSightingsAreObserve checks that a registry restored from the sum of
// articles' sightings (what a store keeps) equals one that observed them.
func TestSightingsAreObserve(t *testing.T) {
	tg := tagger{"Olaf Scholz": "PER", "Berlin": "LOC", "Bundestag": "ORG", "John Smith": "PER", "Acme": "ORG"}
	observed := entity.NewRegistry()
	sum := map[string]*entity.PersonState{}
	var order []string
	for _, txt := range []string{
		"German Chancellor Olaf Scholz spoke in Berlin to the Bundestag.",
		"John Smith of Acme met Olaf Scholz.",
		"Finance Minister Olaf Scholz of Acme met John Smith in Berlin.",
	} {
		ents := entitiesOf(t, tg, txt)
		observed.Observe(ents)
		for _, s := range entity.Sightings(ents) {
			p, ok := sum[s.Key]
			if !ok {
				p = &entity.PersonState{Key: s.Key, Name: s.Name}
				sum[s.Key] = p
				order = append(order, s.Key)
			}
			p.Articles += s.Times
			for _, x := range s.Titles {
				if !slices.Contains(p.Titles, x) {
					p.Titles = append(p.Titles, x)
				}
			}
			for _, x := range s.Context {
				if !slices.Contains(p.Context, x) {
					p.Context = append(p.Context, x)
				}
			}
		}
	}
	restored := entity.NewRegistry()
	for _, k := range order {
		restored.Restore([]entity.PersonState{*sum[k]})
	}
	if diff := cmp.Diff(observed.Snapshot(), restored.Snapshot()); diff != "" {
		t.Errorf("restored from sightings differs from observed:\n%s", diff)
	}
	if got := observed.Lookup("Scholz"); len(got) != 1 || got[0].Articles != 3 || len(got[0].Titles) != 2 {
		t.Errorf("Lookup(Scholz) = %+v, want 3 articles, chancellor and finance minister", got)
	}
}

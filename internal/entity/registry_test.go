package entity_test

import (
	"testing"

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

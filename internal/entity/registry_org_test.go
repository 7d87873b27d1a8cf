package entity_test

import (
	"testing"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/entity"
)

// An organisation written only as its acronym links to the one organisation
// of the registry with those initials, when the article shares two entities
// with it.
func TestRegistryAcronyms(t *testing.T) {
	tg := tagger{"General Motors Corp": "ORG", "GM": "ORG", "Detroit": "LOC", "Roger Smith": "PER",
		"General Mills Inc": "ORG", "Minneapolis": "LOC", "Bank of New England": "ORG", "BNE": "ORG", "Boston": "LOC",
		"Ford": "ORG", "Gm": "ORG", "GMA": "ORG"}
	reg := entity.NewRegistry()
	reg.Link(entitiesOf(t, tg, "General Motors Corp chairman Roger Smith spoke in Detroit."))
	reg.Link(entitiesOf(t, tg, "Bank of New England grew in Boston and Detroit."))

	tests := []struct {
		name, text, org, want string
	}{
		{"initials with context", "GM cut output in Detroit, Roger Smith said.", "GM", "org:general motors"},
		{"function words are no initials", "BNE shares rose in Boston and Detroit.", "BNE", "org:bank of new england"},
		{"one shared entity is too weak", "GM cut output in Detroit.", "GM", "org:gm"},
		{"not written as an acronym", "Gm cut output in Detroit, Roger Smith said.", "Gm", "org:gm"},
		{"no organisation with the initials", "GMA cut output in Detroit, Roger Smith said.", "GMA", "org:gma"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ents := entitiesOf(t, tg, tc.text)
			if got := reg.Canonical(entityNamed(ents, tc.org), ents); got != tc.want {
				t.Errorf("Canonical(%q) = %q, want %q", tc.org, got, tc.want)
			}
		})
	}

	// A second organisation with the same initials makes GM ambiguous.
	reg.Link(entitiesOf(t, tg, "General Mills Inc said so in Minneapolis and Detroit."))
	ents := entitiesOf(t, tg, "GM cut output in Detroit, Roger Smith said.")
	if got := reg.Canonical(entityNamed(ents, "GM"), ents); got != "org:gm" {
		t.Errorf("ambiguous initials linked to %q", got)
	}
	// What a store files: the organisation under its initials.
	if got := entity.SurnameForms("org:general motors"); len(got) != 1 || got[0] != "acr:gm" {
		t.Errorf("SurnameForms(org:general motors) = %v", got)
	}
	if got := entity.SurnameForms("org:UN"); got != nil {
		t.Errorf("a gazetteer organisation is filed under %v", got)
	}
}

func entityNamed(ents []article.Entity, name string) article.Entity {
	for _, e := range ents {
		if e.Name == name {
			return e
		}
	}
	return article.Entity{}
}

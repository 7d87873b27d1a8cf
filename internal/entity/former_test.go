package entity_test

import (
	"testing"
	"time"

	"github.com/dossier-news/dossier/internal/entity"
)

// An abbreviation keys to what it named when the article was written.
func TestAbbreviationByDate(t *testing.T) {
	cases := []struct {
		when time.Time
		want string
	}{
		{time.Date(1987, 3, 2, 0, 0, 0, 0, time.UTC), "org:EU"}, // the European Community
		{time.Date(2019, 5, 1, 0, 0, 0, 0, time.UTC), "org:EC"}, // the European Commission
		{time.Time{}, "org:EC"},                                 // undated: today's sense
	}
	for _, c := range cases {
		doc := tagger{"EC": "ORG"}.doc("The EC said farm prices would fall.")
		doc.Article.Published = c.when
		if err := (entity.Stage{}).Analyse(doc); err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, m := range doc.Analysis.Mentions {
			if m.Text == "EC" && m.Entity >= 0 {
				got = doc.Analysis.Entities[m.Entity].Key
			}
		}
		if got != c.want {
			t.Errorf("EC at %v: key %q, want %q", c.when.Format("2006-01-02"), got, c.want)
		}
	}
}

// A place the article names only in capitals (its dateline) is shown as a
// name is written.
func TestShoutedPlaceName(t *testing.T) {
	doc := tagger{"LONDON": "LOC", "WINSTON-SALEM": "LOC", "WASHINGTON D.C.": "LOC"}.doc("LONDON (Ledger) - Labour won. WINSTON-SALEM was quiet. WASHINGTON D.C. was not.")
	if err := (entity.Stage{}).Analyse(doc); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range doc.Analysis.Entities {
		got[e.Key] = e.Name
	}
	if got["place:london"] != "London" || got["place:winston-salem"] != "Winston-Salem" || got["place:washington dc"] != "Washington D.C." {
		t.Errorf("names: %v", got)
	}
}

// A person named only in capitals (a transcript's speaker label) is shown
// in title case; a short capitalised word may be initials and stays.
func TestShoutedPersonName(t *testing.T) {
	doc := tagger{"ANDERSON COOPER": "PER", "JFK": "PER"}.doc("ANDERSON COOPER: Good evening. JFK spoke here.")
	if err := (entity.Stage{}).Analyse(doc); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range doc.Analysis.Entities {
		got[e.Key] = e.Name
	}
	if got["person:anderson cooper"] != "Anderson Cooper" || got["person:jfk"] != "JFK" {
		t.Errorf("names: %v", got)
	}
}

// A sentence's first word taken into an organisation's name ("The Varenian
// Brotherhood called ...") is not shown when the article writes the name
// without it elsewhere; a name always written with its article keeps it.
func TestLeadingTheNotShown(t *testing.T) {
	doc := tagger{"The Varenian Brotherhood": "ORG", "Varenian Brotherhood": "ORG", "The Hague": "LOC"}.doc(
		"The Varenian Brotherhood called for protests. Leaders of the Varenian Brotherhood met in The Hague.")
	if err := (entity.Stage{}).Analyse(doc); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range doc.Analysis.Entities {
		got[e.Key] = e.Name
	}
	if got["org:varenian brotherhood"] != "Varenian Brotherhood" || got["place:hague"] != "The Hague" {
		t.Errorf("names: %v", got)
	}
}

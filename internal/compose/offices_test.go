package compose

import (
	"strings"
	"testing"
	"time"

	"github.com/dossier-news/dossier/internal/article"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestBuiltinOfficesLoad(t *testing.T) {
	o, err := BuiltinOffices()
	if err != nil {
		t.Fatal(err)
	}
	if o.Len() < 150 {
		t.Errorf("built-in table has %d terms, want at least 150", o.Len())
	}
	tests := []struct {
		office, country, day, want string
	}{
		{"president", "USA", "2016-06-01", "Barack Obama"},
		{"president", "USA", "2017-01-20", "Donald Trump"}, // the successor's first day
		{"prime minister", "GBR", "2022-10-01", "Liz Truss"},
		{"Secretary-General", "UN", "2010-03-01", "Ban Ki-moon"},
		{"chancellor", "DEU", "2024-01-01", "Olaf Scholz"},
	}
	for _, tt := range tests {
		got, ok := o.HolderOn(tt.office, tt.country, day(tt.day))
		if !ok || got.Holder != tt.want {
			t.Errorf("HolderOn(%s, %s, %s) = %q, %v; want %q", tt.office, tt.country, tt.day, got.Holder, ok, tt.want)
		}
	}
}

func TestOfficesExtendAndErrors(t *testing.T) {
	o, _ := BuiltinOffices()
	n, err := o.Extend(strings.NewReader("# Varenia\nprime minister\tVAR\tAnton Vasik\t2023-05-01\n"))
	if err != nil {
		t.Fatal(err)
	}
	if n.Len() != o.Len()+1 {
		t.Errorf("extended table has %d terms, want %d", n.Len(), o.Len()+1)
	}
	if h, ok := n.HolderOn("prime minister", "VAR", day("2026-03-09")); !ok || h.Holder != "Anton Vasik" {
		t.Errorf("extended holder = %q, %v", h.Holder, ok)
	}
	if _, ok := o.HolderOn("prime minister", "VAR", day("2026-03-09")); ok {
		t.Error("Extend modified the table it extends")
	}
	for _, bad := range []string{
		"president\tUSA\tX\n",                         // too few fields
		"president\tUSA\tX\t2020-13-01\n",             // bad date
		"president\tUSA\tX\t2020-01-01\t2019-01-01\n", // ends before it starts
		"president\t\tX\t2020-01-01\n",                // no country
	} {
		if _, err := o.Extend(strings.NewReader(bad)); err == nil {
			t.Errorf("Extend(%q) accepted a bad line", bad)
		}
	}
}

// titled makes a one-sentence source whose only person carries a role.
func titled(t *testing.T, date, text, name, title, country, status string) *doc {
	t.Helper()
	i := strings.Index(text, name)
	if i < 0 {
		t.Fatalf("%q not in %q", name, text)
	}
	ti := strings.Index(strings.ToLower(text), strings.SplitN(title, " ", 2)[0])
	if ti < 0 {
		ti = i
	}
	a := &article.Article{ID: 1, Text: text, Source: "Test Wire", Published: day(date)}
	an := &article.Analysis{
		Mentions: []article.Mention{{
			Span: article.Span{Start: i, End: i + len(name)}, Text: name, Type: article.PER, Entity: 0,
			Role: &article.Role{Title: title, Country: country, Status: status, Span: article.Span{Start: ti, End: i}},
		}},
		Entities: []article.Entity{{Key: strings.ToLower(name), Name: name, Type: article.PER, Mentions: []int{0}}},
	}
	d, err := prepare(Source{Article: a, Analysis: an})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestAnachronisms(t *testing.T) {
	o, err := BuiltinOffices()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name                               string
		date, text, person, title, country string
		status                             string
		flagged                            bool
	}{
		{"current president in office", "2016-05-01", "President Barack Obama spoke on Monday.", "Barack Obama", "president", "USA", "current", false},
		{"current title after the term", "2019-05-01", "President Barack Obama spoke on Monday.", "Barack Obama", "president", "USA", "current", true},
		{"no status means current", "2019-05-01", "President Obama spoke on Monday.", "Obama", "president", "USA", "", true},
		{"legitimately former", "2019-05-01", "Former President Barack Obama spoke on Monday.", "Barack Obama", "president", "USA", "former", false},
		{"then-president in a later article", "2020-02-01", "Then-President Barack Obama signed it in 2015, she said on Monday.", "Barack Obama", "president", "USA", "then", false},
		{"called former while never out", "2023-03-01", "Former Chancellor Olaf Scholz said so on Monday.", "Olaf Scholz", "chancellor", "DEU", "former", true},
		{"called current before taking office", "2020-06-01", "Prime Minister Keir Starmer said so on Monday.", "Keir Starmer", "prime minister", "GBR", "current", true},
		{"second term: current again", "2025-06-01", "President Donald Trump said so on Monday.", "Donald Trump", "president", "USA", "current", false},
		{"between terms: former is right", "2023-06-01", "Former President Donald Trump said so on Monday.", "Donald Trump", "president", "USA", "former", false},
		{"secretary-general spelled with a hyphen", "2018-01-10", "UN Secretary-General Ban Ki-moon spoke on Monday.", "Ban Ki-moon", "secretary-general", "UN", "current", true},
		{"unknown office holder is not judged", "2026-03-09", "Prime Minister Anton Vasik spoke on Monday.", "Anton Vasik", "prime minister", "VAR", "current", false},
		{"in office in 2011", "2011-02-11", "President Barack Obama spoke on Monday.", "Barack Obama", "president", "USA", "current", false},
		{"past events are not judged", "2019-05-01", "In 2012 President Barack Obama signed the bill.", "Barack Obama", "president", "USA", "current", false},
		{"days after a resignation", "2011-02-12", "President Hosni Mubarak stepped down on Friday.", "Hosni Mubarak", "president", "EGY", "current", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := titled(t, tt.date, tt.text, tt.person, tt.title, tt.country, tt.status)
			got := anachronisms([]*doc{d}, o)
			if (len(got) > 0) != tt.flagged {
				t.Errorf("flagged = %v (%+v), want %v", len(got) > 0, got, tt.flagged)
			}
			for _, c := range got {
				if c.Kind != ConflictAnachronism || len(c.Claims) != 1 || c.Claims[0].Citation.Text == "" {
					t.Errorf("malformed finding %+v", c)
				}
			}
		})
	}
}

func TestAdministrations(t *testing.T) {
	o, _ := BuiltinOffices()
	tests := []struct {
		date, text string
		flagged    bool
	}{
		{"2019-04-02", "The Biden administration said it would act.", true},            // not yet in office
		{"2022-04-02", "The Biden administration said it would act.", false},           // in office
		{"2019-04-02", "The Obama administration had signed the deal in 2015.", false}, // past, past tense
		{"2019-04-02", "The Obama administration is pressing Congress.", true},         // past, present tense
		{"2019-04-02", "The Smith administration is pressing the council.", false},     // not a US president
	}
	for _, tt := range tests {
		a := &article.Article{ID: 1, Text: tt.text, Source: "Test"}
		a.Published = day(tt.date)
		d, err := prepare(Source{Article: a})
		if err != nil {
			t.Fatal(err)
		}
		got := administrations(d, o, map[string]bool{})
		if (len(got) > 0) != tt.flagged {
			t.Errorf("%s %q: flagged = %v (%+v), want %v", tt.date, tt.text, len(got) > 0, got, tt.flagged)
		}
	}
}

func FuzzOfficesLoad(f *testing.F) {
	f.Add("president\tUSA\tBarack Obama\t2009-01-20\t2017-01-20\tObama\n")
	f.Add("# comment\n\nprime minister\tGBR\tKeir Starmer\t2024-07-05\n")
	f.Add("x\ty\tz\n")
	f.Fuzz(func(t *testing.T, tsv string) {
		o := &Offices{}
		if err := o.Load(strings.NewReader(tsv)); err != nil {
			return
		}
		for _, term := range o.terms {
			if term.Office == "" || term.Country == "" || term.Holder == "" {
				t.Errorf("empty field accepted: %+v", term)
			}
			if !term.To.IsZero() && !term.To.After(term.From) {
				t.Errorf("term ends before it starts: %+v", term)
			}
			o.Terms(term.Office, term.Country, term.Holder)
		}
	})
}

// TestTitledInText judges titles written in the text with no entity layer.
func TestTitledInText(t *testing.T) {
	o, _ := BuiltinOffices()
	tests := []struct {
		date, text string
		flagged    bool
	}{
		{"2019-04-02", "President Barack Obama said on Monday that the deal would hold.", true},
		{"2019-04-02", "Former President Barack Obama said on Monday that the deal would hold.", false},
		{"2009-05-08", "Former U.S. Secretary of State Condoleezza Rice said on Monday that it would hold.", false},
		{"2019-04-02", "The deal was signed by then-President Obama in 2015, she said on Monday.", false},
		{"2012-04-02", "President Obama said on Monday that the deal would hold.", false},
		{"2021-04-02", "Prime Minister Theresa May visited Paris on Monday.", true},
		{"2018-04-02", "Prime Minister Theresa May visited Paris on Monday.", false},
		{"2021-04-02", "Chancellor Angela Merkel met President Joe Biden on Monday.", false},
		{"2021-04-02", "Foreign Secretary Boris Johnson arrived on Monday.", true}, // left that office in 2018
		{"2021-04-02", "Prime Minister Boris Johnson arrived on Monday.", false},   // held this one then
		{"2011-01-28", "Vice President Joe Biden said on Monday that it would hold.", false},
		{"2011-02-11", "The decision was made by President Bush in 2003.", false}, // history
		{"2011-02-12", "President Hosni Mubarak stepped down on Friday.", false},  // transition
		{"2026-03-09", "Prime Minister Anton Vasik spoke on Monday.", false},      // not in the table
		{"2019-04-02", "the president said on Monday Obama was wrong.", false},    // no title before a name
	}
	for _, tt := range tests {
		a := &article.Article{ID: 1, Text: tt.text, Source: "Test"}
		a.Published = day(tt.date)
		d, err := prepare(Source{Article: a})
		if err != nil {
			t.Fatal(err)
		}
		got := titledInText(d, o, map[string]bool{})
		if (len(got) > 0) != tt.flagged {
			t.Errorf("%s %q: flagged = %v (%+v), want %v", tt.date, tt.text, len(got) > 0, got, tt.flagged)
		}
	}
}

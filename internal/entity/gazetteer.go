// Package entity owns who is who in an article and across articles: the
// built-in gazetteer of countries and organisations, titles and roles
// attached to person mentions ("German Chancellor Olaf Scholz"), in-article
// resolution of short names, titles and pronouns to the full entity, and the
// canonical Entity.Key that names the same real-world entity in every
// article (with a Registry that links keys across articles).
//
// It works on the name mentions the NER stage leaves in
// Analysis.Mentions and on the text layer of internal/text; it never needs
// the NER model itself, so it can be tested with hand-made mentions.
package entity

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"time"
)

// Country is one country or territory of the gazetteer.
type Country struct {
	Alpha2   string   // ISO 3166-1 alpha-2
	Alpha3   string   // ISO 3166-1 alpha-3, the id used in keys
	Name     string   // canonical English name
	Names    []string // all names and variants, canonical first
	Capital  string
	Demonyms []string // adjectives and nouns of nationality: German, Germans
}

// Org is one organisation of the gazetteer: an international body or a
// national one that news names as an actor (White House, Kremlin).
type Org struct {
	ID      string
	Name    string
	Aliases []string
	Country string // alpha-3 for national bodies, "" for international ones
	Kind    string // "igo", "ngo", "gov", "mil" or ""
}

// Short is the name a role quotes for the organisation: its acronym when it
// has one ("UN", "NATO"), else its name ("White House").
func (o Org) Short() string {
	if o.ID == o.Name {
		return o.ID
	}
	for _, a := range o.Aliases {
		if a == o.ID {
			return o.ID
		}
	}
	return o.Name
}

//go:embed data/countries.txt
var countriesData string

//go:embed data/orgs.txt
var orgsData string

// Gazetteer answers which country or organisation a name denotes. Lookups
// take any casing and punctuation ("U.S.", "US", "the United States");
// callers decide when a word is a name at all (capitalisation, NER type).
type Gazetteer struct {
	Countries []Country
	Orgs      []Org

	countryByName    map[string]int
	countryByDemonym map[string]int
	countryByCapital map[string]int
	countryByCode    map[string]int
	orgByName        map[string]int
	maxWords         int // longest name in words, bounds phrase matching
	// firstWords maps the first word of every name (normalised) to the most
	// words a name starting with it has: phrase matching asks it before
	// building any candidate string.
	firstWords map[string]int
}

// Default returns the built-in gazetteer, parsed once.
var Default = sync.OnceValue(func() *Gazetteer {
	g, err := parseGazetteer(countriesData, orgsData)
	if err != nil {
		panic(err) // embedded data is fixed at build time; a test covers it
	}
	return g
})

func parseGazetteer(countries, orgs string) (*Gazetteer, error) {
	g := &Gazetteer{
		countryByName:    map[string]int{},
		countryByDemonym: map[string]int{},
		countryByCapital: map[string]int{},
		countryByCode:    map[string]int{},
		orgByName:        map[string]int{},
		firstWords:       map[string]int{},
	}
	note := func(name string) {
		f := strings.Fields(Normalize(name))
		if len(f) == 0 {
			return
		}
		g.maxWords = max(g.maxWords, len(f))
		g.firstWords[f[0]] = max(g.firstWords[f[0]], len(f))
	}
	for n, line := range strings.Split(countries, "\n") {
		if line = strings.TrimSpace(line); line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != 5 {
			return nil, fmt.Errorf("countries line %d: %d fields, want 5", n+1, len(f))
		}
		c := Country{Alpha2: f[0], Alpha3: f[1], Names: splitList(f[2]), Capital: f[3], Demonyms: splitList(f[4])}
		c.Name = c.Names[0]
		i := len(g.Countries)
		g.Countries = append(g.Countries, c)
		g.countryByCode[c.Alpha3] = i
		g.countryByCode[c.Alpha2] = i
		for _, name := range c.Names {
			g.countryByName[Normalize(name)] = i
			note(name)
		}
		for _, d := range c.Demonyms {
			g.countryByDemonym[Normalize(d)] = i
			note(d)
		}
		if c.Capital != "" {
			g.countryByCapital[Normalize(c.Capital)] = i
			note(c.Capital)
		}
	}
	for n, line := range strings.Split(orgs, "\n") {
		if line = strings.TrimSpace(line); line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != 5 {
			return nil, fmt.Errorf("orgs line %d: %d fields, want 5", n+1, len(f))
		}
		o := Org{ID: f[0], Name: f[1], Aliases: splitList(f[2]), Country: f[3], Kind: f[4]}
		i := len(g.Orgs)
		g.Orgs = append(g.Orgs, o)
		for _, name := range append([]string{o.Name, o.ID}, o.Aliases...) {
			if strings.Contains(name, "-") && name == o.ID {
				continue // internal ids such as USGOV-WH are not names
			}
			g.orgByName[Normalize(name)] = i
			note(name)
		}
	}
	return g, nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// namesStartingWith returns the most words a gazetteer name beginning with
// the (normalised) word has, 0 when none does.
func (g *Gazetteer) namesStartingWith(word string) int { return g.firstWords[word] }

// Country returns the country a name, alias or ISO code denotes.
func (g *Gazetteer) Country(name string) (Country, bool) {
	i, ok := g.countryByName[Normalize(name)]
	if !ok {
		return Country{}, false
	}
	return g.Countries[i], true
}

// CountryByCode returns the country with ISO alpha-2 or alpha-3 code.
func (g *Gazetteer) CountryByCode(code string) (Country, bool) {
	i, ok := g.countryByCode[strings.ToUpper(code)]
	if !ok {
		return Country{}, false
	}
	return g.Countries[i], true
}

// CountryByDemonym returns the country of a nationality word ("Egyptian").
func (g *Gazetteer) CountryByDemonym(word string) (Country, bool) {
	i, ok := g.countryByDemonym[Normalize(word)]
	if !ok {
		return Country{}, false
	}
	return g.Countries[i], true
}

// CountryByCapital returns the country whose capital the city is.
func (g *Gazetteer) CountryByCapital(city string) (Country, bool) {
	i, ok := g.countryByCapital[Normalize(city)]
	if !ok {
		return Country{}, false
	}
	return g.Countries[i], true
}

// OrgAt is Org for a text written at date when (zero: unknown): an
// abbreviation that named another body before a date names that one in text
// from before it ("EC" in 1987 copy is the European Community, now the EU;
// after Maastricht it is the European Commission).
func (g *Gazetteer) OrgAt(name string, when time.Time) (Org, bool) {
	if !when.IsZero() {
		for _, h := range formerNames[Normalize(name)] {
			if when.Before(h.until) {
				return g.Org(h.name)
			}
		}
	}
	return g.Org(name)
}

// formerName is what an abbreviation named until a date.
type formerName struct {
	until time.Time
	name  string // a name the gazetteer knows
}

// formerNames maps normalised abbreviations to what they named before their
// present sense, oldest change first.
var formerNames = map[string][]formerName{
	// The Maastricht Treaty took effect on 1 November 1993; before it "the
	// EC" was the European Community, the gazetteer's org:EU.
	"ec": {{time.Date(1993, 11, 1, 0, 0, 0, 0, time.UTC), "European Community"}},
}

// Org returns the organisation a name or alias denotes.
func (g *Gazetteer) Org(name string) (Org, bool) {
	i, ok := g.orgByName[Normalize(name)]
	if !ok {
		return Org{}, false
	}
	return g.Orgs[i], true
}

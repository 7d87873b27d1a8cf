package entity

import (
	"strings"

	"github.com/dossier-news/dossier/internal/article"
)

// Key returns the cross-article key of a name of the given NER type, from
// the name alone (no article context):
//
//   - a country's name, alias or code, and for GPE/MISC a nationality
//     word: "country:" + ISO alpha-3 ("US", "U.S.", "United States",
//     "America" -> "country:USA");
//   - an organisation of the gazetteer: "org:" + its id ("U.N." -> "org:UN");
//   - a person: PersonKey;
//   - another organisation: "org:" + the normalised name without legal
//     suffixes ("Acme Corp." = "Acme" -> "org:acme");
//   - a place: "place:" + the normalised name; anything else "misc:" + it.
//
// A capital named as a political actor ("Washington said") is keyed to its
// country by the stage, which sees the context; Key alone keys it as a place.
func Key(typ, name string) string {
	g := Default()
	if typ != article.PER {
		if c, ok := g.Country(name); ok && typ != article.MISC {
			return "country:" + c.Alpha3
		}
		if c, ok := g.CountryByDemonym(name); ok && (typ == article.MISC || typ == article.GPE) {
			return "country:" + c.Alpha3
		}
		if o, ok := g.Org(name); ok {
			return "org:" + o.ID
		}
	}
	switch typ {
	case article.PER:
		return PersonKey(name)
	case article.ORG:
		return "org:" + orgName(name)
	case article.LOC, article.GPE:
		n := Normalize(name)
		if full, ok := stateAbbrevs[n]; ok {
			n = full
		}
		return "place:" + n
	}
	return "misc:" + Normalize(name)
}

// PersonKey is "person:" + the normalised full name: honorifics, titles
// written into the name and generational suffixes dropped, accents folded,
// Arabic article variants spelt "al-" ("Abdel Fattah el-Sisi" ->
// "person:abdel fattah al-sisi").
func PersonKey(name string) string {
	w := nameWords(name)
	for len(w) > 1 {
		if _, ok := titles[w[0]]; ok {
			w = w[1:]
			continue
		}
		break
	}
	for i := range w {
		w[i] = canonicalParticle(w[i])
	}
	return "person:" + strings.Join(w, " ")
}

// orgSuffixes are legal forms dropped from organisation names in keys.
var orgSuffixes = map[string]bool{
	"inc": true, "corp": true, "corporation": true, "co": true, "ltd": true, "llc": true, "plc": true,
	"ag": true, "sa": true, "nv": true, "gmbh": true, "group": true, "holdings": true, "limited": true,
	"party": true, // "the Labour Party" and "Labour" are one party
}

func orgName(name string) string {
	w := strings.Fields(strings.ReplaceAll(Normalize(name), ",", " "))
	for len(w) > 1 && orgSuffixes[w[len(w)-1]] {
		w = w[:len(w)-1]
	}
	return strings.Join(w, " ")
}

// stateAbbrevs are the news-agency abbreviations of US states written in
// datelines ("DETROIT, Mich.", "Madison, Wisc"), normalised, with the
// state they stand for, so that "Calif." and "California" are one place.
// "La." is left out: normalised it is "la", Los Angeles as often.
var stateAbbrevs = map[string]string{
	"ala": "alabama", "ariz": "arizona", "ark": "arkansas", "calif": "california", "colo": "colorado",
	"conn": "connecticut", "del": "delaware", "fla": "florida", "ga": "georgia", "ill": "illinois",
	"ind": "indiana", "kan": "kansas", "kans": "kansas", "ky": "kentucky", "md": "maryland",
	"mass": "massachusetts", "mich": "michigan", "minn": "minnesota", "miss": "mississippi", "mo": "missouri",
	"mont": "montana", "neb": "nebraska", "nev": "nevada", "nh": "new hampshire", "nj": "new jersey",
	"nm": "new mexico", "ny": "new york", "nc": "north carolina", "nd": "north dakota", "okla": "oklahoma",
	"ore": "oregon", "pa": "pennsylvania", "penn": "pennsylvania", "ri": "rhode island", "sc": "south carolina",
	"sd": "south dakota", "tenn": "tennessee", "tex": "texas", "vt": "vermont", "va": "virginia",
	"wash": "washington", "wva": "west virginia", "w va": "west virginia", "wis": "wisconsin",
	"wisc": "wisconsin", "wyo": "wyoming",
}

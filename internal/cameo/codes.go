// Package cameo owns the CAMEO coding tables dossier uses for events: the
// actor dictionaries (countries, international and non-state actors),
// the agents dictionary (role nouns such as "minister" -> GOV), the verb
// dictionary (verb plus pattern -> CAMEO event code), and the mapping from
// CAMEO event codes to PLOVER categories.
//
// The tables are converted from the PETRARCH2 dictionaries (Open Event Data
// Alliance, MIT licence, see data/LICENSE) by `go run
// ./internal/cameo/cmd/convert`, committed gzip'd under data/ and embedded.
package cameo

import (
	"sort"
	"strings"
)

// sectors are the CAMEO role codes: the three letters after the country
// (USAGOV, PSEREB). Religious and ethnic codes (MUS, KUR) are not sectors.
var sectors = map[string]bool{
	"GOV": true, "MIL": true, "REB": true, "OPP": true, "PTY": true, "COP": true,
	"JUD": true, "SPY": true, "LEG": true, "ELI": true, "CVL": true, "BUS": true,
	"MED": true, "EDU": true, "LAB": true, "AGR": true, "HLH": true, "HRI": true,
	"REF": true, "CRM": true, "UAF": true, "ENV": true, "DEV": true, "INS": true,
	"SEP": true, "RAD": true, "MOD": true,
}

// regions are the CAMEO codes of world regions (MEA Middle East, WAF West
// Africa, WEU Western Europe ...), which the dictionaries use for actors
// that span countries.
var regions = map[string]bool{
	"AFR": true, "ASA": true, "CAS": true, "EAF": true, "EEU": true, "EUR": true, "LAM": true, "MEA": true,
	"NAF": true, "SAF": true, "SAM": true, "SAS": true, "SEA": true, "WAF": true, "WEU": true,
}

// IsSector reports whether c is a CAMEO role (sector) code such as "GOV".
func IsSector(c string) bool { return sectors[c] }

// Split returns the first-level code (a country such as "USA", or "IGO",
// "NGO", "IMG", "MNC") and the first role code that follows it, "" when
// none: "IGOUNOMIL" -> ("IGO", "MIL"), "PSEREBHMS" -> ("PSE", "REB").
func Split(code string) (country, sector string) {
	if len(code) < 3 {
		return code, ""
	}
	country = code[:3]
	for i := 3; i+3 <= len(code); i += 3 {
		if sectors[code[i:i+3]] {
			return country, code[i : i+3]
		}
	}
	return country, ""
}

// Plover categories with the CAMEO root codes they cover.
var rootToPlover = map[string]string{
	"02": "DEMAND", // appeal
	"03": "AGREE",  // express intent to cooperate
	"04": "CONSULT",
	"05": "SUPPORT", // diplomatic cooperation
	"06": "COOPERATE",
	"07": "AID",
	"08": "CONCEDE", // yield; withdrawals are RETREAT (see Plover)
	"09": "INVESTIGATE",
	"10": "DEMAND",
	"11": "DISAPPROVE",
	"12": "REJECT",
	"13": "THREATEN",
	"14": "PROTEST",
	"15": "MOBILIZE", // exhibit force posture
	"16": "SANCTION", // reduce relations
	"17": "COERCE",
	"18": "ASSAULT",
	"19": "FIGHT",
	"20": "ASSAULT", // unconventional mass violence
}

// Plover maps a CAMEO event code (2 to 4 digits) to its PLOVER category, ""
// for codes PLOVER does not treat as events (01: public statements).
// Within CAMEO 08 (yield), leadership change (0831) and military
// de-escalation (087x) are RETREAT in PLOVER; the rest is CONCEDE.
// The mapping follows the PLOVER version of the published records
// (0.5): INVESTIGATE and DISAPPROVE are still separate there, sanctions
// are SANCTION, abduction is COERCE.
func Plover(code string) string {
	if len(code) < 2 {
		return ""
	}
	if code == "0831" || strings.HasPrefix(code, "087") {
		return "RETREAT"
	}
	if code == "181" || code == "184" {
		return "COERCE" // abduction and human shields: PLOVER 0.5 codes them as COERCE (mode "detain")
	}
	return rootToPlover[code[:2]]
}

// Root returns the two-digit CAMEO root of an event code.
func Root(code string) string {
	if len(code) < 2 {
		return ""
	}
	return code[:2]
}

// PloverCategories lists the PLOVER event categories in their published order.
func PloverCategories() []string {
	return []string{"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT",
		"INVESTIGATE", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE",
		"SANCTION", "COERCE", "ASSAULT", "FIGHT"}
}

// legacyCountries are country codes that CAMEO material writes in a form
// other than ISO 3166-1 alpha-3, each an alias of exactly one country the
// dictionaries code in ISO. The CAMEO 1.1b3 manual's examples (the PLOVER
// gold records) use TABARI's old codes JAP, VTN and ITL; the PETRARCH2
// dictionaries code East Timor TMP, its ISO code until 2002 (now TLS).
// Codes of states that no longer exist (YUG, DDR, SCG, CSK, USR) are not
// aliases of one current country and stay as they are.
var legacyCountries = map[string]string{
	"ITL": "ITA", // Italy
	"JAP": "JPN", // Japan
	"TMP": "TLS", // Timor-Leste (East Timor)
	"VTN": "VNM", // Vietnam
}

// ISOCountry returns the ISO 3166-1 alpha-3 form of a first-level actor
// code: a legacy alias is mapped ("JAP" -> "JPN"), anything else
// (ISO codes, IGO, NGO, regions) is returned unchanged.
func ISOCountry(c string) string {
	if iso, ok := legacyCountries[c]; ok {
		return iso
	}
	return c
}

// ISOCode rewrites the country at the front of a full actor code to ISO:
// "TMPGOV" -> "TLSGOV", "USAGOV" unchanged.
func ISOCode(code string) string {
	if len(code) < 3 {
		return code
	}
	if iso, ok := legacyCountries[code[:3]]; ok {
		return iso + code[3:]
	}
	return code
}

// LegacyCountries lists the legacy aliases as "OLD=ISO" pairs, sorted, for
// documentation (the eval command's help).
func LegacyCountries() []string {
	out := make([]string, 0, len(legacyCountries))
	for k, v := range legacyCountries {
		out = append(out, k+"="+v)
	}
	sort.Strings(out)
	return out
}

package entity

import "strings"

// titles maps the written forms of a title (lower case, words separated by
// one space) to its normalised form. Read-only.
var titles = map[string]string{
	"president": "president", "pres": "president", "vice president": "vice president", "vice-president": "vice president",
	"president-elect": "president", "prime minister": "prime minister", "premier": "prime minister",
	"chancellor": "chancellor", "vice chancellor": "vice chancellor", "vice-chancellor": "vice chancellor",
	"foreign minister": "foreign minister", "minister of foreign affairs": "foreign minister",
	"foreign affairs minister": "foreign minister", "foreign secretary": "foreign secretary",
	"secretary of state": "secretary of state",
	"defence minister":   "defence minister", "defense minister": "defence minister",
	"minister of defence": "defence minister", "minister of defense": "defence minister",
	"defence secretary": "defence secretary", "defense secretary": "defence secretary",
	"secretary of defense": "defence secretary", "finance minister": "finance minister",
	"minister of finance": "finance minister", "treasury secretary": "treasury secretary",
	"secretary of the treasury": "treasury secretary", "interior minister": "interior minister",
	"minister of interior": "interior minister", "minister of the interior": "interior minister",
	"home secretary": "home secretary", "health minister": "health minister", "justice minister": "justice minister",
	"attorney general": "attorney general", "attorney-general": "attorney general",
	"trade minister": "trade minister", "economy minister": "economy minister", "economic minister": "economy minister",
	"energy minister": "energy minister", "oil minister": "oil minister", "agriculture minister": "agriculture minister",
	"education minister": "education minister", "information minister": "information minister",
	"minister": "minister", "cabinet minister": "minister", "secretary": "secretary",
	"spokesperson": "spokesperson", "spokesman": "spokesperson", "spokeswoman": "spokesperson",
	"press secretary": "press secretary", "envoy": "envoy", "special envoy": "special envoy",
	"ambassador": "ambassador", "diplomat": "diplomat", "top diplomat": "foreign minister",
	"king": "king", "queen": "queen", "emir": "emir", "crown prince": "crown prince", "prince": "prince",
	"princess": "princess", "sheikh": "sheikh", "sultan": "sultan", "pope": "pope", "supreme leader": "supreme leader",
	"general": "general", "gen": "general", "lieutenant general": "lieutenant general", "lt gen": "lieutenant general",
	"major general": "major general", "brigadier general": "brigadier general", "colonel": "colonel", "col": "colonel",
	"admiral": "admiral", "adm": "admiral", "commander": "commander", "army chief": "army chief",
	"chief of staff": "chief of staff", "senator": "senator", "sen": "senator", "representative": "representative",
	"rep": "representative", "congressman": "representative", "congresswoman": "representative",
	"lawmaker": "lawmaker", "legislator": "lawmaker", "governor": "governor", "gov": "governor", "mayor": "mayor",
	"speaker": "speaker", "chief executive": "chief executive", "chief executive officer": "chief executive",
	"ceo": "chief executive", "chairman": "chair", "chairwoman": "chair", "chairperson": "chair", "chair": "chair",
	"secretary-general": "secretary-general", "secretary general": "secretary-general",
	"director-general": "director-general", "director general": "director-general", "director": "director",
	"head": "head", "leader": "leader", "opposition leader": "opposition leader", "chief": "chief",
	"chief justice": "chief justice", "judge": "judge", "prosecutor": "prosecutor", "chief prosecutor": "chief prosecutor",
	"national security adviser": "national security adviser", "national security advisor": "national security adviser",
	"adviser": "adviser", "advisor": "adviser", "negotiator": "negotiator", "chief negotiator": "chief negotiator",
	"mediator": "mediator", "commissioner": "commissioner", "high commissioner": "high commissioner",
	"first lady": "first lady", "police chief": "police chief", "governor-general": "governor-general",
	"intelligence chief": "intelligence chief", "spy chief": "intelligence chief", "campaign chief": "campaign chief",
	"campaign manager": "campaign manager", "campaign chairman": "campaign chair",
	// Departments written before "secretary" or "minister", and the British
	// finance minister's title, whose last word alone names no office.
	"chancellor of the exchequer": "chancellor of the exchequer", "exchequer secretary": "exchequer secretary",
	"agriculture secretary": "agriculture secretary", "commerce secretary": "commerce secretary",
	"energy secretary": "energy secretary", "labor secretary": "labor secretary", "labour secretary": "labor secretary",
	"trade secretary": "trade secretary", "transportation secretary": "transportation secretary",
	"transport secretary": "transport secretary", "interior secretary": "interior secretary",
	"health secretary": "health secretary", "education secretary": "education secretary",
	"trade representative": "trade representative", "industry minister": "industry minister",
	"economics minister": "economy minister", "petroleum minister": "oil minister",
	"minister of trade": "trade minister", "minister of industry": "industry minister",
	"minister of agriculture": "agriculture minister", "minister of energy": "energy minister",
	"minister of economy": "economy minister", "minister of the economy": "economy minister",
	"minister of justice": "justice minister", "minister of health": "health minister",
	"secretary of commerce": "commerce secretary", "secretary of agriculture": "agriculture secretary",
	"secretary of energy": "energy secretary", "secretary of labor": "labor secretary",
	"labour minister": "labor minister", "labor minister": "labor minister", "employment minister": "labor minister",
	"minister of labour": "labor minister", "minister of labor": "labor minister",
	"transport minister": "transport minister", "minister of transport": "transport minister",
	// A judge of the higher courts in the Commonwealth ("Justice Pieter
	// Holm", "Mr Justice Holm").
	"justice": "judge",
}

// titleLastWords are the last words of the titles: a token that is none of
// them cannot end a title. Read-only.
var titleLastWords = func() map[string]bool {
	m := map[string]bool{}
	for t := range titles {
		f := strings.Fields(t)
		m[f[len(f)-1]] = true
	}
	return m
}()

// maxTitleWords bounds title matching ("minister of the interior": 4).
const maxTitleWords = 4

// titleModifiers go before a title and become part of it: "deputy prime
// minister", "special envoy", "senior adviser".
var titleModifiers = map[string]bool{
	"deputy": true, "special": true, "senior": true, "assistant": true, "associate": true, "junior": true,
	"top": true, "chief": true, "regional": true, "military": true, "foreign": true, "finance": true,
}

// statusWords give a role's time status.
var statusWords = map[string]string{
	"former": "former", "ex": "former", "then": "then", "acting": "acting", "interim": "acting",
	"caretaker": "acting", "outgoing": "current", "incumbent": "current", "current": "current",
	"designate": "designate", "elect": "designate", "incoming": "designate", "late": "former",
}

// honorifics are forms of address before a name; some give gender.
var honorifics = map[string]byte{
	"mr": 'm', "mrs": 'f', "ms": 'f', "miss": 'f', "mme": 'f', "madam": 'f', "sir": 'm', "dame": 'f',
	"lord": 'm', "lady": 'f', "dr": 0, "prof": 0, "professor": 0, "messrs": 0, "sheikh": 'm',
}

// titleGender gives the gender a title implies, when it does.
var titleGender = map[string]byte{
	"king": 'm', "queen": 'f', "prince": 'm', "princess": 'f', "crown prince": 'm', "emir": 'm', "sultan": 'm',
	"sheikh": 'm', "pope": 'm', "first lady": 'f', "spokesman": 'm', "spokeswoman": 'f', "chairman": 'm',
	"chairwoman": 'f', "congressman": 'm', "congresswoman": 'f',
}

// splitStatus peels status prefixes and suffixes off one lower-case token:
// "then-chancellor" -> ("chancellor", "then"), "minister-designate" ->
// ("minister", "designate"), "ex-president" -> ("president", "former").
func splitStatus(tok string) (string, string) {
	for _, p := range []string{"then-", "ex-", "former-"} {
		if rest, ok := strings.CutPrefix(tok, p); ok && rest != "" {
			return rest, statusWords[strings.TrimSuffix(p, "-")]
		}
	}
	for _, s := range []string{"-designate", "-elect"} {
		if rest, ok := strings.CutSuffix(tok, s); ok && rest != "" {
			return rest, "designate"
		}
	}
	return tok, ""
}

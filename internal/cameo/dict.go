package cameo

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

//go:embed data/*.tsv.gz data/supplement.tsv
var dataFS embed.FS

// DatedCode is an actor code valid between From and To (YYYYMMDD, 0 = open).
type DatedCode struct {
	Code     string
	From, To int
}

// Dict is the loaded, read-only set of CAMEO tables. It is safe for
// concurrent use.
type Dict struct {
	actors    map[string][]DatedCode
	agents    map[string]string
	verbForms map[string]string // inflected form ("asked for") -> base ("ask for")
	verbCode  map[string]string // base -> default event code
	patterns  map[string][]VerbPattern
	synsets   map[string]map[string]bool
	// first word -> longest phrase starting with it, so lookups skip the
	// words that start no phrase without building candidate strings
	actorFirst, agentFirst, verbFirst map[string]int
	surnames                          map[string]bool
}

// Default returns the embedded dictionaries, loaded once.
var Default = sync.OnceValues(func() (*Dict, error) { return load(dataFS) })

func load(fs embed.FS) (*Dict, error) {
	d := &Dict{
		actors:    map[string][]DatedCode{},
		agents:    map[string]string{},
		verbForms: map[string]string{},
		verbCode:  map[string]string{},
		patterns:  map[string][]VerbPattern{},
		synsets:   map[string]map[string]bool{},
	}
	err := eachLine(fs, "data/actors.tsv.gz", func(f []string) error {
		if len(f) != 4 {
			return fmt.Errorf("actor line has %d fields", len(f))
		}
		from, _ := strconv.Atoi(f[2])
		to, _ := strconv.Atoi(f[3])
		d.actors[f[0]] = append(d.actors[f[0]], DatedCode{Code: f[1], From: from, To: to})
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine(fs, "data/agents.tsv.gz", func(f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("agent line has %d fields", len(f))
		}
		if _, ok := d.agents[f[0]]; !ok {
			d.agents[f[0]] = f[1]
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine(fs, "data/verbs.tsv.gz", func(f []string) error {
		switch f[0] {
		case "V":
			if len(f) != 4 {
				return fmt.Errorf("verb line has %d fields", len(f))
			}
			base := f[1]
			if f[2] != "" || d.verbCode[base] == "" {
				d.verbCode[base] = f[2]
			}
			if !hasLetter(base) {
				return nil // stray punctuation entries in the source
			}
			for _, form := range Inflect(base) {
				if _, ok := d.verbForms[form]; !ok {
					d.verbForms[form] = base
				}
			}
			for _, form := range splitBar(f[3]) {
				if hasLetter(form) {
					d.verbForms[form] = base
				}
			}
		case "P":
			if len(f) != 5 {
				return fmt.Errorf("pattern line has %d fields", len(f))
			}
			d.patterns[f[1]] = append(d.patterns[f[1]], VerbPattern{Verb: f[1], Code: f[2], Pre: splitBar(f[3]), Post: splitBar(f[4])})
		case "S":
			if len(f) != 3 {
				return fmt.Errorf("synset line has %d fields", len(f))
			}
			set := map[string]bool{}
			for _, w := range splitBar(f[2]) {
				set[w] = true
			}
			d.synsets[strings.ToLower(f[1])] = set
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sup, err := fs.ReadFile("data/supplement.tsv")
	if err != nil {
		return nil, fmt.Errorf("reading supplement: %w", err)
	}
	for _, line := range strings.Split(string(sup), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p, code, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("supplement line %q: want phrase<TAB>code", line)
		}
		if strings.Contains(code, "~") {
			d.agents[p] = code
			continue
		}
		d.actors[p] = []DatedCode{{Code: code}}
	}
	d.nationalGroups()
	d.addSurnames()
	d.actorFirst = firstWords(d.actors)
	d.agentFirst = firstWords(d.agents)
	d.verbFirst = firstWords(d.verbForms)
	return d, nil
}

// nationalGroups codes a group the dictionaries file under a region with
// the country its name starts with: "palestinian islamic jihad" is
// MEAREB in PETRARCH2 but PSEREB in CAMEO's coding of its own examples,
// as "eritrean liberation front" is ERIREB. A national armed group acts
// in and against its own state; the region says less than its name.
// Only names whose first word is itself a country (every code of it the
// same country) change.
func (d *Dict) nationalGroups() {
	for p, cs := range d.actors {
		first, _, multi := strings.Cut(p, " ")
		if !multi {
			continue
		}
		country := singleCountry(d.actors[first])
		if country == "" {
			continue
		}
		var out []DatedCode
		for _, c := range cs {
			if len(c.Code) >= 3 && regions[c.Code[:3]] {
				c.Code = country + c.Code[3:]
			}
			out = append(out, c)
		}
		d.actors[p] = out
	}
}

// singleCountry returns the one country all codes name, "" when they name
// none, several, or a region or organisation.
func singleCountry(cs []DatedCode) string {
	country := ""
	for _, c := range cs {
		if len(c.Code) < 3 {
			return ""
		}
		k := c.Code[:3]
		if regions[k] || k == "IGO" || k == "NGO" || k == "IMG" || k == "MNC" || k == "---" || country != "" && k != country {
			return ""
		}
		country = k
	}
	return country
}

// firstWords maps the first word of each phrase to the longest phrase
// length in words; a plural first word also indexes its singular forms.
func firstWords[V any](m map[string]V) map[string]int {
	out := make(map[string]int, len(m))
	for p := range m {
		first, _, _ := strings.Cut(p, " ")
		out[first] = max(out[first], strings.Count(p, " ")+1)
	}
	return out
}

// span returns how many words a phrase starting at words[i] may have in
// the index, 0 when the first word starts none (also checking the word's
// singular, as a one-word plural matches its singular entry).
func span(first map[string]int, words []string, i int) int {
	n := first[words[i]]
	if n == 0 {
		for _, s := range singulars(words[i]) {
			n = max(n, first[s])
		}
	}
	return min(n, len(words)-i)
}

// addSurnames indexes people by surname ("Mugabe" for "Robert Mugabe"), as
// news refers to them after the first mention. People are the entries with
// dated codes; a surname shared by people of different countries, or that
// is itself an entry, is left out.
func (d *Dict) addSurnames() {
	country := map[string]string{}
	codes := map[string][]DatedCode{}
	for p, cs := range d.actors {
		i := strings.LastIndexByte(p, ' ')
		if i < 0 || !dated(cs) || !allRoles(cs) || orgPhrase(p) {
			continue // not a person: a dated state ("Soviet Union") or organisation ("Islamic Front")
		}
		last := p[i+1:]
		if len(last) < 4 || d.actors[last] != nil || d.agents[last] != "" || d.verbForms[last] != "" || commonWords[last] {
			continue
		}
		c := cs[0].Code[:min(3, len(cs[0].Code))]
		if prev, ok := country[last]; ok && prev != c {
			country[last] = "-"
			continue
		}
		country[last] = c
		if len(cs) > len(codes[last]) {
			codes[last] = cs
		}
	}
	d.surnames = map[string]bool{}
	for last, c := range country {
		if c != "-" {
			d.actors[last] = codes[last]
			d.surnames[last] = true
		}
	}
}

// commonWords are English words that start sentences and are also
// someone's surname in the dictionaries ("Some", "Many").
var commonWords = map[string]bool{
	"some": true, "many": true, "most": true, "more": true, "such": true, "this": true, "that": true,
	"these": true, "those": true, "they": true, "them": true, "their": true, "there": true, "then": true,
	"what": true, "when": true, "where": true, "which": true, "while": true, "with": true, "from": true,
	"after": true, "also": true, "only": true, "even": true, "over": true, "under": true, "about": true,
	"against": true, "between": true, "both": true, "each": true, "every": true, "other": true, "senior": true,
	"young": true, "good": true, "great": true, "white": true, "black": true, "little": true, "long": true,
	"north": true, "south": true, "east": true, "west": true, "central": true, "prime": true, "recent": true,
	"angry": true, "radical": true, "official": true, "first": true, "last": true, "next": true, "here": true,
	"thousands": true, "hundreds": true, "tens": true, "dozens": true, "several": true, "five": true,
	"three": true, "four": true, "seven": true, "eight": true, "nine": true,
}

// orgWords mark organisation names among the dated entries, which are
// not people and must not lend their last word as a surname.
var orgWords = map[string]bool{
	"front": true, "party": true, "movement": true, "army": true, "council": true, "union": true, "group": true,
	"brigade": true, "brigades": true, "force": true, "forces": true, "organization": true, "organisation": true,
	"committee": true, "alliance": true, "league": true, "coalition": true, "congress": true, "assembly": true,
	"government": true, "ministry": true, "state": true, "republic": true, "people": true, "national": true,
	"liberation": true, "islamic": true, "authority": true, "administration": true, "junta": true, "regime": true,
	"commission": true, "court": true, "parliament": true, "guard": true, "militia": true, "police": true,
	"bank": true, "company": true, "corporation": true, "agency": true, "office": true, "kingdom": true,
}

func orgPhrase(p string) bool {
	for _, w := range strings.Fields(p) {
		if orgWords[w] {
			return true
		}
	}
	return false
}

func allRoles(cs []DatedCode) bool {
	for _, c := range cs {
		if len(c.Code) <= 3 {
			return false
		}
	}
	return true
}

func dated(cs []DatedCode) bool {
	for _, c := range cs {
		if c.From != 0 || c.To != 0 {
			return true
		}
	}
	return false
}

func hasLetter(s string) bool {
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			return true
		}
	}
	return false
}

func splitBar(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func eachLine(fs embed.FS, name string, fn func([]string) error) error {
	b, err := fs.ReadFile(name)
	if err != nil {
		return fmt.Errorf("reading %s: %w", name, err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	defer zr.Close()
	return eachTSV(zr, name, fn)
}

func eachTSV(r io.Reader, name string, fn func([]string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		if err := fn(strings.Split(sc.Text(), "\t")); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// Inflect returns the regular forms of a verb (the first word inflects in
// phrasal verbs: "ask for" -> "asked for"). It over-generates a little
// (both "banned" and "baned"), which is harmless for lookup.
func Inflect(base string) []string {
	head, tail, _ := strings.Cut(base, " ")
	if tail != "" {
		tail = " " + tail
	}
	forms := []string{head}
	n := len(head)
	if n == 0 {
		return nil
	}
	last := head[n-1]
	switch {
	case strings.HasSuffix(head, "ee") || strings.HasSuffix(head, "ye") || strings.HasSuffix(head, "oe"):
		forms = append(forms, head+"s", head+"d", head+"ing")
	case last == 'e':
		forms = append(forms, head+"s", head+"d", head[:n-1]+"ing")
	case last == 'y' && n > 1 && !strings.ContainsRune("aeiou", rune(head[n-2])):
		forms = append(forms, head[:n-1]+"ies", head[:n-1]+"ied", head+"ing")
	case strings.HasSuffix(head, "s") || strings.HasSuffix(head, "sh") || strings.HasSuffix(head, "ch") || strings.HasSuffix(head, "x") || strings.HasSuffix(head, "z"):
		forms = append(forms, head+"es", head+"ed", head+"ing")
	default:
		forms = append(forms, head+"s", head+"ed", head+"ing")
		if n >= 3 && !isVowel(last) && last != 'w' && last != 'x' && last != 'y' && isVowel(head[n-2]) && !isVowel(head[n-3]) {
			forms = append(forms, head+string(last)+"ed", head+string(last)+"ing")
		}
	}
	for i := range forms {
		forms[i] += tail
	}
	return forms
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// ActorCodes returns the dated codes of an exact lower-case phrase.
func (d *Dict) ActorCodes(phrase string) []DatedCode { return d.actors[phrase] }

// ActorAt returns the longest actor phrase starting at words[i]: its
// length in words and codes, or 0 when none. A plural last word
// ("Palestinians") also matches its singular entry.
func (d *Dict) ActorAt(words []string, i int) (int, []DatedCode) {
	for n := span(d.actorFirst, words, i); n >= 1; n-- {
		p := strings.Join(words[i:i+n], " ")
		if cs, ok := d.actors[p]; ok {
			return n, cs
		}
		for _, s := range singulars(p) {
			// a surname in the plural is a people ("Kurds"), not the person
			if cs, ok := d.actors[s]; ok && !d.surnames[s] {
				return n, cs
			}
		}
	}
	return 0, nil
}

// AgentAt returns the longest agent phrase starting at words[i] and its
// code ("~GOV", "IGO~"), or 0 when none.
func (d *Dict) AgentAt(words []string, i int) (int, string) {
	for n := span(d.agentFirst, words, i); n >= 1; n-- {
		p := strings.Join(words[i:i+n], " ")
		if c, ok := d.agents[p]; ok {
			return n, c
		}
		for _, s := range singulars(p) {
			if c, ok := d.agents[s]; ok {
				return n, c
			}
		}
	}
	return 0, ""
}

// VerbAt returns the verb (base form) whose inflected form starts at
// words[i], longest phrasal verb first, and its length in words.
func (d *Dict) VerbAt(words []string, i int) (int, string) {
	for n := min(d.verbFirst[words[i]], len(words)-i); n >= 1; n-- {
		if b, ok := d.verbForms[strings.Join(words[i:i+n], " ")]; ok {
			return n, b
		}
	}
	return 0, ""
}

// Surname reports whether a one-word actor entry is a surname taken from a
// person's full name (so "Tomas" before "Reinholt" is a first name, not
// the dictionary's Tomas).
func (d *Dict) Surname(w string) bool { return d.surnames[w] }

// VerbCode is the default event code of a verb base ("" when the verb codes
// only through patterns).
func (d *Dict) VerbCode(base string) string { return d.verbCode[base] }

// Patterns returns the patterns of a verb base.
func (d *Dict) Patterns(base string) []VerbPattern { return d.patterns[base] }

// InSynset reports whether word belongs to the synonym set name ("&food").
func (d *Dict) InSynset(name, word string) bool { return d.synsets[name][word] }

// singulars undoes regular English plurals ("officials", "militias",
// "policemen", "nurses", "buses"), since PETRARCH's dictionaries list
// singular nouns. Several candidates come back where the plural is
// ambiguous.
func singulars(p string) []string {
	switch {
	case strings.HasSuffix(p, "men"):
		return []string{p[:len(p)-3] + "man"}
	case strings.HasSuffix(p, "ies"):
		return []string{p[:len(p)-3] + "y"}
	case strings.HasSuffix(p, "ses"), strings.HasSuffix(p, "xes"), strings.HasSuffix(p, "ches"), strings.HasSuffix(p, "shes"):
		return []string{p[:len(p)-1], p[:len(p)-2]}
	case strings.HasSuffix(p, "s") && !strings.HasSuffix(p, "ss"):
		return []string{p[:len(p)-1]}
	}
	return nil
}

// CodeOn picks the code valid on date (YYYYMMDD; 0 when unknown). Without
// a date it prefers the code in force since a date and still open (the
// current state: MKD rather than YUGMKD), then a government code (the office
// that made a person newsworthy), then an undated code, then the last.
func CodeOn(cs []DatedCode, date int) string {
	if len(cs) == 0 {
		return ""
	}
	if date > 0 {
		for _, c := range cs {
			if (c.From == 0 || c.From <= date) && (c.To == 0 || date <= c.To) && (c.From != 0 || c.To != 0) {
				return c.Code
			}
		}
	}
	for _, c := range cs {
		if c.From != 0 && c.To == 0 {
			return c.Code
		}
	}
	for _, c := range cs {
		if _, s := Split(c.Code); s == "GOV" {
			return c.Code
		}
	}
	for _, c := range cs {
		if c.From == 0 && c.To == 0 {
			return c.Code
		}
	}
	return cs[len(cs)-1].Code
}

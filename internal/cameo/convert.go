package cameo

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// ActorEntry is one phrase of an actor dictionary with one of its codes.
// From/To bound the code's validity as YYYYMMDD (0 when open), because
// PETRARCH codes people by the office they held on the event date.
type ActorEntry struct {
	Phrase string // lower-case words separated by single spaces
	Code   string // CAMEO actor code: "USA", "RUSGOV", "IGOUNO"
	From   int
	To     int
}

// AgentEntry is one phrase of the agents dictionary: a role noun and the
// code it adds to an actor, "~GOV" (suffix: Israeli officials -> ISRGOV) or
// "IGO~" (prefix).
type AgentEntry struct {
	Phrase string
	Code   string
}

// VerbEntry is one verb form of the CAMEO verb dictionary with its default
// event code ("" when the verb only codes inside a pattern).
type VerbEntry struct {
	Verb string // base words of the verb, lower-case ("ask for")
	Code string // CAMEO event code, 2 to 4 digits
	// Forms are the irregular forms listed in braces; regular ones are
	// generated when the table is loaded.
	Forms []string
}

// VerbPattern is one "- PRE * POST [code]" line: the words that must come
// before and after the verb (in order, not necessarily adjacent) for the
// verb to mean Code. Words starting with '&' name a synonym set.
type VerbPattern struct {
	Verb string
	Code string
	Pre  []string
	Post []string
}

// ParseActors reads a PETRARCH/TABARI .actors file. An entry is a primary
// name line, optional '+' synonym lines and code lines ("[USAGOV
// 010101-051231]"), inline or on their own lines.
func ParseActors(r io.Reader) ([]ActorEntry, error) {
	var out []ActorEntry
	var names []string
	type dcode struct {
		code     string
		from, to int
	}
	var codes []dcode
	flush := func() {
		if len(codes) == 0 {
			return
		}
		// a bare sector code ("[ELI]") inherits the country of the entry's first code
		base := ""
		for _, c := range codes {
			if len(c.code) >= 3 && !IsSector(c.code[:3]) {
				base = c.code[:3]
				break
			}
		}
		for _, n := range names {
			for _, c := range codes {
				code := c.code
				if IsSector(code) {
					if base == "" {
						base = "---" // a role with no country ("Reuters": MED)
					}
					code = base + code
				}
				// ISO codes throughout: the dictionaries' TMP is TLS today
				out = append(out, ActorEntry{Phrase: n, Code: ISOCode(code), From: c.from, To: c.to})
			}
		}
		names, codes = nil, nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := stripComment(sc.Text())
		if strings.TrimSpace(line) == "" {
			continue
		}
		trimmed := strings.TrimSpace(line)
		isSyn := strings.HasPrefix(trimmed, "+")
		namePart, codePart := splitCodes(trimmed)
		if namePart != "" && !isSyn && len(codes) > 0 {
			flush()
		}
		if namePart != "" {
			for _, n := range phraseVariants(strings.TrimPrefix(namePart, "+")) {
				names = append(names, n)
			}
		}
		for _, c := range codePart {
			code, from, to, err := parseDatedCode(c)
			if err != nil {
				return nil, fmt.Errorf("actors line %q: %w", sc.Text(), err)
			}
			if code != "" {
				codes = append(codes, dcode{code, from, to})
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading actors: %w", err)
	}
	flush()
	return out, nil
}

// ParseAgents reads a PETRARCH agents file, expanding its "!SET! = A, B"
// substitution sets.
func ParseAgents(r io.Reader) ([]AgentEntry, error) {
	subs := map[string][]string{}
	var out []AgentEntry
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := strings.TrimSpace(stripComment(sc.Text()))
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "!") && strings.Contains(line, "=") {
			k, v, _ := strings.Cut(line, "=")
			var alts []string
			for _, a := range strings.Split(v, ",") {
				if a = strings.TrimSpace(a); a != "" {
					alts = append(alts, a)
				}
			}
			subs[strings.TrimSpace(k)] = alts
			continue
		}
		name, codes := splitCodes(line)
		if name == "" || len(codes) == 0 {
			continue
		}
		code := strings.TrimSpace(codes[0])
		for _, n := range expandSubs(name, subs) {
			for _, p := range phraseVariants(n) {
				out = append(out, AgentEntry{Phrase: p, Code: code})
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading agents: %w", err)
	}
	return out, nil
}

// ParseVerbs reads the verb section and the synonym sets of a PETRARCH
// CAMEO verbs file.
func ParseVerbs(r io.Reader) (verbs []VerbEntry, patterns []VerbPattern, synsets map[string][]string, err error) {
	synsets = map[string][]string{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var curSet string
	inVerbs := false
	blockCode := ""
	var blockVerbs []string
	for sc.Scan() {
		raw := sc.Text()
		if strings.Contains(raw, "VERB PATTERNS") {
			inVerbs = true
			continue
		}
		line := strings.TrimSpace(stripComment(raw))
		if line == "" {
			curSet = ""
			continue
		}
		if !inVerbs {
			switch {
			case strings.HasPrefix(line, "&"):
				curSet = strings.TrimSuffix(line, "_")
			case strings.HasPrefix(line, "+") && curSet != "":
				w := wordsOf(strings.TrimPrefix(line, "+"))
				if w != "" {
					synsets[curSet] = append(synsets[curSet], w)
				}
			}
			continue
		}
		switch {
		case strings.HasPrefix(line, "---"):
			// "---  NAME   [code]  ---": a new synset of verbs
			blockCode = ""
			if _, c := splitCodes(strings.Trim(line, "- ")); len(c) > 0 {
				blockCode = eventCode(c[0])
			}
			blockVerbs = nil
		case strings.HasPrefix(line, "- "):
			body, codes := splitCodes(strings.TrimPrefix(line, "- "))
			if len(codes) == 0 {
				continue
			}
			code := eventCode(codes[0])
			if code == "" {
				continue
			}
			pre, post, ok := strings.Cut(body, "*")
			if !ok {
				continue
			}
			for _, v := range blockVerbs {
				patterns = append(patterns, VerbPattern{Verb: v, Code: code, Pre: patternWords(pre), Post: patternWords(post)})
			}
		case strings.HasPrefix(line, "~"), strings.HasPrefix(line, "{"):
			// compound-pattern rules: beyond this coder
		default:
			body, codes := splitCodes(line)
			var forms []string
			if i := strings.Index(body, "{"); i >= 0 {
				if j := strings.Index(body[i:], "}"); j >= 0 {
					for _, f := range strings.Fields(body[i+1 : i+j]) {
						if w := wordsOf(strings.TrimPrefix(f, "+")); w != "" {
							forms = append(forms, w)
						}
					}
					body = body[:i] + body[i+j+1:]
				}
			}
			v := wordsOf(strings.TrimPrefix(strings.TrimSpace(body), "+"))
			if v == "" {
				continue
			}
			code := blockCode
			if len(codes) > 0 {
				code = eventCode(codes[0])
			}
			blockVerbs = append(blockVerbs, v)
			verbs = append(verbs, VerbEntry{Verb: v, Code: code, Forms: forms})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, nil, fmt.Errorf("reading verbs: %w", err)
	}
	return verbs, patterns, synsets, nil
}

// stripComment removes a trailing "# comment".
func stripComment(s string) string {
	if i := strings.Index(s, "#"); i >= 0 {
		return s[:i]
	}
	return s
}

// splitCodes splits "NAME {..} [A] [B]" into the part before the first '['
// and the bracketed codes.
func splitCodes(s string) (string, []string) {
	i := strings.Index(s, "[")
	if i < 0 {
		return strings.TrimSpace(s), nil
	}
	name := strings.TrimSpace(s[:i])
	var codes []string
	rest := s[i:]
	for {
		a := strings.Index(rest, "[")
		if a < 0 {
			break
		}
		b := strings.Index(rest[a:], "]")
		if b < 0 {
			break
		}
		codes = append(codes, strings.TrimSpace(rest[a+1:a+b]))
		rest = rest[a+b+1:]
	}
	return name, codes
}

// eventCode takes the source part of "042:043" style codes and drops
// non-codes such as "---".
func eventCode(c string) string {
	c = strings.TrimSpace(c)
	if a, b, ok := strings.Cut(c, ":"); ok {
		c = a
		if c == "" {
			c = b
		}
	}
	if c == "" || strings.Trim(c, "0123456789") != "" {
		return ""
	}
	return c
}

// parseDatedCode parses "USAGOV 910710-991231", "AFGGOV >011222" or "USA".
func parseDatedCode(s string) (code string, from, to int, err error) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return "", 0, 0, nil
	}
	code = strings.ToUpper(f[0])
	if strings.Trim(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return "", 0, 0, nil // a stray bracket in a comment
	}
	if len(f) < 2 {
		return code, 0, 0, nil
	}
	d := strings.Join(f[1:], "")
	switch {
	case strings.HasPrefix(d, ">"):
		from, err = parseDate(d[1:])
	case strings.HasPrefix(d, "<"):
		to, err = parseDate(d[1:])
	default:
		a, b, ok := strings.Cut(d, "-")
		if !ok {
			return code, 0, 0, nil
		}
		if from, err = parseDate(a); err == nil {
			to, err = parseDate(b)
		}
	}
	if err != nil {
		// a few entries carry malformed dates; keep the code undated
		return code, 0, 0, nil
	}
	return code, from, to, nil
}

// parseDate reads TABARI dates: yymmdd (years < 30 are 20xx) or yyyymmdd.
func parseDate(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("bad date %q: %w", s, err)
	}
	switch len(s) {
	case 6:
		if n/10000 < 30 {
			return 20000000 + n, nil
		}
		return 19000000 + n, nil
	case 7, 8:
		return n, nil
	}
	return 0, fmt.Errorf("bad date %q", s)
}

// phraseVariants turns "CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE}" into its
// lower-case phrases; parenthesised acronyms "(AAIA)" are dropped.
func phraseVariants(s string) []string {
	var alts []string
	if i := strings.Index(s, "{"); i >= 0 {
		if j := strings.Index(s[i:], "}"); j >= 0 {
			for _, a := range strings.Fields(s[i+1 : i+j]) {
				if w := wordsOf(a); w != "" {
					alts = append(alts, w)
				}
			}
			s = s[:i] + s[i+j+1:]
		}
	}
	var out []string
	if w := wordsOf(s); w != "" {
		out = append(out, w)
	}
	return append(out, alts...)
}

// wordsOf normalises a dictionary phrase: underscores to spaces, lower case,
// parenthesised parts removed.
func wordsOf(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')':
			if depth > 0 {
				depth--
			}
		case depth > 0:
		case r == '_' || r == ' ' || r == '\t':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return strings.ToLower(strings.Join(strings.Fields(b.String()), " "))
}

// patternWords flattens the words of a verb pattern side: parentheses and
// braces group words in PETRARCH but we match them in order; markers such
// as '$' (source), '+' (target) and '%' are dropped.
func patternWords(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		f = strings.Trim(f, "(){}$+%^|")
		f = strings.Trim(f, "_")
		if f == "" || f == "-" {
			continue
		}
		out = append(out, strings.ToLower(strings.ReplaceAll(f, "_", " ")))
	}
	return out
}

// expandSubs expands "!SET!" references in an agent phrase. Substituted
// text is not re-scanned (a set naming itself must not loop) and the
// expansion is capped, as every reference multiplies the phrases.
func expandSubs(s string, subs map[string][]string) []string {
	i := strings.Index(s, "!")
	if i < 0 {
		return []string{s}
	}
	j := strings.Index(s[i+1:], "!")
	if j < 0 {
		return []string{s}
	}
	key := s[i : i+j+2]
	alts, ok := subs[key]
	if !ok {
		alts = []string{""}
	}
	rest := expandSubs(s[i+j+2:], subs)
	var out []string
	for _, a := range alts {
		for _, r := range rest {
			if len(out) == 64 {
				return out
			}
			out = append(out, s[:i]+a+r)
		}
	}
	return out
}

// WriteActorsTSV writes actor entries as "phrase\tcode\tfrom\tto" sorted
// lines, the compact form committed under data/.
func WriteActorsTSV(w io.Writer, es []ActorEntry) error {
	lines := make([]string, 0, len(es))
	seen := map[string]bool{}
	for _, e := range es {
		l := fmt.Sprintf("%s\t%s\t%d\t%d", e.Phrase, e.Code, e.From, e.To)
		if !seen[l] {
			seen[l] = true
			lines = append(lines, l)
		}
	}
	sort.Strings(lines)
	return writeLines(w, lines)
}

// WriteAgentsTSV writes agent entries as "phrase\tcode" sorted lines.
func WriteAgentsTSV(w io.Writer, es []AgentEntry) error {
	lines := make([]string, 0, len(es))
	seen := map[string]bool{}
	for _, e := range es {
		l := e.Phrase + "\t" + e.Code
		if !seen[l] {
			seen[l] = true
			lines = append(lines, l)
		}
	}
	sort.Strings(lines)
	return writeLines(w, lines)
}

// WriteVerbsTSV writes verbs ("V\tverb\tcode\tforms"), patterns
// ("P\tverb\tcode\tpre\tpost", words joined by '|') and synonym sets
// ("S\t&NAME\tphrase|phrase").
func WriteVerbsTSV(w io.Writer, verbs []VerbEntry, pats []VerbPattern, syn map[string][]string) error {
	var lines []string
	seen := map[string]bool{}
	add := func(l string) {
		if !seen[l] {
			seen[l] = true
			lines = append(lines, l)
		}
	}
	for _, v := range verbs {
		add("V\t" + v.Verb + "\t" + v.Code + "\t" + strings.Join(v.Forms, "|"))
	}
	for _, p := range pats {
		add("P\t" + p.Verb + "\t" + p.Code + "\t" + strings.Join(p.Pre, "|") + "\t" + strings.Join(p.Post, "|"))
	}
	for k, v := range syn {
		add("S\t" + k + "\t" + strings.Join(v, "|"))
	}
	sort.Strings(lines)
	return writeLines(w, lines)
}

func writeLines(w io.Writer, lines []string) error {
	bw := bufio.NewWriter(w)
	for _, l := range lines {
		if _, err := bw.WriteString(l + "\n"); err != nil {
			return fmt.Errorf("writing: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing: %w", err)
	}
	return nil
}

package timex

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/internal/article"
)

// match is one rule hit: the whole text, the span the expression covers and
// the rule's named groups (original case).
type match struct {
	text       string
	start, end int
	groups     map[string]string
	pos        map[string]int // byte offset of each group
	rule       *rule
}

// g returns a group lowercased with runs of white space collapsed.
func (m *match) g(name string) string {
	return strings.Join(strings.Fields(strings.ToLower(m.groups[name])), " ")
}

func (m *match) has(name string) bool { return m.groups[name] != "" }

// result is what a normaliser makes of a match.
type result struct {
	typ, value, mod string
	pt              *point // the calendar point, when the expression names one
	anaphoric       bool   // resolved against an earlier expression rather than the DCT
	// keepRef: a comparison point ("a year earlier") that later anaphora
	// should not count from.
	keepRef bool
}

type rule struct {
	name  string
	re    *regexp.Regexp
	check func(m *match) bool
	norm  func(r *resolver, m *match) (result, bool)
	need  []string // lower-case strings one of which a window must contain
}

// Tagger finds and normalises time expressions. It holds only compiled,
// read-only rules and is safe for concurrent use.
type Tagger struct {
	rules []*rule
}

var sharedTagger = sync.OnceValue(func() *Tagger { return &Tagger{rules: buildRules()} })

// NewTagger returns the tagger (the compiled rule set is built once and shared).
func NewTagger() *Tagger { return sharedTagger() }

type candidate struct {
	m    *match
	prio int
}

// Tag finds the time expressions of text and normalises them against dct, the
// document creation time (zero when unknown: relative expressions then keep X
// placeholders instead of invented values). Spans are byte offsets into text.
func (tg *Tagger) Tag(text string, dct time.Time) []article.Timex {
	var cands []candidate
	for _, w := range windows(text) {
		cands = tg.candidates(text, w[0], w[1], cands)
	}
	return tg.resolve(text, dct, cands)
}

// candidates runs every rule over text[lo:hi] and appends the hits that pass
// the rules' checks.
func (tg *Tagger) candidates(text string, lo, hi int, cands []candidate) []candidate {
	sub := text[lo:hi]
	lower := strings.ToLower(sub)
	for i, ru := range tg.rules {
		if !containsAny(lower, ru.need) {
			continue
		}
		for _, loc := range ru.re.FindAllStringSubmatchIndex(sub, -1) {
			for k := range loc {
				if loc[k] >= 0 {
					loc[k] += lo
				}
			}
			m := &match{text: text, start: loc[0], end: loc[1], groups: map[string]string{}, pos: map[string]int{}, rule: ru}
			for gi, name := range ru.re.SubexpNames() {
				if name == "" || loc[2*gi] < 0 {
					continue
				}
				m.groups[name] = text[loc[2*gi]:loc[2*gi+1]]
				m.pos[name] = loc[2*gi]
				if name == "x" {
					m.start, m.end = loc[2*gi], loc[2*gi+1]
				}
			}
			// Trailing white space or a sentence full stop never belongs to the
			// expression (abbreviation dots inside it do).
			for m.end > m.start && (text[m.end-1] == ' ' || text[m.end-1] == '\n' || text[m.end-1] == ',') {
				m.end--
			}
			if m.end <= m.start || !boundaries(text, m.start, m.end) || !capitalised(m) || quotedTitle(text, m.start, m.end) {
				continue
			}
			if ru.check != nil && !ru.check(m) {
				continue
			}
			cands = append(cands, candidate{m: m, prio: i})
		}
	}
	return cands
}

// resolve picks non-overlapping candidates and normalises them in text order.
func (tg *Tagger) resolve(text string, dct time.Time, cands []candidate) []article.Timex {
	// Longest match wins; among equals the earlier rule.
	sort.SliceStable(cands, func(i, j int) bool {
		li, lj := cands[i].m.end-cands[i].m.start, cands[j].m.end-cands[j].m.start
		if li != lj {
			return li > lj
		}
		if cands[i].prio != cands[j].prio {
			return cands[i].prio < cands[j].prio
		}
		return cands[i].m.start < cands[j].m.start
	})
	var chosen []*match
	taken := make([]bool, len(text))
	for _, c := range cands {
		free := true
		for i := c.m.start; i < c.m.end; i++ {
			if taken[i] {
				free = false
				break
			}
		}
		if free {
			for i := c.m.start; i < c.m.end; i++ {
				taken[i] = true
			}
			chosen = append(chosen, c.m)
		}
	}
	sort.Slice(chosen, func(i, j int) bool { return chosen[i].start < chosen[j].start })

	r := newResolver(text, dct)
	out := make([]article.Timex, 0, len(chosen))
	for _, m := range chosen {
		res, ok := m.rule.norm(r, m)
		if !ok || res.value == "" || !ValidValue(res.value) {
			continue
		}
		tx := article.Timex{
			Span:  article.Span{Start: m.start, End: m.end},
			Text:  text[m.start:m.end],
			Type:  res.typ,
			Value: res.value,
			Mod:   res.mod,
		}
		switch {
		case res.anaphoric && r.refIdx >= 0:
			tx.Anchor = fmt.Sprintf("timex:%d", r.refIdx)
		case isRelativeRule(m.rule.name, res) && r.hasDCT:
			tx.Anchor = "dct"
		}
		out = append(out, tx)
		if res.pt != nil && res.typ != "DURATION" && res.typ != "SET" && !res.keepRef {
			r.ref, r.hasRef, r.refIdx = *res.pt, true, len(out)-1
			if !r.hasPeriod && (res.pt.g == granQuarter || res.pt.g == granHalf) && !(r.hasDCT && res.pt.t.After(r.dct.t)) {
				r.period, r.hasPeriod = *res.pt, true
			}
		}
	}
	return out
}

// isRelativeRule reports whether a result was computed from the DCT.
func isRelativeRule(name string, res result) bool {
	if res.typ == "DURATION" || res.typ == "SET" {
		return false
	}
	return !strings.HasPrefix(name, "abs-")
}

func isWordByte(b byte) bool {
	return b == '_' || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b >= 0x80
}

// boundaries rejects hits that start or end inside a word.
func boundaries(text string, s, e int) bool {
	if s > 0 && isWordByte(text[s]) && isWordByte(text[s-1]) {
		return false
	}
	if e < len(text) && isWordByte(text[e-1]) && isWordByte(text[e]) {
		return false
	}
	// "the quarter-to-quarter comparison", "day-to-day running": a unit
	// inside a compound adjective measures nothing.
	if strings.HasPrefix(text[e:], "-to-") {
		return false
	}
	return true
}

// capitalised enforces that month and weekday names are written as names:
// lower-case "may", "march", "sun" are ordinary words.
func capitalised(m *match) bool {
	for _, name := range []string{"month", "month2", "wd", "wd2", "hol"} {
		v := m.groups[name]
		if v == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(v)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// quotedTitle reports whether text[s:e] is the quoted name of a programme,
// film or column rather than a time: it opens right after a quotation mark
// and every word of it is capitalised, which a time unit in running prose
// never is (CBS's "60 Minutes", ABC's "This Week"). A quoted sentence that
// merely starts with a time ("Last week we agreed") keeps its lower-case
// unit and stays a time.
func quotedTitle(text string, s, e int) bool {
	if s == 0 {
		return false
	}
	switch text[s-1] {
	case '"', '\'', '`':
	default:
		if !strings.HasSuffix(text[:s], "“") && !strings.HasSuffix(text[:s], "‘") {
			return false
		}
	}
	words := strings.Fields(text[s:e])
	if len(words) < 2 {
		return false
	}
	for _, w := range words[1:] {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// resolver carries what normalisation needs across a document: the DCT and
// the last calendar point mentioned (for anaphoric expressions such as "the
// next day" or "a year earlier").
type resolver struct {
	text   string
	dct    point
	hasDCT bool
	ref    point
	hasRef bool
	refIdx int
	// period is the first quarter or half the text reports on (its lede,
	// "posted a gain in third-quarter net"): year-ago comparisons count
	// from it, not from a quarter mentioned in passing ("after a flat
	// second quarter").
	period    point
	hasPeriod bool
}

func newResolver(text string, dct time.Time) *resolver {
	r := &resolver{text: text, refIdx: -1}
	if !dct.IsZero() {
		d := dct.UTC()
		r.dct = point{t: date(d.Year(), d.Month(), d.Day()), g: granDay}
		r.hasDCT = true
	}
	return r
}

// anchor returns the point anaphoric expressions count from: the last
// mentioned point when it is at least as fine as g, otherwise the DCT.
func (r *resolver) anchor(g gran) (point, bool, bool) {
	if r.hasRef && r.ref.g >= g && r.ref.g != granSeason {
		return r.ref, true, true
	}
	if r.hasRef && g <= granYear && r.ref.g >= granYear {
		return r.ref, true, true
	}
	if r.hasDCT {
		return r.dct, false, true
	}
	return point{}, false, false
}

// Tense cues: the nearest one decides whether an underspecified weekday or
// month lies before or after the DCT.
var futureCues = map[string]bool{
	"will": true, "'ll": true, "shall": true, "going": true, "planned": true,
	"expects": true, "expected": true, "scheduled": true, "due": true, "upcoming": true, "next": true,
	"until": true, "would": true, "wo": true, "begins": true, "starts": true, "opens": true, "tomorrow": true,
	"intends": true, "intended": true, "intending": true, "plan": true, "plans": true, "planning": true, "preparing": true, "aims": true, "coming": true, "may": true, "begin": true, "resume": true,
	// present-tense schedule verbs ("the offer expires Friday")
	"expires": true, "expire": true, "ends": true, "closes": true, "meets": true, "arrives": true,
	"leaves": true, "visits": true, "resumes": true, "takes": true,
	"soon": true, // "as soon as Tuesday"
	// "could" is as often the past of "can" ("could not be reached Wednesday")
	// as a possibility: it says nothing, and the nearer occurrence wins.
	"should": true, "must": true, "might": true,
}

var pastCues = map[string]bool{
	"said": true, "was": true, "were": true, "had": true, "did": true, "told": true, "ago": true, "last": true,
	"earlier": true, "since": true, "came": true, "went": true, "made": true, "took": true, "gave": true,
	"met": true, "won": true, "lost": true, "began": true, "left": true, "fell": true, "rose": true, "sold": true,
	"brought": true, "bought": true, "thought": true, "sought": true, "fought": true, "caught": true, "felt": true,
	"kept": true, "meant": true, "sent": true, "spent": true, "built": true, "became": true, "broke": true,
	"chose": true, "drew": true, "drove": true, "flew": true, "grew": true, "knew": true, "threw": true, "wrote": true,
	"stood": true, "shot": true, "heard": true, "laid": true, "ran": true, "swept": true, "tore": true, "withdrew": true,
	"ended": true, "opened": true, "closed": true, "reported": true, "announced": true,
	"paid": true, "held": true, "got": true, "found": true, "hit": true, "saw": true, "led": true, "struck": true,
	"says": true, "has": true, "have": true, "been": true, "previous": true, "yesterday": true, "spoke": true,
}

// tense looks at the words around [s, e) in the same sentence: negative for
// past, positive for future, 0 for no cue; magnitude 2 when the cue is next
// to the expression (within two words), 1 when further away.
func (r *resolver) tense(s, e int) int {
	lo := s - 160
	if lo < 0 {
		lo = 0
	}
	hi := e + 300
	if hi > len(r.text) {
		hi = len(r.text)
	}
	left := r.text[lo:s]
	whole := lo == 0 // left starts where the sentence does
	if i := strings.LastIndexAny(left, "\n!?;"); i >= 0 {
		left, whole = left[i+1:], true
	}
	if i := strings.LastIndex(left, ". "); i >= 0 && i > 3 && left[i-3] != ' ' {
		left, whole = left[i+2:], true
	}
	right := r.text[e:hi]
	if i := strings.IndexAny(right, "\n!?;"); i >= 0 {
		right = right[:i]
	}
	// The first full stop that ends a word of three letters or more ends
	// the sentence; "vs." and "Mr." are abbreviations, as on the left.
	for from := 0; ; {
		i := strings.Index(right[from:], ". ")
		if i < 0 {
			break
		}
		i += from
		if i < 3 || right[i-3] != ' ' {
			right = right[:i]
			break
		}
		from = i + 2
	}
	lw := strings.Fields(left)
	rw := strings.Fields(right)
	// "until" looks forward from its verb ("postponed until Tuesday"), but
	// a sentence that opens with it ("Until Thursday, they had not called
	// him a suspect") puts its verb after the adverbial: that verb decides.
	if whole && len(lw) > 0 {
		switch strings.ToLower(strings.Trim(lw[0], "\"'`“‘")) {
		case "until", "till":
			lw = lw[1:]
		}
	}
	cue := func(w string) int {
		w = strings.Trim(w, ".,\"'()“”’")
		// A capitalised word is a name or starts a sentence, never the
		// verb in "-ed" ("the United States", "Red Cross").
		capital := w != "" && w[0] >= 'A' && w[0] <= 'Z'
		w = strings.ToLower(w)
		if strings.HasSuffix(w, "'ll") || strings.HasSuffix(w, "’ll") {
			return 1
		}
		if futureCues[w] {
			return 1
		}
		if pastCues[w] {
			return -1
		}
		if len(w) > 4 && strings.HasSuffix(w, "ed") && !capital {
			return -1
		}
		return 0
	}
	// A coordinator followed by a verb after the expression starts another
	// clause ("on Saturday and were planning to ..."): that verb governs
	// something else. "police and FBI agents said" coordinates nouns and
	// keeps its verb.
	for i := 0; i+1 < len(rw); i++ {
		if (rw[i] == "and" || rw[i] == "but") && cue(rw[i+1]) != 0 {
			rw = rw[:i]
			break
		}
	}
	// A participle after "be" ("will be held") takes its tense from what
	// governs the "be": skip both.
	passive := func(ws []string, i int) bool {
		if i <= 0 {
			return false
		}
		switch strings.ToLower(ws[i-1]) {
		case "be", "been", "being":
			return true
		}
		return false
	}
	// leftCue is the cue of the word lw[i]. An infinitive ("set to resume",
	// "had been due to expire") looks forward from its governing verb: past
	// when that verb is past, future otherwise.
	leftCue := func(i int) int {
		c := cue(lw[i])
		if c == 0 || passive(lw, i) {
			return 0
		}
		if i == 0 || strings.ToLower(lw[i-1]) != "to" {
			return c
		}
		for j := i - 2; j >= 0 && j >= i-5; j-- {
			if g := cue(lw[j]); g != 0 && !passive(lw, j) {
				if g < 0 {
					return -1
				}
				break
			}
		}
		return 1
	}
	strength := func(c, d int) int {
		if d <= 2 {
			return 2 * c
		}
		return c
	}
	// The governing verb of a time adverbial mostly comes before it in
	// English ("said Monday", "will meet on Tuesday"): look left first.
	for d := 1; d <= 2; d++ {
		if d <= len(lw) {
			if c := leftCue(len(lw) - d); c != 0 {
				return strength(c, d)
			}
		}
		if d <= len(rw) {
			if c := cue(rw[d-1]); c != 0 {
				return strength(c, d)
			}
		}
	}
	for d := 3; d <= 10 && d <= len(lw); d++ {
		if c := leftCue(len(lw) - d); c != 0 {
			return c
		}
	}
	// A fronted adverbial ("In January, a week after the anniversary, a
	// bombing killed ...") is governed by the main verb after the subject,
	// which may lie far to the right; it is the governor, so it counts as
	// a near cue.
	far, fronted := 8, len(lw) == 0 || len(lw) == 1 && cue(lw[0]) == 0
	if fronted {
		far = 40
	}
	for d := 3; d <= far && d <= len(rw); d++ {
		if c := cue(rw[d-1]); c != 0 {
			if fronted {
				return 2 * c
			}
			return c
		}
	}
	return 0
}

// xValue is the underspecified value of a granularity, used when no DCT is
// known and the expression cannot be placed.
func xValue(g gran, sub string) string {
	switch g {
	case granCentury:
		return "XX"
	case granDecade, granYear:
		return "XXXX"
	case granHalf:
		return "XXXX-HX"
	case granQuarter:
		return "XXXX-QX"
	case granSeason:
		return "XXXX-" + sub
	case granMonth:
		return "XXXX-XX"
	case granWeek:
		return "XXXX-WXX"
	case granWeekend:
		return "XXXX-WXX-WE"
	case granPartOfDay:
		return "XXXX-XX-XXT" + sub
	default:
		return "XXXX-XX-XX"
	}
}

// triggers are the words at least one of which every rule's match contains
// (besides digits): the tagger only runs its rules in windows around them,
// which keeps it fast on the bulk of news text that has no time expression.
var triggers = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"year": true, "month": true, "week": true, "day": true, "hour": true, "minute": true, "second": true,
	"decade": true, "century": true, "centuries": true, "quarter": true, "half": true, "period": true, "night": true,
	"weekend": true, "fortnight": true, "morning": true, "afternoon": true, "evening": true, "noon": true,
	"midnight": true, "midday": true, "mid-day": true, "mid-afternoon": true, "midafternoon": true, "mid-morning": true,
	"midmorning": true, "tonight": true, "overnight": true, "session": true,
	"today": true, "yesterday": true, "tomorrow": true, "now": true, "nowadays": true, "currently": true,
	"presently": true, "recently": true, "lately": true, "past": true, "future": true, "present": true,
	"term": true, "time": true, "days": true, "spring": true, "summer": true, "autumn": true, "fall": true, "winter": true,
	"christmas": true, "thanksgiving": true, "easter": true, "halloween": true, "valentine": true,
	"daily": true, "weekly": true, "monthly": true, "yearly": true, "annually": true, "hourly": true, "nightly": true,
	"biweekly": true, "semiannually": true, "semi-annually": true, "fortnightly": true,
	"nineteen": true, "thousand": true, "twenties": true, "thirties": true, "forties": true, "fifties": true,
	"sixties": true, "seventies": true, "eighties": true, "nineties": true,
	"year-end": true, "year-earlier": true, "year-ago": true, "year-before": true,
}

// Context a window keeps around a trigger: modifiers come before the
// trigger ("at least the past"), anchors after it ("ago", "of 1990").
const (
	windowBefore = 80
	windowAfter  = 100
)

func isTrigger(w string) bool {
	lw := strings.ToLower(w)
	if triggers[lw] {
		return true
	}
	for i := 0; i < len(lw); i++ {
		if lw[i] >= '0' && lw[i] <= '9' {
			return true
		}
	}
	lw = strings.TrimSuffix(strings.TrimSuffix(lw, "'s"), "s")
	if triggers[lw] {
		return true
	}
	// hyphenated compounds: "three-week-old", "third-quarter", "mid-1990s"
	if strings.IndexByte(lw, '-') >= 0 {
		for _, part := range strings.Split(lw, "-") {
			if triggers[part] || triggers[strings.TrimSuffix(part, "s")] {
				return true
			}
		}
	}
	return false
}

// windows returns the merged byte ranges around trigger words, snapped to
// white space so no word is cut.
func windows(text string) [][2]int {
	var out [][2]int
	i := 0
	for i < len(text) {
		for i < len(text) && !isWordByte(text[i]) {
			i++
		}
		j := i
		for j < len(text) && (isWordByte(text[j]) || text[j] == '-' || text[j] == '\'') {
			j++
		}
		if j > i && isTrigger(strings.Trim(text[i:j], "-'")) {
			lo, hi := i-windowBefore, j+windowAfter
			if lo <= 0 {
				lo = 0
			} else {
				for lo > 0 && text[lo-1] != ' ' && text[lo-1] != '\n' && text[lo-1] != '\t' {
					lo--
				}
			}
			if hi >= len(text) {
				hi = len(text)
			} else {
				for hi < len(text) && text[hi] != ' ' && text[hi] != '\n' && text[hi] != '\t' {
					hi++
				}
			}
			if n := len(out); n > 0 && lo <= out[n-1][1] {
				out[n-1][1] = max(out[n-1][1], hi)
			} else {
				out = append(out, [2]int{lo, hi})
			}
		}
		if j == i {
			j++
		}
		i = j
	}
	return out
}

func containsAny(s string, subs []string) bool {
	if len(subs) == 0 {
		return true
	}
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

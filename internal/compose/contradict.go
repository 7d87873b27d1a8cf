package compose

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/dossier-news/dossier/internal/article"
)

// verbClass groups the verbs that state when a thing happened, so "the talks
// opened on Wednesday" and "the talks, which began on March 12" fill one
// slot.
var verbClass = map[string]string{
	"open": "begin", "opened": "begin", "opens": "begin", "begin": "begin", "began": "begin", "begins": "begin",
	"begun": "begin", "start": "begin", "started": "begin", "starts": "begin",
	"end": "end", "ended": "end", "ends": "end", "close": "end", "closed": "end", "concluded": "end",
	"collapsed": "end", "collapse": "end",
	"sign": "sign", "signed": "sign", "signs": "sign",
	"reject": "reject", "rejected": "reject", "rejects": "reject",
	"arrive": "arrive", "arrived": "arrive", "arrives": "arrive",
	"kill": "kill", "killed": "kill", "kills": "kill",
	"struck": "strike", "strike": "strike", "hit": "strike", "hits": "strike",
	"announce": "announce", "announced": "announce", "announces": "announce",
	"elect": "elect", "elected": "elect", "resign": "resign", "resigned": "resign",
}

// slotNoun normalises the thing a dated verb is about: negotiations are
// talks, a truce is a ceasefire.
var slotNoun = map[string]string{
	"talks": "talks", "negotiations": "talks", "meeting": "talks", "summit": "talks", "round": "talks",
	"truce": "ceasefire", "ceasefire": "ceasefire", "armistice": "ceasefire",
	"agreement": "agreement", "deal": "agreement", "accord": "agreement",
	"earthquake": "earthquake", "quake": "earthquake", "attack": "attack", "election": "election",
	"vote": "vote", "referendum": "vote", "offensive": "offensive", "storm": "storm", "hurricane": "storm",
}

// dateSlot returns the slot ("talks begin") a dated clause fills, "" when it
// names no known thing or verb.
func dateSlot(clause []string) string {
	vi := -1
	for i, w := range clause {
		if verbClass[w] != "" {
			vi = i
			break
		}
	}
	if vi < 0 {
		return ""
	}
	// The thing is the subject nearest before the verb ("a truce at the
	// talks, which opened"), else the nearest after it.
	for i := vi - 1; i >= 0; i-- {
		if n := slotNoun[clause[i]]; n != "" {
			return n + " " + verbClass[clause[vi]]
		}
	}
	for _, w := range clause[vi+1:] {
		if n := slotNoun[w]; n != "" {
			return n + " " + verbClass[clause[vi]]
		}
	}
	return ""
}

type claimAt struct {
	d     *doc
	s     *sent
	value string
}

// contradictions finds slots that different articles fill with different
// values: the date of an event, a number ("30-day truce" against "21-day
// truce", a death toll for the same date), a person's title. Copies of one
// report are one voice: only independent reports (different duplicate
// groups) can contradict each other.
func contradictions(docs []*doc) []Contradiction {
	var out []Contradiction
	emit := func(kind, slot string, claims []claimAt, explain func(vals []string) string) {
		groupsOf := map[string]map[int64]bool{}
		var vals []string
		for _, c := range claims {
			if groupsOf[c.value] == nil {
				groupsOf[c.value] = map[int64]bool{}
				vals = append(vals, c.value)
			}
			groupsOf[c.value][c.d.group()] = true
		}
		if len(vals) < 2 {
			return
		}
		// At least two values from different independent reports.
		distinct := map[int64]bool{}
		for _, v := range vals {
			for g := range groupsOf[v] {
				distinct[g] = true
			}
		}
		if len(distinct) < 2 {
			return
		}
		slices.Sort(vals)
		ct := Contradiction{Kind: kind, Slot: slot, Explain: explain(vals)}
		for _, c := range claims {
			ct.Claims = append(ct.Claims, Claim{Value: c.value, Source: c.d.outlet, Citation: c.d.cite(c.s)})
		}
		out = append(out, ct)
	}

	// Dates of the same event.
	dated := map[string][]claimAt{}
	var dateSlots []string
	for _, d := range docs {
		for i := range d.sents {
			s := &d.sents[i]
			if s.opinion || !s.body() {
				continue
			}
			for _, ds := range s.dates {
				if ds.p.precision != PrecisionDay || ds.time {
					continue // a time of day near midnight may sit on either day
				}
				slot := dateSlot(clauseWords(d.a.Text, s.span, ds.span))
				if slot == "" {
					continue
				}
				if _, ok := dated[slot]; !ok {
					dateSlots = append(dateSlots, slot)
				}
				dated[slot] = append(dated[slot], claimAt{d: d, s: s, value: ds.p.value})
			}
		}
	}
	for _, slot := range dateSlots {
		claims := nearDates(dated[slot])
		emit(ConflictDate, slot, claims, func(vals []string) string {
			return fmt.Sprintf("sources date %q differently: %s", slot, strings.Join(vals, " vs "))
		})
	}

	// Numbers: "N-unit noun" and tolls.
	nums := map[string][]claimAt{}
	var numSlots []string
	for _, d := range docs {
		for i := range d.sents {
			s := &d.sents[i]
			if s.opinion || !s.body() {
				continue
			}
			for _, m := range numberSlots(s, d) {
				if _, ok := nums[m.slot]; !ok {
					numSlots = append(numSlots, m.slot)
				}
				nums[m.slot] = append(nums[m.slot], claimAt{d: d, s: s, value: m.value})
			}
		}
	}
	for _, slot := range numSlots {
		emit(ConflictNumber, slot, nums[slot], func(vals []string) string {
			return fmt.Sprintf("sources give different figures for %q: %s", slot, strings.Join(vals, " vs "))
		})
	}

	// Margins: one count's margin reported within a couple of days.
	margins := map[string][]claimAt{}
	var marginSlots []string
	for _, d := range docs {
		for i := range d.sents {
			s := &d.sents[i]
			if s.opinion || !s.body() {
				continue
			}
			for _, m := range marginPhrase.FindAllStringSubmatch(s.text, -1) {
				if m[2] != "" {
					continue // "about 11,400 votes" agrees with 11,402
				}
				slot := "margin in " + strings.ToLower(m[4])
				if _, ok := margins[slot]; !ok {
					marginSlots = append(marginSlots, slot)
				}
				margins[slot] = append(margins[slot], claimAt{d: d, s: s, value: strings.ReplaceAll(m[3], ",", "")})
			}
		}
	}
	for _, slot := range marginSlots {
		for _, run := range sameOccasion(margins[slot], true) {
			emit(ConflictNumber, slot, run, func(vals []string) string {
				return fmt.Sprintf("sources give different figures for the %s: %s", slot, strings.Join(vals, " vs "))
			})
		}
	}

	// People to be freed in one exchange or release, as of each report: a
	// sentence's date there is often the day of the handover, not of the
	// deal.
	freed := map[string][]claimAt{}
	var freedSlots []string
	for _, d := range docs {
		for i := range d.sents {
			s := &d.sents[i]
			if s.opinion || !s.body() {
				continue
			}
			for _, m := range releasePhrase.FindAllStringSubmatch(s.text, -1) {
				v := normNumber(m[2])
				if m[1] != "" || v == "" {
					continue // "about 100 prisoners" agrees with 120
				}
				slot := releasedNoun[strings.ToLower(m[3])] + " freed"
				if _, ok := freed[slot]; !ok {
					freedSlots = append(freedSlots, slot)
				}
				freed[slot] = append(freed[slot], claimAt{d: d, s: s, value: v})
			}
		}
	}
	for _, slot := range freedSlots {
		for _, run := range sameOccasion(freed[slot], false) {
			emit(ConflictNumber, slot, run, func(vals []string) string {
				return fmt.Sprintf("sources give different numbers of %s: %s", slot, strings.Join(vals, " vs "))
			})
		}
	}

	// Titles of one person.
	roles := map[string][]claimAt{}
	var people []string
	for _, d := range docs {
		for _, e := range d.an.Entities {
			if e.Type != "PER" || e.Key == "" {
				continue
			}
			for _, mi := range e.Mentions {
				if mi < 0 || mi >= len(d.an.Mentions) {
					continue
				}
				r := d.an.Mentions[mi].Role
				if r == nil || r.Title == "" || (r.Status != "" && r.Status != "current") {
					continue
				}
				si := d.sentenceOf(r.Span.Start)
				if si < 0 {
					continue
				}
				slot := e.Name + "'s title"
				if _, ok := roles[slot]; !ok {
					people = append(people, slot)
				}
				roles[slot] = append(roles[slot], claimAt{d: d, s: &d.sents[si], value: r.Title})
			}
		}
	}
	for _, slot := range people {
		claims := roles[slot]
		if compatibleTitles(claims) {
			continue
		}
		emit(ConflictRole, slot, claims, func(vals []string) string {
			return fmt.Sprintf("sources give different titles: %s", strings.Join(vals, " vs "))
		})
	}

	// Who did what: the same act given to different actors.
	out = append(out, actorContradictions(docs)...)
	return out
}

// group is the article's duplicate group: copies share one.
func (d *doc) group() int64 {
	if d.member.DupGroup != 0 {
		return d.member.DupGroup
	}
	return d.id
}

// nearDates keeps the claims whose dates lie within two weeks of the most
// common one: a round of talks two years earlier is another event, not a
// disagreement.
func nearDates(cs []claimAt) []claimAt {
	count := map[string]int{}
	mode := ""
	for _, c := range cs {
		count[c.value]++
		if count[c.value] > count[mode] || (count[c.value] == count[mode] && c.value < mode) {
			mode = c.value
		}
	}
	pm, _ := parsePeriod(mode, "")
	var out []claimAt
	for _, c := range cs {
		p, _ := parsePeriod(c.value, "")
		if diff := p.start.Sub(pm.start).Hours() / 24; diff >= -14 && diff <= 14 {
			out = append(out, c)
		}
	}
	return out
}

// compatibleTitles: one title naming the other ("foreign minister" and
// "minister") is no disagreement, and neither is a generic "head" or "chief"
// beside a leading title ("commission head" and "chairman" are one job).
func compatibleTitles(cs []claimAt) bool {
	for _, a := range cs {
		for _, b := range cs {
			if genericTitles[a.value] || genericTitles[b.value] {
				continue
			}
			if !strings.Contains(a.value, b.value) && !strings.Contains(b.value, a.value) {
				return false
			}
		}
	}
	return true
}

// genericTitles say only that a person leads something.
var genericTitles = map[string]bool{"head": true, "chief": true}

var (
	// "30-day truce", "a 21-day ceasefire", "two-week pause"
	durationNoun = regexp.MustCompile(`(?i)\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|sixty|ninety)[- ](day|week|month|year|hour)(?:s)?[- ](?:long\s+)?([a-z]+)`)
	// "killed at least 14 civilians", "killing 38 people"
	tollPhrase = regexp.MustCompile(`(?i)\b(killed|killing|kills|left|leaving)\s+(?:at least |more than |nearly |almost |about |some |around |over )?(\d[\d,]*|[a-z]+)\s+(people|civilians|soldiers|residents|children|protesters|troops|fighters|militants|police|policemen|officers|persons|migrants|passengers|workers|dead)\b`)
)

// marginPhrase is a stated margin: "a margin of 11,402 votes", "his lead
// to 3,214 votes", "a majority of 12 seats". A hedge (group 2) makes the
// figure a round one.
var marginPhrase = regexp.MustCompile(`(?i)\b(margin|lead|majority)(?: of victory)? (?:of|at|to|by|was|is|stood at) (?:(about|some|nearly|almost|around|roughly|approximately|more than|fewer than|less than|over|under|just over|just under) )?(\d{1,3}(?:,\d{3})+|\d+) (votes|seats|points|percentage points|ballots)\b`)

// releasePhrase is a count of people to be freed: "free 120 prisoners",
// "in exchange for 150 prisoners", "release 14 foreign detainees". A hedge
// (group 1) makes the count a round one; "the first group of 60 prisoners"
// is a phase and does not match.
var releasePhrase = regexp.MustCompile(`(?i)\b(?:free|frees|freed|freeing|release|releases|released|releasing|exchange for|return for|swap for)\s+(?:(about|some|nearly|almost|around|roughly|more than|fewer than|less than|over|under|up to|at least)\s+)?(\d{1,3}(?:,\d{3})+|\d+|[a-z]+)\s+(?:[a-z]+\s+)?(prisoners|hostages|detainees|captives|inmates)\b`)

// releasedNoun puts the words for people held on one side of a swap
// together.
var releasedNoun = map[string]string{
	"prisoners": "prisoners", "inmates": "prisoners",
	"hostages": "hostages", "detainees": "hostages", "captives": "hostages",
}

// sameOccasion splits claims about a figure that changes over a story (a
// margin before and after a recount) into runs reported within two days of
// the run's first claim: with sentenceDates the sentence's stated day when
// it has one, else the article's date.
func sameOccasion(cs []claimAt, sentenceDates bool) [][]claimAt {
	type dated struct {
		c   claimAt
		day string
	}
	var ds []dated
	for _, c := range cs {
		day := dayOf(c.d.date)
		for _, x := range c.s.dates {
			if sentenceDates && x.p.precision == PrecisionDay {
				day = x.p.value
				break
			}
		}
		if day != "" {
			ds = append(ds, dated{c, day})
		}
	}
	slices.SortStableFunc(ds, func(a, b dated) int { return strings.Compare(a.day, b.day) })
	var out [][]claimAt
	var run []claimAt
	first := ""
	for _, x := range ds {
		if first != "" && daysBetween(first, x.day) > 2 {
			out = append(out, run)
			run, first = nil, ""
		}
		if first == "" {
			first = x.day
		}
		run = append(run, x.c)
	}
	if len(run) > 0 {
		out = append(out, run)
	}
	return out
}

// daysBetween is the number of days from day a to day b (YYYY-MM-DD).
func daysBetween(a, b string) float64 {
	pa, _ := parsePeriod(a, "")
	pb, _ := parsePeriod(b, "")
	return pb.start.Sub(pa.start).Hours() / 24
}

var numberWords = map[string]string{
	"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
	"nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
	"sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30",
	"forty": "40", "fifty": "50", "sixty": "60", "ninety": "90", "hundred": "100", "dozens": "", "hundreds": "",
	"thousands": "",
}

type numberSlot struct{ slot, value string }

// numberSlots finds the figures of a sentence with the slot each fills. A
// toll's slot includes the date it is about (the sentence's day, else the
// article's date), because tolls rise as a story goes on.
func numberSlots(s *sent, d *doc) []numberSlot {
	var out []numberSlot
	for _, m := range durationNoun.FindAllStringSubmatch(s.text, -1) {
		v := normNumber(m[1])
		noun := strings.ToLower(m[3])
		if v == "" || !slotNounOrIssue(noun) {
			continue
		}
		unit := strings.ToLower(m[2])
		if n := issueNounOf[noun]; n != "" {
			noun = n // a 30-day truce and a 21-day ceasefire are one slot
		}
		out = append(out, numberSlot{slot: noun + " length in " + unit + "s", value: v + "-" + unit})
	}
	for _, m := range tollPhrase.FindAllStringSubmatch(s.text, -1) {
		v := normNumber(m[2])
		if v == "" {
			continue
		}
		when := dayOf(d.date)
		for _, ds := range s.dates {
			when = ds.p.value
			break
		}
		if when == "" {
			continue
		}
		out = append(out, numberSlot{slot: "killed as of " + when, value: v})
	}
	return out
}

func slotNounOrIssue(noun string) bool {
	_, ok := slotNoun[noun]
	return ok || issueNounOfStem[stem(noun)] != ""
}

func normNumber(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, ",", ""))
	if digits(s) {
		return s
	}
	return numberWords[s]
}

// clauseWords are the lower-case words of the clause around a time
// expression (see clauseStems), unstemmed so verb forms stay visible.
func clauseWords(txt string, s, x article.Span) []string {
	lo, hi := s.Start, s.End
	if lo < 0 || hi > len(txt) || x.Start < lo || x.End > hi {
		return nil
	}
	from, to := clauseBounds(txt, lo, hi, x)
	ws := words(txt[from:x.Start] + " " + txt[x.End:to])
	if from > lo {
		ws = append(words(lastWords(txt[lo:from], 4)), ws...)
	}
	return ws
}

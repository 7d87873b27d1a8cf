package compose

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
)

// anachronisms checks every titled person against the office table as of
// the article's date: a current title for someone out of office (or not yet
// in it), "former" for someone who had never left, "then-" for someone who
// had not yet held the office; and administrations named after a president
// who was not yet in office, or spoken of in the present tense after it ended.
func anachronisms(docs []*doc, offices *Offices) []Contradiction {
	var out []Contradiction
	for _, d := range docs {
		if d.date.IsZero() {
			continue
		}
		seen := map[string]bool{}
		for _, e := range d.an.Entities {
			if e.Type != "PER" {
				continue
			}
			for _, mi := range e.Mentions {
				if mi < 0 || mi >= len(d.an.Mentions) {
					continue
				}
				m := d.an.Mentions[mi]
				r := m.Role
				if r == nil {
					continue
				}
				country := r.Country
				if country == "" {
					country = r.Org
				}
				title := baseTitle(r.Title)
				held, known := offices.Terms(title, country, e.Name)
				if !known || len(held) == 0 {
					continue // no table for the office, or a person it does not list
				}
				si := d.sentenceOf(r.Span.Start)
				if si < 0 {
					si = d.sentenceOf(m.Span.Start)
				}
				if si < 0 || !d.aboutNow(si, m.Span.End) {
					continue
				}
				if problem := titleProblem(held, r.Status, d.date, offices); problem != "" {
					k := held[0].Holder + "|" + title + "|" + problem
					if seen[k] {
						continue
					}
					seen[k] = true
					status := r.Status
					if status == "" {
						status = "current"
					}
					out = append(out, Contradiction{
						Kind:    ConflictAnachronism,
						Slot:    e.Name + ", " + title,
						Claims:  []Claim{{Value: status + " " + title, Source: d.outlet, Citation: d.cite(&d.sents[si])}},
						Explain: fmt.Sprintf("%s on %s: %s", e.Name, dayOf(d.date), problem),
					})
				}
			}
		}
		out = append(out, titledInText(d, offices, seen)...)
		out = append(out, administrations(d, offices, seen)...)
	}
	return out
}

// baseTitle drops an "of Country" tail ("president of France").
func baseTitle(t string) string {
	if i := strings.Index(t, " of "); i > 0 && !strings.HasPrefix(t, "secretary of") {
		return t[:i]
	}
	return t
}

// transition is how long a title may lag behind a change of office: the
// day's news still says "President Mubarak" the day after he resigned, and
// an article dated the eve of a resignation may call him former.
const transition = 14 * 24 * time.Hour

// titleProblem says what is wrong with a title of the given status on a
// day, given the person's terms in that office; "" when it fits. A current
// title is judged only where the table knows who held the office that day
// (someone else), so a gap in the table never reads as an error.
func titleProblem(held []Term, status string, day time.Time, o *Offices) string {
	var inOffice, leftBefore, startsLater, leavesSoon bool
	var lastEnd, firstStart time.Time
	for _, t := range held {
		switch {
		case t.Holds(day):
			inOffice = true
			if !t.To.IsZero() && t.To.Sub(day) <= transition {
				leavesSoon = true
			}
		case !t.To.IsZero() && !t.To.After(day):
			leftBefore = true
			if t.To.After(lastEnd) {
				lastEnd = t.To
			}
		}
		if t.From.After(day) {
			startsLater = true
			if firstStart.IsZero() || t.From.Before(firstStart) {
				firstStart = t.From
			}
		}
	}
	switch status {
	case "", "current", "acting":
		if inOffice {
			return ""
		}
		if other, ok := o.HolderOn(held[0].Office, held[0].Country, day); !ok || sameHolder(other, held[0].Holder) {
			return ""
		}
		if leftBefore && day.Sub(lastEnd) > transition {
			return "called current but left office on " + dayOf(lastEnd)
		}
		if !leftBefore && startsLater {
			return "called current but took office only on " + dayOf(firstStart)
		}
	case "former":
		if !leftBefore && !leavesSoon {
			if inOffice {
				return "called former while in office (and never out of it before)"
			}
			return "called former before taking office on " + dayOf(firstStart)
		}
	case "then":
		if !inOffice && !leftBefore {
			return "called then-holder before taking office on " + dayOf(firstStart)
		}
	}
	return ""
}

// recentTense: a verb that, right after a titled name, puts the sentence
// in the present or near future ("President X says").
var recentTense = map[string]bool{
	"says": true, "is": true, "has": true, "will": true, "wants": true, "plans": true, "urges": true,
	"tells": true, "visits": true, "meets": true, "insists": true, "warns": true, "arrives": true,
}

// aboutNow reports whether a titled name at offset after (the end of the
// name) speaks of the article's own time: its sentence names a day within
// two weeks of the article's date, or names no earlier time and the name is
// followed by a present-tense verb. "President Bush decided in 2002" in a
// 2011 article is history told with the title of its time, not an error.
func (d *doc) aboutNow(si, after int) bool {
	s := &d.sents[si]
	past := false
	for _, ds := range s.dates {
		if ds.p.end.After(d.date.Add(-transition)) && ds.p.start.Before(d.date.Add(transition)) {
			return true
		}
		if ds.p.end.Before(d.date) {
			past = true
		}
	}
	if past || after < s.span.Start || after > s.span.End {
		return false
	}
	rest := strings.TrimLeft(d.a.Text[after:s.span.End], " ")
	if rest == "" || !unicode.IsLetter(rune(rest[0])) {
		return false // "an adviser to President Clinton, is author of …": the verb is someone else's
	}
	next := words(rest)
	return len(next) > 0 && recentTense[next[0]]
}

var (
	administration = regexp.MustCompile(`\b([A-Z][a-z]+)\s+administration\b`)
	presentTense   = regexp.MustCompile(`^\s*(?:is|are|says|has|plans|wants|will|intends|insists|remains|continues)\b`)
)

// administrations flags "the Biden administration" in an article from
// before Biden took office, and "the Obama administration says" after it
// ended. "The Obama administration had ..." in a later article is fine.
func administrations(d *doc, offices *Offices, seen map[string]bool) []Contradiction {
	var out []Contradiction
	for _, m := range administration.FindAllStringSubmatchIndex(d.a.Text, -1) {
		name := d.a.Text[m[2]:m[3]]
		held, _ := offices.Terms("president", "USA", name)
		if len(held) == 0 {
			continue
		}
		problem := ""
		in, ended, later := false, false, true
		var lastEnd time.Time
		for _, t := range held {
			if t.Holds(d.date) {
				in = true
			}
			if !t.From.After(d.date) {
				later = false
			}
			if !t.To.IsZero() && !t.To.After(d.date) {
				ended = true
				if t.To.After(lastEnd) {
					lastEnd = t.To
				}
			}
		}
		switch {
		case in:
		case later:
			problem = fmt.Sprintf("the %s administration had not taken office on %s", name, dayOf(d.date))
		case ended && presentTense.MatchString(d.a.Text[m[1]:]):
			problem = fmt.Sprintf("the %s administration is spoken of in the present tense but ended on %s", name, dayOf(lastEnd))
		}
		if problem == "" || seen[problem] {
			continue
		}
		seen[problem] = true
		si := d.sentenceOf(m[0])
		if si < 0 {
			continue
		}
		out = append(out, Contradiction{
			Kind:    ConflictAnachronism,
			Slot:    name + " administration",
			Claims:  []Claim{{Value: d.a.Text[m[2]:m[1]], Source: d.outlet, Citation: d.cite(&d.sents[si])}},
			Explain: problem,
		})
	}
	return out
}

// titledName finds "Former President Barack Obama", "then-Prime Minister
// Theresa May", "Chancellor Merkel" in running text: a capitalised office
// title, an optional status word before it and one to four capitalised
// words of name after it.
var titledName = regexp.MustCompile(`(?:\b([Ff]ormer|[Ee]x-|[Tt]hen-|[Tt]hen|[Ll]ate|[Aa]cting|[Oo]utgoing)\s*(?:[A-Z][\w.]*\s+){0,2})?\b(President|Prime Minister|Premier|Chancellor|Foreign Minister|Foreign Secretary|Secretary of State|Secretary-General|Secretary General)\s+((?:[A-Z][\p{L}'.-]*\s?){1,4})`)

// titledInText checks titles written before names directly in the text, so
// anachronisms are found whether or not the entity stage resolved the
// person. The country is the one office of that title the table lists the
// person in; a name the table lists in several or none is not judged.
func titledInText(d *doc, offices *Offices, seen map[string]bool) []Contradiction {
	var out []Contradiction
	for _, m := range titledName.FindAllStringSubmatchIndex(d.a.Text, -1) {
		if vicePrefix(d.a.Text[:m[4]]) {
			continue // Vice President, Vice-Chancellor
		}
		status := "current"
		if m[2] >= 0 {
			switch strings.ToLower(strings.TrimRight(d.a.Text[m[2]:m[3]], "-")) {
			case "former", "ex", "late":
				status = "former"
			case "then":
				status = "then"
			case "acting":
				status = "acting"
			}
		}
		title := normTitle(d.a.Text[m[4]:m[5]])
		name := strings.TrimSpace(d.a.Text[m[6]:m[7]])
		var held []Term
		countries := map[string]bool{}
		for _, t := range offices.terms {
			if t.Office == title && sameHolder(t, name) {
				held = append(held, t)
				countries[t.Country] = true
			}
		}
		if len(countries) != 1 {
			continue
		}
		si := d.sentenceOf(m[0])
		if si < 0 || !d.aboutNow(si, m[7]) {
			continue
		}
		problem := titleProblem(held, status, d.date, offices)
		k := held[0].Holder + "|" + title + "|" + problem
		if problem == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, Contradiction{
			Kind:    ConflictAnachronism,
			Slot:    held[0].Holder + ", " + title,
			Claims:  []Claim{{Value: status + " " + title, Source: d.outlet, Citation: d.cite(&d.sents[si])}},
			Explain: fmt.Sprintf("%s on %s: %s", held[0].Holder, dayOf(d.date), problem),
		})
	}
	return out
}

func vicePrefix(before string) bool {
	before = strings.TrimRight(before, " -")
	i := strings.LastIndexAny(before, " \n\t") + 1
	w := strings.ToLower(before[i:])
	return w == "vice" || w == "deputy"
}

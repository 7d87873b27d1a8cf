package timex

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Pattern fragments shared by the rules.
const (
	// rePMod is a position modifier in front of a calendar expression
	// ("early", "the end of", "mid-"), read into TimeML mod START/MID/END.
	rePMod   = `(?:(?P<pmod>(?:the\s+)?(?:end|beginning|start|middle|close|turn|first\s+half|second\s+half|latter\s+part|early\s+part|latter\s+half|last\s+half|dawn)\s+of(?:\s+the)?|(?:the\s+)?(?:early|late|mid)(?:\s+|-)|end-)\s*)?`
	reDurMod = `(?:(?P<dmod>about|around|approximately|roughly|some|nearly|almost|more\s+than|over|less\s+than|under|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|just\s+over|just\s+under|fewer\s+than|upwards\s+of|well\s+over|as\s+many\s+as|as\s+long\s+as|as\s+much\s+as|close\s+to|nearly\s+a|almost\s+a|barely|a\s+little\s+over|a\s+little\s+more\s+than|little\s+more\s+than)\s+)?`
)

// reYearRel is a year named relative to the DCT after a month or a date
// ("June last year", "March 3 next year"); it belongs to the expression.
const reYearRel = `\s+(?P<yrel>this|last|next)\s+year\b`

// yearRel is the year "this year", "last year" or "next year" names.
func (r *resolver) yearRel(rel string) (int, bool) {
	if !r.hasDCT {
		return 0, false
	}
	return r.dct.t.Year() + map[string]int{"last": -1, "next": 1}[rel], true
}

// reSpelledYear is a year in words, as broadcast transcripts write it
// ("nineteen ninety-four", "two thousand one").
const reSpelledYear = `(?:nineteen(?:\s+hundred(?:\s+and)?)?[\s-]+(?:` + reTens + `(?:[- ]` + reUnits1 + `)?|` + reTeens + `|oh[\s-]+` + reUnits1 + `)|two\s+thousand(?:\s+and)?(?:[\s-]+(?:` + reTeens + `|` + reUnits1 + `))?)`

// yearGroup reads the year of a match from its digits (group y) or its
// words (group sy).
func yearGroup(m *match) (int, bool) {
	if m.has("sy") {
		return spelledYear(m.g("sy"))
	}
	return yearOf(m.g("y"))
}

func pmodOf(s string) string {
	s = strings.ToLower(s)
	switch {
	case s == "":
		return ""
	case strings.Contains(s, "mid") || strings.Contains(s, "middle"):
		return "MID"
	case strings.Contains(s, "early") || strings.Contains(s, "beginning") || strings.Contains(s, "start") ||
		strings.Contains(s, "earlier") || strings.Contains(s, "first half") || strings.Contains(s, "dawn"):
		return "START"
	case strings.Contains(s, "late") || strings.Contains(s, "end") || strings.Contains(s, "close") ||
		strings.Contains(s, "second half") || strings.Contains(s, "latter") || strings.Contains(s, "last half"):
		return "END"
	}
	return ""
}

func dmodOf(s string) string {
	switch strings.Join(strings.Fields(strings.ToLower(s)), " ") {
	case "":
		return ""
	case "about", "around", "approximately", "roughly", "some", "close to":
		return "APPROX"
	case "nearly", "almost", "nearly a", "almost a", "up to", "at most", "no more than", "as many as",
		"as long as", "as much as", "barely":
		return "EQUAL_OR_LESS"
	case "more than", "over", "just over", "well over", "upwards of", "a little over", "a little more than", "little more than":
		return "MORE_THAN"
	case "less than", "under", "just under", "fewer than":
		return "LESS_THAN"
	case "at least", "no less than":
		return "EQUAL_OR_MORE"
	}
	return ""
}

func mustRule(name, pattern string, check func(*match) bool, norm func(*resolver, *match) (result, bool)) *rule {
	return &rule{name: name, re: regexp.MustCompile(`(?i)\b` + pattern), check: check, norm: norm}
}

// yearOf reads a four-digit year, or a two-digit one in a slash date.
func yearOf(s string) (int, bool) {
	s = strings.TrimPrefix(s, "'")
	y, err := strconv.Atoi(s)
	if err != nil {
		return 0, false
	}
	if len(s) == 2 {
		if y < 50 {
			return 2000 + y, true
		}
		return 1900 + y, true
	}
	return y, true
}

func dayOf(s string) int {
	s = strings.TrimRight(strings.ToLower(s), "stndrh")
	d, _ := strconv.Atoi(s)
	return d
}

// placeMonth puts a month (and optional day) without a year into the year the
// tense suggests: before the DCT for past, after it for future, the DCT's
// own year when nothing tells.
func (r *resolver) placeMonth(mo time.Month, day int, rel string, tense int) (int, bool) {
	if !r.hasDCT {
		return 0, false
	}
	y := r.dct.t.Year()
	dm := r.dct.t.Month()
	switch rel {
	case "last", "past", "this past":
		return y - 1 + b2i(mo < dm), true
	case "next", "coming", "this coming":
		return y + b2i(mo <= dm), true
	case "this":
		return y, true
	}
	// The occurrence nearest the DCT, before or after it; the tense of the
	// sentence counts the other side's distance double.
	if day == 0 {
		if mo == dm {
			return y, true
		}
		cur := y*12 + int(dm) - 1
		past, future := y, y
		if mo > dm {
			past = y - 1
		} else {
			future = y + 1
		}
		dp := cur - (past*12 + int(mo) - 1)
		df := (future*12 + int(mo) - 1) - cur
		if pickPast(dp, df, tense) {
			return past, true
		}
		return future, true
	}
	d := r.dct.t
	pastT, futT := date(y, mo, day), date(y, mo, day)
	if pastT.After(d) {
		pastT = date(y-1, mo, day)
	}
	if futT.Before(d) {
		futT = date(y+1, mo, day)
	}
	if pastT.Equal(d) {
		return y, true
	}
	dp := int(d.Sub(pastT).Hours() / 24)
	df := int(futT.Sub(d).Hours() / 24)
	if pickPast(dp, df, tense) {
		return pastT.Year(), true
	}
	return futT.Year(), true
}

// pickPast chooses between the occurrence dp units before the DCT and the
// one df units after it. A tense cue next to the expression (|tense| 2)
// counts the other side four times, a cue further away twice; with no cue
// news copy leans to the past.
func pickPast(dp, df, tense int) bool {
	switch tense {
	case -2:
		return dp <= 4*df
	case 2:
		return 4*dp < df
	case -1:
		return dp <= 2*df
	case 1:
		return 2*dp < df
	}
	return 2*dp <= 3*df
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// placeWeekday resolves a weekday name against the DCT.
func (r *resolver) placeWeekday(wd time.Weekday, rel string, tense int) (time.Time, bool) {
	if !r.hasDCT {
		return time.Time{}, false
	}
	d := r.dct.t
	diff := int(wd) - int(d.Weekday()) // -6..6
	switch rel {
	case "last", "past", "this past", "the previous":
		back := (int(d.Weekday()) - int(wd) + 7) % 7
		if back == 0 {
			back = 7
		}
		return d.AddDate(0, 0, -back), true
	case "next", "coming", "this coming", "the following":
		fwd := (int(wd) - int(d.Weekday()) + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		return d.AddDate(0, 0, fwd), true
	case "this":
		// the same ISO week
		iso := (int(wd)+6)%7 - (int(d.Weekday())+6)%7
		return d.AddDate(0, 0, iso), true
	}
	_ = diff
	if tense == 0 {
		// No cue either way: the nearer occurrence, leaning to the past as
		// news copy does ("from midnight on Saturday" in a Friday article
		// is tomorrow, not six days ago).
		back := (int(d.Weekday()) - int(wd) + 7) % 7
		fwd := (int(wd) - int(d.Weekday()) + 7) % 7
		if back == 0 || pickPast(back, fwd, 0) {
			return d.AddDate(0, 0, -back), true
		}
		return d.AddDate(0, 0, fwd), true
	}
	if tense > 0 {
		return d.AddDate(0, 0, (int(wd)-int(d.Weekday())+7)%7), true
	}
	return d.AddDate(0, 0, -((int(d.Weekday()) - int(wd) + 7) % 7)), true
}

func calendar(p point, mod string) result {
	typ := "DATE"
	if p.g >= granPartOfDay {
		typ = "TIME"
	}
	return result{typ: typ, value: p.value(), mod: mod, pt: &p}
}

func under(g gran, sub, mod string) result {
	return result{typ: "DATE", value: xValue(g, sub), mod: mod}
}

func buildRules() []*rule {
	var rs []*rule
	add := func(name, pattern string, check func(*match) bool, norm func(*resolver, *match) (result, bool)) {
		rs = append(rs, mustRule(name, pattern, check, norm))
	}

	// --- absolute dates ---------------------------------------------------
	add("abs-iso", `(?P<y>`+reYear+`)-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12][0-9]|3[01])(?:[T ](?P<hh>[01][0-9]|2[0-3]):(?P<mi>[0-5][0-9]))?\b`, nil,
		func(r *resolver, m *match) (result, bool) {
			y, _ := yearOf(m.g("y"))
			mo, _ := strconv.Atoi(m.g("mo"))
			d, _ := strconv.Atoi(m.g("d"))
			t := date(y, time.Month(mo), d)
			if t.Day() != d {
				return result{}, false
			}
			if m.has("hh") {
				h, _ := strconv.Atoi(m.g("hh"))
				mi, _ := strconv.Atoi(m.g("mi"))
				return calendar(point{t: t.Add(time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute), g: granMinute}, ""), true
			}
			return calendar(point{t: t, g: granDay}, ""), true
		})
	add("abs-slash", `(?P<mo>1[0-2]|0?[1-9])/(?P<d>3[01]|[12][0-9]|0?[1-9])/(?P<y>(?:19|20)[0-9]{2}|[0-9]{2})\b`, nil,
		func(r *resolver, m *match) (result, bool) {
			y, _ := yearOf(m.g("y"))
			mo, _ := strconv.Atoi(m.g("mo"))
			d, _ := strconv.Atoi(m.g("d"))
			t := date(y, time.Month(mo), d)
			if t.Day() != d {
				return result{}, false
			}
			return calendar(point{t: t, g: granDay}, ""), true
		})
	monthDay := func(r *resolver, m *match) (result, bool) {
		mo, ok := monthOf(m.g("month"))
		if !ok {
			return result{}, false
		}
		d := dayOf(m.g("d"))
		mod := pmodOf(m.g("pmod"))
		var y int
		name := "abs-"
		if m.has("y") {
			y, _ = yearOf(m.g("y"))
		} else {
			name = ""
			ty := 0
			if !m.has("wd") {
				ty = r.tense(m.start, m.end)
			}
			y, ok = r.placeMonth(mo, d, "", ty)
			if m.has("yrel") {
				y, ok = r.yearRel(m.g("yrel"))
			}
			if !ok {
				return result{typ: "DATE", value: "XXXX-" + twoDigits(int(mo)) + "-" + twoDigits(d), mod: mod}, true
			}
		}
		_ = name
		t := date(y, mo, d)
		if t.Day() != d {
			return result{}, false
		}
		res := calendar(point{t: t, g: granDay}, mod)
		if m.has("pod") {
			p := point{t: t, g: granPartOfDay, sub: partsOfDay[m.g("pod")]}
			res = result{typ: "TIME", value: p.value(), mod: mod, pt: &p}
		}
		return res, true
	}
	add("md", rePMod+`(?:(?P<wd>`+reWeekday+`),?\s+)?(?P<month>`+reMonth+`)\s*(?P<d>`+reDay+`)\b(?:,?\s+(?P<y>`+reYear+`)\b|`+reYearRel+`)?(?:,?\s+(?P<pod>morning|afternoon|evening|night))?`, nil, monthDay)
	// "April 24 and 25", "March 3 or 4": the second day of a coordinated
	// pair is a date of its own in the first one's month (and year).
	add("md-and", `(?P<month>`+reMonth+`)\s*(?P<d1>`+reDay+`),?\s+(?:and|or)\s+(?P<x>(?P<d>`+reDay+`)\b(?:,?\s+(?P<y>`+reYear+`)\b)?)`,
		func(m *match) bool {
			// a number that counts something ("March 3 and 4 people") is no day
			f := strings.Fields(m.text[m.end:])
			if len(f) == 0 {
				return true
			}
			switch strings.ToLower(strings.Trim(f[0], ".,;:")) {
			case "%", "percent", "per", "people", "persons", "men", "women", "children", "points", "times", "million", "billion",
				"thousand", "hundred", "dollars", "cents", "years", "months", "weeks", "days", "hours", "minutes", "more", "others":
				return false
			}
			return true
		},
		func(r *resolver, m *match) (result, bool) {
			mo, ok := monthOf(m.g("month"))
			d := dayOf(m.g("d"))
			if !ok || d <= dayOf(m.g("d1")) {
				return result{}, false
			}
			var y int
			switch {
			case m.has("y"):
				y, _ = yearOf(m.g("y"))
			case r.hasRef && r.ref.g >= granDay && r.ref.t.Month() == mo:
				y = r.ref.t.Year()
			case r.hasDCT:
				y, _ = r.placeMonth(mo, d, "", r.tense(m.start, m.end))
			default:
				return result{typ: "DATE", value: "XXXX-" + twoDigits(int(mo)) + "-" + twoDigits(d)}, true
			}
			t := date(y, mo, d)
			if t.Day() != d {
				return result{}, false
			}
			return calendar(point{t: t, g: granDay}, ""), true
		})
	add("dm", rePMod+`(?:(?P<wd>`+reWeekday+`),?\s+)?(?:the\s+)?(?P<d>`+reDay+`)\s+(?:of\s+)?(?P<month>`+reMonth+`)(?:,?\s+(?P<y>`+reYear+`)\b|`+reYearRel+`)?`, nil, monthDay)
	// "the week of March 6" names the ISO week holding the date.
	add("week-of", `the\s+week\s+of\s+(?P<month>`+reMonth+`)\s*(?P<d>`+reDay+`)\b(?:,?\s+(?P<y>`+reYear+`)\b)?`, nil,
		func(r *resolver, m *match) (result, bool) {
			res, ok := monthDay(r, m)
			if !ok || res.pt == nil {
				return res, ok
			}
			return calendar(res.pt.at(granWeek), ""), true
		})
	add("abs-my", rePMod+`(?P<month>`+reMonth+`),?\s+(?:of\s+)?(?:(?P<y>`+reYear+`)|(?P<sy>`+reSpelledYear+`))\b`, nil,
		func(r *resolver, m *match) (result, bool) {
			mo, ok := monthOf(m.g("month"))
			if !ok {
				return result{}, false
			}
			y, ok := yearGroup(m)
			if !ok {
				return result{}, false
			}
			return calendar(point{t: date(y, mo, 1), g: granMonth}, pmodOf(m.g("pmod"))), true
		})
	add("month", rePMod+`(?:(?P<rel>this\s+past|this\s+coming|this|last|next|past|coming)\s+)?(?P<month>`+reMonth+`)(?:`+reYearRel+`)?`,
		func(m *match) bool {
			mo := m.g("month")
			if len(strings.TrimSuffix(mo, ".")) <= 4 && mo != "may" && mo != "june" && mo != "july" {
				return false // bare abbreviations are too often something else
			}
			if mo == "may" && !m.has("rel") && !m.has("pmod") {
				// "May" is a month only where a modal cannot stand: after "in", "of", "since", "by", "until".
				return prevWordIn(m, "in", "of", "since", "by", "until", "through", "before", "after", "during", "from", "to", "and", "late", "early", "mid", "end")
			}
			if mo == "march" && !m.has("rel") && !m.has("pmod") {
				return prevWordIn(m, "in", "of", "since", "by", "until", "through", "before", "after", "during", "from", "to", "and")
			}
			return true
		},
		func(r *resolver, m *match) (result, bool) {
			mo, _ := monthOf(m.g("month"))
			y, ok := r.placeMonth(mo, 0, m.g("rel"), r.tense(m.start, m.end))
			if m.has("yrel") {
				y, ok = r.yearRel(m.g("yrel"))
			}
			mod := pmodOf(m.g("pmod"))
			if !ok {
				return result{typ: "DATE", value: "XXXX-" + twoDigits(int(mo)), mod: mod}, true
			}
			return calendar(point{t: date(y, mo, 1), g: granMonth}, mod), true
		})
	add("abs-year", rePMod+`(?:(?P<fiscal>fiscal(?:\s+year)?|FY)\s*)?(?P<y>`+reYear+`)\b`,
		func(m *match) bool {
			y, _ := yearOf(m.g("y"))
			s, e := m.start, m.end
			if s > 0 && strings.ContainsAny(m.text[s-1:s], "$#£€¥/:.,-") {
				return false
			}
			if glossOfClock(m.text[:s]) {
				return false // "12:10 p.m. (1910 in Egypt)": the same instant, another clock
			}
			rest := m.text[e:]
			if strings.HasPrefix(rest, "%") || strings.HasPrefix(rest, "/") || strings.HasPrefix(rest, ":") ||
				(len(rest) > 1 && (rest[0] == ',' || rest[0] == '.' || rest[0] == '-') && rest[1] >= '0' && rest[1] <= '9') {
				return false
			}
			low := strings.ToLower(rest)
			for _, w := range []string{" percent", " per cent", " million", " billion", " shares", " people", " feet", " meters", " miles", " tons", " troops", " points", " km", " kilometers", " pounds", " dollars", " yen", " euros"} {
				if strings.HasPrefix(low, w) {
					return false
				}
			}
			if m.has("fiscal") || m.has("pmod") {
				return true
			}
			if y >= 1900 && y <= 2039 {
				return true
			}
			return prevWordIn(m, "in", "since", "of", "by", "until", "from", "to", "before", "after", "during", "year", "circa", "c.")
		},
		func(r *resolver, m *match) (result, bool) {
			y, _ := yearOf(m.g("y"))
			// "the first half of 1989" is a calendar half (1989-H1), not
			// the start of the year.
			if pm := m.g("pmod"); strings.Contains(pm, "half") {
				mo := time.January
				if !strings.Contains(pm, "first") {
					mo = time.July
				}
				return calendar(point{t: date(y, mo, 1), g: granHalf}, ""), true
			}
			return calendar(point{t: date(y, 1, 1), g: granYear}, pmodOf(m.g("pmod"))), true
		})
	add("abs-decade", rePMod+`(?:the\s+)?(?:(?P<dec>1[0-9]{2}0|20[0-9]0)'?s|'(?P<dec2>[0-9]0)s|(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b`,
		func(m *match) bool {
			return !m.has("decw") || strings.HasPrefix(m.g("x"+"")+strings.ToLower(m.text[m.start:m.end]), "the") || m.has("pmod")
		},
		func(r *resolver, m *match) (result, bool) {
			var y int
			switch {
			case m.has("dec"):
				y, _ = strconv.Atoi(m.g("dec"))
			case m.has("dec2"):
				d, _ := strconv.Atoi(m.g("dec2"))
				y = 1900 + d
				if d < 30 {
					y = 2000 + d
				}
			default:
				w := map[string]int{"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90}
				y = 1900 + w[m.g("decw")]
			}
			return calendar(point{t: date(y, 1, 1), g: granDecade}, pmodOf(m.g("pmod"))), true
		})
	add("century", rePMod+`(?:the\s+)?(?:(?P<ord>`+reOrd+`)|(?P<rel>this|last|next|the\s+last|the\s+next|the\s+previous|the\s+current|the\s+past))[\s-]+century`, nil,
		func(r *resolver, m *match) (result, bool) {
			mod := pmodOf(m.g("pmod"))
			if m.has("ord") {
				n, ok := ordinalOf(m.g("ord"))
				if !ok || n < 1 || n > 30 {
					return result{}, false
				}
				return calendar(point{t: date((n-1)*100, 1, 1), g: granCentury}, mod), true
			}
			rel := m.g("rel")
			if strings.HasPrefix(rel, "the last") || strings.HasPrefix(rel, "the past") || strings.HasPrefix(rel, "the next") {
				return result{typ: "DURATION", value: "P100Y", mod: mod}, true
			}
			if !r.hasDCT {
				return under(granCentury, "", mod), true
			}
			p := r.dct.at(granCentury)
			switch rel {
			case "last", "the previous":
				p = p.shift(-1)
			case "next":
				p = p.shift(1)
			}
			return calendar(p, mod), true
		})
	add("season", rePMod+`(?:(?P<rel>this\s+past|this\s+coming|the\s+past|the\s+coming|this|last|next|the|past|coming)\s+)?(?P<season>`+reSeason+`)(?:\s+(?:of\s+)?(?:(?P<y>`+reYear+`)|(?P<sy>`+reSpelledYear+`))\b)?`,
		func(m *match) bool {
			s := m.g("season")
			if (s == "fall" || s == "spring") && !m.has("rel") && !m.has("y") && !m.has("sy") && !m.has("pmod") {
				return false
			}
			if !m.has("rel") && !m.has("y") && !m.has("sy") && !m.has("pmod") {
				return prevWordIn(m, "in", "this", "last", "next", "during", "by", "until", "since", "over")
			}
			return true
		},
		func(r *resolver, m *match) (result, bool) {
			code := seasons[m.g("season")]
			mod := pmodOf(m.g("pmod"))
			if m.has("y") || m.has("sy") {
				y, ok := yearGroup(m)
				if !ok {
					return result{}, false
				}
				return calendar(point{t: date(y, seasonMonth[code], 1), g: granSeason, sub: code}, mod), true
			}
			if !r.hasDCT {
				return under(granSeason, code, mod), true
			}
			y := r.dct.t.Year()
			sm := seasonMonth[code]
			dm := r.dct.t.Month()
			switch m.g("rel") {
			case "last", "past", "this past", "the past":
				if sm >= dm {
					y--
				}
			case "next", "coming", "this coming", "the coming":
				if sm <= dm {
					y++
				}
			case "this":
			default:
				tz := r.tense(m.start, m.end)
				if tz < 0 && sm > dm+1 {
					y--
				} else if tz > 0 && sm+1 < dm {
					y++
				}
			}
			return calendar(point{t: date(y, sm, 1), g: granSeason, sub: code}, mod), true
		})
	add("quarter", rePMod+`(?:(?P<det>the|this|last|next|that)\s+)?(?:(?P<yp>this|last|next)\s+year's\s+)?(?:comparable\s+)?(?:(?P<y0>`+reYear+`)\s+)?(?:(?P<yq>year-earlier|year-ago|year\s+earlier|comparable|same|current|latest|recent|previous|prior|corresponding|just-ended|just\s+ended|most\s+recent|past|last|preceding)\s+)?(?:(?P<fis1>fiscal)\s+)?(?:(?P<qord>first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+)?(?:(?P<fis2>fiscal)\s+)?(?P<qh>quarter|half|period)(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<y>`+reYear+`)\b)?`,
		func(m *match) bool {
			qh, yq := m.g("qh"), m.g("yq")
			// "the third-quarter results", "complained that third-quarter
			// earnings": the determiner (or complementizer) belongs to the
			// noun the compound modifies, not to the quarter.
			if (m.g("det") == "the" || m.g("det") == "that") && m.has("qord") && !m.has("yq") && m.pos["qh"] > 0 && m.text[m.pos["qh"]-1] == '-' {
				m.start = m.pos["qord"]
				if m.has("fis1") {
					m.start = m.pos["fis1"]
				}
			}
			if m.has("y0") {
				m.groups["y"] = m.groups["y0"]
				return true
			}
			switch qh {
			case "period":
				return yq == "year-earlier" || yq == "year-ago" || yq == "year earlier" || yq == "latest" || yq == "comparable" || yq == "corresponding"
			case "half":
				return m.has("qord")
			}
			return m.has("qord") || m.has("yq") || m.has("y") || m.has("det") || m.has("yp")
		},
		func(r *resolver, m *match) (result, bool) {
			mod := pmodOf(m.g("pmod"))
			g := granQuarter
			if m.g("qh") == "half" {
				g = granHalf
			}
			var base point
			ok := true
			// A year-ago comparison is anchored to the period being
			// reported: the last quarter or half mentioned, unless that one
			// lies after the DCT (a forecast, "the third quarter of 1990").
			reported := r.hasRef && (r.ref.g == granQuarter || r.ref.g == granHalf) && !(r.hasDCT && r.ref.t.After(r.dct.t))
			rep := r.ref
			if r.hasPeriod && r.period.g == g {
				rep, reported = r.period, true
			}
			if m.g("det") == "that" && !m.has("qord") && !m.has("y") {
				if r.hasRef && r.ref.g == g {
					res := calendar(r.ref, mod)
					res.anaphoric = true
					return res, true
				}
				return under(g, "", mod), true
			}
			switch {
			case m.has("y") && !m.has("qord"):
				// "the 1988 quarter": the quarter under discussion, in that year
				y, _ := yearOf(m.g("y"))
				q := r.dct.at(g).shift(-1)
				if r.hasRef && r.ref.g == g {
					q = r.ref
				}
				if r.hasPeriod && r.period.g == g {
					q = r.period
				}
				if !r.hasDCT && !(r.hasRef && r.ref.g == g) && !r.hasPeriod {
					return under(g, "", mod), true
				}
				res := calendar(point{t: date(y, q.t.Month(), 1), g: g}, mod)
				// An earlier year's period is a comparison point ("from $1
				// in the 1988 quarter"): "year-ago" after it still counts
				// from the period under discussion.
				res.keepRef = y < q.t.Year()
				return res, true
			case m.has("y"):
				y, _ := yearOf(m.g("y"))
				base = point{t: date(y, 1, 1), g: g}
			case reported && (m.g("yq") == "year-earlier" || m.g("yq") == "year-ago" || m.g("yq") == "year earlier" || m.g("yq") == "comparable" || m.g("yq") == "corresponding" || m.g("yq") == "same"):
				base = rep.at(g)
			case r.hasDCT:
				base = r.dct.at(g)
			default:
				ok = false
			}
			if !ok {
				return under(g, "", mod), true
			}
			if m.has("qord") {
				n, _ := ordinalOf(m.g("qord"))
				if g == granHalf && n > 2 {
					n = 2
				}
				if n < 1 || n > 4 {
					return result{}, false
				}
				step := 3
				if g == granHalf {
					step = 6
				}
				y := base.t.Year()
				if g == granQuarter && !m.has("y") && !m.has("yq") && !m.has("yp") && r.hasDCT {
					// A quarter that has not begun this year ("the fourth
					// quarter" in January) is this year's coming one or last
					// year's reported one: the nearer, as the tense leans.
					if cur := (int(r.dct.t.Month())-1)/3 + 1; n > cur && pickPast(4-n+cur, n-cur, r.tense(m.start, m.end)) {
						y--
					}
				}
				base = point{t: date(y, time.Month(1+(n-1)*step), 1), g: g}
			} else if !m.has("y") {
				switch m.g("yq") {
				case "current", "this":
				case "year-earlier", "year-ago", "year earlier", "comparable", "corresponding", "same":
					if reported {
						break
					}
					base = base.shift(-1)
				default:
					// "the quarter", "the latest quarter": the last one reported, before the DCT's.
					if m.g("det") != "this" {
						base = base.shift(-1)
					}
				}
				switch m.g("det") {
				case "next":
					base = r.dct.at(g).shift(1)
				case "last":
					base = r.dct.at(g).shift(-1)
				}
			}
			switch m.g("yp") {
			case "last":
				base = point{t: base.t.AddDate(-1, 0, 0), g: g}
			case "next":
				base = point{t: base.t.AddDate(1, 0, 0), g: g}
			}
			res := calendar(base, mod)
			switch m.g("yq") {
			case "year-earlier", "year-ago", "year earlier", "comparable", "corresponding":
				base = point{t: base.t.AddDate(-1, 0, 0), g: g}
				res = calendar(base, mod)
				res.keepRef = true
			}
			return res, true
		})
	add("abs-quarter-code", `(?-i:Q(?P<qn>[1-4]))(?:\s+(?P<y>`+reYear+`))?\b`, nil,
		func(r *resolver, m *match) (result, bool) {
			n, _ := strconv.Atoi(m.g("qn"))
			var y int
			switch {
			case m.has("y"):
				y, _ = yearOf(m.g("y"))
			case r.hasDCT:
				y = r.dct.t.Year()
			default:
				return result{typ: "DATE", value: "XXXX-Q" + m.g("qn")}, true
			}
			return calendar(point{t: date(y, time.Month(1+(n-1)*3), 1), g: granQuarter}, ""), true
		})
	add("fiscal-year", rePMod+`(?:the\s+)?(?:(?P<yq>current|latest|previous|prior|past|last|next|coming|new|this)\s+)?fiscal\s+year\b(?P<ended>\s+(?:ended|ending|that\s+ended|which\s+ended)\b)?`,
		func(m *match) bool {
			if m.has("ended") {
				m.end = m.pos["ended"] // the extent stops at "year"
			}
			return true
		},
		func(r *resolver, m *match) (result, bool) {
			mod := pmodOf(m.g("pmod"))
			if m.has("ended") && m.g("yq") == "" {
				// "the fiscal year ended Jan. 31": a one-year span closed by the date that follows
				return result{typ: "DURATION", value: "P1Y", mod: mod}, true
			}
			if !r.hasDCT {
				return under(granYear, "", mod), true
			}
			p := r.dct.at(granYear)
			switch m.g("yq") {
			case "previous", "prior", "past", "last":
				p = p.shift(-1)
			case "next", "coming", "new":
				p = p.shift(1)
			}
			return calendar(p, mod), true
		})
	add("year-adj", `(?P<w>year-end|year-earlier|year-ago|year\s+end|year's\s+end|year-before)\b`, nil,
		func(r *resolver, m *match) (result, bool) {
			w := m.g("w")
			if w == "year-end" || w == "year end" || w == "year's end" {
				if !r.hasDCT {
					return under(granYear, "", "END"), true
				}
				return calendar(r.dct.at(granYear), "END"), true
			}
			if r.hasRef && (r.ref.g == granQuarter || r.ref.g == granHalf) {
				p := point{t: r.ref.t.AddDate(-1, 0, 0), g: r.ref.g}
				res := calendar(p, "")
				res.anaphoric, res.keepRef = true, true
				return res, true
			}
			if !r.hasDCT {
				return under(granYear, "", ""), true
			}
			res := calendar(r.dct.at(granYear).shift(-1), "")
			res.keepRef = true
			return res, true
		})

	add("abs-spelled-year", `(?:the\s+year\s+)?(?P<sy>`+reSpelledYear+`)\b`,
		nil,
		func(r *resolver, m *match) (result, bool) {
			y, ok := spelledYear(m.g("sy"))
			if !ok {
				return result{}, false
			}
			return calendar(point{t: date(y, 1, 1), g: granYear}, ""), true
		})
	add("end-of-unit", `(?P<pmod>(?:the\s+)?(?:end|beginning|start|middle|close|rest|balance|remainder)\s+of)\s+the\s+(?P<unit>year|month|week|quarter)\b`, nil,
		func(r *resolver, m *match) (result, bool) {
			g := map[string]gran{"year": granYear, "month": granMonth, "week": granWeek, "quarter": granQuarter}[m.g("unit")]
			mod := pmodOf(m.g("pmod"))
			if !r.hasDCT {
				return under(g, "", mod), true
			}
			return calendar(r.dct.at(g), mod), true
		})

	add("the-period", `(?:for|during|of|in|through|over)\s+(?P<x>the\s+(?P<full>full\s+|whole\s+|entire\s+)?(?P<unit>year|week))\b(?P<ended>\s+(?:ended|ending|to\s+date))?`, nil,
		func(r *resolver, m *match) (result, bool) {
			if m.has("ended") {
				// "the year ended Sept. 30": a fiscal year, a span of one year
				v, _ := durationValue(1, false, m.g("unit"))
				return result{typ: "DURATION", value: v}, true
			}
			g := granYear
			if m.g("unit") == "week" {
				g = granWeek
			}
			if !r.hasDCT {
				return under(g, "", ""), true
			}
			return calendar(r.dct.at(g), ""), true
		})

	// --- relative to the DCT or to an earlier expression ---------------------
	add("rel-unit", rePMod+`(?:(?P<el>earlier|later)\s+)?(?P<rel>this\s+past|this\s+coming|this|last|next|past|coming|previous|current|the\s+current|the\s+coming|the\s+past|the\s+last|the\s+previous|the\s+following|the\s+next|the\s+same|that|the\s+preceding|the\s+prior|the\s+latest|the|this\s+very|within\s+the|within\s+a)\s+(?P<unit>week|month|year|weekend|decade|day|morning|afternoon|evening|night)\b`,
		func(m *match) bool {
			rel, unit := m.g("rel"), m.g("unit")
			if strings.HasPrefix(rel, "within") {
				return false
			}
			if rel == "the" {
				return unit == "weekend" || unit == "morning" || unit == "afternoon" || unit == "evening" ||
					(m.has("pmod") && (unit == "year" || unit == "month" || unit == "week"))
			}
			if unit == "day" && (rel == "this" || rel == "last" || rel == "past" || rel == "the last" || rel == "the past" || rel == "current" || rel == "the current" || rel == "the latest" || rel == "next" || rel == "coming" || rel == "the coming") {
				return false
			}
			return true
		},
		func(r *resolver, m *match) (result, bool) {
			rel, unit := m.g("rel"), m.g("unit")
			mod := pmodOf(m.g("pmod"))
			if mod == "" {
				mod = pmodOf(m.g("el"))
			}
			var g gran
			sub := ""
			switch unit {
			case "week":
				g = granWeek
			case "weekend":
				g = granWeekend
			case "month":
				g = granMonth
			case "year":
				g = granYear
			case "decade":
				g = granDecade
			case "day":
				g = granDay
			default:
				g, sub = granPartOfDay, partsOfDay[unit]
			}
			anaphoric := false
			var base point
			var ok bool
			if g == granDecade && (rel == "the past" || rel == "the last") {
				return result{typ: "DURATION", value: "P10Y", mod: mod}, true
			}
			switch rel {
			case "the following", "the next", "the previous", "the preceding", "the prior", "the same", "that":
				if g == granDecade || (g == granYear && (rel == "the next" || rel == "the past")) {
					break
				}
				pg := g
				if g == granPartOfDay || g == granWeekend {
					pg = granDay
				}
				base, anaphoric, ok = r.anchor(pg)
			case "the":
				// "in the morning" is a part of the day under discussion
				// ("Friday ... dealers bought heavily in the morning");
				// with no day mentioned yet, of the DCT.
				if g == granPartOfDay && r.hasRef && r.ref.g >= granDay {
					base, anaphoric, ok = r.ref, true, true
				}
			}
			if !ok {
				if !r.hasDCT {
					return under(g, sub, mod), true
				}
				base = r.dct
			}
			p := point{t: base.t, g: g, sub: sub}
			if g == granWeekend {
				// the Saturday of the week in question
				p.t = base.t.AddDate(0, 0, (6-int(base.t.Weekday())+7)%7)
			}
			if g == granYear || g == granDecade || g == granMonth || g == granWeek || g == granDay {
				p = base.at(g)
			}
			switch rel {
			case "last", "past", "previous", "the past", "the last", "the previous", "the preceding", "the prior", "this past":
				if g == granPartOfDay {
					p = p.shift(-1)
				} else if g == granWeekend {
					p.t = p.t.AddDate(0, 0, -7)
				} else {
					p = p.shift(-1)
				}
			case "next", "coming", "the coming", "the following", "the next", "this coming":
				if g == granWeekend {
					p.t = p.t.AddDate(0, 0, 7)
				} else {
					p = p.shift(1)
				}
			case "the":
				if g == granWeekend && r.tense(m.start, m.end) <= 0 && base.t.Weekday() != time.Saturday && base.t.Weekday() != time.Sunday {
					p.t = p.t.AddDate(0, 0, -7)
				}
			}
			if g == granPartOfDay && rel == "last" && sub == "NI" {
				// "last night" is the night before the DCT (already shifted)
			}
			if g == granPartOfDay && (strings.HasPrefix(rel, "the ") || rel == "that") {
				p = p.at(granDay) // "the next morning": the day is what is known
			}
			if pm := m.g("pmod"); g == granYear && strings.Contains(pm, "half") {
				// "the second half of next year": a calendar half
				mo := time.January
				if !strings.Contains(pm, "first") {
					mo = time.July
				}
				p, mod = point{t: date(p.t.Year(), mo, 1), g: granHalf}, ""
			}
			res := calendar(p, mod)
			res.anaphoric = anaphoric
			return res, true
		})
	// "the day after" his death, "the day before last Tuesday": one day
	// from the named weekday, else from the day under discussion. Right
	// after a date and a comma ("Nov. 3, the day before the vote") the
	// phrase renames that date.
	add("day-rel", `(?P<x>the\s+day)\s+(?P<ba>before|after)\b(?P<wdx>\s+(?:(?P<rel>last|next|this)\s+)?(?P<wd>`+reWeekday+`)\b)?`,
		func(m *match) bool {
			if m.has("wdx") {
				m.end = m.pos["wd"] + len(m.groups["wd"])
				return true
			}
			rest := strings.ToLower(strings.TrimLeft(m.text[m.pos["ba"]+len(m.groups["ba"]):], " "))
			for _, w := range []string{"yesterday", "today", "tomorrow"} {
				if strings.HasPrefix(rest, w) {
					return false // "the day before yesterday" is the deictic rule's
				}
			}
			// "later in the day before returning home": the clause is
			// about that day's course, not a day before another.
			if f := strings.Fields(rest); len(f) > 0 && strings.HasSuffix(strings.Trim(f[0], ".,;"), "ing") {
				return false
			}
			return true
		},
		func(r *resolver, m *match) (result, bool) {
			off := 1
			if m.g("ba") == "before" {
				off = -1
			}
			if m.has("wd") {
				t, ok := r.placeWeekday(weekdays[m.g("wd")], m.g("rel"), r.tense(m.start, m.end))
				if !ok {
					return under(granDay, "", ""), true
				}
				return calendar(point{t: t.AddDate(0, 0, off), g: granDay}, ""), true
			}
			if !r.hasRef || r.ref.g < granDay {
				return under(granDay, "", ""), true
			}
			base := r.ref.at(granDay)
			if strings.HasSuffix(strings.TrimRight(m.text[:m.start], " "), ",") {
				off = 0 // apposition
			}
			res := calendar(base.shift(off), "")
			res.anaphoric = true
			return res, true
		})
	add("deictic", `(?:(?P<pmod>early|late|earlier|later)\s+)?(?:the\s+day\s+(?P<ba>before|after)\s+)?(?P<w>today|yesterday|tomorrow|tonight|overnight|nowadays|currently|presently|these\s+days|now|at\s+present|the\s+present|recently|lately|the\s+past|the\s+future|the\s+(?:near|short|long)\s+term|the\s+near\s+future|the\s+distant\s+future|the\s+distant\s+past|in\s+future|the\s+time\s+being|anymore)\b`,
		func(m *match) bool {
			w := m.g("w")
			if w == "now" {
				// "now" in "now that" or "right now" is still the present; "by now" too.
				return true
			}
			if w == "overnight" {
				return !strings.HasPrefix(strings.ToLower(m.text[m.end:]), " rate")
			}
			if w == "anymore" {
				return false
			}
			if w == "today" || w == "tomorrow" {
				// "USA Today", "VOA Today", "NBC's Today show": capitalised
				// after a name inside a sentence, the word is a title.
				if raw := m.groups["w"]; raw[0] >= 'A' && raw[0] <= 'Z' && m.pos["w"] == m.start {
					if p := strings.TrimRight(m.text[:m.start], " "); p != "" && !strings.ContainsAny(p[len(p)-1:], ".!?\"'`:\n") {
						if lw := lastWord(p); lw != "" && lw[0] >= 'A' && lw[0] <= 'Z' {
							return false
						}
					}
				}
				// "today's youth", "tomorrow's world": the present era in
				// general, which TimeBank and AQUAINT leave unannotated; a
				// day's own things ("today's editions") stay dated.
				if rest := strings.ToLower(m.text[m.end:]); strings.HasPrefix(rest, "'s ") || strings.HasPrefix(rest, "’s ") {
					if eraNoun[nextWord(rest, 3)] {
						return false
					}
				}
				// "the people of tomorrow", "the cars of today": an era
				// after a plain noun; "the end of today's session" or "the
				// morning of today" keep the day.
				if m.pos["w"] == m.start && prevWordIn(m, "of") {
					before := strings.Fields(strings.ToLower(m.text[max(0, m.start-40):m.start]))
					if n := len(before); n >= 3 && before[n-3] == "the" && !dayPortion[before[n-2]] {
						return false
					}
				}
			}
			if w == "the present" {
				return !strings.HasPrefix(strings.ToLower(strings.TrimSpace(m.text[m.end:])), "of")
			}
			return true
		},
		func(r *resolver, m *match) (result, bool) {
			w := m.g("w")
			off := 0
			switch w {
			case "now", "nowadays", "currently", "presently", "these days", "right now", "at present", "the present", "the time being":
				return result{typ: "DATE", value: "PRESENT_REF"}, true
			case "recently", "lately", "the past", "the distant past":
				return result{typ: "DATE", value: "PAST_REF"}, true
			case "the future", "the near future", "the distant future", "in future", "the near term", "the short term", "the long term":
				return result{typ: "DATE", value: "FUTURE_REF"}, true
			case "yesterday":
				off = -1
			case "tomorrow":
				off = 1
			}
			switch m.g("ba") {
			case "before":
				off--
			case "after":
				off++
			}
			if w == "tonight" || w == "overnight" {
				if !r.hasDCT {
					return result{typ: "TIME", value: "XXXX-XX-XXTNI"}, true
				}
				p := point{t: r.dct.t, g: granPartOfDay, sub: "NI"}
				if w == "overnight" && r.tense(m.start, m.end) < 0 {
					// Reported in the past, "overnight" is the night that
					// ended the day under discussion began: the night of
					// the day before it ("shares fell Friday after
					// overnight losses in New York" is Thursday night).
					base, anaphoric := r.dct.t, false
					if r.hasRef && r.ref.g >= granDay {
						base, anaphoric = r.ref.t, true
					}
					p.t = date(base.Year(), base.Month(), base.Day()).AddDate(0, 0, -1)
					res := calendar(p, "")
					res.anaphoric = anaphoric
					return res, true
				}
				return calendar(p, ""), true
			}
			mod := ""
			if m.has("pmod") {
				if w != "yesterday" && w != "today" && w != "tomorrow" {
					return result{}, false
				}
				mod = pmodOf(m.g("pmod"))
			}
			if !r.hasDCT {
				return under(granDay, "", mod), true
			}
			return calendar(r.dct.shift(off), mod), true
		})
	add("day-pod", rePMod+`(?:(?P<w>yesterday|today|tomorrow)|(?P<wd>`+reWeekday+`))\s+(?P<pod>`+rePOD+`)`, nil,
		func(r *resolver, m *match) (result, bool) { return r.dayPartOfDay(m) })
	// "by mid afternoon", "in the early morning", "late in the evening" of
	// the day under discussion (the DCT's when none): TimeML gives the part
	// of the day with its position as mod.
	add("pod-bare", `(?:the\s+)?(?:(?P<pm>early|late|mid)(?:\s+|-)(?P<pod>morning|afternoon|evening)|(?P<pod2>mid-?morning|mid-?afternoon))\b`,
		nil,
		func(r *resolver, m *match) (result, bool) {
			pod, mod := m.g("pod"), pmodOf(m.g("pm"))
			if m.has("pod2") {
				pod, mod = m.g("pod2"), "MID"
			}
			sub := partsOfDay[pod]
			if sub == "" {
				return result{}, false
			}
			base, anaphoric := r.dct, false
			if r.hasRef && r.ref.g >= granDay {
				base, anaphoric = r.ref, true
			} else if !r.hasDCT {
				return result{typ: "TIME", value: "XXXX-XX-XXT" + sub, mod: mod}, true
			}
			res := calendar(point{t: base.t, g: granPartOfDay, sub: sub}, mod)
			res.anaphoric = anaphoric
			return res, true
		})
	add("pod-day", rePMod+`(?P<pod>`+rePOD+`)\s+(?:(?:on\s+)?(?P<wd>`+reWeekday+`)|(?P<w>yesterday|today|tomorrow))`, nil,
		func(r *resolver, m *match) (result, bool) { return r.dayPartOfDay(m) })
	add("weekday", rePMod+`(?:(?P<rel>this\s+past|this\s+coming|this|last|next|past|coming|the\s+following|the\s+previous)\s+)?(?P<wd>`+reWeekday+`)\b`, nil,
		func(r *resolver, m *match) (result, bool) {
			wd := weekdays[m.g("wd")]
			mod := pmodOf(m.g("pmod"))
			tz := r.tense(m.start, m.end)
			if rest := m.text[m.end:]; (strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s")) && tz != 2 {
				// "Wednesday's ruling" names a day already reported on; only
				// an adjacent future cue ("will ... Friday's vote") moves it.
				tz = -1
			}
			if rel := m.g("rel"); (rel == "the previous" || rel == "the following") && r.hasRef && r.ref.g >= granDay {
				// "the previous Friday" counts from the day under
				// discussion, as "the next day" does (TimeML anchors it to
				// the reference time, not the DCT).
				base := r.ref.t
				n := (int(base.Weekday()) - int(wd) + 7) % 7
				if n == 0 {
					n = 7
				}
				if rel == "the following" {
					n = -((int(wd) - int(base.Weekday()) + 7) % 7)
					if n == 0 {
						n = -7
					}
				}
				res := calendar(point{t: date(base.Year(), base.Month(), base.Day()).AddDate(0, 0, -n), g: granDay}, mod)
				res.anaphoric = true
				return res, true
			}
			t, ok := r.placeWeekday(wd, m.g("rel"), tz)
			if !ok {
				return result{typ: "DATE", value: "XXXX-WXX-" + strconv.Itoa((int(wd)+6)%7+1), mod: mod}, true
			}
			return calendar(point{t: t, g: granDay}, mod), true
		})
	add("clock", `(?:(?P<approx>around|about|approximately|roughly)\s+)?(?:(?P<wd>`+reWeekday+`)\s+(?:at\s+)?)?(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5][0-9]))?\s*(?P<ap>a\.m\.|p\.m\.|a\.m\b|p\.m\b|am\b|pm\b)(?:\s+(?P<tz>(?-i:[A-Z]{1,3}T\b|GMT\b|UTC\b)))?(?:,?\s+(?:on\s+)?(?:(?P<wd2>`+reWeekday+`)(?:,?\s+(?P<month>`+reMonth+`)\s*(?P<d>`+reDay+`))?|(?P<month2>`+reMonth+`)\s*(?P<d2>`+reDay+`))\b|\s+(?P<w>today|yesterday|tomorrow)\b)?`, nil,
		func(r *resolver, m *match) (result, bool) { return r.clock(m) })
	add("clock24", `(?:at|by|until|from|after|before|around)\s+(?P<x>(?P<h>[01]?[0-9]|2[0-3]):(?P<mi>[0-5][0-9])(?:\s+(?P<tz>(?-i:[A-Z]{1,3}T\b|GMT\b|UTC\b)))?)\b`, nil,
		func(r *resolver, m *match) (result, bool) { return r.clock(m) })
	// "1800 GMT", "2130 local time": the wire's four-digit clock, which a
	// zone or "local time" tells from a year.
	add("clock-hhmm", `(?P<h>[01][0-9]|2[0-3])(?P<mi>[0-5][0-9])\s+(?:(?P<tz>(?-i:GMT|UTC|[A-Z]{1,2}T))\b|local\s+time\b)`, nil,
		func(r *resolver, m *match) (result, bool) {
			if glossOfClock(m.text[:m.start]) {
				return result{}, false // "10:35 a.m. (0735 GMT)": the same instant again
			}
			return r.clock(m)
		})
	// "4 in the morning", "10 at night": an hour without a.m./p.m. whose
	// part of the day says which half it is. Only after a clock preposition,
	// so "the 4 in the morning session" or a score stays untagged.
	add("clock-pod", `(?:at|by|until|till|from|after|before|around|about|since)\s+(?P<x>(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5][0-9]))?\s+(?:o'clock\s+)?(?:in\s+the\s+(?P<pod>morning|afternoon|evening)|at\s+(?P<pod2>night)))\b`, nil,
		func(r *resolver, m *match) (result, bool) { return r.clock(m) })
	add("noon", `(?P<nm>noon|midday|midnight)(?:\s+(?:on\s+)?(?P<wd2>`+reWeekday+`)\b|\s+(?P<w>today|yesterday|tomorrow)\b)?`, nil,
		func(r *resolver, m *match) (result, bool) {
			if prevWordIn(m, "high") {
				return result{}, false // "high noon": a figure of speech
			}
			return r.clock(m)
		})
	add("holiday", `(?:(?P<rel>last|this|next)\s+)?(?P<hol>Christmas(?:\s+Day|\s+Eve)?|New\s+Year's(?:\s+Day|\s+Eve)?|Thanksgiving(?:\s+Day)?|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Halloween|Valentine's\s+Day|Election\s+Day|Boxing\s+Day|Veterans\s+Day|Easter(?:\s+Sunday)?)(?:\s+(?P<y>`+reYear+`)\b)?`, nil,
		func(r *resolver, m *match) (result, bool) {
			var y int
			switch {
			case m.has("y"):
				y, _ = yearOf(m.g("y"))
			case r.hasDCT:
				y = r.dct.t.Year()
			default:
				return under(granDay, "", ""), true
			}
			hol := m.g("hol")
			t, ok := holiday(hol, y)
			if !ok {
				return result{}, false
			}
			if !m.has("y") {
				past, fut := t, t
				if t.After(r.dct.t) {
					past, _ = holiday(hol, y-1)
				} else if t.Before(r.dct.t) {
					fut, _ = holiday(hol, y+1)
				}
				dp := int(r.dct.t.Sub(past).Hours() / 24)
				df := int(fut.Sub(r.dct.t).Hours() / 24)
				switch {
				case m.g("rel") == "last":
					t = past
				case m.g("rel") == "next":
					t = fut
				case m.g("rel") == "this":
				case pickPast(dp, df, r.tense(m.start, m.end)):
					t = past
				default:
					t = fut
				}
			}
			return calendar(point{t: t, g: granDay}, ""), true
		})

	// A rate after an amount ("$33 million a year") is a SET; it is tried
	// before the durations so that it wins a tie on the same words.
	add("set", `(?:(?P<q>every|each|per|a)\s+(?:(?P<other>other)\s+)?(?:(?P<num>`+reNumber+`)\s+)?(?:(?P<unit>year|month|week|day|hour|minute|quarter|night|morning|evening|decade|weekend|years|months|weeks|days|hours)|(?P<wd>`+reWeekday+`)|(?P<month>`+reMonth+`)|(?P<season>`+reSeason+`))|(?P<adv>daily|weekly|monthly|yearly|annually|hourly|nightly|biweekly|semiannually|semi-annually|fortnightly)|(?P<times>once|twice|thrice|(?:`+reNumber+`)\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit2>year|month|week|day|hour|minute|quarter))\b`,
		func(m *match) bool {
			q := m.g("q")
			if q == "a" {
				// "$5 a year", "three meals a day": a rate after an amount.
				prev := strings.TrimRight(m.text[:m.start], " ")
				if prev == "" {
					return false
				}
				c := prev[len(prev)-1]
				w := strings.ToLower(lastWord(prev))
				if (c >= '0' && c <= '9') || w == "million" || w == "billion" || w == "cents" || w == "dollars" || w == "times" || w == "once" || w == "twice" || strings.HasSuffix(w, "%") || w == "percent" || w == "barrels" || w == "tons" {
					return true
				}
				// "four flights a week", "fifty thousand CDs a year",
				// "hundreds of interviews a day": a counted plural noun
				// per unit is a rate too.
				return countedPlural(prev)
			}
			if q == "per" {
				return m.has("unit")
			}
			return true
		},
		func(r *resolver, m *match) (result, bool) {
			switch {
			case m.has("adv"):
				v := map[string]string{"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y", "hourly": "PT1H",
					"nightly": "P1D", "quarterly": "P3M", "biweekly": "P2W", "semiannually": "P6M", "semi-annually": "P6M", "fortnightly": "P2W"}[m.g("adv")]
				return result{typ: "SET", value: v}, v != ""
			case m.has("wd"):
				return result{typ: "SET", value: "XXXX-WXX-" + strconv.Itoa((int(weekdays[m.g("wd")])+6)%7+1)}, true
			case m.has("month"):
				mo, _ := monthOf(m.g("month"))
				return result{typ: "SET", value: "XXXX-" + twoDigits(int(mo))}, true
			case m.has("season"):
				return result{typ: "SET", value: "XXXX-" + seasons[m.g("season")]}, true
			}
			unit := m.g("unit")
			if unit == "" {
				unit = m.g("unit2")
			}
			n := 1.0
			if m.has("num") {
				n, _, _ = numberOf(m.g("num"))
			}
			if m.has("other") {
				n *= 2
			}
			switch unit {
			case "morning", "evening":
				return result{typ: "SET", value: "XXXX-XX-XXT" + partsOfDay[unit]}, true
			case "weekend":
				return result{typ: "SET", value: "XXXX-WXX-WE"}, true
			}
			v, ok := durationValue(n, false, unit)
			return result{typ: "SET", value: v}, ok
		})
	// --- durations and expressions counted in units ---------------------------
	add("dur", reDurMod+`(?:(?P<det>the|another|these|those|an\s+additional|a\s+further)\s+)?(?:(?P<rel>past|last|next|first|previous|coming|following|latest|final|remaining|prior|recent|ensuing|preceding|initial|succeeding|same)\s+)?(?:(?P<num>`+reNumber+`|an?)|(?P<vague>`+reVague+`))[\s-]+(?:(?P<adj>full|straight|consecutive|long|more|additional|extra|calendar|fiscal|successive|short)[\s-]+)?(?P<unit>`+reUnit+`)\b(?P<half>\s+and\s+a\s+half\b)?(?P<old>-old)?(?P<orso>\s+or\s+so)?(?:\s+(?P<ago>ago|earlier|later|hence|from\s+now|afterwards?|before\s+that|after\s+that|previously|back)\b)?`,
		func(m *match) bool {
			num := m.g("num")
			unit := m.g("unit")
			if (num == "a" || num == "an") && strings.HasPrefix(unit, "second") {
				return false
			}
			if m.g("ago") == "back" && m.g("num") == "" {
				return false
			}
			if strings.HasPrefix(unit, "year") && (m.has("old") || strings.HasPrefix(m.text[m.end:], " old")) && !m.has("ago") {
				return false // an age ("a 6-year-old boy", "52 years old"), not a span of time
			}
			if m.has("old") && youngPerson[nextWord(m.text, m.end)] {
				// an infant's age in months or weeks ("their 6-month-old
				// son"); "the three-week-old strike" stays a duration
				return false
			}
			if m.g("rel") == "last" && !m.has("det") && !m.has("dmod") && (modalBefore(m) || prevWordIn(m, "to", "did", "does", "do", "didn't", "won't")) {
				// "will last one day", "expected to last two weeks": the
				// verb, not "the last two weeks"
				for _, g := range []string{"num", "vague"} {
					if m.has(g) {
						m.start = m.pos[g]
						delete(m.groups, "rel")
						break
					}
				}
			}
			if m.has("det") && !m.has("rel") && m.has("num") && m.pos["unit"] > 0 && m.text[m.pos["unit"]-1] == '-' {
				// "the two-week strike": the article belongs to the noun phrase
				m.start = m.pos["num"]
			}
			switch m.g("dmod") {
			case "over", "under", "some":
				if m.has("det") {
					m.start = m.pos["det"]
					delete(m.groups, "dmod")
				}
			case "about", "around", "approximately", "roughly":
				// TimeBank leaves approximators outside the extent (the mod
				// still says APPROX); bounds like "at least" stay inside.
				for _, g := range []string{"det", "rel", "num", "vague"} {
					if m.has(g) {
						m.start = m.pos[g]
						break
					}
				}
			}
			if strings.HasPrefix(unit, "quarter") && strings.HasPrefix(strings.TrimLeft(m.text[m.end:], " "), "of ") &&
				(unit == "quarter" || m.text[m.pos["unit"]-1] == '-') {
				return false // "a quarter of the shares", "three-quarters of them"
			}
			return true
		},
		func(r *resolver, m *match) (result, bool) { return r.duration(m) })
	// "a decades-long dispute", "their day-long meeting": the compound
	// adjective names a span (vague when plural).
	add("dur-long", `(?P<unit>days?|weeks?|months?|years?|decades?|hours?|century|centuries)-long\b`, nil,
		func(r *resolver, m *match) (result, bool) {
			unit := m.g("unit")
			v, ok := durationValue(1, strings.HasSuffix(unit, "s"), unit)
			return result{typ: "DURATION", value: v}, ok
		})
	// "over the years", "in the weeks ahead", "in the years that followed":
	// an unquantified stretch of time.
	add("dur-the", `(?:(?:over|during|through|throughout)\s+(?P<x>the\s+(?P<unit>years|months|weeks|decades|centuries))\b|the\s+(?P<unit2>years|months|weeks|days|decades)\s+(?:ahead|to\s+come|(?P<fol>that\s+followed))\b)`,
		func(m *match) bool {
			if m.has("fol") {
				m.end = m.pos["unit2"] + len(m.groups["unit2"]) // the relative clause is not part of it
			}
			return true
		},
		func(r *resolver, m *match) (result, bool) {
			unit := m.g("unit")
			if unit == "" {
				unit = m.g("unit2")
			}
			v, ok := durationValue(0, true, unit)
			return result{typ: "DURATION", value: v}, ok
		})
	add("dur-bare", `(?:for|within|over|in|after|took|takes|take|lasted|last|lasting|spent|spend|spends)\s+(?P<x>(?P<unit>days|weeks|months|years|decades|hours|minutes|centuries))\b`, nil,
		func(r *resolver, m *match) (result, bool) {
			v, ok := durationValue(0, true, m.g("unit"))
			return result{typ: "DURATION", value: v}, ok
		})
	add("recent-units", `(?:(?P<rel>recent|coming|the\s+coming|the\s+past|past|the\s+last|the\s+recent|the\s+next|next|previous|the\s+previous|the\s+following|following)\s+)(?P<unit>days|weeks|months|years|decades|hours|quarters)\b`, nil,
		func(r *resolver, m *match) (result, bool) {
			// An unquantified stretch reaching up to the DCT ("in recent
			// years", "coming months") is a vague past or future reference;
			// one counted from it ("the next days") stays a duration.
			// TimeBank annotates "recent weeks" (months, days) as the vague
			// stretch it is (PXW) and keeps PAST_REF for "recent years".
			switch rel, unit := m.g("rel"), m.g("unit"); {
			case (rel == "recent" || rel == "the recent") && (unit == "days" || unit == "weeks" || unit == "months"):
				v, ok := durationValue(0, true, unit)
				return result{typ: "DURATION", value: v}, ok
			case rel == "recent" || rel == "the recent" || rel == "past" || rel == "the past" || rel == "the last" || rel == "previous" || rel == "the previous":
				return result{typ: "DATE", value: "PAST_REF"}, true
			case rel == "coming" || rel == "the coming":
				return result{typ: "DATE", value: "FUTURE_REF"}, true
			}
			v, ok := durationValue(0, true, m.g("unit"))
			return result{typ: "DURATION", value: v}, ok
		})
	for _, r := range rs {
		r.need = ruleNeeds[r.name]
	}
	return rs
}

var (
	monthWords   = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
	weekdayWords = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
	unitWords    = []string{"year", "month", "week", "day", "hour", "minute", "second", "decade", "centur", "quarter", "night", "fortnight", "session"}
	digitWords   = []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}
)

func joinWords(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// ruleNeeds lists, per rule, lower-case strings one of which must occur in a
// window for the rule to have any chance there; most rules are skipped for
// most windows, which is where the tagger's speed comes from.
var ruleNeeds = map[string][]string{
	"abs-iso":          {"-"},
	"abs-slash":        {"/"},
	"md":               monthWords,
	"dm":               monthWords,
	"md-and":           monthWords,
	"abs-my":           monthWords,
	"week-of":          {"week of"},
	"month":            monthWords,
	"abs-year":         digitWords,
	"abs-decade":       {"0s", "0's", "ties", "nineties"},
	"century":          {"century"},
	"season":           {"spring", "summer", "autumn", "fall", "winter"},
	"quarter":          {"quarter", "half", "period"},
	"abs-quarter-code": {"q1", "q2", "q3", "q4"},
	"fiscal-year":      {"fiscal"},
	"year-adj":         {"year"},
	"abs-spelled-year": {"nineteen", "thousand"},
	"end-of-unit":      {" of the "},
	"the-period":       {"the year", "the week", "full year", "whole year", "entire year", "full week", "whole week", "entire week"},
	"rel-unit":         {"week", "month", "year", "decade", "day", "morning", "afternoon", "evening", "night"},
	"deictic":          {"today", "yesterday", "tomorrow", "night", "now", "currently", "presently", "these days", "present", "recently", "lately", "past", "future", "term", "time being"},
	"day-pod":          {"morning", "afternoon", "evening", "night", "midday", "mid-day"},
	"pod-day":          {"morning", "afternoon", "evening", "night", "midday", "mid-day"},
	"pod-bare":         {"morning", "afternoon", "evening"},
	"weekday":          weekdayWords,
	"clock":            {"am", "pm", "a.m", "p.m"},
	"clock24":          {":"},
	"clock-hhmm":       {"gmt", "utc", "local time", "est", "edt", "cet", "bst", "pst", "pdt", "cst", "cdt", "ist"},
	"clock-pod":        {" in the morning", " in the afternoon", " in the evening", " at night"},
	"noon":             {"noon", "midnight", "midday"},
	"holiday":          {"christmas", "new year", "thanksgiving", "independence", "labor day", "memorial", "halloween", "valentine", "election day", "boxing", "veterans", "easter"},
	"dur":              unitWords,
	"dur-bare":         unitWords,
	"dur-long":         {"-long"},
	"day-rel":          {"the day before", "the day after"},
	"dur-the":          {"the years", "the months", "the weeks", "the days", "the decades", "the centuries"},
	"recent-units":     unitWords,
	"set": joinWords([]string{"every", "each", "per ", "a year", "a month", "a week", "a day", "an hour", "a quarter", "a minute",
		"a night", "a morning", "an evening", "a decade", "a weekend", "daily", "weekly", "monthly", "yearly", "annually", "hourly", "nightly", "biweekly", "semi", "fortnightly", "once", "twice", "thrice", "times"}),
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ".,;:\"'`“”‘’(")
}

// countedPlural reports whether text ends in a plural noun counted by a
// number a few words before it ("four flights", "fifty thousand CDs",
// "hundreds of interviews").
func countedPlural(text string) bool {
	f := strings.Fields(text[max(0, len(text)-60):])
	if len(f) < 2 {
		return false
	}
	noun := strings.Trim(f[len(f)-1], ".,;:\"'")
	if len(noun) < 3 || !strings.HasSuffix(noun, "s") || strings.HasSuffix(noun, "ss") {
		return false
	}
	for i := len(f) - 2; i >= 0 && i >= len(f)-4; i-- {
		w := strings.ToLower(strings.Trim(f[i], ".,;:\"'"))
		if _, _, ok := numberOf(w); ok && w != "a" && w != "an" {
			return true
		}
		switch w {
		case "hundreds", "thousands", "millions", "dozens", "billions":
			return true
		}
	}
	return false
}

// modalBefore reports whether the word before the match is a modal verb.
func modalBefore(m *match) bool {
	switch strings.ToLower(lastWord(m.text[:m.start])) {
	case "will", "would", "could", "may", "might", "can", "shall", "should", "must":
		return true
	}
	return false
}

// eraNoun are nouns that "today's" or "tomorrow's" put in the present or
// coming era rather than on a day: "today's youth", "today's world".
var eraNoun = map[string]bool{
	"world": true, "youth": true, "society": true, "generation": true, "children": true, "kids": true,
	"young": true, "teenagers": true, "culture": true, "families": true, "students": true,
}

// dayPortion are nouns whose "of today" or "of tomorrow" is part of that day.
var dayPortion = map[string]bool{
	"end": true, "beginning": true, "start": true, "rest": true, "middle": true, "morning": true,
	"afternoon": true, "evening": true, "night": true, "close": true, "events": true, "course": true,
}

// youngPerson are nouns whose age is given in months or weeks: the age of a
// person, which TimeML leaves unannotated, not the length of a period.
var youngPerson = map[string]bool{
	"son": true, "daughter": true, "baby": true, "boy": true, "girl": true, "child": true,
	"infant": true, "twins": true, "grandson": true, "granddaughter": true, "brother": true, "sister": true,
}

// nextWord returns the lower-cased word after position e, without
// punctuation.
func nextWord(text string, e int) string {
	f := strings.Fields(text[e:min(len(text), e+40)])
	if len(f) == 0 {
		return ""
	}
	return strings.ToLower(strings.Trim(f[0], ".,;:\"'`“”‘’()"))
}

// prevWordIn reports whether the word before the match is one of ws.
// glossOfClock reports whether text before a clock time ends in another
// clock time and an opening bracket: "10:35 a.m. (0735 GMT)" restates the
// instant in another zone, which TimeML annotates once.
//
// The bracket may be a Penn Treebank escape ("-LRB-"), and the clock may
// carry a zone ("12:10 p.m. ET (1910 in Egypt)").
func glossOfClock(before string) bool {
	b := strings.TrimRight(before, " ")
	switch {
	case strings.HasSuffix(b, "("):
		b = strings.TrimSuffix(b, "(")
	case strings.HasSuffix(b, "-LRB-"):
		b = strings.TrimSuffix(b, "-LRB-")
	default:
		return false
	}
	b = strings.ToLower(strings.TrimRight(b, " "))
	if w := lastWord(b); w == "et" || w == "est" || w == "edt" || w == "gmt" || w == "utc" || w == "cet" || w == "bst" {
		b = strings.TrimRight(strings.TrimSuffix(b, w), " ")
	}
	for _, end := range []string{"a.m.", "p.m.", "am", "pm", "local time", "gmt", "noon", "midnight"} {
		if rest, ok := strings.CutSuffix(b, end); ok && (rest == "" || !unicode.IsLetter(rune(rest[len(rest)-1]))) {
			return true // "10:35 a.m.", "10:35am"; not "the program"
		}
	}
	return false
}

func prevWordIn(m *match, ws ...string) bool {
	w := strings.ToLower(lastWord(m.text[:m.start]))
	for _, x := range ws {
		if w == x {
			return true
		}
	}
	return false
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func (r *resolver) dayPartOfDay(m *match) (result, bool) {
	sub := partsOfDay[m.g("pod")]
	mod := pmodOf(m.g("pmod"))
	typ := "TIME"
	var t time.Time
	ok := r.hasDCT
	switch {
	case m.has("wd"):
		// "Friday morning" is a part of a day (TimeML 1.2.1: TIME, the
		// day's value with TMO), placed like the bare weekday. "Friday
		// night" runs past midnight into the next date: news annotation
		// (AQUAINT) dates it by the day named, and so do we.
		t, ok = r.placeWeekday(weekdays[m.g("wd")], "", r.tense(m.start, m.end))
		if sub == "NI" {
			if !ok {
				return result{typ: "DATE", value: "XXXX-WXX-" + strconv.Itoa((int(weekdays[m.g("wd")])+6)%7+1), mod: mod}, true
			}
			return calendar(point{t: t, g: granDay}, mod), true
		}
		if !ok {
			return result{typ: typ, value: "XXXX-WXX-" + strconv.Itoa((int(weekdays[m.g("wd")])+6)%7+1) + "T" + sub, mod: mod}, true
		}
	case ok:
		t = r.dct.t
		switch m.g("w") {
		case "yesterday":
			t = t.AddDate(0, 0, -1)
		case "tomorrow":
			t = t.AddDate(0, 0, 1)
		}
	}
	if !ok {
		return result{typ: typ, value: "XXXX-XX-XXT" + sub, mod: mod}, true
	}
	p := point{t: t, g: granPartOfDay, sub: sub}
	res := calendar(p, mod)
	res.typ = typ
	return res, true
}

func (r *resolver) clock(m *match) (result, bool) {
	h, _ := strconv.Atoi(m.g("h"))
	mi, _ := strconv.Atoi(m.g("mi"))
	switch m.g("nm") {
	case "noon", "midday":
		h = 12
	case "midnight":
		h = 24
	}
	ap := strings.ReplaceAll(m.g("ap"), ".", "")
	switch {
	case m.g("pod") == "morning":
		ap = "am"
	case m.g("pod") != "":
		ap = "pm"
	case m.has("pod2"):
		// "10 at night" is 22:00, "2 at night" is 02:00, "12 at night" midnight
		switch {
		case h == 12:
			h = 24
		case h >= 6:
			ap = "pm"
		}
	}
	if ap == "pm" && h < 12 {
		h += 12
	}
	if ap == "am" && h == 12 {
		h = 0
	}
	hm := twoDigits(h) + ":" + twoDigits(mi)
	wd := m.g("wd")
	if wd == "" {
		wd = m.g("wd2")
	}
	var t time.Time
	mod := ""
	if m.has("approx") {
		mod = "APPROX"
	}
	month, day := m.g("month"), m.g("d")
	if month == "" {
		month, day = m.g("month2"), m.g("d2")
	}
	if month != "" {
		// "5 p.m. EST Nov. 9": the date that follows places the time
		mo, ok := monthOf(month)
		if !ok || !r.hasDCT {
			return result{typ: "TIME", value: "XXXX-XX-XXT" + hm, mod: mod}, true
		}
		dd := dayOf(day)
		y, _ := r.placeMonth(mo, dd, "", r.tense(m.start, m.end))
		t = date(y, mo, dd)
		if t.Day() != dd {
			return result{}, false
		}
		p := point{t: t, g: granDay}
		return result{typ: "TIME", value: t.Format("2006-01-02") + "T" + hm, mod: mod, pt: &p}, true
	}
	switch {
	case !r.hasDCT:
		if wd != "" {
			return result{typ: "TIME", value: "XXXX-WXX-" + strconv.Itoa((int(weekdays[wd])+6)%7+1) + "T" + hm}, true
		}
		return result{typ: "TIME", value: "XXXX-XX-XXT" + hm}, true
	case wd != "":
		t, _ = r.placeWeekday(weekdays[wd], "", r.tense(m.start, m.end))
	case m.has("w"):
		t = r.dct.t.AddDate(0, 0, map[string]int{"yesterday": -1, "today": 0, "tomorrow": 1}[m.g("w")])
	case r.hasRef && r.ref.g >= granDay:
		t = r.ref.t
	default:
		t = r.dct.t
	}
	v := t.Format("2006-01-02") + "T" + hm
	if tz := strings.ToUpper(m.g("tz")); tz == "UTC" || tz == "GMT" {
		v += "Z" // ISO 8601 marks universal time
	}
	p := point{t: t, g: granDay}
	return result{typ: "TIME", value: v, mod: mod, pt: &p}, true
}

// duration normalises "three weeks", "the past two months", "a year ago",
// "two days later", "the three-week-old strike".
func (r *resolver) duration(m *match) (result, bool) {
	n, vague, ok := numberOf(m.g("num"))
	if m.has("half") {
		n += 0.5 // "a minute and a half"
	}
	if m.has("vague") {
		vague, ok = true, true
	}
	if !ok {
		return result{}, false
	}
	mod := dmodOf(m.g("dmod"))
	unit := m.g("unit")
	ago := m.g("ago")
	if m.g("num") == "one" && unit == "day" && ago == "" && !m.has("dmod") && !m.has("det") && !m.has("rel") && !m.has("adj") && modalBefore(m) {
		// "Islam will one day be the largest religion": "one day" between
		// a modal and its verb is an indefinite future time, not a span
		return result{typ: "DATE", value: "FUTURE_REF"}, true
	}
	switch ago {
	case "":
		if vague {
			switch m.g("rel") {
			case "past", "last", "recent", "previous":
				return result{typ: "DATE", value: "PAST_REF", mod: mod}, true
			}
		}
		v, ok := durationValue(n, vague, unit)
		return result{typ: "DURATION", value: v, mod: mod}, ok
	}
	// A point counted back or forward: "ago" from the DCT, "later"/"earlier"
	// from the last mentioned point.
	_, _, _, g, ok := unitOf(unit)
	if !ok {
		return result{}, false
	}
	sign := 1
	if ago == "ago" || ago == "earlier" || ago == "before that" || ago == "previously" || ago == "back" {
		sign = -1
	}
	if vague || n != float64(int(n)) {
		if sign < 0 {
			return result{typ: "DATE", value: "PAST_REF", mod: mod}, true
		}
		return result{typ: "DATE", value: "FUTURE_REF", mod: mod}, true
	}
	k := int(n)
	var base point
	anaphoric := false
	switch ago {
	case "ago", "from now", "hence", "back":
		if !r.hasDCT {
			return under(g, "", mod), true
		}
		base = r.dct
		if r.hasRef && r.ref.g == granQuarter && g == granYear {
			base = r.ref
		}
	default:
		var okA bool
		base, anaphoric, okA = r.anchor(g)
		if !okA {
			return under(g, "", mod), true
		}
		if r.hasRef && r.ref.g == granQuarter && g == granYear {
			base, anaphoric = r.ref, true
		}
	}
	var p point
	switch {
	case g == granYear && base.g == granQuarter:
		p = point{t: base.t.AddDate(sign*k, 0, 0), g: granQuarter}
	case g == granQuarter:
		p = base.at(granQuarter).shift(sign * k)
	case g == granDecade:
		p = point{t: base.t.AddDate(10*sign*k, 0, 0), g: granYear}
	case g == granCentury:
		p = point{t: base.t.AddDate(100*sign*k, 0, 0), g: granYear}
	case g >= granHour:
		p = point{t: base.t, g: granDay}
		if g == granHour && k < 24 && r.hasDCT && base == r.dct {
			return result{typ: "DATE", value: p.value(), mod: mod, pt: &p}, true
		}
		p = base.at(granDay)
	default:
		p = base.at(g).shift(sign * k)
	}
	res := calendar(p, mod)
	res.anaphoric = anaphoric
	res.keepRef = true
	return res, true
}

// holiday returns the date of a named holiday in year y (US conventions,
// which is what English-language wire copy means by the bare names).
func holiday(name string, y int) (time.Time, bool) {
	name = strings.Join(strings.Fields(strings.ToLower(name)), " ")
	nth := func(mo time.Month, wd time.Weekday, n int) time.Time {
		t := date(y, mo, 1)
		for t.Weekday() != wd {
			t = t.AddDate(0, 0, 1)
		}
		return t.AddDate(0, 0, 7*(n-1))
	}
	last := func(mo time.Month, wd time.Weekday) time.Time {
		t := date(y, mo+1, 1).AddDate(0, 0, -1)
		for t.Weekday() != wd {
			t = t.AddDate(0, 0, -1)
		}
		return t
	}
	switch name {
	case "christmas", "christmas day":
		return date(y, 12, 25), true
	case "christmas eve":
		return date(y, 12, 24), true
	case "new year's", "new year's day":
		return date(y, 1, 1), true
	case "new year's eve":
		return date(y, 12, 31), true
	case "thanksgiving", "thanksgiving day":
		return nth(time.November, time.Thursday, 4), true
	case "independence day":
		return date(y, 7, 4), true
	case "labor day":
		return nth(time.September, time.Monday, 1), true
	case "memorial day":
		return last(time.May, time.Monday), true
	case "halloween":
		return date(y, 10, 31), true
	case "valentine's day":
		return date(y, 2, 14), true
	case "election day":
		return nth(time.November, time.Monday, 1).AddDate(0, 0, 1), true
	case "boxing day":
		return date(y, 12, 26), true
	case "veterans day":
		return date(y, 11, 11), true
	case "easter", "easter sunday":
		// Anonymous Gregorian algorithm.
		a, b, c := y%19, y/100, y%100
		d, e := b/4, b%4
		f := (b + 8) / 25
		g := (b - f + 1) / 3
		h := (19*a + b - d - g + 15) % 30
		i, k := c/4, c%4
		l := (32 + 2*e + 2*i - h - k) % 7
		mm := (a + 11*h + 22*l) / 451
		month := (h + l - 7*mm + 114) / 31
		day := (h+l-7*mm+114)%31 + 1
		return date(y, time.Month(month), day), true
	}
	return time.Time{}, false
}

// spelledYear reads "nineteen ninety-six", "nineteen hundred and five",
// "two thousand one".
func spelledYear(s string) (int, bool) {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "-", " ")), " ")
	s = strings.ReplaceAll(s, " and", "")
	switch {
	case strings.HasPrefix(s, "nineteen"):
		rest := strings.TrimSpace(strings.TrimPrefix(s, "nineteen"))
		rest = strings.TrimSpace(strings.TrimPrefix(rest, "hundred"))
		rest = strings.TrimSpace(strings.TrimPrefix(rest, "oh"))
		if rest == "" {
			return 1900, true
		}
		n, vague, ok := numberOf(rest)
		if !ok || vague || n >= 100 {
			return 0, false
		}
		return 1900 + int(n), true
	case strings.HasPrefix(s, "two thousand"):
		rest := strings.TrimSpace(strings.TrimPrefix(s, "two thousand"))
		if rest == "" {
			return 2000, true
		}
		n, vague, ok := numberOf(rest)
		if !ok || vague || n >= 100 {
			return 0, false
		}
		return 2000 + int(n), true
	}
	return 0, false
}

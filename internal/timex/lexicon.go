package timex

import (
	"strconv"
	"strings"
	"time"
)

// Word classes the rules are written over. Each is a regular-expression
// fragment (matched case-insensitively; rules that need capitalisation check
// it on the matched text) and, where a value is read from it, a literal table.

const (
	reMonth = `(?:january|february|march|april|may|june|july|august|september|october|november|december|` +
		`jan\b\.?|feb\b\.?|mar\b\.?|apr\b\.?|jun\b\.?|jul\b\.?|aug\b\.?|sept\b\.?|sep\b\.?|oct\b\.?|nov\b\.?|dec\b\.?)`
	reWeekday = `(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)`
	reYear    = `(?:1[0-9]{3}|20[0-9]{2})`
	reDay     = `(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?`
	reUnits1  = `(?:one|two|three|four|five|six|seven|eight|nine)`
	reTens    = `(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)`
	reTeens   = `(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)`
	reNumber  = `(?:\d+\s+[13]/[24]|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|` + reTens + `(?:[- ]` + reUnits1 + `)?|` + reTeens + `|` + reUnits1 +
		`|(?:a|one) hundred|a dozen|half a|a half|one and a half|two and a half|a couple of|a couple|couple of)`
	reVague  = `(?:several|a few|few|many|some|a number of|numerous|countless|dozens of|hundreds of|thousands of)`
	reUnit   = `(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century|quarters?|nights?|weekends?|fortnights?|(?:trading|business|working)\s+days?|(?:trading|business)\s+sessions?)`
	reOrd    = `(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|1st|2nd|3rd|4th|[5-9]th|1[0-9]th|2[01]st|21st|20th)`
	reSeason = `(?:spring|summer|autumn|fall|winter)`
	rePOD    = `(?:morning|afternoon|evening|night|mid-?day|mid-?afternoon|mid-?morning)`
)

var monthByPrefix = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August,
	"sep": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
}

// monthOf reads a month name or abbreviation.
func monthOf(s string) (time.Month, bool) {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0, false
	}
	m, ok := monthByPrefix[s[:3]]
	return m, ok
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

var seasons = map[string]string{"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

// seasonMonth is a month inside the season, so that a season point has a
// date to shift and a year to print.
var seasonMonth = map[string]time.Month{"SP": time.April, "SU": time.July, "FA": time.October, "WI": time.January}

var partsOfDay = map[string]string{
	"morning": "MO", "mid-morning": "MO", "midmorning": "MO",
	"afternoon": "AF", "mid-afternoon": "AF", "midafternoon": "AF",
	"midday": "AF", "mid-day": "AF",
	"evening": "EV", "night": "NI", "tonight": "NI", "overnight": "NI",
}

var smallNumbers = map[string]float64{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100, "one hundred": 100, "a dozen": 12,
	"half a": 0.5, "a half": 0.5, "one and a half": 1.5, "two and a half": 2.5,
}

// numberOf reads a number written in digits or words; vague amounts
// ("several", "a few") report vague.
func numberOf(s string) (n float64, vague, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return 0, false, false
	}
	if v, ok := smallNumbers[s]; ok {
		return v, false, true
	}
	if s[0] >= '0' && s[0] <= '9' {
		if w, frac, ok := strings.Cut(s, " "); ok {
			// "2 1/2"
			whole, err := strconv.Atoi(w)
			f, fok := map[string]float64{"1/2": 0.5, "1/4": 0.25, "3/4": 0.75}[strings.TrimSpace(frac)]
			return float64(whole) + f, false, err == nil && fok
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
		return v, false, err == nil
	}
	for _, sep := range []string{"-", " "} {
		if i := strings.Index(s, sep); i > 0 {
			t, ok1 := smallNumbers[s[:i]]
			u, ok2 := smallNumbers[s[i+1:]]
			if ok1 && ok2 && t >= 20 && u < 10 {
				return t + u, false, true
			}
		}
	}
	switch s {
	case "a couple of", "a couple", "couple of":
		return 2, false, true
	}
	if strings.HasPrefix(s, "several") || strings.Contains(s, "few") || s == "many" || s == "some" ||
		strings.Contains(s, "number of") || s == "numerous" || s == "countless" || strings.HasSuffix(s, " of") {
		return 0, true, true
	}
	return 0, false, false
}

var ordinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
	"ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
	"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
	"final": 4, "last": 4,
}

// ordinalOf reads "third", "3rd", "21st".
func ordinalOf(s string) (int, bool) {
	s = strings.ToLower(s)
	if v, ok := ordinals[s]; ok {
		return v, true
	}
	s = strings.TrimRight(s, "stndrh")
	v, err := strconv.Atoi(s)
	return v, err == nil
}

// unitOf maps a unit word to its TimeML duration designator and whether it
// belongs after the T (hours, minutes, seconds), with a multiplier for units
// TimeML spells through another (a decade is ten years).
func unitOf(s string) (designator string, timePart bool, mult float64, g gran, ok bool) {
	s = strings.ToLower(s)
	s = strings.Join(strings.Fields(s), " ")
	for _, p := range []string{"trading ", "business ", "working "} {
		s = strings.TrimPrefix(s, p)
	}
	s = strings.TrimSuffix(s, "s")
	switch s {
	case "year":
		return "Y", false, 1, granYear, true
	case "month":
		return "M", false, 1, granMonth, true
	case "week":
		return "W", false, 1, granWeek, true
	case "weekend":
		// a weekend lasts two days (TimeBank: "the weekend" as a span is
		// P2D); placed, it moves by whole weeks
		return "D", false, 2, granWeek, true
	case "fortnight":
		return "W", false, 2, granWeek, true
	case "day", "night", "session":
		return "D", false, 1, granDay, true
	case "hour":
		return "H", true, 1, granHour, true
	case "minute":
		return "M", true, 1, granMinute, true
	case "second":
		return "S", true, 1, granMinute, true
	case "decade":
		return "Y", false, 10, granDecade, true
	case "century", "centurie":
		return "Y", false, 100, granCentury, true
	case "quarter":
		return "Q", false, 1, granQuarter, true
	}
	return "", false, 0, 0, false
}

// durationValue writes n units as a TimeML duration; vague amounts use X.
func durationValue(n float64, vague bool, unit string) (string, bool) {
	d, tp, mult, _, ok := unitOf(unit)
	if !ok {
		return "", false
	}
	amount := "X"
	if !vague {
		v := n * mult
		if v <= 0 || v > 1e6 {
			return "", false
		}
		if v != float64(int64(v)) {
			// TimeML writes a fraction as the whole units and the rest in
			// the next smaller unit: P2Y6M, PT5H30M, P1DT12H.
			if val, ok := splitFraction(v, d, tp); ok {
				return val, true
			}
		}
		amount = strconv.FormatFloat(v, 'f', -1, 64)
	}
	if tp {
		return "PT" + amount + d, true
	}
	return "P" + amount + d, true
}

// splitFraction writes a fractional amount v of unit d as whole units and
// the remainder one unit down ("2.5 years" is P2Y6M). It reports false when
// the remainder is not a whole number of the smaller unit (the amount then
// stays decimal).
func splitFraction(v float64, d string, tp bool) (string, bool) {
	type down struct {
		unit   string
		tp     bool
		factor float64
	}
	next := map[string]down{"Y": {"M", false, 12}, "M": {"D", false, 30}, "W": {"D", false, 7}, "D": {"H", true, 24}}
	if tp {
		next = map[string]down{"H": {"M", true, 60}, "M": {"S", true, 60}}
	}
	n, ok := next[d]
	if !ok {
		return "", false
	}
	whole := float64(int64(v))
	rest := (v - whole) * n.factor
	if rest != float64(int64(rest)) {
		return "", false
	}
	num := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	restPart := num(rest) + n.unit
	var b strings.Builder
	b.WriteString("P")
	if whole > 0 {
		if tp {
			b.WriteString("T")
		}
		b.WriteString(num(whole) + d)
	}
	if n.tp && !strings.Contains(b.String(), "T") {
		b.WriteString("T")
	}
	b.WriteString(restPart)
	return b.String(), true
}

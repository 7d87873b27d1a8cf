package structure

import (
	"strings"
	"time"
)

// monthNames maps lower-case month names and their usual abbreviations to
// months. Built once, read only.
var monthNames = map[string]time.Month{
	"january": time.January, "jan": time.January,
	"february": time.February, "feb": time.February,
	"march": time.March, "mar": time.March,
	"april": time.April, "apr": time.April,
	"may":  time.May,
	"june": time.June, "jun": time.June,
	"july": time.July, "jul": time.July,
	"august": time.August, "aug": time.August,
	"september": time.September, "sep": time.September, "sept": time.September,
	"october": time.October, "oct": time.October,
	"november": time.November, "nov": time.November,
	"december": time.December, "dec": time.December,
}

// zoneAbbrevs are the zone abbreviations common in English-language news
// datelines, with their UTC offsets in seconds. Ambiguous ones (IST, CST in
// Asia) take the reading most common in wire copy.
var zoneAbbrevs = map[string]int{
	"UTC": 0, "GMT": 0, "WET": 0,
	"BST": 3600, "CET": 3600, "WEST": 3600,
	"CEST": 7200, "EET": 7200,
	"EEST": 10800, "MSK": 10800,
	"EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
	"MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600,
	"JST": 9 * 3600, "KST": 9 * 3600, "HKT": 8 * 3600, "SGT": 8 * 3600,
	"AEST": 10 * 3600, "AEDT": 11 * 3600, "IST": 5*3600 + 1800,
}

var weekdayNames = map[string]bool{
	"monday": true, "mon": true, "tuesday": true, "tue": true, "tues": true,
	"wednesday": true, "wed": true, "thursday": true, "thu": true, "thur": true, "thurs": true,
	"friday": true, "fri": true, "saturday": true, "sat": true, "sunday": true, "sun": true,
}

// ParseDate parses a whole string as a date (see ParseDatePrefix for the
// forms), allowing surrounding spaces.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	t, n, ok := ParseDatePrefix(s)
	if !ok || strings.TrimSpace(s[n:]) != "" {
		return time.Time{}, false
	}
	return t, true
}

// ParseDatePrefix parses a date at the start of s and returns it with the
// number of bytes it used. Metadata dates may share their line with the
// article's first words ("date 2021-06-14 Germany's Chancellor …"), so the
// parser must say where the date ends rather than demand the whole string.
//
// Forms: 2021-06-14, 2021/06/14, 2021.06.14, RFC 3339 (2021-06-14T09:30:00Z,
// with space instead of T too), 14 June 2021, 14 Jun. 2021, 14-Jun-2021,
// June 14, 2021, Jun 14 2021, 14.06.2021 and 14/06/2021 (day first unless the
// middle number cannot be a month), each optionally preceded by a weekday
// ("Monday, ") and followed by a time (09:30, 09:30:15) and a zone (Z, UTC,
// GMT, +02:00, +0200), as in RFC 1123 feed dates. Dates without a zone are
// UTC.
func ParseDatePrefix(s string) (time.Time, int, bool) {
	p := 0
	// Optional weekday.
	if w, n := scanWord(s); n > 0 && weekdayNames[strings.ToLower(w)] {
		q := n
		if q < len(s) && s[q] == '.' {
			q++
		}
		if q < len(s) && s[q] == ',' {
			q++
		}
		q = skipSpaces(s, q)
		if q > n {
			p = q
		}
	}
	y, mo, d, n, ok := scanCalendar(s[p:])
	if !ok || !validDate(y, mo, d) {
		return time.Time{}, 0, false
	}
	p += n
	hh, mm, ss, nsec := 0, 0, 0, 0
	loc := time.UTC
	// Optional time: "T09:30" or " 09:30", then an optional zone.
	if q := p; q < len(s) && (s[q] == 'T' || s[q] == ' ' || s[q] == ',') {
		q++ // past 'T', ' ' or ','
		q = skipSpaces(s, q)
		if h, m, sec, ns, n2, ok2 := scanClock(s[q:]); ok2 {
			hh, mm, ss, nsec = h, m, sec, ns
			p = q + n2
			if z, n3, ok3 := scanZone(s[p:]); ok3 {
				loc = z
				p += n3
			}
		}
	}
	if p < len(s) && isAlnumByte(s[p]) {
		return time.Time{}, 0, false // "2021-06-14abc" is no date
	}
	return time.Date(y, mo, d, hh, mm, ss, nsec, loc), p, true
}

// scanCalendar reads the date part in one of the accepted orders.
func scanCalendar(s string) (y int, mo time.Month, d int, n int, ok bool) {
	if len(s) == 0 {
		return
	}
	if isDigit(s[0]) {
		a, na := scanInt(s, 4)
		if na == 4 && na < len(s) && isDateSep(s[na]) {
			// Year first: 2021-06-14.
			sep := s[na]
			m, nm := scanInt(s[na+1:], 2)
			q := na + 1 + nm
			if nm == 0 || q >= len(s) || s[q] != sep {
				return
			}
			dd, nd := scanInt(s[q+1:], 2)
			if nd == 0 {
				return
			}
			return a, time.Month(m), dd, q + 1 + nd, true
		}
		if na == 0 || na > 2 {
			return
		}
		q := na
		if q < len(s) && isDateSep(s[q]) && q+1 < len(s) && isDigit(s[q+1]) {
			// Numeric day first: 14.06.2021, 14/06/2021.
			sep := s[q]
			b, nb := scanInt(s[q+1:], 2)
			r := q + 1 + nb
			if r >= len(s) || s[r] != sep {
				return
			}
			yy, ny := scanInt(s[r+1:], 4)
			if ny != 4 {
				return
			}
			day, month := a, b
			if b > 12 && a <= 12 {
				day, month = b, a
			}
			return yy, time.Month(month), day, r + 1 + ny, true
		}
		// Day then month name: 14 June 2021, 14-Jun-2021, 14th June 2021.
		q = skipOrdinal(s, q)
		if q < len(s) && (s[q] == ' ' || s[q] == '-') {
			q++
		}
		w, nw := scanWord(s[q:])
		m, okm := monthNames[strings.ToLower(w)]
		if nw == 0 || !okm {
			return
		}
		q += nw
		if q < len(s) && s[q] == '.' {
			q++
		}
		if q < len(s) && s[q] == ',' {
			q++
		}
		if q < len(s) && (s[q] == ' ' || s[q] == '-') {
			q++
		}
		yy, ny := scanInt(s[q:], 4)
		if ny != 4 {
			return
		}
		return yy, m, a, q + ny, true
	}
	// Month name first: June 14, 2021.
	w, nw := scanWord(s)
	m, okm := monthNames[strings.ToLower(w)]
	if nw == 0 || !okm {
		return
	}
	q := nw
	if q < len(s) && s[q] == '.' {
		q++
	}
	q = skipSpaces(s, q)
	dd, nd := scanInt(s[q:], 2)
	if nd == 0 {
		return
	}
	q = skipOrdinal(s, q+nd)
	if q < len(s) && s[q] == ',' {
		q++
	}
	q = skipSpaces(s, q)
	yy, ny := scanInt(s[q:], 4)
	if ny != 4 {
		return
	}
	return yy, m, dd, q + ny, true
}

// scanClock reads HH:MM[:SS[.frac]].
func scanClock(s string) (h, m, sec, nsec, n int, ok bool) {
	h, nh := scanInt(s, 2)
	if nh == 0 || nh >= len(s) || s[nh] != ':' {
		return
	}
	m, nm := scanInt(s[nh+1:], 2)
	if nm != 2 {
		return
	}
	n = nh + 1 + nm
	if n < len(s) && s[n] == ':' {
		v, nv := scanInt(s[n+1:], 2)
		if nv == 2 {
			sec = v
			n += 1 + nv
			if n < len(s) && s[n] == '.' {
				q := n + 1
				scale := 100000000
				for q < len(s) && isDigit(s[q]) {
					nsec += int(s[q]-'0') * scale
					scale /= 10
					q++
				}
				if q > n+1 {
					n = q
				}
			}
		}
	}
	if h > 23 || m > 59 || sec > 60 {
		return 0, 0, 0, 0, 0, false
	}
	return h, m, sec, nsec, n, true
}

// scanZone reads Z, ±hh:mm, ±hhmm, or " UTC"/" GMT".
func scanZone(s string) (*time.Location, int, bool) {
	if len(s) == 0 {
		return nil, 0, false
	}
	if s[0] == 'Z' {
		return time.UTC, 1, true
	}
	q := skipSpaces(s, 0)
	if w, n := scanWord(s[q:]); n >= 3 && n <= 4 {
		if off, ok := zoneAbbrevs[w]; ok {
			if off == 0 {
				return time.UTC, q + n, true
			}
			return time.FixedZone(w, off), q + n, true
		}
	}
	if q < len(s) && (s[q] == '+' || s[q] == '-') {
		sign := 1
		if s[q] == '-' {
			sign = -1
		}
		hh, nh := scanInt(s[q+1:], 2)
		if nh != 2 {
			return nil, 0, false
		}
		r := q + 1 + nh
		if r < len(s) && s[r] == ':' {
			r++
		}
		mm, nm := scanInt(s[r:], 2)
		if nm != 2 {
			mm = 0
		}
		if hh > 14 || mm > 59 {
			return nil, 0, false
		}
		off := sign * (hh*3600 + mm*60)
		return time.FixedZone("", off), r + nm, true
	}
	return nil, 0, false
}

func validDate(y int, m time.Month, d int) bool {
	if y < 1000 || m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func scanInt(s string, max int) (v, n int) {
	for n < len(s) && n < max && isDigit(s[n]) {
		v = v*10 + int(s[n]-'0')
		n++
	}
	return v, n
}

func scanWord(s string) (string, int) {
	n := 0
	for n < len(s) && isLetterByte(s[n]) {
		n++
	}
	return s[:n], n
}

func skipOrdinal(s string, q int) int {
	if q+2 <= len(s) {
		switch strings.ToLower(s[q : q+2]) {
		case "st", "nd", "rd", "th":
			if q+2 == len(s) || !isLetterByte(s[q+2]) {
				return q + 2
			}
		}
	}
	return q
}

func skipSpaces(s string, q int) int {
	for q < len(s) && (s[q] == ' ' || s[q] == '\t') {
		q++
	}
	return q
}

func isDigit(c byte) bool      { return c >= '0' && c <= '9' }
func isLetterByte(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isAlnumByte(c byte) bool  { return isDigit(c) || isLetterByte(c) }
func isDateSep(c byte) bool    { return c == '-' || c == '/' || c == '.' }

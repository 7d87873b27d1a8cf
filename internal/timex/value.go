package timex

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// gran is the granularity of a resolved calendar point; it decides how the
// point is written as a TimeML value and how it shifts.
type gran int

const (
	granCentury gran = iota
	granDecade
	granYear
	granHalf
	granQuarter
	granSeason
	granMonth
	granWeek
	granWeekend
	granDay
	granPartOfDay
	granHour
	granMinute
)

// point is a calendar point at some granularity. t holds the first instant
// the point covers (for seasons and parts of day, any day inside it); sub
// carries the season or part-of-day code ("SU", "MO").
type point struct {
	t   time.Time
	g   gran
	sub string
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// value writes the point as a TimeML value.
func (p point) value() string {
	y := p.t.Year()
	switch p.g {
	case granCentury:
		return fmt.Sprintf("%02d", y/100)
	case granDecade:
		// TimeML 1.2.1 writes a decade as its first three digits ("the
		// 1990s" is 199), as TimeBank does.
		return fmt.Sprintf("%03d", y/10)
	case granYear:
		return fmt.Sprintf("%04d", y)
	case granHalf:
		return fmt.Sprintf("%04d-H%d", y, (int(p.t.Month())-1)/6+1)
	case granQuarter:
		return fmt.Sprintf("%04d-Q%d", y, (int(p.t.Month())-1)/3+1)
	case granSeason:
		return fmt.Sprintf("%04d-%s", y, p.sub)
	case granMonth:
		return fmt.Sprintf("%04d-%02d", y, int(p.t.Month()))
	case granWeek, granWeekend:
		wy, w := p.t.ISOWeek()
		if p.g == granWeekend {
			return fmt.Sprintf("%04d-W%02d-WE", wy, w)
		}
		return fmt.Sprintf("%04d-W%02d", wy, w)
	case granDay:
		return p.t.Format("2006-01-02")
	case granPartOfDay:
		return p.t.Format("2006-01-02") + "T" + p.sub
	case granHour, granMinute:
		return p.t.Format("2006-01-02T15:04")
	}
	return ""
}

// shift moves the point by n of its own units.
func (p point) shift(n int) point {
	t := p.t
	switch p.g {
	case granCentury:
		t = t.AddDate(100*n, 0, 0)
	case granDecade:
		t = t.AddDate(10*n, 0, 0)
	case granYear, granSeason:
		t = t.AddDate(n, 0, 0)
	case granHalf:
		t = t.AddDate(0, 6*n, 0)
	case granQuarter:
		t = t.AddDate(0, 3*n, 0)
	case granMonth:
		t = date(t.Year(), t.Month(), 1).AddDate(0, n, 0)
	case granWeek, granWeekend:
		t = t.AddDate(0, 0, 7*n)
	case granDay, granPartOfDay:
		t = t.AddDate(0, 0, n)
	case granHour:
		t = t.Add(time.Duration(n) * time.Hour)
	case granMinute:
		t = t.Add(time.Duration(n) * time.Minute)
	}
	return point{t: t, g: p.g, sub: p.sub}
}

// coarsen returns the point at a coarser (or equal) granularity.
func (p point) at(g gran) point { return point{t: p.t, g: g, sub: p.sub} }

// validValue matches every value form the tagger may produce, following the
// TIMEX3 value grammar of TimeML 1.2 (ISO 8601 with TimeML's extensions: X
// placeholders, seasons, quarters, halves, parts of day, week-ends, the
// *_REF tokens and durations with X for vague amounts).
var validValue = regexp.MustCompile(`^(?:` +
	`PRESENT_REF|PAST_REF|FUTURE_REF` +
	`|[0-9X]{2}|[0-9]{3}X?|[0-9X]{4}` +
	`|[0-9X]{4}-(?:[0-9X]{2}|Q[1-4X]|H[12X]|SP|SU|FA|WI|W[0-9X]{2}(?:-WE|-[1-7])?)` +
	`|XXXX-WXX-[1-7](?:T(?:MO|AF|EV|NI))?` +
	`|[0-9X]{4}-[0-9X]{2}-[0-9X]{2}(?:T(?:MO|AF|EV|NI|DT|[0-9]{2}(?::[0-9]{2}(?::[0-9]{2})?)?Z?))?` +
	`|P(?:[0-9X]+(?:\.[0-9]+)?(?:Y|M|W|D|DE|CE|Q|H))+|PT(?:[0-9X]+(?:\.[0-9]+)?[HMS])+` +
	`|P[0-9X]+(?:Y|M|W|D)T(?:[0-9X]+[HMS])+` +
	`)$`)

// ValidValue reports whether v is a well-formed TimeML TIMEX3 value of a form
// this package produces, and for calendar dates whether the date exists.
func ValidValue(v string) bool {
	if !validValue.MatchString(v) {
		return false
	}
	if len(v) >= 10 && v[4] == '-' && v[7] == '-' && v[0] != 'X' && v[5] != 'X' && v[8] != 'X' {
		y, _ := strconv.Atoi(v[0:4])
		m, _ := strconv.Atoi(v[5:7])
		d, _ := strconv.Atoi(v[8:10])
		if m < 1 || m > 12 || d < 1 || d > 31 {
			return false
		}
		if date(y, time.Month(m), d).Day() != d {
			return false
		}
	}
	if len(v) == 7 && v[4] == '-' && v[5] >= '0' && v[5] <= '9' {
		m, err := strconv.Atoi(v[5:7])
		if err == nil && (m < 1 || m > 12) {
			return false
		}
	}
	return true
}

package compose

import (
	"strconv"
	"time"
)

// period is the stretch of days a TimeML date value covers.
type period struct {
	value     string
	start     time.Time // first day
	end       time.Time // last day
	precision string
}

// parsePeriod reads the TimeML date values a timeline can place: days,
// ISO weeks, months, quarters, half years and years. Everything else
// (PRESENT_REF, decades, durations, times of day without a date) is not a
// point on the timeline and returns false.
func parsePeriod(value, mod string) (period, bool) {
	p := period{value: value}
	n := len(value)
	if n < 4 || !digits(value[:4]) {
		return p, false
	}
	year, _ := strconv.Atoi(value[:4])
	if year < 1000 {
		return p, false
	}
	switch {
	case n == 4:
		p.start = time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
		p.end = p.start.AddDate(1, 0, -1)
		p.precision = PrecisionYear
	case n == 7 && value[4] == '-' && digits(value[5:7]):
		m, _ := strconv.Atoi(value[5:7])
		if m < 1 || m > 12 {
			return p, false
		}
		p.start = time.Date(year, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		p.end = p.start.AddDate(0, 1, -1)
		p.precision = PrecisionMonth
	case n >= 10 && value[4] == '-' && value[7] == '-' && digits(value[5:7]) && digits(value[8:10]):
		t, err := time.Parse("2006-01-02", value[:10])
		if err != nil {
			return p, false
		}
		p.value = value[:10] // a time of day is dated by its day
		p.start, p.end = t, t
		p.precision = PrecisionDay
	case n == 8 && value[4] == '-' && value[5] == 'W' && digits(value[6:8]):
		w, _ := strconv.Atoi(value[6:8])
		if w < 1 || w > 53 {
			return p, false
		}
		// ISO week 1 holds January 4th.
		jan4 := time.Date(year, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
		p.start = monday.AddDate(0, 0, 7*(w-1))
		p.end = p.start.AddDate(0, 0, 6)
		p.precision = PrecisionWeek
	case n == 7 && value[4] == '-' && (value[5] == 'Q' || value[5] == 'H') && value[6] >= '1' && value[6] <= '4':
		k := int(value[6] - '0')
		months := 3
		if value[5] == 'H' {
			if k > 2 {
				return p, false
			}
			months = 6
		}
		p.start = time.Date(year, time.Month(1+months*(k-1)), 1, 0, 0, 0, 0, time.UTC)
		p.end = p.start.AddDate(0, months, -1)
		p.precision = PrecisionApprox
	default:
		return p, false
	}
	switch mod {
	case "APPROX", "START", "MID", "END", "EARLY", "LATE", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN":
		p.precision = PrecisionApprox
	}
	return p, true
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

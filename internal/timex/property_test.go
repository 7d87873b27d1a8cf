package timex

import (
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// sentenceGen builds text from temporal vocabulary and noise, so the rules
// are exercised far more often than arbitrary strings would.
func sentenceGen() *rapid.Generator[string] {
	words := []string{"on", "in", "the", "last", "next", "this", "a", "ago", "later", "earlier", "said", "will",
		"Monday", "Friday", "June", "May", "Oct.", "5", "31", "2021", "1999", "1990s", "'80s", "year", "years",
		"week", "quarter", "third", "fiscal", "three", "twenty-four", "several", "hours", "days", "early", "late",
		"mid-", "the end of", "every", "daily", "a.m.", "p.m.", "10:30", "noon", "tonight", "yesterday", "now",
		"summer", "fall", "spring", "Christmas", "-old", "about", "more than", ",", ".", "\n", "$", "%", "é", "\xff",
		"1/2", "and a half", "half of", "first", "-long", "the day before", "after", "night", "morning",
		"nineteen", "ninety-four", "two thousand", "recent", "the week of", "old", "million",
		"mid afternoon", "the previous", "overnight", "-to-", "Today", "'s", "\"", "until", "could", "one day"}
	return rapid.Custom(func(t *rapid.T) string {
		n := rapid.IntRange(0, 30).Draw(t, "n")
		var b strings.Builder
		for i := 0; i < n; i++ {
			if rapid.Bool().Draw(t, "noise") {
				b.WriteString(rapid.String().Draw(t, "s"))
			} else {
				b.WriteString(rapid.SampledFrom(words).Draw(t, "w"))
			}
			b.WriteString(rapid.SampledFrom([]string{" ", "", "  ", "-"}).Draw(t, "sep"))
		}
		return b.String()
	})
}

// Every expression has a valid TimeML value, a known type, a span inside the
// text that matches its Text, and expressions do not overlap.
func TestTagProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		text := sentenceGen().Draw(t, "text")
		var ref time.Time
		if rapid.Bool().Draw(t, "hasDCT") {
			ref = time.Date(rapid.IntRange(1, 9999).Draw(t, "y"), time.Month(rapid.IntRange(1, 12).Draw(t, "m")), rapid.IntRange(1, 28).Draw(t, "d"), 0, 0, 0, 0, time.UTC)
		}
		xs := NewTagger().Tag(text, ref)
		prevEnd := 0
		for _, x := range xs {
			if !ValidValue(x.Value) {
				t.Fatalf("invalid value %q for %q in %q", x.Value, x.Text, text)
			}
			switch x.Type {
			case "DATE", "TIME", "DURATION", "SET":
			default:
				t.Fatalf("type %q", x.Type)
			}
			if x.Span.Start < prevEnd || x.Span.End > len(text) || x.Span.Start >= x.Span.End || text[x.Span.Start:x.Span.End] != x.Text {
				t.Fatalf("bad span %+v in %q", x, text)
			}
			prevEnd = x.Span.End
		}
	})
}

// Normalisation helpers never panic on arbitrary strings.
func TestNormalisersNeverPanic(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.String().Draw(t, "s")
		numberOf(s)
		spelledYear(s)
		ordinalOf(s)
		monthOf(s)
		unitOf(s)
		yearOf(s)
		dayOf(s)
		pmodOf(s)
		dmodOf(s)
		ValidValue(s)
		NewTagger().Tag(s, time.Time{})
	})
}

// Any calendar point, shifted any amount, prints a valid value.
func TestPointValuesValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := point{
			t:   time.Date(rapid.IntRange(1000, 2999).Draw(t, "y"), time.Month(rapid.IntRange(1, 12).Draw(t, "m")), rapid.IntRange(1, 28).Draw(t, "d"), 0, 0, 0, 0, time.UTC),
			g:   gran(rapid.IntRange(int(granCentury), int(granMinute)).Draw(t, "g")),
			sub: rapid.SampledFrom([]string{"SU", "WI", "FA", "SP"}).Draw(t, "season"),
		}
		if p.g == granPartOfDay {
			p.sub = rapid.SampledFrom([]string{"MO", "AF", "EV", "NI"}).Draw(t, "pod")
		}
		q := p.shift(rapid.IntRange(-50, 50).Draw(t, "k"))
		if q.t.Year() < 1000 || q.t.Year() > 9999 {
			return
		}
		if v := q.value(); !ValidValue(v) {
			t.Fatalf("point %+v prints invalid value %q", q, v)
		}
	})
}

func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"He said on Thursday that sales fell 5% last year.",
		"WASHINGTON, June 13, 2005 (Reuters) - Two days later, at 10:30 a.m. EST Tuesday, the three-week-old strike ended.",
		"the year-earlier quarter, fiscal 1989, the mid-1990s, every Monday, twice a year",
		"nineteen ninety-six; the end of the month; Christmas Eve 2020; 2021-06-14T14:00",
		"\xff\xfe May", "", "1/2/03 12:00",
		"for 2 1/2 years, a minute and a half later, the last half of 1989, January nineteen ninety-seven",
		"Nov. 3, the day before the vote; the day before last Tuesday; a decades-long feud over the years",
		"Friday morning, Saturday night, February this year, the week of March 6, 52 years old, $5 a year",
		"By mid afternoon, the previous Friday, overnight losses, the quarter-to-quarter rise, USA Today, today's youth",
		"Until Thursday, they could not; their 6-month-old son; CBS's ''60 Minutes''; will one day; expected to last two weeks",
	} {
		f.Add(s, int64(0))
		f.Add(s, int64(1623628800))
	}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		var ref time.Time
		if unix != 0 {
			ref = time.Unix(unix%(1<<36), 0).UTC()
		}
		for _, x := range NewTagger().Tag(text, ref) {
			if x.Span.Start < 0 || x.Span.End > len(text) || x.Span.Start >= x.Span.End || text[x.Span.Start:x.Span.End] != x.Text {
				t.Fatalf("bad span %+v", x)
			}
			if !ValidValue(x.Value) {
				t.Fatalf("invalid value %q", x.Value)
			}
		}
	})
}

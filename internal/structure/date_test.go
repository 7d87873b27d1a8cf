package structure

import (
	"testing"
	"time"
)

func TestParseDatePrefix(t *testing.T) {
	utc := func(y int, m time.Month, d, hh, mm, ss int) time.Time {
		return time.Date(y, m, d, hh, mm, ss, 0, time.UTC)
	}
	tests := []struct {
		in   string
		want time.Time
		n    int // bytes used; -1 for no date
	}{
		{"2021-06-14", utc(2021, 6, 14, 0, 0, 0), 10},
		{"2021-06-14 Germany's Chancellor", utc(2021, 6, 14, 0, 0, 0), 10},
		{"2021/06/14", utc(2021, 6, 14, 0, 0, 0), 10},
		{"2021-6-4", utc(2021, 6, 4, 0, 0, 0), 8},
		{"14 June 2021", utc(2021, 6, 14, 0, 0, 0), 12},
		{"14th June 2021", utc(2021, 6, 14, 0, 0, 0), 14},
		{"14 Jun. 2021", utc(2021, 6, 14, 0, 0, 0), 12},
		{"26-FEB-1987", utc(1987, 2, 26, 0, 0, 0), 11},
		{"June 14, 2021", utc(2021, 6, 14, 0, 0, 0), 13},
		{"Jun 14 2021 rest", utc(2021, 6, 14, 0, 0, 0), 11},
		{"14.06.2021", utc(2021, 6, 14, 0, 0, 0), 10},
		{"06/14/2021", utc(2021, 6, 14, 0, 0, 0), 10},
		{"2021-06-14T09:30:15Z", utc(2021, 6, 14, 9, 30, 15), 20},
		{"2021-06-14 09:30", utc(2021, 6, 14, 9, 30, 0), 16},
		{"Mon, 14 Jun 2021 09:30:00 GMT", utc(2021, 6, 14, 9, 30, 0), 29},
		{"Monday, June 14, 2021", utc(2021, 6, 14, 0, 0, 0), 21},
		{"2021-02-30", time.Time{}, -1},
		{"2021-06-14abc", time.Time{}, -1},
		{"June 2021", time.Time{}, -1},
		{"14 Juno 2021", time.Time{}, -1},
		{"", time.Time{}, -1},
		{"12345", time.Time{}, -1},
	}
	for _, tc := range tests {
		got, n, ok := ParseDatePrefix(tc.in)
		if tc.n < 0 {
			if ok {
				t.Errorf("ParseDatePrefix(%q) = %v, want no date", tc.in, got)
			}
			continue
		}
		if !ok || n != tc.n || !got.Equal(tc.want) {
			t.Errorf("ParseDatePrefix(%q) = %v, %d, %v; want %v, %d", tc.in, got, n, ok, tc.want, tc.n)
		}
	}
	for in, want := range map[string]time.Time{
		"2019-11-05 14:30 CET":          time.Date(2019, 11, 5, 13, 30, 0, 0, time.UTC),
		"Tue, 05 Nov 2019 09:30:00 EST": time.Date(2019, 11, 5, 14, 30, 0, 0, time.UTC),
		"5 Nov 2019 09:30 GMT":          time.Date(2019, 11, 5, 9, 30, 0, 0, time.UTC),
	} {
		if got, _, ok := ParseDatePrefix(in); !ok || !got.Equal(want) {
			t.Errorf("ParseDatePrefix(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	zoned, _, ok := ParseDatePrefix("2020-09-30T14:05:00+02:00")
	if !ok || !zoned.Equal(time.Date(2020, 9, 30, 12, 5, 0, 0, time.UTC)) {
		t.Errorf("offset date = %v, %v", zoned, ok)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2021-06-14", "14 June 2021", "June 14, 2021", "Mon, 14 Jun 2021 09:30:00 +0200", "2021-06-14T09:30:15.123Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, n, ok := ParseDatePrefix(s)
		if ok && (n <= 0 || n > len(s)) {
			t.Fatalf("used %d bytes of %d", n, len(s))
		}
	})
}

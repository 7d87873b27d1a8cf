package text

import "testing"

func TestDateline(t *testing.T) {
	for _, tc := range []struct {
		in, rest string
	}{
		{"DOHA, March 9 (Northbridge Wire) - The government of Varenia agreed.", "The government of Varenia agreed."},
		{"BELVAR, Varenia, March 12 (Northbridge Wire) - The number of people rose.", "The number of people rose."},
		{"NEW YORK (Reuters) — Stocks fell on Monday.", "Stocks fell on Monday."},
		{"WASHINGTON, June 13, 2005 -- The Senate voted.", "The Senate voted."},
		{"LONDON - \"We will not give in,\" she said.", "\"We will not give in,\" she said."},
		// not datelines
		{"Talks - which resumed on Monday - stalled.", "Talks - which resumed on Monday - stalled."},
		{"UN envoy - a veteran of the region - arrived.", "UN envoy - a veteran of the region - arrived."},
		{"DOHA, where talks resumed - The government agreed.", "DOHA, where talks resumed - The government agreed."},
		{"DOHA - the talks resumed.", "DOHA - the talks resumed."},
		{"A - B", "A - B"},
		{"", ""},
		{"DOHA (Northbridge Wire - The", "DOHA (Northbridge Wire - The"},
	} {
		if got := tc.in[Dateline(tc.in):]; got != tc.rest {
			t.Errorf("Dateline(%q): rest %q, want %q", tc.in, got, tc.rest)
		}
	}
}

func FuzzDateline(f *testing.F) {
	f.Add("DOHA, March 9 (Northbridge Wire) - The government")
	f.Add("Talks - which")
	f.Fuzz(func(t *testing.T, s string) {
		n := Dateline(s)
		if n < 0 || n > len(s) || n > maxDateline+4 {
			t.Fatalf("Dateline(%q) = %d", s, n)
		}
	})
}

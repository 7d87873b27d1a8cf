package postgres

import (
	"strings"
	"testing"
)

func TestTSQuery(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"ceasefire talks", "ceasefire talks"},
		{`"talks in Doha"`, `"talks in Doha"`},
		{"oil OR gas", "oil OR gas"},
		{"oil AND gas", "oil gas"},
		{"oil NOT gas", "oil -gas"},
		{"NOT gas", "-gas"},
		{"NEAR(Scholz Biden, 5) summit", "Scholz Biden summit"},
		{"NEAR(open", "open"},
		{"  a\x00b  ", "a b"},
		{"", ""},
	} {
		if got := tsQuery(tc.in); got != tc.want {
			t.Errorf("tsQuery(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzTSQuery: any user input maps to a query text PostgreSQL accepts as
// a string (no NUL) without looping, and no FTS5 NEAR group survives.
func FuzzTSQuery(f *testing.F) {
	for _, s := range []string{"a NEAR(b NEAR(c, 2), 3)", "NEAR(NEAR()", "x NOT y AND z", `"unclosed`, "\x00", "NEAR(("} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := tsQuery(s)
		if strings.ContainsRune(q, 0) || strings.Contains(q, "NEAR(") {
			t.Errorf("tsQuery(%q) = %q", s, q)
		}
		if len(q) > len(s) {
			t.Errorf("tsQuery(%q) grew to %q", s, q)
		}
	})
}

func TestRedact(t *testing.T) {
	if got := redact("postgres://u:secret@h:5432/db"); strings.Contains(got, "secret") {
		t.Errorf("redact kept the password: %s", got)
	}
	if got := redact("postgres://u@h/db"); got != "postgres://u@h/db" {
		t.Errorf("redact changed %s", got)
	}
}

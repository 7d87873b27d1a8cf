package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxDateline bounds how far into a sentence a wire dateline may run.
const maxDateline = 100

// Dateline returns the length in bytes of a wire dateline opening s ("DOHA,
// March 9 (Northbridge Wire) - ", "NEW YORK (Reuters) — "): a place in
// capitals, then only names, numbers, commas and a bracketed outlet, then a
// dash and a space. What follows starts with a capital. 0 when s opens with
// none: "Talks - which resumed …" is prose.
func Dateline(s string) int {
	limit := min(len(s), maxDateline)
	dash, after := -1, 0
	for _, d := range []string{" - ", " – ", " — ", " -- "} {
		if i := strings.Index(s[:limit], d); i > 0 && (dash < 0 || i < dash) {
			dash, after = i, i+len(d)
		}
	}
	if dash < 0 || after >= len(s) {
		return 0
	}
	if r, _ := utf8.DecodeRuneInString(s[after:]); !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '"' && r != '“' {
		return 0
	}
	head := s[:dash]
	place := head
	if i := strings.IndexAny(place, ",("); i >= 0 {
		place = place[:i]
	}
	letters := 0
	for _, r := range place {
		switch {
		case unicode.IsLower(r):
			return 0 // "Talks - which …"
		case unicode.IsUpper(r):
			letters++
		case unicode.IsSpace(r), r == '.', r == '-', r == '\'':
		default:
			return 0
		}
	}
	if letters < 2 {
		return 0
	}
	// the rest of the head: commas, capitalised words, numbers, brackets
	depth := 0
	for _, w := range strings.FieldsFunc(head[len(place):], func(r rune) bool { return unicode.IsSpace(r) || r == ',' }) {
		for _, r := range w {
			switch r {
			case '(':
				depth++
			case ')':
				depth--
			}
		}
		if depth > 0 || strings.ContainsAny(w, "()") {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return 0 // a lower-case word outside brackets: prose
		}
	}
	if depth != 0 {
		return 0
	}
	return after
}

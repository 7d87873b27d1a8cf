package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize folds a name to the form keys and lookups compare: lower case,
// accents removed (Erdoğan = Erdogan), periods dropped (U.S. = US), curly
// apostrophes straightened, white space collapsed and a leading "the"
// removed ("the United States" = "United States").
func Normalize(s string) string {
	if isNormalASCII(s) {
		return s // the common case for lookups: nothing to fold, nothing to allocate
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		s = norm.NFD.String(s)
	}
	for _, r := range s {
		switch {
		case r == '.' || unicode.Is(unicode.Mn, r):
			continue
		case r == '’' || r == '‘' || r == '`':
			r = '\''
		case r == '‐' || r == '‑' || r == '–':
			r = '-'
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	out := b.String()
	out = strings.TrimPrefix(out, "the ")
	return out
}

// nameParticles are lower-case prefixes of surnames that short mentions
// often drop or spell differently: el-Sisi / Sisi, al-Assad / Assad.
var nameParticles = []string{"al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-"}

// surnameForms returns the forms of a normalised surname that a short
// mention may use: the surname itself and, for "el-sisi", "sisi" too.
func surnameForms(s string) []string {
	out := []string{s}
	for _, p := range nameParticles {
		if rest, ok := strings.CutPrefix(s, p); ok && rest != "" {
			out = append(out, rest, "al-"+rest)
		}
	}
	return out
}

// canonicalParticle spells Arabic article variants one way in keys so that
// "el-Sisi" and "al-Sisi" file together.
func canonicalParticle(word string) string {
	for _, p := range nameParticles {
		if rest, ok := strings.CutPrefix(word, p); ok && rest != "" {
			return "al-" + rest
		}
	}
	return word
}

// isNormalASCII reports whether Normalize would return s unchanged and s is
// plain ASCII.
func isNormalASCII(s string) bool {
	if strings.HasPrefix(s, "the ") {
		return false
	}
	space := true // no leading space
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf, c >= 'A' && c <= 'Z', c == '.', c == '`', c == '\t', c == '\n', c == '\r', c == '\v', c == '\f':
			return false
		case c == ' ':
			if space {
				return false
			}
			space = true
		default:
			space = false
		}
	}
	return !space || s == ""
}

// stripParticle drops an Arabic article prefix: "el-sisi" -> "sisi".
func stripParticle(w string) string {
	for _, p := range nameParticles {
		if rest, ok := strings.CutPrefix(w, p); ok && rest != "" {
			return rest
		}
	}
	return w
}

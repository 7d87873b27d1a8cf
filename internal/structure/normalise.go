package structure

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalise returns the text that structure spans (and every later analysis
// span) point into. It is deliberately small so that it never changes what an
// article says: a leading byte-order mark is dropped, CRLF, CR and the Unicode
// line separators become LF, control characters other than tab and LF are
// removed, the text is put in Unicode NFC, and trailing white space is
// trimmed from every line. Invalid UTF-8 is replaced by U+FFFD (callers that
// can repair an encoding do so before). Normalise is idempotent.
func Normalise(s string) string {
	for strings.HasPrefix(s, "\uFEFF") {
		s = s[len("\uFEFF"):]
	}
	if isCleanASCII(s) {
		return s
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	b := make([]byte, 0, len(s))
	lineStart := 0 // offset in b of the current line's start
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == '\r':
				if i < len(s) && s[i] == '\n' {
					i++
				}
				b = trimLine(b, lineStart)
				b = append(b, '\n')
				lineStart = len(b)
			case c == '\n':
				b = trimLine(b, lineStart)
				b = append(b, '\n')
				lineStart = len(b)
			case c == '\t' || c >= 0x20 && c != 0x7f:
				b = append(b, c)
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '\u2028' || r == '\u2029' || r == '\u0085':
			b = trimLine(b, lineStart)
			b = append(b, '\n')
			lineStart = len(b)
		case r == '\uFEFF' || r >= 0x80 && r < 0xa0:
			// Zero-width no-break space inside text and C1 controls carry no meaning.
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	b = trimLine(b, lineStart)
	out := string(b)
	if !norm.NFC.IsNormalString(out) {
		out = norm.NFC.String(out)
	}
	return out
}

// trimLine drops trailing white space from the line that starts at offset
// start of b.
func trimLine(b []byte, start int) []byte {
	end := len(b)
	for end > start {
		r, n := utf8.DecodeLastRune(b[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return b[:end]
}

// isCleanASCII reports whether s is already normal: ASCII, no control
// characters other than tab and LF, no trailing white space on any line.
// Most English wire copy takes this fast path, so it is a table lookup per
// byte and two substring searches.
func isCleanASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if notCleanASCII[s[i]] {
			return false
		}
	}
	if n := len(s); n > 0 && (s[n-1] == ' ' || s[n-1] == '\t') {
		return false
	}
	return !strings.Contains(s, " \n") && !strings.Contains(s, "\t\n")
}

// notCleanASCII marks the bytes that rule out the fast path.
var notCleanASCII = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c >= utf8.RuneSelf || c == 0x7f || c < 0x20 && c != '\n' && c != '\t'
	}
	return t
}()

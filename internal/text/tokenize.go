// Package text owns dossier's text layer: it cuts Article.Text into tokens
// and sentences, with byte offsets, once per article, so every later stage
// (NER, timex, quotes, events, entities) works on the same units.
//
// The scanner is hand-written rather than built on a Unicode segmentation
// library because news text needs decisions that UAX #29 does not make
// (possessive 's split off, "U.S." and "Gen." kept whole, "1,000.5" one
// number) and because the NER stage has a throughput budget that leaves the
// tokeniser well under a microsecond a token. Token boundaries follow the
// Penn Treebank / CoNLL-2003 conventions the NER model is trained on: "'s"
// and "n't" are tokens of their own, "%" and "$" are separate from numbers,
// hyphenated words stay whole.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/internal/article"
)

// asciiClass classifies ASCII bytes for the fast path.
const (
	clsOther = iota
	clsSpace
	clsLower
	clsUpper
	clsDigit
)

// asciiClasses is a read-only table built once.
var asciiClasses = func() (t [128]uint8) {
	for c := 0; c < 128; c++ {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			t[c] = clsSpace
		case c >= 'a' && c <= 'z':
			t[c] = clsLower
		case c >= 'A' && c <= 'Z':
			t[c] = clsUpper
		case c >= '0' && c <= '9':
			t[c] = clsDigit
		}
	}
	return t
}()

func isUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// runeAt decodes the rune starting at text[i] (i < end).
func runeAt(text string, i, end int) (rune, int) {
	c := text[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:end])
}

// wordAt reports whether a word character (letter, digit, combining mark)
// starts at text[i]; i may be out of [0, end).
func wordAt(text string, i, end int) bool {
	if i < 0 || i >= end {
		return false
	}
	c := text[i]
	if c < utf8.RuneSelf {
		cls := asciiClasses[c]
		return cls >= clsLower
	}
	r, _ := utf8.DecodeRuneInString(text[i:end])
	return isWordRune(r)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isSpaceRune covers Unicode white space plus the zero-width characters that
// web text carries between words.
func isSpaceRune(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff'
}

// apostropheAt returns the byte length of an apostrophe (' or ’) at text[i], or 0.
func apostropheAt(text string, i, end int) int {
	if i >= end {
		return 0
	}
	if text[i] == '\'' {
		return 1
	}
	if strings.HasPrefix(text[i:end], "’") {
		return len("’")
	}
	return 0
}

// letterRun returns the end of the run of word characters starting at i.
func letterRun(text string, i, end int) int {
	for i < end {
		r, n := runeAt(text, i, end)
		if !isWordRune(r) {
			break
		}
		i += n
	}
	return i
}

// clitic reports whether s (the letters after an apostrophe) is an English
// clitic that PTB tokenisation splits off: 's, 're, 've, 'll, 'd, 'm.
func clitic(s string) bool {
	switch s {
	case "s", "S", "re", "RE", "ve", "VE", "ll", "LL", "d", "D", "m", "M":
		return true
	}
	return false
}

// Tokenize returns the tokens of text, with byte spans into text.
func Tokenize(text string) []article.Token {
	return appendTokens(make([]article.Token, 0, len(text)/5+1), text, 0, len(text))
}

// appendTokens appends the tokens of text[start:end] to dst. Spans are into text.
func appendTokens(dst []article.Token, text string, start, end int) []article.Token {
	i := start
	for i < end {
		c := text[i]
		var cls uint8
		if c < utf8.RuneSelf {
			cls = asciiClasses[c]
			if cls == clsSpace {
				i++
				continue
			}
		} else {
			r, n := utf8.DecodeRuneInString(text[i:end])
			switch {
			case isSpaceRune(r):
				i += n
				continue
			case isWordRune(r):
				cls = clsLower
			}
		}
		j := i
		if cls != clsOther {
			j = scanWord(text, i, end)
		} else {
			j = scanPunct(text, i, end)
		}
		dst = append(dst, article.Token{Span: article.Span{Start: i, End: j}, Text: text[i:j]})
		i = j
	}
	return dst
}

// scanWord returns the end of the word token starting at text[i]. It keeps
// joiners inside a token only where news text needs them whole: hyphens
// between word characters (el-Sisi, COVID-19), decimal and thousands
// separators, times and dates (4:30, 12/03), AT&T, internal apostrophes
// (O'Brien), dotted acronyms (U.S., a.m.), known abbreviations (Gen., Inc.),
// URLs and e-mail addresses.
func scanWord(text string, i, end int) int {
	if e := scanURL(text, i, end); e > i {
		return e
	}
	// n't is a token of its own (PTB): "do" "n't".
	if e := nt(text, i, end); e > i {
		return e
	}
	j := i
	for j < end {
		c := text[j]
		if c < utf8.RuneSelf {
			if asciiClasses[c] >= clsLower {
				j++
				continue
			}
		} else {
			r, n := utf8.DecodeRuneInString(text[j:end])
			if isWordRune(r) {
				j += n
				continue
			}
			if a := apostropheAt(text, j, end); a > 0 {
				if k, ok := apostropheInWord(text, i, j, a, end); ok {
					j = k
					continue
				}
				return splitNT(text, i, j, end)
			}
			if r == '\u2011' && wordAt(text, j+n, end) { // non-breaking hyphen
				j += n
				continue
			}
			break
		}
		// An ASCII joiner between word characters.
		prev := text[j-1]
		switch c {
		case '-':
			if wordAt(text, j+1, end) {
				j++
				continue
			}
		case '.', ',', ':', '/':
			if isDigit(prev) && j+1 < end && isDigit(text[j+1]) {
				j++
				continue
			}
		case '&':
			if prev >= 'A' && prev <= 'Z' && j+1 < end && text[j+1] >= 'A' && text[j+1] <= 'Z' {
				j++
				continue
			}
		case '\'':
			if k, ok := apostropheInWord(text, i, j, 1, end); ok {
				j = k
				continue
			}
			return splitNT(text, i, j, end)
		}
		break
	}
	if j < end {
		switch text[j] {
		case '$':
			// C$, HK$, US$: a currency is one token.
			if j-i <= 2 && isUpperASCII(text[i:j]) {
				return j + 1
			}
		case '.':
			if e := scanEmail(text, i, end); e > j {
				return e
			}
			return abbreviationEnd(text, i, j, end)
		case '@', '_', '+':
			if e := scanEmail(text, i, end); e > j {
				return e
			}
		}
	}
	return j
}

// apostropheInWord decides, for an apostrophe of a bytes at text[j] inside the
// word starting at i, whether the word goes on past it (O'Brien, rock'n'roll)
// and where to resume scanning.
func apostropheInWord(text string, i, j, a, end int) (int, bool) {
	k := letterRun(text, j+a, end)
	letters := text[j+a : k]
	if letters == "" || clitic(letters) {
		return 0, false
	}
	if (letters == "t" || letters == "T") && (text[j-1] == 'n' || text[j-1] == 'N') {
		return 0, false
	}
	return j + a, true
}

// splitNT ends the word [i, j) before a trailing n of "n't" so that "n't"
// becomes its own token; a word that is only "n" stays whole.
func splitNT(text string, i, j, end int) int {
	if j-i > 1 && (text[j-1] == 'n' || text[j-1] == 'N') {
		if a := apostropheAt(text, j, end); a > 0 && j+a < end && (text[j+a] == 't' || text[j+a] == 'T') && !wordAt(text, j+a+1, end) {
			return j - 1
		}
	}
	return j
}

// nt returns the end of "n't" at text[i] when it is one, else i.
func nt(text string, i, end int) int {
	if text[i] != 'n' && text[i] != 'N' {
		return i
	}
	a := apostropheAt(text, i+1, end)
	if a == 0 {
		return i
	}
	k := i + 1 + a
	if k < end && (text[k] == 't' || text[k] == 'T') && !wordAt(text, k+1, end) {
		return k + 1
	}
	return i
}

// abbreviationEnd is called with the word [i, j) followed by a period at
// text[j]; it returns the token end: past the period for dotted acronyms,
// initials and known abbreviations, j otherwise.
func abbreviationEnd(text string, i, j, end int) int {
	word := text[i:j]
	if j-i == 1 && isASCIILetter(word[0]) {
		// U.S., U.S.A., a.m., F.C.: letter-period pairs.
		k := j + 1
		for k+1 < end && isASCIILetter(text[k]) && text[k+1] == '.' && !wordAt(text, k+2, end) {
			k += 2
		}
		if k > j+1 {
			return k
		}
		// A lone capital with a period is an initial (J. R. R. Tolkien).
		if word[0] >= 'A' && word[0] <= 'Z' {
			return j + 1
		}
		return j
	}
	// "Ph.D."-like forms: a word, a period, then one more letter-period.
	if j+2 < end && isASCIILetter(text[j+1]) && text[j+2] == '.' && !wordAt(text, j+3, end) && j-i <= 2 {
		return j + 3
	}
	switch abbreviations[word] {
	case abbrAlways, abbrTitle:
		return j + 1
	case abbrBeforeNumber:
		// "No. 10" but not `He said "No."`.
		k := j + 1
		for k < end && (text[k] == ' ' || text[k] == '\u00a0') {
			k++
		}
		if k > j+1 && k < end && isDigit(text[k]) {
			return j + 1
		}
	}
	return j
}

// scanURL returns the end of a URL starting at text[i], or i when none does.
func scanURL(text string, i, end int) int {
	c := text[i] | 0x20
	if c != 'h' && c != 'w' {
		return i
	}
	rest := text[i:end]
	var p int
	switch {
	case hasPrefixFold(rest, "https://"):
		p = len("https://")
	case hasPrefixFold(rest, "http://"):
		p = len("http://")
	case hasPrefixFold(rest, "www."):
		p = len("www.")
	default:
		return i
	}
	j := i + p
	parens := 0
	for j < end {
		c := text[j]
		if c < utf8.RuneSelf {
			if asciiClasses[c] == clsSpace || c == '<' || c == '>' || c == '"' || c == '`' {
				break
			}
			switch c {
			case '(':
				parens++
			case ')':
				parens--
			}
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[j:end])
		if isSpaceRune(r) || r == '“' || r == '”' || r == '‘' || r == '’' || r == '«' || r == '»' {
			break
		}
		j += n
	}
	// Sentence punctuation after a URL is not part of it.
	for j > i+p {
		c := text[j-1]
		if c == ')' && parens >= 0 {
			break
		}
		if c == ')' {
			parens++
			j--
			continue
		}
		if strings.IndexByte(".,;:!?'", c) < 0 {
			break
		}
		j--
	}
	if j == i+p {
		return i
	}
	return j
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func emailLocal(c byte) bool {
	return asciiClasses[c&0x7f] >= clsLower && c < utf8.RuneSelf || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

// scanEmail returns the end of an e-mail address starting at text[i], or i.
func scanEmail(text string, i, end int) int {
	j := i
	for j < end && emailLocal(text[j]) {
		j++
	}
	if j == i || j >= end || text[j] != '@' {
		return i
	}
	j++
	domStart := j
	lastDot := -1
	for j < end {
		c := text[j]
		if c < utf8.RuneSelf && asciiClasses[c] >= clsLower || c == '-' {
			j++
			continue
		}
		if c == '.' && j+1 < end && text[j+1] < utf8.RuneSelf && asciiClasses[text[j+1]] >= clsLower {
			lastDot = j
			j++
			continue
		}
		break
	}
	if lastDot < 0 || lastDot == domStart || j-lastDot < 3 {
		return i
	}
	return j
}

// scanPunct returns the end of the punctuation or symbol token at text[i].
// Runs of sentence punctuation ("...", "?!"), dashes ("--") and PTB quote
// pairs (two backquotes, two apostrophes) are one token; clitics after an apostrophe ('s, 're) are one
// token; anything else is one rune.
func scanPunct(text string, i, end int) int {
	c := text[i]
	if c >= utf8.RuneSelf {
		if a := apostropheAt(text, i, end); a > 0 {
			return cliticEnd(text, i, a, end)
		}
		_, n := utf8.DecodeRuneInString(text[i:end])
		return i + n
	}
	switch c {
	case '.', '!', '?':
		if c == '.' && i+1 < end && isDigit(text[i+1]) && (i == 0 || !isDigit(text[i-1]) && text[i-1] != '.') {
			// ".358", ".5": a number written without its leading zero.
			return scanWord(text, i+1, end)
		}
		j := i + 1
		for j < end && (text[j] == '.' || text[j] == '!' || text[j] == '?') {
			j++
		}
		return j
	case '-':
		j := i + 1
		for j < end && text[j] == '-' {
			j++
		}
		return j
	case '`':
		if i+1 < end && text[i+1] == '`' {
			return i + 2
		}
	case '\'':
		if i+1 < end && text[i+1] == '\'' {
			return i + 2
		}
		return cliticEnd(text, i, 1, end)
	case '@', '#':
		// Handles and hashtags: @Reuters, #COVID19 (not "#20", a number).
		if i+1 < end && text[i+1] < utf8.RuneSelf && (asciiClasses[text[i+1]] == clsLower || asciiClasses[text[i+1]] == clsUpper) {
			j := i + 1
			for j < end && text[j] < utf8.RuneSelf && (asciiClasses[text[j]] >= clsLower || text[j] == '_') {
				j++
			}
			return j
		}
	}
	return i + 1
}

// cliticEnd returns the end of a clitic token ('s, 're, …) at the apostrophe
// text[i] of length a, or just past the apostrophe.
func cliticEnd(text string, i, a, end int) int {
	k := letterRun(text, i+a, end)
	if k > i+a && clitic(text[i+a:k]) && i > 0 && wordAt(text, prevRuneStart(text, i), end) {
		return k
	}
	return i + a
}

func prevRuneStart(text string, i int) int {
	_, n := utf8.DecodeLastRuneInString(text[:i])
	return i - n
}

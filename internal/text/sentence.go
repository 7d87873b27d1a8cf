package text

import (
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/internal/article"
)

// tokenKind classifies a token for sentence splitting.
type tokenKind uint8

const (
	tkOther     tokenKind = iota
	tkFullStop            // . ! ? and runs of them
	tkEllipsis            // ... …
	tkAbbrev              // U.S., Inc., Jan.: may end a sentence before a clear start
	tkTitleAbbr           // Mr., Gen., J.: never ends a sentence
)

func classify(tok string) tokenKind {
	switch tok {
	case ".", "!", "?":
		return tkFullStop
	case "...", "…", "..":
		return tkEllipsis
	}
	n := len(tok)
	if n < 2 || tok[n-1] != '.' {
		if n > 1 && (tok[0] == '.' || tok[0] == '!' || tok[0] == '?') {
			return tkFullStop // "?!", "!!"
		}
		return tkOther
	}
	word := tok[:n-1]
	if k, ok := abbreviations[word]; ok {
		if k == abbrTitle {
			return tkTitleAbbr
		}
		return tkAbbrev
	}
	if n == 2 && tok[0] >= 'A' && tok[0] <= 'Z' {
		return tkTitleAbbr // an initial
	}
	if tok[0] == '.' || tok[0] == '!' || tok[0] == '?' {
		return tkFullStop
	}
	return tkAbbrev
}

// closing reports whether tok closes a quotation or bracket when it directly
// follows sentence punctuation.
func closing(tok string, attached bool) bool {
	switch tok {
	case ")", "]", "}", "”", "’", "»", "''":
		return true
	case "\"", "'":
		// A straight quote touching the full stop closes; after a space it opens the next sentence.
		return attached
	}
	return false
}

// startsSentence reports whether a token can begin a sentence: anything but a
// lowercase word or punctuation that continues one.
func startsSentence(tok string) bool {
	r, n := utf8.DecodeRuneInString(tok)
	if unicode.IsLower(r) {
		// iPhone, eBay: a brand written with a small first letter starts
		// sentences too.
		r2, _ := utf8.DecodeRuneInString(tok[n:])
		return unicode.IsUpper(r2)
	}
	switch r {
	case ',', ';', ':', '.', ')', ']', '}', '%', '”', '’', '»', '!', '?':
		return false
	}
	return true
}

// clearStart reports whether tok after an abbreviation shows a new sentence:
// a function word that rarely continues a name, or an opening quote (not a
// bracket: "EADS N.V. (EADS)", "6:40 p.m. (GMT)" go on).
func clearStart(tok string) bool {
	switch tok {
	case "“", "‘", "\"", "``", "«":
		return true
	}
	return sentenceStarters[tok]
}

// paragraphGap reports whether the text between two tokens holds a blank
// line, which always ends a sentence.
func paragraphGap(gap string) bool {
	nl := 0
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case '\n':
			nl++
			if nl >= 2 {
				return true
			}
		case '\r', ' ', '\t':
		default:
			nl = 0
		}
	}
	return false
}

// appendSentences splits toks[from:to] (the tokens of one block) into
// sentences and appends them to dst. Token indexes are absolute.
func appendSentences(dst []article.Sentence, text string, toks []article.Token, from, to, block int) []article.Sentence {
	start := from
	emit := func(end int) {
		if end > start {
			dst = append(dst, article.Sentence{
				Span:     article.Span{Start: toks[start].Span.Start, End: toks[end-1].Span.End},
				TokStart: start,
				TokEnd:   end,
				Block:    block,
			})
		}
		start = end
	}
	for k := from; k < to; k++ {
		if k > start && paragraphGap(text[toks[k-1].Span.End:toks[k].Span.Start]) {
			emit(k)
		}
		kind := classify(toks[k].Text)
		if kind == tkOther || kind == tkTitleAbbr {
			continue
		}
		// Closing quotes and brackets after the full stop belong to this sentence.
		j := k + 1
		for j < to && closing(toks[j].Text, toks[j].Span.Start == toks[j-1].Span.End) {
			j++
		}
		if j >= to {
			k = j - 1
			continue
		}
		next := toks[j].Text
		var brk bool
		switch kind {
		case tkFullStop:
			brk = startsSentence(next)
			// `"Why?" Smith asked.`: a question or exclamation inside quotes is
			// usually followed by its attribution, so a capitalised name does not
			// start a new sentence there; a clear sentence start does.
			if brk && j > k+1 && toks[k].Text != "." && !clearStart(next) {
				brk = false
			}
		case tkEllipsis:
			// "He paused... Then" ends a sentence; "the U.S. ... China" elides.
			attached := k > from && toks[k-1].Span.End == toks[k].Span.Start
			brk = startsSentence(next) && (attached || clearStart(next))
		case tkAbbrev:
			brk = clearStart(next)
			if !brk && (toks[k].Text == "a.m." || toks[k].Text == "p.m.") {
				// "at 4 p.m. Police said": after a time only a day, month or
				// time zone continues the sentence.
				brk = startsSentence(next) && !timeFollowers[next]
			}
		}
		if brk {
			emit(j)
		}
		k = j - 1
	}
	emit(to)
	return dst
}

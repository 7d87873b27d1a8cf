package entity

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/internal/article"
)

// Clean-up of the tagger's name spans before they are keyed. The tagger
// works token by token, and on wire copy it takes in markup ("Boeing Co
// <BA>", Reuters' ticker brackets), a possessive ("GM's"), or tags a
// company as a person ("General Electric Co"): keyed as written these give
// keys nobody would look for.

// nameBrackets never occur inside a name: a span holding one is cut there.
const nameBrackets = "<>()[]{}"

// trimBrackets returns the first bracket-free run of text[sp], without the
// spaces around it and separators after it: "Boeing Co <BA" -> "Boeing
// Co", "<Qantas Airways Ltd>" -> "Qantas Airways Ltd", "Wisc," -> "Wisc".
// ok is false when nothing is left.
func trimBrackets(text string, sp article.Span) (article.Span, bool) {
	s := text[sp.Start:sp.End]
	if !strings.ContainsAny(s, nameBrackets) && strings.IndexByte(",;:/-", s[len(s)-1]) < 0 {
		return sp, true
	}
	a := 0
	for a < len(s) && (strings.IndexByte(nameBrackets, s[a]) >= 0 || s[a] == ' ' || s[a] == '\n' || s[a] == '\t') {
		a++
	}
	b := a
	for b < len(s) && strings.IndexByte(nameBrackets, s[b]) < 0 {
		b++
	}
	// A separator the tagger took in at the end ("Wisc,", "Johnson/").
	for b > a && strings.IndexByte(" \n\t,;:/-", s[b-1]) >= 0 {
		b--
	}
	if b <= a {
		return sp, false
	}
	return article.Span{Start: sp.Start + a, End: sp.Start + b}, true
}

// notNames are words that a span made of them alone never names: a
// company's legal form without the company ("Co", "Inc") and the
// abbreviations of results tables in wire copy ("Oper shr", "4th qtr").
var notNames = map[string]bool{
	"inc": true, "corp": true, "co": true, "ltd": true, "llc": true, "plc": true, "cos": true,
	"oper": true, "shr": true, "shrs": true, "cts": true, "dlrs": true, "mln": true, "bln": true,
	"pct": true, "qtr": true, "revs": true, "avg": true, "vs": true,
	// bracket escapes of Penn Treebank tokenised corpora ("-LRB- 1910 in Egypt -RRB-")
	"lrb": true, "rrb": true, "lsb": true, "rsb": true, "lcb": true, "rcb": true,
}

// noName reports whether a span's words are all legal forms, table
// abbreviations or ordinals ("4th"), so that it names nothing. Bare
// numbers may name a thing ("the 787").
func noName(s string) bool {
	if !strings.ContainsAny(strings.TrimSpace(s), " \t\n") && lowerCaseWords(s) {
		return true // "the interior ministry said": a lone word names something only with a capital
	}
	if calendarWords(s) {
		return true
	}
	words := 0
	for w := range strings.FieldsSeq(s) {
		w = strings.Trim(w, ".,;:")
		if w == "" {
			continue
		}
		if len(w) > 6 { // longer than any such word: the common case, decided without folding
			return false
		}
		var buf [6]byte
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		if lw := buf[:len(w)]; !notNames[string(lw)] && !ordinal(string(lw)) {
			return false
		}
		words++
	}
	return words > 0
}

// timeWords are month and weekday names, their abbreviations, and the time
// zones wire copy writes after a clock time.
var timeWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`january february march april may june july august september october november december
		jan feb mar apr jun jul aug sep sept oct nov dec
		monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
		gmt utc et est edt ct cst cdt mt mst mdt pt pst pdt bst cet cest`) {
		m[w] = true
	}
	return m
}()

// calendarWords reports whether s is two or more words, all of them month,
// weekday or time-zone words ("ET February", from "1:54 a.m. ET February
// 1"; "Sunday Sept."), or a weekday alone: a time, not an organisation. A
// month alone may be a name ("May", "June").
func calendarWords(s string) bool {
	n, day := 0, false
	var buf [9]byte // "wednesday", "september": the longest
	for w := range strings.FieldsSeq(s) {
		w = strings.Trim(w, ".,;:")
		if len(w) > len(buf) {
			return false
		}
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		if !timeWords[string(buf[:len(w)])] {
			return false
		}
		day = bytes.HasSuffix(buf[:len(w)], []byte("day"))
		n++
	}
	return n >= 2 || n == 1 && day
}

// lowerCaseWords reports whether s has letters, none of them a capital, and
// no digits: a tagger's guess at a common noun ("interior"), never a name.
func lowerCaseWords(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsUpper(r) || unicode.IsTitle(r) || unicode.IsDigit(r) {
			return false // a capital, or a model number ("787s")
		}
		if unicode.IsLetter(r) {
			letters = true
		}
	}
	return letters
}

// orgWords mark a name as an organisation's wherever they stand in it,
// written capitalised: legal forms ("Chrysler Corp", "Koba Electronics Co
// Ltd") and the head nouns of institutions ("Cassa di Risparmio di Roma").
// Case matters: "Sa" (Sá) is a surname, "SA" a company.
var orgWords = map[string]bool{
	"Inc": true, "Inc.": true, "INC": true, "Corp": true, "Corp.": true, "CORP": true, "Co": true, "Co.": true,
	"CO": true, "Ltd": true, "Ltd.": true, "LTD": true, "Plc": true, "PLC": true, "plc": true, "LLC": true,
	"AG": true, "SA": true, "S.A.": true, "NV": true, "N.V.": true, "GmbH": true, "SpA": true, "S.p.A.": true,
	"Corporation": true, "Limited": true, "Company": true, "Cos": true, "Bancorp": true, "Bancshares": true,
	"Bank": true, "Banco": true, "Banca": true, "Banque": true, "Caisse": true, "Cassa": true,
	"Industries": true, "Airways": true, "Airlines": true, "Motors": true, "Electronics": true,
	"Holdings": true, "Securities": true, "Association": true, "Institute": true, "University": true,
	"Foundation": true, "Ministry": true, "Department": true, "Agency": true, "Commission": true,
	"Committee": true, "Party": true, "Exchange": true, "Federation": true, "Authority": true,
	"Pharmaceuticals": true, "Chemicals": true, "Laboratories": true, "Technologies": true, "Systems": true,
	"Communications": true, "Enterprises": true, "Trucks": true, "Stores": true, "Foods": true,
	"Insurance": true, "Savings": true, "Broadcasting": true, "Press": true, "Engineers": true,
	"Democrats": true, "Republicans": true, "Investors": true, "Partners": true,
}

// orgLikeName reports whether a name the tagger took for a person carries a
// word that only organisations' names have.
func orgLikeName(name string) bool {
	for w := range strings.FieldsSeq(name) {
		w = strings.TrimRight(w, ",")
		w, _ = possessiveStem(w)
		if orgWords[w] {
			return true
		}
		// A headline in capitals: "ARVIN INDUSTRIES" as "Arvin Industries".
		if len(w) > 2 && len(w) <= 16 && shouting(w) {
			var buf [16]byte
			buf[0] = w[0]
			for i := 1; i < len(w); i++ {
				c := w[i]
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[i] = c
			}
			if orgWords[string(buf[:len(w)])] {
				return true
			}
		}
	}
	return false
}

// nameConnectors are the lower-case words that join the capitalised words
// of one name: "Bank of England", "Dar es Salaam", "Banco do Brasil".
var nameConnectors = map[string]bool{
	"of": true, "and": true, "for": true, "the": true, "on": true, "in": true, "at": true, "&": true,
	"de": true, "du": true, "des": true, "di": true, "da": true, "do": true, "dos": true, "das": true,
	"la": true, "le": true, "les": true, "el": true, "al": true, "es": true, "y": true, "e": true, "et": true,
	"von": true, "van": true, "der": true, "den": true, "bin": true, "ibn": true, "bint": true, "del": true,
	"della": true, "degli": true, "und": true, "zu": true, "ter": true, "ten": true,
}

// predicateCut returns where a span written in mixed case should end when
// the tagger ran on into the sentence ("Bank said", "Philips Electronics
// regarding"): before the run of lower-case words that ends it, from the
// first that is no name connector. A lower-case word with a name after it
// stays ("Airbus parent EADS" is a name phrase, not a run-on). It returns
// the span's token end when there is nothing to cut.
func (r *resolver) predicateCut(ta, tb int) int {
	cut := tb
	for k := tb - 1; k > ta; k-- {
		w := r.toks[k].Text
		c, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLower(c) && !unicode.IsPunct(c) || particleName(w) {
			break
		}
		if unicode.IsLower(c) && !nameConnectors[w] {
			cut = k
		}
	}
	// Connectors and punctuation left at the end go too ("Bank of said").
	for cut < tb && cut > ta+1 {
		w := r.toks[cut-1].Text
		c, _ := utf8.DecodeRuneInString(w)
		if !nameConnectors[w] && !unicode.IsPunct(c) {
			break
		}
		cut--
	}
	return cut
}

// possessiveStem returns the name without a trailing possessive ("GM's" ->
// "GM", "Qantas's" -> "Qantas"), and whether it had one.
func possessiveStem(name string) (string, bool) {
	for _, p := range []string{"'s", "’s", "'S"} {
		if stem, ok := strings.CutSuffix(name, p); ok && stem != "" {
			return stem, true
		}
	}
	return name, false
}

// tidyMentions applies the clean-ups that need the whole article: a
// possessive is cut off a name only when the article names the stem on its
// own too ("GM's order" with "GM" elsewhere) or as the start of a longer
// name ("Burlington Industries"), the gazetteer knows it, or it
// ends in a company word ("Dow Chemical Co's"), since "Moody's" and
// "McDonald's" are names as written.
func (r *resolver) tidyMentions() {
	// "the Kessel region", "the Jordan valley": a name before a lower-case
	// word for a kind of place names that place, whatever the tagger made
	// of the name alone (a region is not the front named after it).
	for i := range r.ments {
		mt := &r.ments[i]
		if mt.tb < len(r.toks) && placeHeads[r.toks[mt.tb].Text] && r.doc.SentenceAt(r.toks[mt.tb].Span.Start) == mt.sent {
			mt.tb++
			mt.m.Span.End = r.toks[mt.tb-1].Span.End
			mt.m.Text = r.text[mt.m.Span.Start:mt.m.Span.End]
			mt.m.Type = article.LOC
		}
	}
	// "Exchequer" tagged a person in "Chancellor of the Exchequer": the end
	// of a title begun before it is no name at all.
	r.ments = slices.DeleteFunc(r.ments, func(mt ment) bool {
		if mt.m.Type != article.PER || mt.tb-mt.ta >= maxTitleWords {
			return false
		}
		lo, _ := r.sentenceBounds(mt.sent)
		s, _, _, ok := matchTitleEnding(r.toks, lo, mt.tb-1)
		return ok && s < mt.ta
	})
	// "Labour" tagged an organisation in "Labour Minister Elena Marchetti",
	// "Justice" in "Justice Pieter Holm": a title the table knows whole, or
	// its first words, set before a name, is the title, no name.
	// "Labour leader Keir Starmer" keeps its party: "labour leader" is no
	// title, so there the name and the title only touch.
	var starts map[int]bool
	r.ments = slices.DeleteFunc(r.ments, func(mt ment) bool {
		if mt.tb-mt.ta >= maxTitleWords {
			return false
		}
		lo, hi := r.sentenceBounds(mt.sent)
		for e := mt.tb - 1; e < hi && e < mt.ta+maxTitleWords; e++ {
			s, _, _, ok := matchTitleEnding(r.toks, lo, e)
			if !ok || s != mt.ta {
				continue
			}
			if starts == nil {
				starts = map[int]bool{}
				for _, o := range r.ments {
					if o.m.Type == article.PER {
						starts[o.ta] = true
					}
				}
			}
			if starts[e+1] {
				return true
			}
		}
		return false
	})
	// The names of the article and their leading words: "Azuma Steel's"
	// with "Azuma Steel Co Ltd" named too.
	// "Exchequer Nigel Lawson" tagged an organisation after "Chancellor of
	// the": a title's end and then a name is a person with a role.
	for i := range r.ments {
		mt := &r.ments[i]
		if mt.m.Type == article.PER || mt.tb-mt.ta < 2 || !isCapitalised(r.toks[mt.tb-1].Text) {
			continue
		}
		lo, _ := r.sentenceBounds(mt.sent)
		for n := min(maxTitleWords-1, mt.tb-mt.ta-1); n >= 1; n-- {
			if s, _, _, ok := matchTitleEnding(r.toks, lo, mt.ta+n-1); ok && s < mt.ta {
				mt.m.Type = article.PER
				break
			}
		}
	}
	// Built on the first possessive: most articles have none.
	var names map[string]bool
	named := func(n string) bool {
		if names == nil {
			names = map[string]bool{}
			for _, mt := range r.ments {
				f := strings.Fields(Normalize(mt.m.Text))
				for n := 1; n <= len(f); n++ {
					names[strings.Join(f[:n], " ")] = true
				}
			}
		}
		return names[n]
	}
	for i := range r.ments {
		mt := &r.ments[i]
		// Places keep a lower-case head ("the Kessel region", "Heathrow
		// airport"), products and events their lower-case words.
		if (mt.m.Type == article.ORG || mt.m.Type == article.PER) && !shouting(mt.m.Text) {
			if k := r.predicateCut(mt.ta, mt.tb); k < mt.tb {
				mt.tb = k
				mt.m.Span.End = r.toks[k-1].Span.End
				mt.m.Text = r.text[mt.m.Span.Start:mt.m.Span.End]
			}
		}
		// "the Bank's proposal", "Chemical's plastic packaging division":
		// lower-case words after a possessive are no part of the name; the
		// name is the owner's. Not for products and events ("Apple's iPod
		// digital music players" is an iPod).
		for k := mt.ta + 1; k < mt.tb-1 && mt.m.Type != article.MISC; k++ {
			if tok := r.toks[k].Text; isPossessive(tok) && !isCapitalised(r.toks[k+1].Text) {
				mt.m.Span.End = r.toks[k].Span.Start
				mt.m.Text = r.text[mt.m.Span.Start:mt.m.Span.End]
				mt.tb = k
				break
			}
		}
		stem, ok := possessiveStem(mt.m.Text)
		if !ok {
			continue
		}
		n := Normalize(stem)
		_, country := r.gaz.countryByName[n]
		_, org := r.gaz.orgByName[n]
		// A company's legal form never ends in "'s": "Dow Chemical Co's".
		f := strings.Fields(stem)
		legal := len(f) > 0 && orgLikeName(f[len(f)-1])
		if !country && !org && !legal && !named(n) {
			continue
		}
		mt.m.Span.End = mt.m.Span.Start + len(stem)
		mt.m.Text = stem
		mt.ta, mt.tb = r.tokenRange(mt.m.Span)
	}
}

// placeHeads are lower-case head nouns of place names ("the Kessel region").
var placeHeads = map[string]bool{
	"region": true, "province": true, "district": true, "valley": true, "river": true, "mountains": true,
	"peninsula": true, "basin": true, "coast": true, "desert": true, "strait": true, "governorate": true,
	"oblast": true, "prefecture": true, "county": true, "enclave": true,
}

// ordinal reports whether w is a number written as an ordinal: "4th", "21st".
func ordinal(w string) bool {
	i := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		i++
	}
	switch w[i:] {
	case "st", "nd", "rd", "th":
		return i > 0
	}
	return false
}

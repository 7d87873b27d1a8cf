package quote

import (
	"github.com/dossier-news/dossier/internal/text"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/internal/article"
)

// attribution is a found speaker and cue for one quote.
type attribution struct {
	speaker article.Span // zero when the pattern has no source ("…, said in a statement")
	cue     article.Span
	lemma   string
	conf    float64
}

func (a attribution) hasSpeaker() bool { return a.speaker.End > a.speaker.Start }

// cueAt returns the cue lemma of the token at i and how many tokens the cue
// spans ("according to" is two), or "" when the token is no cue.
func cueAt(toks []tok, i int) (string, int) {
	if i < 0 || i >= len(toks) || !toks[i].word {
		return "", 0
	}
	w := toks[i].lower()
	if w == "according" && i+1 < len(toks) && toks[i+1].lower() == "to" {
		return "according to", 2
	}
	// "As she put it, …": the idiom reports words.
	if (w == "put" || w == "puts") && i+2 < len(toks) && toks[i+1].lower() == "it" && (toks[i+2].text == "," || toks[i+2].endsSentence()) {
		return "put it", 2
	}
	if l, ok := cues[w]; ok {
		// A capitalised cue word inside a sentence is a name or a title
		// ("Gov. Brown's State of the State"), not a verb.
		if toks[i].isCap() && i > 0 && toks[i-1].word && !toks[i].title {
			return "", 0
		}
		// After a determiner the word is a noun: "the states", "his remarks".
		if i > 0 && toks[i-1].word && articles[toks[i-1].lower()] {
			return "", 0
		}
		if nounLike[w] && (i == 0 || !plainSubject(toks[i-1]) || nounCompound(toks, i)) {
			return "", 0
		}
		// An auxiliary after it makes the word the head of a subject:
		// "Health worries have dogged …", "Republican support was …".
		if nounLike[w] && i+1 < len(toks) && toks[i+1].word && auxiliaries[toks[i+1].lower()] && toks[i+1].lower() != "not" {
			return "", 0
		}
		if i+1 < len(toks) && toks[i+1].word {
			if ph := l + " " + toks[i+1].lower(); phrasalCues[ph] {
				return ph, 2
			}
		}
		switch l {
		case "point":
			if i+1 < len(toks) && toks[i+1].lower() == "out" {
				return "point out", 2
			}
			return "", 0
		case "talk", "speak", "refer", "push", "vote", "fight", "focus", "rail", "advocate":
			return "", 0 // only with their particle
		}
		return l, 1
	}
	return "", 0
}

// isSpeakerStart reports whether a token can open a speaker noun phrase.
func isSpeakerStart(t tok) bool {
	if !t.word {
		return false
	}
	l := t.lower()
	if t.isCap() || determiners[l] || personPronouns[l] {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsDigit(r)
}

// npLeft finds the speaker noun phrase that ends right before toks[end]
// (the cue, or its first modifier) and returns the index of its first token.
// It walks left over name words, titles, determiners and one appositive
// ("Victor Cha, a Korea scholar, said") and stops at clause words.
func npLeft(toks []tok, end, floor int) (int, bool) {
	j := end - 1
	if j < floor {
		return 0, false
	}
	if toks[j].word && (relPronouns[toks[j].lower()] || personPronouns[toks[j].lower()] || pronounContraction(toks[j])) {
		return j, true // "who said", "Later she added", "He’s claiming"
	}
	// An appositive between commas: "X, the spokesperson, said".
	if toks[j].text == "," {
		k := j - 1
		for k >= floor && j-k <= 25 && toks[k].text != "," && !toks[k].endsSentence() && !toks[k].isQuoteMark() {
			k--
		}
		if k < floor || toks[k].text != "," || k == j-1 {
			return 0, false
		}
		from, ok := npLeft(toks, k, floor)
		if !ok {
			return 0, false
		}
		// Two appositives: "Scott Pruitt, the attorney general of
		// Oklahoma, one of the states suing, said".
		if from-1 > floor && toks[from-1].text == "," && determiners[toks[from].lower()] {
			if f2, ok := npLeft(toks, from-1, floor); ok && !determiners[toks[f2].lower()] {
				return f2, true
			}
		}
		return from, true
	}
	// A time adjunct between the speaker and the cue: "David Axelrod on
	// Wednesday called on …", "Trump last week said".
	if k := timeAdjunctStart(toks, j, floor); k < j+1 && k-1 >= floor && toks[k-1].word && !npBreakers[toks[k-1].lower()] {
		if f, ok := npLeft(toks, k, floor); ok {
			return f, true
		}
	}
	n := 0
	first := -1
	for ; j >= floor && n < 12; j-- {
		t := toks[j]
		if t.text == ")" {
			k := j - 1
			for k >= floor && toks[k].text != "(" && j-k < 10 {
				k--
			}
			if k < floor || toks[k].text != "(" {
				break
			}
			j = k
			first = k
			continue
		}
		if !t.word {
			break
		}
		l := t.lower()
		// A capitalised breaker after a capitalised word is part of a
		// name: "Theresa May", "Will Smith".
		if npBreakers[l] && !(t.isCap() && !t.title && j-1 >= floor && toks[j-1].isCap()) {
			// A time adjunct or a participle between the speaker and the
			// cue ("a panel in 2001 found", "a poll released in late
			// August found") is skipped: the speaker stands before it.
			if first >= 0 && (l == "in" || l == "on" || l == "at" || l == "during" || l == "since") && allTemporal(toks[first:end]) {
				first, n = -1, 0
				end = j
				if j-1 >= floor && toks[j-1].word && strings.HasSuffix(toks[j-1].lower(), "ed") && !toks[j-1].isCap() {
					j-- // the participle: "released"
					end = j
				}
				// A pronoun before the adjunct: "who in 2010 said".
				if j-1 >= floor && toks[j-1].word && (relPronouns[toks[j-1].lower()] || personPronouns[toks[j-1].lower()]) {
					return j - 1, true
				}
				continue
			}
			break
		}
		if _, isCue := cues[l]; isCue && (!t.isCap() || t.title) {
			// A noun-like cue word after a name or a determiner is the
			// head of the speaker phrase: "the IMF report stated".
			if !(nounLike[l] && first == j+1 && j-1 >= floor && (toks[j-1].isCap() || articles[toks[j-1].lower()])) {
				break
			}
		}
		first = j
		n++
	}
	if first < 0 {
		return 0, false
	}
	first = extendAgent(toks, first, floor)
	first = coordinatedNames(toks, first, end, floor)
	// Trim a leading preposition left over ("of", "for") and check the
	// phrase can be a speaker.
	for first < end && toks[first].word && (toks[first].lower() == "of" || toks[first].lower() == "for" || toks[first].lower() == "with" || toks[first].lower() == "from") {
		first++
	}
	// A bare lower-case phrase ("aid groups", "officials") is a speaker
	// only when short.
	if first >= end || (!isSpeakerStart(toks[first]) && !hasCap(toks[first:end]) && (end-first > 3 || !plainSubject(toks[end-1]))) {
		return 0, false
	}
	// A long run of lower-case words is a clause, not a speaker.
	if !hasCap(toks[first:end]) && end-first > 5 {
		return 0, false
	}
	// A possessive or a year closes no speaker: "Mr. Obama's remarks",
	// "in 2010 said"; nor does a determiner, "of" or an adverb ("the
	// torrent of", "a swiftly"): the phrase was cut inside.
	last := toks[end-1].lower()
	if strings.HasSuffix(last, "'s") || strings.HasSuffix(last, "’s") || isYear(toks[first].text) {
		return 0, false
	}
	if toks[end-1].word && (articles[last] && end-1 > first || last == "of") {
		return 0, false
	}
	return first, true
}

// isYear reports whether w is a four-digit year.
func isYear(w string) bool {
	if len(w) != 4 {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w[0] == '1' || w[0] == '2'
}

// nounLike are cue forms that are as often nouns ("his remarks", "the
// tweets", "her mental state"): as verbs they need a plain subject right
// before them.
var nounLike = map[string]bool{
	"tweets": true, "tweet": true, "calls": true, "call": true, "remarks": true, "remark": true,
	"comments": true, "comment": true, "claims": true, "claim": true, "reports": true, "report": true,
	"states": true, "state": true, "notes": true, "note": true, "thinking": true, "warning": true,
	"charges": true, "charge": true, "fears": true, "fear": true, "hopes": true, "hope": true,
	"estimates": true, "estimate": true, "finding": true, "post": true, "posts": true, "counter": true,
	"demands": true, "demand": true, "reads": true, "read": true, "thought": true, "promise": true,
	"promises": true, "vows": true, "vow": true, "pledge": true, "pledges": true, "show": true,
	"shows": true, "answer": true, "concerns": true, "questions": true, "question": true,
	"plans": true, "plan": true, "support": true, "supports": true, "attack": true, "attacks": true,
	"blast": true, "slam": true, "welcome": true, "want": true, "blame": true, "seek": true,
	"worries": true, "worry": true, "back": true, "backs": true, "view": true, "views": true, "see": true, "offer": true, "offers": true,
	"highlights": true, "highlight": true, "challenge": true, "dispute": true, "insult": true,
	"talks": true, "vote": true, "votes": true, "fight": true, "push": true, "focus": true,
	"advocates": true, "advocate": true,
}

// plainSubject reports whether the token before a noun-like cue can be its
// subject: a pronoun, a capitalised name or a plural noun.
func plainSubject(t tok) bool {
	if !t.word {
		return false
	}
	l := t.lower()
	if personPronouns[l] {
		return true
	}
	if strings.HasSuffix(l, "'s") || strings.HasSuffix(l, "’s") {
		return false
	}
	if t.isCap() || evidenceNouns[l] || agentNouns[l] {
		return true
	}
	return strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss") && !strings.HasSuffix(l, "ous")
}

// hasCap reports whether any word token is capitalised.
func hasCap(toks []tok) bool {
	for _, t := range toks {
		if t.isCap() {
			return true
		}
	}
	return false
}

// npRight finds the speaker noun phrase starting at toks[s] ("said Victor
// Cha, a Korea scholar at CSIS") and returns one past its last token.
func npRight(toks []tok, s int) (int, bool) {
	if s >= len(toks) || !isSpeakerStart(toks[s]) {
		return 0, false
	}
	j := s
	for j < len(toks) && j-s < 12 {
		t := toks[j]
		if t.text == "(" {
			k := j + 1
			for k < len(toks) && toks[k].text != ")" && k-j < 10 {
				k++
			}
			if k >= len(toks) || toks[k].text != ")" {
				break
			}
			j = k + 1
			continue
		}
		if !t.word {
			break
		}
		if j > s && npBreakers[t.lower()] {
			break
		}
		if _, isCue := cues[t.lower()]; isCue && j > s && !t.isCap() {
			break
		}
		j++
	}
	if j == s {
		return 0, false
	}
	// An appositive: ", a Korea scholar at the Center for …".
	if j+1 < len(toks) && toks[j].text == "," && isSpeakerStart(toks[j+1]) && !personPronouns[toks[j+1].lower()] {
		k := j + 1
		for k < len(toks) && k-j < 25 && toks[k].text != "," && !toks[k].endsSentence() && !toks[k].isQuoteMark() && toks[k].text != ";" && toks[k].text != ":" {
			k++
		}
		j = k
	}
	return j, true
}

// cueSpan widens a cue verb at toks[c] (n tokens) leftwards over its
// auxiliaries and adverbs ("has said", "also noted") and returns the span and
// the index of the first cue-phrase token.
func cueSpan(toks []tok, c, n, floor int) (article.Span, int) {
	m := c
	// A capitalised modifier is a name: "Theresa May said".
	for m-1 >= floor && toks[m-1].word && cueModifiers[toks[m-1].lower()] && !(toks[m-1].isCap() && m-1 > floor) {
		m--
	}
	return article.Span{Start: toks[m].start, End: toks[c+n-1].end}, m
}

// spanOf returns the span from toks[from] to toks[to-1], leaving out a
// trailing comma.
func spanOf(toks []tok, from, to int) article.Span {
	for to > from+1 && !toks[to-1].word && toks[to-1].text != ")" {
		to--
	}
	// A time adjunct closing a speaker phrase is no part of it: "David
	// Axelrod on Wednesday".
	if to-1 > from {
		if k := timeAdjunctStart(toks, to-1, from); k > from && k < to && toks[k-1].word {
			to = k
		}
	}
	return article.Span{Start: toks[from].start, End: toks[to-1].end}
}

// afterQuote looks for the attribution that follows a closing quote mark:
// `“…,” X said`, `“…,” said X`, `“…,” X, the spokesperson, said`,
// `“…,” according to X`. toks are the tokens from the closing mark to the
// paragraph end.
func afterQuote(toks []tok, innerEndsSentence bool) (attribution, bool) {
	// A dash and a name closing the paragraph: `“…” ― Jane Doe` (reader
	// comments, epigraphs).
	if a, ok := dashAttribution(toks); ok {
		return a, true
	}
	i := 0
	for i < len(toks) && (toks[i].text == "," || toks[i].text == "—" || toks[i].text == "–") {
		i++
	}
	if i >= len(toks) || !toks[i].word {
		return attribution{}, false
	}
	// A full stop inside the quote and a capitalised word after it start a
	// new sentence, unless that sentence is nothing but "He said." (the
	// style of some outlets).
	if l, n := speechCueAt(toks, i); l != "" && (speechCues[l] || l == "according to") {
		if innerEndsSentence && toks[i].isCap() {
			return attribution{}, false
		}
		// ", adding that …" continues the previous speaker's sentence; it
		// names no new one.
		if strings.HasSuffix(toks[i].lower(), "ing") || (i+n < len(toks) && toks[i+n].lower() == "that") {
			return attribution{}, false
		}
		if l == "according to" {
			end, ok := npRight(toks, i+n)
			if !ok {
				return attribution{}, false
			}
			return attribution{speaker: spanOf(toks, i+n, end), cue: article.Span{Start: toks[i].start, End: toks[i+n-1].end}, lemma: l, conf: 0.85}, true
		}
		end, ok := npRight(toks, i+n)
		if !ok {
			return attribution{}, false
		}
		return attribution{speaker: spanOf(toks, i+n, end), cue: article.Span{Start: toks[i].start, End: toks[i+n-1].end}, lemma: l, conf: 0.9}, true
	}
	for k := i + 1; k < len(toks) && k-i <= 28; k++ {
		t := toks[k]
		if t.endsSentence() || t.isQuoteMark() || t.text == ";" || t.text == ":" {
			return attribution{}, false
		}
		l, n := speechCueAt(toks, k)
		if l == "" || !speechCues[l] {
			continue
		}
		span, m := cueSpan(toks, k, n, i)
		if m == i {
			return attribution{}, false
		}
		from, ok := npLeft(toks, m, i)
		if !ok || from != i {
			continue // perhaps a verb inside an appositive: "…, one of the states suing the EPA, said"
		}
		// After a full stop inside the quote, "He said." (or "He said,
		// looking on") must end the attribution; a question or an
		// exclamation is followed by its attribution as a comma would be.
		if innerEndsSentence && !saysOnly(toks, k+n) && (k+n >= len(toks) || toks[k+n].text != ",") {
			return attribution{}, false
		}
		conf := 0.95
		if personPronouns[toks[i].lower()] {
			conf = 0.9
		}
		return attribution{speaker: spanOf(toks, i, m), cue: span, lemma: l, conf: conf}, true
	}
	return attribution{}, false
}

// saysOnly reports whether the sentence ends (nearly) right after a cue at
// toks[j-1]: "He said." or "she told reporters." but not "He said: “…”".
func saysOnly(toks []tok, j int) bool {
	for k := j; k < len(toks) && k-j < 6; k++ {
		if toks[k].endsSentence() {
			return true
		}
		if toks[k].text == ":" || toks[k].isQuoteMark() {
			return false
		}
	}
	return j >= len(toks)
}

// beforeQuote looks for the attribution that introduces a quote:
// `X said: “…”`, `X told reporters, “…”`, `According to X, “…”`. toks are
// the tokens of the sentence before the opening mark.
func beforeQuote(toks []tok) (attribution, bool) {
	n := len(toks)
	if n == 0 {
		return attribution{}, false
	}
	last := toks[n-1]
	if !(last.text == ":" || last.text == "," || last.word) {
		return attribution{}, false
	}
	end := n
	if !last.word {
		end = n - 1
	}
	// "According to X, “…”"
	for k := 0; k+1 < end; k++ {
		if l, c := speechCueAt(toks, k); l == "according to" && k+c < end {
			if e, ok := npRight(toks, k+c); ok {
				return attribution{speaker: spanOf(toks, k+c, e), cue: article.Span{Start: toks[k].start, End: toks[k+1].end}, lemma: l, conf: 0.85}, true
			}
		}
	}
	for k := end - 1; k >= 0 && end-k <= 8; k-- {
		if toks[k].isQuoteMark() || toks[k].endsSentence() {
			break
		}
		l, c := speechCueAt(toks, k)
		if l == "" || !speechCues[l] {
			continue
		}
		span, m := cueSpan(toks, k, c, 0)
		if strings.HasSuffix(toks[k].lower(), "ing") {
			// "He defended the remark, saying, “…”": the speaker is the
			// sentence's subject.
			// "During a speech, Trump attacked Clinton, saying …".
			s0, e, ok := participleSubject(toks, m)
			if !ok {
				// "footage of Hillary Clinton asking, “…”": the name right
				// before the participle.
				f, ok := npLeft(toks, m, 0)
				if !ok || m == 0 || !toks[m-1].isCap() {
					return attribution{}, false
				}
				if h := headName(toks[f:m]); h == "" {
					return attribution{}, false
				}
				return attribution{speaker: nameSpan(toks, f, m), cue: span, lemma: l, conf: 0.7}, true
			}
			return attribution{speaker: spanOf(toks, s0, e), cue: span, lemma: l, conf: 0.75}, true
		}
		from, ok := npLeft(toks, m, 0)
		if !ok {
			return attribution{}, false
		}
		conf := 0.9
		if last.word { // no colon or comma: "X said “…”", likely a partial quote
			conf = 0.8
		}
		return attribution{speaker: spanOf(toks, from, m), cue: span, lemma: l, conf: conf}, true
	}
	return attribution{}, false
}

// sentenceCue finds the attribution of a quote embedded in a sentence: the
// nearest speech cue before the quote with a speaker to its left ("Trump
// called the proposal “a non-starter”"). maxDist bounds how far the cue may
// stand from the quote.
func sentenceCue(toks []tok, maxDist int) (attribution, bool) {
	for k := len(toks) - 1; k >= 0 && len(toks)-k <= maxDist; k-- {
		if toks[k].isQuoteMark() {
			continue
		}
		l, c := speechCueAt(toks, k)
		if l == "" || !speechCues[l] || l == "according to" || strings.HasSuffix(toks[k].lower(), "ing") {
			continue
		}
		span, m := cueSpan(toks, k, c, 0)
		from, ok := npLeft(toks, m, 0)
		if !ok {
			continue
		}
		return attribution{speaker: spanOf(toks, from, m), cue: span, lemma: l, conf: 0.75}, true
	}
	return attribution{}, false
}

// sentenceTail cuts toks to those after the last sentence end or closing
// quote mark: the start of the current sentence.
func sentenceTail(toks []tok) []tok {
	for k := len(toks) - 1; k >= 0; k-- {
		if toks[k].endsSentence() {
			return toks[k+1:]
		}
	}
	return toks
}

// wordCount counts word tokens.
func wordCount(toks []tok) int {
	n := 0
	for _, t := range toks {
		if t.word {
			n++
		}
	}
	return n
}

// innerEndsSentence reports whether quoted text ends with sentence-final
// punctuation (possibly followed by a nested closing mark).
func innerEndsSentence(s string) bool {
	s = strings.TrimRight(s, " '’\"”")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "…")
}

// dashAttribution matches `“…” ― Name` (or —, –, --) where the name, with an
// optional appositive, ends the paragraph.
func dashAttribution(toks []tok) (attribution, bool) {
	if len(toks) < 2 {
		return attribution{}, false
	}
	d := 1
	switch {
	case toks[0].text == "―" || toks[0].text == "—" || toks[0].text == "–":
	case toks[0].text == "-" && toks[1].text == "-":
		d = 2
	default:
		return attribution{}, false
	}
	if d >= len(toks) || !toks[d].isCap() {
		return attribution{}, false
	}
	end, ok := npRight(toks, d)
	if !ok {
		return attribution{}, false
	}
	rest := end
	for rest < len(toks) && !toks[rest].word && !toks[rest].isQuoteMark() {
		rest++
	}
	if rest < len(toks) {
		return attribution{}, false
	}
	return attribution{speaker: spanOf(toks, d, end), cue: article.Span{Start: toks[0].start, End: toks[d-1].end}, lemma: "—", conf: 0.8}, true
}

// isAdverb reports whether a lower-case word is an -ly adverb ("finally
// believes") or a negated auxiliary ("didn’t believe").
func isAdverb(t tok) bool {
	l := t.lower()
	if t.isCap() {
		return false
	}
	switch l {
	case "not", "never", "didn't", "didn’t", "doesn't", "doesn’t", "don't", "don’t", "won't", "won’t", "wouldn't", "wouldn’t":
		return true
	}
	return len(l) > 4 && strings.HasSuffix(l, "ly") && l != "family" && l != "ally" && l != "italy" && l != "assembly"
}

// articles are the determiners after which a cue word can only be a noun.
var articles = map[string]bool{
	"the": true, "a": true, "an": true, "his": true, "her": true, "their": true, "its": true,
	"our": true, "my": true, "your": true, "this": true, "these": true, "those": true,
}

// temporalWords are the words of time adjuncts.
var temporalWords = map[string]bool{
	"late": true, "early": true, "mid": true, "last": true, "this": true, "next": true, "week": true,
	"month": true, "year": true, "morning": true, "afternoon": true, "evening": true, "night": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "the": true, "weekend": true, "spring": true, "summer": true,
	"fall": true, "autumn": true, "winter": true, "recent": true, "days": true, "weeks": true, "months": true,
}

// allTemporal reports whether every word is a time word or a number.
func allTemporal(toks []tok) bool {
	for _, t := range toks {
		l := t.lower()
		if t.word && !temporalWords[l] && !isYear(l) && !(len(l) <= 2 && l[0] >= '0' && l[0] <= '9') {
			return false
		}
	}
	return len(toks) > 0
}

// participleSubject finds the speaker of a participle cue after a comma
// ("Trump touted his health, saying that …"): the subject opening the
// sentence, past an opening adjunct. It returns the subject's token range.
func participleSubject(toks []tok, m int) (int, int, bool) {
	if m == 0 || toks[m-1].text != "," {
		return 0, 0, false
	}
	s0 := subjectStart(toks, m-1)
	if s0 >= m-1 {
		return 0, 0, false
	}
	e, ok := npRight(toks, s0)
	if !ok || !(toks[s0].isCap() || personPronouns[toks[s0].lower()]) || npBreakers[toks[s0].lower()] || e > m-1 {
		return 0, 0, false
	}
	return s0, e, true
}

// evidenceNouns are things that show, find or report: "a poll shows".
var evidenceNouns = map[string]bool{
	"poll": true, "survey": true, "study": true, "report": true, "data": true, "analysis": true,
	"slide": true, "research": true, "transcript": true, "review": true, "investigation": true,
	"audit": true, "panel": true, "record": true, "document": true, "memo": true, "statement": true,
	"letter": true, "chart": true, "video": true, "footage": true, "email": true, "census": true,
	"evidence": true, "list": true, "filing": true, "complaint": true, "lawsuit": true, "ruling": true,
}

// sharedSubject finds the speaker of a cue that shares its subject with an
// earlier verb: a participle after a comma ("…, the mayor said, adding that
// …") or a coordinated verb ("Authorities announced … and said …"). The
// speaker of the nearest earlier cue wins, else the sentence's subject.
func sharedSubject(toks []tok, m int) (int, int, bool) {
	if m == 0 || (toks[m-1].text != "," && toks[m-1].lower() != "and" && toks[m-1].lower() != "but" && toks[m-1].lower() != "or") {
		return 0, 0, false
	}
	for k := m - 2; k >= 0; k-- {
		l, n := cueAt(toks, k)
		if l == "" || l == "according to" {
			continue
		}
		_, cm := cueSpan(toks, k, n, 0)
		if f, ok := npLeft(toks, cm, 0); ok && !relPronouns[toks[f].lower()] {
			return f, cm, true
		}
		if cm > 0 && toks[cm-1].text == "," {
			if e, ok := npRight(toks, k+n); ok {
				return k + n, e, true
			}
		}
	}
	s0 := subjectStart(toks, m-1)
	if s0 >= m-1 {
		return 0, 0, false
	}
	e, ok := npRight(toks, s0)
	if !ok || !(toks[s0].isCap() || personPronouns[toks[s0].lower()]) || npBreakers[toks[s0].lower()] || e > m-1 {
		return 0, 0, false
	}
	return s0, e, true
}

// nounCompound reports whether the capitalised words before toks[i] follow
// an article, making toks[i] the head noun of a compound: "a New York Times
// report", "the McKinley plan".
func nounCompound(toks []tok, i int) bool {
	j := i - 1
	for j >= 0 && toks[j].isCap() && !toks[j].title {
		j--
	}
	return j < i-1 && j >= 0 && articles[toks[j].lower()]
}

// speechCueAt is cueAt for the patterns of direct speech: a phrasal cue
// whose verb is a verb of saying counts as that verb alone (`“…,” he
// responded to the question` is attributed by "responded").
func speechCueAt(toks []tok, i int) (string, int) {
	l, n := cueAt(toks, i)
	if n == 2 && phrasalCues[l] {
		if base, _, _ := strings.Cut(l, " "); speechCues[base] {
			return base, 1
		}
	}
	return l, n
}

// agentLinks join an agent noun to the modifier that npLeft stops at:
// "experts on North Korea and nuclear nonproliferation", "observers in
// Virginia and around the country", "officials from both parties".
var agentLinks = map[string]bool{
	"on": true, "in": true, "at": true, "from": true, "of": true, "for": true, "with": true,
	"about": true, "across": true, "around": true, "and": true, "close": true, "to": true,
}

// extendAgent widens a speaker phrase starting at toks[first] leftwards over
// a modifier to an agent noun before it, within six words: npLeft stops at
// the preposition or conjunction inside "Experts on North Korea and nuclear
// nonproliferation". It returns the new start, or first when there is no
// such agent noun.
func extendAgent(toks []tok, first, floor int) int {
	if first-1 < floor || !toks[first-1].word || !agentLinks[toks[first-1].lower()] {
		return first
	}
	for k := first - 1; k >= floor && first-k <= 6; k-- {
		t := toks[k]
		if !t.word {
			return first
		}
		l := t.lower()
		if agentNouns[l] && k+1 < len(toks) && agentLinks[toks[k+1].lower()] {
			// The agent noun's own phrase: determiners and adjectives.
			j := k
			for j-1 >= floor && j > k-3 && toks[j-1].word && !npBreakers[toks[j-1].lower()] && !auxiliaries[toks[j-1].lower()] {
				if _, isCue := cues[toks[j-1].lower()]; isCue {
					break
				}
				j--
			}
			return j
		}
		if npBreakers[l] && !agentLinks[l] || auxiliaries[l] {
			return first
		}
		if _, isCue := cues[l]; isCue {
			return first
		}
	}
	return first
}

// pronounContraction reports whether a token is a personal pronoun fused
// with an auxiliary ("he’s", "they’ve", "she'd"): the pronoun is the subject
// of the verb that follows.
func pronounContraction(t tok) bool {
	l := t.lower()
	i := strings.IndexAny(l, "'’")
	if i <= 0 || !t.word {
		return false
	}
	if !personPronouns[l[:i]] || l[:i] == "it" {
		return false
	}
	_, w := utf8.DecodeRuneInString(l[i:])
	switch l[i+w:] {
	case "s", "ve", "re", "d", "ll", "m":
		return true
	}
	return false
}

// subjectStart returns where the subject of a sentence starts, before limit:
// past leading punctuation, opening adverbs ("But", "However,") and
// adjuncts up to their comma ("On Thursday, however, Trump spoke …").
func subjectStart(toks []tok, limit int) int {
	s0 := datelineEnd(toks) // "BERLIN (Wire) - Scholz …": the subject follows the dateline
	if s0 >= limit {
		s0 = 0
	}
	for s0 < limit {
		t := toks[s0]
		switch {
		case !t.word:
			s0++
		case clauseOpeners[t.lower()]:
			s0++
		case s0+1 < limit && toks[s0+1].text == "," && t.isCap() && (strings.HasSuffix(t.lower(), "ed") || strings.HasSuffix(t.lower(), "ing")) && s0 == firstWord(toks):
			s0 += 2 // "Chastened, Trump …": a participle opening the sentence
		case adjunctStarts[t.lower()] || npBreakers[t.lower()]:
			k := s0
			for k < limit && toks[k].text != "," {
				k++
			}
			if k >= limit {
				return s0
			}
			s0 = k + 1
		default:
			return s0
		}
	}
	return s0
}

// datelineEnd returns the index of the first token after a wire dateline
// opening the sentence toks ("BERLIN (Berlin Courier) -"), 0 when none.
func datelineEnd(toks []tok) int {
	if len(toks) == 0 || !toks[0].isCap() {
		return 0
	}
	// The sentence as written, as far as a dateline may run.
	var b strings.Builder
	base := toks[0].start
	for _, t := range toks {
		if t.start-base > 120 {
			break
		}
		for b.Len() < t.start-base {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	n := text.Dateline(b.String())
	if n == 0 {
		return 0
	}
	for i, t := range toks {
		if t.start-base >= n {
			return i
		}
	}
	return 0
}

// clauseOpeners open a sentence before its subject on their own: "But",
// "However", "Meanwhile".
var clauseOpeners = map[string]bool{
	"but": true, "and": true, "so": true, "yet": true, "still": true, "meanwhile": true,
	"however": true, "instead": true, "indeed": true, "moreover": true, "separately": true,
	"nevertheless": true, "nonetheless": true, "thus": true, "also": true,
}

// monthLeads lead a month name in a time adjunct.
var monthLeads = map[string]bool{"in": true, "on": true, "last": true, "this": true, "next": true, "early": true, "late": true, "mid": true, "since": true}

// timeAdjunctStart returns where a time adjunct ending at toks[j] starts
// ("on Wednesday", "last week", "in 2010", "Friday"), or j+1 when toks[j]
// ends none.
func timeAdjunctStart(toks []tok, j, floor int) int {
	k := j
	for k >= floor && j-k < 4 && toks[k].word && (temporalWords[toks[k].lower()] || isYear(toks[k].text) || toks[k].lower() == "yesterday" || toks[k].lower() == "today" || toks[k].lower() == "earlier") {
		// "Theresa May", "Richard March": a month name is a name unless a
		// preposition or "last"/"this" leads it.
		if l := toks[k].lower(); (l == "may" || l == "march") && !(k-1 >= floor && monthLeads[toks[k-1].lower()]) {
			break
		}
		k--
	}
	if k == j {
		return j + 1
	}
	if k >= floor && toks[k].word {
		switch toks[k].lower() {
		case "on", "in", "at", "during", "since":
			k--
		}
	}
	// "the" alone is no adjunct ("the week" ends a noun phrase).
	if k+1 == j && toks[j].lower() == "the" {
		return j + 1
	}
	return k + 1
}

// nameSpan returns the span of the capitalised run that ends toks[f:m]:
// the name in "footage of Hillary Clinton".
func nameSpan(toks []tok, f, m int) article.Span {
	s := m - 1
	for s-1 >= f && toks[s-1].isCap() {
		s--
	}
	return spanOf(toks, s, m)
}

// coordinatedNames extends a speaker that is a name to a name joined to it
// by "and" ("Qatar and Egypt said", "Anna Berg and Tom Reyes said"): the
// run of capitalised words before the "and", when nothing but the start of
// the clause precedes it. A speaker headed by a common noun ("Varenia and
// Kessel rebels agree") is left as it is: the conjuncts need not both
// speak.
func coordinatedNames(toks []tok, first, end, floor int) int {
	if first-2 < floor || toks[first-1].lower() != "and" {
		return first
	}
	for _, t := range toks[first:end] {
		if !t.word || !t.isCap() || t.title {
			return first
		}
	}
	k := first - 2
	for k >= floor && k > first-6 && toks[k].word && toks[k].isCap() && !npBreakers[toks[k].lower()] && !determiners[toks[k].lower()] {
		k--
	}
	if k == first-2 {
		return first // no name before the "and"
	}
	if k >= floor && toks[k].word && !determiners[toks[k].lower()] {
		return first // "Zelensky thanked Biden and Scholz said": a clause before
	}
	if k >= floor && determiners[toks[k].lower()] {
		return k // "the United States and Britain said"
	}
	return k + 1
}

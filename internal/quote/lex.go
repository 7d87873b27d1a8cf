package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tok is one token of the quote stage's own word scan: words keep internal
// apostrophes, hyphens and dots ("Trump’s", "U.S.", "Mr."), everything else
// is one token per character. The stage scans words itself rather than use
// the text layer's tokens because attribution patterns hinge on exactly
// these units (an abbreviation dot is not a sentence end, a quote mark is a
// token of its own).
type tok struct {
	start, end int
	text       string
	low        string // text in lower case, computed once
	word       bool   // letters or digits
	mark       markKind
	// title marks the words of a title-case line (a headline), where a
	// capital letter says nothing about a word being a name.
	title bool
}

// abbrevs are abbreviations whose dot belongs to the word.
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "rep": true, "sen": true, "gov": true, "gen": true,
	"lt": true, "col": true, "sgt": true, "st": true, "jr": true, "sr": true, "prof": true, "rev": true,
	"capt": true, "maj": true, "adm": true, "cmdr": true, "supt": true, "pres": true, "atty": true,
	"no": false, "vs": true, "inc": true, "corp": true, "co": true, "ltd": true, "jan": true, "feb": true,
	"aug": true, "sept": true, "sep": true, "oct": true, "nov": true, "dec": true, "messrs": true,
}

// tokenize scans text[start:end] into tokens with absolute offsets.
func tokenize(text string, start, end int) []tok {
	out := make([]tok, 0, (end-start)/5+1)
	i := start
	for i < end {
		r, w := utf8.DecodeRuneInString(text[i:end])
		if unicode.IsSpace(r) {
			i += w
			continue
		}
		if isWordRune(r) {
			j := i + w
			for j < end {
				r2, w2 := utf8.DecodeRuneInString(text[j:end])
				if isWordRune(r2) {
					j += w2
					continue
				}
				// Joiners stay inside a word when a letter or digit follows.
				if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == '&' {
					r3, _ := utf8.DecodeRuneInString(text[j+w2 : end])
					if j+w2 < end && isWordRune(r3) {
						j += w2
						continue
					}
				}
				break
			}
			// An abbreviation, an initial or a dotted acronym keeps its dot,
			// and so does a word whose dot a comma or bracket follows
			// ("(D-Wis.)", "R-Ky.,"): that dot ends no sentence.
			if j < end && text[j] == '.' {
				wd := text[i:j]
				if abbrevs[strings.ToLower(wd)] || (utf8.RuneCountInString(wd) == 1 && unicode.IsUpper(r)) || strings.Contains(wd, ".") ||
					(j+1 < end && (text[j+1] == ')' || text[j+1] == ',')) {
					j++
				}
			}
			out = append(out, tok{start: i, end: j, text: text[i:j], low: strings.ToLower(text[i:j]), word: true})
			i = j
			continue
		}
		k, mw := markAt(text, i)
		if k == markNone {
			mw = w
		}
		out = append(out, tok{start: i, end: i + mw, text: text[i : i+mw], low: text[i : i+mw], mark: k})
		i += mw
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isCap reports whether a word token starts with an upper-case letter.
func (t tok) isCap() bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return t.word && unicode.IsUpper(r)
}

func (t tok) lower() string { return t.low }

// isQuoteMark reports whether the token is a double or single quote mark.
func (t tok) isQuoteMark() bool { return t.mark != markNone }

// endsSentence reports whether the token is sentence-final punctuation.
func (t tok) endsSentence() bool {
	return t.text == "." || t.text == "!" || t.text == "?" || t.text == "…"
}

// cues maps a reporting verb form to its lemma. The list is the reporting
// vocabulary of news prose: verbs of saying, writing and claiming.
var cues = func() map[string]string {
	m := map[string]string{}
	add := func(lemma string, forms ...string) {
		m[lemma] = lemma
		for _, f := range forms {
			m[f] = lemma
		}
	}
	add("say", "says", "said", "saying")
	add("tell", "tells", "told", "telling")
	add("note", "notes", "noted", "noting")
	add("add", "adds", "added", "adding")
	add("call", "calls", "called", "calling")
	add("label", "labels", "labelled", "labeled", "labelling", "labeling")
	add("brand", "brands", "branded", "branding")
	add("voice", "voices", "voiced", "voicing")
	add("warn", "warns", "warned", "warning")
	add("insist", "insists", "insisted", "insisting")
	add("stress", "stresses", "stressed", "stressing")
	add("argue", "argues", "argued", "arguing")
	add("claim", "claims", "claimed", "claiming")
	add("explain", "explains", "explained", "explaining")
	add("write", "writes", "wrote", "written", "writing")
	add("tweet", "tweets", "tweeted", "tweeting")
	add("announce", "announces", "announced", "announcing")
	add("report", "reports", "reported", "reporting")
	add("state", "stated", "stating")
	add("declare", "declares", "declared", "declaring")
	add("acknowledge", "acknowledges", "acknowledged", "acknowledging")
	add("admit", "admits", "admitted", "admitting")
	add("ask", "asks", "asked", "asking")
	add("reply", "replies", "replied", "replying")
	add("respond", "responds", "responded", "responding")
	add("suggest", "suggests", "suggested", "suggesting")
	add("predict", "predicts", "predicted", "predicting")
	add("recall", "recalls", "recalled", "recalling")
	add("confirm", "confirms", "confirmed", "confirming")
	add("deny", "denies", "denied", "denying")
	add("contend", "contends", "contended", "contending")
	add("maintain", "maintains", "maintained", "maintaining")
	add("assert", "asserts", "asserted", "asserting")
	add("allege", "alleges", "alleged", "alleging")
	add("complain", "complains", "complained", "complaining")
	add("concede", "concedes", "conceded", "conceding")
	add("observe", "observes", "observed", "observing")
	add("remark", "remarks", "remarked", "remarking")
	add("continue", "continues", "continued", "continuing")
	add("conclude", "concludes", "concluded", "concluding")
	add("emphasize", "emphasizes", "emphasized", "emphasizing", "emphasise", "emphasises", "emphasised", "emphasising")
	add("urge", "urges", "urged", "urging")
	add("believe", "believes", "believed", "believing")
	add("think", "thinks", "thought", "thinking")
	add("testify", "testifies", "testified", "testifying")
	add("promise", "promises", "promised", "promising")
	add("vow", "vows", "vowed", "vowing")
	add("pledge", "pledges", "pledged", "pledging")
	add("reveal", "reveals", "revealed", "revealing")
	add("describe", "describes", "described", "describing")
	add("agree", "agrees", "agreed", "agreeing")
	add("estimate", "estimates", "estimated", "estimating")
	add("show", "shows", "showed", "shown", "showing")
	add("find", "finds", "found", "finding")
	add("cite", "cites", "cited", "citing")
	add("quip", "quips", "quipped", "quipping")
	add("joke", "jokes", "joked", "joking")
	add("boast", "boasts", "boasted", "boasting")
	add("charge", "charges", "charged", "charging")
	add("counter", "counters", "countered", "countering")
	add("scoff", "scoffs", "scoffed", "scoffing")
	add("yell", "yells", "yelled", "yelling")
	add("shout", "shouts", "shouted", "shouting")
	add("chant", "chants", "chanted", "chanting")
	add("sing", "sings", "sang", "singing")
	add("post", "posts", "posted", "posting")
	add("indicate", "indicates", "indicated", "indicating")
	add("hint", "hints", "hinted", "hinting")
	add("reckon", "reckons", "reckoned")
	add("worry", "worries", "worried")
	add("fear", "fears", "feared")
	add("hope", "hopes", "hoped")
	add("expect", "expects", "expected")
	add("know", "knows", "knew")
	add("mention", "mentions", "mentioned", "mentioning")
	add("point", "points", "pointed", "pointing")
	add("comment", "comments", "commented", "commenting")
	add("want", "wants", "wanted")
	add("plan", "plans", "planned")
	add("criticize", "criticizes", "criticized", "criticise", "criticises", "criticised", "criticizing", "criticising")
	add("attack", "attacks", "attacked")
	add("support", "supports", "supported")
	add("decline", "declines", "declined")
	add("refuse", "refuses", "refused")
	add("accuse", "accuses", "accused", "accusing")
	add("praise", "praises", "praised", "praising")
	add("defend", "defends", "defended", "defending")
	add("oppose", "opposes", "opposed")
	add("reject", "rejects", "rejected", "rejecting")
	add("question", "questions", "questioned", "questioning")
	add("propose", "proposes", "proposed", "proposing")
	add("blast", "blasts", "blasted", "blasting")
	add("condemn", "condemns", "condemned", "condemning")
	add("slam", "slams", "slammed", "slamming")
	add("dismiss", "dismisses", "dismissed", "dismissing")
	add("seek", "seeks", "sought")
	add("intend", "intends", "intended")
	add("blame", "blames", "blamed", "blaming")
	add("endorse", "endorses", "endorsed", "endorsing")
	add("welcome", "welcomes", "welcomed")
	add("offer", "offers", "offered", "offering")
	add("consider", "considers", "considered", "considering")
	add("decide", "decides", "decided")
	add("express", "expresses", "expressed", "expressing")
	add("denounce", "denounces", "denounced", "denouncing")
	add("back", "backs", "backed", "backing")
	add("discuss", "discusses", "discussed", "discussing")
	add("talk", "talks", "talked", "talking")
	add("speak", "speaks", "spoke", "speaking")
	add("refer", "refers", "referred", "referring")
	add("push", "pushes", "pushed", "pushing")
	add("see", "sees", "saw")
	add("view", "views", "viewed")
	add("outline", "outlines", "outlined", "outlining")
	add("highlight", "highlights", "highlighted", "highlighting")
	add("tout", "touts", "touted", "touting")
	add("promote", "promotes", "promoted", "promoting")
	add("recommend", "recommends", "recommended", "recommending")
	add("insult", "insulted")
	add("mock", "mocks", "mocked", "mocking")
	add("ridicule", "ridiculed")
	add("acknowledge", "acknowledged")
	add("challenge", "challenges", "challenged", "challenging")
	add("dispute", "disputes", "disputed", "disputing")
	add("vote", "votes", "voted")
	add("fight", "fights", "fought")
	add("focus", "focuses", "focused", "focusing")
	add("rail", "rails", "railed", "railing")
	add("advocate", "advocates", "advocated", "advocating")
	add("demand", "demands", "demanded", "demanding")
	add("scold", "scolds", "scolded", "scolding")
	add("read", "reads")
	return m
}()

// speechCues are the lemmas that mark speech strongly enough to attribute a
// direct quote on their own; weaker cues (believe, find, show) only serve
// indirect speech with a that-clause.
var speechCues = map[string]bool{
	"say": true, "tell": true, "note": true, "add": true, "call": true, "label": true, "brand": true,
	"voice": true, "warn": true, "insist": true, "stress": true, "argue": true, "claim": true,
	"explain": true, "write": true, "tweet": true, "announce": true, "report": true, "state": true,
	"declare": true, "acknowledge": true, "admit": true, "ask": true, "reply": true, "respond": true,
	"suggest": true, "predict": true, "recall": true, "confirm": true, "deny": true, "contend": true,
	"maintain": true, "assert": true, "allege": true, "complain": true, "concede": true, "observe": true,
	"remark": true, "continue": true, "conclude": true, "emphasize": true, "urge": true, "testify": true,
	"promise": true, "vow": true, "pledge": true, "describe": true, "quip": true, "joke": true,
	"boast": true, "charge": true, "counter": true, "scoff": true, "yell": true, "shout": true,
	"chant": true, "sing": true, "post": true, "mention": true, "agree": true, "cite": true,
	"reveal": true, "think": true, "comment": true, "demand": true, "scold": true, "read": true,
}

// clauseCues take a that-clause or bare clause as reported content ("X said
// the talks had failed"). The others (call, label, describe, ask, cite,
// chant) take a noun phrase or a quote, not a clause.
var clauseCues = map[string]bool{
	"say": true, "tell": true, "note": true, "add": true, "warn": true, "insist": true, "stress": true,
	"argue": true, "claim": true, "explain": true, "write": true, "tweet": true, "announce": true,
	"report": true, "state": true, "declare": true, "acknowledge": true, "admit": true, "reply": true,
	"respond": true, "suggest": true, "predict": true, "recall": true, "confirm": true, "deny": true,
	"contend": true, "maintain": true, "assert": true, "allege": true, "complain": true, "concede": true,
	"observe": true, "remark": true, "conclude": true, "emphasize": true, "believe": true,
	"think": true, "testify": true, "promise": true, "vow": true, "pledge": true, "reveal": true,
	"agree": true, "estimate": true, "show": true, "find": true, "indicate": true, "hint": true,
	"reckon": true, "worry": true, "fear": true, "hope": true, "expect": true, "know": true,
	"charge": true, "counter": true, "boast": true, "mention": true, "point": true, "post": true,
	"point out": true, "put it": true,
}

// TakesClause reports whether the cue lemma reports a clause ("said the talks
// had failed"), so that the content reads alone; the others frame a noun
// phrase or an infinitive ("accused the rebels of …", "urged them to …")
// that reads only with its verb.
func TakesClause(lemma string) bool { return clauseCues[lemma] }

// ReportsWords reports whether a cue lemma reports what someone said or
// wrote, rather than what they did or want ("refused to send", "agreed to
// talks", "declined to comment"): attribution corpora count both, but only
// the first are anyone's words.
func ReportsWords(lemma string) bool { return !actCues[lemma] }

// actCues are the cue lemmas of acts, plans and wishes.
var actCues = map[string]bool{
	"refuse": true, "decline": true, "plan": true, "seek": true, "intend": true, "decide": true,
	"consider": true, "vote": true, "fight": true, "focus": true, "push": true, "back": true,
	"support": true, "oppose": true, "reject": true, "offer": true, "agree": true, "attack": true,
	"propose": true, "rule": true, "rule out": true, "endorse": true, "promote": true, "tout": true,
	"advocate": true, "see": true, "view": true, "show": true, "find": true, "know": true,
	"read": true,
}

// auxiliaries and adverbs that belong to the cue phrase when they stand right
// before the verb ("has said", "also noted", "later told").
var cueModifiers = map[string]bool{
	"has": true, "have": true, "had": true, "also": true, "later": true, "previously": true,
	"repeatedly": true, "again": true, "once": true, "often": true, "recently": true, "then": true,
	"reportedly": true, "publicly": true, "privately": true, "flatly": true, "frequently": true,
	"will": true, "would": true, "did": true, "does": true, "do": true, "is": true, "was": true,
	"been": true, "has-been": true, "had-been": true, "could": true, "might": true, "may": true,
	"first": true, "further": true, "simply": true, "just": true, "even": true, "still": true,
	"long": true, "not": true, "never": true, "already": true, "always": true, "now": true,
	"perhaps": true, "apparently": true, "possibly": true, "probably": true,
}

// pronouns that can stand as a speaker.
var personPronouns = map[string]bool{"he": true, "she": true, "they": true, "i": true, "we": true, "you": true, "who": true, "it": true}

// determiners that can open a speaker noun phrase.
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "his": true, "her": true, "their": true, "its": true, "our": true,
	"one": true, "another": true, "two": true, "three": true, "several": true, "some": true, "many": true,
	"most": true, "other": true, "both": true, "each": true, "this": true, "that": true, "these": true,
	"those": true, "my": true, "your": true, "all": true, "no": true, "few": true,
}

// npBreakers are words that cannot sit inside a speaker noun phrase: walking
// left from a cue verb stops before them.
var npBreakers = map[string]bool{
	"and": true, "but": true, "or": true, "because": true, "when": true, "while": true, "if": true,
	"as": true, "after": true, "before": true, "since": true, "although": true, "though": true,
	"so": true, "than": true, "where": true, "whether": true, "until": true, "unless": true,
	"that": true, "which": true, "who": true, "whom": true, "what": true, "why": true, "how": true,
	"yet": true, "nor": true, "following": true, "having": true, "despite": true, "once": true, "then": true, "also": true, "meanwhile": true,
	"however": true, "earlier": true, "yesterday": true, "today": true, "tonight": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true, "april": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "last": true, "now": true, "is": true, "are": true, "was": true,
	"were": true, "be": true, "not": true, "to": true, "said": true, "says": true, "told": true,
	"did": true, "does": true, "do": true, "has": true, "have": true, "had": true, "it": false,
	"would": true, "will": true, "must": true, "could": true, "should": true, "can": true, "may": true, "might": true,
	"in": true, "on": true, "at": true, "by": true, "during": true, "into": true, "over": true,
	"about": true, "against": true, "among": true, "like": true, "through": true, "under": true,
	"with": false, "for": false, "of": false, "from": false,
}

// relPronouns stand alone as a speaker ("an official who said …").
var relPronouns = map[string]bool{"who": true, "which": true, "that": false}

// attitudeCues report a stance or intention rather than words: "X wants to
// …", "X called for …", "X criticized …". They take an object or an
// infinitive as content, and serve indirect attribution only.
var attitudeCues = map[string]bool{
	"want": true, "plan": true, "urge": true, "cite": true, "attack": true, "call for": true,
	"call on": true, "criticize": true, "support": true, "pledge": true, "agree": true, "decline": true,
	"refuse": true, "ask": true, "accuse": true, "praise": true, "defend": true, "oppose": true,
	"reject": true, "question": true, "propose": true, "blast": true, "condemn": true, "slam": true,
	"dismiss": true, "seek": true, "intend": true, "demand": true, "blame": true, "endorse": true,
	"welcome": true, "promise": true, "vow": true, "hope": true, "expect": true,
	"describe": true, "offer": true, "consider": true, "decide": true, "express": true,
	"denounce": true, "back": true, "discuss": true, "talk about": true, "speak about": true,
	"speak of": true, "talk of": true, "refer to": true, "push for": true, "respond to": true,
	"complain about": true, "warn against": true, "warn of": true, "argue for": true,
	"argue against": true, "see": true, "view": true, "outline": true, "highlight": true,
	"tout": true, "promote": true, "recommend": true, "mock": true, "challenge": true,
	"dispute": true, "vote for": true, "vote against": true, "fight for": true, "fight against": true,
	"ask for": true, "apologize for": true, "comment on": true, "agree with": true, "point to": true,
	"call": true, "ask about": true, "label": true, "brand": true, "focus on": true,
	"rail against": true, "advocate for": true, "worry about": true,
}

// phrasalCues join a verb lemma and a particle into one cue: "talked about",
// "referred to", "pushed for".
var phrasalCues = map[string]bool{
	"talk about": true, "speak about": true, "speak of": true, "talk of": true, "refer to": true,
	"push for": true, "respond to": true, "complain about": true, "warn against": true, "warn of": true,
	"argue for": true, "argue against": true, "vote for": true, "vote against": true, "fight for": true,
	"fight against": true, "ask for": true, "comment on": true, "agree with": true, "point to": true,
	"call for": true, "call on": true, "ask about": true, "focus on": true, "rail against": true,
	"advocate for": true, "worry about": true,
}

// isTitleCase reports whether tokens form a title-case line: most words
// capitalised, as in "Former White House Doctor Says Clinton Hid …".
func isTitleCase(toks []tok) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if !t.word || len(t.text) < 4 {
			continue
		}
		words++
		if t.isCap() {
			caps++
		}
	}
	return words >= 3 && caps*5 >= words*4
}

package quote

import (
	"strings"

	"github.com/dossier-news/dossier/internal/article"
)

// adjunctStarts open a phrase that may sit between a cue and its clause ("said
// in a statement that …", "said on Monday the talks …").
var adjunctStarts = map[string]bool{
	"in": true, "on": true, "at": true, "during": true, "via": true, "after": true, "before": true,
	"last": true, "this": true, "earlier": true, "later": true, "yesterday": true, "today": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "repeatedly": true, "privately": true, "publicly": true,
	"separately": true, "recently": true, "previously": true, "again": true, "also": true,
}

// notClause follow a cue verb when it does not introduce reported content
// ("said to be", "told by", "said of").
var notClause = map[string]bool{
	"to": true, "by": true, "of": true, "so": true, "for": true, "about": true, "with": true,
	"nothing": true, "anything": true, "something": true, "otherwise": true, "from": true,
	"and": true, "or": true, "but": true, "as": true, "up": true, "out": true, "off": true,
}

// indirect finds reported speech outside quotation marks, sentence by
// sentence: "X said (that) …", "…, X said.", "…, said X.", "according to
// X, …" and "…, according to X".
func (x *extractor) indirect() {
	for _, sent := range x.sentences {
		toks := x.tokens(sent.Start, sent.End)
		if isTitleCase(toks) {
			// A copy: the flags must not leak into the shared tokens.
			toks = append([]tok(nil), toks...)
			for i := range toks {
				toks[i].title = true
			}
		}
		for c := 0; c < len(toks); c++ {
			if x.inSegment(toks[c].start) {
				continue
			}
			l, n := cueAt(toks, c)
			if l == "" || x.usedCue[toks[c].start] {
				continue
			}
			// Direct quotes record their cue by the start of its phrase
			// ("have labelled").
			if span, _ := cueSpan(toks, c, n, 0); x.usedCue[span.Start] {
				continue
			}
			var q article.Quote
			var ok bool
			if l == "according to" {
				q, ok = accordingTo(toks, c)
			} else if q, ok = passive(toks, c, n, l); ok {
				// "X is expected to …", "X was criticized by Y".
			} else if clauseCues[l] {
				var rest article.Span
				q, rest, ok = x.trailing(toks, c, n, l)
				if ok && rest.End > rest.Start && !x.coveredByDirect(q.Content) {
					// A parenthetical attribution: the content goes on after
					// it, a second fragment under the same cue.
					r := q
					r.Content = rest
					x.quotes = append(x.quotes, r)
				}
				if !ok {
					q, ok = x.asParenthetical(toks, c, n, l)
				}
				if !ok {
					q, ok = x.leading(toks, c, n, l)
				}
			} else if attitudeCues[l] {
				q, ok = x.leading(toks, c, n, l)
			}
			if !ok {
				continue
			}
			// A direct quote already covering the content owns the cue.
			if x.coveredByDirect(q.Content) {
				continue
			}
			x.usedCue[toks[c].start] = true
			x.quotes = append(x.quotes, q)
		}
	}
}

// coveredByDirect reports whether content is mostly a direct quote already
// reported.
func (x *extractor) coveredByDirect(content article.Span) bool {
	for _, q := range x.quotes {
		if q.Direct && q.Content.Start <= content.Start && q.Content.End >= content.End {
			return true
		}
	}
	return false
}

// leading handles "X said (that) CLAUSE": the speaker left of the cue, the
// content to the end of the sentence.
func (x *extractor) leading(toks []tok, c, n int, lemma string) (article.Quote, bool) {
	cue, m := cueSpan(toks, c, n, 0)
	// Adverbs and negations belong to the cue: "he finally believes".
	for m > 0 && toks[m-1].word && isAdverb(toks[m-1]) {
		m--
		cue.Start = toks[m].start
	}
	if m > 0 && (articles[toks[m-1].lower()] || toks[m-1].lower() == "of") {
		return article.Quote{}, false // a noun: "the claims", "his remarks"
	}
	var from int
	var sp article.Span
	if m > 0 && toks[m-1].lower() == "and" {
		// A coordinated verb: "Authorities announced … and said …".
		s0, e, ok := sharedSubject(toks, m)
		if !ok {
			return article.Quote{}, false
		}
		sp = spanOf(toks, s0, e)
	} else if strings.HasSuffix(toks[c].lower(), "ing") {
		// A participle: "Trump touted his health, saying that …".
		s0, e, ok := sharedSubject(toks, m)
		if !ok {
			// "with Trump saying that …": a named subject right before.
			f, ok := npLeft(toks, m, 0)
			if !ok || !(toks[m-1].isCap() || personPronouns[toks[m-1].lower()]) {
				return article.Quote{}, false
			}
			s0, e = f, m
		}
		sp = spanOf(toks, s0, e)
	} else {
		f, ok := npLeft(toks, m, 0)
		if !ok {
			return article.Quote{}, false
		}
		from = f
		// A stance cue is weaker evidence than a verb of saying: its
		// subject may hold no verb of its own ("Clinton unveiled a list …
		// has attacked", "it pays back").
		if !clauseCues[lemma] && !plainNP(toks[from:m]) {
			return article.Quote{}, false
		}
		sp = spanOf(toks, from, m)
	}
	s := c + n
	if s >= len(toks) {
		return article.Quote{}, false
	}
	// The listener of "told": "told reporters", "told The Washington Post".
	if lemma == "tell" || lemma == "warn" || lemma == "urge" || lemma == "promise" {
		s = skipObject(toks, s)
	}
	s = skipParenthetical(toks, s)
	// Adjuncts before the clause: "said in a statement that …".
	if s < len(toks) && toks[s].word && adjunctStarts[toks[s].lower()] {
		k := s
		for k < len(toks) && k-s < 10 && toks[k].lower() != "that" && toks[k].text != "," && !toks[k].endsSentence() {
			k++
		}
		switch {
		case k < len(toks) && toks[k].lower() == "that":
			s = k
		case k+1 < len(toks) && toks[k].text == ",":
			s = k + 1
		default:
			return article.Quote{}, false
		}
	}
	if s >= len(toks) || !toks[s].word || (notClause[toks[s].lower()] && !(attitudeCues[lemma] && toks[s].lower() == "to")) {
		return article.Quote{}, false
	}
	end := nextAttribution(toks, s)
	for end > s && !toks[end-1].word && !toks[end-1].isQuoteMark() && toks[end-1].text != ")" {
		end--
	}
	minWords := 3
	if attitudeCues[lemma] {
		minWords = 1 // "China and Russia support the government"
	}
	if wordCount(toks[s:end]) < minWords {
		return article.Quote{}, false
	}
	conf := 0.7
	if attitudeCues[lemma] {
		conf = 0.5
	}
	if toks[s].lower() == "that" {
		conf = 0.8
	}
	return article.Quote{
		Content: article.Span{Start: toks[s].start, End: toks[end-1].end}, Speaker: &sp, SpeakerEntity: -1,
		Cue: &cue, CueVerb: lemma, Confidence: conf,
	}, true
}

// nextAttribution returns where content opened at s ends: the end of the
// sentence, or a comma and conjunction that open another speaker's
// attribution ("Zelensky asked for the missiles in May, and Foreign Minister
// Annalena Baerbock said …"): the second speaker's words are not the
// first's.
//
// After content that is a noun phrase, a verb of saying coordinated with
// the cue opens new content: "confirmed the deal and said …". After a
// clause ("Merrill says Machado promised … and said …") it is the clause's
// own subject's verb.
func nextAttribution(toks []tok, s int) int {
	for k := s; k+2 < len(toks); k++ {
		if c := toks[k].lower(); k > s && (c == "and" || c == "but") && toks[k+1].word && !finiteVerbIn(toks[s:k]) {
			j := k + 1
			if strings.HasSuffix(toks[j].lower(), "ly") || toks[j].lower() == "also" || toks[j].lower() == "later" {
				j++ // "and later said"
			}
			if l, _ := cueAt(toks, j); l != "" && sayingVerb(toks[j].lower()) {
				return k
			}
		}
		if toks[k].text != "," || !clauseConjunctions[toks[k+1].lower()] {
			continue
		}
		for j := k + 3; j < len(toks) && j <= k+9; j++ {
			if !toks[j-1].word || toks[j-1].endsSentence() {
				break
			}
			if l, _ := cueAt(toks, j); l != "" && l != "according to" {
				if f, ok := npLeft(toks, j, 0); ok && f == k+2 && agentSubject(toks[f:j]) {
					return k
				}
				break
			}
		}
	}
	return len(toks)
}

// finiteVerbIn reports whether toks look like a clause rather than a noun
// phrase: they hold an auxiliary or a past-tense form.
func finiteVerbIn(toks []tok) bool {
	for _, t := range toks {
		switch w := t.lower(); {
		case !t.word:
		case strings.HasSuffix(w, "ed"), auxiliaries[w]:
			return true
		}
	}
	return false
}

// sayingVerb reports whether a coordinated verb is a plain verb of saying
// ("and said", "but told reporters"), which always opens new content; with
// other cues ("welcomed the deal but warned that …") PolNeAR's annotators
// more often keep one attribution, and cutting there cost whole-overlap F1.
func sayingVerb(w string) bool {
	return w == "said" || w == "says" || w == "told" || w == "tells" || w == "added" || w == "adds"
}

// skipObject skips the listener after "told": a pronoun, a name or a short
// noun phrase, up to "that" when it comes soon.
func skipObject(toks []tok, s int) int {
	for k := s; k < len(toks) && k-s < 8; k++ {
		if toks[k].lower() == "that" {
			return k
		}
		if !toks[k].word && !toks[k].isQuoteMark() {
			break
		}
	}
	if s >= len(toks) || !toks[s].word || toks[s].lower() == "to" {
		return s // no listener: "promised to lift …"
	}
	switch toks[s].lower() {
	case "me", "him", "her", "us", "them", "you", "reporters", "journalists", "supporters", "voters", "police", "investigators", "lawmakers", "officials":
		return s + 1
	}
	k := s
	if determiners[toks[k].lower()] {
		k++
	}
	for k < len(toks) && toks[k].isCap() {
		k++
	}
	if k == s || (k == s+1 && determiners[toks[s].lower()]) {
		// "told the crowd": determiner and one noun.
		if k < len(toks) && toks[k].word {
			k++
		}
	}
	return k
}

// trailing handles "CLAUSE, X said." and "CLAUSE, said X.": the attribution
// after a comma at the end of the sentence (or mid-sentence: "…, she said,
// and …"), the content before it.
//
// When the attribution is a parenthetical and the clause goes on after it
// ("Climate change, Mr. Obama often says, is the greatest threat"), rest is
// the content after it; otherwise rest is empty.
func (x *extractor) trailing(toks []tok, c, n int, lemma string) (q article.Quote, rest article.Span, ok bool) {
	cue, m := cueSpan(toks, c, n, 0)
	var sp article.Span
	var comma int
	tail := c + n // where the attribution clause ends
	if m > 0 && toks[m-1].text == "," {
		// "…, said X" (inverted); not "…, saying that …".
		if strings.HasSuffix(toks[c].lower(), "ing") || (c+n < len(toks) && toks[c+n].lower() == "that") {
			return article.Quote{}, article.Span{}, false
		}
		// "Jane Doe, an economist, said the plan …" is the leading
		// pattern with an appositive, not an inverted attribution.
		// The appositive's noun phrase opens the sentence; a clause with
		// commas of its own before ", said X" is no appositive.
		if f, ok := npLeft(toks, m, 0); ok && firstWord(toks) >= f {
			return article.Quote{}, article.Span{}, false
		}
		end, ok := npRight(toks, c+n)
		if !ok {
			return article.Quote{}, article.Span{}, false
		}
		sp = spanOf(toks, c+n, end)
		comma = m - 1
		tail = end
		if !tailEnds(toks, end) {
			return article.Quote{}, article.Span{}, false
		}
	} else {
		from, ok := npLeft(toks, m, 0)
		if !ok || from == 0 || toks[from-1].text != "," {
			return article.Quote{}, article.Span{}, false
		}
		if !tailEnds(toks, c+n) {
			return article.Quote{}, article.Span{}, false
		}
		sp = spanOf(toks, from, m)
		comma = from - 1
	}
	// Content: the sentence before the comma, without an opening
	// conjunction's comma or leading punctuation.
	s := 0
	for s < comma && !toks[s].word && !toks[s].isQuoteMark() {
		s++
	}
	rest = restAfter(toks, tail)
	if wordCount(toks[s:comma]) < 3 && (rest.End == rest.Start || wordCount(toks[s:comma]) < 1) {
		return article.Quote{}, article.Span{}, false
	}
	// A short prepositional phrase before the comma is an adjunct, not
	// reported content: "Like President Obama, I believe in …".
	if toks[s].word && (adjunctStarts[toks[s].lower()] || toks[s].lower() == "like" || toks[s].lower() == "unlike" || toks[s].lower() == "as" || toks[s].lower() == "for") && wordCount(toks[s:comma]) <= 5 && rest.End == rest.Start {
		return article.Quote{}, article.Span{}, false
	}
	return article.Quote{
		Content: article.Span{Start: toks[s].start, End: toks[comma-1].end}, Speaker: &sp, SpeakerEntity: -1,
		Cue: &cue, CueVerb: lemma, Confidence: 0.8,
	}, rest, true
}

// tailEnds reports whether the attribution clause ends the sentence (or its
// clause) at toks[j]: the sentence end, a comma, or a short adjunct ("in a
// statement", "on Monday") before one.
func tailEnds(toks []tok, j int) bool {
	if j >= len(toks) || toks[j].endsSentence() || toks[j].text == "," || toks[j].text == ";" || toks[j].isQuoteMark() {
		return true
	}
	if !toks[j].word {
		return false
	}
	l := toks[j].lower()
	if !adjunctStarts[l] && l != "adding" && l != "citing" && l != "noting" && l != "according" && l != "as" {
		return false
	}
	for k := j; k < len(toks); k++ {
		if toks[k].endsSentence() || toks[k].text == "," {
			return true
		}
		if toks[k].lower() == "that" && l != "adding" && l != "noting" {
			return false
		}
	}
	return true
}

// accordingTo handles "according to X, CLAUSE" and "CLAUSE, according to X".
func accordingTo(toks []tok, c int) (article.Quote, bool) {
	end, ok := npRight(toks, c+2)
	if !ok {
		// Any noun phrase up to the comma or the end: "according to
		// diplomats close to the talks".
		end = c + 2
		for end < len(toks) && end-c < 14 && toks[end].word {
			end++
		}
		if end == c+2 {
			return article.Quote{}, false
		}
	}
	// Leave a trailing adjunct off the source: "according to a Reuters
	// survey of voter lists" keeps its "of", but not ", who …".
	sp := spanOf(toks, c+2, end)
	cue := article.Span{Start: toks[c].start, End: toks[c+1].end}
	var content article.Span
	switch {
	case c == 0 || (c == 1 && !toks[0].word):
		// "According to X, CLAUSE."
		k := end
		for k < len(toks) && toks[k].text != "," {
			k++
		}
		s := k + 1
		e := len(toks)
		for e > s && !toks[e-1].word && !toks[e-1].isQuoteMark() {
			e--
		}
		if s >= e || wordCount(toks[s:e]) < 3 {
			return article.Quote{}, false
		}
		content = article.Span{Start: toks[s].start, End: toks[e-1].end}
	default:
		k := c - 1
		if toks[k].text == "," {
			k--
		}
		s := 0
		for s < k && !toks[s].word && !toks[s].isQuoteMark() {
			s++
		}
		if k < s || wordCount(toks[s:k+1]) < 3 {
			return article.Quote{}, false
		}
		content = article.Span{Start: toks[s].start, End: toks[k].end}
	}
	return article.Quote{
		Content: content, Speaker: &sp, SpeakerEntity: -1, Cue: &cue, CueVerb: "according to", Confidence: 0.8,
	}, true
}

// notSpeakers are capitalised labels that end in a colon without
// introducing anyone's words.
var notSpeakers = map[string]bool{
	"note": true, "update": true, "updated": true, "editor": true, "editors": true, "photo": true,
	"photos": true, "source": true, "sources": true, "read": true, "watch": true, "related": true,
	"correction": true, "disclosure": true, "warning": true, "q": true, "a": true, "video": true,
	"image": true, "credit": true, "advertisement": true, "tags": true, "share": true, "topics": true,
	"subscribe": true, "abstract": true, "full": true, "text": true, "dateline": true, "byline": true,
	"see": true, "also": true, "more": true, "listen": true, "click": true, "follow": true, "contact": true,
	"email": true, "phone": true, "tel": true, "fax": true, "web": true, "website": true, "date": true,
	"title": true, "url": true, "author": true, "by": true, "published": true, "summary": true,
}

// labels finds paragraphs that open with a speaker's name and a colon:
// interview transcripts ("WALLACE: …") and headlines ("Pat Caddell:
// Democrats Worried …"). The name must look like a name (capitalised words,
// at most four) so that section labels ("Little Relief for Refugees: …")
// stay out.
func (x *extractor) labels() {
	for _, p := range x.paras {
		toks := x.tokens(p.Start, min(p.End, p.Start+400))
		// A transcript turn may sit inside quotation marks: "WALLACE: …
		open := len(toks) > 0 && toks[0].isQuoteMark()
		if open {
			toks = toks[1:]
		}
		colon, ok := labelEnd(toks)
		if !ok {
			continue
		}
		rest := skipSpace(x.text, toks[colon].end)
		end := trimRight(x.text, rest, p.End)
		if wordCount(x.tokens(rest, end)) < 3 {
			continue
		}
		src := article.Span{Start: toks[0].start, End: toks[colon-1].end}
		cue := toks[colon]
		cueSpan := article.Span{Start: cue.start, End: cue.end}
		// A direct quote right after the colon takes the attribution.
		taken := false
		for i := range x.quotes {
			q := &x.quotes[i]
			if q.Direct && (q.Content.Start == rest || (open && q.Content.Start == p.Start)) && q.Speaker == nil {
				sp, cs := src, cueSpan
				q.Speaker, q.Cue, q.CueVerb, q.Confidence = &sp, &cs, ":", 0.7
				q.Scare = false
				taken = true
			}
		}
		if taken || x.inSegment(rest) || open {
			continue
		}
		sp, cs := src, cueSpan
		x.quotes = append(x.quotes, article.Quote{
			Content: article.Span{Start: rest, End: end}, Speaker: &sp, SpeakerEntity: -1,
			Cue: &cs, CueVerb: ":", Confidence: 0.6,
		})
		x.usedCue[cue.start] = true
	}
}

// beForms are the auxiliaries of the passive voice.
var beForms = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true, "'s": true}

// passive handles a cue in the passive voice: "Trump is expected to win",
// "The plan was criticized by Sen. Warren". The agent after "by", when
// given, is the source; otherwise the attribution has none (the corpus's
// Attribution-no-source). The content is the sentence without the cue.
func passive(toks []tok, c, n int, lemma string) (article.Quote, bool) {
	w := toks[c].lower()
	if n != 1 || !(strings.HasSuffix(w, "ed") || w == "seen" || w == "known" || w == "thought" || w == "said" || w == "shown" || w == "told" || w == "found" || w == "written") {
		return article.Quote{}, false
	}
	b := c - 1
	for b >= 0 && toks[b].word && (isAdverb(toks[b]) || cueModifiers[toks[b].lower()] && !auxiliaries[toks[b].lower()]) {
		b-- // "was first reported", "is also seen"
	}
	if b < 1 || !toks[b].word || !beForms[toks[b].lower()] {
		return article.Quote{}, false
	}
	cue := article.Span{Start: toks[b].start, End: toks[c].end}
	q := article.Quote{SpeakerEntity: -1, Cue: &cue, CueVerb: lemma, Confidence: 0.5}
	end := len(toks)
	for end > 0 && !toks[end-1].word && !toks[end-1].isQuoteMark() {
		end--
	}
	// The agent: "by" right after the verb or after its complement ("was
	// called a charlatan by fellow physicians"), before the clause ends.
	for k := c + 1; k < len(toks) && k-c <= 8; k++ {
		if !toks[k].word || toks[k].lower() == "that" {
			break
		}
		if toks[k].lower() != "by" {
			continue
		}
		if sp, ok := agentAfter(toks, k+1); ok {
			q.Speaker = &sp
			q.Confidence = 0.6
		}
		break
	}
	s := 0
	for s < b && !toks[s].word && !toks[s].isQuoteMark() {
		s++
	}
	if s >= end || wordCount(toks[s:end]) < 4 {
		return article.Quote{}, false
	}
	q.Content = article.Span{Start: toks[s].start, End: toks[end-1].end}
	return q, true
}

// restAfter returns the clause that goes on after a parenthetical
// attribution ending at toks[j] (past a short adjunct): `…, X said, REST.`
// It is empty when the sentence ends there or the words after the comma
// start a clause of their own ("and", "adding", "which").
func restAfter(toks []tok, j int) article.Span {
	k := j
	for k < len(toks) && k-j < 8 && toks[k].text != "," && toks[k].word {
		k++
	}
	if k >= len(toks) || toks[k].text != "," || k+1 >= len(toks) || !toks[k+1].word {
		return article.Span{}
	}
	switch toks[k+1].lower() {
	case "and", "but", "or", "adding", "saying", "noting", "which", "who", "while", "as", "although",
		"though", "because", "since", "so", "citing", "according", "in", "on", "at", "after", "before",
		"referring", "calling", "describing", "arguing", "explaining", "pointing", "insisting", "when":
		return article.Span{}
	}
	e := len(toks)
	for e > k+1 && !toks[e-1].word && !toks[e-1].isQuoteMark() && toks[e-1].text != ")" {
		e--
	}
	if wordCount(toks[k+1:e]) < 2 {
		return article.Span{}
	}
	for i := k + 1; i < e; i++ {
		if toks[i].isQuoteMark() {
			return article.Span{} // a quote of its own follows
		}
	}
	return article.Span{Start: toks[k+1].start, End: toks[e-1].end}
}

// asParenthetical handles "As X pointed out, CLAUSE" and "A, as X noted,
// B": the attribution sits in an as-clause, the content around it.
func (x *extractor) asParenthetical(toks []tok, c, n int, lemma string) (article.Quote, bool) {
	cue, m := cueSpan(toks, c, n, 0)
	if m == 0 {
		return article.Quote{}, false
	}
	from := m - 1
	if !(toks[from].word && (relPronouns[toks[from].lower()] || personPronouns[toks[from].lower()])) {
		f, ok := npLeft(toks, m, 0)
		if !ok {
			return article.Quote{}, false
		}
		from = f
	}
	if from == 0 || toks[from-1].lower() != "as" {
		return article.Quote{}, false
	}
	rest := restAfter(toks, c+n)
	if rest.End == rest.Start {
		// "…, as police have said." closes the sentence: the content is
		// what came before.
		as := from - 1
		if as < 2 || toks[as-1].text != "," || !tailEnds(toks, c+n) || wordCount(toks[:as-1]) < 3 {
			return article.Quote{}, false
		}
		s0 := firstWord(toks)
		sp := spanOf(toks, from, m)
		return article.Quote{
			Content: article.Span{Start: toks[s0].start, End: toks[as-2].end}, Speaker: &sp, SpeakerEntity: -1,
			Cue: &cue, CueVerb: lemma, Confidence: 0.75,
		}, true
	}
	content := rest
	if as := from - 1; as > 0 && toks[as-1].text == "," {
		// "Hawaii, as one of his advisers pointed out, normally …": the
		// content starts before the as-clause; the fragments join.
		s0 := 0
		for s0 < as-1 && !toks[s0].word {
			s0++
		}
		if s0 < as-1 {
			content.Start = toks[s0].start
		}
	} else if as != 0 && !(as == 1 && !toks[0].word) {
		return article.Quote{}, false
	}
	sp := spanOf(toks, from, m)
	return article.Quote{
		Content: content, Speaker: &sp, SpeakerEntity: -1, Cue: &cue, CueVerb: lemma, Confidence: 0.75,
	}, true
}

// firstWord returns the index of the first word token of toks (len(toks)
// when there is none).
func firstWord(toks []tok) int {
	for i, t := range toks {
		if t.word {
			return i
		}
	}
	return len(toks)
}

// agentAfter returns the agent phrase of a passive starting at toks[s]: a
// noun phrase npRight accepts, or a lower-case one ("far fewer
// publications", "fellow physicians") up to the clause's end.
func agentAfter(toks []tok, s int) (article.Span, bool) {
	if e, ok := npRight(toks, s); ok {
		// npRight runs on over "for": "by Congress for fraudulently …".
		for k := s + 1; k < e; k++ {
			if toks[k].word && agentLinks[toks[k].lower()] && toks[k].lower() != "of" && toks[k].lower() != "and" {
				e = k
				break
			}
		}
		return spanOf(toks, s, e), true
	}
	e := s
	for e < len(toks) && e-s < 12 && toks[e].word && !(e > s && (npBreakers[toks[e].lower()] && toks[e].lower() != "of" || agentLinks[toks[e].lower()] && toks[e].lower() != "of")) {
		e++
	}
	if e == s || !agentSubject(toks[s:e]) && !plainSubject(toks[e-1]) {
		return article.Span{}, false
	}
	return spanOf(toks, s, e), true
}

// colonBlocks finds a paragraph that ends "X added:" or "X made the
// following comment:" and introduces the next paragraph, printed without
// quotation marks (a block quote), as the speaker's words.
func (x *extractor) colonBlocks() {
	for i := 0; i+1 < len(x.paras); i++ {
		toks := x.tokens(x.paras[i].Start, x.paras[i].End)
		n := len(toks)
		if n < 3 || toks[n-1].text != ":" {
			continue
		}
		next := x.paras[i+1]
		if k, _ := markAt(x.text, next.Start); k != markNone || x.inSegment(next.Start) {
			continue // a quote in marks: direct quotes handle it
		}
		sent := sentenceTail(toks)
		var q article.Quote
		ok := false
		for c := len(sent) - 2; c >= 0 && len(sent)-c <= 8; c-- {
			l, cn := speechCueAt(sent, c)
			if l == "" || !speechCues[l] || x.usedCue[sent[c].start] {
				continue
			}
			cue, m := cueSpan(sent, c, cn, 0)
			f, found := npLeft(sent, m, 0)
			if !found {
				break
			}
			sp := spanOf(sent, f, m)
			q = article.Quote{Speaker: &sp, SpeakerEntity: -1, Cue: &cue, CueVerb: l, Confidence: 0.7}
			ok = true
			break
		}
		if !ok {
			q, ok = followingStatement(sent)
		}
		if !ok {
			continue
		}
		end := trimRight(x.text, next.Start, next.End)
		if wordCount(x.tokens(next.Start, end)) < 3 {
			continue
		}
		q.Content = article.Span{Start: next.Start, End: end}
		x.usedCue[q.Cue.Start] = true
		x.quotes = append(x.quotes, q)
	}
}

// followingStatement matches "X made/issued the following statement:" at
// the end of toks (the colon last).
func followingStatement(toks []tok) (article.Quote, bool) {
	n := len(toks)
	if n < 5 || !nominalCues[toks[n-2].lower()] && toks[n-2].lower() != "comments" {
		return article.Quote{}, false
	}
	if toks[n-3].lower() != "following" || toks[n-4].lower() != "the" {
		return article.Quote{}, false
	}
	v := n - 5
	if !toks[v].word || toks[v].isCap() {
		return article.Quote{}, false
	}
	m := v
	for m-1 >= 0 && toks[m-1].word && (auxiliaries[toks[m-1].lower()] || isAdverb(toks[m-1]) || cueModifiers[toks[m-1].lower()]) {
		m--
	}
	f, ok := npLeft(toks, m, 0)
	if !ok {
		return article.Quote{}, false
	}
	sp := spanOf(toks, f, m)
	cue := article.Span{Start: toks[m].start, End: toks[n-1].end}
	return article.Quote{Speaker: &sp, SpeakerEntity: -1, Cue: &cue, CueVerb: toks[n-2].lower(), Confidence: 0.7}, true
}

// skipParenthetical returns where the that-clause starts when a
// parenthetical sits between a cue and it ("cautioned, as did the campaign
// itself, that …"), else s.
func skipParenthetical(toks []tok, s int) int {
	if s >= len(toks) || toks[s].text != "," {
		return s
	}
	for k := s + 1; k < len(toks) && k-s < 12; k++ {
		if toks[k].text == "," {
			if k+1 < len(toks) && toks[k+1].lower() == "that" {
				return k + 1
			}
			return s
		}
		if !toks[k].word {
			return s
		}
	}
	return s
}

package quote

import (
	"strings"

	"github.com/dossier-news/dossier/internal/article"
)

// agentiveConfidence is the confidence of an attribution found by the
// agentive fallback: an agent's stance or act toward content ("Trump linked
// cybersecurity to …", "Graham has been critical of Trump"). News
// attribution corpora (PolNeAR, PARC) annotate these as attributions, but
// they report no words, so they rank below every speech pattern.
const agentiveConfidence = 0.4

// auxiliaries open a verb group: "has pooh-poohed", "will demand", "did not
// address".
var auxiliaries = map[string]bool{
	"has": true, "have": true, "had": true, "will": true, "would": true, "could": true, "can": true,
	"may": true, "might": true, "should": true, "must": true, "did": true, "does": true, "do": true,
	"is": true, "are": true, "was": true, "were": true, "'s": true, "’s": true, "'ll": true, "’ll": true,
	"hasn't": true, "hasn’t": true, "haven't": true, "haven’t": true, "didn't": true, "didn’t": true,
	"doesn't": true, "doesn’t": true, "don't": true, "don’t": true, "won't": true, "won’t": true,
	"wouldn't": true, "wouldn’t": true, "can't": true, "can’t": true, "couldn't": true, "couldn’t": true,
	"isn't": true, "isn’t": true, "wasn't": true, "wasn’t": true, "aren't": true, "aren’t": true,
	"weren't": true, "weren’t": true, "been": true, "be": true, "not": true, "never": true,
}

// agentNouns head a lower-case noun phrase that names people or bodies who
// can hold and voice a view: "the senator", "his aides", "many voters".
var agentNouns = map[string]bool{
	"official": true, "officials": true, "aide": true, "aides": true, "voter": true, "voters": true,
	"critic": true, "critics": true, "expert": true, "experts": true, "supporter": true,
	"supporters": true, "lawmaker": true, "lawmakers": true, "analyst": true, "analysts": true,
	"campaign": true, "administration": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "president": true, "senator": true, "governor": true, "candidate": true,
	"candidates": true, "nominee": true, "group": true, "groups": true, "committee": true,
	"court": true, "judge": true, "police": true, "reporter": true, "reporters": true,
	"researchers": true, "researcher": true, "scholars": true, "economists": true, "economist": true,
	"leader": true, "leaders": true, "members": true, "member": true, "government": true,
	"agency": true, "company": true, "firm": true, "party": true, "people": true, "americans": true,
	"residents": true, "activists": true, "advocates": true, "opponents": true, "opponent": true,
	"rival": true, "rivals": true, "allies": true, "ally": true, "democrats": true, "republicans": true,
	"ad": true, "report": true, "poll": true, "survey": true, "study": true, "letter": true,
	"statement": true, "board": true, "newspaper": true, "paper": true, "network": true,
	"prosecutors": true, "prosecutor": true, "investigators": true, "authorities": true,
	"ministry": true, "department": true, "council": true, "panel": true, "commission": true,
	"staff": true, "team": true, "operatives": true, "donors": true, "women": true, "men": true,
	"man": true, "woman": true, "source": true, "sources": true, "diplomats": true, "diplomat": true,
	"minister": true, "secretary": true, "chairman": true, "director": true, "mayor": true,
	"lawyer": true, "lawyers": true, "attorney": true, "attorneys": true, "doctor": true,
	"editorial": true, "editorials": true, "organization": true, "organizations": true,
	"congressman": true, "congresswoman": true, "representative": true, "speaker": true,
	"host": true, "moderator": true, "writer": true, "author": true, "columnist": true,
	"founder": true, "ceo": true, "executive": true, "executives": true, "chief": true,
	"surrogates": true, "surrogate": true, "strategist": true,
	"strategists": true, "pollster": true, "pollsters": true, "observers": true, "fans": true,
	"protesters": true, "workers": true, "students": true, "parents": true, "citizens": true,
	"immigrants": true, "conservatives": true, "liberals": true, "progressives": true,
	"senators": true, "governors": true, "politicians": true, "nation": true, "country": true,
	"countries": true, "state": true, "states": true, "city": true, "union": true, "unions": true,
	"website": true, "site": true, "outlet": true, "media": true, "press": true, "public": true,
	"everyone": true, "nobody": true, "someone": true, "anyone": true, "majority": true,
	"narrator": true, "announcer": true, "anchor": true, "correspondent": true, "commentator": true,
	"commentators": true, "pundit": true, "pundits": true, "caller": true, "callers": true,
	"witness": true, "witnesses": true, "neighbor": true, "neighbors": true, "friend": true,
	"friends": true, "relatives": true, "family": true, "families": true,
	"spokesmen": true, "spokeswomen": true, "adviser": true, "advisers": true, "advisor": true,
	"advisors": true, "consultant": true, "consultants": true, "scientist": true, "scientists": true,
	"historian": true, "historians": true, "professor": true, "professors": true, "officer": true,
	"officers": true, "troops": true, "soldiers": true, "delegates": true, "delegation": true,
	"bloc": true, "coalition": true, "alliance": true, "caucus": true, "congress": true,
	"senate": true, "house": true, "regime": true, "military": true, "army": true, "ministers": true,
	"judges": true, "justices": true, "jury": true, "panelists": true, "participants": true,
	"respondents": true, "owners": true, "owner": true, "employees": true, "employee": true,
}

// agentive is the fallback for sentences that no speech pattern
// attributed: "SUBJECT VERB-GROUP CONTENT" where the subject is an agent (a
// name, a personal pronoun or an agent noun) and the verb group reports a
// stance toward the content. With no part-of-speech layer the verb is
// recognised by the stance lexicon (stanceForms), and the guards against
// reading a noun as the verb ("the CNBC debate", "Trump’s plan") are
// positional. Sentences that a speech pattern already attributed are left
// alone: a second, weaker attribution there is more often wrong than right.
func (x *extractor) agentive() {
	for _, sent := range x.sentences {
		if x.hasAttribution(sent) {
			// A clause of its own beside a speech attribution ("Trump
			// praised X, and aides said …") is taken; a stance inside the
			// reported content is the speaker's claim, not the corpus's
			// second attribution more often than not.
			for _, q := range x.agentiveIn(x.tokens(sent.Start, sent.End)) {
				if !x.insideContent(*q.Cue) {
					x.quotes = append(x.quotes, q)
				}
			}
			continue
		}
		toks := x.tokens(sent.Start, sent.End)
		if len(toks) < 4 {
			continue
		}
		if isTitleCase(toks) {
			if q, ok := x.headline(toks); ok {
				x.quotes = append(x.quotes, q)
			}
			continue
		}
		x.quotes = append(x.quotes, x.agentiveIn(toks)...)
	}
}

// insideContent reports whether span lies inside the content of an
// attribution found so far.
func (x *extractor) insideContent(span article.Span) bool {
	for _, q := range x.quotes {
		if q.Cue != nil && !q.Scare && q.Content.Start <= span.Start && span.End <= q.Content.End {
			return true
		}
	}
	return false
}

// hasAttribution reports whether a quote with a cue starts in sent or has
// its cue there.
func (x *extractor) hasAttribution(sent article.Span) bool {
	for _, q := range x.quotes {
		if q.Cue == nil || q.Scare {
			continue
		}
		if sent.Overlaps(*q.Cue) {
			return true
		}
	}
	return false
}

// agentiveIn finds the fallback attributions of one sentence's tokens: each
// stance verb with an agent subject to its left.
func (x *extractor) agentiveIn(toks []tok) []article.Quote {
	var out []article.Quote
	if q, ok := x.openingParticiple(toks); ok {
		out = append(out, q)
	}
	out = append(out, x.askedClauses(toks)...)
	forms := stanceForms()
	for k := 1; k < len(toks); k++ {
		t := toks[k]
		if !t.word || t.isCap() {
			continue
		}
		lemma, ok := forms[t.lower()]
		if !ok && k+1 < len(toks) {
			// Verbs that are stances only with their particle: "laid out
			// her proposals", "seized on his remarks".
			if l, found := particleStances[t.lower()]; found && strings.Contains(l.particles, " "+toks[k+1].lower()+" ") {
				lemma, ok = l.lemma, true
			}
		}
		if !ok && !attitudeAdjectives[t.lower()] {
			continue // most words: no lookups beyond these two
		}
		if x.inSegment(t.start) || x.usedCue[t.start] {
			continue
		}
		if !ok {
			if q, ok := x.attitudeAdjective(toks, k); ok {
				out = append(out, q)
				x.usedCue[t.start] = true
			}
			continue
		}
		prev := toks[k-1]
		if articles[prev.lower()] || (strings.HasSuffix(prev.lower(), "'s") || strings.HasSuffix(prev.lower(), "’s")) && !pronounContraction(prev) || prev.lower() == "of" {
			continue // a noun: "his claim", "Trump’s plan"
		}
		// The verb group: auxiliaries, negations and adverbs before it.
		m := k
		if strings.HasSuffix(t.lower(), "ing") && prev.word && !prev.isCap() && prev.lower() != "to" && !auxiliaries[prev.lower()] && !isAdverb(prev) && !cueModifiers[prev.lower()] {
			// A gerund after its governing verb shares that verb's
			// subject: "Trump avoids condemning", "started off by
			// emphasizing".
			from := k
			if p := prev.lower(); (p == "by" || p == "of") && k >= 2 {
				from = k - 1 // "started off by emphasizing"
			}
			if c := catenative(toks, from); c >= 0 {
				m = c
			}
		}
		if prev.lower() == "to" {
			// An infinitive after a catenative verb: "Caddell went on to
			// discuss", "she tries to draw". The verb group reaches back over
			// the catenative, which must follow the subject at once.
			m = catenative(toks, k-1)
			if m < 0 {
				// Or the object of a causative is the subject: "led the
				// journalist Dainis Ivans to fear …", "forced Stumpf to admit".
				if q, ok := x.objectControl(toks, k, lemma); ok && !overlapsCue(out, *q.Cue) {
					out = append(out, q)
					x.usedCue[t.start] = true
				}
				continue
			}
		}
		for m-1 >= 0 && toks[m-1].word && (auxiliaries[toks[m-1].lower()] || isAdverb(toks[m-1]) || cueModifiers[toks[m-1].lower()]) && k-m < 8 {
			m--
		}
		if m == 0 {
			continue
		}
		w := t.lower()
		if m < k && prev.lower() != "to" && !strings.HasSuffix(w, "ing") && passiveAt(toks, k) {
			// A passive: "was criticized". With its agent ("was endorsed by
			// dozens of papers") the agent is the source.
			if q, ok := passive(toks, k, 1, lemma); ok && q.Speaker != nil && !overlapsCue(out, *q.Cue) && !x.cueTaken(*q.Cue) {
				q.Confidence, q.Stance = agentiveConfidence, true
				out = append(out, q)
				x.usedCue[t.start] = true
			}
			continue
		}
		// A present form with no auxiliary is as often a noun: "the CNBC
		// debate", "Presidential debates", "a New York Times report".
		bare := m == k && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing") && !irregularPast[w]
		if bare && (nounCompound(toks, k) || (toks[k-1].word && determiners[toks[k-1].lower()])) {
			continue
		}
		if (bare || m == k && strings.HasSuffix(w, "ing")) && k+1 < len(toks) && toks[k+1].word && auxiliaries[toks[k+1].lower()] && toks[k+1].lower() != "not" {
			continue // "Health worries have dogged …", "the ruling could decide": the subject's head
		}
		var from, to int
		if (strings.HasSuffix(w, "ing") && toks[m-1].text == ",") || toks[m-1].lower() == "and" || toks[m-1].lower() == "but" || toks[m-1].lower() == "or" {
			// A participle after a comma or a coordinated verb shares the
			// subject: "Clinton spoke, comparing him …", "Trump praised
			// Putin and attacked Obama".
			s0, e, ok := sharedSubject(toks, m)
			if ok && (!agentSubject(toks[s0:e]) || !plainNP(toks[s0:e])) {
				// "Clinton leaned in", "The government reversed the rules":
				// the subject is the name or the determiner and its noun,
				// not the clause npRight ran on into.
				e = s0 + 1
				if determiners[toks[s0].lower()] && e < len(toks) && toks[e].word {
					e++
				}
				for e < len(toks) && toks[e].isCap() {
					e++
				}
			}
			if !ok || !agentSubject(toks[s0:e]) {
				continue
			}
			from, to = s0, e
		} else {
			f, ok := npLeft(toks, m, 0)
			if !ok || !agentSubject(toks[f:m]) {
				continue
			}
			from, to = f, m
		}
		cueEnd := k + 1
		if cueEnd < len(toks) && toks[cueEnd].word && (cueParticles[toks[cueEnd].lower()] || strings.Contains(lemma, " ")) {
			cueEnd++ // "talked about", "weighed in"
		}
		s := cueEnd
		if lemma == "tell" || lemma == "warn" || lemma == "urge" || lemma == "promise" || lemma == "assure" || lemma == "inform" {
			s = skipObject(toks, s)
		}
		s = skipParenthetical(toks, s)
		end := clauseEnd(toks, s)
		if s >= len(toks) {
			continue
		}
		byGerund := toks[s].lower() == "by" && s+1 < end && strings.HasSuffix(toks[s+1].lower(), "ing") // "responded by using …"
		if end <= s || wordCount(toks[s:end]) < 1 || !(toks[s].word || toks[s].isQuoteMark()) || (adjunctOnly[toks[s].lower()] && !(toks[s].lower() == "as" && characterising[lemma]) && !byGerund) {
			continue // "told on Thursday", "wrote in 2014": no content
		}
		if bare && w == lemma && !pluralSubject(subjectHead(toks[from:to])) {
			continue // "Clinton debate": a base form needs "they", "we" or a plural
		}
		if !plainNP(toks[from:to]) {
			continue
		}
		sp := spanOf(toks, from, to)
		cue := article.Span{Start: toks[m].start, End: toks[cueEnd-1].end}
		if x.cueTaken(cue) || overlapsCue(out, cue) {
			continue
		}
		out = append(out, article.Quote{
			Content: article.Span{Start: toks[s].start, End: toks[end-1].end}, Speaker: &sp, SpeakerEntity: -1,
			Cue: &cue, CueVerb: lemma, Confidence: agentiveConfidence, Stance: true,
		})
		x.usedCue[t.start] = true
	}
	return out
}

// cueParticles follow a verb as part of its cue: "talked about", "called
// for", "pointed out".
var cueParticles = map[string]bool{
	"about": true, "of": true, "for": true, "on": true, "out": true, "against": true, "at": true,
	"over": true, "with": true, "up": true, "upon": true, "after": true,
}

// agentSubject reports whether a subject phrase names an agent: a personal
// pronoun, a capitalised name, or an agent noun at its head.
func agentSubject(toks []tok) bool {
	if len(toks) == 0 {
		return false
	}
	if len(toks) == 1 {
		if pronounContraction(toks[0]) {
			return true
		}
		switch toks[0].lower() {
		case "he", "she", "they", "we", "i", "you", "who", "which":
			return true
		case "it", "this", "that", "there":
			return false
		}
	}
	// The head decides: the last word before an appositive. A name, or an
	// agent noun ("the campaign"), not "the losses" or "Trump made the".
	h := headEnd(toks)
	for _, t := range toks {
		if t.end == h {
			return (t.isCap() && !determiners[t.lower()]) || agentNouns[t.lower()] || evidenceNouns[t.lower()] || mediaNouns[t.lower()]
		}
	}
	return false
}

// adjunctOnly open a phrase that is no reported content when it directly
// follows the verb: "said Friday as he entered", "reported from Midway".
var adjunctOnly = map[string]bool{
	"in": true, "on": true, "at": true, "from": true, "during": true, "as": true, "before": true,
	"after": true, "since": true, "until": true, "by": true, "with": true, "through": true,
	"into": true, "monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "yesterday": true, "today": true,
	"tonight": true, "earlier": true, "later": true, "last": true, "this": true, "when": true,
	"while": true, "enough": true, "so": true, "too": true, "again": true, "up": true, "down": true,
}

// irregularPast are past forms of stance verbs without -ed.
var irregularPast = map[string]bool{
	"said": true, "told": true, "wrote": true, "thought": true, "knew": true, "understood": true,
	"felt": true, "found": true, "sought": true, "saw": true, "swore": true, "forgot": true,
	"meant": true, "cast": false, "foresaw": true, "forbade": true, "written": true, "known": true,
	"seen": true,
}

// pluralSubject reports whether the word before a base-form verb can be its
// subject: a plural pronoun or noun.
func pluralSubject(t tok) bool {
	l := t.lower()
	switch l {
	case "they", "we", "i", "you", "who", "people", "police", "staff", "media", "public":
		return true
	}
	return t.word && strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss") && !strings.HasSuffix(l, "'s") && !strings.HasSuffix(l, "’s")
}

// plainNP reports whether a subject phrase holds no verb of its own (a
// headline "Jill Stein removed from N.Y. debate", or a clause run into the
// phrase): its lower-case words before any appositive are no -ed forms or
// stance verbs, unless they are agent nouns.
func plainNP(toks []tok) bool {
	for _, t := range toks {
		if t.text == "," || t.text == "(" {
			return true
		}
		if !t.word || t.isCap() || agentNouns[t.lower()] || determiners[t.lower()] {
			continue
		}
		l := t.lower()
		if strings.HasSuffix(l, "ed") {
			return false
		}
		if _, ok := stanceForms()[l]; ok {
			return false
		}
	}
	return true
}

// attitudeAdjectives report a stance when an agent is them about something:
// "Graham has been critical of Trump", "aides were coy about it".
var attitudeAdjectives = map[string]bool{
	"critical": true, "concerned": true, "worried": true, "confident": true, "sure": true,
	"certain": true, "convinced": true, "skeptical": true, "sceptical": true, "supportive": true,
	"opposed": true, "aware": true, "afraid": true, "hopeful": true, "optimistic": true,
	"pessimistic": true, "frustrated": true, "angry": true, "upset": true, "furious": true,
	"pleased": true, "proud": true, "disappointed": true, "eager": true, "willing": true,
	"reluctant": true, "unwilling": true, "determined": true, "adamant": true, "unsure": true,
	"uncertain": true, "keen": true, "incensed": true, "outraged": true, "troubled": true,
	"alarmed": true, "unhappy": true, "happy": true, "satisfied": true, "dissatisfied": true,
	"excited": true, "wary": true, "coy": true, "passionate": true, "interested": true,
	"enthusiastic": true, "fond": true, "dismissive": true, "suspicious": true, "doubtful": true,
	"insistent": true, "emphatic": true, "vocal": true, "clear": false, "bullish": true,
	"bearish": true, "nervous": true, "anxious": true, "comfortable": true, "uncomfortable": true,
	"open": true, "silent": true, "quiet": true, "mum": true, "candid": true, "blunt": true,
	"unapologetic": true, "apologetic": true, "grateful": true, "thankful": true, "unimpressed": true,
	"impressed": true, "annoyed": true, "irritated": true, "disturbed": true, "appalled": true,
	"horrified": true, "disgusted": true, "embarrassed": true, "ashamed": true, "resigned": true,
	"committed": true, "dedicated": true, "opposed to": false, "against": false, "in favor": false,
}

// attitudeAdjective finds "SUBJECT BE (ADV) ADJECTIVE (PREP|that|to) CONTENT"
// with the adjective at toks[k].
func (x *extractor) attitudeAdjective(toks []tok, k int) (article.Quote, bool) {
	if !attitudeAdjectives[toks[k].lower()] || k+1 >= len(toks) {
		return article.Quote{}, false
	}
	m := k
	for m-1 >= 0 && toks[m-1].word && (isAdverb(toks[m-1]) || toks[m-1].lower() == "too" || toks[m-1].lower() == "so" || toks[m-1].lower() == "very" || toks[m-1].lower() == "quite" || toks[m-1].lower() == "more" || toks[m-1].lower() == "less") && k-m < 3 {
		m--
	}
	if m == 0 || !beForms[toks[m-1].lower()] && toks[m-1].lower() != "been" && toks[m-1].lower() != "remain" && toks[m-1].lower() != "remains" && toks[m-1].lower() != "remained" && toks[m-1].lower() != "seemed" && toks[m-1].lower() != "seems" {
		return article.Quote{}, false
	}
	m--
	for m-1 >= 0 && toks[m-1].word && (auxiliaries[toks[m-1].lower()] || isAdverb(toks[m-1]) || cueModifiers[toks[m-1].lower()]) && k-m < 7 {
		m--
	}
	s := k + 1
	switch toks[s].lower() {
	case "of", "about", "that", "to", "with", "in", "on", "over", "toward", "towards", "for", "at":
	default:
		return article.Quote{}, false
	}
	cueEnd := s
	if toks[s].lower() != "that" && toks[s].lower() != "to" {
		cueEnd = s + 1 // "critical of": the preposition is part of the cue
		s++
	}
	if m == 0 {
		return article.Quote{}, false
	}
	f, ok := npLeft(toks, m, 0)
	if !ok || !agentSubject(toks[f:m]) || !plainNP(toks[f:m]) {
		return article.Quote{}, false
	}
	end := len(toks)
	for k2 := s; k2 < len(toks); k2++ {
		if toks[k2].text == ";" {
			end = k2
			break
		}
	}
	for end > s && !toks[end-1].word && !toks[end-1].isQuoteMark() && toks[end-1].text != ")" {
		end--
	}
	if end <= s || wordCount(toks[s:end]) < 1 {
		return article.Quote{}, false
	}
	sp := spanOf(toks, f, m)
	cue := article.Span{Start: toks[m].start, End: toks[cueEnd-1].end}
	return article.Quote{
		Content: article.Span{Start: toks[s].start, End: toks[end-1].end}, Speaker: &sp, SpeakerEntity: -1,
		Cue: &cue, CueVerb: "be " + toks[k].lower(), Confidence: agentiveConfidence, Stance: true,
	}, true
}

// characterising lemmas take "as" before their content: "describing as
// “unhinged” a tweet", "cast him as a villain".
var characterising = map[string]bool{
	"describe": true, "characterize": true, "characterise": true, "cast": true, "paint": true,
	"portray": true, "see": true, "view": true, "regard": true, "brand": true, "label": true,
	"dub": true, "depict": true, "frame": true, "classify": true, "rate": true, "rank": true,
	"hail": true, "praise": true, "criticize": true, "criticise": true, "dismiss": true, "mock": true,
}

// catenative returns the start of the verb group ending in the "to" at
// toks[to] ("went on to", "tries to", "appeared to", "has been quick to"):
// at most three lower-case words that are no determiners, pronouns or
// clause words, the first of them verb-like; -1 when there is none.
func catenative(toks []tok, to int) int {
	m := to
	for m-1 >= 0 && to-m < 4 && toks[m-1].word && !toks[m-1].isCap() && !determiners[toks[m-1].lower()] && !personPronouns[toks[m-1].lower()] && !relPronouns[toks[m-1].lower()] && (!npBreakers[toks[m-1].lower()] || auxiliaries[toks[m-1].lower()] || toks[m-1].lower() == "on") {
		m--
	}
	if m == to {
		return -1
	}
	w := toks[m].lower()
	if !(auxiliaries[w] || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") || irregularPast[w] || catenatives[w]) {
		return -1
	}
	return m
}

// catenatives are irregular verb forms that take an infinitive.
var catenatives = map[string]bool{
	"went": true, "began": true, "sought": true, "tried": true, "try": true, "want": true,
	"need": true, "continue": true, "refuse": true, "decline": true, "plan": true, "hope": true,
	"seem": true, "appear": true, "fail": true, "begin": true, "vow": true, "promise": true,
	"threaten": true, "agree": true, "decide": true, "intend": true, "expect": true, "used": true,
	"came": true, "got": true, "chose": true, "choose": true, "rushed": true, "moved": true,
}

// cueTaken reports whether an attribution found so far has a cue
// overlapping span: "Critics have labelled the plan ‘…’" is the direct
// quote's attribution already.
func (x *extractor) cueTaken(span article.Span) bool {
	for _, q := range x.quotes {
		if q.Cue != nil && q.Cue.Overlaps(span) {
			return true
		}
	}
	return false
}

// clauseEnd returns where the content starting at toks[s] ends: the
// sentence end, a semicolon, or a comma before a conjunction that opens a
// clause of its own ("…, and the envoy said …"), trailing punctuation left
// out.
func clauseEnd(toks []tok, s int) int {
	end := len(toks)
	for k := s; k < len(toks); k++ {
		if toks[k].text == ";" {
			end = k
			break
		}
		if toks[k].text == "," && k+1 < len(toks) && clauseConjunctions[toks[k+1].lower()] {
			end = k
			break
		}
	}
	for end > s && !toks[end-1].word && !toks[end-1].isQuoteMark() && toks[end-1].text != ")" {
		end--
	}
	return end
}

// clauseConjunctions open a clause of its own after a comma.
var clauseConjunctions = map[string]bool{
	"and": true, "but": true, "while": true, "whereas": true, "although": true, "though": true,
	"yet": true, "because": true, "so": true,
}

// headline finds the attribution of a title-case line, where capitals say
// nothing: "Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud’",
// "Obama Sees ‘Personal Insult’ …". The subject is every word before the
// first stance verb (at most five, no punctuation), the content every word
// after it.
func (x *extractor) headline(toks []tok) (article.Quote, bool) {
	for k := 1; k < len(toks) && k <= 5; k++ {
		t := toks[k]
		if !t.word || x.inSegment(t.start) {
			return article.Quote{}, false
		}
		lemma, ok := stanceForms()[t.lower()]
		if !ok || t.lower() == lemma && !strings.HasSuffix(toks[k-1].lower(), "s") {
			continue // a base form needs a plural subject: "Lawmakers Rip"
		}
		if strings.HasSuffix(t.lower(), "ing") || possessivePronouns[toks[k-1].lower()] || isPossessive(toks, k-1) || determiners[toks[k-1].lower()] {
			continue
		}
		for _, st := range toks[:k] {
			if !st.word || npBreakers[st.lower()] && !determiners[st.lower()] {
				return article.Quote{}, false
			}
		}
		cueEnd := k + 1
		if cueEnd < len(toks) && toks[cueEnd].word && cueParticles[toks[cueEnd].lower()] {
			cueEnd++
		}
		end := clauseEnd(toks, cueEnd)
		if end <= cueEnd || wordCount(toks[cueEnd:end]) < 1 {
			return article.Quote{}, false
		}
		sp := spanOf(toks, 0, k)
		cue := article.Span{Start: t.start, End: toks[cueEnd-1].end}
		if x.cueTaken(cue) {
			return article.Quote{}, false
		}
		return article.Quote{
			Content: article.Span{Start: toks[cueEnd].start, End: toks[end-1].end}, Speaker: &sp, SpeakerEntity: -1,
			Cue: &cue, CueVerb: lemma, Confidence: agentiveConfidence, Stance: true,
		}, true
	}
	return article.Quote{}, false
}

// overlapsCue reports whether one of qs has a cue overlapping span.
func overlapsCue(qs []article.Quote, span article.Span) bool {
	for _, q := range qs {
		if q.Cue != nil && q.Cue.Overlaps(span) {
			return true
		}
	}
	return false
}

// mediaNouns are works and records that state, show or argue: "The film
// explains …", "the ad features …", "the law prohibits …".
var mediaNouns = map[string]bool{
	"film": true, "book": true, "article": true, "piece": true, "column": true, "editorial": true,
	"ad": true, "ads": true, "clip": true, "spot": true, "documentary": true, "website": true,
	"tweet": true, "tweets": true, "post": true, "speech": true, "bill": true, "law": true,
	"rules": true, "regulation": true, "regulations": true, "constitution": true, "platform": true,
	"story": true, "headline": true, "paper": true, "findings": true, "results": true,
	"numbers": true, "figures": true, "records": true, "emails": true, "documents": true,
	"polls": true, "surveys": true, "studies": true, "reports": true, "show": true, "program": true,
	"episode": true, "interview": true, "op-ed": true, "essay": true, "blog": true, "message": true,
	"messages": true, "letters": true, "memos": true, "data": true, "research": true,
}

// participleLeads may open a sentence before a participle: "After saying
// …, she …".
var participleLeads = map[string]bool{"after": true, "before": true, "while": true, "by": true, "since": true, "upon": true, "when": true}

// openingParticiple handles a sentence that opens with a participle of a
// stance or speech verb: "Bemoaning the “phony system,” Trump accused …",
// "After saying her foot was swollen, she …". The participle's subject is
// the main clause's, after the comma that closes the participial phrase.
func (x *extractor) openingParticiple(toks []tok) (article.Quote, bool) {
	p := firstWord(toks)
	if p < len(toks) && participleLeads[toks[p].lower()] {
		p++
	}
	if p >= len(toks) || !toks[p].word || x.inSegment(toks[p].start) {
		return article.Quote{}, false
	}
	w := toks[p].lower()
	if !strings.HasSuffix(w, "ing") {
		return article.Quote{}, false
	}
	lemma, ok := stanceForms()[w]
	if !ok {
		if lemma, ok = cues[w]; !ok {
			return article.Quote{}, false
		}
	}
	cueEnd := p + 1
	if cueEnd < len(toks) && toks[cueEnd].word && cueParticles[toks[cueEnd].lower()] {
		cueEnd++
	}
	if cueEnd >= len(toks) || !(toks[cueEnd].word || toks[cueEnd].isQuoteMark()) || adjunctOnly[toks[cueEnd].lower()] || toks[cueEnd].lower() == "to" || toks[cueEnd].lower() == "for" {
		return article.Quote{}, false // "Speaking to students, …": no content
	}
	// The comma closing the phrase, outside quotation marks.
	comma := -1
	for k := cueEnd; k < len(toks) && k-p < 30; k++ {
		if toks[k].text == "," && (!x.inSegment(toks[k].start) || k+1 < len(toks) && toks[k+1].isQuoteMark() && !x.inSegment(toks[k+1].end)) {
			comma = k
			break
		}
		if toks[k].endsSentence() && !x.inSegment(toks[k].start) {
			break
		}
	}
	// The comma may sit inside the closing quote mark: `“phony system,” Trump`.
	subj := comma + 1
	for subj < len(toks) && subj > 0 && toks[subj].isQuoteMark() {
		subj++
	}
	if comma < 0 || comma <= cueEnd || subj >= len(toks) {
		return article.Quote{}, false
	}
	// The subject: a name or a pronoun, else a noun phrase up to its verb.
	e := subj + 1
	if toks[subj].isCap() {
		for e < len(toks) && toks[e].isCap() {
			e++
		}
	} else if !personPronouns[toks[subj].lower()] {
		var ok bool
		if e, ok = npRight(toks, subj); !ok {
			return article.Quote{}, false
		}
	}
	if !agentSubject(toks[subj:e]) {
		return article.Quote{}, false
	}
	// The subject must be followed by its verb, not end the sentence.
	if e >= len(toks) || !toks[e].word {
		return article.Quote{}, false
	}
	sp := spanOf(toks, subj, e)
	cue := article.Span{Start: toks[p].start, End: toks[cueEnd-1].end}
	if x.cueTaken(cue) {
		return article.Quote{}, false
	}
	end := comma
	for end > cueEnd && !toks[end-1].word && !toks[end-1].isQuoteMark() {
		end--
	}
	x.usedCue[toks[p].start] = true
	return article.Quote{
		Content: article.Span{Start: toks[cueEnd].start, End: toks[end-1].end}, Speaker: &sp, SpeakerEntity: -1,
		Cue: &cue, CueVerb: lemma, Confidence: agentiveConfidence, Stance: true,
	}, true
}

// causatives make their object the subject of the infinitive after it.
var causatives = map[string]bool{
	"led": true, "leads": true, "forced": true, "forces": true, "prompted": true, "prompts": true,
	"urged": true, "urges": true, "asked": true, "asks": true, "told": true, "pushed": true,
	"pressed": true, "encouraged": true, "invited": true, "allowed": true, "persuaded": true,
	"convinced": true, "pressured": true, "challenged": true, "implored": true, "begged": true,
	"called": true, "inspired": true, "drove": true, "caused": true,
}

// objectControl handles "CAUSATIVE OBJECT to VERB CONTENT" with the stance
// verb at toks[k]: the object is the source ("forced Stumpf to admit that
// …").
func (x *extractor) objectControl(toks []tok, k int, lemma string) (article.Quote, bool) {
	to := k - 1
	if to < 2 {
		return article.Quote{}, false
	}
	// The object runs back to the causative verb, past an appositive
	// between commas ("forced Stumpf, who was under questioning, to").
	objEnd := to
	j := to - 1
	if toks[j].text == "," {
		for j--; j >= 0 && to-j < 30 && toks[j].text != ","; j-- {
		}
		if j < 1 {
			return article.Quote{}, false
		}
		objEnd = j
		j--
	}
	for j >= 0 && objEnd-j < 8 && toks[j].word && !causatives[toks[j].lower()] && !(toks[j].lower() == "on" && j > 0 && toks[j-1].lower() == "called") {
		if npBreakers[toks[j].lower()] && !determiners[toks[j].lower()] {
			return article.Quote{}, false
		}
		j--
	}
	if j < 0 || !toks[j].word {
		return article.Quote{}, false
	}
	f := j + 1
	if f >= objEnd || !agentSubject(toks[f:objEnd]) {
		return article.Quote{}, false
	}
	cueEnd := k + 1
	if cueEnd < len(toks) && toks[cueEnd].word && cueParticles[toks[cueEnd].lower()] {
		cueEnd++
	}
	end := clauseEnd(toks, cueEnd)
	if end <= cueEnd || !(toks[cueEnd].word || toks[cueEnd].isQuoteMark()) || adjunctOnly[toks[cueEnd].lower()] {
		return article.Quote{}, false
	}
	sp := spanOf(toks, f, objEnd)
	cue := article.Span{Start: toks[to].start, End: toks[cueEnd-1].end}
	if x.cueTaken(cue) {
		return article.Quote{}, false
	}
	return article.Quote{
		Content: article.Span{Start: toks[cueEnd].start, End: toks[end-1].end}, Speaker: &sp, SpeakerEntity: -1,
		Cue: &cue, CueVerb: lemma, Confidence: agentiveConfidence, Stance: true,
	}, true
}

// passiveAt reports whether the verb at toks[k] follows a form of "be",
// past adverbs ("was first reported", "has been widely criticized").
func passiveAt(toks []tok, k int) bool {
	b := k - 1
	for b >= 0 && toks[b].word && (isAdverb(toks[b]) || cueModifiers[toks[b].lower()] && !auxiliaries[toks[b].lower()]) {
		b--
	}
	return b >= 0 && toks[b].word && beForms[toks[b].lower()]
}

// questionLinks introduce what someone was asked.
var questionLinks = map[string]bool{
	"about": true, "if": true, "whether": true, "what": true, "why": true, "who": true, "whom": true,
	"how": true, "when": true, "where": true, "which": true, "to": true,
}

// askedClauses finds the questions put to an unnamed asker: "Asked about
// her vote, Clinton said …", "…, when asked whether he would run, …". The
// corpus annotates them as attributions without a source; the content is
// the question, up to the comma.
func (x *extractor) askedClauses(toks []tok) []article.Quote {
	var out []article.Quote
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].lower() != "asked" || x.inSegment(toks[k].start) || x.usedCue[toks[k].start] {
			continue
		}
		// Sentence-initial, or after "when"/"after"/"if" or a comma.
		if k != firstWord(toks) {
			prev := toks[k-1].lower()
			if prev != "when" && prev != "after" && prev != "if" && prev != "once" && prev != "," {
				continue
			}
		}
		s := k + 1
		for s < len(toks) && toks[s].word && isAdverb(toks[s]) {
			s++ // "asked specifically"
		}
		if s >= len(toks) || !questionLinks[toks[s].lower()] {
			continue
		}
		cueEnd := k + 1
		if toks[s].lower() == "about" {
			cueEnd = s + 1
			s++
		}
		end := s
		for end < len(toks) && toks[end].text != "," && !toks[end].endsSentence() && toks[end].text != ";" {
			end++
		}
		if end >= len(toks) || toks[end].text != "," || wordCount(toks[s:end]) < 1 {
			continue // the asked clause leads into a main clause
		}
		for end > s && !toks[end-1].word && !toks[end-1].isQuoteMark() {
			end--
		}
		cue := article.Span{Start: toks[k].start, End: toks[cueEnd-1].end}
		if x.cueTaken(cue) {
			continue
		}
		x.usedCue[toks[k].start] = true
		out = append(out, article.Quote{
			Content: article.Span{Start: toks[s].start, End: toks[end-1].end}, SpeakerEntity: -1,
			Cue: &cue, CueVerb: "ask", Confidence: 0.5,
		})
	}
	return out
}

// subjectHead returns the head word of a subject phrase: the last word
// before an "of" or an appositive ("members" in "other members of
// Congress"), else the last word.
func subjectHead(toks []tok) tok {
	head := toks[len(toks)-1]
	for i, t := range toks {
		if t.text == "," || t.text == "(" || t.lower() == "of" {
			if i > 0 {
				return toks[i-1]
			}
			break
		}
		if t.word {
			head = t
		}
	}
	return head
}

// particleStance is a verb form that reports a stance only before one of
// its particles.
type particleStance struct{ lemma, particles string }

// particleStances are verbs whose stance sense needs a particle: "laid
// out", "spelled out", "seized on", "weighed in", "lashed out".
var particleStances = func() map[string]particleStance {
	m := map[string]particleStance{}
	add := func(lemma, particles string, forms ...string) {
		for _, f := range forms {
			m[f] = particleStance{lemma, " " + particles + " "}
		}
	}
	add("lay out", "out", "lay", "lays", "laid", "laying")
	add("spell out", "out", "spell", "spells", "spelled", "spelt", "spelling")
	add("seize on", "on upon", "seize", "seizes", "seized", "seizing")
	add("weigh in", "in", "weigh", "weighs", "weighed", "weighing")
	add("lash out", "out", "lash", "lashes", "lashed", "lashing")
	add("speak out", "out about of against on", "speak", "speaks", "spoke", "speaking")
	add("go after", "after", "go", "goes", "went", "going")
	return m
}()

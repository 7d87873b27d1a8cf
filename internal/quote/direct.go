package quote

import (
	"strings"
	"unicode"

	"github.com/dossier-news/dossier/internal/article"
)

// maxScareWords is the longest quoted phrase, in words, that counts as a
// scare quote when nobody is credited with it.
const maxScareWords = 3

// direct turns quote segments into direct quotes with their attribution.
func (x *extractor) direct(segs []Segment) {
	x.segs = segs
	// prev is the last attributed quote of the current paragraph, for
	// continuations: `“…,” X said. “…”`.
	prevQuote := -1
	prevPara := -1
	for si, seg := range segs {
		para := x.paragraphOf(seg.Span.Start)
		if para.Start != prevPara {
			prevQuote = -1
			prevPara = para.Start
		}
		inner := seg.Inner.Of(x.text)
		innerToks := x.tokens(seg.Inner.Start, seg.Inner.End)
		words := wordCount(innerToks)
		if words == 0 {
			continue
		}
		lastPara := x.paragraphOf(max(seg.Span.End-1, seg.Span.Start))
		// The attribution after a quote never crosses a line break.
		afterEnd := lastPara.End
		if nl := strings.IndexByte(x.text[seg.Span.End:afterEnd], '\n'); nl >= 0 {
			afterEnd = seg.Span.End + nl
		}
		after := x.tokens(seg.Span.End, afterEnd)
		// Tokens of this sentence before the opening mark.
		before := sentenceTail(x.tokens(para.Start, seg.Span.Start))
		// A previous quote in the sentence cuts it: `“a,” he said, “b”`.
		for k := len(before) - 1; k >= 0; k-- {
			if before[k].isQuoteMark() {
				before = before[k+1:]
				break
			}
		}
		// "He said:" closing the previous paragraph introduces the quote.
		if len(before) == 0 && para.Start > 0 {
			prev := x.paragraphOf(max(0, trimRight(x.text, 0, para.Start)-1))
			if pt := x.tokens(prev.Start, prev.End); len(pt) > 0 && pt[len(pt)-1].text == ":" && prev.Start < para.Start {
				before = sentenceTail(pt)
			}
		}
		ends := innerEndsSentence(inner)
		q := article.Quote{Content: seg.Span, Direct: true, SpeakerEntity: -1}
		short := words <= maxScareWords && !ends && seg.Paragraphs == 1
		if short && words >= 2 && titleCase(innerToks) {
			// A title or a name in quotes ("Fox News Sunday", "Morning
			// Joe"): nobody's words.
			q := article.Quote{Content: seg.Span, Direct: true, SpeakerEntity: -1, Scare: true, Partial: true, Confidence: 0.6}
			x.quotes = append(x.quotes, q)
			continue
		}
		startsLower := startsLowerCase(inner)
		embedded := wordCount(before) > 0 && !(before[len(before)-1].text == ":")

		var a attribution
		ok := false
		// A colon after a cue introduces the quote: that beats anything after it.
		if len(before) > 0 && before[len(before)-1].text == ":" {
			if b, found := beforeQuote(before); found && !x.usedCue[b.cue.Start] {
				a, ok = b, true
			}
		}
		if !ok {
			a, ok = afterQuote(after, ends)
			if ok && x.usedCue[a.cue.Start] {
				ok = false
			}
		}
		if !ok {
			if b, found := beforeQuote(before); found && !x.usedCue[b.cue.Start] {
				a, ok = b, true
				if short || startsLower {
					a.conf = 0.8
				}
			}
		}
		if !ok && (embedded || startsLower || short) {
			// A fragment inside a sentence: the nearest cue before it, or a
			// trailing ", X said" after the rest of the sentence.
			dist := 40
			if short {
				dist = 5
			}
			if b, found := sentenceCue(before, dist); found && !x.usedCue[b.cue.Start] {
				a, ok = b, true
			} else if b, found := x.trailingCue(seg); found && !x.usedCue[b.cue.Start] {
				a, ok = b, true
			}
		}
		if !ok && !short && !ends {
			// `“…” to drive up the price, she said`: the sentence goes on
			// after the quote and ends with its attribution.
			if b, found := x.trailingCue(seg); found && !x.usedCue[b.cue.Start] {
				a, ok = b, true
			}
		}
		if !ok && !short && prevQuote >= 0 && x.continues(segs[si-1], seg) {
			// An attribution after the previous quote that it did not use
			// (it had its own, before it) belongs to this one:
			// `He scolded: “…,” she said. “…”`.
			between := x.tokens(segs[si-1].Span.End, seg.Span.Start)
			if b, found := afterQuote(between, false); found && !x.usedCue[b.cue.Start] {
				a, ok = b, true
			} else {
				p := x.quotes[prevQuote]
				a = attribution{speaker: *p.Speaker, cue: *p.Cue, lemma: p.CueVerb, conf: 0.75}
				ok = true
			}
		}
		switch {
		case ok:
			q.Confidence = a.conf
			if a.hasSpeaker() {
				sp := a.speaker
				q.Speaker = &sp
			}
			cue := a.cue
			q.Cue = &cue
			q.CueVerb = a.lemma
			q.Partial = startsLower || (embedded && !strings.HasSuffix(strings.TrimSpace(spanText(x.text, before)), ","))
			x.usedCue[a.cue.Start] = true
		case short:
			q.Scare = true
			q.Partial = true
			q.Confidence = 0.6
		default:
			q.Partial = startsLower || embedded
			q.Confidence = 0.5
		}
		if !seg.Closed {
			q.Confidence *= 0.8
		}
		x.quotes = append(x.quotes, q)
		if q.Speaker != nil && q.Cue != nil {
			prevQuote = len(x.quotes) - 1
		} else if !q.Scare {
			prevQuote = -1
		}
	}
}

// continues reports whether quote cur carries on from the attributed quote
// prev in the same paragraph: only the attribution sentence ("X said.")
// stands between them.
func (x *extractor) continues(prev, cur Segment) bool {
	if prev.Span.End > cur.Span.Start {
		return false
	}
	between := x.tokens(prev.Span.End, cur.Span.Start)
	if len(between) > 30 {
		return false
	}
	for i, t := range between {
		if t.text == ":" {
			return false
		}
		// After the attribution sentence ends, the next quote must open at
		// once: `“a,” he said. “b”`. Words after the full stop are a new
		// sentence with a subject of its own (`… . Vasik warned that “b”`),
		// and its quote is not the previous speaker's.
		if (t.text == "." || t.text == "!" || t.text == "?") && wordCount(between[i+1:]) > 0 {
			return false
		}
	}
	return true
}

// trailingCue finds ", X said" at the end of the sentence holding a quote
// fragment: `The country "has made changes," McConnell said` is handled by
// afterQuote, but `He called it "a disgrace" in a speech, aides said` is not.
func (x *extractor) trailingCue(seg Segment) (attribution, bool) {
	sent := x.sentenceOf(seg.Span.Start)
	if sent.End < seg.Span.End {
		return attribution{}, false
	}
	toks := x.tokens(seg.Span.End, sent.End)
	for k := 0; k < len(toks); k++ {
		if toks[k].isQuoteMark() {
			return attribution{}, false
		}
		if toks[k].text != "," {
			continue
		}
		if a, ok := afterQuote(toks[k:], false); ok {
			return a, true
		}
	}
	return attribution{}, false
}

// startsLowerCase reports whether quoted text opens with a lower-case
// letter: a fragment of a sentence ("called it “a non-starter”").
func startsLowerCase(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
		if unicode.IsDigit(r) {
			return false
		}
	}
	return false
}

// spanText returns the text covered by a run of tokens.
func spanText(text string, toks []tok) string {
	if len(toks) == 0 {
		return ""
	}
	return text[toks[0].start:toks[len(toks)-1].end]
}

// titleCase reports whether every word of a quoted phrase is capitalised
// (small function words aside): the title of a show, book or campaign.
func titleCase(toks []tok) bool {
	n := 0
	for _, t := range toks {
		if !t.word {
			continue
		}
		switch t.lower() {
		case "of", "the", "a", "an", "and", "in", "on", "to", "for", "it", "with":
			continue
		}
		if !t.isCap() {
			return false
		}
		n++
	}
	return n > 0
}

package quote

import (
	"strings"

	"github.com/dossier-news/dossier/internal/article"
)

// nominalCues are nouns that carry an attribution when a possessor names
// its source: "Trump’s claim that …", "his comment about …", "the
// boards’ disdain for …".
var nominalCues = map[string]bool{
	"claim": true, "claims": true, "statement": true, "statements": true, "remark": true,
	"remarks": true, "comment": true, "comments": true, "criticism": true, "criticisms": true,
	"praise": true, "support": true, "opposition": true, "call": true, "calls": true, "demand": true,
	"demands": true, "promise": true, "promises": true, "pledge": true, "pledges": true, "vow": true,
	"warning": true, "warnings": true, "threat": true, "threats": true, "accusation": true,
	"accusations": true, "allegation": true, "allegations": true, "denial": true, "denials": true,
	"assertion": true, "assertions": true, "argument": true, "arguments": true, "view": true,
	"views": true, "belief": true, "beliefs": true, "position": true, "stance": true, "opinion": true,
	"opinions": true, "proposal": true, "proposals": true, "decision": true, "refusal": true,
	"insistence": true, "suggestion": true, "admission": true, "acknowledgment": true,
	"acknowledgement": true, "description": true, "characterization": true, "endorsement": true,
	"rejection": true, "defense": true, "defence": true, "attack": true, "attacks": true,
	"complaint": true, "complaints": true, "concern": true, "concerns": true, "fear": true,
	"fears": true, "hope": true, "hopes": true, "desire": true, "wish": true, "vision": true,
	"message": true, "rhetoric": true, "emphasis": true, "disdain": true, "contempt": true,
	"adulation": true, "admiration": true, "answer": true, "response": true, "reply": true,
	"explanation": true, "testimony": true, "announcement": true, "declaration": true,
	"prediction": true, "predictions": true, "assessment": true, "conclusion": true,
	"finding": true, "findings": true, "account": true, "objection": true, "objections": true,
	"doubts": true, "skepticism": true, "condemnation": true, "denunciation": true,
	"dismissal": true, "approval": true, "disapproval": true, "advocacy": true, "appeal": true,
	"plea": true, "request": true, "invitation": true, "commitment": true, "determination": true,
	"intention": true, "theory": true, "interpretation": true, "portrayal": true, "depiction": true,
	"comparison": true, "speculation": true, "insinuation": true, "suspicion": true,
	"suspicions": true, "abandonment": true, "embrace": true, "assurance": true, "assurances": true,
	"reaction": true, "critique": true, "tirade": true, "diatribe": true, "rant": true, "boast": true,
	"contention": true, "thesis": true, "idea": true, "notion": true, "plan": true, "plans": true,
	"understanding": true, "perception": true, "impression": true, "judgment": true,
	"judgement": true, "verdict": true, "ruling": true, "recommendation": true, "advice": true,
	"questions": true, "question": true, "attitude": true, "thoughts": true, "feelings": true,
	"disgust": true, "anger": true, "outrage": true, "frustration": true, "dismay": true,
	"enthusiasm": true, "love": true, "hatred": true, "respect": true, "distrust": true,
}

// nominalLinks join a nominal cue to its content.
var nominalLinks = map[string]bool{"that": true}

// possessivePronouns own a nominal cue.
var possessivePronouns = map[string]bool{"his": true, "her": true, "their": true, "its": true, "our": true, "my": true}

// nominal finds attributions carried by a noun with a possessor: "Trump’s
// claim that …", "his infamous comment about …". They may sit inside
// another attribution's content, as the corpora annotate them on their own.
func (x *extractor) nominal() {
	for _, sent := range x.sentences {
		toks := x.tokens(sent.Start, sent.End)
		if isTitleCase(toks) {
			continue
		}
		for k := 1; k+1 < len(toks); k++ {
			if !toks[k].word || !nominalCues[toks[k].lower()] || x.inSegment(toks[k].start) || x.usedCue[toks[k].start] {
				continue
			}
			if q, ok := nominalAt(toks, k); ok {
				x.quotes = append(x.quotes, q)
				x.usedCue[toks[k].start] = true
			}
		}
	}
}

// nominalAt matches POSSESSOR (ADJ){0,3} NOUN LINK CONTENT with the noun at
// toks[k].
func nominalAt(toks []tok, k int) (article.Quote, bool) {
	link := toks[k+1].lower()
	if !toks[k+1].word || !nominalLinks[link] {
		return article.Quote{}, false
	}
	// Adjectives between the possessor and the noun: "earlier", "repeated".
	a := k
	for a-1 >= 0 && a > k-3 && toks[a-1].word && !toks[a-1].isCap() && !isPossessive(toks, a-1) && !possessivePronouns[toks[a-1].lower()] && !npBreakers[toks[a-1].lower()] && !determiners[toks[a-1].lower()] {
		a--
	}
	if a == 0 {
		return article.Quote{}, false
	}
	var from, to int
	p := a - 1
	switch {
	case toks[p].word && possessivePronouns[toks[p].lower()] && toks[p].lower() != "its":
		from, to = p, p+1
	case isPossessive(toks, p):
		// The possessor: a name ("Donald Trump’s") or an agent noun
		// ("Tulsa police’s", "editorial boards’").
		to = p + 1
		head := p
		if toks[p].text == "’" || toks[p].text == "'" {
			head = p - 1
		}
		from = head
		for from-1 >= 0 && toks[from-1].isCap() {
			from--
		}
		if from > 0 && toks[from-1].word && determiners[toks[from-1].lower()] && !possessivePronouns[toks[from-1].lower()] {
			from--
		}
		h := strings.TrimSuffix(strings.TrimSuffix(toks[head].lower(), "'s"), "’s")
		if !toks[head].isCap() && !agentNouns[h] {
			return article.Quote{}, false
		}
	default:
		return article.Quote{}, false
	}
	s := k + 2
	if link == "that" || link == "to" {
		s = k + 1 // "that" opens the content; "to" an infinitive
		if link == "to" && (s+1 >= len(toks) || !toks[s+1].word || toks[s+1].isCap()) {
			return article.Quote{}, false
		}
	}
	end := s
	for end < len(toks) && toks[end].text != "," && toks[end].text != ";" && !toks[end].endsSentence() && toks[end].text != "—" {
		end++
	}
	for end > s && !toks[end-1].word && !toks[end-1].isQuoteMark() && toks[end-1].text != ")" {
		end--
	}
	if end <= s || wordCount(toks[s:end]) < 1 {
		return article.Quote{}, false
	}
	cueEnd := k + 1
	if s == k+2 {
		cueEnd = k + 2
	}
	sp := spanOf(toks, from, to)
	cue := article.Span{Start: toks[a].start, End: toks[cueEnd-1].end}
	return article.Quote{
		Content: article.Span{Start: toks[s].start, End: toks[end-1].end}, Speaker: &sp, SpeakerEntity: -1,
		Cue: &cue, CueVerb: toks[k].lower(), Confidence: agentiveConfidence, Stance: true,
	}, true
}

// isPossessive reports whether toks[i] ends a possessor: "Trump’s", or a
// plural noun's bare apostrophe ("boards’").
func isPossessive(toks []tok, i int) bool {
	l := toks[i].lower()
	if toks[i].word {
		return strings.HasSuffix(l, "'s") || strings.HasSuffix(l, "’s")
	}
	return (l == "’" || l == "'") && i > 0 && toks[i-1].word && strings.HasSuffix(toks[i-1].lower(), "s")
}

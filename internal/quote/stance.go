package quote

import (
	"strings"
	"sync"
)

// stanceLemmas are verbs that report a person's or body's words, thoughts,
// judgements or intentions toward some content, beyond the verbs of saying
// in cues: the classes of communication, judgement (praise and blame),
// characterisation, cognition, emotion toward something, request and
// commitment that attribution corpora (PARC, PolNeAR) annotate as cues. They
// serve the agentive fallback only.
var stanceLemmas = []string{
	// communication
	"acknowledge", "add", "address", "admit", "advise", "advocate", "affirm", "allege", "announce",
	"answer", "argue", "articulate", "ask", "assert", "assure", "boast", "brag", "caution", "charge",
	"cite", "claim", "clarify", "comment", "complain", "concede", "confess", "confirm", "contend",
	"convey", "counter", "declare", "decry", "demand", "deny", "describe", "detail", "disclose",
	"discuss", "dispute", "echo", "emphasize", "emphasise", "explain", "express", "insist", "inform",
	"joke", "lament", "mention", "note", "object", "observe", "outline", "plead", "pledge", "predict",
	"proclaim", "promise", "propose", "protest", "quip", "recall", "recount", "reiterate", "remark",
	"repeat", "reply", "report", "respond", "retort", "reveal", "say", "signal", "speculate", "state",
	"stress", "suggest", "swear", "tell", "testify", "tweet", "retweet", "urge", "vow", "warn",
	"write", "wonder", "underscore", "underline", "highlight", "reference", "invoke", "mock",
	"tout", "hint", "concur", "muse", "lecture", "preach", "pitch", "broach", "float",
	"rebut", "refute", "contradict", "correct", "acknowledge", "apologize", "apologise", "thank",
	"vent", "quote", "reaffirm", "restate", "specify", "stipulate", "summarize", "chronicle",
	"profile", "spotlight", "publish", "broadcast", "document", "recite",
	// judgement
	"accuse", "admire", "applaud", "attack", "bash", "berate", "blame", "blast", "castigate",
	"censure", "chastise", "chide", "commend", "compliment", "condemn", "congratulate", "criticize",
	"criticise", "deride", "denounce", "disparage", "excoriate", "fault", "hail", "hammer",
	"lambaste", "laud", "malign", "praise", "rebuke", "reprimand", "ridicule", "salute",
	"scold", "scorn", "skewer", "slam", "smear", "trash", "welcome", "rip", "grill",
	"pillory", "pound", "lash", "dismiss", "belittle", "insult", "taunt", "champion", "defend",
	"support", "back", "endorse", "oppose", "reject", "condone", "embrace", "favor", "favour",
	"prefer", "love", "hate", "dislike", "despise", "resent", "respect", "appreciate",
	"fear", "worry", "doubt", "trust", "distrust", "mistrust", "regret", "mourn", "bemoan",
	"celebrate", "cheer", "question", "challenge", "target", "downplay", "minimize", "exaggerate",
	"overstate", "understate", "pooh-pooh", "shrug", "scoff", "sneer", "bristle", "balk", "bridle",
	"chafe", "fume", "seethe", "rage", "rail", "lash", "fret", "agonize", "marvel", "relish",
	"savor", "lament", "bemoan", "deplore", "abhor", "detest", "adore", "idolize", "revere",
	"credit", "honor", "honour", "vilify", "demonize", "demonise", "slander", "libel", "defame",
	"impugn", "assail", "slap", "pummel", "savage", "eviscerate",
	"tease", "lampoon", "parody", "satirize", "heckle", "jeer", "condescend",
	// characterisation
	"call", "label", "brand", "dub", "liken", "compare", "portray", "paint", "depict",
	"characterize", "characterise", "describe", "cast", "frame", "deem", "consider",
	"regard", "view", "see", "nickname", "equate", "link", "associate", "connect",
	"blame", "attribute", "credit", "classify", "rate", "rank", "grade", "judge", "assess",
	"evaluate", "diagnose",
	// cognition
	"believe", "think", "know", "realize", "realise", "recognize", "recognise", "understand",
	"assume", "suppose", "suspect", "guess", "reckon", "feel", "sense", "imagine", "expect",
	"anticipate", "hope", "wish", "want", "intend", "plan", "aim", "seek", "decide", "determine",
	"conclude", "rule", "find", "discover", "learn", "notice", "remember", "forget", "ignore",
	"overlook", "contemplate", "weigh", "ponder", "accept", "agree", "disagree", "presume",
	"surmise", "infer", "deduce", "grasp", "comprehend", "fathom", "envision", "envisage",
	"foresee", "predict", "forecast", "estimate", "calculate", "conclude", "opine",
	"prefer", "desire", "crave", "covet", "question", "debate", "mull",
	// request and commitment
	"implore", "beg", "encourage", "invite", "dare", "command", "instruct",
	"request", "push", "exhort", "persuade", "convince", "pressure", "lobby", "petition",
	"threaten", "offer", "commit", "vow", "guarantee", "insist", "forbid", "prohibit", "ban",
	"veto", "refuse", "decline", "resist", "block", "approve", "authorize", "authorise",
	"recommend", "suggest", "prod", "nudge", "coax", "goad", "spur", "rally", "summon",
	// evidence
	"show", "indicate", "demonstrate", "prove", "illustrate", "confirm", "list", "imply",
	"signify", "reflect", "underscore", "emphasize", "convey",
	"examine", "explore", "investigate", "probe", "analyze", "analyse",
	"tally",
}

// stanceIrregular are the irregular forms of stance lemmas.
var stanceIrregular = map[string][]string{
	"say": {"said"}, "tell": {"told"}, "write": {"wrote", "written"}, "think": {"thought"},
	"know": {"knew", "known"}, "understand": {"understood"}, "feel": {"felt"}, "find": {"found"},
	"seek": {"sought"}, "see": {"saw", "seen"}, "swear": {"swore", "sworn"}, "forget": {"forgot", "forgotten"},
	"learn": {"learnt"}, "mean": {"meant"}, "hit": {"hit"}, "cast": {"cast"}, "foresee": {"foresaw", "foreseen"},
	"forbid": {"forbade", "forbidden"}, "grasp": {}, "slap": {"slapped"}, "rip": {"ripped"},
}

// stanceForms maps every inflected form of a stance lemma to the lemma. Forms
// are generated generously (both "slammed" and a never-seen "slamed"): a
// form that no text uses costs nothing.
var stanceForms = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, l := range stanceLemmas {
		for _, f := range inflect(l) {
			if _, ok := m[f]; !ok {
				m[f] = l
			}
		}
		for _, f := range stanceIrregular[l] {
			m[f] = l
		}
	}
	return m
})

// inflect returns the regular forms of a verb lemma: the lemma, the third
// person (-s, -es, -ies), the past (-ed, -d, -ied, with a doubled final
// consonant too) and the participle in -ing.
func inflect(l string) []string {
	out := []string{l}
	n := len(l)
	last := l[n-1]
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	switch {
	case strings.HasSuffix(l, "y") && n > 1 && !vowel(l[n-2]):
		out = append(out, l[:n-1]+"ies", l[:n-1]+"ied", l+"ing")
	case strings.HasSuffix(l, "e"):
		out = append(out, l+"s", l+"d", l[:n-1]+"ing")
	case strings.HasSuffix(l, "s") || strings.HasSuffix(l, "sh") || strings.HasSuffix(l, "ch") || strings.HasSuffix(l, "x") || strings.HasSuffix(l, "z") || strings.HasSuffix(l, "o"):
		out = append(out, l+"es", l+"ed", l+"ing")
	default:
		out = append(out, l+"s", l+"ed", l+"ing")
		if n >= 3 && !vowel(last) && vowel(l[n-2]) && !vowel(l[n-3]) && last != 'w' && last != 'x' && last != 'y' {
			out = append(out, l+string(last)+"ed", l+string(last)+"ing")
		}
	}
	return out
}

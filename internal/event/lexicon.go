package event

// The hand lexicon below comes from the CAMEO 1.1b3 codebook's category
// definitions (general knowledge of how CAMEO codes news verbs), not from
// the evaluation records. It takes precedence over the verbs mined from
// PETRARCH's CAMEO.2.0 dictionary, whose defaults are tuned for a full
// parser and are sometimes empty or surprising for a bare verb ("reject"
// codes only through patterns there).

// verbCodes maps a verb base to its CAMEO event code.
var verbCodes = map[string]string{
	// 02 appeal (PLOVER DEMAND)
	"urge": "020", "appeal": "020", "ask": "020", "request": "020", "plead": "020", "call on": "020", "call for": "020",
	// 03 express intent to cooperate (PLOVER AGREE)
	"agree": "030", "offer": "030", "promise": "030", "pledge": "030", "propose": "036", "commit": "030",
	"accept": "030",
	// 04 consult
	"meet": "040", "visit": "042", "host": "043", "mediate": "045", "negotiate": "046", "consult": "040",
	// "walk out" is a strike: the dictionary's default for it (040) is a misfiling
	"telephone": "041", "phone": "041", "walk out": "143",
	"confer": "040", "discuss": "040", "talk": "040", "tour": "042",
	// 05 diplomatic cooperation (PLOVER SUPPORT)
	"praise": "051", "welcome": "051", "endorse": "051", "commend": "051", "applaud": "051", "hail": "051",
	"support": "051", "back": "051", "defend": "052", "recognize": "054", "recognise": "054", "forgive": "056",
	"sign": "057", "ratify": "057", "apologize": "055", "apologise": "055",
	// 06 material cooperation
	"cooperate": "060", "collaborate": "060", "share": "062",
	// 07 aid
	"provide": "070", "give": "070", "donate": "071", "grant": "070", "send": "070", "deliver": "070",
	"supply": "070", "airlift": "073", "shelter": "075",
	// 08 yield (RETREAT for leadership change and de-escalation)
	"allow": "080", "permit": "080", "ease": "081", "lift": "081", "relax": "081", "release": "0841",
	"free": "0841", "return": "084", "accede": "083", "concede": "080", "shorten": "081",
	"resign": "0831", "quit": "0831", "withdraw": "0874", "retreat": "0874", "surrender": "0874",
	"demobilize": "0873", "disarm": "0873", "pull out": "0874", "step down": "0831", "lay down": "0873",
	// 09 investigate
	"investigate": "090", "probe": "090", "inspect": "090", "examine": "090",
	// 10 demand
	"demand": "100", "insist": "100", "order": "100",
	// 11 disapprove
	"accuse": "112", "blame": "112", "charge": "112", "criticize": "111", "criticise": "111", "condemn": "111",
	"denounce": "111", "deplore": "111", "complain": "114", "sue": "115", "rebuke": "111", "slam": "111",
	"chide": "111", "decry": "111",
	// 12 reject
	"reject": "120", "refuse": "120", "decline": "120", "rebuff": "120", "dismiss": "120", "veto": "120",
	"renege": "120", "spurn": "120", "oppose": "120", "deny": "120", "turn down": "120", "rule out": "120",
	// 13 threaten
	"threaten": "130", "warn": "130",
	// 14 protest
	"protest": "140", "demonstrate": "141", "rally": "141", "march": "141", "riot": "145", "block": "144",
	"picket": "141",
	// 15 exhibit force posture (PLOVER MOBILIZE)
	"mobilize": "150", "mobilise": "150", "deploy": "150", "mass": "150", "patrol": "150",
	// 16 reduce relations (PLOVER SANCTION)
	"sanction": "163", "embargo": "163", "boycott": "163", "suspend": "160", "sever": "161", "expel": "166",
	"halt": "160", "freeze": "162", "cut off": "162", "prohibit": "162",
	// 17 coerce
	"arrest": "173", "detain": "173", "seize": "171", "confiscate": "171", "demolish": "1712", "destroy": "1712",
	"raze": "1712", "deport": "174", "force out": "174", "impose": "170", "ban": "172", "censor": "175",
	"hold": "173", "jail": "173", "imprison": "173", "hack": "176", "blow up": "1712", "bulldoze": "1712",
	// 18 assault
	"beat": "182", "torture": "1822", "assassinate": "186", "kidnap": "181", "abduct": "181", "wound": "183",
	"kill": "183", "massacre": "180", "execute": "1823",
	// 19 fight
	"attack": "190", "shell": "194", "bomb": "195", "fire": "190", "invade": "192", "clash": "190", "fight": "190",
	"occupy": "192", "retake": "190", "storm": "190", "raid": "190", "open fire": "190", "strike": "190",
	"besiege": "191", "ambush": "190", "bombard": "194", "overrun": "192", "shoot down": "190",
}

// eventNouns are nouns that carry the event after a light verb ("held
// talks", "staged demonstrations", "imposed sanctions", "launched an
// investigation").
var eventNouns = map[string]string{
	"talks": "040", "meeting": "040", "negotiations": "046", "visit": "042", "summit": "040", "consultations": "040",
	"mediation": "045", "agreement": "057", "deal": "057", "pact": "057", "accord": "057", "treaty": "057",
	"ceasefire": "0871", "truce": "0871", "cease-fire": "0871",
	"aid": "070", "asylum": "075", "assistance": "070",
	"investigation": "090", "inquiry": "090", "hearing": "090", "probe": "090",
	"demand": "100", "appeal": "020", "declaration": "010",
	"protest": "114", "complaint": "114", "lawsuit": "115",
	"demonstration": "141", "demonstrations": "141", "rally": "141", "march": "141", "protests": "141",
	"hunger strike": "142", "strike": "143", "general strike": "143", "sit-in": "141", "riot": "145",
	"war games": "062", "exercises": "062", "maneuvers": "062", "patrols": "150",
	"sanctions": "163", "embargo": "163", "boycott": "163", "curfew": "175", "ban": "172",
	"state of emergency": "175", "blockade": "1721", "martial law": "175",
	"attack": "190", "offensive": "190", "raid": "190", "invasion": "192", "fire": "190", "air strike": "195",
	"airstrike": "195", "bombing": "183", "bomb attack": "183", "missile strike": "195", "drone strike": "195",
	"talk": "040", "suspension": "160", "withdrawal": "0874", "expulsion": "166", "refuge": "075",
	"help": "070", "patrol": "150", "reinforcements": "150", "closure": "160", "release": "0841",
	"riots": "145", "strikes": "143", "clashes": "190", "attacks": "190", "airstrikes": "195", "ambush": "190",
	"massacre": "202", "massacres": "202", "ethnic cleansing": "203",
	"arms shipments": "072", "arms supplies": "072", "arms deliveries": "072", "military aid": "072",
	"loan": "071", "loans": "071", "economic aid": "071", "financial aid": "071",
}

// requestVerbs turn a cooperative noun into an appeal for it.
var requestVerbs = map[string]bool{"seek": true, "request": true, "ask for": true, "ask": true, "appeal": true}

// aspectual verbs take a gerund complement that carries the event.
var aspectual = map[string]bool{"begin": true, "start": true, "continue": true, "resume": true, "keep": true}

// lightVerbs take their meaning from an event noun after them.
var lightVerbs = map[string]bool{
	"hold": true, "stage": true, "launch": true, "begin": true, "start": true, "open": true, "conduct": true,
	"lodge": true, "issue": true, "reiterate": true, "make": true, "carry out": true, "mount": true,
	"continue": true, "impose": true, "reach": true, "sign": true, "declare": true,
	"announce": true, "institute": true, "end": true, "renew": true, "resume": true, "file": true,
	"extend": true, "establish": true, "give": true, "grant": true, "provide": true,
	"order": true, "seek": true, "request": true, "ask": true, "ask for": true,
	"commit": true, // "committed a massacre"; "committed to peace" keeps commit's own code
}

// lightUndo are light verbs that cancel the noun's event: "ended
// mediation", "lifted the curfew", "suspended aid", "halted air strikes"
// reverse it (see undoCode).
var lightUndo = map[string]string{
	"end": "16", "suspend": "16", "halt": "16", "lift": "08", "ease": "08", "stop": "16", "cease": "16",
}

// passThrough verbs carry no event of their own: the event is their "to"
// complement ("decided to allow", "began to withdraw").
var passThrough = map[string]bool{
	"decide": true, "begin": true, "start": true, "continue": true, "try": true, "attempt": true,
	"seek": true, "move": true, "act": true, "aim": true, "take": true, "want": true, "hope": true,
	"need": true, "tend": true, "appear": true, "seem": true, "vote": true,
}

// intentVerbs make their complement an intention: cooperative complements
// become CAMEO 03 (intent to cooperate), material conflict becomes 13.
var intentVerbs = map[string]bool{
	"offer": true, "promise": true, "pledge": true, "vow": true, "swear": true, "plan": true, "intend": true,
	"agree": true, "threaten": true, "warn": true, "prepare": true, "propose": true, "commit": true,
}

// intentAdjectives work like intentVerbs after a form of "be" ("is willing
// to withdraw", "is prepared to lift").
var intentAdjectives = map[string]bool{
	"willing": true, "prepared": true, "ready": true, "determined": true, "committed": true, "set": true,
	"expected": true, "poised": true, "eager": true,
}

// reportingVerbs introduce what someone said: the event is in what follows.
var reportingVerbs = map[string]bool{
	"say": true, "announce": true, "report": true, "tell": true, "state": true, "add": true, "claim": true,
	"declare": true, "confirm": true, "insist": true, "note": true, "indicate": true, "conclude": true,
	"acknowledge": true, "believe": true, "think": true, "write": true, "reveal": true,
}

// modals mark future or hypothetical action (intent in CAMEO's sense).
var modals = map[string]bool{"will": true, "would": true, "shall": true, "'ll": true}

// obligation modals turn an actor's statement about another into a
// demand: "Russia said Sudan must return the helicopter".
var obligation = map[string]bool{"must": true, "should": true}

var negators = map[string]bool{"not": true, "n't": true, "never": true, "no": true}

// failVerbs negate their complement ("failed to reach agreement").
var failVerbs = map[string]bool{"fail": true}

// auxiliaries and adverbs that sit between a subject and its verb.
var auxiliaries = map[string]bool{
	"has": true, "have": true, "had": true, "is": true, "are": true, "was": true, "were": true, "be": true,
	"been": true, "being": true, "am": true, "will": true, "would": true, "shall": true, "should": true,
	"could": true, "can": true, "may": true, "might": true, "must": true, "to": true, "did": true, "does": true,
	"do": true, "also": true, "again": true, "not": true, "n't": true, "never": true, "now": true, "then": true,
	"today": true, "yesterday": true, "finally": true, "once": true, "still": true, "already": true, "just": true,
}

var beForms = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true, "am": true}

// clauseBreaks end an object region.
var clauseBreaks = map[string]bool{
	"which": true, "who": true, "whom": true, "whose": true, "after": true, "when": true, "while": true,
	"because": true, "since": true, "although": true, "though": true, "where": true, "before": true,
	"despite": true, "as": true, ";": true, "--": true, "—": true, "following": true, "amid": true,
}

// determiners before a word make it a noun, not a verb ("the attack").
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true, "of": true,
	"this": true, "that": true, "these": true, "those": true, "our": true, "my": true, "'s": true, "'": true,
	"new": true, "first": true, "any": true, "no": true, "every": true, "each": true, "such": true,
}

// pronouns as subjects refer back to the actor of the reporting clause.
var pronouns = map[string]bool{"it": true, "they": true, "he": true, "she": true, "we": true, "i": true}

// verbNoun are verb + object compounds whose meaning differs from the
// verb's own: accepting demands is yielding (083), not intent (03).
var verbNoun = map[string]string{
	"accept demands": "083", "accept demand": "083", "accept conditions": "083", "accept terms": "083",
	"meet demands": "083", "accept ceasefire": "0871", "accept truce": "0871", "accept plan": "030",
	"accept proposal": "030", "accept offer": "030", "accept deal": "030", "accept invitation": "030",
	"reject proposal": "120", "violate ceasefire": "190", "violate truce": "190", "break ceasefire": "190",
	// defying norms and law (128), as PETRARCH's DEFY patterns code "defy ban/law/order/rule"
	"violate ban": "128", "violate law": "128", "violate laws": "128", "violate order": "128", "violate orders": "128",
	"violate rule": "128", "violate rules": "128", "violate curfew": "128", "violate embargo": "128",
	"breach ban": "128", "breach law": "128", "breach curfew": "128", "breach embargo": "128",
	"flout ban": "128", "flout law": "128", "flout laws": "128", "flout order": "128", "flout rules": "128", "flout curfew": "128",
	"defy curfew": "128", "breach order": "128",
	"break relations": "161", "break ties": "161", "cut ties": "161", "sever ties": "161", "sever relations": "161",
	"establish ties": "051", "establish relations": "051", "restore ties": "051", "restore relations": "051",
	// opening a bridge or crossing closed by conflict eases a blockade (0872)
	"open bridge": "0872", "open crossing": "0872", "open crossings": "0872",
	// tear gas against crowds is violent repression (175), not military force
	// and receiving a visiting minister is hosting a visit (043)
	"fire tear": "175", "fire teargas": "175", "use tear": "175", "use teargas": "175", "receive visiting": "043",
	"open fire": "190", "open borders": "081", "open border": "081", "close border": "172", "close borders": "172",
	"send carriers": "150", "send warplanes": "150", "send jets": "150", "send tanks": "150", "send paratroopers": "150",
	"approve loan": "071", "approve aid": "070",
	"send peacekeepers": "074", "send peacekeeping": "074", "deploy peacekeepers": "074", "deploy peacekeeping": "074",
	"pull troops": "0874", "pull forces": "0874",
	"withdraw troops": "0874", "withdraw forces": "0874", "withdraw peacekeepers": "166", "withdraw inspectors": "166",
	"withdraw ambassador": "161", "recall ambassador": "161", "expel diplomats": "166", "expel ambassador": "161",
	"lift sanctions": "085", "lift embargo": "085", "lift curfew": "081", "lift blockade": "0872", "lift ban": "081",
	"summon ambassador": "114", "call strike": "143", "call meeting": "040", "call talks": "040",
	"call election": "083", "call elections": "083", "go strike": "143", "send troops": "150", "send forces": "150", "send warships": "150", "go hunger": "142", "walk out": "143",
}

// motionVerbs head somewhere; "for talks" after them is the event.
var motionVerbs = map[string]bool{"travel": true, "go": true, "return": true, "come": true, "fly": true,
	"head": true, "arrive": true, "leave": true}

// timeNouns follow "last", "this", "next" in time expressions.
var timeNouns = map[string]bool{"week": true, "month": true, "year": true, "night": true, "weekend": true,
	"morning": true, "evening": true, "afternoon": true, "day": true}

// nonEvents are verbs whose mined CAMEO defaults fire on ordinary news
// prose without an event ("three people died", "crowds gathered").
var nonEvents = map[string]bool{"die": true, "gather": true, "show": true, "contain": true, "receive": true,
	"cite": true, "match": true, "seem": true, "wait": true, "watch": true, "look": true, "live": true,
	"expect": true, "call": true, "name": true}

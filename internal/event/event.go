// Package event codes who-did-what-to-whom events from sentences: a source
// actor, a PLOVER category with its CAMEO root, a target actor, and the
// location and date when the sentence states them.
//
// The coder is a shallow one in the spirit of PETRARCH: it finds the main
// verb of a sentence (skipping reporting verbs such as "said"), reads the
// verb's meaning from a hand lexicon built from the CAMEO codebook and from
// the verb patterns of PETRARCH's CAMEO.2.0 dictionary, takes the subject
// before the verb as source and the object or prepositional object after it
// as target (swapped for passives with "by"), and codes both actors with
// the CAMEO actor and agent dictionaries of package cameo ("Israeli
// soldiers" -> ISRMIL). Future and intended actions follow CAMEO's rules:
// an intended cooperative act is AGREE (03), an intended material conflict
// is THREATEN (13), a refused cooperative act is REJECT (12).
package event

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/cameo"
	"github.com/dossier-news/dossier/internal/pipeline"
	"github.com/dossier-news/dossier/internal/text"
)

// Coder is the event stage. It holds only read-only tables, so one Coder
// serves any number of goroutines.
type Coder struct {
	dict *cameo.Dict
}

var _ pipeline.Stage = (*Coder)(nil)

// New loads the embedded CAMEO dictionaries.
func New() (*Coder, error) {
	d, err := cameo.Default()
	if err != nil {
		return nil, fmt.Errorf("loading CAMEO dictionaries: %w", err)
	}
	return &Coder{dict: d}, nil
}

// Name is the stage name.
func (c *Coder) Name() string { return "event" }

// Analyse codes the events of every sentence of doc into
// doc.Analysis.Events. It needs the text layer (doc.Tokens, doc.Sentences).
func (c *Coder) Analyse(doc *article.Doc) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("event: internal error: %v", r)
		}
	}()
	if doc == nil || doc.Article == nil {
		return nil
	}
	date := docDate(doc)
	doc.Analysis.Events = doc.Analysis.Events[:0]
	for si := range doc.Sentences {
		s := c.sentence(doc, si, date)
		doc.Analysis.Events = append(doc.Analysis.Events, s...)
	}
	return nil
}

// docDate is the article date as YYYYMMDD for dated actor codes, 0 when unknown.
func docDate(doc *article.Doc) int {
	if doc.Article.HasDate() {
		t := doc.Article.Published
		return t.Year()*10000 + int(t.Month())*100 + t.Day()
	}
	if dd := doc.Analysis.DocDate; dd != nil && len(dd.Value) >= 10 {
		n, err := strconv.Atoi(strings.ReplaceAll(dd.Value[:10], "-", ""))
		if err == nil {
			return n
		}
	}
	return 0
}

// word is one token as the coder sees it.
type word struct {
	low  string // lower case, curly apostrophes straightened
	span article.Span
	cap  bool // starts with an upper-case letter
}

func words(doc *article.Doc, si int) []word {
	toks := doc.SentenceTokens(si)
	ws := make([]word, 0, len(toks))
	for _, t := range toks {
		if t.Text == "'" || t.Text == "’" {
			continue // a bare possessive apostrophe ("Workers' Party"): dictionaries omit it
		}
		low := strings.ToLower(strings.ReplaceAll(t.Text, "’", "'"))
		r, _ := utf8.DecodeRuneInString(t.Text)
		ws = append(ws, word{low: low, span: t.Span, cap: unicode.IsUpper(r)})
	}
	return ws
}

// clause is the analysis of one sentence.
type clause struct {
	ws      []word
	lows    []string
	end     int // words after end are a reporting tail (", officials said.")
	doc     *article.Doc
	dict    *cameo.Dict
	date    int
	speaker []article.Actor // actors of the reporting tail, for pronoun subjects
	venue   bool            // while coding a diplomatic act's target: places are venues
}

// trigger is the chosen event verb.
type trigger struct {
	start, end int // words [start, end) of the trigger
	code       string
	verbAt     int // index of the finite verb whose subject is the source
	objFrom    int // where the object region starts
	passive    bool
	negated    bool
	obliged    bool // under "must": a demand made on the subject
	ownNoun    bool // the trigger ends in its object noun ("withdrew troops")
	between    bool // "talks between X and Y": X and Y are the sources
	weak       bool // coded only by a mined verb default ("contains" -> 170)
}

func (c *Coder) sentence(doc *article.Doc, si int, date int) []article.Event {
	all := words(doc, si)
	// an agency dateline ("DOHA, March 9 (Northbridge Wire) -") says where
	// and who reported, not who acted: the clause starts after it
	all = all[datelineLen(doc.Article.Text, all):]
	if len(all) < 2 {
		return nil
	}
	lows := make([]string, len(all))
	for i, w := range all {
		lows[i] = w.low
	}
	full := &clause{ws: all, lows: lows, doc: doc, dict: c.dict, date: date}
	end := full.reportingTail()
	// coordinated main clauses (", and Canada expelled ...") are coded
	// one by one; each needs its own subject
	var out []article.Event
	from := 0
	// the speaker of a trailing attribution ("..., the minister said")
	// stands for a pronoun subject ("We will not negotiate")
	var speaker []article.Actor
	if end < len(all)-1 {
		speaker = full.tailSpeaker(end + 1)
	}
	for _, cut := range append(full.clauseCuts(end), end) {
		cl := &clause{ws: all[from:cut], lows: lows[from:cut], end: cut - from, doc: doc, dict: c.dict, date: date,
			speaker: speaker}
		out = append(out, cl.code(doc, si)...)
		from = cut + 2
		if from > end {
			break
		}
	}
	return out
}

// clauseCuts returns the positions of ", and" / ", but" / ";" that start a
// new main clause with a subject of its own (an actor before a verb).
func (cl *clause) clauseCuts(end int) []int {
	var cuts []int
	for j := 1; j+2 < end; j++ {
		if cl.lows[j] != "," || (cl.lows[j+1] != "and" && cl.lows[j+1] != "but" && cl.lows[j+1] != "while") {
			continue
		}
		if n, _ := cl.actorAt(j + 2); n > 0 {
			cuts = append(cuts, j)
		}
	}
	return cuts
}

// code codes one clause.
func (cl *clause) code(doc *article.Doc, si int) []article.Event {
	ws := cl.ws
	if len(ws) < 2 {
		return nil
	}
	tr, ok := cl.findTrigger()
	if !ok {
		return nil
	}
	if gv := cl.governingVerb(tr.verbAt); gv != tr.verbAt && !tr.negated && cl.negatedAt(gv) {
		// "We did not come to sign a surrender": the negation governs the infinitive
		if cooperative(tr.code) {
			tr.code = "120"
		} else {
			tr.negated = true
		}
	}
	plover := cameo.Plover(tr.code)
	if plover == "" {
		return nil
	}
	doc = cl.doc
	srcFrom, srcTo := cl.subjectRegion(cl.governingVerb(tr.verbAt))
	if tr.between {
		srcFrom, srcTo = tr.end+1, cl.regionEnd(tr.end+1)
	}
	if by := cl.byAfter(tr.end); cl.hazardIn(srcFrom, srcTo) || by >= 0 && cl.hazardIn(by+1, cl.regionEnd(by+1)) {
		// "A magnitude 6.4 earthquake struck southern Varenia", "people
		// killed by the earthquake": nature is no actor, and the place it
		// struck no target
		return nil
	}
	sources := cl.actors(srcFrom, srcTo, true)
	if len(sources) == 0 && srcFrom >= 0 {
		// a pronoun subject of a complement clause: the reporting clause's subject
		if rv := cl.reportingVerbBefore(srcFrom); rv >= 0 {
			f, t := cl.subjectRegion(rv)
			sources = cl.actors(f, t, true)
		}
	}
	if len(sources) == 0 && srcFrom >= 0 && len(cl.speaker) > 0 && cl.pronounSubject(srcFrom, srcTo) {
		sources = cl.speaker // "We will not negotiate," the minister said
	}
	tgtFrom, tgtTo := cl.objectRegion(tr)
	if e := cl.executorsEnd(tr); e > 0 && tgtFrom >= 0 {
		// "ordered patrols by police": the police carry out the act; its
		// target, if any, comes after them ("attacks by its fighters on
		// army posts")
		tgtFrom, tgtTo = e, cl.regionEnd(e)
		if e >= cl.end || clauseBreaks[cl.lows[e]] || cl.lows[e] == "," || tgtFrom >= tgtTo {
			tgtFrom, tgtTo = -1, -1
		}
	}
	if tr.between {
		tgtFrom, tgtTo = -1, -1
	}
	var targets []article.Actor
	if tr.passive {
		// "X was attacked by Y": Y is the source, X the target
		byAt := -1
		for i := tr.end; i < cl.end && i < tr.end+6; i++ {
			if cl.lows[i] == "by" {
				byAt = i
				break
			}
		}
		// without "by" the agent is unstated: the subject is the target
		targets = sources
		sources = nil
		if byAt >= 0 {
			sources = cl.actors(byAt+1, cl.regionEnd(byAt+1), true)
		} else {
			sources = cl.passiveAgent(tr.end)
		}
		tgtFrom, tgtTo = -1, -1
	}
	if tgtFrom >= 0 {
		// the venue of talks or a signing says nothing of whose the
		// parties are ("resumed talks with rebels in Oslo")
		r := cameo.Root(tr.code)
		cl.venue = r == "04" || r == "05"
		targets = cl.actors(tgtFrom, tgtTo, false)
		if len(targets) == 1 && cl.ownInstrument(targets[0]) {
			// "deployed its army against the rebels": the army is the
			// source's own; the target, if any, comes after it
			targets = cl.actors(cl.wordIndex(targets[0].Span.End-1)+1, tgtTo, false)
		}
		cl.venue = false
	}
	// a target dropped as the source's own is not re-added as a name
	hadTargets := len(targets) > 0
	if tgtFrom >= 0 {
		targets = dropSame(targets, sources)
	}
	trig := article.Span{Start: ws[tr.start].span.Start, End: ws[tr.end-1].span.End}
	if r := cameo.Root(tr.code); r >= "03" && r <= "05" {
		targets = cl.dropVenues(targets)
	}
	if tr.ownNoun {
		// "withdrew troops": bare troops are the source's own, not a target;
		// "expelled Russian diplomats" keeps its coded target
		var kept []article.Actor
		for _, t := range targets {
			if !strings.HasPrefix(t.Code, "---") || !trig.Contains(t.Span) {
				kept = append(kept, t)
			}
		}
		targets = kept
	}
	if tr.obliged {
		// "Russia said Sudan must return the helicopter": the speaker
		// demands, the subject of "must" is the target
		if rv := cl.reportingVerbBefore(srcFrom); rv >= 0 {
			f, t := cl.subjectRegion(rv)
			if speakers := cl.actors(f, t, true); len(speakers) > 0 {
				targets, sources = sources, speakers
			}
		}
	}
	// the venue of talks lends no nationality; other places do
	domestic := cameo.Root(tr.code) != "03" && cameo.Root(tr.code) != "04"
	targets = cl.counterparts(targets, sources)
	sources = cl.possessiveSpeaker(sources, srcFrom)
	sources, targets = cl.ethnicGroups(sources), cl.ethnicGroups(targets)
	sources = cl.inheritCountry(sources, targets, true, domestic)
	targets = cl.inheritCountry(targets, sources, false, domestic)
	targets = cl.dropHomeCountry(targets, sources, tr.start)
	sources, targets = cl.countedCivilians(sources), cl.countedCivilians(targets)
	if cl.curfewIn(tr) {
		// a curfew confines the residents of the place it is imposed on
		for k := range targets {
			if c := targets[k].Code; len(c) == 3 && !regionCode(c) && c != "---" && c != "IGO" && c != "NGO" && c != "IMG" && c != "MNC" {
				targets[k].Code = c + "CVL"
			}
		}
	}
	if strings.HasPrefix(tr.code, "087") {
		targets = cl.dropLeftPlaces(targets, trig)
	}
	if cl.agreedOn(tr) {
		targets = cl.dropTopicActors(targets)
	}
	if hasRoot(tr.code, "09") {
		targets = cl.dropVictims(targets)
	}
	// names the dictionaries do not know still say who acted
	if len(sources) == 0 && srcFrom >= 0 && !tr.passive {
		if a, ok := cl.namedActor(srcFrom, srcTo, true); ok {
			sources = []article.Actor{a}
		}
	}
	if tr.ownNoun && tgtFrom >= 0 {
		// the object noun of the trigger ("opened the Friendship Bridge")
		// is no actor: a name after it may be
		tgtFrom = max(tgtFrom, tr.end)
	}
	if !hadTargets && tgtFrom >= 0 && tgtFrom < tgtTo && !tr.between {
		if a, ok := cl.namedActor(tgtFrom, tgtTo, false); ok {
			targets = []article.Actor{a}
		}
	}
	sentSpan := doc.Sentences[si].Span
	loc := cl.location(tr.end)
	dt := cl.timex(sentSpan, trig)
	// an event with no actor says nothing about who did what to whom; a
	// weakly coded verb needs a coded source
	if tr.weak && !anyCoded(sources) || !tr.weak && !anyNamed(sources) && !anyNamed(targets) {
		return nil
	}
	if len(sources) == 0 {
		sources = []article.Actor{{Entity: -1}}
	}
	// with no known source, military ordnance ("a minefield explosion",
	// "shelling") says the force was conventional
	if hasRoot(tr.code, "19") && irregularOnCivilians(sources, targets) && (anyCoded(sources) || cl.killCode() != "190") {
		// CAMEO 18: violence by irregulars against civilians is assault,
		// not the use of conventional military force (19)
		tr.code, plover = "180", cameo.Plover("180")
	}
	out := pairs(article.Event{Sentence: sentSpan, Trigger: trig, Plover: plover,
		Cameo: cameo.Root(tr.code), Code: tr.code, Location: loc, Date: dt, Negated: tr.negated}, sources, targets)
	// a coordinated second verb shares the subject: "met Scholz and
	// signed a defence pact"
	if j := cl.coordinatedVerb(tr.end); j >= 0 {
		n, base := cl.verbAt(j)
		if tr2, ok := cl.resolve(j, n, base, 0); ok && cameo.Plover(tr2.code) != "" {
			var ts []article.Actor
			if f, t := cl.objectRegion(tr2); f >= 0 {
				ts = dropSame(cl.actors(f, t, false), sources)
			}
			trig2 := article.Span{Start: ws[tr2.start].span.Start, End: ws[tr2.end-1].span.End}
			out = append(out, pairs(article.Event{Sentence: sentSpan, Trigger: trig2, Plover: cameo.Plover(tr2.code),
				Cameo: cameo.Root(tr2.code), Code: tr2.code, Location: cl.location(tr2.end), Date: dt,
				Negated: tr2.negated}, sources, ts)...)
		}
	}
	return out
}

// hazards are natural forces that strike, kill and destroy without being
// actors: a clause they are the subject or agent of codes no event.
var hazards = map[string]bool{
	"earthquake": true, "earthquakes": true, "quake": true, "quakes": true, "tremor": true, "tremors": true,
	"aftershock": true, "aftershocks": true, "storm": true, "storms": true, "hurricane": true, "typhoon": true,
	"cyclone": true, "tornado": true, "flood": true, "floods": true, "flooding": true, "floodwaters": true,
	"tsunami": true, "landslide": true, "landslides": true, "mudslide": true, "avalanche": true,
	"wildfire": true, "wildfires": true, "bushfire": true, "drought": true, "eruption": true, "volcano": true,
	"heatwave": true, "blizzard": true, "disaster": true, "epidemic": true, "pandemic": true, "outbreak": true,
}

// byAfter is the index of a "by" right after a verb ("killed by the
// earthquake", "was hit by"), -1 when none.
func (cl *clause) byAfter(end int) int {
	for i := end; i < cl.end && i < end+2; i++ {
		if cl.lows[i] == "by" {
			return i
		}
	}
	return -1
}

// hazardIn reports a natural hazard noun among the words [from, to).
func (cl *clause) hazardIn(from, to int) bool {
	if from < 0 {
		return false
	}
	for i := from; i < to && i < len(cl.lows); i++ {
		if hazards[cl.lows[i]] {
			return true
		}
	}
	return false
}

// tailSpeaker codes the speaker of a reporting tail starting at from: the
// subject before its reporting verb (", Malan told reporters"), else the
// words after it (", said the minister"); the verb's object is no speaker.
func (cl *clause) tailSpeaker(from int) []article.Actor {
	n := len(cl.ws)
	for j := from; j < n; j++ {
		if _, b := cl.verbAt(j); reportingVerbs[b] {
			if j > from {
				return cl.actors(from, j, true)
			}
			return cl.actors(j+1, n, true)
		}
	}
	return cl.actors(from, n, true)
}

// passiveAgent finds the agent of a passive without "by" in an event noun
// phrase after it: "were wounded in a Hezbollah ambush", "was killed in an
// Israeli air strike".
func (cl *clause) passiveAgent(from int) []article.Actor {
	for j := from; j+2 < cl.end && j < from+6; j++ {
		if cl.lows[j] != "in" {
			continue
		}
		k := j + 1
		if cl.lows[k] == "a" || cl.lows[k] == "an" {
			k++
		}
		n, _ := cl.actorAt(k)
		if n == 0 || k+n >= cl.end {
			return nil
		}
		if _, end, ok := cl.eventNounAfter(k + n); ok && end <= k+n+2 {
			return cl.actors(k, k+n, true)
		}
		return nil
	}
	return nil
}

// governingVerb returns, for an infinitive at v ("did not come to Doha to
// sign"), the finite verb or auxiliary before it whose subject the
// infinitive shares; v itself when v is no infinitive or none is found.
// The words between are the governing verb's object or destination, not
// the subject.
func (cl *clause) governingVerb(v int) int {
	j := v - 1
	for j >= 0 && (cl.adverb(j) || cl.lows[j] == "not") {
		j--
	}
	if j < 1 || cl.lows[j] != "to" {
		return v
	}
	for k := j - 1; k >= 0; k-- {
		w := cl.lows[k]
		if w == "," || w == "that" || w == ";" || clauseBreaks[w] {
			return v
		}
		if auxiliaries[w] && w != "to" && !cl.adverb(k) || modals[w] {
			return k
		}
		if n, _ := cl.verbAt(k); n > 0 && cl.looksFinite(k) && !cl.isNounUse(k) && !cl.agentNoun(k) && !cl.demonymNoun(k) && !cl.bareNoun(k) {
			return k
		}
	}
	return v
}

// civilianSectors are CAMEO roles of people who do not fight.
var civilianSectors = map[string]bool{"CVL": true, "REF": true, "EDU": true, "MED": true, "HLH": true, "REL": true,
	"BUS": true, "LAB": true, "AGR": true, "PPL": true, "HRI": true, "JRN": true, "ELI": true}

// irregularOnCivilians reports an act whose targets are all civilians and
// whose sources are no state forces (rebels, militias, gunmen, unknown).
func irregularOnCivilians(ss, ts []article.Actor) bool {
	if len(ts) == 0 {
		return false
	}
	for _, t := range ts {
		if _, sec := cameo.Split(t.Code); len(sec) < 3 || !civilianSectors[sec[:3]] {
			return false
		}
	}
	for _, s := range ss {
		_, sec := cameo.Split(s.Code)
		if len(sec) >= 3 && (sec[:3] == "MIL" || sec[:3] == "GOV" || sec[:3] == "COP" || sec[:3] == "SPY") {
			return false
		}
		if s.Code != "" && sec == "" {
			return false // a state acting ("Israel shelled ..."): its forces
		}
	}
	return true
}

// pairs makes one event per source and target pair.
func pairs(ev article.Event, sources, targets []article.Actor) []article.Event {
	var out []article.Event
	for _, s := range sources {
		e := ev
		e.Source = s
		if len(targets) == 0 {
			out = append(out, e)
			continue
		}
		for _, t := range targets {
			e := e
			e.Target = &t
			out = append(out, e)
		}
	}
	return out
}

// coordinatedVerb finds "and" + a finite verb after the trigger, in the
// same clause: the second predicate of the same subject.
func (cl *clause) coordinatedVerb(from int) int {
	for j := from; j+1 < cl.end; j++ {
		w := cl.lows[j]
		if clauseBreaks[w] || w == "that" || w == "," && j+1 < cl.end && cl.lows[j+1] != "and" {
			return -1
		}
		if w != "and" {
			continue
		}
		k := j + 1
		for k < cl.end && (cl.adverb(k) || cl.lows[k] == "then" || cl.lows[k] == "also") {
			k++
		}
		if k >= cl.end {
			return -1
		}
		v := cl.lows[k]
		if n, _ := cl.verbAt(k); n > 0 && (strings.HasSuffix(v, "ed") || irregular[v] != "") && !cl.isNounUse(k) {
			return k
		}
	}
	return -1
}

// dropSame removes targets whose code equals a source's ("Palestinians
// blocked Palestinian roads" keeps one side), unless that leaves none.
func dropSame(ts, ss []article.Actor) []article.Actor {
	var out []article.Actor
	for _, t := range ts {
		same := false
		for _, s := range ss {
			if t.Code != "" && t.Code == s.Code {
				same = true
			}
		}
		if !same {
			out = append(out, t)
		}
	}
	return out
}

// reportingTail finds a trailing attribution (", the White House announced
// Tuesday.", ", according to officials.") and returns where it starts.
func (cl *clause) reportingTail() int {
	n := len(cl.ws)
	for i := n - 1; i > 0; i-- {
		if cl.lows[i] != "," {
			continue
		}
		if i+1 < n && cl.lows[i+1] == "according" {
			return i
		}
		for j := i + 1; j < n && j < i+12; j++ {
			if _, base := cl.verbAt(j); reportingVerbs[base] {
				if j+1 < n && (cl.lows[j+1] == "that" || pronouns[cl.lows[j+1]] && cl.lows[j+1] != "it" || j+2 < n && modals[cl.lows[j+2]]) {
					// "..., Spain and Norway announced they would
					// recognise ...": a reported clause, not a tail
					break
				}
				return i
			}
			if cl.lows[j] == "," {
				break
			}
		}
		break
	}
	return n
}

// verbBase returns the base of a verb form at i ("" when none), preferring
// the hand lexicon's phrasal verbs.
func (cl *clause) verbAt(i int) (int, string) {
	if cl.ws[i].cap {
		return 0, "" // news sentences do not start with a verb: a capital is a name
	}
	// phrasal verbs of the hand lexicon first ("call on", "step down")
	if i+1 < len(cl.lows) {
		for _, b := range baseForms(cl.lows[i]) {
			p := b + " " + cl.lows[i+1]
			if _, ok := verbCodes[p]; ok {
				return 2, p
			}
			// "called Thursday on Arabs": a time word inside a phrasal verb
			if t := cl.timeWordAt(i + 1); t > 0 && i+1+t < len(cl.lows) {
				p := b + " " + cl.lows[i+1+t]
				if _, ok := verbCodes[p]; ok {
					return 2 + t, p
				}
			}
		}
	}
	if n, b := cl.dict.VerbAt(cl.lows, i); n > 0 {
		return n, b
	}
	for _, b := range baseForms(cl.lows[i]) {
		if _, ok := verbCodes[b]; ok {
			return 1, b
		}
		if lightVerbs[b] || passThrough[b] || intentVerbs[b] || reportingVerbs[b] {
			return 1, b
		}
	}
	return 0, ""
}

// irregular maps irregular verb forms to their base.
var irregular = map[string]string{"met": "meet", "gave": "give", "given": "give", "sent": "send", "held": "hold",
	"began": "begin", "begun": "begin", "took": "take", "taken": "take", "made": "make", "fought": "fight",
	"struck": "strike", "withdrew": "withdraw", "withdrawn": "withdraw", "swore": "swear", "sworn": "swear",
	"said": "say", "told": "tell", "beat": "beat", "beaten": "beat", "froze": "freeze", "frozen": "freeze",
	"overran": "overrun", "sought": "seek", "shot": "shoot", "blew": "blow", "blown": "blow", "rose": "rise",
	"forgave": "forgive", "forgiven": "forgive", "led": "lead", "won": "win", "quit": "quit", "cut": "cut", "set": "set"}

// baseForms guesses the base forms of an inflected word for the hand lexicon.
func baseForms(w string) []string {
	out := []string{w}
	if b, ok := irregular[w]; ok {
		return append(out, b)
	}
	if b, ok := irregular[strings.TrimPrefix(w, "re")]; ok && strings.HasPrefix(w, "re") {
		return append(out, "re"+b) // "retaken", "retook"
	}
	for _, suf := range []string{"ies", "ied"} {
		if strings.HasSuffix(w, suf) {
			out = append(out, w[:len(w)-3]+"y")
		}
	}
	for _, suf := range []string{"ing", "ed", "es", "s", "d"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			stem := w[:len(w)-len(suf)]
			out = append(out, stem, stem+"e")
			if n := len(stem); n > 2 && stem[n-1] == stem[n-2] {
				out = append(out, stem[:n-1])
			}
		}
	}
	return out
}

// agentNoun reports a role noun that reads like a verb ("Security forces",
// "Israeli police"): an agent right after a modifier is a noun.
func (cl *clause) agentNoun(i int) bool {
	if i == 0 {
		return false
	}
	if n, _ := cl.dict.AgentAt(cl.lows, i); n == 0 {
		return false
	}
	prev := i - 1
	if cl.ws[prev].cap {
		return true
	}
	if n, _ := cl.dict.AgentAt(cl.lows, prev); n > 0 {
		return true
	}
	return false
}

// demonymNoun reports a plural after a nationality adjective ("Ukrainian
// forces shelled"): a noun, not a verb as in "Iran attacks".
func (cl *clause) demonymNoun(i int) bool {
	if i == 0 || !strings.HasSuffix(cl.lows[i], "s") || !cl.ws[i-1].cap {
		return false
	}
	return demonym(cl.lows[i-1])
}

func (cl *clause) isNounUse(i int) bool {
	if i == 0 {
		return false
	}
	p := cl.lows[i-1]
	return determiners[p]
}

// findTrigger picks the event verb: the first verb with an event meaning
// in the main clause, following reporting, pass-through, intent and light
// verbs to the verb or noun that carries the event.
func (cl *clause) findTrigger() (trigger, bool) {
	for i := 0; i < cl.end; i++ {
		if e := cl.asideEnd(i); e > 0 {
			i = e // "Ethiopia, which has fought two wars with Eritrea, accused ...": the aside is background
			continue
		}
		n, base := cl.verbAt(i)
		if n == 0 || cl.isNounUse(i) || !cl.looksFinite(i) || cl.agentNoun(i) || cl.demonymNoun(i) || cl.bareNoun(i) {
			continue
		}
		if _, _, compound := cl.compoundAfter(base, i+n); nonEvents[base] && !compound {
			// "received the visiting minister" is an event, "received a contract" is not
			continue
		}
		if i+1 < cl.end && cl.lows[i+1] == "between" && isEventNoun(cl.lows[i]) {
			break // "Ceasefire talks between X and Y stalled": a noun (see nominalTrigger)
		}
		if cl.subjectHead(i) {
			continue // "The Doha talks are a gamble": a noun before its verb
		}
		tr, ok := cl.resolve(i, n, base, 0)
		if ok {
			if nt, ok := cl.nominalTrigger(); ok && nt.between && nt.start < i {
				// "Talks between X and Y stalled": the verb says what
				// became of the talks, whose parties are the actors
				return nt, true
			}
			return tr, true
		}
	}
	return cl.nominalTrigger()
}

// ownInstrument reports an actor that is the source's own state organ by
// a possessive and nothing else: "its army", "their troops", "its
// military operations" (---MIL, ---COP, ---GOV, ---SPY).
func (cl *clause) ownInstrument(a article.Actor) bool {
	k := cl.wordIndex(a.Span.Start) - 1
	for k >= 0 && (cl.adverb(k) || cl.lows[k] == "own") {
		k--
	}
	if k < 0 {
		return false
	}
	switch cl.lows[k] {
	case "its", "their", "his", "her", "our":
	default:
		return false
	}
	c, sec := cameo.Split(a.Code)
	return c == "---" && (sec == "MIL" || sec == "COP" || sec == "GOV" || sec == "SPY")
}

// asideEnd returns, for a comma at i that opens a non-restrictive
// relative clause or participle phrase after the subject (", which has
// fought two wars with Eritrea,", ", who returned from exile,", ",
// speaking in Nairobi,"), the index of the comma that closes it, when a
// verb follows that comma; 0 otherwise.
func (cl *clause) asideEnd(i int) int {
	if i == 0 || i+2 >= cl.end || cl.lows[i] != "," {
		return 0
	}
	w := cl.lows[i+1]
	if w != "which" && w != "who" && w != "whose" && !(strings.HasSuffix(w, "ing") && !cl.ws[i+1].cap) {
		return 0
	}
	for k := i + 2; k+1 < cl.end && k < i+25; k++ {
		if cl.lows[k] != "," {
			continue
		}
		// the main verb after the aside, perhaps after an adverb or auxiliary
		for v := k + 1; v < cl.end && v <= k+3; v++ {
			if n, _ := cl.verbAt(v); n > 0 && !cl.isNounUse(v) {
				return k
			}
			if !auxiliaries[cl.lows[v]] && !cl.adverb(v) && !modals[cl.lows[v]] {
				break
			}
		}
		return 0
	}
	return 0
}

// subjectHead reports a verb-looking word followed by a finite verb
// ("talks are", "attacks have"): the head noun of a subject.
func (cl *clause) subjectHead(i int) bool {
	if i+1 >= cl.end {
		return false
	}
	switch cl.lows[i+1] {
	case "is", "are", "was", "were", "has", "have", "had", "will", "would":
		return true
	}
	return false
}

// nominalTrigger codes a sentence with no event verb from an event noun
// ("Palestinian riots against Israeli policies continue"): the actors
// before the noun are the source, those after it the target.
func (cl *clause) nominalTrigger() (trigger, bool) {
	for i := 0; i < cl.end; i++ {
		code, ok := eventNouns[cl.lows[i]]
		if !ok || cameo.Plover(code) == "" {
			continue
		}
		// "(The) talks between Israel and Hamas resumed": the parties are the sources
		if i+1 < cl.end && cl.lows[i+1] == "between" {
			return trigger{start: i, end: i + 1, code: code, verbAt: i, objFrom: i + 1, between: true}, true
		}
		if i == 0 || determiners[cl.lows[i-1]] {
			continue
		}
		// the source must sit right before the noun ("Palestinian riots")
		if !cl.ws[i-1].cap {
			continue
		}
		if r := cameo.Root(code); (r == "03" || r == "04") && !demonym(cl.lows[i-1]) {
			continue // "the Doha talks": a venue, not a party
		}
		return trigger{start: i, end: i + 1, code: code, verbAt: i, objFrom: i + 1}, true
	}
	return trigger{}, false
}

// looksFinite rejects participles used as adjectives before a noun
// ("armed forces") and words right after a preposition.
func (cl *clause) looksFinite(i int) bool {
	if i > 0 {
		switch cl.lows[i-1] {
		case "in", "on", "at", "for", "with", "from", "by", "into", "over", "under", "against", "between":
			return false
		}
		// "was fine": a bare form after "be" is an adjective or noun,
		// unless an agent follows ("was hit by")
		if beForms[cl.lows[i-1]] {
			if _, b := cl.dict.VerbAt(cl.lows, i); b == cl.lows[i] && (i+1 >= len(cl.lows) || cl.lows[i+1] != "by") {
				return false
			}
		}
	}
	return true
}

// resolve turns the verb at i into a trigger, following complements.
func (cl *clause) resolve(i, n int, base string, depth int) (trigger, bool) {
	if depth > 3 {
		return trigger{}, false
	}
	tr := trigger{start: i, end: i + n, verbAt: i, objFrom: i + n}
	tr.negated = cl.negatedAt(i)
	tr.passive = cl.passiveAt(i)
	modal := cl.modalAt(i)
	// reporting verbs: the event is in the reported clause
	if reportingVerbs[base] && !lightVerbWithNoun(cl, base, i+n) {
		return trigger{}, false
	}
	// verb + noun compounds ("accepted demands") and motion to an event
	// ("returned to Geneva for talks")
	if base == "protest" && i+n < cl.end && cl.lows[i+n] == "to" {
		// "Japan protested to China": a diplomatic protest is an official
		// complaint (114), not a demonstration
		tr.code = "114"
		return cl.applyMood(tr, modal), true
	}
	if code, nend, ok := cl.compoundAfter(base, i+n); ok {
		if code == "081" && base == "open" && cl.toPeople(max(nend, -nend)) {
			code = "075" // "opened its borders to refugees": granting asylum
		}
		tr.end, tr.objFrom, tr.code = nend, i+n, code
		tr.ownNoun = true
		if nend < 0 {
			tr.end, tr.objFrom = -nend, -nend
		}
		return cl.applyMood(tr, modal), true
	}
	if (base == "arrive" || base == "deploy") && cl.peacekeepersBefore(i) {
		// "NATO peacekeeping troops arrived in Bosnia": CAMEO's 074,
		// providing peacekeeping, aimed at the place they arrive in
		tr.code = "074"
		return cl.applyMood(tr, modal), true
	}
	if _, hand := verbCodes[base]; motionVerbs[base] && !hand {
		return trigger{}, false // "went", "came": no event of their own
	}
	// gerund complements of aspectual verbs: "resumed shelling"
	if aspectual[base] && i+n < cl.end && strings.HasSuffix(cl.lows[i+n], "ing") {
		if gn, gb := cl.verbAt(i + n); gn > 0 {
			if inner, ok := cl.resolve(i+n, gn, gb, depth+1); ok {
				inner.start, inner.verbAt = i, i
				return cl.applyMood(inner, modal), true
			}
		}
	}
	// light verb + event noun
	if lightVerbs[base] || lightUndo[base] != "" {
		if code, nend, ok := cl.eventNounAfter(i + n); ok {
			if lightUndo[base] != "" {
				code = undoCode(code)
			}
			if requestVerbs[base] && cooperative(code) {
				code = "020" // "sought refuge", "asked for aid": an appeal
			}
			tr.end, tr.objFrom, tr.code = nend, nend, code
			tr = cl.applyMood(tr, modal)
			if cameo.Plover(tr.code) != "" {
				return tr, true
			}
			return trigger{}, false // "issued a declaration": no event of its own
		}
		if _, hand := verbCodes[base]; !hand && lightVerbs[base] {
			return trigger{}, false
		}
	}
	// "declined to comment" is CAMEO 012, a statement aimed at no one: no
	// PLOVER event
	if (base == "refuse" || base == "decline") && i+n+1 < cl.end && cl.lows[i+n] == "to" &&
		(cl.lows[i+n+1] == "comment" || cl.lows[i+n+1] == "elaborate") {
		return trigger{}, false
	}
	// pass-through, intent and fail verbs with a "to" complement
	if ci, cn, cbase, ok := cl.toComplement(i + n); ok && (passThrough[base] || intentVerbs[base] || failVerbs[base] || base == "refuse" || base == "decline") {
		inner, ok := cl.resolve(ci, cn, cbase, depth+1)
		if ok {
			inner.verbAt = i
			inner.start = i
			if inner.negated != tr.negated {
				inner.negated = true
			}
			switch {
			case base == "refuse" || base == "decline":
				// refusing any act is rejecting it: "refused to halt
				// settlement construction" is no halt (CAMEO 12)
				if !hasRoot(inner.code, "12") {
					inner.code = "120"
				}
			case failVerbs[base]:
				if cooperative(inner.code) {
					inner.code = "120"
				}
			case base == "threaten" || base == "warn":
				inner.code = "130"
			case base == "prepare" && len(inner.code) >= 2 && inner.code[:2] >= "18":
				inner.code = "150" // preparing an attack is a show of force, not a threat
			case intentVerbs[base]:
				inner.code = intentCode(inner.code)
			}
			inner.passive = tr.passive
			inner = cl.applyMood(inner, modal)
			if (intentVerbs[base] || modal != "") && cl.conditional(inner.end) && !hasRoot(inner.code, "12") {
				inner.code = "130"
			}
			return inner, true
		}
		if passThrough[base] || failVerbs[base] {
			return trigger{}, false
		}
	}
	// "is willing to withdraw"
	if passThrough[base] {
		return trigger{}, false
	}
	code, ok := verbCodes[base]
	if !ok {
		code = cl.dict.VerbCode(base)
	}
	// a matching PETRARCH pattern refines the default; for verbs of the
	// hand lexicon only within the same root, as the flattened patterns
	// match loosely
	if pc := cl.patternCode(base, i, i+n); pc != "" {
		if _, hand := verbCodes[base]; !hand || pc[:2] == code[:2] {
			code = pc
		}
	}
	if base == "kill" || base == "wound" {
		code = cl.killCode()
	}
	if code == "" {
		return trigger{}, false
	}
	if _, hand := verbCodes[base]; !hand && code == cl.dict.VerbCode(base) {
		tr.weak = true // only the mined default of the verb: needs a coded source
	}
	tr.code = code
	tr = cl.applyMood(tr, modal)
	if cl.conditional(tr.end) && (modal == "future" || modal == "intent") {
		tr.code = "130" // "will withdraw ... unless": an ultimatum
	}
	if cameo.Plover(tr.code) == "" {
		return trigger{}, false
	}
	return tr, true
}

// toPeople reports a "to" phrase just after from that names people
// coming in: refugees, migrants, or a nationality in the plural ("to most
// West Africans", "to Syrian refugees").
func (cl *clause) toPeople(from int) bool {
	for j := from; j < cl.end && j < from+3; j++ {
		if cl.lows[j] != "to" {
			continue
		}
		for k := j + 1; k < cl.end && k < j+5; k++ {
			w := cl.lows[k]
			if n, code := cl.dict.AgentAt(cl.lows, k); n > 0 && (code == "~REF" || code == "~CVL") {
				return true
			}
			if cl.ws[k].cap && strings.HasSuffix(w, "ns") && (k+1 >= cl.end || !cl.ws[k+1].cap) {
				return true // "Africans", "Ghanaians", "Syrians"
			}
			if !determiners[w] && !quantities[w] && !(cl.ws[k].cap && k+1 < cl.end && cl.ws[k+1].cap) && !demonym(w) {
				return false
			}
		}
		return false
	}
	return false
}

// quantities open a noun phrase counting people.
var quantities = map[string]bool{"most": true, "all": true, "some": true, "many": true, "thousands": true,
	"hundreds": true, "of": true, "more": true, "several": true}

// peacekeepersBefore reports peacekeepers in the subject of the verb at i
// ("Ghanaian peacekeepers", "the first deployment of UN peacekeeping
// troops").
func (cl *clause) peacekeepersBefore(i int) bool {
	from, to := cl.subjectRegion(i)
	for j := max(from, 0); j < to; j++ {
		if strings.HasPrefix(cl.lows[j], "peacekeep") {
			return true
		}
	}
	return false
}

// conditional reports an "unless" after the trigger: CAMEO codes a future
// act conditioned that way as a threat (ultimatum).
func (cl *clause) conditional(from int) bool {
	for j := from; j < cl.end; j++ {
		if cl.lows[j] == "unless" {
			return true
		}
	}
	return false
}

func lightVerbWithNoun(cl *clause, base string, from int) bool {
	if !lightVerbs[base] {
		return false
	}
	_, _, ok := cl.eventNounAfter(from)
	return ok
}

// applyMood applies negation, future and intent to a trigger's code.
func (cl *clause) applyMood(tr trigger, modal string) trigger {
	switch {
	case tr.negated && cooperative(tr.code):
		tr.code, tr.negated = "120", false
	case modal == "intent" || modal == "future":
		tr.code = intentCode(tr.code)
	case modal == "must" && tr.code != "":
		tr.code, tr.obliged = "100", true
	}
	return tr
}

// cooperative reports whether a CAMEO code is a cooperative act (03 to 09).
func cooperative(code string) bool {
	return len(code) >= 2 && code[:2] >= "03" && code[:2] <= "09"
}

// intentCode maps an intended act to CAMEO's intent codes: cooperation
// to the matching 03x code (intent to meet 036, to give aid 033, to yield
// 035), material conflict to the matching 13x threat; verbal acts keep
// their code.
func intentCode(code string) string {
	if len(code) < 2 {
		return code
	}
	switch code[:2] {
	case "04":
		if code == "045" {
			return "039" // intent to mediate
		}
		return "036"
	case "05":
		return "032"
	case "06":
		return "031"
	case "07":
		return "033"
	case "08":
		if strings.HasPrefix(code, "087") {
			return "0356"
		}
		return "035"
	case "09":
		return "030"
	case "14":
		return "133"
	case "15":
		// an announced deployment is itself the show of force ("will send
		// 200 troops to Mali"), not a threat of force against the host
		return code
	case "18", "19":
		return "138"
	case "16":
		return "131"
	case "17":
		return "132"
	case "20":
		return "1385"
	}
	return code
}

// modalAt classifies what precedes the verb at i: "future" (will, would),
// "intent" (is willing to, is prepared to), "must", or "".
func (cl *clause) modalAt(i int) string {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		w := cl.lows[j]
		switch {
		case modals[w]:
			return "future"
		case obligation[w]:
			return "must"
		case w == "to" && j > 1 && intentAdjectives[cl.lows[j-1]] && (beForms[cl.lows[j-2]] || cl.adverb(j-2) && j > 2 && beForms[cl.lows[j-3]]):
			// "is prepared to withdraw"; in "the army prepared to resume
			// shelling" prepared is the verb (see resolve)
			return "intent"
		case w == "to" && j > 1 && cl.lows[j-1] == "going":
			return "future"
		case auxiliaries[w] || cl.adverb(j):
			continue
		}
		break
	}
	return ""
}

func (cl *clause) negatedAt(i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		w := cl.lows[j]
		if negators[w] {
			return true
		}
		if !auxiliaries[w] && !cl.adverb(j) {
			break
		}
	}
	return false
}

// passiveAt reports "was attacked", "have been killed".
func (cl *clause) passiveAt(i int) bool {
	w := cl.lows[i]
	if !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "en") && !strings.HasSuffix(w, "t") {
		return false
	}
	if intentAdjectives[w] {
		return false // "is committed to", "is prepared to"
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if beForms[cl.lows[j]] {
			return true
		}
		if !auxiliaries[cl.lows[j]] && !cl.adverb(j) {
			break
		}
	}
	return false
}

// toComplement finds "to VERB" right after position from (an object may
// sit between: "urged the EC to support"; not for intent verbs).
func (cl *clause) toComplement(from int) (int, int, string, bool) {
	for j := from; j < cl.end && j < from+3; j++ {
		if cl.lows[j] == "to" && j+1 < cl.end {
			k := j + 1
			for k < cl.end && (cl.adverb(k) || cl.lows[k] == "not") {
				k++
			}
			if k < cl.end {
				if n, b := cl.verbAt(k); n > 0 {
					return k, n, b, true
				}
			}
			return 0, 0, "", false
		}
		if n := cl.timeAt(j); n > 0 {
			from += n // "threatened on Monday to break relations"
			j += n - 1
			continue
		}
		if !auxiliaries[cl.lows[j]] && !cl.adverb(j) && !intentAdjectives[cl.lows[j]] {
			return 0, 0, "", false
		}
	}
	return 0, 0, "", false
}

// timeAt returns the length of a short time expression at j ("on
// Monday", "last week", "today"), 0 when none.
func (cl *clause) timeAt(j int) int {
	w := cl.lows[j]
	switch w {
	case "today", "yesterday", "tonight", "tomorrow", "earlier", "later", "recently":
		return 1
	case "on", "last", "this", "next", "early", "late":
		if j+1 < cl.end && (cl.ws[j+1].cap || timeNouns[cl.lows[j+1]]) {
			return 2
		}
	}
	return 0
}

// eventNounAfter finds an event noun within a short noun phrase after a
// light verb ("held their first meeting", "staged mass demonstrations").
func (cl *clause) eventNounAfter(from int) (string, int, bool) {
	for j := from; j < cl.end && j < from+5; j++ {
		if j+2 < cl.end {
			if c, ok := nounCode(cl.lows[j] + " " + cl.lows[j+1] + " " + cl.lows[j+2]); ok {
				return c, j + 3, true
			}
		}
		if j+1 < cl.end {
			if c, ok := nounCode(cl.lows[j] + " " + cl.lows[j+1]); ok {
				return c, j + 2, true
			}
		}
		if cl.ws[j].cap {
			continue // "March" the month, "Talks" in a name: not event nouns here
		}
		if c, ok := nounCode(cl.lows[j]); ok {
			// the head comes last: "ceasefire talks" are talks
			end := j + 1
			for end < cl.end {
				c2, ok := nounCode(cl.lows[end])
				if !ok {
					break
				}
				c, end = c2, end+1
			}
			return c, end, true
		}
		if cl.lows[j] == "," || cl.lows[j] == "to" || cl.lows[j] == "that" {
			break
		}
	}
	return "", 0, false
}

// nounCode looks an event noun up, its regular plural included
// ("meetings", "air strikes").
func nounCode(p string) (string, bool) {
	if c, ok := eventNouns[p]; ok {
		return c, true
	}
	if strings.HasSuffix(p, "s") {
		if c, ok := eventNouns[p[:len(p)-1]]; ok {
			return c, true
		}
	}
	return "", false
}

// patternCode matches the verb's PETRARCH patterns around it; the pattern
// with the most matched words wins.
func (cl *clause) patternCode(base string, vs, ve int) string {
	best, bestN := "", 0
	for _, p := range cl.dict.Patterns(base) {
		if len(p.Pre)+len(p.Post) == 0 || len(p.Pre)+len(p.Post) <= bestN {
			continue
		}
		if !cl.matchSeq(p.Post, ve, min(cl.end, ve+8)) {
			continue
		}
		if !cl.matchSeq(p.Pre, max(0, vs-4), vs) {
			continue
		}
		best, bestN = p.Code, len(p.Pre)+len(p.Post)
	}
	return best
}

// matchSeq reports whether the pattern words occur in order in [from, to).
func (cl *clause) matchSeq(pw []string, from, to int) bool {
	j := from
	for _, p := range pw {
		found := false
		for ; j < to; j++ {
			if cl.wordMatches(p, j) {
				found = true
				j++
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func (cl *clause) wordMatches(p string, j int) bool {
	w := cl.lows[j]
	if strings.HasPrefix(p, "&") {
		return cl.dict.InSynset(p, w) || cl.dict.InSynset(p, strings.TrimSuffix(w, "s"))
	}
	if strings.Contains(p, " ") {
		parts := strings.Fields(p)
		if j+len(parts) > len(cl.lows) {
			return false
		}
		for k, q := range parts {
			if cl.lows[j+k] != q {
				return false
			}
		}
		return true
	}
	if !strings.HasPrefix(w, p) {
		return false
	}
	switch w[len(p):] {
	case "", "s", "es", "ed", "d":
		return true
	}
	return false
}

// hasRoot reports whether code has the given two-digit root.
func hasRoot(code, root string) bool { return len(code) >= 2 && code[:2] == root }

// amountWord reports a number or money word inside a noun phrase.
func amountWord(w string) bool {
	switch w {
	case "$", "£", "€", "million", "billion", "trillion", "thousand", "hundred", "dollar", "dollars", "us$":
		return true
	}
	return isNumber(strings.TrimPrefix(w, "$"))
}

// compoundAfter reads verb + noun compounds within a few words of the verb
// ("accepted the demands"), and motion verbs heading to an event ("return
// to Geneva for talks").
func (cl *clause) compoundAfter(base string, from int) (string, int, bool) {
	// the head of the object comes last: "accepted an Egyptian ceasefire
	// proposal" is accepting a proposal
	code, end := "", 0
	limit := from + 4
	for j := from; j < cl.end && j < limit; j++ {
		w := cl.lows[j]
		if w == "," || w == "of" || w == "to" || w == "from" || w == "with" {
			break
		}
		if amountWord(w) {
			limit++ // "a $2 billion loan": the amount does not count
			continue
		}
		if c, ok := verbNoun[base+" "+w]; ok {
			code, end = c, j+1
		}
	}
	if code != "" {
		return code, end, true
	}
	if !motionVerbs[base] {
		return "", 0, false
	}
	for j := from; j+1 < cl.end && j < from+8; j++ {
		if cl.lows[j] == "," {
			break
		}
		if cl.lows[j] == "for" {
			if c, end, ok := cl.eventNounAfter(j + 1); ok && end <= j+4 {
				return c, -end, true // negative: the destination is no target
			}
		}
	}
	return "", 0, false
}

// dropVenues removes targets that are only the place where a diplomatic
// act happens ("held talks in Tokyo", "agreed to ceasefire talks in
// Doha"): CAMEO codes the venue of talks as no party to them.
func (cl *clause) dropVenues(ts []article.Actor) []article.Actor {
	var out []article.Actor
	for _, t := range ts {
		if i := cl.wordIndex(t.Span.Start); i > 0 && cl.placeAt(i) && len(t.Code) == 3 {
			continue
		}
		out = append(out, t)
	}
	return out
}

// adverb reports an -ly adverb ("bluntly", "finally"); capitalised words
// ("Italy") and -ly nouns are not.
func (cl *clause) adverb(i int) bool {
	w := cl.lows[i]
	if cl.ws[i].cap || len(w) < 5 || !strings.HasSuffix(w, "ly") {
		return false
	}
	switch w {
	case "family", "rally", "ally", "supply", "reply", "assembly", "anomaly", "monopoly",
		"friendly", "early", "daily", "weekly", "monthly", "yearly", "likely", "unlikely", "deadly",
		"costly", "elderly", "holy", "lonely", "orderly", "timely", "italy":
		return false // adjectives and nouns in -ly
	}
	return true
}

// bareNoun reports a verb's bare form used as a noun after a modifier
// ("friendly match", "ice storm"): a bare form is a verb only after a
// modal, "to", a subject (name, pronoun, role noun) or a conjunction.
func (cl *clause) bareNoun(i int) bool {
	if i == 0 {
		return false
	}
	w := cl.lows[i]
	if _, b := cl.dict.VerbAt(cl.lows, i); b != w {
		return false // inflected: "matched", "stormed"
	}
	p := cl.lows[i-1]
	if cl.ws[i-1].cap || auxiliaries[p] || modals[p] || pronouns[p] || cl.adverb(i-1) || negators[p] {
		return false
	}
	switch p {
	case "and", "or", ",", "who", "which", "that", "they", "to", "also", "jointly":
		return false
	}
	if n, _ := cl.dict.AgentAt(cl.lows, i-1); n > 0 {
		return false
	}
	return true
}

func anyCoded(as []article.Actor) bool {
	for _, a := range as {
		if a.Code != "" && !strings.HasPrefix(a.Code, "---") {
			return true
		}
	}
	return false
}

// killCode codes a killing by its means, as CAMEO does: bombs are
// unconventional violence (183), military weapons conventional force
// (190), anything else a physical assault (1823).
func (cl *clause) killCode() string {
	for j := 0; j < cl.end; j++ {
		switch strings.TrimSuffix(cl.lows[j], "s") {
		case "bomb", "bombing", "bomber", "suicide", "explosive", "ied", "car-bomb":
			return "183"
		case "airstrike", "shell", "shelling", "artillery", "tank", "missile", "drone", "mine", "minefield", "landmine",
			"rocket", "mortar", "helicopter", "gunship", "predator", "offensive", "battle", "fighting", "clashe":
			return "190"
		}
	}
	return "1823"
}

// timeWordAt returns the length of a bare time word at j ("Thursday",
// "today"), 0 when none; unlike timeAt it needs no preposition.
func (cl *clause) timeWordAt(j int) int {
	switch cl.lows[j] {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"today", "yesterday", "tonight", "again", "also", "repeatedly", "publicly":
		return 1
	}
	return 0
}

// undoCode is the event of ending what the noun names: ending violence is
// de-escalation (087), ending a protest eases dissent (082), lifting
// restrictions or sanctions eases them (081, 085), ending cooperation
// (talks, aid, mediation) reduces relations (16).
func undoCode(noun string) string {
	switch r := cameo.Root(noun); {
	case r >= "18":
		return "087"
	case r == "14":
		return "082"
	case r == "17":
		return "081"
	case r == "16" || r == "15":
		return "085"
	case r == "13" || r == "12" || r == "11" || r == "10":
		return "080"
	}
	return "160"
}

// stateSectors are the roles of a state acting through its institutions.
var stateSectors = map[string]bool{"": true, "GOV": true, "MIL": true, "COP": true, "JUD": true, "LEG": true, "SPY": true}

// dropHomeCountry drops a target that is only the state source's own
// country named as a place inside an infinitive after the trigger:
// "Serbian President Kostunica promised to democratize Serbia", "Avril
// resigned to allow Haiti's first democratic elections". The infinitive
// says what the state means to do at home, which aims at no other actor.
// A domestic act done to the country itself keeps it ("Sudan's government
// lifted a state of emergency in West Darfur" -> SDN), and so does the
// country's people ("Palestinian factions", "Serbs"): an actor of their
// own, not the place.
func (cl *clause) dropHomeCountry(ts, ss []article.Actor, trigStart int) []article.Actor {
	if len(ts) == 0 || len(ss) == 0 {
		return ts
	}
	home := ""
	for _, s := range ss {
		c, sec := cameo.Split(s.Code)
		if len(c) != 3 || c == "---" || !stateSectors[sec] || home != "" && c != home {
			return ts
		}
		home = c
	}
	var out []article.Actor
	for _, t := range ts {
		if t.Code != home || !cl.placeName(t) || !cl.infinitiveBetween(trigStart, cl.wordIndex(t.Span.Start)) {
			out = append(out, t)
		}
	}
	return out
}

// dropLeftPlaces drops, for a withdrawal or retreat (CAMEO 087x), the
// place the source leaves: "Israeli troops withdrew from southern
// Lebanon", "pulled its forces out of Syria". Leaving a place does
// nothing to its state; the counterpart of talks or a treaty left
// ("withdrew from the talks with the government") stays the target.
func (cl *clause) dropLeftPlaces(ts []article.Actor, trig article.Span) []article.Actor {
	var out []article.Actor
	for _, t := range ts {
		// the troops withdrawn are the source's own ("pulled its forces out
		// of Lebanon": not Lebanese forces)
		own := trig.Contains(article.Span{Start: t.Span.Start, End: t.Span.Start + 1}) && cl.possessiveIn(trig)
		if !cl.leftPlace(cl.wordIndex(t.Span.Start)) && !own {
			out = append(out, t)
		}
	}
	return out
}

// agreedOn reports a trigger "agree" + "on" or "to" + topic ("agreed on a
// timetable for the withdrawal of Israeli troops", "agreed on Monday to
// a plan for ..."): the topic says what was agreed.
func (cl *clause) agreedOn(tr trigger) bool {
	if tr.end-tr.start != 1 {
		return false
	}
	switch cl.lows[tr.start] {
	case "agree", "agrees", "agreed", "agreeing":
	default:
		return false
	}
	j := tr.end
	if j+1 < cl.end && cl.lows[j] == "on" && calendarWords[cl.lows[j+1]] {
		j += 2 // "agreed on Monday to ...": a date, then the topic
	}
	return j < cl.end && (cl.lows[j] == "on" || cl.lows[j] == "to")
}

// dropTopicActors drops the actors nested in an agreement's topic by "of"
// or "for" ("a timetable for the withdrawal of Israeli troops"): what the
// agreement is about, not whom it is with. The counterpart ("a ceasefire
// with Hamas") and the topic's own author ("the Egyptian proposal") stay.
func (cl *clause) dropTopicActors(ts []article.Actor) []article.Actor {
	var out []article.Actor
	for _, t := range ts {
		k := cl.wordIndex(t.Span.Start) - 1
		for k >= 0 && cl.lows[k] != "of" && (determiners[cl.lows[k]] || placeWords[cl.lows[k]]) {
			k--
		}
		if k < 0 || cl.lows[k] != "of" && cl.lows[k] != "for" {
			out = append(out, t)
		}
	}
	return out
}

// curfewIn reports a curfew among the trigger's words or right after
// them ("imposed a curfew", "threatened to institute a curfew").
func (cl *clause) curfewIn(tr trigger) bool {
	for j := tr.start; j < cl.end && j < tr.end+3; j++ {
		if cl.lows[j] == "curfew" || cl.lows[j] == "curfews" {
			return true
		}
	}
	return false
}

// ethnicGroups recodes "ethnic Albanians", "ethnic Serbs": the
// nationality word names an ethnicity, not the state, so the group is
// civilians of the country it lives in (CAMEO codes ethnic Albanians in
// Macedonia MKD), which inheritCountry then finds from the sentence.
func (cl *clause) ethnicGroups(as []article.Actor) []article.Actor {
	for k := range as {
		i := cl.wordIndex(as[k].Span.Start)
		if i < 0 {
			continue
		}
		if cl.lows[i] != "ethnic" && (i == 0 || cl.lows[i-1] != "ethnic") {
			continue
		}
		c, sec := cameo.Split(as[k].Code)
		if len(c) != 3 || c == "---" || regionCode(c) {
			continue
		}
		if sec == "" {
			sec = "CVL"
		}
		country := cl.placeCountry() // "ethnic Serbs in Croatia"
		if country == "" {
			country = "---" // inheritCountry looks further
		}
		as[k].Code = country + sec
	}
	return as
}

// countedCivilians gives a counted or qualified group of a nation's people
// the civilian role: "more than 100 Palestinians", "800,000 Iraqi Kurds",
// "young Algerians" are people of the country, not its state (CVL), while
// "the Palestinians rejected the plan" stays the nation (PSE).
func (cl *clause) countedCivilians(as []article.Actor) []article.Actor {
	for k := range as {
		c := as[k].Code
		if len(c) != 3 || c == "---" || c == "IGO" || c == "NGO" || c == "IMG" || c == "MNC" || regionCode(c) {
			continue
		}
		first, last := cl.wordIndex(as[k].Span.Start), cl.wordIndex(as[k].Span.End-1)
		if first < 1 || last < 0 || !cl.ws[last].cap {
			continue
		}
		if last+1 < cl.end && cl.ws[last+1].cap && !strings.HasSuffix(cl.lows[last], "s") {
			last++ // a people the dictionaries lack after the nationality: "Iraqi Kurds"
		}
		if w := cl.lows[last]; !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "'s") || cl.placeAt(first) {
			continue
		}
		if cl.countedAt(first - 1) {
			as[k].Code = c + "CVL"
		}
	}
	return as
}

// countedAt reports a word that counts or qualifies people before it: a
// number, "some", "young", "thousands of".
func (cl *clause) countedAt(j int) bool {
	w := cl.lows[j]
	if w == "of" && j > 0 {
		w = cl.lows[j-1]
		return peopleCounts[w] || isNumber(w)
	}
	return isNumber(w) || peopleCounts[w] || peopleQualifiers[w]
}

// peopleCounts count people ("thousands of Palestinians", "100 Palestinians").
var peopleCounts = map[string]bool{"thousands": true, "hundreds": true, "dozens": true, "scores": true,
	"millions": true, "tens": true, "some": true, "many": true, "several": true, "few": true, "two": true,
	"three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true, "nine": true,
	"ten": true, "dozen": true, "hundred": true, "thousand": true, "million": true}

// peopleQualifiers describe people as persons ("young Algerians").
var peopleQualifiers = map[string]bool{"young": true, "ordinary": true, "unarmed": true, "innocent": true,
	"elderly": true, "poor": true, "angry": true, "ethnic": true}

func regionCode(c string) bool {
	switch c {
	case "AFR", "ASA", "CAS", "EAF", "EEU", "EUR", "LAM", "MEA", "NAF", "SAF", "SAM", "SAS", "SEA", "WAF", "WEU":
		return true
	}
	return false
}

// executorsEnd returns where a "by" phrase right after a light verb's
// event noun ends ("ordered patrols by police and paramilitary soldiers
// after ..."), 0 when there is none. Only a light verb makes the noun the
// source's own act, carried out by the by-phrase; "violated a ban by
// General Aoun" defies the ban's author, its target.
func (cl *clause) executorsEnd(tr trigger) int {
	if tr.passive || tr.end >= cl.end || cl.lows[tr.end] != "by" || tr.end-tr.start < 2 {
		return 0
	}
	isLight := false
	for _, b := range baseForms(cl.lows[tr.start]) {
		isLight = isLight || lightVerbs[b]
	}
	if !isLight {
		return 0
	}
	end := tr.end + 1
	for end < cl.end && !clauseBreaks[cl.lows[end]] && !targetPrepositions[cl.lows[end]] && cl.lows[end] != "," {
		end++
	}
	return end
}

// targetPrepositions introduce whom or where an act is aimed.
var targetPrepositions = map[string]bool{"on": true, "against": true, "at": true, "in": true, "to": true,
	"into": true, "along": true, "near": true, "inside": true, "across": true, "toward": true, "towards": true}

// dropVictims drops, for an investigation (CAMEO 09), the actors an
// investigated act was aimed "against" ("a hearing into interrogation
// techniques used against Palestinian detainees"): the victims are not
// whom the investigation looks into, the perpetrators ("crimes committed
// by Croat forces") are.
func (cl *clause) dropVictims(ts []article.Actor) []article.Actor {
	var out []article.Actor
	for _, t := range ts {
		k := cl.wordIndex(t.Span.Start) - 1
		for k >= 0 && determiners[cl.lows[k]] && cl.lows[k] != "of" {
			k--
		}
		if k < 0 || cl.lows[k] != "against" {
			out = append(out, t)
		}
	}
	return out
}

// possessiveIn reports "its", "their" or "his" among the words of a span.
func (cl *clause) possessiveIn(sp article.Span) bool {
	for i, w := range cl.ws {
		if sp.Contains(w.span) && (cl.lows[i] == "its" || cl.lows[i] == "their" || cl.lows[i] == "his") {
			return true
		}
	}
	return false
}

// leftPlace reports an actor phrase at i that follows "from" or "out of"
// over place words only ("from the town of Bakhmut").
func (cl *clause) leftPlace(i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		switch w := cl.lows[k]; {
		case w == "from" || w == "of" && k > 0 && cl.lows[k-1] == "out":
			return true
		case !placeWords[w]:
			return false
		}
	}
	return false
}

// infinitiveBetween reports a "to" + verb among the words (from, to). The
// lexicons know only event verbs, so any lower-case word after "to" that
// cannot open a noun phrase counts ("to democratize"); determiners and
// plurals ("to the talks", "to elections") do not.
func (cl *clause) infinitiveBetween(from, to int) bool {
	for j := from + 1; j+1 < to; j++ {
		if cl.lows[j] != "to" {
			continue
		}
		if n, _ := cl.verbAt(j + 1); n > 0 {
			return true
		}
		w := cl.lows[j+1]
		if !cl.ws[j+1].cap && isWordy(w) && !determiners[w] && !pronouns[w] &&
			(!strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss")) {
			return true
		}
	}
	return false
}

// placeName reports whether an actor phrase is a name standing alone or
// as a possessive ("Serbia", "Haiti's elections"), not a nationality
// qualifying people ("Palestinian factions"), a plural of people ("Serbs",
// "Palestinians") or the start of a longer name ("Kenya Anti-Corruption
// Commission").
func (cl *clause) placeName(a article.Actor) bool {
	k := cl.wordIndex(a.Span.End - 1)
	if k < 0 || !cl.ws[k].cap {
		return false
	}
	w := cl.lows[k]
	if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "'s") {
		return false
	}
	if k+1 < cl.end {
		next := cl.lows[k+1]
		if cl.ws[k+1].cap {
			return false
		}
		if next != "'s" && next != "s" && isWordy(next) && !connectives[next] {
			return false // an adjective before its noun: "Serbian troops"
		}
	}
	return true
}

// connectives may follow a name standing alone.
var connectives = map[string]bool{"and": true, "or": true, "but": true, "to": true, "for": true, "in": true,
	"on": true, "at": true, "from": true, "with": true, "by": true, "if": true, "as": true, "after": true,
	"before": true, "since": true, "until": true, "while": true, "where": true, "which": true, "who": true,
	"that": true, "of": true, "into": true, "over": true, "against": true, "unless": true, "when": true}

// counterparts gives "his Jordanian counterpart" the source's role: a
// foreign minister's counterpart is a foreign minister (JOR + GOV).
func (cl *clause) counterparts(ts, ss []article.Actor) []article.Actor {
	for i := range ts {
		k := cl.wordIndex(ts[i].Span.End - 1)
		if len(ts[i].Code) != 3 || k < 0 || k+1 >= len(cl.lows) || strings.TrimSuffix(cl.lows[k+1], "s") != "counterpart" {
			continue
		}
		for _, s := range ss {
			if _, sec := cameo.Split(s.Code); sec != "" {
				ts[i].Code += sec[:min(3, len(sec))]
				ts[i].Span.End = cl.ws[k+1].span.End
				ts[i].Text = ts[i].Span.Of(cl.doc.Article.Text)
				break
			}
		}
	}
	return ts
}

// possessiveSpeaker gives "his government", "its army" the country of the
// speaker of the reporting clause ("Maduro said his government would
// expel ..." -> VENGOV).
func (cl *clause) possessiveSpeaker(ss []article.Actor, srcFrom int) []article.Actor {
	if srcFrom < 0 || len(ss) != 1 || !strings.HasPrefix(ss[0].Code, "---") {
		return ss
	}
	switch cl.lows[srcFrom] {
	case "his", "her", "its", "their", "our":
	default:
		return ss
	}
	rv := cl.reportingVerbBefore(srcFrom)
	if rv < 0 {
		return ss
	}
	f, t := cl.subjectRegion(rv)
	for _, sp := range cl.actors(f, t, true) {
		if c, _ := cameo.Split(sp.Code); len(c) == 3 && c != "---" {
			ss[0].Code = c + ss[0].Code[3:]
			break
		}
	}
	return ss
}

// pronounSubject reports a subject region that is only a pronoun (after
// quotation marks or auxiliaries).
func (cl *clause) pronounSubject(from, to int) bool {
	found := false
	for k := from; k < to; k++ {
		w := cl.lows[k]
		switch {
		case pronouns[w]:
			found = true
		case w == "``" || w == "\"" || w == "“" || w == "'" || auxiliaries[w] || cl.adverb(k):
		default:
			return false
		}
	}
	return found
}

// datelineLen returns the number of words of a wire dateline opening the
// sentence, through its dash ("BELVAR, Varenia, March 12 (Northbridge Wire)
// -"; see text.Dateline). 0 when the sentence has none.
func datelineLen(txt string, ws []word) int {
	if len(ws) < 3 {
		return 0
	}
	start := ws[0].span.Start
	n := text.Dateline(txt[start:ws[len(ws)-1].span.End])
	if n == 0 {
		return 0
	}
	for i, w := range ws {
		if w.span.Start >= start+n {
			return i
		}
	}
	return 0
}

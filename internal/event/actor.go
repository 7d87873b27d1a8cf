package event

import (
	"sort"
	"strings"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/cameo"
)

// subjectRegion returns the words before the verb at v that can hold its
// subject: back to the previous comma, "that" or reporting verb, extended
// over earlier comma segments while they hold no actor ("Quatar's emir,
// Sheikh Hamad, launched").
func (cl *clause) subjectRegion(v int) (int, int) {
	to := v
	for to > 0 && (auxiliaries[cl.lows[to-1]] || cl.adverb(to-1)) {
		to--
	}
	from := to
	for from > 0 {
		w := cl.lows[from-1]
		if w == "that" || w == ";" {
			break
		}
		if w == "," && to-from <= 3 && from >= 2 && cl.ws[from-2].cap && cl.hasActor(from-2, from-1) && cl.hasActor(from, to) {
			// a headline coordination: "Israel, Hamas agree to truce"
			from--
			continue
		}
		if w == "," || w == "-" || w == "--" || w == "—" || w == "–" || w == ")" {
			participle := strings.HasSuffix(cl.lows[from], "ing") && !cl.ws[from].cap // ", speaking in Nairobi,"
			if cl.hasActor(from, to) && w == "," && (adjunctOpeners[cl.lows[from]] || participle) && from-1 > 0 {
				// "The rebels, through spokesman Idris Malan, demanded":
				// a prepositional aside between commas is no subject
				to = from - 1
				from--
				continue
			}
			if cl.hasActor(from, to) {
				break
			}
		}
		if _, b := cl.verbAt(from - 1); reportingVerbs[b] && from-1 > 0 {
			break
		}
		from--
	}
	if from >= to {
		return -1, -1
	}
	return from, to
}

// adjunctOpeners open a prepositional aside between a subject and its
// verb.
var adjunctOpeners = map[string]bool{"through": true, "via": true, "with": true, "along": true, "alongside": true,
	"under": true, "in": true, "at": true, "on": true, "after": true, "including": true, "backed": true, "like": true,
	"who": true, "which": true, "whose": true} // and relative clauses: "The minister, who arrived in Kabul, urged"

func (cl *clause) hasActor(from, to int) bool {
	for i := from; i < to; i++ {
		if n, _ := cl.actorAt(i); n > 0 {
			return true
		}
		if n, _ := cl.dict.AgentAt(cl.lows, i); n > 0 {
			return true
		}
	}
	return false
}

// reportingVerbBefore finds a reporting verb just before a complement
// clause starting at from ("Hungary has said it will ...").
func (cl *clause) reportingVerbBefore(from int) int {
	for j := from - 1; j >= 0 && j >= from-4; j-- {
		if _, b := cl.verbAt(j); reportingVerbs[b] {
			return j
		}
		if n, b := cl.verbAt(j); n > 0 && (intentAdjectives[cl.lows[j]] || passThrough[b]) {
			continue
		}
	}
	return -1
}

// objectRegion returns the words after the trigger that can hold the
// target, up to a clause break or the reporting tail.
func (cl *clause) objectRegion(tr trigger) (int, int) {
	from := tr.objFrom
	if from >= cl.end {
		return -1, -1
	}
	to := cl.regionEnd(from)
	if !hasRoot(tr.code, "13") {
		// a condition says what would happen, not whom the act is aimed
		// at ("will not accept refugees if war starts in Iraq"); a threat's
		// condition names the threatened ("unless the rebels disarm")
		for j := from + 1; j < to; j++ {
			if cl.lows[j] == "if" || cl.lows[j] == "unless" {
				return from, j
			}
		}
	}
	return from, to
}

func (cl *clause) regionEnd(from int) int {
	for j := from; j < cl.end; j++ {
		if n := cl.durationAt(j); n > 0 {
			j += n - 1 // "after four years": when, not a new clause
			continue
		}
		if clauseBreaks[cl.lows[j]] && (j > from || cl.lows[j] == ";") {
			return j
		}
		if cl.lows[j] == "and" && j > from && cl.coordinatedVerb(j) == j+1 && cl.hasActor(from, j) {
			// "raided the camp and arrested ...": the object ends at the second
			// verb, unless the two verbs share it ("established ties with and
			// opened an embassy in Tehran")
			return j
		}
		if cl.lows[j] == "," && j > from+1 {
			// a comma closes the object unless an apposition of a name follows
			return j
		}
	}
	return cl.end
}

// durationAt returns the length of a time adverbial at j made of "after",
// "before" or "since" and a span of time ("after four years", "since
// last week", "after months"), 0 when there is none.
func (cl *clause) durationAt(j int) int {
	switch cl.lows[j] {
	case "after", "before", "since":
	default:
		return 0
	}
	for k := j + 1; k < cl.end && k <= j+3; k++ {
		w := strings.TrimSuffix(cl.lows[k], "s")
		if timeNouns[w] || w == "hour" || w == "decade" {
			return k - j + 1
		}
		if !durationWords[cl.lows[k]] && !isNumber(cl.lows[k]) {
			return 0
		}
	}
	return 0
}

// durationWords count or qualify a span of time.
var durationWords = map[string]bool{"a": true, "an": true, "two": true, "three": true, "four": true, "five": true,
	"six": true, "seven": true, "eight": true, "nine": true, "ten": true, "several": true, "many": true,
	"few": true, "last": true, "nearly": true, "almost": true, "more": true, "than": true, "the": true}

func isNumber(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if (r < '0' || r > '9') && r != ',' && r != '.' {
			return false
		}
	}
	return true
}

// actorAt matches an actor dictionary phrase at i, requiring a capitalised
// first word (dictionary entries are names, and "chad" or "turkey" in
// lower case are not countries).
func (cl *clause) actorAt(i int) (int, string) {
	if !cl.ws[i].cap {
		return 0, ""
	}
	n, cs := cl.dict.ActorAt(cl.lows, i)
	if n == 0 {
		return 0, ""
	}
	if n == 1 && cl.dict.Surname(cl.lows[i]) && i+1 < len(cl.ws) && cl.ws[i+1].cap {
		return 0, "" // a first name before an unknown surname, not the known person
	}
	if n == 1 && cl.dict.Surname(cl.lows[i]) && i > 0 && cl.ws[i-1].cap && !nameLeads[cl.lows[i-1]] {
		if m, _ := cl.dict.AgentAt(cl.lows, i-1); m == 0 {
			if m, _ := cl.dict.ActorAt(cl.lows, i-1); m == 0 {
				// an unknown first name before the known surname: another
				// person ("Friedrich Merz" is not the dictionary's
				// Hans-Rudolf Merz)
				return 0, ""
			}
		}
	}
	return n, cameo.CodeOn(cs, cl.date)
}

// nameLeads are capitalised words that may open a sentence before a bare
// surname without being a first name.
var nameLeads = map[string]bool{"the": true, "a": true, "an": true, "and": true, "but": true, "when": true,
	"after": true, "before": true, "then": true, "as": true, "if": true, "while": true, "mr": true, "mrs": true,
	"ms": true, "dr": true, "mr.": true, "mrs.": true, "ms.": true, "dr.": true,
	// particles of a family name: "Al Thani" is the family, whoever bears it
	"al": true, "el": true, "bin": true, "ibn": true, "abu": true, "de": true, "van": true, "von": true,
	"der": true, "da": true, "di": true, "le": true, "la": true}

// piece is one coded unit inside an actor phrase.
type piece struct {
	start, end int
	code       string // full actor code, or agent code ("~GOV", "IGO~")
	agent      bool
}

// actors codes the actor phrases in words [from, to). Several actors come
// back for coordinations ("Hungarian and Romanian officials", "the
// United States and Jordan"); a shared agent applies to all of them.
func (cl *clause) actors(from, to int, subject bool) []article.Actor {
	if from < 0 || to <= from {
		return nil
	}
	var ps []piece
	for i := from; i < to; {
		if cl.dateline(i) {
			i++
			continue
		}
		if n, code := cl.actorAt(i); n > 0 && code != "" {
			if cl.placeAt(i) {
				code, _ = cameo.Split(code) // "in Beirut": the place, not the government
			}
			ps = append(ps, piece{start: i, end: i + n, code: code})
			i += n
			continue
		}
		if n, code := cl.dict.AgentAt(cl.lows, i); n > 0 && code != "" {
			ps = append(ps, piece{start: i, end: i + n, code: code, agent: true})
			i += n
			continue
		}
		if code := cl.ledBy(i); code != "" {
			ps = append(ps, piece{start: i, end: i + 1, code: code})
		}
		i++
	}
	ps = cl.withEntityRoles(ps, from, to)
	if len(ps) == 0 {
		return nil
	}
	sort.SliceStable(ps, func(a, b int) bool { return ps[a].start < ps[b].start })
	// for a target keep the first noun phrase: cut at the first
	// preposition after a coded piece, except the coordinations and "of"
	// and "in" phrases that locate a bare agent ("rebels in Darfur")
	groups := [][]piece{{ps[0]}}
	for k := 1; k < len(ps); k++ {
		prev, cur := ps[k-1], ps[k]
		gap := cl.lows[prev.end:max(prev.end, cur.start)] // pieces from the entity layer may overlap
		if joinsCoordination(gap) || cl.namedConjunct(prev.end, cur.start) {
			groups = append(groups, []piece{cur})
			continue
		}
		if cl.hasVerb(prev.end, cur.start) || !subject && (breaksPhrase(gap) || gerundOf(gap) || reducedRelative(gap)) {
			break
		}
		if locativeGap(gap) && (groupHasCountry(groups[len(groups)-1]) || len(gap) > 2 || cl.venue) {
			// "Scholz in Berlin": the place is not part of the actor
			if subject {
				continue
			}
			break
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], cur)
	}
	// a target that starts with an uncoded thing ("military intelligence
	// to Macedonia") is the first group naming a country
	if !subject && len(groups) == 1 && !groupHasCountry(groups[0]) {
		for k := len(groups[0]); k < len(ps); k++ {
			if reducedRelative(cl.lows[from:ps[k].start]) {
				break // "a man suspected of planning attacks on US embassies"
			}
			if ps[k].agent {
				continue
			}
			if g0, code := groups[0], combine(groups[0]); (cl.placeAt(ps[k].start) || cl.lows[ps[k].start-1] == "on") && strings.HasPrefix(code, "---") {
				if cl.venue {
					break
				}
				// "refugees fleeing the war in Liberia": the place says
				// whose, the role noun who
				c, _ := cameo.Split(ps[k].code)
				groups[0] = []piece{{start: g0[0].start, end: g0[len(g0)-1].end, code: c + code[3:]}}
				break
			}
			groups = [][]piece{{ps[k]}}
			break
		}
	}
	// "protested in Seoul against the government": the place is where,
	// the against-phrase whom
	if !subject && len(groups) == 1 && cl.placeAt(groups[0][0].start) {
		if k := len(groups[0]); k < len(ps) {
			for _, w := range cl.lows[ps[k-1].end:ps[k].start] {
				if w == "against" {
					groups = [][]piece{{ps[k]}}
					break
				}
			}
		}
	}
	// in a subject, a place ("near the town of Samarra") is where, not who
	if subject {
		var kept [][]piece
		for _, g := range groups {
			if !g[0].agent && cl.placeAt(g[0].start) {
				continue
			}
			kept = append(kept, g)
		}
		if len(kept) == 0 {
			return nil
		}
		groups = kept
	}
	// a shared trailing agent ("Hungarian and Romanian officials")
	var shared string
	last := groups[len(groups)-1]
	if code := combine(last); hasAgent(last) && groupHasCountry(last) && len(code) > 3 {
		shared = "~" + code[3:]
	} else {
		for _, p := range last {
			if p.agent && strings.HasPrefix(p.code, "~") && shared == "" {
				shared = p.code
			}
		}
	}
	// "the foreign ministers of Egypt and Jordan": a leading role noun
	// governs every coordinated country
	if g0 := groups[0]; len(groups) > 1 && shared == "" && len(g0) > 1 && g0[0].agent && !g0[1].agent &&
		strings.HasPrefix(g0[0].code, "~") {
		if gap := cl.lows[g0[0].end:max(g0[0].end, g0[1].start)]; len(gap) > 0 && gap[0] == "of" {
			shared = g0[0].code
		}
	}
	var out []article.Actor
	for k, g := range groups {
		code := combine(g)
		if code == "" {
			continue
		}
		if c := cl.headOf(g); c != "" {
			code = c
		}
		if shared != "" && len(code) == 3 && !hasAgent(g) {
			code += strings.TrimPrefix(shared, "~")
		}
		lo, hi := from, to
		if k > 0 {
			lo = groups[k-1][len(groups[k-1])-1].end
		}
		if k+1 < len(groups) {
			hi = groups[k+1][0].start
		}
		first, last := cl.nameBounds(g, lo, hi)
		sp := article.Span{Start: cl.ws[first].span.Start, End: cl.ws[last-1].span.End}
		a := article.Actor{
			Text:   sp.Of(cl.doc.Article.Text),
			Span:   sp,
			Code:   code,
			Entity: cl.entityOf(sp),
		}
		out = append(out, a)
	}
	if subject && len(out) > 1 {
		// subjects: a coordination keeps all; otherwise the head is the
		// group nearest the verb unless it is only an agent
		return out
	}
	return out
}

func hasAgent(g []piece) bool {
	for _, p := range g {
		if p.agent {
			return true
		}
	}
	return false
}

func groupHasCountry(g []piece) bool {
	for _, p := range g {
		if !p.agent {
			return true
		}
	}
	return false
}

var locative = map[string]bool{"in": true, "near": true, "at": true, "outside": true, "inside": true, "through": true,
	"across": true, "around": true}

// ownName reports an actor whose span names its own country or group
// beyond what the dictionaries coded: a nationality before the role noun
// the dictionaries do not know ("Varenian government"), or "of" and a
// name after it ("government of Varenia"). Such an actor does not take a neighbour's country. A
// person's name after a title ("Prime Minister Anton Vasik") does not
// count: a minister is of the country the sentence is about.
func (cl *clause) ownName(a article.Actor) bool {
	i := cl.wordIndex(a.Span.Start)
	if i < 0 {
		return false
	}
	if cl.ws[i].cap && demonym(cl.lows[i]) {
		if n, _ := cl.dict.AgentAt(cl.lows, i); n == 0 {
			if n, _ := cl.actorAt(i); n == 0 {
				return true
			}
		}
	}
	for k := i; k+1 < len(cl.ws) && cl.ws[k].span.End <= a.Span.End; k++ {
		if cl.lows[k] == "of" && cl.ws[k+1].cap {
			return true
		}
	}
	return false
}

// genericHeads are role nouns that stand for the body they lead or speak
// for: "the leader of a militant group" is the group (REB), "a spokesman
// for the Taliban" the Taliban, while "the leader of Iran" keeps GOV.
var genericHeads = map[string]bool{"leader": true, "leaders": true, "head": true, "chief": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "member": true, "members": true,
	"commander": true, "commanders": true}

// headOf returns the code of the body a generic head noun leads ("leader
// of a banned militant group" -> ---REB), "" when the group does not start
// that way or the body has no role of its own.
func (cl *clause) headOf(g []piece) string {
	if len(g) < 2 || !g[0].agent || g[0].end-g[0].start != 1 || !genericHeads[cl.lows[g[0].start]] {
		return ""
	}
	if gap := cl.lows[g[0].end:max(g[0].end, g[1].start)]; len(gap) == 0 || gap[0] != "of" && gap[0] != "for" {
		return ""
	}
	if c := combine(g[1:]); len(c) > 3 {
		return c
	}
	return ""
}

// namedConjunct reports a coordination whose second conjunct opens with a
// name the dictionaries do not know: "the government of Varenia and the
// rebel Kessel Liberation Front", "the government and the Kessel
// Liberation Front". After the last "and" or "or" of the gap there are
// only articles and capitalised words.
func (cl *clause) namedConjunct(from, to int) bool {
	and := -1
	for j := from; j < to; j++ {
		if cl.lows[j] == "and" || cl.lows[j] == "or" {
			and = j
		}
	}
	if and < 0 {
		return false
	}
	named := and > from && cl.ws[and-1].cap // "of Varenia and the rebel ..."
	for j := and + 1; j < to; j++ {
		if !cl.ws[j].cap && cl.lows[j] != "the" && cl.lows[j] != "its" && cl.lows[j] != "their" {
			return false
		}
		named = named || cl.ws[j].cap
	}
	return named // not "Palestinian homes and civilian buildings"
}

// nameBounds returns the words [first, last) an actor's span covers: its
// coded pieces, widened within [lo, hi) over the name they belong to. A
// role noun may end a longer name ("Kessel Liberation Front") or follow a
// nationality the dictionaries lack ("Varenian government"); a title runs
// on into the person's name ("Prime Minister Anton Vasik", "spokesman
// Idris Malan"); "of" and a name complete a title or body ("government of
// Varenia"). The positions table shows these spans, so a cut name reads
// as a different actor.
func (cl *clause) nameBounds(g []piece, lo, hi int) (int, int) {
	first, last := g[0].start, g[len(g)-1].end
	if !groupHasCountry(g) {
		for first > lo && cl.nameWord(first-1) && (first-1 > 0 || demonym(cl.lows[first-1]) || cl.ws[first].cap) {
			first--
		}
	}
	if !g[len(g)-1].agent {
		return first, last
	}
	if last+1 < hi && cl.lows[last] == "of" && cl.nameWord(last+1) {
		last++
	}
	for last < hi && cl.nameWord(last) && (cl.ws[last-1].cap || cl.lows[last-1] == "of" || last > g[len(g)-1].start) {
		last++
	}
	return first, last
}

// nameWord reports a capitalised word that can be part of a name: not an
// article, a weekday or month, a sentence opener, an event noun, nor the
// first word of an actor the dictionaries know.
func (cl *clause) nameWord(i int) bool {
	w := cl.lows[i]
	if !cl.ws[i].cap || determiners[w] || w == "the" || calendarWords[w] || notNames[w] || isEventNoun(w) || cl.dateline(i) {
		return false
	}
	return isWordy(w)
}

// joinsCoordination reports whether the words between two coded pieces
// coordinate them ("and", "and the", ",").
func joinsCoordination(gap []string) bool {
	if len(gap) == 0 || len(gap) > 2 {
		return false
	}
	if gap[0] != "and" && gap[0] != "," && gap[0] != "or" {
		return false
	}
	return len(gap) == 1 || gap[1] == "the" || gap[1] == "its"
}

// reducedRelative reports a participle and a preposition inside the words
// before a piece: a clause about the object ("a man suspected of",
// "techniques used against"), whose actors are not the target.
func reducedRelative(gap []string) bool {
	for j := 1; j+1 < len(gap); j++ {
		if !strings.HasSuffix(gap[j], "ed") || determiners[gap[j-1]] {
			continue
		}
		switch gap[j+1] {
		case "of", "for", "against", "in", "by", "with":
			return true
		}
	}
	return false
}

// gerundOf reports "of" + a gerund between two pieces: what the target is
// accused of or praised for, not a part of its name ("accused Tamil Tiger
// rebels of using civilians").
func gerundOf(gap []string) bool {
	return len(gap) > 1 && gap[0] == "of" && strings.HasSuffix(gap[1], "ing")
}

func breaksPhrase(gap []string) bool {
	for _, w := range gap {
		switch w {
		case "to", "with", "against", "from", "for", "over", "on", "at", "into", "about", "by", "that", "if", "unless",
			"along", "across", "toward", "towards", "through", "around", "beyond", "within", "near", "outside", "inside", "off":
			return true
		}
	}
	return false
}

func locativeGap(gap []string) bool {
	for _, w := range gap {
		if locative[w] {
			return true
		}
	}
	return false
}

// hasVerb reports a finite verb among words [from, to): a clause boundary
// inside what looked like one phrase ("that Israel withdraw its troops").
func (cl *clause) hasVerb(from, to int) bool {
	for k := from; k < to; k++ {
		if n, b := cl.verbAt(k); n > 0 && !cl.isNounUse(k) && !reportingVerbs[b] {
			if _, ag := cl.dict.AgentAt(cl.lows, k); ag == "" {
				return true
			}
		}
	}
	return false
}

// combine builds one CAMEO code from the pieces of one actor phrase: the
// first full actor code gives the country (or IGO, NGO, IMG), the agents
// add their role ("Israeli" + "soldiers" -> ISRMIL, "UN" + "peacekeeping
// troops" -> IGOUNO + MIL).
func combine(g []piece) string {
	country, role, prefix := "", "", ""
	for _, p := range g {
		switch {
		case !p.agent && (country == "" || strings.HasPrefix(country, "---") && !strings.HasPrefix(p.code, "---")):
			country = p.code
		case !p.agent && len(country) == 3 && len(p.code) > 3 && strings.HasPrefix(p.code, country):
			country = p.code // "Chinese" + "President Hu Jintao" (CHNELI): the person's code is more specific
		case p.agent && strings.HasPrefix(p.code, "~") && (role == "" || !cameo.IsSector(role[:min(3, len(role))])):
			// a sector (GOV, MIL) outranks a religion or ethnicity (MUS)
			if r := strings.TrimPrefix(p.code, "~"); role == "" || cameo.IsSector(r[:min(3, len(r))]) {
				role = r
			}
		case p.agent && strings.HasSuffix(p.code, "~") && prefix == "":
			prefix = strings.TrimSuffix(p.code, "~")
		}
	}
	if country == "" {
		if prefix != "" {
			return prefix + role
		}
		if role != "" {
			return "---" + role
		}
		return ""
	}
	if role == "" {
		return country
	}
	// an organisation keeps its own code: "Red Cross officials" are the
	// Red Cross (NGOHLHIRC), not a government
	switch country[:3] {
	case "IGO", "NGO", "IMG", "MNC":
		if len(country) > 3 {
			return country
		}
	}
	// a role already in the actor's code is not repeated ("ISRGOV" + "~GOV");
	// a group's leaders and officials are the group ("Hamas leaders" stay
	// PSEREBHMS), other roles replace the sector ("ISRGOV" + "~MIL")
	if _, s := cameo.Split(country); s != "" {
		if len(role) >= 3 && s == role[:3] || (role == "GOV" || role == "UAF") && s != "GOV" {
			return country
		}
		return country[:3] + role
	}
	return country + role
}

// withEntityRoles adds what the entity layer knows: a mention's role
// country and title when the dictionaries found none there.
func (cl *clause) withEntityRoles(ps []piece, from, to int) []piece {
	ms := cl.doc.Analysis.Mentions
	if len(ms) == 0 {
		return ps
	}
	ents := cl.doc.Analysis.Entities
	span := article.Span{Start: cl.ws[from].span.Start, End: cl.ws[to-1].span.End}
	for _, m := range ms {
		if !span.Contains(m.Span) {
			continue
		}
		// the mention's own role, else its entity's ("He" resolved to the
		// foreign minister mentioned earlier)
		role, country := m.Role, ""
		if m.Entity >= 0 && m.Entity < len(ents) {
			if role == nil && len(ents[m.Entity].Roles) > 0 {
				role = &ents[m.Entity].Roles[0]
			}
			country = ents[m.Entity].Country
		}
		if role != nil && role.Country != "" {
			country = role.Country
		}
		if len(country) != 3 {
			continue
		}
		roleCovered, nameCovered := false, false
		for _, p := range ps {
			pspan := article.Span{Start: cl.ws[p.start].span.Start, End: cl.ws[p.end-1].span.End}
			if role != nil && pspan.Overlaps(role.Span) {
				roleCovered = true
			}
			if pspan.Overlaps(m.Span) {
				nameCovered = true
			}
		}
		i := cl.wordIndex(m.Span.Start)
		if nameCovered || i < 0 {
			continue // the dictionaries know the name
		}
		ps = append(ps, piece{start: i, end: i + 1, code: country})
		if role != nil && !roleCovered {
			if n, code := cl.dict.AgentAt(strings.Fields(role.Title), 0); n > 0 {
				ps = append(ps, piece{start: i, end: i + 1, code: code, agent: true})
			}
		}
	}
	return ps
}

func (cl *clause) wordIndex(off int) int {
	for i, w := range cl.ws {
		if w.span.Start <= off && off < w.span.End {
			return i
		}
	}
	return -1
}

// entityOf links an actor to the entity of the mention it overlaps, -1 when none.
func (cl *clause) entityOf(span article.Span) int {
	for _, m := range cl.doc.Analysis.Mentions {
		// a nationality ("Varenian government") is not the actor
		if m.Span.Overlaps(span) && m.Entity >= 0 && m.Type != article.MISC {
			return m.Entity
		}
	}
	return -1
}

// location is the first "in/at PLACE" after the trigger whose place is in
// the actor dictionaries (countries list their cities).
func (cl *clause) location(from int) string {
	for j := from; j+1 < cl.end; j++ {
		if cl.lows[j] != "in" && cl.lows[j] != "at" && cl.lows[j] != "near" {
			continue
		}
		k := j + 1
		for k < cl.end && (cl.lows[k] == "the" || cl.lows[k] == "northern" || cl.lows[k] == "southern" ||
			cl.lows[k] == "eastern" || cl.lows[k] == "western" || cl.lows[k] == "central") {
			k++
		}
		if k >= cl.end {
			break
		}
		if n, code := cl.actorAt(k); n > 0 && !strings.HasPrefix(code, "IGO") && !strings.HasPrefix(code, "NGO") {
			if k+n < cl.end && !cl.ws[k+n].cap && isWordy(cl.lows[k+n]) && demonym(cl.lows[k+n-1]) {
				continue // "at Israeli towns": an adjective, not the place
			}
			return cl.doc.Article.Text[cl.ws[k].span.Start:cl.ws[k+n-1].span.End]
		}
	}
	return ""
}

// timex is the value of the date expression nearest the trigger in the
// sentence, when the timex stage ran.
func (cl *clause) timex(sent, trig article.Span) string {
	best, bestD := "", 1<<30
	for _, t := range cl.doc.Analysis.Timexes {
		if t.Type != "DATE" || !sent.Contains(t.Span) {
			continue
		}
		d := t.Span.Start - trig.End
		if d < 0 {
			d = trig.Start - t.Span.End
		}
		if d < bestD {
			best, bestD = t.Value, d
		}
	}
	return best
}

// politicalRoles are the sectors whose actors belong to a state's own
// politics: an uncoded "the president" or "rebels" in a sentence about one
// country is that country's.
var politicalRoles = map[string]bool{"GOV": true, "MIL": true, "REB": true, "OPP": true, "COP": true,
	"JUD": true, "LEG": true, "PTY": true, "ELI": true, "SPY": true, "CVL": true}

// inheritCountry gives agent-only actors ("---GOV") a country: the other
// side's, else the first country the sentence names. Sources of any role
// inherit (the actor of a sentence about a country is that country's);
// targets only political ones ("the president"), as a bare "refugees" or
// "civilians" after the verb is as often foreign. The place of an event
// ("demonstrated in Serbia") lends its country, but not the venue of talks
// or agreements ("rebels agreed to talks in Doha").
func (cl *clause) inheritCountry(as, other []article.Actor, source, domestic bool) []article.Actor {
	for i := range as {
		if !strings.HasPrefix(as[i].Code, "---") {
			continue
		}
		if !source && !politicalRoles[as[i].Code[3:min(6, len(as[i].Code))]] {
			continue
		}
		if cl.ownName(as[i]) {
			continue // "Varenian government": a country of its own, unknown here
		}
		country := ""
		if source && domestic {
			// irregulars and security forces act where the sentence places
			// them: "Gunmen kidnapped two French journalists in Yemen" are
			// Yemen's, not France's
			if c := cl.placeCountry(); c != "" && unstateRole(as[i].Code) {
				country = c
			}
		}
		for _, o := range other {
			if country != "" {
				break
			}
			if k := cl.wordIndex(o.Span.Start); k > 0 && cl.placeAt(k) && !domestic {
				continue // "talks in Doha": a diplomatic venue lends no nationality
			}
			if c, _ := cameo.Split(o.Code); c != "---" && c != "IGO" && c != "NGO" && c != "IMG" && c != "MNC" {
				country = c
				break
			}
		}
		if country == "" {
			country = cl.firstCountry(domestic)
		}
		if country != "" {
			as[i].Code = country + as[i].Code[3:]
		}
	}
	return as
}

// placeCountry is the country of the first place the clause names after
// a locative ("in Yemen", "near the town of Samarra"), "" when none.
func (cl *clause) placeCountry() string {
	for i := 0; i < cl.end; i++ {
		if !cl.placeAt(i) {
			continue
		}
		if n, code := cl.actorAt(i); n > 0 {
			if c, _ := cameo.Split(code); len(c) == 3 && c != "---" && c != "IGO" && c != "NGO" && c != "IMG" && c != "MNC" {
				return c
			}
		}
	}
	return ""
}

// unstateRole reports a role that has no nationality of its own in the
// words: gunmen, militants, police ("---UAF", "---REB", "---COP").
func unstateRole(code string) bool {
	_, sec := cameo.Split(code)
	return sec == "UAF" || sec == "REB" || sec == "COP" || sec == "CRM"
}

func (cl *clause) firstCountry(domestic bool) string {
	for i := 0; i < cl.end; i++ {
		if cl.placeAt(i) && !domestic || i == 0 && len(cl.lows) > 1 && cl.lows[1] == "," {
			continue // a place ("in Doha") or a dateline ("DOHA, March 9"), not an actor
		}
		if i > 0 && cl.lows[i-1] == "ethnic" {
			continue // an ethnicity, not a state (see ethnicGroups)
		}
		if n, code := cl.actorAt(i); n > 0 {
			if c, _ := cameo.Split(code); len(c) == 3 && c != "IGO" && c != "NGO" && c != "IMG" && c != "MNC" {
				return c
			}
		}
	}
	return ""
}

// demonym reports a nationality adjective by its ending ("Israeli",
// "Ukrainian", "Japanese", "British", "French").
func demonym(w string) bool {
	for _, suf := range []string{"ian", "ese", "ish", "i", "ch", "can", "ean", "ic"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

func isWordy(w string) bool {
	for _, r := range w {
		if r >= 'a' && r <= 'z' {
			return true
		}
	}
	return false
}

// namedActor finds an uncoded named actor in words [from, to): a name
// mention of the entity layer, else a run of capitalised words ("the Kessel
// Liberation Front"). Subjects take the name nearest the verb, objects
// the first. The actor has no code: the dictionaries do not know it, but
// who acted is still worth keeping.
func (cl *clause) namedActor(from, to int, subject bool) (article.Actor, bool) {
	span := article.Span{Start: cl.ws[from].span.Start, End: cl.ws[to-1].span.End}
	var best *article.Mention
	for k := range cl.doc.Analysis.Mentions {
		m := &cl.doc.Analysis.Mentions[k]
		if m.Kind != "" && m.Kind != "name" || !span.Contains(m.Span) {
			continue
		}
		if k := cl.wordIndex(m.Span.Start); subject && k > 0 && cl.placeAt(k) {
			continue // "Shelling around the city of Orsk": where, not who
		}
		if best == nil || subject && m.Span.Start > best.Span.Start {
			best = m
		}
		if !subject {
			break
		}
	}
	if best != nil {
		return article.Actor{Text: best.Span.Of(cl.doc.Article.Text), Span: best.Span, Entity: best.Entity}, true
	}
	type run struct{ a, b int }
	var runs []run
	for i := from; i < to; {
		if !cl.ws[i].cap || determiners[cl.lows[i]] || cl.lows[i] == "the" || calendarWords[cl.lows[i]] || notNames[cl.lows[i]] || cl.dateline(i) || isEventNoun(cl.lows[i]) {
			i++
			continue
		}
		j := i + 1
		for j < to && (cl.ws[j].cap && !calendarWords[cl.lows[j]] || (cl.lows[j] == "of" || cl.lows[j] == "bin" || cl.lows[j] == "al") && j+1 < to && cl.ws[j+1].cap) {
			j++
		}
		// a lone capitalised first word is as likely an ordinary word
		// ("Thousands"); in a subject, a place after "in" or "around" is where
		if (j-i > 1 || i > 0) && !(subject && cl.placeAt(i)) {
			runs = append(runs, run{i, j})
		}
		i = j
	}
	if len(runs) == 0 {
		return article.Actor{}, false
	}
	r := runs[0]
	if subject {
		r = runs[len(runs)-1]
	}
	sp := article.Span{Start: cl.ws[r.a].span.Start, End: cl.ws[r.b-1].span.End}
	return article.Actor{Text: sp.Of(cl.doc.Article.Text), Span: sp, Entity: -1}, true
}

// anyNamed reports an actor with a code or at least a name.
func anyNamed(as []article.Actor) bool {
	for _, a := range as {
		if a.Code != "" && !strings.HasPrefix(a.Code, "---") || a.Text != "" {
			return true
		}
	}
	return false
}

// calendarWords are capitalised but name no actor.
var calendarWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
}

// notNames are capitalised sentence openers that name nobody.
var notNames = map[string]bool{
	"both": true, "all": true, "some": true, "many": true, "most": true, "it": true, "they": true, "he": true,
	"she": true, "we": true, "i": true, "there": true, "here": true, "but": true, "and": true, "when": true,
	"while": true, "after": true, "before": true, "in": true, "on": true, "at": true, "as": true, "if": true,
	"thousands": true, "hundreds": true, "dozens": true, "several": true, "nobody": true, "everyone": true,
	"according": true, "meanwhile": true, "however": true, "earlier": true, "later": true, "last": true,
}

// dateline reports an agency dateline's place ("DOHA, March 10 (Wire) -"):
// an all-capitals word opening the sentence before a comma.
func (cl *clause) dateline(i int) bool {
	if i > 1 || i+1 >= len(cl.lows) || cl.lows[i+1] != "," {
		return false
	}
	w := cl.doc.Article.Text[cl.ws[i].span.Start:cl.ws[i].span.End]
	return len(w) > 2 && strings.ToUpper(w) == w && strings.ToLower(w) != w
}

func isEventNoun(w string) bool {
	_, ok := nounCode(w)
	return ok
}

// placeWords may sit between a locative preposition and a place name
// ("near the town of Samarra", "in northern Iraq").
var placeWords = map[string]bool{
	"the": true, "of": true, "town": true, "city": true, "village": true, "province": true, "region": true,
	"district": true, "capital": true, "area": true, "northern": true, "southern": true, "eastern": true,
	"western": true, "central": true, "border": true, "outskirts": true, "suburb": true, "port": true,
	"north": true, "south": true, "east": true, "west": true, "state": true, "country": true,
}

// placeAt reports whether the actor phrase at i names a place: it follows
// "in", "at", "near" ... over place words only.
func (cl *clause) placeAt(i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		if locative[cl.lows[k]] {
			return true
		}
		if !placeWords[cl.lows[k]] {
			return false
		}
	}
	return false
}

// ledBy codes a hyphenated modifier naming who stands behind an actor
// ("Vietnamese-led forces", "US-backed militias", "Trinidad-based
// group"): the country of its first part, "" when none.
func (cl *clause) ledBy(i int) string {
	if !cl.ws[i].cap {
		return ""
	}
	head, tail, ok := strings.Cut(cl.lows[i], "-")
	if !ok {
		return ""
	}
	switch tail {
	case "led", "backed", "allied", "supported", "sponsored", "funded", "trained", "armed", "based", "controlled", "dominated":
	default:
		return ""
	}
	n, cs := cl.dict.ActorAt([]string{head}, 0)
	if n == 0 {
		return ""
	}
	c, _ := cameo.Split(cameo.CodeOn(cs, cl.date))
	if len(c) != 3 || c == "---" {
		return ""
	}
	return c
}

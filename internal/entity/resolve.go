package entity

import (
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/text"
)

// resolver holds the working state of one article's entity analysis.
type resolver struct {
	doc  *article.Doc
	gaz  *Gazetteer
	text string
	toks []article.Token

	ments []ment
	ents  []*ent
	byKey map[string]int // entity key -> index into ents
}

// ment is one mention being resolved, with its token range.
type ment struct {
	m      article.Mention
	ta, tb int // tokens [ta, tb)
	sent   int
	gender byte
	// full is the normalised name of a person mention, words its words.
	full  string
	words []string
	// roleOf is, for a mention that is only a role phrase ("Israeli Prime
	// Minister" tagged as a person), the index of the name it titles; -1
	// otherwise.
	roleOf int
}

// ent is one in-article entity being built.
type ent struct {
	key, name, typ string
	country        string
	gender         byte
	roles          []article.Role
	ments          []int // indexes into resolver.ments
	words          []string
	first          int // byte offset of the first mention
	org            bool
}

func newResolver(doc *article.Doc, gaz *Gazetteer) *resolver {
	return &resolver{doc: doc, gaz: gaz, text: doc.Article.Text, toks: doc.Tokens, byKey: map[string]int{}}
}

// tokenRange returns the tokens overlapping span.
func (r *resolver) tokenRange(sp article.Span) (int, int) {
	a := sort.Search(len(r.toks), func(i int) bool { return r.toks[i].Span.End > sp.Start })
	b := a
	for b < len(r.toks) && r.toks[b].Span.Start < sp.End {
		b++
	}
	return a, b
}

// sentenceBounds returns the token range of the sentence holding token i.
func (r *resolver) sentenceBounds(sent int) (int, int) {
	if sent < 0 || sent >= len(r.doc.Sentences) {
		return 0, len(r.toks)
	}
	s := r.doc.Sentences[sent]
	return s.TokStart, s.TokEnd
}

// run does the whole analysis and writes it into doc.Analysis.
func (r *resolver) run() {
	r.collect()
	r.tidyMentions()
	// Tidying may leave no name ("interior ministry said" cut to "interior").
	r.ments = slices.DeleteFunc(r.ments, func(mt ment) bool { return noName(mt.m.Text) })
	r.harmoniseTypes()
	r.placesTaggedPeople()
	r.joinSplitNames()
	r.roleOnlyMentions()
	for i := range r.ments {
		if r.ments[i].m.Type == article.PER {
			r.personRoles(i)
		}
	}
	r.adminActors()
	r.buildNamed()
	r.resolveRoleOnly()
	r.titleMentions()
	r.pronouns()
	r.write()
}

// collect takes the name mentions (dropping title and pronoun mentions of
// an earlier run, so the stage is idempotent) in text order.
func (r *resolver) collect() {
	for _, m := range r.doc.Analysis.Mentions {
		if m.Kind != "" && m.Kind != "name" {
			continue
		}
		if m.Span.Start < 0 || m.Span.End > len(r.text) || m.Span.End <= m.Span.Start {
			continue
		}
		m.Entity = -1
		m.Kind = "name"
		sp, ok := trimBrackets(r.text, m.Span)
		if !ok {
			continue
		}
		m.Span = sp
		m.Text = r.text[m.Span.Start:m.Span.End]
		if noName(m.Text) {
			continue
		}
		if m.Type == article.PER && orgLikeName(m.Text) {
			m.Type = article.ORG
		}
		if m.Type != article.LOC && m.Type != article.GPE && r.inDatelinePlace(m.Span) {
			m.Type = article.LOC // "VELMORA (Harbour Post) -": a tagger unsure of a shouted word says ORG
		}
		ta, tb := r.tokenRange(m.Span)
		if ta >= tb {
			continue
		}
		r.ments = append(r.ments, ment{m: m, ta: ta, tb: tb, sent: r.doc.SentenceAt(m.Span.Start), roleOf: -1})
	}
	sort.SliceStable(r.ments, func(i, j int) bool { return r.ments[i].m.Span.Start < r.ments[j].m.Span.Start })
}

// placesTaggedPeople makes a place of a one-word name tagged a person that
// the article uses as a place, a tagger's common error on a country or
// region it does not know: after "in" or "from" ("turnout in Velmora"), as
// the stem of a demonym ("Velmoran law"), or owning what only a country
// has ("Velmora's president", "Velmora's three northern regions"). A name
// that is also the surname of a fuller person mention stays a person.
func (r *resolver) placesTaggedPeople() {
	surnames := map[string]bool{}
	for _, mt := range r.ments {
		if f := strings.Fields(mt.m.Text); mt.m.Type == article.PER && len(f) > 1 {
			surnames[f[len(f)-1]] = true
		}
	}
	// The place of the article's wire dateline ("VALDMAR, Estoria
	// (Northern Wire) -") is a place wherever the article names it
	// ("Valdmar handles about 60% of the trade").
	var datelined map[string]bool
	for _, mt := range r.ments {
		if (mt.m.Type == article.LOC || mt.m.Type == article.GPE) && !strings.Contains(mt.m.Text, " ") && r.inDatelinePlace(mt.m.Span) {
			if datelined == nil {
				datelined = map[string]bool{}
			}
			datelined[strings.ToLower(mt.m.Text)] = true
		}
		// "Port of Valdmar", "Valdmar Port Authority": a place names the
		// port, city or airport, so the one word is a place in the
		// headline's "Valdmar port talks collapse" too.
		if mt.m.Type == article.ORG {
			if n := placeInOrgName(mt.m.Text); n != "" {
				if datelined == nil {
					datelined = map[string]bool{}
				}
				datelined[strings.ToLower(n)] = true
			}
		}
	}
	place := map[string]bool{}
	for _, mt := range r.ments {
		n := mt.m.Text
		if mt.m.Type != article.PER || strings.ContainsAny(n, " .-") || surnames[n] || shouting(n) || place[n] {
			continue
		}
		place[n] = datelined[strings.ToLower(n)] || r.usedAsPlace(mt.m.Span)
	}
	for i := range r.ments {
		if mt := &r.ments[i]; mt.m.Type == article.PER && place[mt.m.Text] {
			mt.m.Type = article.LOC
		}
	}
	for n, ok := range place {
		if !ok && r.demonymOf(n) {
			for i := range r.ments {
				if mt := &r.ments[i]; mt.m.Type == article.PER && mt.m.Text == n {
					mt.m.Type = article.LOC
				}
			}
		}
	}
}

// placeInOrgName returns the one-word place an organisation's name is
// built on, "" when none: "Port of Valdmar", "City of Korvik", "Valdmar
// Port Authority", "Korvik City Council", "Valdmar Airport".
func placeInOrgName(name string) string {
	f := strings.Fields(name)
	if len(f) == 3 && f[1] == "of" {
		switch f[0] {
		case "Port", "City", "Municipality", "Mayor", "Governor", "Province", "Region", "Canton", "County":
			return f[2]
		}
	}
	if len(f) >= 2 && len(f) <= 3 {
		switch strings.Join(f[1:], " ") {
		case "Port Authority", "Port", "Harbour", "Harbor", "City Council", "Town Council", "Airport", "International Airport", "City Hall":
			return f[0]
		}
	}
	return ""
}

// usedAsPlace reports whether the name at sp reads as a place there: after
// "in" (not owning something: "in Smith's view"), or owning a
// country's president, capital, regions and the like.
func (r *resolver) usedAsPlace(sp article.Span) bool {
	rest := r.text[sp.End:]
	owner := ""
	for _, p := range []string{"'s ", "’s "} {
		if after, ok := strings.CutPrefix(rest, p); ok {
			owner = after
		}
	}
	if owner == "" {
		// "the government of Velmora", "citizens of Velmora".
		wide := strings.ToLower(r.text[max(0, sp.Start-16):sp.Start])
		for _, p := range placeOf {
			if strings.HasSuffix(wide, p) {
				return true
			}
		}
		// Not "from": "a call from Smith" is a person's.
		before := strings.ToLower(r.text[max(0, sp.Start-4):sp.Start])
		if before != " in " && before != "\nin " && (sp.Start != 3 || before != "in ") {
			return false
		}
		// "a stake in Donohue", "confidence in Smith": a company's or a
		// person's.
		ws := strings.Fields(strings.ToLower(r.text[max(0, sp.Start-40) : sp.Start-3]))
		return len(ws) == 0 || !notPlaceBeforeIn[strings.Trim(ws[len(ws)-1], ",.;:")]
	}
	// Up to two lower-case modifiers, then what a country owns, in lower
	// case ("Scott's said Capital Food" is a company's) or, for a court or
	// bank, capitalised.
	ws := strings.FieldsFunc(owner, func(c rune) bool { return !unicode.IsLetter(c) && c != '-' })
	for i := 0; i < len(ws) && i < 3; i++ {
		if i+1 < len(ws) && countryHolds[strings.ToLower(ws[i]+" "+ws[i+1])] {
			return true
		}
		if countryHolds[ws[i]] {
			return true
		}
		if c, _ := utf8.DecodeRuneInString(ws[i]); !unicode.IsLower(c) {
			break
		}
	}
	return false
}

// notPlaceBeforeIn are nouns whose "in X" names a company or a person.
var notPlaceBeforeIn = map[string]bool{
	"stake": true, "stakes": true, "interest": true, "interests": true, "shares": true, "holding": true,
	"holdings": true, "investment": true, "investments": true, "confidence": true, "faith": true,
	"trust": true, "role": true, "part": true, "belief": true, "believe": true,
}

// countryHolds are what a country has and a person does not.
var countryHolds = map[string]bool{
	"president": true, "capital": true, "region": true, "regions": true, "provinces": true,
	"parliament": true, "constitution": true, "borders": true, "top court": true,
	"constitutional court": true, "supreme court": true, "central bank": true,
	"interior minister": true, "foreign minister": true, "defence minister": true, "defense minister": true,
	"finance minister": true, "justice minister": true, "foreign ministry": true, "interior ministry": true,
	// its cities and ports by rank ("Dalmora's second city", "Estoria's
	// busiest port")
	"second city": true, "largest city": true, "biggest city": true, "capital city": true,
	"largest port": true, "biggest port": true, "busiest port": true, "main port": true, "coastline": true,
}

// placeOf are the words before "of" that make what follows a country:
// "the government of Velmora".
var placeOf = []string{"government of ", "citizens of ", "people of ", "capital of ", "president of ", "north of ", "south of ", "east of ", "west of "}

// demonymOf reports whether the article writes the demonym of a name in
// -a ("Velmora", "Kenya"): the name and n before a lower-case noun
// ("Velmoran law", "Kenyan officials"), not a verb ("Evan said" is a man).
func (r *resolver) demonymOf(name string) bool {
	if !strings.HasSuffix(name, "a") || len(name) < 4 {
		return false
	}
	d := name + "n "
	for off := 0; ; {
		i := strings.Index(r.text[off:], d)
		if i < 0 {
			return false
		}
		at := off + i
		off = at + len(d)
		if at > 0 && unicode.IsLetter(rune(r.text[at-1])) {
			continue
		}
		next := r.text[off:]
		if j := strings.IndexFunc(next, func(c rune) bool { return !unicode.IsLetter(c) }); j >= 0 {
			next = next[:j]
		}
		if c, _ := utf8.DecodeRuneInString(next); unicode.IsLower(c) && !notNounAfterName[next] {
			return true
		}
	}
}

// notNounAfterName are words that follow a person's name as its verb.
var notNounAfterName = map[string]bool{
	"said": true, "says": true, "told": true, "added": true, "was": true, "is": true, "has": true,
	"had": true, "who": true, "and": true, "or": true, "would": true, "will": true, "did": true,
	"does": true, "went": true, "came": true, "wrote": true, "asked": true,
}

// harmoniseTypes gives every mention of one name in the article the type
// most of its mentions have: the tagger decides each mention from its
// context, and "Varenia" tagged a place nine times and a person three is a
// place (ties keep the first mention's type). A name that is the article's
// own outlet ("(Northbridge Wire)" in a dateline) is an organisation.
func (r *resolver) harmoniseTypes() {
	type tally struct {
		first  string
		counts map[string]int
	}
	byName := map[string]*tally{}
	for _, mt := range r.ments {
		t := byName[mt.m.Text]
		if t == nil {
			t = &tally{first: mt.m.Type, counts: map[string]int{}}
			byName[mt.m.Text] = t
		}
		t.counts[mt.m.Type]++
	}
	// A headline in capitals is where the tagger is weakest ("HUGHES" a
	// person, "DOW CHEMICAL" a product, "Hughes Tool Co" and "Dow Chemical
	// Co" organisations in the body): a shouted name takes the type of the
	// same name written normally, or is an organisation when it starts the
	// name of exactly one organisation written normally.
	shouted := false
	for _, mt := range r.ments {
		shouted = shouted || mt.m.Type != article.ORG && shouting(mt.m.Text)
	}
	written := map[string]string{} // normalised name -> type, from names not shouted
	orgNames := map[string]bool{}  // normalised names of organisations not shouted
	for _, mt := range r.ments {
		if !shouted {
			break
		}
		if shouting(mt.m.Text) {
			continue
		}
		n := Normalize(mt.m.Text)
		if _, ok := written[n]; !ok {
			written[n] = mt.m.Type
		}
		if mt.m.Type == article.ORG {
			orgNames[n] = true
		}
	}
	orgStart := map[string]int{} // leading words -> organisations whose names start with them
	for n := range orgNames {
		f := strings.Fields(n)
		for k := 1; k < len(f); k++ {
			orgStart[strings.Join(f[:k], " ")]++
		}
	}
	for i := range r.ments {
		mt := &r.ments[i]
		if !shouting(mt.m.Text) || mt.m.Type == article.ORG {
			continue
		}
		if mt.m.Type == article.LOC && r.inDatelinePlace(mt.m.Span) {
			continue // the dateline says what the name is
		}
		n := Normalize(mt.m.Text)
		if t, ok := written[n]; ok {
			mt.m.Type = t
		} else if orgStart[n] == 1 && !r.inGazetteer(mt.m.Text) {
			mt.m.Type = article.ORG
		}
	}
	outlet := strings.ToLower(strings.TrimSpace(r.doc.Article.Source))
	for i := range r.ments {
		mt := &r.ments[i]
		if outlet != "" && strings.ToLower(mt.m.Text) == outlet {
			mt.m.Type = article.ORG
			continue
		}
		t := byName[mt.m.Text]
		if len(t.counts) < 2 {
			continue
		}
		best := t.first
		for _, typ := range slices.Sorted(maps.Keys(t.counts)) {
			if t.counts[typ] > t.counts[best] {
				best = typ
			}
		}
		mt.m.Type = best
	}
}

// personRoles trims honorifics and titles the NER left inside a person
// mention, and attaches the role written before or after the name.
func (r *resolver) personRoles(i int) {
	mt := &r.ments[i]
	lo, hi := r.sentenceBounds(mt.sent)
	// "Chancellor of the Exchequer Nigel Lawson" with "Exchequer Nigel
	// Lawson" tagged: the words that end a title begun before the mention
	// are the title's, not the name's.
	for n := min(maxTitleWords-1, mt.tb-mt.ta-1); n >= 1; n-- {
		if s, _, _, ok := matchTitleEnding(r.toks, lo, mt.ta+n-1); ok && s < mt.ta {
			mt.ta += n
			break
		}
	}
	// "Mr. Blinken", "President Biden" tagged as one mention: keep the name.
	for mt.tb-mt.ta > 1 {
		w := lowerTok(r.toks[mt.ta].Text)
		if g, ok := honorifics[w]; ok {
			if g != 0 {
				mt.gender = g
			}
			mt.ta++
			continue
		}
		// A whole role phrase in front: "Chief Justice John Roberts",
		// "German Chancellor Olaf Scholz" (not "Martin Luther King Jr.",
		// whose "King" has a name before it).
		if k := r.rolePrefix(mt.ta, mt.tb); k > mt.ta {
			mt.ta = k
			continue
		}
		if _, t, _, ok := matchTitleEnding(r.toks, mt.ta, mt.ta); ok && t != "" && isCapitalised(r.toks[mt.ta].Text) {
			mt.ta++
			continue
		}
		break
	}
	mt.m.Span = article.Span{Start: r.toks[mt.ta].Span.Start, End: r.toks[mt.tb-1].Span.End}
	mt.m.Text = r.text[mt.m.Span.Start:mt.m.Span.End]
	// An honorific just before the name gives gender.
	if mt.ta > lo {
		if g := honorifics[lowerTok(r.toks[mt.ta-1].Text)]; g != 0 {
			mt.gender = g
		}
	}
	if p, ok := r.preRole(lo, mt.ta); ok {
		mt.m.Role = p.role(r.toks)
		if p.gender != 0 {
			mt.gender = p.gender
		}
	} else if mt.ta-2 >= lo && r.toks[mt.ta-1].Text == "," {
		// "Germany's foreign minister, Annalena Baerbock": only with a
		// possessive country, which makes the phrase a complete noun phrase.
		if p, ok := r.preRole(lo, mt.ta-1); ok && p.possessive {
			mt.m.Role = p.role(r.toks)
		}
	}
	if mt.m.Role == nil {
		if p, ok := r.postRole(mt.tb, hi); ok {
			mt.m.Role = p.role(r.toks)
			if p.gender != 0 {
				mt.gender = p.gender
			}
		}
	}
	mt.words = nameWords(mt.m.Text)
	mt.full = strings.Join(mt.words, " ")
}

// rolePrefix returns the first token after the longest role phrase that
// starts a mention [a, b) and leaves at least one token of name, ending in
// a capitalised title; a when there is none.
func (r *resolver) rolePrefix(a, b int) int {
	for e := b - 1; e > a; e-- {
		if !isCapitalised(r.toks[e-1].Text) {
			continue
		}
		if p, ok := r.preRole(a, e); ok && p.start == a {
			return e
		}
	}
	return a
}

// nameSuffixes are dropped when comparing names.
var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// nameWords is the normalised words of a person's name, without honorifics
// and generational suffixes.
func nameWords(name string) []string {
	f := strings.Fields(Normalize(strings.ReplaceAll(name, ",", " ")))
	out := f[:0]
	for i, w := range f {
		if _, ok := honorifics[w]; ok && i == 0 && len(f) > 1 {
			continue
		}
		if nameSuffixes[w] && i > 0 {
			continue
		}
		if w == "'s" || w == "'" {
			continue
		}
		out = append(out, w)
	}
	return out
}

// actorVerbs follow a capital city used for its government: "Washington
// said", "Moscow has warned".
var actorVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "has": true, "have": true, "had": true, "will": true, "would": true,
	"is": true, "was": true, "warned": true, "urged": true, "accused": true, "announced": true, "imposed": true,
	"rejected": true, "called": true, "wants": true, "sent": true, "responded": true, "demanded": true,
	"denied": true, "agreed": true, "insisted": true, "threatened": true, "condemned": true, "blamed": true,
	"welcomed": true, "approved": true, "signed": true, "expelled": true, "recalled": true, "sanctioned": true,
	"'s": true, "’s": true, "and": false, "may": true, "could": true, "must": true, "should": true,
	"did": true, "does": true, "hopes": true, "believes": true, "opposes": true, "supports": true,
}

// adminActors turns "the Trump administration" (a person's name before
// "administration" or "government") into a mention of the government it
// names: a US administration, or the government of the country the person
// is known to lead.
func (r *resolver) adminActors() {
	for i := range r.ments {
		mt := &r.ments[i]
		if ro := mt.m.Role; ro != nil && mt.m.Type == article.ORG && ro.Country != "" && ro.Span == mt.m.Span &&
			(ro.Title == "administration" || ro.Title == "government" || ro.Title == "cabinet") {
			// Made by an earlier run of the stage: keep it what it was.
			mt.m.Entity, mt.full = -2, "country:"+ro.Country
			continue
		}
		// A tagger may take "Biden" in "the Biden administration" for a place.
		if mt.tb >= len(r.toks) || mt.m.Type != article.PER && (mt.tb-mt.ta != 1 || r.inGazetteer(mt.m.Text)) {
			continue
		}
		next := lowerTok(r.toks[mt.tb].Text)
		if next != "administration" && next != "government" && next != "cabinet" {
			continue
		}
		country := ""
		if next == "administration" {
			country = "USA"
		}
		for _, o := range r.ments {
			if o.m.Type == article.PER && o.m.Role != nil && o.m.Role.Country != "" && sameName(o.words, mt.words) {
				country = o.m.Role.Country
				break
			}
		}
		if country == "" {
			continue
		}
		label := mt.m.Text + " " + r.toks[mt.tb].Text
		mt.m.Span.End = r.toks[mt.tb].Span.End
		mt.m.Text = r.text[mt.m.Span.Start:mt.m.Span.End]
		mt.m.Type = article.ORG
		mt.m.Role = &article.Role{Title: next, Span: mt.m.Span, Country: country, Org: label, Status: "current"}
		mt.tb++
		mt.full, mt.words = "", nil
		mt.m.Kind = "name"
		mt.gender = 0
		r.ments[i].m.Entity = -2 // marks a government actor for buildNamed
		r.ments[i].full = "country:" + country
	}
}

// sameName reports whether two name word lists denote the same person as
// far as the text shows: equal, or one a single word equal to the other's
// surname.
func sameName(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	if slices.Equal(a, b) {
		return true
	}
	if len(a) == 1 {
		return surnameMatch(a[0], b)
	}
	if len(b) == 1 {
		return surnameMatch(b[0], a)
	}
	return false
}

// surnameMatch reports whether the single word w is the surname of the full
// name words (el-Sisi, Sisi and al-Sisi all match "... el-Sisi").
func surnameMatch(w string, full []string) bool {
	if len(full) < 2 {
		return false
	}
	return stripParticle(full[len(full)-1]) == stripParticle(w)
}

// newEnt adds an entity and returns its index.
func (r *resolver) newEnt(key, name, typ string, first int) int {
	r.ents = append(r.ents, &ent{key: key, name: name, typ: typ, first: first})
	r.byKey[key] = len(r.ents) - 1
	return len(r.ents) - 1
}

func (r *resolver) attach(mi, ei int) {
	mt := &r.ments[mi]
	mt.m.Entity = ei
	e := r.ents[ei]
	e.ments = append(e.ments, mi)
	if mt.m.Role != nil {
		e.roles = append(e.roles, *mt.m.Role)
	}
	if mt.gender != 0 && e.gender == 0 {
		e.gender = mt.gender
	}
}

// buildNamed groups the name mentions into entities: full person names
// first, then single-word person names by unique surname, then countries,
// organisations and places by their gazetteer identity or normalised name.
func (r *resolver) buildNamed() {
	// Full names (two words or more).
	for i := range r.ments {
		mt := &r.ments[i]
		if mt.m.Type != article.PER || len(mt.words) < 2 || mt.roleOf >= 0 {
			continue
		}
		key := PersonKey(mt.m.Text)
		ei, ok := r.byKey[key]
		if !ok {
			ei = r.newEnt(key, mt.m.Text, article.PER, mt.m.Span.Start)
			r.ents[ei].words = mt.words
		}
		r.attach(i, ei)
	}
	fullNames := len(r.ents)
	// Short names: a unique full name with that surname; when several people
	// share it, a role in the mention's own phrase must single one out.
	for i := range r.ments {
		mt := &r.ments[i]
		if mt.m.Type != article.PER && mt.m.Entity != -2 && mt.tb-mt.ta == 1 && !r.inGazetteer(mt.m.Text) &&
			!(mt.m.Type == article.LOC && r.inDatelinePlace(mt.m.Span)) {
			// "Sisi" tagged as an organisation in an article about Abdel
			// Fattah el-Sisi: the surname of the one person who has it.
			if w := nameWords(mt.m.Text); len(w) == 1 {
				var cands []int
				for ei := 0; ei < fullNames; ei++ {
					if surnameMatch(w[0], r.ents[ei].words) {
						cands = append(cands, ei)
					}
				}
				if len(cands) == 1 {
					mt.m.Type, mt.words, mt.full = article.PER, w, w[0]
					r.attach(i, cands[0])
				}
			}
			continue
		}
		if mt.m.Type != article.PER || len(mt.words) != 1 || mt.roleOf >= 0 {
			continue
		}
		var cands []int
		for ei := 0; ei < fullNames; ei++ {
			if surnameMatch(mt.words[0], r.ents[ei].words) {
				cands = append(cands, ei)
			}
		}
		if len(cands) == 0 && mt.m.Role == nil {
			// "Steve" for "Steve Jobs": a first name alone, only when one
			// person of the article has it and nobody has it as a surname.
			for ei := 0; ei < fullNames; ei++ {
				if w := r.ents[ei].words; len(w) >= 2 && w[0] == mt.words[0] {
					cands = append(cands, ei)
				}
			}
		}
		if len(cands) > 1 && mt.m.Role != nil {
			cands = slices.DeleteFunc(cands, func(ei int) bool { return !holdsTitle(r.ents[ei], mt.m.Role.Title, mt.m.Role.Country) })
		}
		if len(cands) > 1 && mt.gender != 0 {
			cands = slices.DeleteFunc(cands, func(ei int) bool { g := r.ents[ei].gender; return g != 0 && g != mt.gender })
		}
		if len(cands) == 1 {
			r.attach(i, cands[0])
			continue
		}
		key := PersonKey(mt.m.Text)
		if len(cands) > 1 {
			key += "#ambiguous"
		}
		ei, ok := r.byKey[key]
		if !ok {
			ei = r.newEnt(key, mt.m.Text, article.PER, mt.m.Span.Start)
			r.ents[ei].words = mt.words
		}
		r.attach(i, ei)
	}
	// Everything else, longer names first so that "Apple" and "NGC" find
	// "Apple Computer" and "Northern Grain Cooperative" wherever they are.
	rest := make([]int, 0, len(r.ments))
	for i := range r.ments {
		rest = append(rest, i)
	}
	nwords := make([]int, len(r.ments))
	for i, mt := range r.ments {
		nwords[i] = mt.tb - mt.ta
	}
	sort.SliceStable(rest, func(a, b int) bool { return nwords[rest[a]] > nwords[rest[b]] })
	for _, i := range rest {
		mt := &r.ments[i]
		if mt.m.Type == article.PER && mt.m.Entity != -2 || mt.m.Entity >= 0 {
			continue
		}
		var key, name, typ, country string
		org := false
		if mt.m.Entity == -2 {
			key = mt.full
			c, _ := r.gaz.CountryByCode(strings.TrimPrefix(key, "country:"))
			name, typ, country = c.Name, article.GPE, c.Alpha3
		} else {
			key, name, typ, country, org = r.keyOf(i)
		}
		ei, ok := r.byKey[key]
		if !ok && org && mt.m.Type == article.ORG {
			ei, ok = r.acronymOf(mt.m.Text)
			if !ok {
				ei, ok = r.shortOrgOf(key)
			}
		}
		// "GM" tagged a place in an article about General Motors Corp: an
		// acronym that spells an organisation of the article is it.
		if place, _ := strings.CutPrefix(key, "place:"); !ok && place != "" && stateAbbrevs[place] == "" && key == "place:"+Normalize(mt.m.Text) {
			if ei, ok = r.acronymOf(mt.m.Text); ok {
				mt.m.Type = article.ORG
			}
		}
		if !ok {
			ei = r.newEnt(key, name, typ, mt.m.Span.Start)
			r.ents[ei].country = country
			r.ents[ei].org = org
		}
		r.attach(i, ei)
	}
}

// keyOf gives the key, display name, type and country of a non-person
// name mention. org is true for an organisation outside the gazetteer.
func (r *resolver) keyOf(i int) (key, name, typ, country string, org bool) {
	mt := &r.ments[i]
	text := mt.m.Text
	if c, ok := r.gaz.Country(text); ok && !(mt.m.Type == article.MISC) {
		return "country:" + c.Alpha3, c.Name, article.GPE, c.Alpha3, false
	}
	if c, ok := r.gaz.CountryByDemonym(text); ok && (mt.m.Type == article.MISC || mt.m.Type == article.GPE) {
		return "country:" + c.Alpha3, c.Name, article.GPE, c.Alpha3, false
	}
	if o, ok := r.gaz.OrgAt(text, r.doc.Article.Published); ok {
		return "org:" + o.ID, o.Name, article.ORG, o.Country, false
	}
	if c, ok := r.gaz.CountryByCapital(text); ok && mt.m.Type != article.PER && mt.m.Type != article.MISC {
		if mt.tb < len(r.toks) && actorVerbs[lowerTok(r.toks[mt.tb].Text)] && !r.dateline(mt) {
			return "country:" + c.Alpha3, c.Name, article.GPE, c.Alpha3, false
		}
		if mt.m.Type == article.ORG {
			// A capital the tagger read as an organisation ("Kyiv had
			// requested") is the city all the same.
			return Key(article.GPE, text), text, article.GPE, "", false
		}
	}
	k := Key(mt.m.Type, text)
	return k, text, mt.m.Type, "", mt.m.Type == article.ORG
}

// inDatelinePlace reports whether sp lies in the place part of a wire
// dateline opening its sentence: before the bracketed outlet of
// "VELMORA, Coralia, March 4 (Harbour Post) - ".
func (r *resolver) inDatelinePlace(sp article.Span) bool {
	si := r.doc.SentenceAt(sp.Start)
	if si < 0 {
		return false
	}
	s := r.doc.Sentences[si].Span
	if s.Start < 0 || s.End > len(r.text) || s.Start >= s.End {
		return false
	}
	st := r.text[s.Start:s.End]
	n := text.Dateline(st)
	if n == 0 {
		return false
	}
	head := st[:n]
	if i := strings.IndexByte(head, '('); i >= 0 {
		head = head[:i]
	}
	return sp.End <= s.Start+len(head)
}

// dateline reports whether a mention is the dateline at the start of a
// paragraph ("WASHINGTON (Reuters) -"), never an actor.
func (r *resolver) dateline(mt *ment) bool {
	if mt.sent < 0 {
		return false
	}
	lo, _ := r.sentenceBounds(mt.sent)
	return mt.ta == lo && strings.ToUpper(mt.m.Text) == mt.m.Text
}

// acronymOf finds an earlier organisation whose initials spell the acronym
// ("World Wildlife Fund" ... "WWF").
func (r *resolver) acronymOf(acr string) (int, bool) {
	acr = strings.TrimPrefix(strings.TrimPrefix(acr, "the "), "The ")
	if len(acr) < 2 || strings.ToUpper(acr) != acr || strings.ContainsAny(acr, " ") {
		return 0, false
	}
	acr = strings.ReplaceAll(acr, ".", "")
	for ei, e := range r.ents {
		if !e.org {
			continue
		}
		var b strings.Builder
		legal := 0 // initials of legal forms at the end: "GM" and "GMC" both spell General Motors Corp
		for _, w := range strings.Fields(e.name) {
			switch strings.ToLower(w) {
			case "of", "the", "and", "for", "&":
				continue
			}
			b.WriteByte(w[0])
			if orgSuffixes[strings.TrimRight(strings.ToLower(w), ".,")] {
				legal++
			} else {
				legal = 0
			}
		}
		full := b.String()
		if len(full) >= 2 && full == acr || len(full)-legal >= 2 && full[:len(full)-legal] == acr {
			return ei, true
		}
	}
	return 0, false
}

// shortOrgOf finds the one organisation whose name begins with the words
// of a shorter name: "Boeing" for "Boeing Commercial Airplanes"; or, for
// the noun of a kind of institution, ends with it: "Commission" for the
// "Central Electoral Commission".
func (r *resolver) shortOrgOf(key string) (int, bool) {
	short, ok := strings.CutPrefix(key, "org:")
	if !ok || short == "" {
		return 0, false
	}
	head := institutionHeads[short]
	found := -1
	for ei, e := range r.ents {
		if !e.org {
			continue
		}
		if long := strings.TrimPrefix(e.key, "org:"); strings.HasPrefix(long, short+" ") || head && strings.HasSuffix(long, " "+short) {
			if found >= 0 {
				return 0, false // "Acme" with "Acme Foods" and "Acme Steel": unclear
			}
			found = ei
		}
	}
	return found, found >= 0
}

// institutionHeads are nouns for a kind of institution that, capitalised
// alone, stand for the one institution of that kind an article names.
var institutionHeads = map[string]bool{
	"commission": true, "court": true, "council": true, "committee": true, "ministry": true,
	"parliament": true, "assembly": true, "agency": true, "board": true, "tribunal": true,
	"senate": true, "congress": true, "cabinet": true, "authority": true, "directorate": true,
}

// holdsTitle reports whether the entity has a role with this title (or one
// ending in it: "special envoy" holds "envoy") and, when given, country.
func holdsTitle(e *ent, title, country string) bool {
	for _, ro := range e.roles {
		if (ro.Title == title || strings.HasSuffix(ro.Title, " "+title)) && (country == "" || ro.Country == country) {
			return true
		}
	}
	return false
}

// titleMentions finds role noun phrases standing for a person ("the
// chancellor", "the Egyptian president", "the press secretary") and
// resolves them to the one person in the article holding that role before
// the phrase. Phrases that fit several people, or none, are left alone.
func (r *resolver) titleMentions() {
	// Tokens of person names and their roles are taken; a country or
	// organisation name may sit inside a title phrase ("the Egyptian
	// president"), so those stay free.
	taken := make([]bool, len(r.toks))
	for _, mt := range r.ments {
		if mt.m.Type == article.PER {
			for t := mt.ta; t < mt.tb; t++ {
				taken[t] = true
			}
		}
		if mt.m.Role != nil {
			a, b := r.tokenRange(mt.m.Role.Span)
			for t := a; t < b; t++ {
				taken[t] = true
			}
		}
	}
	for si, s := range r.doc.Sentences {
		for k := s.TokStart; k < s.TokEnd-1; k++ {
			if lowerTok(r.toks[k].Text) != "the" || taken[k+1] {
				continue
			}
			p := phrase{start: k}
			j := k + 1
			for j < s.TokEnd {
				w := lowerTok(r.toks[j].Text)
				if st, ok := statusWords[w]; ok && w != "designate" {
					p.status = st
					j++
					continue
				}
				if e, pl, ok := r.matchPlaceStarting(j, s.TokEnd); ok && !pl.capital {
					p.addPlace(pl)
					j = e
					if j < s.TokEnd && isPossessive(r.toks[j].Text) {
						j++
					}
					continue
				}
				break
			}
			if j >= s.TokEnd || taken[j] {
				continue
			}
			e, title, _, ok := matchTitleStarting(r.toks, j, s.TokEnd)
			if !ok {
				continue
			}
			// Extend to the longest title: "the press secretary", not "the press".
			if e < s.TokEnd && (taken[e] || isCapitalised(r.toks[e].Text) && r.personAt(e)) {
				continue // "the chancellor Olaf Scholz": a pre-name role, not a stand-in
			}
			if e < s.TokEnd && lowerTok(r.toks[e].Text) == "of" {
				continue // "the president of the company": too open to resolve
			}
			country := p.country
			if country == "" {
				country = p.orgCountry
			}
			start := r.toks[k].Span.Start
			var cands []int
			for ei, en := range r.ents {
				if en.typ == article.PER && en.first < start && holdsTitle(en, title, country) {
					cands = append(cands, ei)
				}
			}
			if len(cands) != 1 {
				continue
			}
			sp := article.Span{Start: start, End: r.toks[e-1].Span.End}
			m := article.Mention{Span: sp, Text: r.text[sp.Start:sp.End], Type: article.PER, Kind: "title", Entity: cands[0]}
			p.title, p.end, p.start = title, e, k+1
			m.Role = p.role(r.toks)
			r.ments = append(r.ments, ment{m: m, ta: k, tb: e, sent: si, roleOf: -1})
			r.ents[cands[0]].ments = append(r.ents[cands[0]].ments, len(r.ments)-1)
			for t := k; t < e; t++ {
				taken[t] = true
			}
			k = e - 1
		}
	}
	sort.SliceStable(r.ments, func(i, j int) bool { return r.ments[i].m.Span.Start < r.ments[j].m.Span.Start })
	r.reindex()
}

// personAt reports whether a person mention starts at token t.
func (r *resolver) personAt(t int) bool {
	for _, mt := range r.ments {
		if mt.ta == t && mt.m.Type == article.PER {
			return true
		}
	}
	return false
}

// reindex rebuilds each entity's mention list after r.ments was re-sorted.
func (r *resolver) reindex() {
	for _, e := range r.ents {
		e.ments = e.ments[:0]
	}
	for i, mt := range r.ments {
		if mt.m.Entity >= 0 && mt.m.Entity < len(r.ents) {
			r.ents[mt.m.Entity].ments = append(r.ents[mt.m.Entity].ments, i)
		}
	}
}

// pronounGender is the gender of a third-person singular personal pronoun.
var pronounGender = map[string]byte{
	"he": 'm', "him": 'm', "his": 'm', "himself": 'm',
	"she": 'f', "her": 'f', "hers": 'f', "herself": 'f',
}

// pronouns resolves he/she (and their forms) to the person mentioned
// before them in the same sentence or, when it names none, the sentence
// before (in the same paragraph), only when exactly one person of
// compatible gender is there. Pronouns inside quotation marks
// are left alone: there the speaker's "he" may be anyone; and people named
// inside quotation marks are no antecedents.
func (r *resolver) pronouns() {
	mi := 0
	var prevs [][]int // people of the latest earlier sentences of the paragraph that name any
	var added []ment
	inQuote, block, open := false, -2, 0
	prevSubj := -1
	for si, s := range r.doc.Sentences {
		var cur []int
		subj := -1
		// A quotation may run over a few sentences of a paragraph, not
		// beyond it; a quote mark left open longer is a stray one.
		newPara := s.Block != block || si > 0 && strings.Contains(r.text[r.doc.Sentences[si-1].Span.End:s.Span.Start], "\n")
		if inQuote {
			open++
		}
		if newPara || open > 3 {
			inQuote, open = false, 0
		}
		if newPara {
			prevs, prevSubj = prevs[:0], -1
		}
		block = s.Block
		for k := s.TokStart; k < s.TokEnd; k++ {
			for mi < len(r.ments) && r.ments[mi].ta <= k {
				// A person named inside a quotation is rarely what a pronoun
				// outside it means: in `"I trust Reyes," he said` the
				// speaker is someone else.
				if mt := r.ments[mi]; mt.m.Type == article.PER && mt.m.Entity >= 0 && mt.ta >= s.TokStart && !inQuote {
					if len(cur) == 0 && r.subjectPosition(s.TokStart, mt.ta, mt.m.Role) {
						subj = mt.m.Entity
					}
					cur = appendUnique(cur, mt.m.Entity)
				}
				mi++
			}
			tok := r.toks[k].Text
			switch tok {
			case "\"", "“", "”", "``", "''":
				inQuote = tok == "“" || tok == "``" || (tok == "\"" && !inQuote)
				open = 0
				continue
			}
			if len(tok) < 2 || len(tok) > 7 || inQuote {
				continue
			}
			g, ok := pronounGender[tok]
			if !ok {
				g, ok = pronounGender[strings.ToLower(tok)]
			}
			if !ok {
				continue
			}
			// The nearest sentence with a person decides: "X said he …" is X
			// even when the sentence before named someone else.
			pool := cur
			if k-2 >= s.TokStart && (strings.EqualFold(tok, "him") || strings.EqualFold(tok, "her") && r.objectPosition(k)) {
				// "Sisi hosted him": an object pronoun right after the subject's
				// verb is someone else.
				if ei := r.personEndingAt(k - 2); ei >= 0 {
					pool = slices.DeleteFunc(slices.Clone(cur), func(x int) bool { return x == ei })
					if len(compatible(r.ents, pool, g)) == 0 {
						continue
					}
				}
			}
			for back := 0; len(compatible(r.ents, pool, g)) == 0 && back < len(prevs); back++ {
				// No one in this sentence: the previous one decides.
				pool = prevs[len(prevs)-1-back]
			}
			cands := compatible(r.ents, pool, g)
			if len(cands) > 1 && len(compatible(r.ents, cur, g)) == 0 && prevSubj >= 0 &&
				slices.Contains(cands, prevSubj) && r.ents[prevSubj].gender == g {
				// "Scholz met Reyes. He said …": the previous sentence's
				// subject, once the text has shown the subject's gender.
				cands = []int{prevSubj}
			}
			if len(cands) != 1 {
				continue
			}
			ei := cands[0]
			if r.ents[ei].gender == 0 {
				r.ents[ei].gender = g
			}
			sp := r.toks[k].Span
			added = append(added, ment{m: article.Mention{Span: sp, Text: tok, Type: article.PER, Kind: "pronoun", Entity: ei}, ta: k, tb: k + 1, roleOf: -1})
			if len(cur) == 0 && r.subjectPosition(s.TokStart, k, nil) {
				subj = ei
			}
			cur = appendUnique(cur, ei)
		}
		// Only the sentence just before counts: a pronoun two sentences
		// after its name is as often someone the text did not name.
		prevs = append(prevs[:0], cur)
		prevSubj = subj
	}
	r.ments = append(r.ments, added...)
	sort.SliceStable(r.ments, func(i, j int) bool { return r.ments[i].m.Span.Start < r.ments[j].m.Span.Start })
	r.reindex()
}

// subjectPosition reports whether a person at token t opens its sentence
// (from token lo): nothing before it but its own role phrase, capitalised
// words and punctuation ("On Monday, Scholz said", "CAIRO (Wire) - Sisi").
func (r *resolver) subjectPosition(lo, t int, role *article.Role) bool {
	for k := lo; k < t; k++ {
		tok := r.toks[k]
		if role != nil && role.Span.Contains(tok.Span) {
			continue
		}
		c, _ := utf8.DecodeRuneInString(tok.Text)
		if unicode.IsUpper(c) || unicode.IsPunct(c) || unicode.IsDigit(c) || unicode.IsSymbol(c) || tok.Text == "the" {
			continue
		}
		return false
	}
	return true
}

// objectPosition reports whether "her" at token k is an object (followed by
// punctuation or a preposition), not a possessive before a noun.
func (r *resolver) objectPosition(k int) bool {
	if k+1 >= len(r.toks) {
		return true
	}
	switch lowerTok(r.toks[k+1].Text) {
	case ".", ",", ";", ":", "to", "in", "on", "at", "for", "with", "that", "and", "about", "from", "as", "\"", "”":
		return true
	}
	return false
}

// personEndingAt returns the entity of a person mention whose last token is
// t, when the word after it is a verb-like lower-case word, else -1.
func (r *resolver) personEndingAt(t int) int {
	w := r.toks[t+1].Text
	if w == "" || !unicode.IsLower([]rune(w)[0]) || w == "and" || w == "or" || w == "of" {
		return -1
	}
	for _, mt := range r.ments {
		if mt.tb-1 == t && mt.m.Type == article.PER && mt.m.Entity >= 0 {
			return mt.m.Entity
		}
	}
	return -1
}

// compatible is the people among ents[idx] whose gender does not exclude g.
func compatible(ents []*ent, idx []int, g byte) []int {
	var out []int
	for _, ei := range idx {
		if eg := ents[ei].gender; (eg == 0 || eg == g) && ents[ei].typ == article.PER {
			out = appendUnique(out, ei)
		}
	}
	return out
}

func appendUnique(s []int, v int) []int {
	if slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}

// write stores mentions and entities in doc.Analysis, entities in order of
// first mention.
func (r *resolver) write() {
	order := make([]int, len(r.ents))
	for i := range order {
		order[i] = i
	}
	firstOf := func(e *ent) int {
		if len(e.ments) == 0 {
			return 1 << 62
		}
		return r.ments[e.ments[0]].m.Span.Start
	}
	sort.SliceStable(order, func(a, b int) bool { return firstOf(r.ents[order[a]]) < firstOf(r.ents[order[b]]) })
	newIdx := make([]int, len(r.ents))
	ents := make([]article.Entity, 0, len(r.ents))
	for _, old := range order {
		e := r.ents[old]
		if len(e.ments) == 0 {
			newIdx[old] = -1
			continue
		}
		newIdx[old] = len(ents)
		ents = append(ents, article.Entity{
			Key:      e.key,
			Name:     r.displayName(e),
			Type:     e.typ,
			Mentions: append([]int(nil), e.ments...),
			Roles:    dedupeRoles(e.roles),
			Country:  e.country,
		})
	}
	mentions := make([]article.Mention, len(r.ments))
	for i, mt := range r.ments {
		m := mt.m
		if m.Entity >= 0 {
			m.Entity = newIdx[m.Entity]
		} else {
			m.Entity = -1
		}
		mentions[i] = m
	}
	r.doc.Analysis.Mentions = mentions
	r.doc.Analysis.Entities = ents
}

// displayName is the longest name mention of a person, or the name the
// entity was created with.
func (r *resolver) displayName(e *ent) string {
	if e.typ != article.PER {
		if rest, ok := strings.CutPrefix(e.name, "The "); ok {
			// "The Muslim Brotherhood called ...": a sentence's first word
			// taken into the name. Shown as the article writes it elsewhere,
			// "the Muslim Brotherhood"; a name always written with its
			// article ("The Hague") keeps it.
			for _, mi := range e.ments {
				if t := r.ments[mi].m.Text; strings.EqualFold(t, rest) {
					return t
				}
			}
		}
		if !shouting(e.name) {
			return e.name
		}
		// A dateline ("DOHA, March 9") names the entity first in capitals:
		// show the name as the running text writes it, when it does.
		for _, mi := range e.ments {
			if t := r.ments[mi].m.Text; !shouting(t) && strings.EqualFold(t, e.name) {
				return t
			}
		}
		if e.typ == article.LOC || e.typ == article.GPE {
			return titleWords(e.name) // a place named only in a dateline: "LONDON" is London
		}
		return e.name
	}
	best := e.name
	for _, mi := range e.ments {
		if mt := r.ments[mi]; mt.m.Kind == "name" && len(mt.words) > len(strings.Fields(Normalize(best))) {
			best = mt.m.Text
		}
	}
	if shouting(best) {
		// A transcript's speaker label or a headline ("ANDERSON COOPER"):
		// the same name as the running text writes it, else in title case.
		for _, mi := range e.ments {
			if t := r.ments[mi].m.Text; !shouting(t) && strings.EqualFold(t, best) {
				return t
			}
		}
		if strings.Contains(best, " ") || len(best) > 5 { // an acronym stays as it is ("JFK")
			return titleWords(best)
		}
	}
	return best
}

// titleWords writes each word (and each part of a hyphenated word) with a
// capital and the rest in lower case: "WINSTON-SALEM" -> "Winston-Salem".
// Initials keep their capitals: "N.J.", "D.C." (not "N.j.").
func titleWords(s string) string {
	words := strings.Split(s, " ")
	for w, word := range words {
		if strings.Contains(strings.TrimSuffix(word, "."), ".") {
			continue
		}
		rs := []rune(strings.ToLower(word))
		for i := range rs {
			if i == 0 || rs[i-1] == '-' {
				rs[i] = unicode.ToUpper(rs[i])
			}
		}
		words[w] = string(rs)
	}
	return strings.Join(words, " ")
}

// dedupeRoles keeps one role per title and status, at its first
// occurrence, merging what later mentions add: "German Chancellor Olaf
// Scholz" and "Scholz, the chancellor" are one role, chancellor of DEU.
func dedupeRoles(roles []article.Role) []article.Role {
	var out []article.Role
	for _, ro := range roles {
		dup := false
		for i := range out {
			o := &out[i]
			if o.Title != ro.Title || o.Status != ro.Status ||
				o.Country != "" && ro.Country != "" && o.Country != ro.Country ||
				o.Org != "" && ro.Org != "" && o.Org != ro.Org {
				continue
			}
			if o.Country == "" {
				o.Country = ro.Country
			}
			if o.Org == "" {
				o.Org = ro.Org
			}
			dup = true
			break
		}
		if !dup {
			out = append(out, ro)
		}
	}
	return out
}

// nameJoiners are the words that stand between the parts of one name and
// that a tagger often leaves outside it: "Mohammed bin Abdulrahman Al
// Thani", "Ursula von der Leyen".
var nameJoiners = map[string]bool{
	"bin": true, "ibn": true, "bint": true, "al": true, "el": true, "abu": true, "abd": true, "ben": true,
	"de": true, "da": true, "di": true, "del": true, "van": true, "von": true, "der": true, "den": true,
	"le": true, "la": true, "du": true, "dos": true, "das": true, "y": true, "bar": true,
}

// joinSplitNames repairs person names a tagger cut in pieces: a person
// mention followed, in the same sentence, by another name mention with
// only name joiners between ("Mohammed" bin "Abdulrahman" Al "Thani"), or
// directly by a name starting with an Arabic article ("Abdel Fattah"
// "el-Sisi"), becomes one person mention.
func (r *resolver) joinSplitNames() {
	out := r.ments[:0]
	for i := 0; i < len(r.ments); i++ {
		cur := r.ments[i]
		// An untagged "el-Sisi" right after "Abdel Fattah".
		if cur.m.Type == article.PER && cur.tb < len(r.toks) && (i+1 >= len(r.ments) || r.ments[i+1].ta > cur.tb) &&
			particleName(r.toks[cur.tb].Text) && r.doc.SentenceAt(r.toks[cur.tb].Span.Start) == cur.sent {
			cur.tb++
			cur.m.Span.End = r.toks[cur.tb-1].Span.End
			cur.m.Text = r.text[cur.m.Span.Start:cur.m.Span.End]
		}
		// "Dockworkers" "'" "Federation of Estoria": a plural possessive
		// inside an organisation's name ("Transport Workers' Union",
		// "Farmers' Association") where the tagger cut it.
		if i+1 < len(r.ments) && r.pluralPossessiveJoin(cur, r.ments[i+1]) {
			next := r.ments[i+1]
			cur.m.Span.End, cur.m.Type, cur.tb = next.m.Span.End, article.ORG, next.tb
			cur.m.Text = r.text[cur.m.Span.Start:cur.m.Span.End]
			i++
		}
		// "Organization for Security and Co-operation" "in" "Europe": a
		// known organisation's name the tagger cut at a place.
		for cur.m.Type != article.PER && i+1 < len(r.ments) {
			next := r.ments[i+1]
			if next.sent != cur.sent || next.ta != cur.tb+1 || !orgJoiners[r.toks[cur.tb].Text] {
				break
			}
			joined := r.text[cur.m.Span.Start:next.m.Span.End]
			if _, ok := r.gaz.Org(joined); !ok {
				break
			}
			cur.m.Span.End, cur.m.Text, cur.m.Type, cur.tb = next.m.Span.End, joined, article.ORG, next.tb
			i++
		}
		for cur.m.Type == article.PER && i+1 < len(r.ments) {
			next := r.ments[i+1]
			if next.sent != cur.sent || next.ta < cur.tb || !r.joinable(cur, next) {
				break
			}
			cur.m.Span.End = next.m.Span.End
			cur.m.Text = r.text[cur.m.Span.Start:cur.m.Span.End]
			cur.tb = next.tb
			i++
		}
		out = append(out, cur)
	}
	r.ments = out
}

// pluralPossessiveJoin reports whether cur, one capitalised plural word
// tagged MISC or ORG ("Dockworkers"), and next, an organisation, are one
// name joined by a plural possessive: "Dockworkers' Federation of Estoria".
// A known organisation or a place owning another ("Reuters' desk", "the
// Philippines' Department of Health") is no part of its name.
func (r *resolver) pluralPossessiveJoin(cur, next ment) bool {
	if next.sent != cur.sent || next.m.Type != article.ORG || cur.tb-cur.ta != 1 ||
		cur.m.Type != article.MISC && cur.m.Type != article.ORG || shouting(cur.m.Text) {
		return false
	}
	if next.m.Span.Start <= cur.m.Span.End {
		return false
	}
	gap := r.text[cur.m.Span.End:next.m.Span.Start]
	word := cur.m.Text
	switch {
	case gap == "' " || gap == "’ ":
	case gap == " " && (strings.HasSuffix(word, "s'") || strings.HasSuffix(word, "s’")):
		word = strings.TrimRight(word, "'’")
	default:
		return false
	}
	if !strings.HasSuffix(word, "s") || len(word) < 4 {
		return false
	}
	if _, ok := r.gaz.Org(word); ok {
		return false
	}
	return true
}

// wordParticles begin surnames as words of their own ("Ben Ali", "bin
// Laden", "van Gogh", "de la Rua"): a name right after another that starts
// with one continues it.
var wordParticles = map[string]bool{
	"ben": true, "bin": true, "ibn": true, "abu": true, "ould": true, "bou": true, "el": true, "al": true,
	"van": true, "von": true, "de": true, "da": true, "di": true, "del": true, "della": true, "der": true,
	"den": true, "du": true, "dos": true, "das": true, "le": true, "la": true,
}

// orgJoiners are the words an organisation's name may hold between two
// names: "Organization for Security and Co-operation in Europe", "League
// of Arab States".
var orgJoiners = map[string]bool{"in": true, "of": true, "for": true, "and": true, "on": true}

// particleName reports whether a token is a surname written with an Arabic
// article: "el-Sisi", "al-Sudani", "Al-Thani".
func particleName(tok string) bool {
	w := strings.ToLower(tok)
	for _, p := range nameParticles {
		if rest, ok := strings.CutPrefix(w, p); ok && rest != "" {
			return isCapitalised(tok[len(p):])
		}
	}
	return false
}

func (r *resolver) joinable(a, b ment) bool {
	if b.ta == a.tb {
		w := strings.ToLower(b.m.Text)
		for _, p := range nameParticles {
			if strings.HasPrefix(w, p) {
				return true
			}
		}
		// "Zine El Abidine" "Ben Ali", "Ludwig" "van Beethoven": a tagger
		// starts a new name at a surname's particle written apart.
		first, _, _ := strings.Cut(w, " ")
		return wordParticles[first] && strings.Contains(w, " ")
	}
	for t := a.tb; t < b.ta; t++ {
		if !nameJoiners[strings.ToLower(r.toks[t].Text)] {
			return false
		}
	}
	return isCapitalised(b.m.Text) && !r.inGazetteer(b.m.Text)
}

// inGazetteer reports whether a name is a country, nationality,
// organisation or capital of the gazetteer.
func (r *resolver) inGazetteer(name string) bool {
	_, ok := r.lookupPlace(name)
	return ok
}

// roleOnlyMentions finds person mentions that are nothing but a role phrase
// ("Israeli Prime Minister" tagged as a name) and, when a person mention
// follows within one token, makes the phrase that person's role.
func (r *resolver) roleOnlyMentions() {
	for i := range r.ments {
		mt := &r.ments[i]
		if mt.m.Type != article.PER || i+1 >= len(r.ments) {
			continue
		}
		p, ok := r.preRole(mt.ta, mt.tb)
		if !ok || p.start != mt.ta {
			continue
		}
		next := &r.ments[i+1]
		if next.m.Type != article.PER || next.sent != mt.sent || next.ta-mt.tb > 1 {
			continue
		}
		// Take in status words before the phrase: "Former Israeli Prime Minister".
		lo, _ := r.sentenceBounds(mt.sent)
		if full, ok := r.preRole(lo, mt.tb); ok && full.start < p.start {
			p = full
		}
		// It stays a "name" mention (it is the tagger's), pointing at the
		// person, so that running the stage again gives the same result.
		mt.roleOf = i + 1
		if next.m.Role == nil {
			next.m.Role = p.role(r.toks)
		}
	}
}

// resolveRoleOnly points role-only mentions at the entity of the name they
// title.
func (r *resolver) resolveRoleOnly() {
	for i := range r.ments {
		mt := &r.ments[i]
		if mt.roleOf < 0 {
			continue
		}
		if ei := r.ments[mt.roleOf].m.Entity; ei >= 0 {
			mt.m.Entity = ei
			r.ents[ei].ments = append(r.ents[ei].ments, i)
		}
	}
}

// shouting reports whether a name is written in capitals only ("BELVAR").
func shouting(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	return letters > 1
}

package entity

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/dossier-news/dossier/internal/article"
)

// Registry links entity keys across articles. Within one article the stage
// resolves "Scholz" to "Olaf Scholz" when both are written there; an
// article that only ever says "Scholz" gets the key "person:scholz", and
// the registry files it under "person:olaf scholz" when it knows exactly
// one person of that surname and the article supports the link (a shared
// role, or entities the two are seen with). Organisations are filed under
// their initials the same way: an article that only writes "GE" gets
// "org:ge", filed under "org:general electric" when that is the one
// organisation of those initials the registry knows and two of the
// article's entities are seen with it. Countries and organisations of the
// gazetteer need no linking: their keys already agree.
//
// The registry holds what it has observed in memory. A store keeps each
// article's Sightings instead and restores, per article to link, only the
// people its LinkQuery names, so that starting costs nothing however many
// articles the store holds. It is safe for concurrent use.
type Registry struct {
	mu        sync.Mutex
	people    map[string]*personRecord // full-name key -> record
	bySurname map[string][]string      // surname form -> full-name keys
}

type personRecord struct {
	key, name string
	titles    map[string]bool
	context   map[string]int // keys seen in the same articles -> how many articles
	articles  int
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{people: map[string]*personRecord{}, bySurname: map[string][]string{}}
}

// personWords returns the name words of a person key ("person:olaf scholz").
func personWords(key string) []string {
	rest, ok := strings.CutPrefix(key, "person:")
	if !ok || strings.Contains(rest, "#") {
		return nil
	}
	return strings.Fields(rest)
}

// Observe records the people with full names of one article, with their
// roles and the entities they appear with.
func (r *Registry) Observe(ents []article.Entity) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.observe(ents)
}

func (r *Registry) observe(ents []article.Entity) {
	for _, s := range Sightings(ents) {
		rec := r.record(s.Key, s.Name)
		rec.articles += s.Times
		for _, t := range s.Titles {
			rec.titles[t] = true
		}
		for _, k := range s.Context {
			rec.context[k] += s.Times
		}
	}
}

// record returns the record of a full-name key, filing a new one (named
// name) under its surname forms.
func (r *Registry) record(key, name string) *personRecord {
	rec, ok := r.people[key]
	if !ok {
		rec = &personRecord{key: key, name: name, titles: map[string]bool{}, context: map[string]int{}}
		r.people[key] = rec
		for _, f := range SurnameForms(key) {
			r.bySurname[f] = append(r.bySurname[f], key)
		}
	}
	return rec
}

// Sighting is what one article says of one person with a full name: the
// unit a store saves per article, so that the registry of a store is the
// sum of its articles' sightings and re-analysing an article replaces its
// sightings instead of adding to them.
type Sighting struct {
	Key, Name string   // key and name of the article's first entity with the key
	Times     int      // the article's entities with the key (1 but for odd input)
	Titles    []string // role titles, in order of first appearance
	Context   []string // keys of the article's other entities, in order
}

// Sightings returns the sightings of the full-name people among an
// article's entities, in order of first appearance. Observe adds exactly
// these to a registry.
func Sightings(ents []article.Entity) []Sighting {
	var out []Sighting
	at := map[string]int{}
	for _, e := range ents {
		if !registered(e) {
			continue
		}
		i, ok := at[e.Key]
		if !ok {
			i = len(out)
			at[e.Key] = i
			out = append(out, Sighting{Key: e.Key, Name: e.Name})
		}
		s := &out[i]
		s.Times++
		for _, ro := range e.Roles {
			if !slices.Contains(s.Titles, ro.Title) {
				s.Titles = append(s.Titles, ro.Title)
			}
		}
		for _, o := range ents {
			if o.Key != e.Key && !slices.Contains(s.Context, o.Key) {
				s.Context = append(s.Context, o.Key)
			}
		}
	}
	return out
}

// SurnameForms returns the forms a registered key is filed under: the
// surname forms of a full-name person ("person:ahmed el-tayeb": el-tayeb,
// tayeb, al-tayeb), the initials of a many-word organisation
// ("org:general motors": acr:gm); none for any other key.
func SurnameForms(key string) []string {
	if a := initialsOf(key); a != "" {
		return []string{acronymForm + a}
	}
	w := personWords(key)
	if len(w) < 2 {
		return nil
	}
	return surnameForms(w[len(w)-1])
}

// registered reports whether the registry files an entity: a person with a
// full name, or an organisation of several words (its initials may stand
// for it in another article).
func registered(e article.Entity) bool {
	switch e.Type {
	case article.PER:
		sn, _ := surnameOnly(e)
		return sn == "" && len(personWords(e.Key)) >= 2
	case article.ORG:
		return initialsOf(e.Key) != ""
	}
	return false
}

// surnameOnly returns the surname of a person named by surname alone:
// "Scholz", or a surname with a particle written as a word ("Ben Ali",
// "van Gogh"), whose words are returned as whole, which a full name must
// end with.
func surnameOnly(e article.Entity) (surname string, whole []string) {
	if e.Type != article.PER {
		return "", nil
	}
	switch w := personWords(e.Key); {
	case len(w) == 1:
		return w[0], nil
	case len(w) == 2 && wordParticles[w[0]]:
		return w[1], w
	}
	return "", nil
}

// acronymForm prefixes the initials an organisation is filed under, so they
// never meet a surname ("acr:gm").
const acronymForm = "acr:"

// initialsOf returns the initials of an organisation key outside the
// gazetteer with two to six name words ("org:general motors" -> "gm",
// "org:bank of new england" -> "bne"); "" for any other key. Gazetteer
// organisations need no linking: their keys already agree.
func initialsOf(key string) string {
	rest, ok := strings.CutPrefix(key, "org:")
	if !ok || rest != strings.ToLower(rest) {
		return "" // upper case: a gazetteer ID ("org:UN")
	}
	var b strings.Builder
	for _, w := range strings.Fields(rest) {
		if orgFunctionWords[w] {
			continue
		}
		c := w[0]
		if c < 'a' || c > 'z' {
			return ""
		}
		b.WriteByte(c)
	}
	if b.Len() < 2 || b.Len() > 6 {
		return ""
	}
	return b.String()
}

// orgFunctionWords are left out of an organisation's initials.
var orgFunctionWords = map[string]bool{"of": true, "and": true, "the": true, "for": true, "&": true, "de": true}

// acronymOnly returns the letters of an organisation written only as an
// acronym in its article ("GM", "G.M." -> "gm"), "" otherwise.
func acronymOnly(e article.Entity) string {
	if e.Type != article.ORG {
		return ""
	}
	rest, ok := strings.CutPrefix(e.Key, "org:")
	if !ok || strings.ContainsAny(rest, " -") {
		return ""
	}
	letters := strings.ReplaceAll(e.Name, ".", "")
	if len(letters) < 2 || len(letters) > 6 || strings.ToLower(letters) != rest {
		return ""
	}
	for i := 0; i < len(letters); i++ {
		if letters[i] < 'A' || letters[i] > 'Z' {
			return ""
		}
	}
	return rest
}

// LinkQuery says what a registry needs to know to link an article's
// entities: the surname forms of its surname-only people, their role
// titles, and the keys of all its entities (the context). A registry
// restored with the people filed under those surnames, with their titles
// and context cut to those titles and keys, links the article exactly as
// the whole registry would. No surnames: nothing to link.
func LinkQuery(ents []article.Entity) (surnames, titles, keys []string) {
	for _, e := range ents {
		if !slices.Contains(keys, e.Key) {
			keys = append(keys, e.Key)
		}
		if a := acronymOnly(e); a != "" {
			if f := acronymForm + a; !slices.Contains(surnames, f) {
				surnames = append(surnames, f)
			}
			continue
		}
		sn, _ := surnameOnly(e)
		if sn == "" {
			continue
		}
		for _, f := range surnameForms(sn) {
			if !slices.Contains(surnames, f) {
				surnames = append(surnames, f)
			}
		}
		for _, ro := range e.Roles {
			if !slices.Contains(titles, ro.Title) {
				titles = append(titles, ro.Title)
			}
		}
	}
	if len(surnames) == 0 {
		return nil, nil, nil
	}
	return surnames, titles, keys
}

// PersonState is one person as a registry saves and restores it. Context
// holds the keys seen with the person (how often does not matter to
// linking).
type PersonState struct {
	Key, Name string
	Articles  int
	Titles    []string // sorted
	Context   []string // sorted
}

// Restore adds saved people to the registry (a person already known takes
// the saved name, counts and sets on top of what it has). A registry
// restored from a store's saved people answers as one that observed every
// article the store holds.
func (r *Registry) Restore(people []PersonState) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, p := range people {
		if len(personWords(p.Key)) < 2 && initialsOf(p.Key) == "" {
			continue
		}
		rec := r.record(p.Key, p.Name)
		rec.name = p.Name
		rec.articles += p.Articles
		for _, t := range p.Titles {
			rec.titles[t] = true
		}
		for _, k := range p.Context {
			rec.context[k]++
		}
	}
}

// Snapshot returns every person the registry knows, sorted by key: what
// Restore takes back.
func (r *Registry) Snapshot() []PersonState {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]PersonState, 0, len(r.people))
	for _, rec := range r.people {
		p := PersonState{Key: rec.key, Name: rec.name, Articles: rec.articles}
		for t := range rec.titles {
			p.Titles = append(p.Titles, t)
		}
		for k, n := range rec.context {
			if n > 0 {
				p.Context = append(p.Context, k)
			}
		}
		sort.Strings(p.Titles)
		sort.Strings(p.Context)
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// Link observes one article's entities and rewrites, in place, the keys of
// its surname-only people that the registry can attach to a full name. It
// returns the number of keys rewritten.
func (r *Registry) Link(ents []article.Entity) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.observe(ents)
	n := 0
	for i := range ents {
		if k := r.canonical(ents[i], ents); k != ents[i].Key {
			ents[i].Key = k
			n++
		}
	}
	return n
}

// Canonical returns the key an entity of an article (ents holds all of that
// article's entities, for context) is filed under: its own key, or the full
// name key a surname-only person links to.
func (r *Registry) Canonical(e article.Entity, ents []article.Entity) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.canonical(e, ents)
}

func (r *Registry) canonical(e article.Entity, ents []article.Entity) string {
	var forms, whole []string
	if a := acronymOnly(e); a != "" {
		forms = []string{acronymForm + a}
	} else if sn, tail := surnameOnly(e); sn != "" {
		forms = surnameForms(sn)
		whole = tail
	} else {
		return e.Key
	}
	var cands []string
	for _, f := range forms {
		for _, k := range r.bySurname[f] {
			if w := personWords(k); len(whole) > 0 && (len(w) <= len(whole) || !slices.Equal(w[len(w)-len(whole):], whole)) {
				continue // "Ben Ali" is "Zine El Abidine Ben Ali", not "Muhammad Ali"
			}
			if !slices.Contains(cands, k) {
				cands = append(cands, k)
			}
		}
	}
	if len(cands) != 1 && strings.HasPrefix(forms[0], acronymForm) {
		return e.Key // initials are too short a name to choose between organisations
	}
	// Only the people the article's context supports count; of those, one
	// must remain, up to spellings of one name ("Barack Obama", "Barack
	// Hussein Obama", "Barrack Obama"), which go to the most seen.
	var best *personRecord
	var supported []*personRecord
	for _, k := range cands {
		rec := r.people[k]
		if !r.supports(rec, e, ents) {
			continue
		}
		supported = append(supported, rec)
		if best == nil || rec.articles > best.articles || rec.articles == best.articles && rec.key < best.key {
			best = rec
		}
	}
	if best == nil {
		return e.Key // unknown, or no support
	}
	for _, rec := range supported {
		if rec == best || spellingsOfOneName(personWords(best.key), personWords(rec.key)) {
			continue
		}
		if rec.articles*dominance > best.articles {
			return e.Key // two people of that surname fit: never guess
		}
		// One fits far more often: in a corpus on the Egypt crisis, "Obama"
		// is Barack Obama, not the tagger's "Reply dear Obama" from a
		// comment thread, seen once.
	}
	return best.key
}

// dominance is how many times more articles the most seen person of a
// surname needs than another the context also supports to take the
// surname alone.
const dominance = 5

// spellingsOfOneName reports whether two full names may be spellings of one name:
// the same surname and the same first name, but for a middle name ("Barack
// Hussein Obama") or one slip in a first name of four letters or more
// ("Barrack Obama"). "John Smith" and "Mary Smith" are two people.
func spellingsOfOneName(a, b []string) bool {
	if len(a) < 2 || len(b) < 2 || a[len(a)-1] != b[len(b)-1] {
		return false
	}
	fa, fb := a[0], b[0]
	return fa == fb || min(len(fa), len(fb)) >= 4 && oneEdit(fa, fb)
}

// oneEdit reports whether a and b differ by one inserted, deleted or
// replaced byte.
func oneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}

// supports reports whether an article's context backs linking a surname to
// a known person: a role title they share, or two entities both are seen
// with (one is too weak: a country co-occurs with everyone).
func (r *Registry) supports(rec *personRecord, e article.Entity, ents []article.Entity) bool {
	for _, ro := range e.Roles {
		if rec.titles[ro.Title] {
			return true
		}
	}
	shared := 0
	for _, o := range ents {
		if o.Key != e.Key && rec.context[o.Key] > 0 {
			shared++
		}
	}
	return shared >= 2
}

// Person is what the registry knows of one person.
type Person struct {
	Key      string
	Name     string
	Titles   []string
	Articles int
}

// Lookup returns the known people a name may denote: a full name matches
// its key, a single word every person with that surname. For the CLI's
// "dossier entity NAME".
func (r *Registry) Lookup(name string) []Person {
	r.mu.Lock()
	defer r.mu.Unlock()
	var keys []string
	if rec, ok := r.people[PersonKey(name)]; ok {
		keys = append(keys, rec.key)
	} else if w := nameWords(name); len(w) == 1 {
		for _, f := range surnameForms(canonicalParticle(w[0])) {
			for _, k := range r.bySurname[f] {
				if !slices.Contains(keys, k) {
					keys = append(keys, k)
				}
			}
		}
	}
	out := make([]Person, 0, len(keys))
	for _, k := range keys {
		rec := r.people[k]
		p := Person{Key: rec.key, Name: rec.name, Articles: rec.articles}
		for t := range rec.titles {
			p.Titles = append(p.Titles, t)
		}
		sort.Strings(p.Titles)
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Articles > out[j].Articles })
	return out
}

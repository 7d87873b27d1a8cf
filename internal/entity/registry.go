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
// role, or entities the two are seen with). Countries and organisations of
// the gazetteer need no linking: their keys already agree.
//
// The registry holds what it has observed in memory; a store rebuilds it at
// start by calling Observe with each stored article's entities. It is safe
// for concurrent use.
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
	for _, e := range ents {
		w := personWords(e.Key)
		if e.Type != article.PER || len(w) < 2 {
			continue
		}
		rec, ok := r.people[e.Key]
		if !ok {
			rec = &personRecord{key: e.Key, name: e.Name, titles: map[string]bool{}, context: map[string]int{}}
			r.people[e.Key] = rec
			for _, f := range surnameForms(w[len(w)-1]) {
				r.bySurname[f] = append(r.bySurname[f], e.Key)
			}
		}
		rec.articles++
		for _, ro := range e.Roles {
			rec.titles[ro.Title] = true
		}
		for _, o := range ents {
			if o.Key != e.Key {
				rec.context[o.Key]++
			}
		}
	}
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
	w := personWords(e.Key)
	if e.Type != article.PER || len(w) != 1 {
		return e.Key
	}
	var cands []string
	for _, f := range surnameForms(w[0]) {
		for _, k := range r.bySurname[f] {
			if !slices.Contains(cands, k) {
				cands = append(cands, k)
			}
		}
	}
	if len(cands) != 1 {
		return e.Key // unknown, or several people share the surname
	}
	rec := r.people[cands[0]]
	if r.supports(rec, e, ents) {
		return rec.key
	}
	return e.Key
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

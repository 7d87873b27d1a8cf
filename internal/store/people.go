package store

import (
	"context"

	"github.com/dossier-news/dossier/internal/article"
)

// PeopleStore keeps the cross-article person registry (entity.Registry) as
// per-article sightings, so that linking a new article asks only for the
// people it may name and no process reads the whole store at start.
//
// Each analysed article holds its sightings (possibly none) or is
// unregistered: analysed before the registry existed, or stored by plain
// PutAnalysis, which drops the article's old sightings. The registry is the
// sum of the sightings of the registered articles; since an article's
// sightings are replaced whole, in the transaction that replaces its
// analysis, two writers at once never lose or double-count one.
type PeopleStore interface {
	// PutAnalysisPeople is PutAnalysis that, in the same transaction,
	// replaces the article's sightings with people and marks it registered.
	PutAnalysisPeople(ctx context.Context, id int64, an *article.Analysis, people []Sighting) error
	// UnregisteredAnalyses returns the IDs of analysed articles that are not
	// registered, in ID order: what a catch-up has to file.
	UnregisteredAnalyses(ctx context.Context, limit int) ([]int64, error)
	// RegisterPeople files the sightings of an article's stored analysis
	// and marks it registered, unless it already is (another process filed
	// it, or a newer analysis did): then it writes nothing and returns false.
	RegisterPeople(ctx context.Context, id int64, people []Sighting) (bool, error)
	// People returns what the registered sightings say of the people q
	// selects, sorted by key.
	People(ctx context.Context, q PeopleQuery) ([]Person, error)
}

// Sighting is what one article says of one person with a full name (see
// entity.Sighting).
type Sighting struct {
	Key, Name string
	Times     int      // the article's entities with the key
	Titles    []string // role titles
	Context   []string // keys of the article's other entities
	Surnames  []string // surname forms the person is filed under
}

// PeopleQuery selects people of the registry.
type PeopleQuery struct {
	Surnames []string // people filed under any of these surname forms
	Keys     []string // people with these keys
	All      bool     // every person (reads the whole registry: checks, exports)
	// What is reported of each person. Linking one article asks only
	// whether the person was seen with its titles and context keys, one
	// index probe each however often the person was seen: Titles and
	// Context cut the person's to these, and Name and Articles stay empty.
	// Everything reports the name, the article count and all titles and
	// context, reading all of the person's sightings. Counts reports the
	// article count alone (one sum over the person's sightings), for
	// choosing between people of one surname.
	Titles, Context []string
	Everything      bool
	Counts          bool
}

// Person is one person of the registry: the name of its sighting in the
// lowest article ID, the sum of its sightings' Times, and the union of
// their titles and context (as far as the query asks).
type Person struct {
	Key, Name string
	Articles  int
	Titles    []string // sorted
	Context   []string // sorted
}

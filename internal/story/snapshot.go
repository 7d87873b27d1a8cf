package story

import (
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/dossier-news/dossier/internal/dedup"
)

// snapshotVersion changes whenever the meaning of a saved state changes (a
// feature, a weight, a field): a state of another version is not resumed
// but rebuilt from the articles.
const snapshotVersion = 4 // 2: entity vectors hold name words; 3: stories keep their years; 4: figure test

// Snapshot is a Clusterer's whole state in exported form (for
// encoding/gob). A clusterer restored from it assigns every later article
// exactly as the one it was taken from would have, so a store can cluster
// only the articles that arrived since the last run instead of replaying
// all of them.
type Snapshot struct {
	Version int
	Options Options
	// the vocabulary: feature names by id, document frequencies and the
	// number of documents (the IDF cache is rebuilt: see vocabulary.idf)
	Names []string
	DF    []uint32
	Docs  int

	Dedup    *dedup.Snapshot
	Active   []SnapshotStory
	Postings map[int32][]int64
	Stories  []SnapshotSummary
	StoryOf  map[int64]int64
	Newest   time.Time
	Seq      int64
	Expired  int
}

// SnapshotVector is a sparse vector: feature ids and weights.
type SnapshotVector struct {
	IDs []int32
	W   []float32
}

// SnapshotStory is an active story.
type SnapshotStory struct {
	ID          int64
	Terms, Ents SnapshotVector
	N           int
	First, Last time.Time
	LastSeq     int64
	Members     []SnapshotMember
	Indexed     []int32
	KeyEnts     []int32
	Dates       []string
	Years       []string
	Groups      []int64
	Sources     []string
}

// SnapshotMember is a kept member of an active story.
type SnapshotMember struct {
	ID, Group   int64
	Terms, Ents SnapshotVector
	Numbers     []string
	When        time.Time
}

// SnapshotSummary is a story's summary with its compact centroid.
type SnapshotSummary struct {
	Summary     Story
	Terms, Ents SnapshotVector
}

func vecOut(s sparse) SnapshotVector {
	return SnapshotVector{IDs: slices.Clone(s.ids), W: slices.Clone(s.w)}
}

// vecIn checks a saved vector: ids within the vocabulary and, for the
// vectors that scoring walks in step (sorted), strictly increasing. Story
// summaries are kept heaviest first instead.
func vecIn(v SnapshotVector, features int, sorted bool) (sparse, error) {
	if len(v.IDs) != len(v.W) {
		return sparse{}, fmt.Errorf("vector of %d ids and %d weights", len(v.IDs), len(v.W))
	}
	for i, id := range v.IDs {
		if id < 0 || int(id) >= features {
			return sparse{}, fmt.Errorf("feature %d outside the vocabulary of %d", id, features)
		}
		if sorted && i > 0 && v.IDs[i-1] >= id {
			return sparse{}, fmt.Errorf("vector ids not sorted")
		}
	}
	return sparse{ids: v.IDs, w: v.W}, nil
}

func setKeys[K comparable](m map[K]bool) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// Snapshot returns the clusterer's state. It shares no memory with the
// clusterer, which may go on.
func (c *Clusterer) Snapshot() *Snapshot {
	v := c.vocab
	s := &Snapshot{
		Version: snapshotVersion, Options: c.opt,
		Names: slices.Clone(v.names), DF: slices.Clone(v.df), Docs: v.docs,
		Dedup:    c.dups.Snapshot(),
		Postings: make(map[int32][]int64, len(c.postings)),
		StoryOf:  maps.Clone(c.storyOf),
		Newest:   c.newest, Seq: c.seq, Expired: c.expired,
	}
	for id, list := range c.postings {
		s.Postings[id] = slices.Clone(list)
	}
	ids := slices.Sorted(maps.Keys(c.active))
	for _, id := range ids {
		a := c.active[id]
		out := SnapshotStory{ID: a.id, Terms: vecOut(a.terms), Ents: vecOut(a.ents), N: a.n,
			First: a.first, Last: a.last, LastSeq: a.lastSeq, KeyEnts: slices.Clone(a.keyEnts),
			Indexed: setKeys(a.indexed), Dates: setKeys(a.dates), Years: setKeys(a.years), Groups: setKeys(a.groups), Sources: setKeys(a.sourceSeen)}
		slices.Sort(out.Indexed)
		slices.Sort(out.Dates)
		slices.Sort(out.Years)
		slices.Sort(out.Groups)
		slices.Sort(out.Sources)
		for _, m := range a.members {
			out.Members = append(out.Members, SnapshotMember{ID: m.id, Group: m.group, Terms: vecOut(m.terms),
				Ents: vecOut(m.ents), Numbers: slices.Clone(m.numbers), When: m.when})
		}
		s.Active = append(s.Active, out)
	}
	s.Stories = make([]SnapshotSummary, len(c.stories))
	for i, sum := range c.stories {
		st := *sum
		st.Members = slices.Clone(sum.Members)
		st.Sources = slices.Clone(sum.Sources)
		st.Dates = slices.Clone(sum.Dates)
		st.Terms, st.Entities, st.NameWords = nil, nil, nil // named forms are derived from the compact ones
		st.terms, st.ents = sparse{}, sparse{}
		s.Stories[i] = SnapshotSummary{Summary: st, Terms: vecOut(sum.terms), Ents: vecOut(sum.ents)}
	}
	return s
}

// Restore rebuilds a clusterer from a snapshot taken with the same options
// (after defaults). It fails on a snapshot of another version or options,
// or one that does not hold together; the caller then re-clusters from the
// articles.
func Restore(s *Snapshot, opt Options) (*Clusterer, error) {
	if s.Version != snapshotVersion {
		return nil, fmt.Errorf("clusterer snapshot version %d, this build reads %d", s.Version, snapshotVersion)
	}
	c := NewClusterer(opt)
	if s.Options != c.opt {
		return nil, fmt.Errorf("clusterer snapshot taken with other options")
	}
	n := len(s.Names)
	if len(s.DF) != n {
		return nil, fmt.Errorf("clusterer snapshot: vocabulary of %d names with %d counts", n, len(s.DF))
	}
	v := c.vocab
	for _, name := range s.Names {
		v.id(name)
	}
	copy(v.df, s.DF)
	v.docs = s.Docs
	if len(v.ids) != n {
		return nil, fmt.Errorf("clusterer snapshot: repeated feature names")
	}
	if s.Dedup == nil {
		return nil, fmt.Errorf("clusterer snapshot without a duplicate index")
	}
	d, err := dedup.RestoreDetector(s.Dedup, opt.Dedup)
	if err != nil {
		return nil, err
	}
	c.dups = d
	c.stories = make([]*Story, len(s.Stories))
	for i := range s.Stories {
		sum := s.Stories[i].Summary
		if sum.ID != int64(i+1) {
			return nil, fmt.Errorf("clusterer snapshot: story %d at position %d", sum.ID, i+1)
		}
		if sum.terms, err = vecIn(s.Stories[i].Terms, n, false); err != nil {
			return nil, fmt.Errorf("clusterer snapshot: story %d terms: %w", sum.ID, err)
		}
		if sum.ents, err = vecIn(s.Stories[i].Ents, n, false); err != nil {
			return nil, fmt.Errorf("clusterer snapshot: story %d entities: %w", sum.ID, err)
		}
		c.stories[i] = &sum
	}
	for _, a := range s.Active {
		if a.ID < 1 || a.ID > int64(len(c.stories)) {
			return nil, fmt.Errorf("clusterer snapshot: active story %d unknown", a.ID)
		}
		st := &activeStory{id: a.ID, n: a.N, first: a.First, last: a.Last, lastSeq: a.LastSeq,
			keyEnts: a.KeyEnts, sum: c.stories[a.ID-1],
			indexed: make(map[int32]bool, len(a.Indexed)), dates: make(map[string]bool, len(a.Dates)),
			years:  make(map[string]bool, len(a.Years)),
			groups: make(map[int64]bool, len(a.Groups)), sourceSeen: make(map[string]bool, len(a.Sources))}
		if st.terms, err = vecIn(a.Terms, n, true); err != nil {
			return nil, fmt.Errorf("clusterer snapshot: active story %d terms: %w", a.ID, err)
		}
		if st.ents, err = vecIn(a.Ents, n, true); err != nil {
			return nil, fmt.Errorf("clusterer snapshot: active story %d entities: %w", a.ID, err)
		}
		for _, id := range a.Indexed {
			st.indexed[id] = true
		}
		for _, x := range a.Dates {
			st.dates[x] = true
		}
		for _, x := range a.Years {
			st.years[x] = true
		}
		for _, g := range a.Groups {
			st.groups[g] = true
		}
		for _, x := range a.Sources {
			st.sourceSeen[x] = true
		}
		for _, m := range a.Members {
			mm := member{id: m.ID, group: m.Group, numbers: m.Numbers, when: m.When}
			if mm.terms, err = vecIn(m.Terms, n, true); err != nil {
				return nil, fmt.Errorf("clusterer snapshot: member %d: %w", m.ID, err)
			}
			if mm.ents, err = vecIn(m.Ents, n, true); err != nil {
				return nil, fmt.Errorf("clusterer snapshot: member %d: %w", m.ID, err)
			}
			st.members = append(st.members, mm)
		}
		st.refreshFigures()
		c.active[a.ID] = st
	}
	for id, list := range s.Postings {
		if id < 0 || int(id) >= n {
			return nil, fmt.Errorf("clusterer snapshot: posting list of unknown feature %d", id)
		}
		c.postings[id] = list
	}
	if s.StoryOf != nil {
		c.storyOf = s.StoryOf
	}
	c.newest, c.seq, c.expired = s.Newest, s.Seq, s.Expired
	return c, nil
}

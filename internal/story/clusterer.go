package story

import (
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/dossier-news/dossier/internal/dedup"
)

// Options tune the clusterer. The zero value of a field means its default;
// the defaults were chosen on ECB+ (see `dossier eval stories`).
type Options struct {
	// Threshold is the score an article needs to join a story rather than
	// open a new one.
	Threshold float64
	// EntityWeight is the share of the score that comes from shared entities
	// (the rest from TF-IDF term cosine).
	EntityWeight float64
	// TimeScale is how fast the score decays with the gap between an
	// article's date and its story's dates: the score is multiplied by
	// 1/(1+gap/TimeScale). Default 3 days.
	TimeScale time.Duration
	// Window drops stories not updated for this long (relative to the newest
	// article date seen) from the candidate index. Default 21 days.
	Window time.Duration
	// MaxActive bounds the number of stories in the candidate index whatever
	// the dates (the least recently updated go first). Default 50,000.
	MaxActive int
	// Candidates is how many stories are scored per article, taken from the
	// inverted index by number of shared salient features. Default 24.
	Candidates int
	// RewriteEntities, RewriteTerms and RewriteTermsWithFacts are the
	// rewrite tests (see rewriteOf). Defaults 0.8, 0.7 and 0.4.
	RewriteEntities       float64
	RewriteTerms          float64
	RewriteTermsWithFacts float64
	// KeyEntityPenalty multiplies the score when none of the article's
	// heaviest entities is among the story's heaviest: another earthquake
	// has the same vocabulary but a different place, another arrest a
	// different person. Default 0.85.
	KeyEntityPenalty float64
	// DatePenalty multiplies the score when the article and the story both
	// mention resolved calendar dates and share none. Default 0.8.
	DatePenalty float64
	// FigurePenalty multiplies the score when the article and the story's
	// kept members both state figures (at least two numbers other than
	// years each) and share none; sharing half of the fewer multiplies it
	// by 1.1. Default 0.8.
	FigurePenalty float64
	// YearPenalty multiplies the score when the article and the story both
	// mention years (in the text or in resolved dates) and share none; a
	// shared year multiplies it by 1.1. Default 0.6.
	YearPenalty float64
	// MergeThreshold is the story-to-story score above which two active
	// stories are merged; 0 disables merging (the default: on ECB+ it traded
	// precision for recall one for one, and it costs a second retrieval).
	MergeThreshold float64
	// Dedup configures near-duplicate detection.
	Dedup dedup.Options
}

func (o Options) withDefaults() Options {
	if o.Threshold <= 0 {
		o.Threshold = 0.2
	}
	if o.EntityWeight <= 0 {
		o.EntityWeight = 0.3
	}
	if o.TimeScale <= 0 {
		o.TimeScale = 3 * 24 * time.Hour
	}
	if o.Window <= 0 {
		o.Window = 21 * 24 * time.Hour
	}
	if o.MaxActive <= 0 {
		o.MaxActive = 50_000
	}
	if o.Candidates <= 0 {
		o.Candidates = 24
	}
	if o.KeyEntityPenalty <= 0 {
		o.KeyEntityPenalty = 0.85
	}
	if o.DatePenalty <= 0 {
		o.DatePenalty = 0.8
	}
	if o.FigurePenalty <= 0 {
		o.FigurePenalty = 0.8
	}
	if o.YearPenalty <= 0 {
		o.YearPenalty = 0.6
	}
	if o.RewriteEntities <= 0 {
		o.RewriteEntities = 0.8
	}
	if o.RewriteTerms <= 0 {
		o.RewriteTerms = 0.7
	}
	if o.RewriteTermsWithFacts <= 0 {
		o.RewriteTermsWithFacts = 0.4
	}
	return o
}

// Sizes of the truncated vectors. Centroids keep their heaviest terms only,
// so a story costs the same memory however many articles it has.
const (
	docTerms         = 100
	docEntities      = 40
	centroidTerms    = 200
	centroidEnts     = 60
	queryTerms       = 12
	queryEntities    = 8
	indexTerms       = 20
	indexEntities    = 10
	keptMembers      = 6
	keyDocEntities   = 2
	keyStoryEntities = 10
	maxPostings      = 2000
	entityPrefix     = "\x01"
	summaryTerms     = 50
	summaryEnts      = 25
	expireInterval   = 512
)

// DupKind says why an article is not an independent source.
type DupKind string

const (
	NotDuplicate DupKind = ""
	Exact        DupKind = "exact"   // same content hash
	Near         DupKind = "near"    // same wording (MinHash)
	Rewrite      DupKind = "rewrite" // same report reworded: shared facts, names and numbers
)

// Assignment is where one article went.
type Assignment struct {
	ArticleID int64
	StoryID   int64
	// DupGroup is the duplicate group: the ArticleID of its canonical (first
	// seen) member, which is also Canonical. An independent article is its own
	// group.
	DupGroup  int64
	Canonical int64
	Duplicate bool
	Kind      DupKind
	// Score is the similarity to the story joined (1 for a duplicate of a
	// member), 0 when the article opened a new story.
	Score    float64
	NewStory bool
	// Merged lists stories absorbed into StoryID while adding this article:
	// a store re-points their articles (Clusterer.Resolve does the same).
	Merged []int64
}

// Weighted is a feature name with its weight in a story centroid.
type Weighted struct {
	Name   string  `json:"name"`
	Weight float64 `json:"weight"`
}

// Story is the summary of one story: everything a store needs to persist and
// a storyline needs to link it.
type Story struct {
	ID       int64      `json:"id"`
	Members  []int64    `json:"members"`    // article IDs in arrival order
	Groups   int        `json:"dup_groups"` // independent reports (duplicate groups)
	Sources  []string   `json:"sources"`    // distinct outlets, sorted
	First    time.Time  `json:"first,omitzero"`
	Last     time.Time  `json:"last,omitzero"`
	Terms    []Weighted `json:"terms"`    // heaviest centroid terms
	Entities []Weighted `json:"entities"` // heaviest centroid entities
	// NameWords are the heaviest words of the entities' names (see
	// entityWords), in the same weight order as Entities; storylines link
	// on them too.
	NameWords []Weighted `json:"name_words,omitempty"`
	Dates     []string   `json:"dates"`  // mentioned dates, sorted
	Active    bool       `json:"active"` // still in the candidate index
	// MergedInto is the story this one was merged into (0 when none); a
	// merged story has no members of its own any more.
	MergedInto int64 `json:"merged_into,omitempty"`

	terms, ents sparse // compact form of Terms and Entities, filled by freeze
}

// member is what an active story keeps of a recent article, to detect
// rewrites of it.
type member struct {
	id, group int64
	terms     sparse
	ents      sparse
	numbers   []string
	when      time.Time
}

type activeStory struct {
	id         int64
	terms      sparse // centroid: sum of member vectors, truncated
	ents       sparse
	n          int // independent members added to the centroid
	first      time.Time
	last       time.Time
	lastSeq    int64 // arrival number of the last member, for LRU expiry
	members    []member
	indexed    map[int32]bool
	keyEnts    []int32 // heaviest centroid entities, id-sorted
	dates      map[string]bool
	years      map[string]bool // years the members mention (see bag.years)
	figures    []string        // the kept members' figures, sorted (see refreshFigures)
	sum        *Story
	groups     map[int64]bool
	sourceSeen map[string]bool
}

// Clusterer assigns a stream of articles to stories in one pass. Results
// depend only on the order of Add calls. It is not safe for concurrent use;
// feed it from one goroutine.
type Clusterer struct {
	opt      Options
	vocab    *vocabulary
	dups     *dedup.Detector
	active   map[int64]*activeStory
	postings map[int32][]int64 // feature id -> active story ids
	stories  []*Story          // all stories ever, by ID-1
	storyOf  map[int64]int64   // dup group canonical -> story, for the groups still indexed
	newest   time.Time
	seq      int64
	expired  int // stories expired since the last postings sweep
}

// NewClusterer returns an empty clusterer.
func NewClusterer(opt Options) *Clusterer {
	opt = opt.withDefaults()
	return &Clusterer{
		opt:      opt,
		vocab:    newVocabulary(),
		dups:     dedup.NewDetector(opt.Dedup),
		active:   make(map[int64]*activeStory),
		postings: make(map[int32][]int64),
		storyOf:  make(map[int64]int64),
	}
}

// Add assigns one article to a story.
func (c *Clusterer) Add(f Features) Assignment {
	c.seq++
	if f.Published.After(c.newest) {
		c.newest = f.Published
	}
	if c.seq%expireInterval == 0 {
		c.expire()
	}
	a := Assignment{ArticleID: f.ArticleID, DupGroup: f.ArticleID, Canonical: f.ArticleID}

	// Copies first: a copy joins its original's story and does not count
	// as evidence of its own (its words would only inflate the statistics).
	sk := c.dups.Hasher().Sketch(f.Title + "\n" + f.Text)
	r := c.dups.Add(f.ArticleID, f.Hash, sk, f.Published)
	if r.Duplicate {
		a.DupGroup, a.Canonical, a.Duplicate, a.Kind = r.Group, r.Group, true, Near
		if r.Exact {
			a.Kind = Exact
		}
		if sid, ok := c.storyOf[r.Group]; ok {
			a.StoryID, a.Score = sid, 1
			c.record(sid, f, r.Group)
			return a
		}
		// The original's story has left the index: cluster the copy afresh.
	}

	b := bagOf(&f)
	c.vocab.docs++
	terms := c.vocab.weigh(b.terms, "", docTerms, true)
	ents := c.vocab.weigh(b.entities, entityPrefix, docEntities, true)

	best, bestScore := c.bestStory(terms, ents, &f, b)
	if best == nil || bestScore < c.opt.Threshold {
		best = c.open()
		a.NewStory = true
	} else {
		a.Score = bestScore
		if !a.Duplicate {
			if m := c.rewriteOf(best, terms, ents, b.numbers, f.Published); m != nil {
				a.DupGroup, a.Canonical, a.Duplicate, a.Kind = m.group, m.group, true, Rewrite
			}
		}
	}
	c.join(best, terms, ents, b, &f, a.DupGroup)
	if !a.NewStory && c.opt.MergeThreshold > 0 {
		best, a.Merged = c.mergeAround(best)
	}
	a.StoryID = best.id
	return a
}

// mergeAround merges into one the story that just grew and any active story
// that now looks like the same event: early in a story its centroid is thin
// and a second story may have been opened for the same event. The older story
// (lower ID) survives. It returns the survivor and the IDs absorbed.
func (c *Clusterer) mergeAround(s *activeStory) (*activeStory, []int64) {
	var absorbed []int64
	for range 4 { // a few rounds at most: each merge changes the centroid
		key := firstN(c.vocab.scaled(s.ents).byWeight(), keyDocEntities)
		dates := sortedKeys(s.dates)
		hits := make(map[int64]int)
		for _, id := range firstN(c.vocab.scaled(s.terms).byWeight(), queryTerms) {
			for _, sid := range c.postings[id] {
				hits[sid]++
			}
		}
		for _, id := range firstN(c.vocab.scaled(s.ents).byWeight(), queryEntities) {
			for _, sid := range c.postings[id] {
				hits[sid]++
			}
		}
		var other *activeStory
		best := -1.0
		ids := make([]int64, 0, len(hits))
		for sid := range hits {
			ids = append(ids, sid)
		}
		slices.Sort(ids)
		for _, sid := range ids {
			o := c.active[sid]
			if o == nil || o == s {
				continue
			}
			sc := c.score(o, s.terms, s.ents, key, time.Time{}, dates, sortedKeys(s.years), s.figures)
			if gap, _ := storyGap(o.summary(), s.summary()); gap > 0 {
				sc /= 1 + float64(gap)/float64(c.opt.TimeScale)
			}
			if sc > best {
				other, best = o, sc
			}
		}
		if other == nil || best < c.opt.MergeThreshold {
			break
		}
		keep, gone := s, other
		if gone.id < keep.id {
			keep, gone = gone, keep
		}
		c.absorb(keep, gone)
		absorbed = append(absorbed, gone.id)
		s = keep
	}
	return s, absorbed
}

// summary is the time span of an active story as a Story, for storyGap.
func (s *activeStory) summary() Story { return Story{First: s.first, Last: s.last} }

// absorb moves story gone into keep.
func (c *Clusterer) absorb(keep, gone *activeStory) {
	keep.terms = c.vocab.topScaled(addInto(keep.terms, gone.terms), centroidTerms)
	keep.ents = c.vocab.topScaled(addInto(keep.ents, gone.ents), centroidEnts)
	keep.n += gone.n
	for d := range gone.dates {
		keep.dates[d] = true
	}
	for y := range gone.years {
		keep.years[y] = true
	}
	for g := range gone.groups {
		keep.groups[g] = true
		c.storyOf[g] = keep.id
	}
	for src := range gone.sourceSeen {
		keep.sourceSeen[src] = true
	}
	if !gone.first.IsZero() && (keep.first.IsZero() || gone.first.Before(keep.first)) {
		keep.first = gone.first
	}
	if gone.last.After(keep.last) {
		keep.last = gone.last
	}
	keep.lastSeq = max(keep.lastSeq, gone.lastSeq)
	keep.members = append(keep.members, gone.members...)
	if len(keep.members) > keptMembers {
		keep.members = append(keep.members[:1], keep.members[len(keep.members)-keptMembers+1:]...)
	}
	keep.refreshFigures()
	ks, gs := keep.sum, gone.sum
	ks.Members = append(ks.Members, gs.Members...)
	gs.Members = nil
	gs.MergedInto = keep.id
	gs.Active = false
	delete(c.active, gone.id)
	c.reindex(keep)
}

// reindex refreshes a story's key entities and indexes it under its
// heaviest features.
func (c *Clusterer) reindex(s *activeStory) {
	byW := c.vocab.scaled(s.ents).byWeight()
	s.keyEnts = append(s.keyEnts[:0], firstN(byW, keyStoryEntities)...)
	slices.Sort(s.keyEnts)
	for _, id := range firstN(byW, indexEntities) {
		c.index(s, id)
	}
	for _, id := range firstN(c.vocab.scaled(s.terms).byWeight(), indexTerms) {
		c.index(s, id)
	}
}

// Resolve follows merges: the story an earlier assignment's StoryID now
// lives in.
func (c *Clusterer) Resolve(id int64) int64 {
	for id > 0 && id <= int64(len(c.stories)) && c.stories[id-1].MergedInto != 0 {
		id = c.stories[id-1].MergedInto
	}
	return id
}

// Observe learns document frequencies from an article without clustering
// it: a warm start for a new clusterer from a store's history or a
// background corpus, so the first stories are not judged with an IDF learned
// from a handful of articles.
func (c *Clusterer) Observe(f Features) {
	b := bagOf(&f)
	c.vocab.docs++
	c.vocab.weigh(b.terms, "", docTerms, true)
	c.vocab.weigh(b.entities, entityPrefix, docEntities, true)
}

// Similarity scores how likely two articles report the same event, on the
// clusterer's scale (0..1): term and entity TF-IDF cosine under the document
// frequencies learned so far (see Observe), with the same key-entity and
// date adjustments as story scoring. It learns nothing.
func (c *Clusterer) Similarity(x, y Features) float64 {
	bx, by := bagOf(&x), bagOf(&y)
	tx := c.vocab.weigh(bx.terms, "", docTerms, false)
	ty := c.vocab.weigh(by.terms, "", docTerms, false)
	ex := c.vocab.weigh(bx.entities, entityPrefix, docEntities, false)
	ey := c.vocab.weigh(by.entities, entityPrefix, docEntities, false)
	s := &activeStory{terms: ty, ents: ey, dates: make(map[string]bool), years: make(map[string]bool)}
	for _, d := range by.dates {
		s.dates[d] = true
	}
	for _, y := range by.years {
		s.years[y] = true
	}
	byW := c.vocab.scaled(ey).byWeight()
	s.keyEnts = append(s.keyEnts, firstN(byW, keyStoryEntities)...)
	slices.Sort(s.keyEnts)
	if !y.Published.IsZero() {
		s.first, s.last = y.Published, y.Published
	}
	key := firstN(c.vocab.scaled(ex).byWeight(), keyDocEntities)
	s.figures = by.figures
	return c.score(s, tx, ex, key, x.Published, bx.dates, bx.years, bx.figures)
}

// bestStory retrieves candidate stories through the inverted index and
// returns the best scoring one.
func (c *Clusterer) bestStory(terms, ents sparse, f *Features, b bag) (*activeStory, float64) {
	hits := make(map[int64]int)
	probe := func(ids []int32) {
		for _, id := range ids {
			list := c.postings[id]
			kept := list[:0]
			for _, sid := range list {
				if _, ok := c.active[sid]; !ok {
					continue // expired story: drop the posting while here
				}
				kept = append(kept, sid)
				hits[sid]++
			}
			if len(kept) == 0 {
				delete(c.postings, id)
			} else {
				c.postings[id] = kept
			}
		}
	}
	probe(firstN(c.vocab.scaled(terms).byWeight(), queryTerms))
	probe(firstN(c.vocab.scaled(ents).byWeight(), queryEntities))
	if len(hits) == 0 {
		return nil, 0
	}
	cands := make([]int64, 0, len(hits))
	for sid := range hits {
		cands = append(cands, sid)
	}
	sort.Slice(cands, func(i, j int) bool {
		if hits[cands[i]] != hits[cands[j]] {
			return hits[cands[i]] > hits[cands[j]]
		}
		return cands[i] > cands[j] // the more recent story
	})
	if len(cands) > c.opt.Candidates {
		cands = cands[:c.opt.Candidates]
	}
	var best *activeStory
	bestScore := -1.0
	key := firstN(c.vocab.scaled(ents).byWeight(), keyDocEntities)
	for _, sid := range cands {
		s := c.active[sid]
		sc := c.score(s, terms, ents, key, f.Published, b.dates, b.years, b.figures)
		if sc > bestScore || (sc == bestScore && s.id > best.id) {
			best, bestScore = s, sc
		}
	}
	return best, bestScore
}

// score combines term cosine, entity cosine and time proximity.
func (c *Clusterer) score(s *activeStory, terms, ents sparse, key []int32, when time.Time, dates, years, figures []string) float64 {
	ct := c.vocab.cos(terms, s.terms)
	sc := ct
	if ents.len() > 0 && s.ents.len() > 0 {
		ce := c.vocab.cos(ents, s.ents)
		sc = (1-c.opt.EntityWeight)*ct + c.opt.EntityWeight*ce
		found := false
		for _, id := range key {
			if _, ok := slices.BinarySearch(s.keyEnts, id); ok {
				found = true
				break
			}
		}
		if !found {
			sc *= c.opt.KeyEntityPenalty
		}
	}
	if !when.IsZero() && !s.first.IsZero() {
		var gap time.Duration
		switch {
		case when.Before(s.first):
			gap = s.first.Sub(when)
		case when.After(s.last):
			gap = when.Sub(s.last)
		}
		sc /= 1 + float64(gap)/float64(c.opt.TimeScale)
	}
	// Mentioned dates: the same date is mild evidence of the same event,
	// disjoint dates mild evidence against.
	if len(dates) > 0 && len(s.dates) > 0 {
		same := false
		for _, d := range dates {
			if s.dates[d] {
				same = true
				break
			}
		}
		if same {
			sc *= 1.1
		} else {
			sc *= c.opt.DatePenalty
		}
	}
	// Mentioned years: within one kind of event, two ECB+ articles that
	// both mention years and share none report different events six times
	// in seven; sharing one, the same event nine times in ten. A story's
	// years are all its members mention, so background years ("the 2004
	// tsunami") make the test milder, not wrong.
	if len(years) > 0 && len(s.years) > 0 {
		same := false
		for _, y := range years {
			if s.years[y] {
				same = true
				break
			}
		}
		if same {
			sc *= 1.1
		} else {
			sc *= c.opt.YearPenalty
		}
	}
	// Figures (counts, magnitudes, scores, sums): two reports of one event
	// repeat them, another event of the same kind has its own. Within an
	// ECB+ topic, pairs with two or more figures each that share none are
	// the same event a quarter of the time, sharing half of them 87%.
	if len(figures) >= minFigures && len(s.figures) >= minFigures {
		n := sortedOverlap(figures, s.figures)
		switch {
		case n == 0:
			sc *= c.opt.FigurePenalty
		case 2*n >= min(len(figures), len(s.figures)):
			sc *= 1.1
		}
	}
	return sc
}

// minFigures is how many figures each side needs for the figure test: one
// number alone is too often a time of day or an age.
const minFigures = 2

// refreshFigures recomputes the union of the kept members' figures.
func (s *activeStory) refreshFigures() {
	seen := make(map[string]bool)
	for i := range s.members {
		for _, n := range s.members[i].numbers {
			if !isYear(n) {
				seen[n] = true
			}
		}
	}
	s.figures = sortedKeys(seen)
}

// sortedOverlap counts the strings two sorted, distinct lists share.
func sortedOverlap(a, b []string) int {
	i, j, n := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

func nonzero(x float64) float64 {
	if x == 0 {
		return 1
	}
	return x
}

func firstN(ids []int32, n int) []int32 {
	if len(ids) > n {
		return ids[:n]
	}
	return ids
}

// rewriteOf returns the kept member the article rewrites, or nil. A
// rewrite keeps the facts and the names and changes the wording, so the
// tests are on entities and numbers first: within two days, entity cosine at
// least RewriteEntities, and either the same figures (at least three numbers
// on each side, three quarters shared) with term cosine at least
// RewriteTermsWithFacts, or, with too few figures to compare, term cosine at
// least RewriteTerms.
func (c *Clusterer) rewriteOf(s *activeStory, terms, ents sparse, numbers []string, when time.Time) *member {
	for i := range s.members {
		m := &s.members[i]
		if !when.IsZero() && !m.when.IsZero() && absDur(when.Sub(m.when)) > 48*time.Hour {
			continue
		}
		if ents.len() == 0 || m.ents.len() == 0 || c.vocab.cos(ents, m.ents) < c.opt.RewriteEntities {
			continue
		}
		ct := c.vocab.cos(terms, m.terms)
		if len(numbers) >= 3 && len(m.numbers) >= 3 {
			if overlap(numbers, m.numbers) >= 0.75 && ct >= c.opt.RewriteTermsWithFacts {
				return m
			}
			continue
		}
		if ct >= c.opt.RewriteTerms {
			return m
		}
	}
	return nil
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// overlap is |a∩b|/min(|a|,|b|) of two sorted, distinct string lists.
func overlap(a, b []string) float64 {
	return float64(sortedOverlap(a, b)) / float64(min(len(a), len(b)))
}

func (c *Clusterer) open() *activeStory {
	id := int64(len(c.stories) + 1)
	sum := &Story{ID: id, Active: true}
	c.stories = append(c.stories, sum)
	s := &activeStory{id: id, indexed: make(map[int32]bool), dates: make(map[string]bool),
		years: make(map[string]bool), sum: sum, groups: make(map[int64]bool), sourceSeen: make(map[string]bool)}
	c.active[id] = s
	return s
}

// join adds an independent article (or rewrite) to a story's centroid and
// indexes the story under its now-heaviest features.
func (c *Clusterer) join(s *activeStory, terms, ents sparse, b bag, f *Features, group int64) {
	s.terms = addInto(s.terms, terms)
	if s.terms.len() > centroidTerms*3/2 {
		s.terms = c.vocab.topScaled(s.terms, centroidTerms)
	}
	s.ents = addInto(s.ents, ents)
	if s.ents.len() > centroidEnts*3/2 {
		s.ents = c.vocab.topScaled(s.ents, centroidEnts)
	}
	s.n++
	for _, d := range b.dates {
		s.dates[d] = true
	}
	for _, y := range b.years {
		s.years[y] = true
	}
	if group == f.ArticleID {
		s.members = append(s.members, member{id: f.ArticleID, group: group, terms: c.vocab.topScaled(terms, 40), ents: ents,
			numbers: b.numbers, when: f.Published})
		if len(s.members) > keptMembers {
			// keep the first member (often the wire original) and the most recent ones
			s.members = append(s.members[:1], s.members[2:]...)
		}
		s.refreshFigures()
	}
	for _, id := range firstN(c.vocab.scaled(s.terms).byWeight(), indexTerms) {
		c.index(s, id)
	}
	byW := c.vocab.scaled(s.ents).byWeight()
	s.keyEnts = append(s.keyEnts[:0], firstN(byW, keyStoryEntities)...)
	slices.Sort(s.keyEnts)
	for _, id := range firstN(byW, indexEntities) {
		c.index(s, id)
	}
	c.record(s.id, *f, group)
}

func (c *Clusterer) index(s *activeStory, id int32) {
	if s.indexed[id] {
		return
	}
	s.indexed[id] = true
	list := append(c.postings[id], s.id)
	if len(list) > maxPostings {
		// a feature this common is no evidence; keep the most recent stories
		list = append(list[:0:0], list[len(list)-maxPostings/2:]...)
	}
	c.postings[id] = list
}

// record notes the article in the story summary.
func (c *Clusterer) record(sid int64, f Features, group int64) {
	sum := c.stories[sid-1]
	sum.Members = append(sum.Members, f.ArticleID)
	s := c.active[sid]
	if s == nil {
		return
	}
	s.lastSeq = c.seq
	if !f.Published.IsZero() {
		if s.first.IsZero() || f.Published.Before(s.first) {
			s.first = f.Published
		}
		if f.Published.After(s.last) {
			s.last = f.Published
		}
	}
	if !s.groups[group] {
		s.groups[group] = true
		c.storyOf[group] = sid
	}
	if f.Source != "" {
		s.sourceSeen[f.Source] = true
	}
}

// expire takes stale stories out of the candidate index: those not updated
// within the window, then the least recently updated beyond MaxActive.
func (c *Clusterer) expire() {
	cutoff := c.newest.Add(-c.opt.Window)
	var drop []*activeStory
	for _, s := range c.active {
		if !c.newest.IsZero() && !s.last.IsZero() && s.last.Before(cutoff) {
			drop = append(drop, s)
		}
	}
	if over := len(c.active) - len(drop) - c.opt.MaxActive; over > 0 {
		rest := make([]*activeStory, 0, len(c.active))
		for _, s := range c.active {
			if c.newest.IsZero() || s.last.IsZero() || !s.last.Before(cutoff) {
				rest = append(rest, s)
			}
		}
		sort.Slice(rest, func(i, j int) bool { return rest[i].lastSeq < rest[j].lastSeq })
		drop = append(drop, rest[:over]...)
	}
	for _, s := range drop {
		c.freeze(s)
		delete(c.active, s.id)
		for g := range s.groups {
			if c.storyOf[g] == s.id {
				delete(c.storyOf, g)
			}
		}
	}
	// Postings of expired stories are dropped lazily when a feature is
	// probed; features never probed again would keep them forever. Sweep
	// everything once as many stories have expired as are active, so the
	// cost stays proportional to the stories dropped.
	c.expired += len(drop)
	if c.expired > len(c.active)+1024 {
		for id, list := range c.postings {
			kept := list[:0]
			for _, sid := range list {
				if _, ok := c.active[sid]; ok {
					kept = append(kept, sid)
				}
			}
			if len(kept) == 0 {
				delete(c.postings, id)
			} else {
				c.postings[id] = kept
			}
		}
		c.expired = 0
	}
}

// freeze writes the active state into the story's summary.
func (c *Clusterer) freeze(s *activeStory) {
	sum := s.sum
	sum.First, sum.Last = s.first, s.last
	sum.Groups = len(s.groups)
	sum.Sources = sortedKeys(s.sourceSeen)
	sum.Dates = sortedKeys(s.dates)
	sum.terms = c.summaryOf(s.terms, summaryTerms)
	sum.ents = c.summaryOf(s.ents, summaryEnts)
	sum.Active = false
}

// summaryOf keeps the n heaviest features of a centroid under the current
// IDF, heaviest first, as ids and unit-normalised weights: 8 bytes a
// feature, where the named form Stories returns costs 32. Expired stories
// accumulate over an endless stream; this keeps each one small.
func (c *Clusterer) summaryOf(v sparse, n int) sparse {
	v = c.vocab.scaled(v)
	norm := nonzero(v.norm())
	ids := firstN(v.byWeight(), n)
	w := make(map[int32]float32, v.len())
	for i, id := range v.ids {
		w[id] = v.w[i]
	}
	out := sparse{ids: make([]int32, len(ids)), w: make([]float32, len(ids))}
	for k, id := range ids {
		out.ids[k] = id
		out.w[k] = float32(float64(w[id]) / norm)
	}
	return out
}

// named turns a summary into feature names and weights.
func (c *Clusterer) named(v sparse, prefix string) []Weighted {
	out := make([]Weighted, len(v.ids))
	for k, id := range v.ids {
		out[k] = Weighted{Name: strings.TrimPrefix(c.vocab.names[id], prefix), Weight: math.Round(float64(v.w[k])*1e4) / 1e4}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Stories returns the summaries of all stories so far, by ID. Active
// stories are summarised as of now.
func (c *Clusterer) Stories() []Story {
	out := make([]Story, 0, len(c.stories))
	for _, sum := range c.stories {
		if sum.MergedInto != 0 {
			continue
		}
		if s := c.active[sum.ID]; s != nil {
			c.freeze(s)
			sum.Active = true
		}
		st := *sum
		st.Members = append([]int64(nil), sum.Members...)
		st.Terms = c.named(sum.terms, "")
		for _, w := range c.named(sum.ents, entityPrefix) {
			if name, ok := strings.CutPrefix(w.Name, entityWordMark); ok {
				st.NameWords = append(st.NameWords, Weighted{Name: name, Weight: w.Weight})
			} else {
				st.Entities = append(st.Entities, w)
			}
		}
		out = append(out, st)
	}
	return out
}

// Active is the number of stories in the candidate index.
func (c *Clusterer) Active() int { return len(c.active) }

// ActiveIDs lists the stories in the candidate index, in ID order: the
// stories whose summaries still change as articles arrive.
func (c *Clusterer) ActiveIDs() []int64 { return slices.Sorted(maps.Keys(c.active)) }

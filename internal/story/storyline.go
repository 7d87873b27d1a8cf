package story

import (
	"sort"
	"time"
)

// StorylineOptions tune how stories are linked.
type StorylineOptions struct {
	// Threshold is the similarity two stories need to be linked. Default 0.1.
	Threshold float64
	// MaxGap is the longest time between one story's last article and the
	// next story's first for a link (undated stories are not limited).
	// Default 60 days.
	MaxGap time.Duration
	// EntityWeight is the share of similarity from shared entities. Default 0.5.
	EntityWeight float64
}

func (o StorylineOptions) withDefaults() StorylineOptions {
	if o.Threshold <= 0 {
		o.Threshold = 0.1
	}
	if o.MaxGap <= 0 {
		o.MaxGap = 60 * 24 * time.Hour
	}
	if o.EntityWeight <= 0 {
		o.EntityWeight = 0.5
	}
	return o
}

// Link is the evidence that two stories belong to one storyline.
type Link struct {
	From, To   int64    // story IDs, From < To
	Similarity float64  // combined term and entity similarity of the summaries
	Terms      []string // shared heavy terms
	Entities   []string // shared heavy entities
	Gap        time.Duration
}

// Storyline is a set of stories about one ongoing situation, linked over
// time.
type Storyline struct {
	ID      int     // 1-based, in order of the earliest story
	Stories []int64 // story IDs, ascending
	Links   []Link
	First   time.Time
	Last    time.Time
}

// Storylines links stories whose summaries (heaviest terms and entities, as
// returned by Clusterer.Stories) are similar and close in time, and returns
// the connected groups. Candidates come from an inverted index over the
// summaries' features, so no two stories without a shared feature are ever
// compared. Stories that link to nothing are storylines of one.
func Storylines(stories []Story, opt StorylineOptions) []Storyline {
	opt = opt.withDefaults()
	type vec struct {
		terms, ents map[string]float64
		nt, ne      float64
		tOrder      []string // names in summary order: sums run in a fixed order, not a map's
		eOrder      []string
	}
	vecs := make([]vec, len(stories))
	index := make(map[string][]int)
	for i, s := range stories {
		v := vec{terms: make(map[string]float64), ents: make(map[string]float64)}
		for _, w := range s.Terms {
			v.terms[w.Name] = w.Weight
			v.tOrder = append(v.tOrder, w.Name)
			v.nt += w.Weight * w.Weight
			index["t:"+w.Name] = append(index["t:"+w.Name], i)
		}
		for _, w := range s.Entities {
			v.ents[w.Name] = w.Weight
			v.eOrder = append(v.eOrder, w.Name)
			v.ne += w.Weight * w.Weight
			index["e:"+w.Name] = append(index["e:"+w.Name], i)
		}
		vecs[i] = v
	}
	cos := func(order []string, a, b map[string]float64, na, nb float64) (float64, []string) {
		if na == 0 || nb == 0 {
			return 0, nil
		}
		var d float64
		var sh []string
		for _, k := range order {
			x := a[k]
			if y, ok := b[k]; ok {
				d += x * y
				sh = append(sh, k)
			}
		}
		sort.Slice(sh, func(i, j int) bool {
			wi, wj := a[sh[i]]*b[sh[i]], a[sh[j]]*b[sh[j]]
			if wi != wj {
				return wi > wj
			}
			return sh[i] < sh[j]
		})
		return d / (sqrt(na) * sqrt(nb)), sh
	}
	parent := make([]int, len(stories))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	var links []Link
	for i := range stories {
		cands := make(map[int]bool)
		for _, w := range stories[i].Terms {
			for _, j := range index["t:"+w.Name] {
				if j > i {
					cands[j] = true
				}
			}
		}
		for _, w := range stories[i].Entities {
			for _, j := range index["e:"+w.Name] {
				if j > i {
					cands[j] = true
				}
			}
		}
		js := make([]int, 0, len(cands))
		for j := range cands {
			js = append(js, j)
		}
		sort.Ints(js)
		for _, j := range js {
			a, b := stories[i], stories[j]
			gap, ok := storyGap(a, b)
			if ok && gap > opt.MaxGap {
				continue
			}
			ct, st := cos(vecs[i].tOrder, vecs[i].terms, vecs[j].terms, vecs[i].nt, vecs[j].nt)
			ce, se := cos(vecs[i].eOrder, vecs[i].ents, vecs[j].ents, vecs[i].ne, vecs[j].ne)
			sim := ct
			if vecs[i].ne > 0 && vecs[j].ne > 0 {
				if len(se) == 0 {
					// same kind of event, different actors and places:
					// another earthquake is not the same situation
					continue
				}
				sim = (1-opt.EntityWeight)*ct + opt.EntityWeight*ce
			}
			if sim < opt.Threshold {
				continue
			}
			links = append(links, Link{From: a.ID, To: b.ID, Similarity: sim, Terms: firstS(st, 5), Entities: firstS(se, 5), Gap: gap})
			parent[find(j)] = find(i)
		}
	}
	byRoot := make(map[int]*Storyline)
	var out []*Storyline
	for i, s := range stories {
		r := find(i)
		l := byRoot[r]
		if l == nil {
			l = &Storyline{}
			byRoot[r] = l
			out = append(out, l)
		}
		l.Stories = append(l.Stories, s.ID)
		if !s.First.IsZero() && (l.First.IsZero() || s.First.Before(l.First)) {
			l.First = s.First
		}
		if s.Last.After(l.Last) {
			l.Last = s.Last
		}
	}
	idx := make(map[int64]*Storyline)
	for _, l := range out {
		for _, sid := range l.Stories {
			idx[sid] = l
		}
	}
	for _, lk := range links {
		l := idx[lk.From]
		l.Links = append(l.Links, lk)
	}
	res := make([]Storyline, len(out))
	for i, l := range out {
		l.ID = i + 1
		res[i] = *l
	}
	return res
}

// storyGap is the time between two stories (0 when they overlap); ok is
// false when either is undated.
func storyGap(a, b Story) (time.Duration, bool) {
	if a.First.IsZero() || b.First.IsZero() {
		return 0, false
	}
	switch {
	case b.First.After(a.Last):
		return b.First.Sub(a.Last), true
	case a.First.After(b.Last):
		return a.First.Sub(b.Last), true
	}
	return 0, true
}

func firstS(s []string, n int) []string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

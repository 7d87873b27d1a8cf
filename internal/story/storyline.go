package story

import (
	"math"
	"sort"
	"strings"
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
	// MergeThreshold is the similarity two storylines' summed vectors need
	// for a link between their stories to join them. Default 0.13. With
	// features weighted by the stories that carry them, on ECB+ topics
	// (mean of three orders) 0.865 text-only and 0.870 on the engine's path,
	// against 0.867 and 0.827 with single links; on all 21,578 Reuters
	// articles the largest storyline has 279 of 12,185 stories, against
	// 11,246.
	MergeThreshold float64
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
	if o.MergeThreshold <= 0 {
		o.MergeThreshold = 0.13
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
// Candidate retrieval for storylines: two stories are compared only when
// one of the heaviest features of each is shared, and a feature that more
// than lineMaxPostings stories carry ("oil", "united states" in a large
// store) retrieves nothing. Without these bounds linking is quadratic in the
// number of stories (two minutes for 12,000 Reuters stories).
const (
	lineProbeTerms    = 25
	lineProbeEntities = 15
	lineMaxPostings   = 300
	lineMinShared     = 2 // probe features two stories must share to be compared
)

func Storylines(stories []Story, opt StorylineOptions) []Storyline {
	opt = opt.withDefaults()
	// Features are interned to ids so that comparing two stories is a merge
	// of two id-sorted lists, not string hashing.
	ids := make(map[string]int32)
	var names, kinds []string
	intern := func(key string) int32 {
		id, ok := ids[key]
		if !ok {
			id = int32(len(names))
			ids[key] = id
			names = append(names, key[2:])
			kinds = append(kinds, key[:2])
		}
		return id
	}
	vecs := make([]vec, len(stories))
	index := make(map[int32][]int)
	build := func(i int, ws []Weighted, prefix string, probes int) ([]feat, float64) {
		fs := make([]feat, len(ws))
		var n float64
		for k, w := range ws {
			id := intern(prefix + w.Name)
			fs[k] = feat{id, w.Weight}
			n += w.Weight * w.Weight
			if k < probes {
				index[id] = append(index[id], i)
			}
		}
		sort.Slice(fs, func(a, b int) bool { return fs[a].id < fs[b].id })
		return fs, n
	}
	for i, s := range stories {
		var v vec
		v.terms, v.nt = build(i, s.Terms, "t:", lineProbeTerms)
		v.ents, v.ne = build(i, s.entityFeatures(), "", lineProbeEntities)
		vecs[i] = v
	}
	// Weigh features by how few stories carry them: the summaries' weights
	// come from document frequencies, so words every story of a genre
	// repeats ("shr", "cts", "qtr" in earnings reports, a capital's name)
	// weigh as much as the words of one situation and join all of the genre.
	{
		df := make([]int, len(names))
		for _, v := range vecs {
			for _, f := range v.terms {
				df[f.id]++
			}
			for _, f := range v.ents {
				df[f.id]++
			}
		}
		n := float64(len(stories))
		reweigh := func(fs []feat) float64 {
			var norm float64
			for k := range fs {
				fs[k].w *= math.Log((n + 1) / float64(df[fs[k].id]+1))
				norm += fs[k].w * fs[k].w
			}
			return norm
		}
		for i := range vecs {
			vecs[i].nt = reweigh(vecs[i].terms)
			vecs[i].ne = reweigh(vecs[i].ents)
		}
	}
	cos := func(a, b []feat, na, nb float64) (float64, []string) {
		if na == 0 || nb == 0 {
			return 0, nil
		}
		var d float64
		type pair struct {
			name, kind string
			w          float64
		}
		var sh []pair
		for x, y := 0, 0; x < len(a) && y < len(b); {
			switch {
			case a[x].id < b[y].id:
				x++
			case a[x].id > b[y].id:
				y++
			default:
				p := a[x].w * b[y].w
				d += p
				sh = append(sh, pair{names[a[x].id], kinds[a[x].id], p})
				x++
				y++
			}
		}
		// Evidence reads best as entities first, then the name words no
		// listed entity already shows ("vasik" after "person:anton vasik").
		sort.Slice(sh, func(i, j int) bool {
			if (sh[i].kind == "w:") != (sh[j].kind == "w:") {
				return sh[j].kind == "w:"
			}
			if sh[i].w != sh[j].w {
				return sh[i].w > sh[j].w
			}
			return sh[i].name < sh[j].name
		})
		out := make([]string, 0, len(sh))
		shown := map[string]bool{}
		for _, p := range sh {
			if p.kind == "w:" && shown[p.name] {
				continue
			}
			out = append(out, p.name)
			if p.kind == "e:" {
				_, rest, _ := strings.Cut(p.name, ":")
				for _, w := range strings.Fields(rest) {
					shown[w] = true
				}
			}
		}
		return d / (sqrt(na) * sqrt(nb)), out
	}
	// similarity combines term and entity cosine (terms alone when either
	// side has no entities) and returns the shared terms and entities.
	similarity := func(a, b *vec) (float64, []string, []string) {
		ct, st := cos(a.terms, b.terms, a.nt, b.nt)
		if a.ne == 0 || b.ne == 0 {
			return ct, st, nil
		}
		ce, se := cos(a.ents, b.ents, a.ne, b.ne)
		return (1-opt.EntityWeight)*ct + opt.EntityWeight*ce, st, se
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
	type cand struct {
		i, j int
		link Link
	}
	var cands []cand
	hits := make(map[int]int)
	probe := func(i int, key string) {
		id, ok := ids[key]
		if !ok {
			return
		}
		list := index[id]
		if len(list) > lineMaxPostings {
			return // shared by too many stories to be evidence of one situation
		}
		for _, j := range list {
			if j > i {
				hits[j]++
			}
		}
	}
	for i := range stories {
		clear(hits)
		for k, w := range stories[i].Terms {
			if k == lineProbeTerms {
				break
			}
			probe(i, "t:"+w.Name)
		}
		for k, w := range stories[i].entityFeatures() {
			if k == lineProbeEntities {
				break
			}
			probe(i, w.Name)
		}
		js := make([]int, 0, len(hits))
		for j, n := range hits {
			if n >= lineMinShared {
				js = append(js, j)
			}
		}
		sort.Ints(js)
		for _, j := range js {
			a, b := stories[i], stories[j]
			gap, ok := storyGap(a, b)
			if ok && gap > opt.MaxGap {
				continue
			}
			sim, st, se := similarity(&vecs[i], &vecs[j])
			if vecs[i].ne > 0 && vecs[j].ne > 0 && len(se) == 0 {
				// same kind of event, different actors and places:
				// another earthquake is not the same situation
				continue
			}
			if sim < opt.Threshold {
				continue
			}
			cands = append(cands, cand{i, j, Link{From: a.ID, To: b.ID, Similarity: sim, Terms: firstS(st, 5), Entities: firstS(se, 5), Gap: gap}})
		}
	}
	// Union the candidate links strongest first, each only if the two
	// storylines it would join are still similar as wholes (their summed
	// vectors): linking any pair above the threshold chains unrelated
	// stories through one shared word each ("north america", "plc") until
	// most of a wire corpus is one storyline (1,083 of 1,200 stories of two
	// Reuters files).
	sort.Slice(cands, func(x, y int) bool {
		if cands[x].link.Similarity != cands[y].link.Similarity {
			return cands[x].link.Similarity > cands[y].link.Similarity
		}
		if cands[x].i != cands[y].i {
			return cands[x].i < cands[y].i
		}
		return cands[x].j < cands[y].j
	})
	sums := make(map[int]*vec)
	sumOf := func(r int) *vec {
		if v, ok := sums[r]; ok {
			return v
		}
		return &vecs[r]
	}
	var links []Link
	for _, c := range cands {
		ri, rj := find(c.i), find(c.j)
		if ri != rj {
			vi, vj := sumOf(ri), sumOf(rj)
			if sim, _, _ := similarity(vi, vj); sim < opt.MergeThreshold {
				continue
			}
			merged := &vec{}
			merged.terms, merged.nt = addFeats(vi.terms, vj.terms)
			merged.ents, merged.ne = addFeats(vi.ents, vj.ents)
			delete(sums, ri)
			delete(sums, rj)
			parent[rj] = ri
			sums[ri] = merged
		}
		links = append(links, c.link)
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

// feat is an interned feature and its weight; vec a story's (or a
// storyline's summed) features, id-sorted, with their squared norms.
type feat struct {
	id int32
	w  float64
}

type vec struct {
	terms, ents []feat // id-sorted
	nt, ne      float64
}

// lineSumFeatures bounds a storyline's summed vector: its heaviest features
// only, so comparing two large storylines costs what two stories do.
const lineSumFeatures = 400

// addFeats sums two id-sorted feature lists, keeps the lineSumFeatures
// heaviest (id-sorted again) and returns them with their squared norm.
func addFeats(a, b []feat) ([]feat, float64) {
	out := make([]feat, 0, len(a)+len(b))
	x, y := 0, 0
	for x < len(a) || y < len(b) {
		switch {
		case y == len(b) || x < len(a) && a[x].id < b[y].id:
			out = append(out, a[x])
			x++
		case x == len(a) || b[y].id < a[x].id:
			out = append(out, b[y])
			y++
		default:
			out = append(out, feat{a[x].id, a[x].w + b[y].w})
			x++
			y++
		}
	}
	if len(out) > lineSumFeatures {
		sort.Slice(out, func(i, j int) bool {
			if out[i].w != out[j].w {
				return out[i].w > out[j].w
			}
			return out[i].id < out[j].id
		})
		out = out[:lineSumFeatures]
		sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	}
	var n float64
	for _, f := range out {
		n += f.w * f.w
	}
	return out, n
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

// entityFeatures are a story's entities ("e:" and the key) and the words of
// their names ("w:" and the word), heaviest first, as the clusterer's
// centroid holds them.
func (s Story) entityFeatures() []Weighted {
	out := make([]Weighted, 0, len(s.Entities)+len(s.NameWords))
	for _, w := range s.Entities {
		out = append(out, Weighted{Name: "e:" + w.Name, Weight: w.Weight})
	}
	for _, w := range s.NameWords {
		out = append(out, Weighted{Name: "w:" + w.Name, Weight: w.Weight})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Weight > out[j].Weight })
	return out
}

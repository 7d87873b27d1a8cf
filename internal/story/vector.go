package story

import (
	"math"
	"math/bits"
	"slices"
	"sort"
)

// sparse is a sparse vector sorted by feature id.
type sparse struct {
	ids []int32
	w   []float32
}

func (s sparse) len() int { return len(s.ids) }

func (s sparse) norm() float64 {
	var n float64
	for _, v := range s.w {
		n += float64(v) * float64(v)
	}
	return math.Sqrt(n)
}

// dot is the inner product of two id-sorted vectors.
func dot(a, b sparse) float64 {
	var d float64
	i, j := 0, 0
	for i < len(a.ids) && j < len(b.ids) {
		switch {
		case a.ids[i] < b.ids[j]:
			i++
		case a.ids[i] > b.ids[j]:
			j++
		default:
			d += float64(a.w[i]) * float64(b.w[j])
			i++
			j++
		}
	}
	return d
}

// cosine of two vectors; 0 when either is empty.
func cosine(a, b sparse) float64 {
	na, nb := a.norm(), b.norm()
	if na == 0 || nb == 0 {
		return 0
	}
	return dot(a, b) / (na * nb)
}

// shared returns the ids present in both vectors, heaviest (by the product
// of weights) first, at most n of them: the evidence for a link.
func shared(a, b sparse, n int) []int32 {
	type pair struct {
		id int32
		w  float64
	}
	var ps []pair
	i, j := 0, 0
	for i < len(a.ids) && j < len(b.ids) {
		switch {
		case a.ids[i] < b.ids[j]:
			i++
		case a.ids[i] > b.ids[j]:
			j++
		default:
			ps = append(ps, pair{a.ids[i], float64(a.w[i]) * float64(b.w[j])})
			i++
			j++
		}
	}
	sort.SliceStable(ps, func(x, y int) bool {
		if ps[x].w != ps[y].w {
			return ps[x].w > ps[y].w
		}
		return ps[x].id < ps[y].id
	})
	if len(ps) > n {
		ps = ps[:n]
	}
	out := make([]int32, len(ps))
	for k, p := range ps {
		out[k] = p.id
	}
	return out
}

// addInto returns a + b (both id-sorted) as a new vector.
func addInto(a, b sparse) sparse {
	out := sparse{ids: make([]int32, 0, len(a.ids)+len(b.ids)), w: make([]float32, 0, len(a.ids)+len(b.ids))}
	i, j := 0, 0
	for i < len(a.ids) || j < len(b.ids) {
		switch {
		case j >= len(b.ids) || (i < len(a.ids) && a.ids[i] < b.ids[j]):
			out.ids = append(out.ids, a.ids[i])
			out.w = append(out.w, a.w[i])
			i++
		case i >= len(a.ids) || a.ids[i] > b.ids[j]:
			out.ids = append(out.ids, b.ids[j])
			out.w = append(out.w, b.w[j])
			j++
		default:
			out.ids = append(out.ids, a.ids[i])
			out.w = append(out.w, a.w[i]+b.w[j])
			i++
			j++
		}
	}
	return out
}

// top keeps the n heaviest entries (ties broken by id, so the result does
// not depend on map order anywhere upstream), still sorted by id.
func (s sparse) top(n int) sparse {
	if len(s.ids) <= n {
		return s
	}
	idx := make([]int, len(s.ids))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(x, y int) bool {
		a, b := idx[x], idx[y]
		if s.w[a] != s.w[b] {
			return s.w[a] > s.w[b]
		}
		return s.ids[a] < s.ids[b]
	})
	idx = idx[:n]
	slices.Sort(idx)
	out := sparse{ids: make([]int32, n), w: make([]float32, n)}
	for k, i := range idx {
		out.ids[k] = s.ids[i]
		out.w[k] = s.w[i]
	}
	return out
}

// byWeight returns the ids of s, heaviest first.
func (s sparse) byWeight() []int32 {
	idx := make([]int, len(s.ids))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(x, y int) bool {
		a, b := idx[x], idx[y]
		if s.w[a] != s.w[b] {
			return s.w[a] > s.w[b]
		}
		return s.ids[a] < s.ids[b]
	})
	out := make([]int32, len(idx))
	for k, i := range idx {
		out[k] = s.ids[i]
	}
	return out
}

// normalised returns s scaled to unit length.
func (s sparse) normalised() sparse {
	n := s.norm()
	if n == 0 {
		return s
	}
	out := sparse{ids: s.ids, w: make([]float32, len(s.w))}
	for i, v := range s.w {
		out.w[i] = float32(float64(v) / n)
	}
	return out
}

// vocabulary interns features and counts in how many documents each
// occurred, so IDF is learned from the stream itself.
type vocabulary struct {
	ids   map[string]int32
	names []string
	df    []uint32
	docs  int
	// IDF cache: log is the costliest thing in scoring. An entry holds the
	// df and rounded corpus size it was computed for (see idf).
	idfVal  []float32
	idfDF   []uint32
	idfDocs []int32
}

func newVocabulary() *vocabulary {
	return &vocabulary{ids: make(map[string]int32)}
}

func (v *vocabulary) id(name string) int32 {
	if id, ok := v.ids[name]; ok {
		return id
	}
	id := int32(len(v.names))
	v.ids[name] = id
	v.names = append(v.names, name)
	v.df = append(v.df, 0)
	v.idfVal = append(v.idfVal, 0)
	v.idfDF = append(v.idfDF, 0)
	v.idfDocs = append(v.idfDocs, -1)
	return id
}

// lookup returns the id of a known feature.
func (v *vocabulary) lookup(name string) (int32, bool) {
	id, ok := v.ids[name]
	return id, ok
}

// idf is the smoothed inverse document frequency: log((N+1)/(df+0.5)),
// with the corpus size N rounded down to its 8 leading bits (within 1/128 of
// the true count). Rounding makes the value a function of (df, N) alone, so
// the cache below only saves the logarithm and never changes a result: a
// clusterer gives the same answers whenever and however often it was asked
// before (Stories, a snapshot and restore).
func (v *vocabulary) idf(id int32) float64 {
	n := roundedDocs(v.docs)
	if v.idfDF[id] != v.df[id] || int(v.idfDocs[id]) != n {
		v.idfVal[id] = float32(math.Log(float64(n+1) / (float64(v.df[id]) + 0.5)))
		v.idfDF[id] = v.df[id]
		v.idfDocs[id] = int32(n)
	}
	return float64(v.idfVal[id])
}

// roundedDocs keeps the 8 leading bits of n.
func roundedDocs(n int) int {
	if shift := bits.Len(uint(n)) - 8; shift > 0 {
		return n >> shift << shift
	}
	return n
}

// weigh turns raw counts into a sublinear term-frequency vector (1+log tf)
// of the n features heaviest by tf·idf. The vector holds tf only: IDF is
// applied when vectors are compared (scaled), so a story centroid built early
// in the stream is judged with the statistics of now. When learn is set the
// counts first update the document frequencies.
func (v *vocabulary) weigh(counts map[string]float64, prefix string, n int, learn bool) sparse {
	s := sparse{ids: make([]int32, 0, len(counts)), w: make([]float32, 0, len(counts))}
	// New features get ids in sorted order, not map order: ids decide
	// summation order and tie-breaks, and results must not vary between runs.
	names := make([]string, 0, len(counts))
	for name := range counts {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		var id int32
		if learn {
			id = v.id(prefix + name)
		} else {
			var ok bool
			if id, ok = v.lookup(prefix + name); !ok {
				continue
			}
		}
		s.ids = append(s.ids, id)
	}
	slices.Sort(s.ids)
	for _, id := range s.ids {
		if learn {
			v.df[id]++
		}
		tf := counts[v.names[id][len(prefix):]]
		s.w = append(s.w, float32(1+math.Log(tf)))
	}
	s = v.topScaled(s, n)
	// unit length once IDF-weighted, so every article counts the same in a centroid
	n2 := v.scaled(s).norm()
	if n2 > 0 {
		for i := range s.w {
			s.w[i] = float32(float64(s.w[i]) / n2)
		}
	}
	return s
}

// scaled returns s with each weight multiplied by the feature's current IDF.
func (v *vocabulary) scaled(s sparse) sparse {
	out := sparse{ids: s.ids, w: make([]float32, len(s.w))}
	for i, id := range s.ids {
		out.w[i] = float32(float64(s.w[i]) * v.idf(id))
	}
	return out
}

// topScaled keeps the n entries of s heaviest by tf·idf, with their tf weights.
func (v *vocabulary) topScaled(s sparse, n int) sparse {
	if s.len() <= n {
		return s
	}
	keep := v.scaled(s).top(n)
	out := sparse{ids: keep.ids, w: make([]float32, len(keep.ids))}
	j := 0
	for i, id := range s.ids {
		if j < len(keep.ids) && keep.ids[j] == id {
			out.w[j] = s.w[i]
			j++
		}
	}
	return out
}

// cos is the TF-IDF cosine of two tf vectors under the current IDF.
func (v *vocabulary) cos(a, b sparse) float64 {
	var d, na, nb float64
	i, j := 0, 0
	for i < len(a.ids) || j < len(b.ids) {
		switch {
		case j >= len(b.ids) || (i < len(a.ids) && a.ids[i] < b.ids[j]):
			x := float64(a.w[i]) * v.idf(a.ids[i])
			na += x * x
			i++
		case i >= len(a.ids) || a.ids[i] > b.ids[j]:
			y := float64(b.w[j]) * v.idf(b.ids[j])
			nb += y * y
			j++
		default:
			f := v.idf(a.ids[i])
			x, y := float64(a.w[i])*f, float64(b.w[j])*f
			d += x * y
			na += x * x
			nb += y * y
			i++
			j++
		}
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return d / math.Sqrt(na*nb)
}

func sqrt(x float64) float64 { return math.Sqrt(x) }

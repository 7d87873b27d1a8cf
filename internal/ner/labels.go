package ner

// The tagger predicts BILOU labels (Begin, Inside, Last, Unit-length, O):
// Ratinov & Roth (2009) found them better than BIO for greedy tagging, since
// the model learns where names end. Tag converts them to BIO for callers.
var entityTypes = [...]string{"PER", "ORG", "LOC", "MISC"}

const (
	numTypes  = len(entityTypes)
	numLabels = 1 + 4*numTypes // O, then B I L U for each type
	labelO    = 0
)

const (
	posB = iota
	posI
	posL
	posU
)

func label(typ, pos int) int { return 1 + typ*4 + pos }

func labelType(l int) int { return (l - 1) / 4 }
func labelPos(l int) int  { return (l - 1) % 4 }

func typeIndex(t string) int {
	for i, e := range entityTypes {
		if e == t {
			return i
		}
	}
	if t == "GPE" {
		return 2
	}
	return -1
}

// bilouFromChunks encodes chunks as BILOU label ids over n tokens; chunks of
// unknown types are left O.
func bilouFromChunks(n int, chunks []Chunk) []int {
	out := make([]int, n)
	for _, c := range chunks {
		t := typeIndex(c.Type)
		if t < 0 || c.Start < 0 || c.End > n || c.End <= c.Start {
			continue
		}
		if c.End-c.Start == 1 {
			out[c.Start] = label(t, posU)
			continue
		}
		out[c.Start] = label(t, posB)
		for i := c.Start + 1; i < c.End-1; i++ {
			out[i] = label(t, posI)
		}
		out[c.End-1] = label(t, posL)
	}
	return out
}

// chunksFromBILOU decodes label ids leniently: a chunk runs while the type
// stays the same and no label closes it (L, U) or opens a new one (B, U).
func chunksFromBILOU(labels []int) []Chunk {
	var out []Chunk
	start, typ := -1, -1
	closeAt := func(end int) {
		if start >= 0 {
			out = append(out, Chunk{Start: start, End: end, Type: entityTypes[typ]})
		}
		start, typ = -1, -1
	}
	for i, l := range labels {
		if l == labelO {
			closeAt(i)
			continue
		}
		t, p := labelType(l), labelPos(l)
		if start >= 0 && (t != typ || p == posB || p == posU) {
			closeAt(i)
		}
		if start < 0 {
			start, typ = i, t
		}
		if p == posL || p == posU {
			closeAt(i + 1)
		}
	}
	closeAt(len(labels))
	return out
}

// allowed reports whether label cur may follow prev in a well-formed BILOU
// sequence; decoding and training restrict themselves to these.
func allowed(prev, cur int) bool {
	prevOpen := prev != labelO && (labelPos(prev) == posB || labelPos(prev) == posI)
	if cur == labelO {
		return !prevOpen
	}
	p := labelPos(cur)
	if p == posI || p == posL {
		return prevOpen && labelType(prev) == labelType(cur)
	}
	return !prevOpen
}

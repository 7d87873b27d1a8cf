package ner

import "sort"

// PRF is precision, recall and F1 (all in [0,1]) with the counts behind them.
type PRF struct {
	TP, FP, FN int
}

// Precision is TP/(TP+FP), 0 when nothing was predicted.
func (s PRF) Precision() float64 {
	if s.TP+s.FP == 0 {
		return 0
	}
	return float64(s.TP) / float64(s.TP+s.FP)
}

// Recall is TP/(TP+FN), 0 when there was nothing to find.
func (s PRF) Recall() float64 {
	if s.TP+s.FN == 0 {
		return 0
	}
	return float64(s.TP) / float64(s.TP+s.FN)
}

// F1 is the harmonic mean of precision and recall.
func (s PRF) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Scorer accumulates exact-span chunk matches over sentences: a predicted
// chunk counts only when its start, end and type all equal a gold chunk's
// (conlleval's micro-averaged measure).
type Scorer struct {
	All    PRF
	ByType map[string]*PRF
	// Map, when set, rewrites types before comparison (e.g. GPE -> LOC);
	// a type mapped to "" is dropped from both sides.
	Map func(string) string
}

// Add scores one sentence's predicted chunks against its gold chunks.
func (s *Scorer) Add(gold, pred []Chunk) {
	if s.ByType == nil {
		s.ByType = map[string]*PRF{}
	}
	gold, pred = s.mapped(gold), s.mapped(pred)
	type key struct {
		start, end int
		typ        string
	}
	g := make(map[key]bool, len(gold))
	for _, c := range gold {
		g[key{c.Start, c.End, c.Type}] = true
	}
	for _, c := range pred {
		t := s.typ(c.Type)
		if g[key{c.Start, c.End, c.Type}] {
			s.All.TP++
			t.TP++
			delete(g, key{c.Start, c.End, c.Type})
		} else {
			s.All.FP++
			t.FP++
		}
	}
	for k := range g {
		s.All.FN++
		s.typ(k.typ).FN++
	}
}

// AddTags scores one sentence given as tag sequences (any IOB scheme).
func (s *Scorer) AddTags(gold, pred []string) { s.Add(Chunks(gold), Chunks(pred)) }

func (s *Scorer) mapped(cs []Chunk) []Chunk {
	if s.Map == nil {
		return cs
	}
	out := make([]Chunk, 0, len(cs))
	for _, c := range cs {
		if c.Type = s.Map(c.Type); c.Type != "" {
			out = append(out, c)
		}
	}
	return out
}

func (s *Scorer) typ(t string) *PRF {
	p := s.ByType[t]
	if p == nil {
		p = &PRF{}
		s.ByType[t] = p
	}
	return p
}

// Types returns the types seen, sorted.
func (s *Scorer) Types() []string {
	out := make([]string, 0, len(s.ByType))
	for t := range s.ByType {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// GPEAsLOC maps GPE to LOC, for scoring against CoNLL-2003 which has no GPE.
func GPEAsLOC(t string) string {
	if t == "GPE" {
		return "LOC"
	}
	return t
}

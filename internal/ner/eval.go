package ner

import "time"

// DocumentChunker finds entity chunks in the tokenised sentences of one
// document. The Tagger is one; baselines compared with it are others.
type DocumentChunker interface {
	ChunkDocument(sents [][]string) [][]Chunk
}

// Result is the outcome of tagging a benchmark: exact-span chunk scores (GPE
// scored as LOC), the same scores with chunks compared by type and last token
// only (Head: a lenient measure for corpora whose mentions include titles or
// descriptors before the name), the token count and the tagging time.
type Result struct {
	Scores  Scorer
	Head    Scorer
	Tokens  int
	Elapsed time.Duration
}

// TokensPerSecond is the tagging throughput.
func (r Result) TokensPerSecond() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Tokens) / r.Elapsed.Seconds()
}

// Evaluate tags each document with the tagger (as a document, so
// document-level features apply) and scores it against the gold.
func (t *Tagger) Evaluate(docs []Document) Result { return Evaluate(t, docs, nil) }

// Evaluate scores a chunker on documents. keep, when set, restricts scoring
// to the types it accepts (after GPE -> LOC), e.g. PER/ORG/LOC for MEANTIME.
func Evaluate(c DocumentChunker, docs []Document, keep func(string) bool) Result {
	var r Result
	mapType := func(t string) string {
		t = GPEAsLOC(t)
		if keep != nil && !keep(t) {
			return ""
		}
		return t
	}
	r.Scores.Map, r.Head.Map = mapType, mapType
	var elapsed time.Duration
	for _, d := range docs {
		sents := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			sents[i] = s.Tokens
			r.Tokens += len(s.Tokens)
		}
		start := time.Now()
		pred := c.ChunkDocument(sents)
		elapsed += time.Since(start)
		for i, s := range d.Sentences {
			if d.Scored > 0 && i >= d.Scored {
				break
			}
			gold := s.Gold()
			r.Scores.Add(gold, pred[i])
			r.Head.Add(heads(gold), heads(pred[i]))
		}
	}
	r.Elapsed = elapsed
	return r
}

// heads reduces chunks to their last token, merging duplicates.
func heads(cs []Chunk) []Chunk {
	out := make([]Chunk, 0, len(cs))
	seen := map[Chunk]bool{}
	for _, c := range cs {
		h := Chunk{Start: c.End - 1, End: c.End, Type: c.Type}
		if !seen[h] {
			seen[h] = true
			out = append(out, h)
		}
	}
	return out
}

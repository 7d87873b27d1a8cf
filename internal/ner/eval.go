package ner

import "time"

// Result is the outcome of tagging a benchmark: chunk scores (GPE scored as
// LOC), the number of tokens and the time the tagging took.
type Result struct {
	Scores  Scorer
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

// Evaluate tags each document (as a document, so document-level features
// apply) and scores it against the gold tags.
func (t *Tagger) Evaluate(docs []Document) Result {
	var r Result
	r.Scores.Map = GPEAsLOC
	var elapsed time.Duration
	for _, d := range docs {
		sents := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			sents[i] = s.Tokens
			r.Tokens += len(s.Tokens)
		}
		start := time.Now()
		pred := t.ChunkDocument(sents)
		elapsed += time.Since(start)
		for i, s := range d.Sentences {
			r.Scores.Add(Chunks(s.Tags), pred[i])
		}
	}
	r.Elapsed = elapsed
	return r
}

package story

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Prior holds background document frequencies of terms: a warm start for a
// new clusterer. Without it the first articles of a new store are judged
// with an IDF learned from a handful of documents, in which every word the
// articles share looks common and worthless, and rewrites of one report
// open separate stories. The committed prior is learned from Reuters-21578
// ("dossier train prior" rebuilds it); the stream's own frequencies are
// added on top as articles arrive.
type Prior struct {
	Docs int
	DF   map[string]uint32 // feature name (as bagOf makes it: stemmed word or "#number") -> documents
}

// NewPrior returns an empty prior.
func NewPrior() *Prior { return &Prior{DF: make(map[string]uint32)} }

// Observe counts the terms of one background document.
func (p *Prior) Observe(f Features) {
	b := bagOf(&f)
	p.Docs++
	for t := range b.terms {
		p.DF[t]++
	}
}

// Prune drops terms seen in fewer than min documents (rare terms get the
// highest IDF anyway, so they need no entry).
func (p *Prior) Prune(min uint32) {
	for t, n := range p.DF {
		if n < min {
			delete(p.DF, t)
		}
	}
}

// Write stores the prior as gzip'd TSV: a "#docs" line, then term and
// document frequency per line in term order (deterministic bytes).
func (p *Prior) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "#docs\t%d\n", p.Docs)
	terms := make([]string, 0, len(p.DF))
	for t := range p.DF {
		terms = append(terms, t)
	}
	slices.Sort(terms)
	for _, t := range terms {
		fmt.Fprintf(bw, "%s\t%d\n", t, p.DF[t])
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// ReadPrior reads what Write wrote.
func ReadPrior(r io.Reader) (*Prior, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("reading prior: %w", err)
	}
	defer zr.Close()
	p := NewPrior()
	sc := bufio.NewScanner(zr)
	for line := 1; sc.Scan(); line++ {
		term, num, ok := strings.Cut(sc.Text(), "\t")
		n, err := strconv.ParseUint(num, 10, 32)
		if !ok || err != nil {
			return nil, fmt.Errorf("reading prior: line %d is not term<TAB>count", line)
		}
		if term == "#docs" {
			p.Docs = int(n)
			continue
		}
		p.DF[term] = uint32(n)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading prior: %w", err)
	}
	if p.Docs == 0 {
		return nil, fmt.Errorf("reading prior: no #docs line")
	}
	return p, nil
}

//go:embed prior/reuters.tsv.gz
var defaultPrior []byte

// DefaultPrior is the committed prior, decoded once.
var DefaultPrior = sync.OnceValues(func() (*Prior, error) { return ReadPrior(bytes.NewReader(defaultPrior)) })

// Warm adds a prior's document frequencies to the clusterer's own. Call it
// before the first Add; it keeps results deterministic (terms are added in
// sorted order).
func (c *Clusterer) Warm(p *Prior) {
	terms := make([]string, 0, len(p.DF))
	for t := range p.DF {
		terms = append(terms, t)
	}
	slices.Sort(terms)
	for _, t := range terms {
		id := c.vocab.id(t)
		c.vocab.df[id] += p.DF[t]
	}
	c.vocab.docs += p.Docs
}

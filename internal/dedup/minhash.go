// Package dedup finds near-duplicate articles: MinHash signatures over word
// shingles, and an LSH banding index that retrieves candidate pairs without
// comparing every article with every other. It owns the duplicate notion that
// is about shared wording (syndicated copies, re-dated or lightly edited
// versions); rewrites that share facts but not wording are the story
// clusterer's business.
package dedup

import (
	"math"
	"unicode"
	"unicode/utf8"

	"github.com/zeebo/xxh3"
)

// Signature is a MinHash signature: for each of its hash functions, the
// minimum hash over a document's shingle set.
type Signature []uint64

// Sketch is what the index keeps of one document: its signature and the
// number of distinct shingles (needed to turn a Jaccard estimate into a
// containment estimate).
type Sketch struct {
	Sig      Signature
	Shingles int
}

// Hasher computes MinHash signatures. It is read-only after NewHasher and safe
// for concurrent use.
type Hasher struct {
	k     int      // words per shingle
	seeds []uint64 // one per hash function
}

// NewHasher returns a hasher with n hash functions over k-word shingles. The
// seeds are derived from a fixed constant so signatures are comparable across
// runs and processes.
func NewHasher(n, k int) *Hasher {
	if n < 1 {
		n = 1
	}
	if k < 1 {
		k = 1
	}
	seeds := make([]uint64, n)
	s := uint64(0x2545F4914F6CDD1D)
	for i := range seeds {
		s = splitmix(s)
		seeds[i] = s
	}
	return &Hasher{k: k, seeds: seeds}
}

// Size is the number of hash functions (the signature length).
func (h *Hasher) Size() int { return len(h.seeds) }

// splitmix is the SplitMix64 finaliser: a cheap bijective mixer, so one
// xxh3 hash per shingle can be turned into many independent-looking ones.
func splitmix(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
	x = (x ^ (x >> 27)) * 0x94D049BB133111EB
	return x ^ (x >> 31)
}

// WordHashes returns the xxh3 hash of each word of text, lower-cased, where a
// word is a run of letters and digits. Punctuation and spacing differences
// (typographic quotes, line wrapping) therefore do not change a shingle.
func WordHashes(text string) []uint64 {
	out := make([]uint64, 0, len(text)/6)
	var buf [64]byte
	w := buf[:0]
	flush := func() {
		if len(w) > 0 {
			out = append(out, xxh3.Hash(w))
			w = w[:0]
		}
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				w = append(w, c)
			case c >= 'A' && c <= 'Z':
				w = append(w, c+'a'-'A')
			default:
				flush()
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			w = utf8.AppendRune(w, unicode.ToLower(r))
		} else {
			flush()
		}
	}
	flush()
	return out
}

// Shingles returns the distinct hashes of the k-word shingles of the word
// hashes (a text shorter than k words is one shingle of all its words).
func (h *Hasher) Shingles(words []uint64) []uint64 {
	if len(words) == 0 {
		return nil
	}
	k := h.k
	if len(words) < k {
		k = len(words)
	}
	n := len(words) - k + 1
	seen := make(map[uint64]struct{}, n)
	out := make([]uint64, 0, n)
	for i := 0; i < n; i++ {
		var s uint64 = 0xCBF29CE484222325
		for _, w := range words[i : i+k] {
			s = splitmix(s ^ w)
		}
		if _, ok := seen[s]; ok {
			continue
		}
		seen[s] = struct{}{}
		out = append(out, s)
	}
	return out
}

// Sketch computes the sketch of a text. A text with no words gets an empty
// signature, which matches nothing.
func (h *Hasher) Sketch(text string) Sketch {
	sh := h.Shingles(WordHashes(text))
	if len(sh) == 0 {
		return Sketch{}
	}
	sig := make(Signature, len(h.seeds))
	for i := range sig {
		sig[i] = math.MaxUint64
	}
	for _, s := range sh {
		for i, seed := range h.seeds {
			// s is already a well-mixed 64-bit hash: one multiply and
			// xor-shift per function is enough to decorrelate the minima
			// (full SplitMix here cost twice as much for no measurable gain).
			v := (s ^ seed) * 0x9E3779B97F4A7C15
			v ^= v >> 29
			if v < sig[i] {
				sig[i] = v
			}
		}
	}
	return Sketch{Sig: sig, Shingles: len(sh)}
}

// Jaccard estimates the Jaccard similarity of the two shingle sets: the share
// of hash functions on which the minima agree. Signatures of different length
// (or empty ones) compare as 0.
func Jaccard(a, b Signature) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	eq := 0
	for i := range a {
		if a[i] == b[i] {
			eq++
		}
	}
	return float64(eq) / float64(len(a))
}

// Containment estimates |A∩B| / min(|A|,|B|) from the Jaccard estimate and the
// set sizes: a copy that drops paragraphs has low Jaccard with the original
// but is almost entirely contained in it.
func Containment(a, b Sketch) float64 {
	return containment(Jaccard(a.Sig, b.Sig), a.Shingles, b.Shingles)
}

func containment(j float64, na, nb int) float64 {
	m := min(na, nb)
	if m == 0 {
		return 0
	}
	inter := j * float64(na+nb) / (1 + j)
	return math.Min(1, inter/float64(m))
}

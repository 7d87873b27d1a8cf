package dedup

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// trueJaccard is the exact Jaccard of the shingle sets, the quantity MinHash
// estimates.
func trueJaccard(h *Hasher, a, b string) float64 {
	sa := h.Shingles(WordHashes(a))
	sb := h.Shingles(WordHashes(b))
	set := make(map[uint64]int)
	for _, s := range sa {
		set[s] |= 1
	}
	for _, s := range sb {
		set[s] |= 2
	}
	inter := 0
	for _, v := range set {
		if v == 3 {
			inter++
		}
	}
	if len(set) == 0 {
		return 0
	}
	return float64(inter) / float64(len(set))
}

func wordsGen() *rapid.Generator[[]string] {
	vocab := strings.Fields("the a minister said on tuesday that talks in geneva would resume after " +
		"quake struck city killing people rescue teams searched rubble oil prices rose percent bank " +
		"shares fell market report police arrested man court sentenced life prison storm flood")
	return rapid.SliceOfN(rapid.SampledFrom(vocab), 5, 120)
}

func TestJaccardEstimateProperty(t *testing.T) {
	h := NewHasher(128, 3)
	rapid.Check(t, func(t *rapid.T) {
		a := wordsGen().Draw(t, "a")
		// b shares a prefix of a and continues differently, so the true
		// Jaccard ranges over [0, 1].
		cut := rapid.IntRange(0, len(a)).Draw(t, "cut")
		b := append(append([]string{}, a[:cut]...), wordsGen().Draw(t, "tail")...)
		ta, tb := strings.Join(a, " "), strings.Join(b, " ")
		want := trueJaccard(h, ta, tb)
		got := Jaccard(h.Sketch(ta).Sig, h.Sketch(tb).Sig)
		// Standard error is at most 0.5/sqrt(128) ≈ 0.044; 0.2 is 4.5 of them.
		if math.Abs(got-want) > 0.2 {
			t.Fatalf("estimate %.3f, true Jaccard %.3f", got, want)
		}
	})
}

func TestSketchIgnoresCaseAndPunctuation(t *testing.T) {
	h := NewHasher(64, 4)
	rapid.Check(t, func(t *rapid.T) {
		w := wordsGen().Draw(t, "w")
		a := strings.Join(w, " ")
		b := strings.ToUpper(strings.Join(w, " ,\n  "))
		if j := Jaccard(h.Sketch(a).Sig, h.Sketch(b).Sig); j != 1 {
			t.Fatalf("same words, different case and punctuation: Jaccard %.3f", j)
		}
	})
}

func TestLSHFindsHighSimilarity(t *testing.T) {
	// A pair with Jaccard >= 0.7 collides in at least one of 42 bands of 3
	// rows with probability >= 1-(1-0.7^3)^42 > 0.999999; over the cases
	// drawn a miss would be a bug, not bad luck.
	rapid.Check(t, func(t *rapid.T) {
		d := NewDetector(Options{Jaccard: 0.6})
		w := rapid.SliceOfN(rapid.StringMatching(`[a-z]{3,8}`), 60, 200).Draw(t, "w")
		i := rapid.IntRange(0, len(w)-1).Draw(t, "i")
		v := append(append([]string{}, w[:i]...), w[i+1:]...) // one word deleted
		a, b := strings.Join(w, " "), strings.Join(v, " ")
		if trueJaccard(d.Hasher(), a, b) < 0.7 {
			t.Skip("pair not similar enough")
		}
		d.Add(1, "", d.Hasher().Sketch(a), time.Time{})
		r := d.Add(2, "", d.Hasher().Sketch(b), time.Time{})
		if !r.Duplicate || r.Group != 1 {
			t.Fatalf("one-word edit not found: %+v", r)
		}
	})
}

func TestDetector(t *testing.T) {
	base := "Rescue teams searched the rubble of collapsed buildings on Tuesday after a magnitude 6.4 earthquake struck the city of Izmir, killing at least 20 people. "
	more := "The governor said 300 people had been injured and that schools would stay closed for a week while engineers inspect them. "
	tail := "Aftershocks continued through the night, and thousands of residents slept outdoors in parks and stadiums."
	day := time.Date(2020, 10, 30, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		prev string
		text string
		hash [2]string
		gap  time.Duration
		dup  bool
		exct bool
	}{
		{"exact hash", base + more, "whatever", [2]string{"h1", "h1"}, 0, true, true},
		{"reformatted copy", base + more + tail, strings.ReplaceAll(base+more+tail, " ", "\n "), [2]string{"h1", "h2"}, time.Hour, true, false},
		{"paragraph dropped", base + more + tail, base + tail, [2]string{"h1", "h2"}, time.Hour, true, false},
		{"different article", base + more + tail, "Oil prices rose two percent on Monday as traders bet that producers would extend output cuts into next year, analysts said.", [2]string{"h1", "h2"}, time.Hour, false, false},
		{"copy outside window", base + more + tail, base + more + tail, [2]string{"", ""}, 30 * 24 * time.Hour, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := NewDetector(Options{})
			h := d.Hasher()
			d.Add(1, c.hash[0], h.Sketch(c.prev), day)
			r := d.Add(2, c.hash[1], h.Sketch(c.text), day.Add(c.gap))
			if r.Duplicate != c.dup || r.Exact != c.exct {
				t.Fatalf("got %+v, want duplicate=%v exact=%v", r, c.dup, c.exct)
			}
			if c.dup && (r.Group != 1 || r.Of != 1) {
				t.Fatalf("group %d of %d, want 1", r.Group, r.Of)
			}
		})
	}
}

func TestDetectorBounded(t *testing.T) {
	d := NewDetector(Options{MaxEntries: 50})
	h := d.Hasher()
	for i := range 500 {
		d.Add(int64(i+1), fmt.Sprint(i), h.Sketch(fmt.Sprintf("article number %d about topic %d", i, i*7)), time.Time{})
		if d.Len() > 50 {
			t.Fatalf("index holds %d entries, cap 50", d.Len())
		}
	}
	if len(d.exact) > 50 {
		t.Fatalf("exact map holds %d hashes, cap 50", len(d.exact))
	}
}

func FuzzWordHashes(f *testing.F) {
	f.Add("Hello, world!")
	f.Add("Ünïcödé — “quotes” 123")
	f.Add("\xff\xfe broken utf8")
	f.Fuzz(func(t *testing.T, s string) {
		h := NewHasher(16, 3)
		sk := h.Sketch(s)
		if len(sk.Sig) != 0 && len(sk.Sig) != 16 {
			t.Fatalf("signature length %d", len(sk.Sig))
		}
		if len(sk.Sig) > 0 && Jaccard(sk.Sig, h.Sketch(s).Sig) != 1 {
			t.Fatal("sketch not deterministic")
		}
	})
}

func BenchmarkSketch(b *testing.B) {
	text := strings.Repeat("Rescue teams searched the rubble of collapsed buildings on Tuesday after a magnitude 6.4 earthquake struck. ", 12)
	h := NewHasher(128, 4)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		h.Sketch(text)
	}
}

func TestDetectorCrowdedBuckets(t *testing.T) {
	// One press release run 3,000 times: every copy must still be found,
	// and no bucket may grow past its cap (or Add turns linear).
	d := NewDetector(Options{})
	text := "The ministry said on Monday that the new rules on imports of steel and aluminium would take effect next month after talks with trading partners."
	for i := range 3000 {
		r := d.Add(int64(i+1), "", d.Hasher().Sketch(fmt.Sprintf("%s Ref %d.", text, i)), time.Time{})
		if i > 0 && (!r.Duplicate || r.Group != 1) {
			t.Fatalf("copy %d: %+v", i+1, r)
		}
	}
	for k, b := range d.buckets {
		if len(b) > maxBucket {
			t.Fatalf("bucket %x holds %d entries, cap %d", k, len(b), maxBucket)
		}
	}
}

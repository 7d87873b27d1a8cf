package dedup

import (
	"time"
)

// Options configure a Detector. The zero value of a field means its default.
type Options struct {
	Hashes int // MinHash functions (signature length); default 126
	// Bands is the number of LSH bands of Hashes/Bands rows each; default 42
	// (3 rows): a pair at Jaccard 0.5 becomes a candidate with probability
	// 0.996, one at 0.2 with 0.29 (and is then rejected on its estimate).
	Bands int
	// Words per shingle; default 3. Three-word shingles survive scattered
	// word substitutions better than longer ones, and wire copy has no
	// boilerplate long enough to make distinct stories share many of them.
	Words int
	// Jaccard is the estimated shingle Jaccard at or above which a document
	// is a copy; default 0.5.
	Jaccard     float64
	Containment float64 // a document at least this much contained in another is a copy; default 0.8
	// MinShingles is the size below which containment alone is not trusted
	// (a one-line brief is "contained" in many articles); default 25.
	MinShingles int
	// Window drops documents older than the newest seen minus Window from the
	// index; 0 means 14 days. Undated documents only age out by MaxEntries.
	Window time.Duration
	// MaxEntries bounds the index whatever the dates; default 200,000.
	MaxEntries int
}

func (o Options) withDefaults() Options {
	if o.Hashes <= 0 {
		o.Hashes = 126
	}
	if o.Bands <= 0 || o.Bands > o.Hashes {
		o.Bands = min(42, o.Hashes)
	}
	if o.Words <= 0 {
		o.Words = 3
	}
	if o.Jaccard <= 0 {
		o.Jaccard = 0.5
	}
	if o.Containment <= 0 {
		o.Containment = 0.8
	}
	if o.MinShingles <= 0 {
		o.MinShingles = 25
	}
	if o.Window <= 0 {
		o.Window = 14 * 24 * time.Hour
	}
	if o.MaxEntries <= 0 {
		o.MaxEntries = 200_000
	}
	return o
}

// maxBucket caps the entries of one LSH bucket.
const maxBucket = 64

// Result says whether an added document copies one seen before.
type Result struct {
	// Group is the duplicate group: the ID of its canonical (first seen)
	// member. A document that copies nothing opens its own group.
	Group     int64
	Duplicate bool
	Exact     bool    // same content hash as Of
	Of        int64   // the earlier document it matched, 0 when none
	Jaccard   float64 // estimated shingle Jaccard with Of
	Contained float64 // estimated containment with Of
}

type entry struct {
	id     int64
	group  int64
	hash   string
	sketch Sketch
	when   time.Time
	keys   []uint64 // band keys, to remove the entry from its buckets
}

// Detector is an online near-duplicate detector over a stream of documents.
// It holds at most MaxEntries documents and forgets those that fall out of
// the time window, so memory is bounded on an endless stream. It is not safe
// for concurrent use: one stream, one goroutine (Sketch, the costly part, may
// be computed concurrently beforehand).
type Detector struct {
	opt     Options
	hasher  *Hasher
	rows    int
	buckets map[uint64][]int64 // band key -> entry sequence numbers
	exact   map[string]int64   // content hash -> entry sequence number
	queue   []entry            // entries in insertion order; queue[0] has sequence number base
	base    int64
	newest  time.Time
	seen    map[int64]struct{} // scratch for match, reused to spare allocations
}

// NewDetector returns an empty detector.
func NewDetector(opt Options) *Detector {
	opt = opt.withDefaults()
	return &Detector{
		opt:     opt,
		hasher:  NewHasher(opt.Hashes, opt.Words),
		rows:    opt.Hashes / opt.Bands,
		buckets: make(map[uint64][]int64),
		exact:   make(map[string]int64),
		seen:    make(map[int64]struct{}),
	}
}

// Hasher is the hasher whose sketches Add expects.
func (d *Detector) Hasher() *Hasher { return d.hasher }

// Len is the number of documents the index holds now.
func (d *Detector) Len() int { return len(d.queue) }

// bandKeys hashes each band of the signature, with the band number mixed in
// so equal rows in different bands do not collide.
func (d *Detector) bandKeys(sig Signature) []uint64 {
	if len(sig) == 0 {
		return nil
	}
	keys := make([]uint64, d.opt.Bands)
	for b := range keys {
		k := splitmix(uint64(b) + 1)
		for _, v := range sig[b*d.rows : (b+1)*d.rows] {
			k = splitmix(k ^ v)
		}
		keys[b] = k
	}
	return keys
}

// Add records a document and reports whether it copies one already indexed.
// hash is its content hash ("" when unknown); t its date (zero when unknown).
func (d *Detector) Add(id int64, hash string, sk Sketch, t time.Time) Result {
	if t.After(d.newest) {
		d.newest = t
	}
	d.expire()
	res := Result{Group: id}
	if seq, ok := d.exact[hash]; ok && hash != "" {
		e := &d.queue[seq-d.base]
		res = Result{Group: e.group, Duplicate: true, Exact: true, Of: e.id, Jaccard: 1, Contained: 1}
	}
	keys := d.bandKeys(sk.Sig)
	if !res.Duplicate {
		res = d.match(id, sk, keys)
	}
	seq := d.base + int64(len(d.queue))
	d.queue = append(d.queue, entry{id: id, group: res.Group, hash: hash, sketch: sk, when: t, keys: keys})
	for _, k := range keys {
		b := d.buckets[k]
		if len(b) >= maxBucket {
			// A band this crowded holds copies of one text (a press release
			// run by every outlet): the newest few are enough to match the
			// next copy, and scanning them all would make Add linear.
			b = append(b[:0:0], b[len(b)-maxBucket/2:]...)
		}
		d.buckets[k] = append(b, seq)
	}
	if hash != "" && !res.Exact {
		d.exact[hash] = seq
	}
	return res
}

// match finds the best earlier document among the LSH candidates: highest
// Jaccard among those that pass either test.
func (d *Detector) match(id int64, sk Sketch, keys []uint64) Result {
	res := Result{Group: id}
	seen := d.seen
	clear(seen)
	best := -1.0
	for _, k := range keys {
		for _, seq := range d.buckets[k] {
			if _, ok := seen[seq]; ok {
				continue
			}
			seen[seq] = struct{}{}
			e := &d.queue[seq-d.base]
			j := Jaccard(sk.Sig, e.sketch.Sig)
			if j <= best {
				continue
			}
			c := containment(j, sk.Shingles, e.sketch.Shingles)
			dup := j >= d.opt.Jaccard ||
				(c >= d.opt.Containment && min(sk.Shingles, e.sketch.Shingles) >= d.opt.MinShingles)
			if dup {
				best = j
				res = Result{Group: e.group, Duplicate: true, Of: e.id, Jaccard: j, Contained: c}
			}
		}
	}
	return res
}

// expire drops entries from the head of the queue while the index is over
// capacity or the head is older than the window. The queue is in arrival
// order, which for a news stream is close to date order; an old article that
// arrives late simply stays until it reaches the head.
func (d *Detector) expire() {
	cutoff := d.newest.Add(-d.opt.Window)
	for len(d.queue) > 0 {
		e := &d.queue[0]
		over := len(d.queue) >= d.opt.MaxEntries
		stale := !e.when.IsZero() && !d.newest.IsZero() && e.when.Before(cutoff)
		if !over && !stale {
			break
		}
		seq := d.base
		for _, k := range e.keys {
			d.buckets[k] = removeSeq(d.buckets[k], seq)
			if len(d.buckets[k]) == 0 {
				delete(d.buckets, k)
			}
		}
		if e.hash != "" && d.exact[e.hash] == seq {
			delete(d.exact, e.hash)
		}
		d.queue[0] = entry{}
		d.queue = d.queue[1:]
		d.base++
	}
	// Re-slice into a fresh array now and then so the dropped head is freed.
	if cap(d.queue) > 2*len(d.queue)+1024 {
		d.queue = append(make([]entry, 0, len(d.queue)+len(d.queue)/4), d.queue...)
	}
}

func removeSeq(s []int64, seq int64) []int64 {
	for i, v := range s {
		if v == seq {
			return append(s[:i], s[i+1:]...)
		}
	}
	return s
}

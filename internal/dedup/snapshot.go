package dedup

import (
	"fmt"
	"maps"
	"time"
)

// Snapshot is a Detector's whole state in exported form (for encoding/gob):
// a detector restored from it answers every later Add exactly as the one it
// was taken from would have.
type Snapshot struct {
	Options Options
	Entries []SnapshotEntry
	Base    int64
	Newest  time.Time
	// Buckets and Exact are saved as they are, not rebuilt from the entries:
	// crowded buckets were trimmed (maxBucket), and rebuilding would bring
	// back what Add dropped.
	Buckets map[uint64][]int64
	Exact   map[string]int64
}

// SnapshotEntry is one indexed document.
type SnapshotEntry struct {
	ID, Group int64
	Hash      string
	Sketch    Sketch
	When      time.Time
	Keys      []uint64
}

// Snapshot returns the detector's state. It shares no memory with the
// detector.
func (d *Detector) Snapshot() *Snapshot {
	s := &Snapshot{Options: d.opt, Base: d.base, Newest: d.newest,
		Buckets: make(map[uint64][]int64, len(d.buckets)), Exact: maps.Clone(d.exact)}
	for k, b := range d.buckets {
		s.Buckets[k] = append([]int64(nil), b...)
	}
	s.Entries = make([]SnapshotEntry, len(d.queue))
	for i, e := range d.queue {
		s.Entries[i] = SnapshotEntry{ID: e.id, Group: e.group, Hash: e.hash, When: e.when,
			Sketch: Sketch{Sig: append(Signature(nil), e.sketch.Sig...), Shingles: e.sketch.Shingles},
			Keys:   append([]uint64(nil), e.keys...)}
	}
	return s
}

// RestoreDetector rebuilds a detector from a snapshot. The snapshot must
// come from a detector with the same options (after defaults): signatures
// of different lengths or shingle sizes do not compare.
func RestoreDetector(s *Snapshot, opt Options) (*Detector, error) {
	d := NewDetector(opt)
	if s.Options != d.opt {
		return nil, fmt.Errorf("dedup snapshot: taken with options %+v, restoring with %+v", s.Options, d.opt)
	}
	d.base, d.newest = s.Base, s.Newest
	d.queue = make([]entry, len(s.Entries))
	for i, e := range s.Entries {
		if len(e.Sketch.Sig) != 0 && len(e.Sketch.Sig) != d.opt.Hashes {
			return nil, fmt.Errorf("dedup snapshot: entry %d has a signature of %d hashes, want %d", e.ID, len(e.Sketch.Sig), d.opt.Hashes)
		}
		d.queue[i] = entry{id: e.ID, group: e.Group, hash: e.Hash, sketch: e.Sketch, when: e.When, keys: e.Keys}
	}
	last := d.base + int64(len(d.queue))
	for k, b := range s.Buckets {
		for _, seq := range b {
			if seq < d.base || seq >= last {
				return nil, fmt.Errorf("dedup snapshot: bucket entry %d outside the queue [%d, %d)", seq, d.base, last)
			}
		}
		d.buckets[k] = b
	}
	for h, seq := range s.Exact {
		if seq < d.base || seq >= last {
			return nil, fmt.Errorf("dedup snapshot: exact-hash entry %d outside the queue [%d, %d)", seq, d.base, last)
		}
		d.exact[h] = seq
	}
	return d, nil
}

package ner

// featureTable maps feature keys to weight rows with open addressing and
// linear probing: one or two cache lines per lookup where a Go map touches
// more, and lookups are most of the tagger's time. Keys are mixed hashes, so
// their low bits index the table directly; 0 marks an empty slot (no feature
// key is 0: mix never yields it for the templates in use, and tBias is 1).
type featureTable struct {
	keys []uint64
	rows []int32
	mask uint64
}

func newFeatureTable(index map[uint64]int32) featureTable {
	size := 1
	for size < 2*len(index)+1 {
		size <<= 1
	}
	t := featureTable{keys: make([]uint64, size), rows: make([]int32, size), mask: uint64(size - 1)}
	for k, r := range index {
		if k == 0 {
			continue
		}
		i := k & t.mask
		for t.keys[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.keys[i], t.rows[i] = k, r
	}
	return t
}

// find returns the row of key k, or -1.
func (t *featureTable) find(k uint64) int32 {
	if len(t.keys) == 0 {
		return -1
	}
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case k:
			return t.rows[i]
		case 0:
			return -1
		}
	}
}

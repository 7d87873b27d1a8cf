package dedup

import (
	"bytes"
	"encoding/gob"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// A detector saved mid-stream, encoded, decoded and restored answers the rest
// of the stream exactly as the uninterrupted one: incremental clustering
// depends on it.
func TestSnapshotResumesExactly(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		opt := Options{MaxEntries: rapid.IntRange(2, 30).Draw(t, "max"), Window: 3 * 24 * time.Hour}
		n := rapid.IntRange(1, 60).Draw(t, "n")
		type doc struct {
			text, hash string
			when       time.Time
		}
		base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
		var docs []doc
		for i := range n {
			var d doc
			if i > 0 && rapid.Bool().Draw(t, "copy") {
				d = docs[rapid.IntRange(0, i-1).Draw(t, "of")]
				if rapid.Bool().Draw(t, "edit") {
					d.text += " " + strings.Join(wordsGen().Draw(t, "extra"), " ")
					d.hash = ""
				}
			} else {
				d = doc{text: strings.Join(wordsGen().Draw(t, "words"), " "), hash: rapid.StringMatching(`[a-f]{0,3}`).Draw(t, "hash")}
			}
			if rapid.Bool().Draw(t, "dated") {
				d.when = base.Add(time.Duration(rapid.IntRange(0, 240).Draw(t, "hours")) * time.Hour)
			} else {
				d.when = time.Time{}
			}
			docs = append(docs, d)
		}
		cut := rapid.IntRange(0, n).Draw(t, "cut")

		whole := NewDetector(opt)
		var want []Result
		for i, d := range docs {
			want = append(want, whole.Add(int64(i+1), d.hash, whole.Hasher().Sketch(d.text), d.when))
		}

		first := NewDetector(opt)
		var got []Result
		for i, d := range docs[:cut] {
			got = append(got, first.Add(int64(i+1), d.hash, first.Hasher().Sketch(d.text), d.when))
		}
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(first.Snapshot()); err != nil {
			t.Fatal(err)
		}
		var snap Snapshot
		if err := gob.NewDecoder(&buf).Decode(&snap); err != nil {
			t.Fatal(err)
		}
		second, err := RestoreDetector(&snap, opt)
		if err != nil {
			t.Fatal(err)
		}
		for i, d := range docs[cut:] {
			got = append(got, second.Add(int64(cut+i+1), d.hash, second.Hasher().Sketch(d.text), d.when))
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("doc %d (cut at %d): resumed %+v, uninterrupted %+v", i+1, cut, got[i], want[i])
			}
		}
		if second.Len() != whole.Len() {
			t.Fatalf("index holds %d documents, uninterrupted %d", second.Len(), whole.Len())
		}
	})
}

func TestRestoreRejectsOtherOptions(t *testing.T) {
	d := NewDetector(Options{})
	d.Add(1, "h", d.Hasher().Sketch("the talks resumed in geneva on tuesday after a week"), time.Time{})
	if _, err := RestoreDetector(d.Snapshot(), Options{Hashes: 64}); err == nil {
		t.Fatal("restored a 126-hash snapshot into a 64-hash detector")
	}
	s := d.Snapshot()
	s.Exact["x"] = 99
	if _, err := RestoreDetector(s, Options{}); err == nil {
		t.Fatal("restored a snapshot whose exact-hash index points outside its queue")
	}
}

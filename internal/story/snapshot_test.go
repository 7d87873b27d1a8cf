package story

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// syntheticStream makes n articles about a handful of recurring event kinds
// with changing places and people, some exact and near copies, dates that
// advance over weeks (so stories expire) and some undated.
func syntheticStream(n int, seed uint64) []Features {
	r := rand.New(rand.NewPCG(seed, 7))
	kinds := [][]string{
		strings.Fields("earthquake magnitude struck rubble rescue injured buildings collapsed aftershock toll"),
		strings.Fields("ceasefire talks mediators truce rebels government delegation proposal envoy negotiations"),
		strings.Fields("election votes parliament candidates turnout polling ballots coalition campaign results"),
		strings.Fields("strike workers union wages pay walkout rail factory dispute management"),
		strings.Fields("shares profit quarterly revenue investors earnings forecast market analysts growth"),
	}
	places := strings.Fields("Turkey Chile Varenia Norway Qatar Peru Kenya Japan Brazil Egypt Spain India")
	people := strings.Fields("Soylu Boric Vasik Reinholt Haddad Okafor Tanaka Silva Morales Dubois")
	start := time.Date(2024, 1, 1, 8, 0, 0, 0, time.UTC)
	var out []Features
	for i := range n {
		if i > 0 && r.IntN(8) == 0 {
			f := out[r.IntN(len(out))]
			f.ArticleID = int64(i + 1)
			if r.IntN(2) == 0 {
				f.Text += " Officials gave no further details."
				f.Hash = ""
			}
			out = append(out, f)
			continue
		}
		k := kinds[r.IntN(len(kinds))]
		place, person := places[r.IntN(len(places))], people[r.IntN(len(people))]
		var b strings.Builder
		for s := range 4 + r.IntN(4) {
			fmt.Fprintf(&b, "In %s, %s said the %s and %s continued as %d %s were reported. ", place, person,
				k[r.IntN(len(k))], k[r.IntN(len(k))], 10+r.IntN(90)*(s+1), k[r.IntN(len(k))])
		}
		f := Features{ArticleID: int64(i + 1), Hash: fmt.Sprintf("h%d", i), Title: place + " " + k[0] + " " + k[1],
			Text: b.String(), Source: []string{"wire", "herald", "tribune"}[r.IntN(3)]}
		if r.IntN(5) > 0 {
			f.Published = start.Add(time.Duration(i)*3*time.Hour + time.Duration(r.IntN(48))*time.Hour)
		}
		if r.IntN(2) == 0 {
			f.Entities = []string{"place:" + strings.ToLower(place), "person:" + strings.ToLower(person)}
		}
		if !f.Published.IsZero() && r.IntN(2) == 0 {
			f.Dates = []string{f.Published.Format("2006-01-02")}
		}
		out = append(out, f)
	}
	return out
}

// A clusterer saved after any prefix of a stream, encoded, decoded and
// restored, assigns the rest of the stream and summarises the stories exactly
// as the uninterrupted one: that is what lets a store cluster only its new
// articles.
func TestSnapshotResumesExactly(t *testing.T) {
	stream := syntheticStream(1300, 1)
	opt := Options{MaxActive: 40, Window: 6 * 24 * time.Hour, MergeThreshold: 0.5}
	whole := warmClusterer(opt)
	var want []Assignment
	for _, f := range stream {
		want = append(want, whole.Add(f))
	}
	wantStories := whole.Stories()
	for _, cut := range []int{0, 1, 511, 512, 777, 1299, 1300} {
		t.Run(fmt.Sprint(cut), func(t *testing.T) {
			first := warmClusterer(opt)
			var got []Assignment
			for _, f := range stream[:cut] {
				got = append(got, first.Add(f))
			}
			first.Stories() // summarising must not disturb what follows
			var buf bytes.Buffer
			if err := gob.NewEncoder(&buf).Encode(first.Snapshot()); err != nil {
				t.Fatal(err)
			}
			var snap Snapshot
			if err := gob.NewDecoder(&buf).Decode(&snap); err != nil {
				t.Fatal(err)
			}
			second, err := Restore(&snap, opt)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range stream[cut:] {
				got = append(got, second.Add(f))
			}
			if d := cmp.Diff(want, got, cmpopts.EquateEmpty()); d != "" {
				t.Fatalf("assignments differ (-uninterrupted +resumed):\n%s", d)
			}
			if d := cmp.Diff(wantStories, second.Stories(), cmp.AllowUnexported(Story{}, sparse{}), cmpopts.EquateEmpty()); d != "" {
				t.Fatalf("stories differ (-uninterrupted +resumed):\n%s", d)
			}
		})
	}
	if whole.Active() >= len(wantStories) {
		t.Fatalf("no story expired (%d active of %d): the stream does not exercise expiry", whole.Active(), len(wantStories))
	}
}

func TestRestoreRejectsMismatch(t *testing.T) {
	c := warmClusterer(Options{})
	c.Add(quakeTurkey)
	if _, err := Restore(c.Snapshot(), Options{Threshold: 0.5}); err == nil {
		t.Error("restored a snapshot under other options")
	}
	s := c.Snapshot()
	s.Version++
	if _, err := Restore(s, Options{}); err == nil {
		t.Error("restored a snapshot of another version")
	}
	s = c.Snapshot()
	s.Active[0].Terms.IDs[0] = int32(len(s.Names))
	if _, err := Restore(s, Options{}); err == nil {
		t.Error("restored a story vector pointing outside the vocabulary")
	}
	s = c.Snapshot()
	s.DF = s.DF[1:]
	if _, err := Restore(s, Options{}); err == nil {
		t.Error("restored a vocabulary with a missing count")
	}
}

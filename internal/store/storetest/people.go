package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/store"
)

// peopleTests are the PeopleStore cases.
var peopleTests = []struct {
	name string
	fn   func(*testing.T, store.Store)
}{
	{"PeopleSumSightings", testPeopleSum},
	{"PeopleReanalysisReplaces", testPeopleReanalysis},
	{"PeopleCatchUp", testPeopleCatchUp},
	{"PeopleConcurrentWriters", testPeopleConcurrent},
}

func scholz(title string, context ...string) store.Sighting {
	s := store.Sighting{Key: "person:olaf scholz", Name: "Olaf Scholz", Times: 1, Context: context, Surnames: []string{"scholz"}}
	if title != "" {
		s.Titles = []string{title}
	}
	return s
}

func sighted(t *testing.T, s store.Store, raw string, people ...store.Sighting) int64 {
	t.Helper()
	id := put(t, s, Article(raw))
	if err := s.PutAnalysisPeople(context.Background(), id, &article.Analysis{Version: "v1"}, people); err != nil {
		t.Fatalf("PutAnalysisPeople: %v", err)
	}
	return id
}

func people(t *testing.T, s store.Store, q store.PeopleQuery) []store.Person {
	t.Helper()
	got, err := s.People(context.Background(), q)
	if err != nil {
		t.Fatalf("People(%+v): %v", q, err)
	}
	return got
}

func testPeopleSum(t *testing.T, s store.Store) {
	first := scholz("chancellor", "country:deu", "city:berlin")
	first.Name = "Olaf SCHOLZ" // the lowest article's name is the person's
	sighted(t, s, "a1", first)
	sighted(t, s, "a2", scholz("finance minister", "city:berlin", "org:spd"),
		store.Sighting{Key: "person:anna smith", Name: "Anna Smith", Times: 2, Surnames: []string{"smith"}, Context: []string{"person:olaf scholz"}})
	sighted(t, s, "a3") // no people at all

	want := []store.Person{{Key: "person:olaf scholz", Name: "Olaf SCHOLZ", Articles: 2,
		Titles: []string{"chancellor", "finance minister"}, Context: []string{"city:berlin", "country:deu", "org:spd"}}}
	if got := people(t, s, store.PeopleQuery{Surnames: []string{"scholz", "al-scholz"}, Everything: true}); !cmp.Equal(got, want) {
		t.Errorf("by surname, everything:\n%s", cmp.Diff(want, got))
	}
	// Linking asks only for the titles and context of its article.
	cut := []store.Person{{Key: "person:olaf scholz", Titles: []string{"chancellor"}, Context: []string{"city:berlin", "org:spd"}}}
	q := store.PeopleQuery{Surnames: []string{"scholz"}, Titles: []string{"mayor", "chancellor"}, Context: []string{"org:spd", "org:cdu", "city:berlin", "org:spd"}}
	if got := people(t, s, q); !cmp.Equal(got, cut) {
		t.Errorf("by surname, cut to the article:\n%s", cmp.Diff(cut, got))
	}
	// Counts adds the article count, and nothing else, to the cut.
	q.Counts = true
	cut[0].Articles = 2
	if got := people(t, s, q); !cmp.Equal(got, cut) {
		t.Errorf("by surname, cut, with counts:\n%s", cmp.Diff(cut, got))
	}
	all := people(t, s, store.PeopleQuery{All: true, Everything: true})
	if len(all) != 2 || all[0].Key != "person:anna smith" || all[0].Articles != 2 || all[1].Key != "person:olaf scholz" {
		t.Errorf("all people: %+v", all)
	}
	if got := people(t, s, store.PeopleQuery{Keys: []string{"person:anna smith"}}); len(got) != 1 || got[0].Titles != nil || got[0].Context != nil {
		t.Errorf("by key, nothing asked of titles and context: %+v", got)
	}
	if got := people(t, s, store.PeopleQuery{Surnames: []string{"merkel"}}); len(got) != 0 {
		t.Errorf("unknown surname: %+v", got)
	}
}

func testPeopleReanalysis(t *testing.T, s store.Store) {
	ctx := context.Background()
	a1 := sighted(t, s, "a1", scholz("chancellor", "city:berlin"))
	a2 := sighted(t, s, "a2", scholz("", "org:spd"))
	// Re-analysing replaces the article's sightings: never counted twice.
	for range 3 {
		if err := s.PutAnalysisPeople(ctx, a1, &article.Analysis{Version: "v2"}, []store.Sighting{scholz("mayor", "city:hamburg")}); err != nil {
			t.Fatal(err)
		}
	}
	want := []store.Person{{Key: "person:olaf scholz", Name: "Olaf Scholz", Articles: 2,
		Titles: []string{"mayor"}, Context: []string{"city:hamburg", "org:spd"}}}
	if got := people(t, s, store.PeopleQuery{Surnames: []string{"scholz"}, Everything: true}); !cmp.Equal(got, want) {
		t.Errorf("after re-analysis:\n%s", cmp.Diff(want, got))
	}
	// A person no registered article names any more is unknown.
	for _, id := range []int64{a1, a2} {
		if err := s.PutAnalysisPeople(ctx, id, &article.Analysis{Version: "v3"}, nil); err != nil {
			t.Fatal(err)
		}
	}
	if got := people(t, s, store.PeopleQuery{Surnames: []string{"scholz"}, All: true}); len(got) != 0 {
		t.Errorf("people after every sighting was analysed away: %+v", got)
	}
}

func testPeopleCatchUp(t *testing.T, s store.Store) {
	ctx := context.Background()
	a1 := sighted(t, s, "a1", scholz("chancellor"))
	a2 := put(t, s, Article("a2"))
	if err := s.PutAnalysis(ctx, a2, &article.Analysis{Version: "v1"}); err != nil {
		t.Fatal(err)
	}
	put(t, s, Article("a3")) // never analysed: nothing to register
	// Plain PutAnalysis drops the article's sightings and leaves it for a catch-up.
	if err := s.PutAnalysis(ctx, a1, &article.Analysis{Version: "v2"}); err != nil {
		t.Fatal(err)
	}
	ids, err := s.UnregisteredAnalyses(ctx, 0)
	if err != nil || !cmp.Equal(ids, []int64{a1, a2}) {
		t.Fatalf("UnregisteredAnalyses = %v, %v; want [%d %d]", ids, err, a1, a2)
	}
	if ids, _ := s.UnregisteredAnalyses(ctx, 1); len(ids) != 1 {
		t.Errorf("limit 1: %v", ids)
	}
	if got := people(t, s, store.PeopleQuery{All: true}); len(got) != 0 {
		t.Errorf("sightings of a re-analysed, unregistered article remain: %+v", got)
	}
	for _, id := range []int64{a1, a2} {
		wrote, err := s.RegisterPeople(ctx, id, []store.Sighting{scholz("chancellor")})
		if err != nil || !wrote {
			t.Fatalf("RegisterPeople(%d) = %v, %v", id, wrote, err)
		}
	}
	// A second catch-up (another process) finds nothing left and writes nothing.
	if wrote, err := s.RegisterPeople(ctx, a1, []store.Sighting{scholz("mayor")}); err != nil || wrote {
		t.Errorf("RegisterPeople of a registered article = %v, %v", wrote, err)
	}
	if ids, _ := s.UnregisteredAnalyses(ctx, 0); len(ids) != 0 {
		t.Errorf("unregistered after the catch-up: %v", ids)
	}
	want := []store.Person{{Key: "person:olaf scholz", Name: "Olaf Scholz", Articles: 2, Titles: []string{"chancellor"}}}
	if got := people(t, s, store.PeopleQuery{Surnames: []string{"scholz"}, Everything: true}); !cmp.Equal(got, want) {
		t.Errorf("after the catch-up:\n%s", cmp.Diff(want, got))
	}
	if wrote, err := s.RegisterPeople(ctx, 999, nil); err != nil || wrote {
		t.Errorf("RegisterPeople(missing) = %v, %v", wrote, err)
	}
}

// testPeopleConcurrent has workers analyse and re-analyse articles naming
// the same person at once, as distributed workers do: every article counts
// exactly once.
func testPeopleConcurrent(t *testing.T, s store.Store) {
	ctx := context.Background()
	const workers, each = 4, 10
	ids := make([]int64, workers*each)
	for i := range ids {
		ids[i] = put(t, s, Article(fmt.Sprintf("article %d", i)))
	}
	var wg sync.WaitGroup
	errs := make(chan error, 2*len(ids))
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range ids {
				if i%workers != w && i%3 != 0 { // every third article is analysed by all workers
					continue
				}
				sg := scholz("", fmt.Sprintf("org:%d", w))
				if err := s.PutAnalysisPeople(ctx, ids[i], &article.Analysis{Version: "v1"}, []store.Sighting{sg}); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	got := people(t, s, store.PeopleQuery{Surnames: []string{"scholz"}, Everything: true})
	if len(got) != 1 || got[0].Articles != len(ids) {
		t.Errorf("people = %+v, want one seen in %d articles", got, len(ids))
	}
}

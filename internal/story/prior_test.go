package story

import (
	"bytes"
	"testing"
	"time"
)

func TestPriorRoundTrip(t *testing.T) {
	p := NewPrior()
	p.Observe(Features{Title: "Oil prices rise", Text: "Oil prices rose 3 percent on Monday."})
	p.Observe(Features{Title: "Wheat", Text: "Wheat prices fell."})
	if p.Docs != 2 || p.DF[stem("prices")] != 2 || p.DF[stem("wheat")] != 1 {
		t.Fatalf("counts: %+v", p)
	}
	p.Prune(2)
	if _, ok := p.DF[stem("wheat")]; ok {
		t.Error("prune kept a term below the minimum")
	}
	var buf bytes.Buffer
	if err := p.Write(&buf); err != nil {
		t.Fatal(err)
	}
	q, err := ReadPrior(&buf)
	if err != nil || q.Docs != 2 || len(q.DF) != len(p.DF) || q.DF[stem("prices")] != 2 {
		t.Fatalf("round trip: %+v %v", q, err)
	}
	if _, err := ReadPrior(bytes.NewReader([]byte("not gzip"))); err == nil {
		t.Error("garbage read as a prior")
	}
}

func TestDefaultPriorLoads(t *testing.T) {
	p, err := DefaultPrior()
	if err != nil {
		t.Fatal(err)
	}
	if p.Docs < 10000 || p.DF[stem("market")] < uint32(p.Docs/20) {
		t.Errorf("the committed prior looks wrong: %d docs, df(market)=%d", p.Docs, p.DF[stem("market")])
	}
}

// Two outlets' versions of one report share their salient words; with IDF
// learned from these few articles alone those words look common, so the
// prior is what lets the rewrite join the first report's story.
func TestWarmStartJoinsRewritesOfASmallCorpus(t *testing.T) {
	day := time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)
	docs := []Features{
		{ArticleID: 1, Source: "A", Published: day, Title: "Varenia and Kessel rebels agree to ceasefire talks in Doha",
			Text: "The government of Varenia and the rebel Kessel Liberation Front have agreed to hold their first direct ceasefire talks in two years, Qatari Foreign Minister Layla Al-Mansouri said on Monday. The talks will open in Doha on Thursday."},
		{ArticleID: 2, Source: "B", Published: day, Title: "Ceasefire talks on Varenia to begin in Qatar this week",
			Text: "Varenia's government and the Kessel Liberation Front will sit down in Doha on Thursday for their first face-to-face negotiations since 2024, mediators announced on Monday. Qatar's foreign minister, Layla Al-Mansouri, said the delegations had accepted an agenda."},
		{ArticleID: 3, Source: "C", Published: day.AddDate(0, 0, 2), Title: "Strong earthquake hits southern Varenia, killing at least 38",
			Text: "A magnitude 6.4 earthquake struck southern Varenia late on Tuesday, killing at least 38 people and destroying hundreds of homes around the town of Belvar, officials said."},
	}
	p, err := DefaultPrior()
	if err != nil {
		t.Fatal(err)
	}
	c := NewClusterer(Options{})
	c.Warm(p)
	var got []int64
	for _, f := range docs {
		got = append(got, c.Add(f).StoryID)
	}
	if got[0] != got[1] || got[2] == got[0] {
		t.Errorf("stories %v: want the two talks reports together and the earthquake apart", got)
	}
}

package compose

import (
	"math"
	"testing"
	"time"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestNgramsPreprocess(t *testing.T) {
	got := ngrams([]string{"The protesters were protesting in Cairo's streets."}, 1)
	// Stop words go, words longer than three letters are stemmed.
	want := map[string]int{"protest": 2, "cairo": 1, "street": 1}
	if len(got) != len(want) {
		t.Fatalf("ngrams = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("ngrams[%q] = %d, want %d (all: %v)", k, got[k], v, got)
		}
	}
	if bi := ngrams([]string{"police fired tear gas"}, 2); bi["polic fire"] != 1 || bi["tear gas"] != 1 || len(bi) != 3 {
		t.Errorf("bigrams = %v", bi)
	}
}

func TestAlignROUGE(t *testing.T) {
	d1, d2, d5 := day("2011-01-25"), day("2011-01-26"), day("2011-01-29")
	ref := Timeline{d1: {"protesters fill Cairo streets"}, d2: {"police fire tear gas"}}
	tests := []struct {
		name  string
		pred  Timeline
		wantF float64
	}{
		{"identical", Timeline{d1: {"protesters fill Cairo streets"}, d2: {"police fire tear gas"}}, 1},
		{"empty", Timeline{}, 0},
		{"nothing shared", Timeline{d1: {"weather sunny tomorrow"}}, 0},
		// One day off. A date present on both sides costs nothing to align
		// whatever its content (tilse's cost is date factor × content factor),
		// so reference 01-26 takes predicted 01-26 and finds nothing there:
		// P = (4/2 + 4/2)/8, R = (4/2 + 0)/8, F = 1/3.
		{"shifted by a day", Timeline{d2: {"protesters fill Cairo streets"}, day("2011-01-27"): {"police fire tear gas"}}, 1.0 / 3},
	}
	for _, tt := range tests {
		got := AlignROUGE(tt.pred, ref, 1)
		if !near(got.F, tt.wantF) {
			t.Errorf("%s: F = %v (%+v), want %v", tt.name, got.F, got, tt.wantF)
		}
	}
	// m:1: two predicted dates may align to one reference date. The far
	// date's content matches d2 exactly, so it aligns there at 1/4 weight.
	p := AlignROUGE(Timeline{d1: {"protesters fill Cairo streets"}, d5: {"police fire tear gas"}}, ref, 1)
	// precision: 4 hits at d1 + 4*(1/4) at d5 over 8 n-grams; recall: same.
	if !near(p.P, 5.0/8) || !near(p.R, 5.0/8) {
		t.Errorf("m:1 alignment P/R = %v/%v, want %v", p.P, p.R, 5.0/8)
	}
}

func TestDateF1(t *testing.T) {
	ref := Timeline{day("2020-01-01"): nil, day("2020-01-02"): nil, day("2020-01-03"): nil, day("2020-01-04"): nil}
	pred := Timeline{day("2020-01-01"): nil, day("2020-01-09"): nil}
	got := DateF1(pred, ref)
	if !near(got.P, 0.5) || !near(got.R, 0.25) || !near(got.F, 1.0/3) {
		t.Errorf("DateF1 = %+v", got)
	}
}

func TestParseGoldTimeline(t *testing.T) {
	tl, err := ParseGoldTimeline([]byte(`[{"date":"2011-01-25","text":" First sentence .  Second one . "},{"date":"2011-01-26","text":"Only ."}]`))
	if err != nil {
		t.Fatal(err)
	}
	if got := tl[day("2011-01-25")]; len(got) != 2 || got[1] != "Second one ." {
		t.Errorf("sentences = %q", got)
	}
	if _, err := ParseGoldTimeline([]byte(`[{"date":"25/01/2011","text":"x"}]`)); err == nil {
		t.Error("accepted a bad date")
	}
}

// TestBuildTimelineSmall runs the date-wise builder on a hand-made corpus:
// the day named most often comes first and is summarised by the sentence
// nearest the centroid of its candidates.
func TestBuildTimelineSmall(t *testing.T) {
	arts := []TLSArticle{
		{DCT: day("2011-01-26"), Text: "Thousands of protesters marched in Cairo on January 25 , 2011 , demanding reform . " +
			"Police fired tear gas at protesters in Cairo on January 25 , 2011 . The weather was mild ."},
		{DCT: day("2011-01-28"), Text: "Protesters returned to Cairo on January 27 , 2011 , after a night of clashes with police in the city ." +
			" On January 25 , 2011 , protesters marched through Cairo demanding political reform ."},
	}
	c := PrepareTLS(arts)
	tl := c.BuildTimeline(TLSOptions{Dates: 1, PerDate: 1})
	if len(tl) != 1 {
		t.Fatalf("timeline = %v, want one date", tl)
	}
	sents, ok := tl[day("2011-01-25")]
	if !ok || len(sents) != 1 {
		t.Fatalf("timeline = %v, want 2011-01-25 with one sentence", tl)
	}
	// Bounded to a period, the most mentioned day inside it wins.
	tl = c.BuildTimeline(TLSOptions{Dates: 1, PerDate: 1, From: day("2011-01-26"), To: day("2011-01-31")})
	if _, ok := tl[day("2011-01-27")]; !ok || len(tl) != 1 {
		t.Errorf("bounded timeline = %v, want 2011-01-27", tl)
	}
	_ = time.Now
}

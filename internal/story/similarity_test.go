package story

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// newsCorpus is a small background corpus so that IDF weights are not
// degenerate.
func newsCorpus() *TextCorpus {
	c := NewTextCorpus(TextOptions{})
	for _, t := range []string{
		"Ein Erdbeben der Stärke 7,8 hat am Montag die Türkei erschüttert.",
		"The central bank raised interest rates by 0.25 points on Wednesday.",
		"El presidente Pedro Sánchez anunció nuevas elecciones para 2023.",
		"Penguins beat the Senators 5-2 as Malkin scored twice.",
		"英国的街道上堆满了圣诞垃圾，家庭面临等待。",
		"Oil prices rose on Friday after OPEC cut output.",
	} {
		c.Observe(t)
	}
	return c
}

func TestCompareFeatures(t *testing.T) {
	c := newsCorpus()
	tests := []struct {
		name string
		a, b string
		want func(PairFeatures) bool
	}{
		{"identical text", "Penguins beat the Senators 5-2 as Malkin scored twice.", "Penguins beat the Senators 5-2 as Malkin scored twice.",
			func(f PairFeatures) bool {
				return near(f.KeyTerms, 1) && near(f.Lead, 1) && near(f.LeadCross, 1) && near(f.Grams, 1) && near(f.Numbers, 1)
			}},
		{"nothing shared", "Oil prices rose on Friday.", "Ein Erdbeben erschütterte Ankara.",
			func(f PairFeatures) bool { return f.KeyTerms == 0 && f.Lead == 0 && f.LeadCross == 0 && f.Numbers == 0 }},
		{"word prefixes match inflections", "Erdbeben erschüttert", "Erdbebens erschütterte",
			func(f PairFeatures) bool { return near(f.Lead, 1) }},
		{"CJK is compared by character bigrams", "英国的街道上堆满了垃圾", "街道上堆满了圣诞垃圾",
			func(f PairFeatures) bool { return f.Lead > 0.5 && f.Lead < 1 }},
		{"short texts count missing key terms as unshared", "Erdogan Ankara", "Erdogan Ankara",
			func(f PairFeatures) bool { return near(f.KeyTerms, 2.0/5) }},
		{"numbers overlap by Jaccard, decimals whole", "7,8 dead in 2023", "2023 and 12 others",
			func(f PairFeatures) bool { return near(f.Numbers, 1.0/3) }},
		{"the opening of one found late in the other", "Malkin scored twice.",
			strings.Repeat("Weather was mild and the arena full. ", 9) + "Malkin scored twice.",
			func(f PairFeatures) bool { return f.Lead == 0 && f.LeadCross > 0.1 }},
		{"empty text", "", "Oil prices rose.",
			func(f PairFeatures) bool { return f == PairFeatures{} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := c.Compare(tt.a, tt.b)
			if !tt.want(f) {
				t.Errorf("Compare(%q, %q) = %+v", tt.a, tt.b, f)
			}
			if g := c.Compare(tt.b, tt.a); g != f {
				t.Errorf("not symmetric: %+v vs %+v", f, g)
			}
		})
	}
}

func TestCompareArticles(t *testing.T) {
	c := newsCorpus()
	x := Features{Title: "Quake hits Turkey", Text: "Hundreds died.", Dates: []string{"2023-02-06"}}
	y := Features{Title: "Quake hits Turkey", Text: "Quake hits Turkey\nRescuers dig.", Dates: []string{"2023-02-06", "2023-02-07"}}
	f := c.CompareArticles(x, y)
	if !near(f.Numbers, 0.5) {
		t.Errorf("dates as numbers: %v, want 0.5", f.Numbers)
	}
	if f.Lead <= c.Compare(x.Text, y.Text).Lead {
		t.Errorf("the headline did not join the opening: %+v", f)
	}
	if got := articleText(y); got != y.Text {
		t.Errorf("headline repeated: %q", got)
	}
}

func near(x, y float64) bool { return math.Abs(x-y) < 1e-9 }

func TestIsotonic(t *testing.T) {
	tests := []struct {
		name string
		x, y []float64
		want []Knot
	}{
		{"already increasing", []float64{1, 2, 3}, []float64{1, 2, 3}, []Knot{{1, 1}, {2, 2}, {3, 3}}},
		{"violators pooled", []float64{1, 2, 3, 4}, []float64{1, 3, 2, 4}, []Knot{{1, 1}, {2.5, 2.5}, {4, 4}}},
		{"unsorted input", []float64{3, 1, 2}, []float64{3, 1, 2}, []Knot{{1, 1}, {2, 2}, {3, 3}}},
		{"all decreasing is one block", []float64{1, 2, 3}, []float64{3, 2, 1}, []Knot{{2, 2}}},
		{"empty", nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Isotonic(tt.x, tt.y)
			if d := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-9), cmpopts.EquateEmpty()); d != "" {
				t.Errorf("Isotonic (-want +got):\n%s", d)
			}
		})
	}
}

func TestCalibrate(t *testing.T) {
	m := SimilarityModel{Calibration: []Knot{{1, 1}, {2, 3}, {4, 4}}}
	for _, tt := range []struct{ x, want float64 }{
		{0, 1}, {1, 1}, {1.5, 2}, {2, 3}, {3, 3.5}, {4, 4}, {9, 4},
	} {
		if got := m.calibrate(tt.x); !near(got, tt.want) {
			t.Errorf("calibrate(%v) = %v, want %v", tt.x, got, tt.want)
		}
	}
	if got := (SimilarityModel{}).calibrate(2.7); got != 2.7 {
		t.Errorf("no knots: calibrate(2.7) = %v", got)
	}
}

func TestFitRecoversLinearWeights(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	want := [len(FeatureNames)]float64{-2, 0.5, -1, 0, 1}
	var fs []PairFeatures
	var gold []float64
	for range 200 {
		f := PairFeatures{rng.Float64(), rng.Float64(), rng.Float64(), rng.Float64(), rng.Float64()}
		y := 3.0
		for i, v := range f.Vector() {
			y += want[i] * v
		}
		fs = append(fs, f)
		gold = append(gold, y)
	}
	m, err := FitSimilarityModel(fs, gold, 1, false)
	if err != nil {
		t.Fatal(err)
	}
	if !(math.Abs(m.Intercept-3) < 1e-3) {
		t.Errorf("intercept %v, want 3", m.Intercept)
	}
	for i := range want {
		if math.Abs(m.Weights[i]-want[i]) > 1e-3 {
			t.Errorf("weight %s = %v, want %v", FeatureNames[i], m.Weights[i], want[i])
		}
	}
	if _, err := FitSimilarityModel(fs[:3], gold[:3], 1, false); err == nil {
		t.Error("three pairs fitted six parameters")
	}
	if _, err := FitSimilarityModel(fs, gold[:5], 1, false); err == nil {
		t.Error("mismatched lengths accepted")
	}
}

func TestDefaultModelOrdersPairs(t *testing.T) {
	c := newsCorpus()
	same := c.Similarity("An earthquake of magnitude 7.8 struck Turkey on Monday, killing 1,200 people near Gaziantep.",
		"A 7.8 magnitude earthquake hit southern Turkey on Monday near Gaziantep; 1,200 people died.")
	other := c.Similarity("An earthquake of magnitude 7.8 struck Turkey on Monday, killing 1,200 people near Gaziantep.",
		"The central bank raised interest rates by 0.25 points on Wednesday.")
	if !(same > other) || same < 0 || same > 1 || other < 0 || other > 1 {
		t.Errorf("same event %.3f, unrelated %.3f", same, other)
	}
}

func FuzzCompare(f *testing.F) {
	for _, s := range []string{"", "Oil rose. Prices fell.", "英国的街道上", "مصرع تلميذة فى العاشرة", "7,8 dead in 2023", strings.Repeat("a-", 50), "\xff\xfe"} {
		f.Add(s, "Oil prices rose on Friday.")
	}
	c := newsCorpus()
	f.Fuzz(func(t *testing.T, a, b string) {
		feat := c.Compare(a, b)
		for i, v := range feat.Vector() {
			if math.IsNaN(v) || v < 0 || v > 1+1e-9 {
				t.Fatalf("%s = %v for %q, %q", FeatureNames[i], v, a, b)
			}
		}
		if s := DefaultSimilarityModel().Similarity(feat); s < 0 || s > 1 {
			t.Fatalf("similarity %v", s)
		}
	})
}

func BenchmarkCompare(b *testing.B) {
	c := newsCorpus()
	x := strings.Repeat("An earthquake of magnitude 7.8 struck Turkey on Monday, killing 1,200 people near Gaziantep. ", 12)
	y := strings.Repeat("A 7.8 magnitude earthquake hit southern Turkey on Monday near Gaziantep; 1,200 people died. ", 12)
	b.ReportAllocs()
	for b.Loop() {
		c.Compare(x, y)
	}
}

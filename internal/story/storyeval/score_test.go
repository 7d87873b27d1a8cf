package storyeval

import (
	"math"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// The worked example of Amigó et al. (2009) style: gold {a a a b b}, system
// {1 1 2 2 2}.
func TestBCubedKnownValues(t *testing.T) {
	cases := []struct {
		name       string
		pred, gold []string
		p, r       float64
	}{
		{"perfect", []string{"x", "x", "y"}, []string{"a", "a", "b"}, 1, 1},
		{"all in one", []string{"x", "x", "x", "x"}, []string{"a", "a", "b", "b"}, 0.5, 1},
		{"all singletons", []string{"1", "2", "3", "4"}, []string{"a", "a", "b", "b"}, 1, 0.5},
		// items 1,2 (a) in cluster 1: p=1 each, r=2/3 each; item 3 (a) in
		// cluster 2 {a,b,b}: p=1/3, r=1/3; items 4,5 (b): p=2/3, r=1.
		{"mixed", []string{"1", "1", "2", "2", "2"}, []string{"a", "a", "a", "b", "b"},
			(1 + 1 + 1.0/3 + 2.0/3 + 2.0/3) / 5, (2.0/3 + 2.0/3 + 1.0/3 + 1 + 1) / 5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := BCubed(c.pred, c.gold)
			if !near(got.P, c.p) || !near(got.R, c.r) || !near(got.F1, 2*c.p*c.r/(c.p+c.r)) {
				t.Fatalf("got %+v, want P %.4f R %.4f", got, c.p, c.r)
			}
		})
	}
}

func TestPairwiseKnownValues(t *testing.T) {
	cases := []struct {
		name       string
		pred, gold []string
		p, r       float64
	}{
		{"perfect", []string{"x", "x", "y"}, []string{"a", "a", "b"}, 1, 1},
		// 6 predicted pairs, 2 gold pairs, both found
		{"all in one", []string{"x", "x", "x", "x"}, []string{"a", "a", "b", "b"}, 2.0 / 6, 1},
		// no predicted pairs: precision 1 by convention
		{"all singletons", []string{"1", "2", "3", "4"}, []string{"a", "a", "b", "b"}, 1, 0},
		// predicted pairs: (1,2) and (3,4),(3,5),(4,5) = 4; true: (1,2),(4,5) = 2;
		// gold pairs: 3 (a) + 1 (b) = 4
		{"mixed", []string{"1", "1", "2", "2", "2"}, []string{"a", "a", "a", "b", "b"}, 0.5, 0.5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Pairwise(c.pred, c.gold)
			if !near(got.P, c.p) || !near(got.R, c.r) {
				t.Fatalf("got %+v, want P %.4f R %.4f", got, c.p, c.r)
			}
		})
	}
}

func TestPearson(t *testing.T) {
	if r := Pearson([]float64{1, 2, 3}, []float64{2, 4, 6}); !near(r, 1) {
		t.Errorf("perfect line: %v", r)
	}
	if r := Pearson([]float64{1, 2, 3}, []float64{3, 2, 1}); !near(r, -1) {
		t.Errorf("perfect inverse: %v", r)
	}
	// x = 1..4, y = 1,3,2,4: cov = 4, var x = var y = 5 -> r = 0.8
	if r := Pearson([]float64{1, 2, 3, 4}, []float64{1, 3, 2, 4}); !near(r, 0.8) {
		t.Errorf("r = %v, want 0.8", r)
	}
	if r := Pearson([]float64{1, 1}, []float64{1, 2}); !math.IsNaN(r) {
		t.Errorf("constant series: %v, want NaN", r)
	}
}

func TestScorePairs(t *testing.T) {
	s := ScorePairs([]int64{1, 1, 3, 3, 3}, []int64{1, 1, 1, 4, 4})
	if s.PredPairs != 4 || s.GoldPairs != 4 || s.TruePairs != 2 || !near(s.P, 0.5) || !near(s.R, 0.5) {
		t.Fatalf("%+v", s)
	}
}

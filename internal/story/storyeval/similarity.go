package storyeval

import (
	"math"

	"github.com/dossier-news/dossier/internal/story"
)

// SimilarityResult is the score of the clusterer's similarity on SemEval
// pairs.
type SimilarityResult struct {
	Pairs int
	// Pearson is the correlation of the system similarity with the gold
	// Overall rating, sign-flipped (Overall 1 means most similar), as the
	// task's published systems report it.
	Pearson float64
	// PearsonLinear is the same on the raw (cosine) scale. Similarity is a
	// cosine mix whose values crowd near 0 for unrelated pairs; the square
	// root spreads them, and Pearson measures linear agreement, so the
	// square-root scale is the one reported as Pearson.
	PearsonLinear float64
	Scores        []float64
}

// EvalSimilarity learns document frequencies from all texts of the pairs
// (no labels) and correlates Clusterer.Similarity with the gold ratings.
func EvalSimilarity(pairs []Pair, opt story.Options) SimilarityResult {
	c := story.NewClusterer(opt)
	for _, p := range pairs {
		c.Observe(story.Features{Text: p.Text1})
		c.Observe(story.Features{Text: p.Text2})
	}
	sys := make([]float64, len(pairs))
	gold := make([]float64, len(pairs))
	for i, p := range pairs {
		sys[i] = c.Similarity(story.Features{Text: p.Text1}, story.Features{Text: p.Text2})
		gold[i] = p.Overall
	}
	root := make([]float64, len(sys))
	for i, v := range sys {
		root[i] = math.Sqrt(v)
	}
	return SimilarityResult{Pairs: len(pairs), Pearson: -Pearson(root, gold), PearsonLinear: -Pearson(sys, gold), Scores: sys}
}

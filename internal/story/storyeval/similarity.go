package storyeval

import (
	"fmt"
	"math"
	"sort"

	"github.com/dossier-news/dossier/internal/story"
)

// The similarity evaluation keeps English held out: the text similarity
// (story.TextCorpus + story.SimilarityModel) is designed and fitted on the
// non-English monolingual pairs of SemEval-2022 Task 8 and then scored once on
// the 161 English pairs. Correlations are sign-flipped where the system gives
// a similarity (Overall 1 means most similar), as the task's published systems
// report them; the model predicts the Overall rating itself, so its
// correlation is flipped for the same reason.

// SimilarityOptions choose the design evaluated.
type SimilarityOptions struct {
	Text      story.TextOptions
	Power     float64 // features are raised to this power before the linear fit (0: 0.5)
	Calibrate bool    // add an isotonic calibration learned on the tuning pairs
	Clusterer story.Options
}

// SimilarityResult is the score of the text similarity on SemEval pairs.
type SimilarityResult struct {
	Pairs, TuningPairs int
	// Pearson and Spearman are the English held-out figures of the model
	// fitted on the tuning languages.
	Pearson, Spearman float64
	// TuningPearson and TuningSpearman are in-sample, on the tuning pairs the
	// model was fitted on.
	TuningPearson, TuningSpearman float64
	// CrossLanguagePearson predicts each tuning language with a model fitted
	// on the other tuning languages (pooled over all tuning pairs): the
	// tuning-side analogue of the English hold-out.
	CrossLanguagePearson float64
	// LanguagePearson is the in-sample Pearson per tuning language.
	LanguagePearson map[string]float64
	// ClustererPearson and ClustererSpearman are Clusterer.Similarity on the
	// English pairs on its raw scale, for comparison (IDF learned from the
	// English texts, as before this evaluation held English out).
	ClustererPearson, ClustererSpearman float64
	Model                               story.SimilarityModel
	// Scores are the model's predicted ratings of the English pairs.
	Scores []float64
}

// EvalSimilarity learns document frequencies from all texts of both sets (no
// labels), fits the similarity model on the tuning pairs and scores it on the
// test pairs.
func EvalSimilarity(test, tuning []Pair, opt SimilarityOptions) (SimilarityResult, error) {
	if opt.Power == 0 {
		opt.Power = 0.5
	}
	corpus := story.NewTextCorpus(opt.Text)
	for _, set := range [][]Pair{tuning, test} {
		for _, p := range set {
			corpus.Observe(p.Text1)
			corpus.Observe(p.Text2)
		}
	}
	features := func(ps []Pair) ([]story.PairFeatures, []float64) {
		fs := make([]story.PairFeatures, len(ps))
		gold := make([]float64, len(ps))
		for i, p := range ps {
			fs[i] = corpus.Compare(p.Text1, p.Text2)
			gold[i] = p.Overall
		}
		return fs, gold
	}
	tf, tg := features(tuning)
	ef, eg := features(test)
	m, err := story.FitSimilarityModel(tf, tg, opt.Power, opt.Calibrate)
	if err != nil {
		return SimilarityResult{}, fmt.Errorf("fitting on %d tuning pairs: %w", len(tuning), err)
	}
	r := SimilarityResult{Pairs: len(test), TuningPairs: len(tuning), Model: m, LanguagePearson: make(map[string]float64)}
	r.Scores = ratings(m, ef)
	r.Pearson, r.Spearman = Pearson(r.Scores, eg), Spearman(r.Scores, eg)
	tr := ratings(m, tf)
	r.TuningPearson, r.TuningSpearman = Pearson(tr, tg), Spearman(tr, tg)

	byLang := make(map[string][]int)
	for i, p := range tuning {
		byLang[p.Lang] = append(byLang[p.Lang], i)
	}
	cv := make([]float64, len(tuning))
	for lang, idx := range byLang {
		var g, s []float64
		for _, i := range idx {
			g = append(g, tg[i])
			s = append(s, tr[i])
		}
		r.LanguagePearson[lang] = Pearson(s, g)
		in := make(map[int]bool, len(idx))
		for _, i := range idx {
			in[i] = true
		}
		var of []story.PairFeatures
		var og []float64
		for i := range tuning {
			if !in[i] {
				of = append(of, tf[i])
				og = append(og, tg[i])
			}
		}
		lm, err := story.FitSimilarityModel(of, og, opt.Power, opt.Calibrate)
		if err != nil {
			return SimilarityResult{}, fmt.Errorf("fitting without %s: %w", lang, err)
		}
		for _, i := range idx {
			cv[i] = lm.Rating(tf[i])
		}
	}
	r.CrossLanguagePearson = Pearson(cv, tg)

	r.ClustererPearson, r.ClustererSpearman = clustererSimilarity(test, opt.Clusterer)
	return r, nil
}

func ratings(m story.SimilarityModel, fs []story.PairFeatures) []float64 {
	out := make([]float64, len(fs))
	for i, f := range fs {
		out[i] = m.Rating(f)
	}
	return out
}

// clustererSimilarity correlates Clusterer.Similarity with the gold ratings,
// sign-flipped, with IDF learned from the pairs' texts.
func clustererSimilarity(pairs []Pair, opt story.Options) (pearson, spearman float64) {
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
	return -Pearson(sys, gold), -Spearman(sys, gold)
}

// Spearman is the rank correlation of two equally long series (Pearson of
// their ranks, ties sharing their mean rank); NaN as Pearson.
func Spearman(x, y []float64) float64 {
	if len(x) != len(y) {
		return math.NaN()
	}
	return Pearson(ranks(x), ranks(y))
}

func ranks(v []float64) []float64 {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return v[idx[a]] < v[idx[b]] })
	out := make([]float64, len(v))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && v[idx[j+1]] == v[idx[i]] {
			j++
		}
		mean := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			out[idx[k]] = mean
		}
		i = j + 1
	}
	return out
}

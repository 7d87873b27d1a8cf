package storyeval

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
)

// Pair is one SemEval-2022 Task 8 article pair with its gold similarity.
type Pair struct {
	ID           string
	Lang         string // the language of both texts ("en", "de", …)
	Text1, Text2 string
	// Overall is the annotators' mean overall rating: 1 = very similar
	// (same event) … 4 = very dissimilar.
	Overall float64
}

// plainPairID is a pair_id without a language suffix: two article ids.
var plainPairID = regexp.MustCompile(`^\d+_\d+$`)

// PairSelection decides which rows of pairs.csv to keep, from the two
// languages and the pair_id.
type PairSelection func(lang1, lang2, pairID string) bool

// EnglishPairs keeps the task's English test set: English-English pairs
// whose pair_id carries no language suffix.
func EnglishPairs(lang1, lang2, pairID string) bool {
	return lang1 == "en" && lang2 == "en" && plainPairID.MatchString(pairID)
}

// TuningPairs keeps the monolingual pairs in every language but English
// (suffixed pair_ids included): the set a similarity is designed and fitted
// on, so that English stays a held-out test.
func TuningPairs(lang1, lang2, _ string) bool {
	return lang1 == lang2 && lang1 != "en" && lang1 != ""
}

// ReadPairs reads the task's pairs.csv (header: pair_id, lang1, lang2, text1,
// text2, …, Overall, …) keeping the English test pairs (EnglishPairs).
func ReadPairs(path string) ([]Pair, error) {
	return ReadPairsSelected(path, EnglishPairs)
}

// ReadPairsSelected reads pairs.csv keeping the rows sel accepts.
func ReadPairsSelected(path string, sel PairSelection) ([]Pair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening pairs: %w", err)
	}
	defer f.Close()
	return ParsePairsSelected(f, sel)
}

// ParsePairs is ReadPairs over a reader.
func ParsePairs(r io.Reader) ([]Pair, error) { return ParsePairsSelected(r, EnglishPairs) }

// ParsePairsSelected is ReadPairsSelected over a reader.
func ParsePairsSelected(r io.Reader, sel PairSelection) ([]Pair, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("reading pairs header: %w", err)
	}
	col := make(map[string]int)
	for i, h := range head {
		col[h] = i
	}
	for _, need := range []string{"pair_id", "lang1", "lang2", "text1", "text2", "Overall"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("pairs.csv: no %q column", need)
		}
	}
	var out []Pair
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading pairs: %w", err)
		}
		get := func(k string) string {
			if i := col[k]; i < len(rec) {
				return rec[i]
			}
			return ""
		}
		if !sel(get("lang1"), get("lang2"), get("pair_id")) {
			continue
		}
		o, err := strconv.ParseFloat(get("Overall"), 64)
		if err != nil {
			return nil, fmt.Errorf("pair %s: Overall %q: %w", get("pair_id"), get("Overall"), err)
		}
		out = append(out, Pair{ID: get("pair_id"), Lang: get("lang1"), Text1: get("text1"), Text2: get("text2"), Overall: o})
	}
	return out, nil
}

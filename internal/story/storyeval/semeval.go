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
	Text1, Text2 string
	// Overall is the annotators' mean overall rating: 1 = very similar
	// (same event) … 4 = very dissimilar.
	Overall float64
}

// plainPairID is a pair_id without a language suffix: two article ids.
var plainPairID = regexp.MustCompile(`^\d+_\d+$`)

// ReadPairs reads the task's pairs.csv (header: pair_id, lang1, lang2, text1,
// text2, …, Overall, …) keeping English-English pairs whose pair_id carries
// no language suffix.
func ReadPairs(path string) ([]Pair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening pairs: %w", err)
	}
	defer f.Close()
	return ParsePairs(f)
}

// ParsePairs is ReadPairs over a reader.
func ParsePairs(r io.Reader) ([]Pair, error) {
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
		if get("lang1") != "en" || get("lang2") != "en" || !plainPairID.MatchString(get("pair_id")) {
			continue
		}
		o, err := strconv.ParseFloat(get("Overall"), 64)
		if err != nil {
			return nil, fmt.Errorf("pair %s: Overall %q: %w", get("pair_id"), get("Overall"), err)
		}
		out = append(out, Pair{ID: get("pair_id"), Text1: get("text1"), Text2: get("text2"), Overall: o})
	}
	return out, nil
}

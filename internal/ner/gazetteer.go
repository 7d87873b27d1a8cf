package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"strings"
)

//go:embed model/gazetteer.tsv.gz
var gazetteerGz []byte

// Gazetteer kinds. Each token gets, for each kind, a bit for its position
// (B, I, L, U) in a matching phrase; the model learns what each is worth.
const (
	gazCountry = iota // countries and their alternative names
	gazPlace          // cities, provinces, states, regions
	gazPerson         // full names of people
	gazFirst          // given names
	gazOrg            // organisations
	gazDemonym        // nationality adjectives: German, Iraqi
	gazTitle          // titles and forms of address: Foreign Minister, Mr.
	numGazKinds
)

// titleBits are a token's gazetteer bits for the title kind.
const titleBits = 0xf << (gazTitle * 4)

var gazKindNames = [numGazKinds]string{"country", "place", "person", "first", "org", "demonym", "title"}

// gazetteer maps the chained hash of a phrase's lowercased tokens to the
// kinds it belongs to.
type gazetteer struct {
	phrases map[uint64]uint8
	maxLen  int
}

const gazSeed = 0x6a09e667f3bcc908

func loadGazetteer() (gazetteer, error) {
	g := gazetteer{phrases: map[uint64]uint8{}}
	zr, err := gzip.NewReader(bytes.NewReader(gazetteerGz))
	if err != nil {
		return g, fmt.Errorf("gazetteer: %w", err)
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		kind, phrase, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			continue
		}
		k := -1
		for i, n := range gazKindNames {
			if n == kind {
				k = i
			}
		}
		if k < 0 {
			continue
		}
		words := strings.Fields(phrase)
		if len(words) == 0 {
			continue
		}
		h := uint64(gazSeed)
		for _, w := range words {
			h = mix(h, hashLower(w))
		}
		g.phrases[h] |= 1 << k
		g.maxLen = max(g.maxLen, len(words))
	}
	if err := sc.Err(); err != nil {
		return g, fmt.Errorf("gazetteer: %w", err)
	}
	return g, nil
}

// mark sets the gazetteer bits of a sentence's tokens. Phrases must start
// and end on a capitalised token, so "may" and "bill" in running text do not
// match the names May and Bill.
func (g gazetteer) mark(s []tokInfo) {
	for i := range s {
		s[i].gaz = 0
	}
	for i := range s {
		if !isCapitalised(s[i].cls) {
			continue
		}
		h := uint64(gazSeed)
		for n := 1; n <= g.maxLen && i+n <= len(s); n++ {
			end := i + n - 1
			h = mix(h, s[end].lower)
			kinds, ok := g.phrases[h]
			if !ok || !isCapitalised(s[end].cls) {
				continue
			}
			for k := 0; k < numGazKinds; k++ {
				if kinds&(1<<k) == 0 {
					continue
				}
				if n == 1 {
					s[i].gaz |= 1 << (k*4 + posU)
					continue
				}
				s[i].gaz |= 1 << (k*4 + posB)
				for j := i + 1; j < end; j++ {
					s[j].gaz |= 1 << (k*4 + posI)
				}
				s[end].gaz |= 1 << (k*4 + posL)
			}
		}
	}
}

// gazKinds folds position bits into one bit per kind.
func gazKinds(bits uint32) uint32 {
	var out uint32
	for k := 0; k < numGazKinds; k++ {
		if bits&(0xf<<(k*4)) != 0 {
			out |= 1 << k
		}
	}
	return out
}

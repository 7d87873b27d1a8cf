package ner

import "strings"

// Chunk is one entity mention as a half-open token range [Start, End) of a
// sentence, with its type.
type Chunk struct {
	Start, End int
	Type       string
}

// splitTag splits "B-PER" into ("B", "PER") and "O" into ("O", "").
func splitTag(tag string) (prefix, typ string) {
	if tag == "" || tag == "O" {
		return "O", ""
	}
	if i := strings.IndexByte(tag, '-'); i >= 0 {
		return tag[:i], tag[i+1:]
	}
	return "I", tag
}

// Chunks extracts the chunks of a tag sequence by conlleval's rules, so IOB1
// (CoNLL-2003's files), IOB2/BIO and BIOES/BILOU sequences all read the way
// the published scorer reads them: an I- after O or after a different type
// starts a chunk; B- only separates adjacent chunks of the same type.
func Chunks(tags []string) []Chunk {
	var out []Chunk
	prevPrefix, prevType := "O", ""
	start := -1
	for i, tag := range tags {
		prefix, typ := splitTag(tag)
		if start >= 0 && chunkEnds(prevPrefix, prefix, prevType, typ) {
			out = append(out, Chunk{Start: start, End: i, Type: prevType})
			start = -1
		}
		if chunkStarts(prevPrefix, prefix, prevType, typ) {
			start = i
		}
		prevPrefix, prevType = prefix, typ
	}
	if start >= 0 {
		out = append(out, Chunk{Start: start, End: len(tags), Type: prevType})
	}
	return out
}

// chunkEnds is conlleval's endOfChunk, with L/U accepted as E/S.
func chunkEnds(prev, cur, prevType, curType string) bool {
	prev, cur = bioes(prev), bioes(cur)
	switch {
	case prev == "E" || prev == "S":
		return true
	case prev == "B" && (cur == "B" || cur == "S" || cur == "O"):
		return true
	case prev == "I" && (cur == "B" || cur == "S" || cur == "O"):
		return true
	case prev != "O" && prevType != curType:
		return true
	}
	return false
}

// chunkStarts is conlleval's startOfChunk, with L/U accepted as E/S.
func chunkStarts(prev, cur, prevType, curType string) bool {
	prev, cur = bioes(prev), bioes(cur)
	switch {
	case cur == "B" || cur == "S":
		return true
	case (prev == "E" || prev == "S" || prev == "O") && (cur == "E" || cur == "I"):
		return true
	case cur != "O" && prevType != curType:
		return true
	}
	return false
}

func bioes(p string) string {
	switch p {
	case "L":
		return "E"
	case "U":
		return "S"
	}
	return p
}

package storyeval

import (
	"github.com/dossier-news/dossier/internal/story"
)

// DuplicatesResult is the score of duplicate grouping on a synthetic
// stream, and the groups found in the raw corpus.
type DuplicatesResult struct {
	Articles  int
	Originals int
	Copies    int
	Score     PairScore
	ByKind    map[story.DupKind]int // copies by how they were recognised
	// Reuters-21578 itself, all stories with a body in date order.
	CorpusArticles int
	CorpusGroups   int // duplicate groups with more than one member
	CorpusCopies   int // articles in those groups beyond the first
}

// EvalDuplicates runs the clusterer over a synthetic stream and scores its
// duplicate groups against the known copies.
func EvalDuplicates(stream []SynthArticle, opt story.Options) DuplicatesResult {
	c := story.NewClusterer(opt)
	pred := make([]int64, len(stream))
	gold := make([]int64, len(stream))
	res := DuplicatesResult{Articles: len(stream), ByKind: make(map[story.DupKind]int)}
	for i, a := range stream {
		as := c.Add(story.Features{ArticleID: a.ID, Title: a.Title, Text: a.Text, Published: a.Published, Source: a.Source})
		pred[i], gold[i] = as.DupGroup, a.Original
		if a.Original == a.ID {
			res.Originals++
		} else {
			res.Copies++
		}
		if as.Duplicate {
			res.ByKind[as.Kind]++
		}
	}
	res.Score = ScorePairs(pred, gold)
	return res
}

// CorpusDuplicates counts the duplicate groups the clusterer finds in a raw
// corpus (stories with a body, in date order).
func CorpusDuplicates(docs []ReutersDoc, opt story.Options) (articles, groups, copies int) {
	c := story.NewClusterer(opt)
	size := make(map[int64]int)
	for _, d := range sortedByDate(docs) {
		if d.Body == "" {
			continue
		}
		articles++
		a := c.Add(story.Features{ArticleID: d.NewID, Title: d.Title, Text: d.Body, Published: d.Date})
		size[a.DupGroup]++
	}
	for _, n := range size {
		if n > 1 {
			groups++
			copies += n - 1
		}
	}
	return articles, groups, copies
}

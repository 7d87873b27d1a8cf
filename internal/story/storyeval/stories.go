package storyeval

import (
	"fmt"

	"github.com/dossier-news/dossier/internal/story"
)

// StoriesResult is the score of one clustering run on ECB+.
type StoriesResult struct {
	Docs          int
	Event, Topic  PRF // B-cubed against events (stories) and topics (storylines)
	EventPairwise PRF
	TopicPairwise PRF
	Stories       int // predicted stories
	GoldEvents    int
	Storylines    int
	GoldTopics    int
	DupGroups     int // duplicate groups with more than one member
}

// EvalStories feeds the documents, in the order given, to a fresh clusterer
// without labels and scores stories against gold events and storylines
// against gold topics.
//
// features turns a document into clustering features; nil means text only
// (story.Features{Text: …}). A caller that runs the analysis pipeline passes
// one that fills entities and dates (story.FeaturesOf).
func EvalStories(docs []ECBDoc, opt story.Options, lopt story.StorylineOptions, prime []string, features func(id int64, text string) story.Features) StoriesResult {
	c := story.NewClusterer(opt)
	for _, t := range prime {
		c.Observe(story.Features{Text: t})
	}
	return EvalStoriesWith(c, docs, lopt, features)
}

// EvalStoriesWith is EvalStories with a clusterer the caller made: warmed
// with a background prior as the engine warms its own (story.Clusterer.Warm),
// or primed, or neither.
func EvalStoriesWith(c *story.Clusterer, docs []ECBDoc, lopt story.StorylineOptions, features func(id int64, text string) story.Features) StoriesResult {
	if features == nil {
		features = func(id int64, text string) story.Features { return story.Features{ArticleID: id, Text: text} }
	}
	pred := make([]string, len(docs))
	events := make([]string, len(docs))
	topics := make([]string, len(docs))
	groups := make(map[int64]int)
	storyOf := make(map[int64]int64)
	for i, d := range docs {
		a := c.Add(features(int64(i+1), d.Text))
		storyOf[int64(i+1)] = a.StoryID
		events[i] = d.Event
		topics[i] = d.Topic
		groups[a.DupGroup]++
	}
	for i := range docs {
		sid := c.Resolve(storyOf[int64(i+1)])
		storyOf[int64(i+1)] = sid
		pred[i] = fmt.Sprint(sid)
	}
	lines := story.Storylines(c.Stories(), lopt)
	lineOf := make(map[int64]int)
	for li, l := range lines {
		for _, sid := range l.Stories {
			lineOf[sid] = li
		}
	}
	predTopic := make([]string, len(docs))
	for i := range docs {
		predTopic[i] = fmt.Sprint(lineOf[storyOf[int64(i+1)]])
	}
	res := StoriesResult{
		Docs:          len(docs),
		Event:         BCubed(pred, events),
		Topic:         BCubed(predTopic, topics),
		EventPairwise: Pairwise(pred, events),
		TopicPairwise: Pairwise(predTopic, topics),
		Stories:       Clusters(pred),
		GoldEvents:    Clusters(events),
		Storylines:    Clusters(predTopic),
		GoldTopics:    Clusters(topics),
	}
	for _, n := range groups {
		if n > 1 {
			res.DupGroups++
		}
	}
	return res
}

package engine

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/store"
	"github.com/dossier-news/dossier/internal/story"
)

// Cluster groups every stored article into duplicate groups, stories and
// storylines and replaces the story layer in the store. Articles are fed to
// the one-pass clusterer in the order they were read (IngestedAt, then ID),
// so the same input gives the same stories however many workers stored it. It uses the stored analysis (entity keys, dates)
// where there is one, and starts from background term frequencies
// (story.DefaultPrior) so that a small store is clustered as well as a big one.
func (e *Engine) Cluster(ctx context.Context) (stories, lines int, err error) {
	list, err := e.Store.Articles(ctx, store.Filter{})
	if err != nil {
		return 0, 0, err
	}
	// Read order, not commit order: with several workers IDs follow the
	// order transactions commit, while IngestedAt is stamped in the order the
	// input was read (and rises with the ID in a single process).
	sort.Slice(list, func(i, j int) bool {
		if !list[i].IngestedAt.Equal(list[j].IngestedAt) {
			return list[i].IngestedAt.Before(list[j].IngestedAt)
		}
		return list[i].ID < list[j].ID
	})
	c := story.NewClusterer(story.Options{})
	prior, err := story.DefaultPrior()
	if err != nil {
		return 0, 0, fmt.Errorf("loading the clustering prior: %w", err)
	}
	c.Warm(prior)
	titles := make(map[int64]string, len(list))
	dates := make(map[int64]time.Time, len(list))
	var members []store.Member
	for _, meta := range list {
		if err := ctx.Err(); err != nil {
			return 0, 0, err
		}
		a, err := e.Store.Article(ctx, meta.ID)
		if err != nil {
			return 0, 0, err
		}
		doc := &article.Doc{Article: a}
		if an, err := e.Store.Analysis(ctx, a.ID); err == nil {
			doc.Analysis = *an
		} else if !errors.Is(err, store.ErrNotFound) {
			return 0, 0, err
		}
		titles[a.ID], dates[a.ID] = a.Title, a.Published
		as := c.Add(story.FeaturesOf(doc))
		members = append(members, store.Member{
			ArticleID: as.ArticleID, StoryID: as.StoryID, DupGroup: as.DupGroup, Canonical: as.Canonical,
			Duplicate: as.Duplicate, Kind: string(as.Kind), Score: as.Score,
		})
	}
	// Merges re-point earlier articles to the surviving story.
	for i := range members {
		members[i].StoryID = c.Resolve(members[i].StoryID)
	}
	var out []store.Story
	all := c.Stories()
	live := all[:0:0]
	for _, s := range all {
		if s.MergedInto == 0 && len(s.Members) > 0 {
			live = append(live, s)
		}
	}
	for _, s := range live {
		out = append(out, store.Story{
			ID: s.ID, Headline: titles[earliest(s.Members, dates)], Size: len(s.Members), Groups: s.Groups,
			Sources: s.Sources, First: s.First, Last: s.Last,
			Entities: names(s.Entities, 8), Terms: names(s.Terms, 8),
		})
	}
	var sls []store.Storyline
	lineOf := make(map[int64]int64)
	for _, l := range story.Storylines(live, story.StorylineOptions{}) {
		sl := store.Storyline{ID: int64(l.ID), Stories: l.Stories, First: l.First, Last: l.Last}
		if len(l.Stories) > 0 {
			sl.Title = headlineOf(out, l.Stories[0])
		}
		for _, k := range l.Links {
			sl.Links = append(sl.Links, store.StorylineLink{From: k.From, To: k.To, Similarity: k.Similarity,
				Terms: k.Terms, Entities: k.Entities, GapDays: k.Gap.Hours() / 24})
		}
		for _, id := range l.Stories {
			lineOf[id] = sl.ID
		}
		sls = append(sls, sl)
	}
	for i := range out {
		out[i].Storyline = lineOf[out[i].ID]
	}
	if err := e.Store.ReplaceStories(ctx, out, members, sls); err != nil {
		return 0, 0, fmt.Errorf("storing stories: %w", err)
	}
	return len(out), len(sls), nil
}

// earliest is the member published first (undated members last, ties to
// the first ingested): its headline represents the story.
func earliest(members []int64, dates map[int64]time.Time) int64 {
	best := members[0]
	for _, id := range members[1:] {
		d, b := dates[id], dates[best]
		if !d.IsZero() && (b.IsZero() || d.Before(b)) {
			best = id
		}
	}
	return best
}

func names(ws []story.Weighted, n int) []string {
	var out []string
	for i, w := range ws {
		if i == n {
			break
		}
		out = append(out, w.Name)
	}
	return out
}

func headlineOf(stories []store.Story, id int64) string {
	for _, s := range stories {
		if s.ID == id {
			return s.Headline
		}
	}
	return ""
}

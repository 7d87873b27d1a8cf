package engine

import (
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"hash/fnv"
	"log/slog"
	"slices"
	"sort"
	"time"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/store"
	"github.com/dossier-news/dossier/internal/story"
)

// clusterStateVersion names the format of the state the engine saves beside
// the story layer; a state of another format is not resumed. The clusterer
// checks its own snapshot version and options on top.
const clusterStateVersion = "dossier-cluster/1"

// clusterState is what a clustering run leaves for the next one: the
// clusterer, and per story what the story rows need that the clusterer does
// not keep (the representative member) and the storyline each story was
// filed under.
type clusterState struct {
	Prior     string // fingerprint of the background prior the clusterer was warmed with
	Clusterer *story.Snapshot
	Heads     map[int64]storyHead
	LineOf    map[int64]int64
}

// storyHead is a story's representative member: the first published
// (undated members count last, ties go to the first clustered).
type storyHead struct {
	Article   int64
	Published time.Time
	Title     string
}

// earlier reports whether a member published at t replaces head h.
func (h storyHead) replacedBy(t time.Time) bool {
	return !t.IsZero() && (h.Published.IsZero() || t.Before(h.Published))
}

// Cluster adds the articles stored since the last run to the story layer:
// duplicate groups, stories and storylines. The clusterer's state is saved
// with the layer in one transaction, so a run costs what is new, not the
// whole store; when there is no usable state (first run, another version of
// dossier, an article analysed again after it was clustered) it clusters
// every article from scratch, as Recluster does.
//
// Articles are fed to the one-pass clusterer in the order they were read
// (IngestedAt, then ID), so the same input gives the same stories however
// many workers stored it and however many runs it took. It uses the stored
// analysis (entity keys, dates) where there is one, and starts from
// background term frequencies (story.DefaultPrior) so that a small store is
// clustered as well as a big one.
func (e *Engine) Cluster(ctx context.Context) (stories, lines int, err error) {
	return e.clusterRetrying(ctx, false)
}

// Recluster rebuilds the story layer from every stored article.
func (e *Engine) Recluster(ctx context.Context) (stories, lines int, err error) {
	return e.clusterRetrying(ctx, true)
}

// clusterRetrying starts a run over when another run saved first (two
// clusterers at once): the second then adds only what the first left.
func (e *Engine) clusterRetrying(ctx context.Context, rebuild bool) (stories, lines int, err error) {
	for range 3 {
		stories, lines, err = e.cluster(ctx, rebuild)
		if !errors.Is(err, store.ErrConflict) {
			return stories, lines, err
		}
		e.logger().Info("another clustering run saved first; starting over", "err", err)
	}
	return stories, lines, err
}

func (e *Engine) cluster(ctx context.Context, rebuild bool) (int, int, error) {
	prior, err := story.DefaultPrior()
	if err != nil {
		return 0, 0, fmt.Errorf("loading the clustering prior: %w", err)
	}
	fp := priorFingerprint(prior)
	var c *story.Clusterer
	var st *clusterState
	saved, err := e.Store.ClusterState(ctx)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		e.logger().Warn("reading the clusterer state failed; clustering from scratch", "err", err)
	}
	if !rebuild && err == nil {
		c, st = e.resumeClusterer(saved, fp)
	}
	replace := c == nil
	if replace {
		c = story.NewClusterer(story.Options{})
		c.Warm(prior)
		st = &clusterState{Heads: map[int64]storyHead{}, LineOf: map[int64]int64{}}
	}
	st.Prior = fp

	list, err := e.Store.Articles(ctx, store.Filter{Unclustered: !replace})
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
	if !replace && len(list) == 0 {
		// nothing new: the stored layer is current, and the saved state
		// knows its size (a representative per live story, a storyline
		// per live story)
		lines := make(map[int64]bool, len(st.LineOf))
		for _, l := range st.LineOf {
			lines[l] = true
		}
		return len(st.Heads), len(lines), nil
	}

	touched := make(map[int64]bool) // stories whose rows must be rewritten
	for _, id := range c.ActiveIDs() {
		touched[id] = true // an active story's summary moves with the IDF
	}
	merged := make(map[int64]bool)
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
		as := c.Add(story.FeaturesOf(doc))
		members = append(members, store.Member{
			ArticleID: as.ArticleID, StoryID: as.StoryID, DupGroup: as.DupGroup, Canonical: as.Canonical,
			Duplicate: as.Duplicate, Kind: string(as.Kind), Score: as.Score,
		})
		touched[as.StoryID] = true
		if h, ok := st.Heads[as.StoryID]; !ok || h.replacedBy(a.Published) {
			st.Heads[as.StoryID] = storyHead{Article: a.ID, Published: a.Published, Title: a.Title}
		}
		for _, gone := range as.Merged {
			// The survivor keeps its own representative unless the absorbed
			// story's was published earlier (its members come after).
			if g, ok := st.Heads[gone]; ok {
				if h, ok := st.Heads[as.StoryID]; !ok || h.replacedBy(g.Published) {
					st.Heads[as.StoryID] = g
				}
			}
			delete(st.Heads, gone)
			merged[gone] = true
		}
	}
	for _, id := range c.ActiveIDs() {
		touched[id] = true
	}
	// Merges re-point this run's members to the surviving story; the store
	// moves the members of earlier runs.
	for i := range members {
		members[i].StoryID = c.Resolve(members[i].StoryID)
	}
	mergedInto := make(map[int64]int64, len(merged))
	for gone := range merged {
		mergedInto[gone] = c.Resolve(gone)
		delete(touched, gone)
		delete(st.LineOf, gone)
	}

	all := c.Stories()
	live := all[:0:0]
	for _, s := range all {
		if s.MergedInto == 0 && len(s.Members) > 0 {
			live = append(live, s)
		}
	}
	var sls []store.Storyline
	lineOf := make(map[int64]int64, len(live))
	for _, l := range story.Storylines(live, story.StorylineOptions{}) {
		sl := store.Storyline{ID: int64(l.ID), Stories: l.Stories, First: l.First, Last: l.Last}
		if len(l.Stories) > 0 {
			sl.Title = st.Heads[l.Stories[0]].Title
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
	var out []store.Story
	for _, s := range live {
		if !replace && !touched[s.ID] && st.LineOf[s.ID] == lineOf[s.ID] {
			continue // the stored row is current
		}
		out = append(out, store.Story{
			ID: s.ID, Headline: st.Heads[s.ID].Title, Size: len(s.Members), Groups: s.Groups,
			Sources: s.Sources, First: s.First, Last: s.Last, Storyline: lineOf[s.ID],
			Entities: names(s.Entities, 8), Terms: names(s.Terms, 8),
		})
	}
	st.LineOf = lineOf
	st.Clusterer = c.Snapshot()
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(st); err != nil {
		return 0, 0, fmt.Errorf("saving the clusterer state: %w", err)
	}
	u := store.StoryUpdate{Replace: replace, Expect: saved.Generation, Stories: out, Merged: mergedInto, Members: members, Lines: sls,
		State: &store.ClusterState{Version: clusterStateVersion, Data: buf.Bytes()}}
	if err := e.Store.SaveStories(ctx, u); err != nil {
		return 0, 0, fmt.Errorf("storing stories: %w", err)
	}
	e.logger().Debug("clustered", "articles", len(list), "from_scratch", replace, "stories_written", len(out),
		"stories", len(live), "storylines", len(sls), "state_bytes", buf.Len())
	return len(live), len(sls), nil
}

// resumeClusterer restores the clusterer the last run saved, or returns nil
// when there is none or it cannot be used (then the caller starts afresh;
// nothing is lost but time).
func (e *Engine) resumeClusterer(saved store.ClusterState, prior string) (*story.Clusterer, *clusterState) {
	if saved.Version != clusterStateVersion {
		e.logger().Info("clusterer state of another version; clustering from scratch", "saved", saved.Version, "want", clusterStateVersion)
		return nil, nil
	}
	var st clusterState
	if err := gob.NewDecoder(bytes.NewReader(saved.Data)).Decode(&st); err != nil || st.Clusterer == nil {
		e.logger().Warn("the clusterer state does not decode; clustering from scratch", "err", err)
		return nil, nil
	}
	if st.Prior != prior {
		e.logger().Info("the clustering prior changed; clustering from scratch")
		return nil, nil
	}
	c, err := story.Restore(st.Clusterer, story.Options{})
	if err != nil {
		e.logger().Info("the clusterer state cannot be resumed; clustering from scratch", "err", err)
		return nil, nil
	}
	if st.Heads == nil {
		st.Heads = map[int64]storyHead{}
	}
	if st.LineOf == nil {
		st.LineOf = map[int64]int64{}
	}
	st.Clusterer = nil // the restored clusterer owns it now
	return c, &st
}

// priorFingerprint identifies the background prior's content.
func priorFingerprint(p *story.Prior) string {
	terms := make([]string, 0, len(p.DF))
	for t := range p.DF {
		terms = append(terms, t)
	}
	slices.Sort(terms)
	h := fnv.New64a()
	fmt.Fprint(h, p.Docs)
	for _, t := range terms {
		fmt.Fprint(h, "\x00", t, "\x00", p.DF[t])
	}
	return fmt.Sprintf("%d:%016x", p.Docs, h.Sum64())
}

func (e *Engine) logger() *slog.Logger {
	if e.Log != nil {
		return e.Log
	}
	return slog.New(slog.DiscardHandler)
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

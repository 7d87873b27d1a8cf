package engine

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/store"
	"github.com/dossier-news/dossier/internal/store/sqlite"
)

// streamJSONL makes n articles as JSON Lines: events of a few recurring
// kinds, each in its own place with its own names, reported over a few days
// by several outlets, with copies; about three months of news (so stories
// leave the clusterer's candidate index), a few undated.
func streamJSONL(n int) [][]byte {
	r := rand.New(rand.NewPCG(3, 5))
	kinds := [][]string{
		strings.Fields("earthquake magnitude struck rubble rescue injured buildings collapsed aftershock toll"),
		strings.Fields("ceasefire talks mediators truce rebels government delegation proposal envoy negotiations"),
		strings.Fields("election votes parliament candidates turnout polling ballots coalition campaign results"),
		strings.Fields("strike workers union wages pay walkout rail factory dispute management"),
	}
	syllables := strings.Fields("ka lo mi ren sa to vek dul an ori pel zu ba nor tix gam")
	word := func() string {
		var b strings.Builder
		for range 3 {
			b.WriteString(syllables[r.IntN(len(syllables))])
		}
		w := b.String()
		return strings.ToUpper(w[:1]) + w[1:]
	}
	type event struct {
		kind          []string
		place, person string
		day           int
	}
	start := time.Date(2024, 1, 1, 8, 0, 0, 0, time.UTC)
	var events []event
	var lines [][]byte
	var recs []map[string]string
	for i := range n {
		day := i / 15
		var rec map[string]string
		switch {
		case i > 0 && r.IntN(10) == 0:
			rec = map[string]string{}
			for k, v := range recs[r.IntN(len(recs))] {
				rec[k] = v
			}
			rec["text"] += fmt.Sprintf(" Reported by desk %d.", i)
		default:
			var live []int
			for j, ev := range events {
				if day-ev.day < 4 {
					live = append(live, j)
				}
			}
			if len(live) == 0 || r.IntN(4) == 0 {
				events = append(events, event{kind: kinds[r.IntN(len(kinds))], place: word(), person: word() + " " + word(), day: day})
				live = append(live, len(events)-1)
			}
			ev := events[live[r.IntN(len(live))]]
			k := ev.kind
			var b strings.Builder
			for s := range 4 + r.IntN(3) {
				fmt.Fprintf(&b, "In %s, %s said the %s and %s went on as %d %s were reported. ", ev.place, ev.person,
					k[r.IntN(len(k))], k[r.IntN(len(k))], 10+r.IntN(90)*(s+1), k[r.IntN(len(k))])
			}
			rec = map[string]string{"title": ev.place + " " + k[0] + " " + k[1], "text": b.String(),
				"source": []string{"Wire", "Herald", "Tribune"}[r.IntN(3)]}
			if r.IntN(8) > 0 {
				rec["published"] = start.Add(time.Duration(day)*24*time.Hour + time.Duration(r.IntN(20))*time.Hour).Format(time.RFC3339)
			}
		}
		recs = append(recs, rec)
		line, _ := json.Marshal(rec)
		lines = append(lines, line)
	}
	return lines
}

func items(lines [][]byte, from int) iter.Seq[ingest.Item] {
	r := ingest.New(ingest.Options{})
	return func(yield func(ingest.Item) bool) {
		for i, l := range lines {
			name := fmt.Sprintf("a%05d.jsonl", from+i)
			for it := range r.ReadBytes(context.Background(), name, name, "", l) {
				if !yield(it) {
					return
				}
			}
		}
	}
}

// runLog records whether each clustering run started from scratch.
type runLog struct {
	mu      sync.Mutex
	scratch []bool
}

func (l *runLog) Enabled(context.Context, slog.Level) bool { return true }
func (l *runLog) WithAttrs([]slog.Attr) slog.Handler       { return l }
func (l *runLog) WithGroup(string) slog.Handler            { return l }
func (l *runLog) Handle(_ context.Context, r slog.Record) error {
	if r.Message != "clustered" {
		return nil
	}
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == "from_scratch" {
			l.mu.Lock()
			l.scratch = append(l.scratch, a.Value.Bool())
			l.mu.Unlock()
		}
		return true
	})
	return nil
}

func openStore(t *testing.T) store.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// layer reads the whole story layer: stories with their members, storylines.
func layer(t *testing.T, s store.Store) (map[int64]store.Story, map[int64][]store.Member, []store.Storyline) {
	t.Helper()
	ctx := context.Background()
	list, err := s.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stories := map[int64]store.Story{}
	members := map[int64][]store.Member{}
	for _, x := range list {
		st, ms, err := s.Story(ctx, x.ID)
		if err != nil {
			t.Fatal(err)
		}
		stories[x.ID], members[x.ID] = st, ms
	}
	lines, err := s.Storylines(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return stories, members, lines
}

// Clustering a store run by run, each run adding only what arrived since the
// last, gives the story layer of one run over everything.
func TestIncrementalClusteringMatchesOneRun(t *testing.T) {
	ctx := context.Background()
	lines := streamJSONL(1400)

	once := &Engine{Store: openStore(t), Batch: 64}
	if _, err := once.Ingest(ctx, items(lines, 0), nil); err != nil {
		t.Fatal(err)
	}
	if _, _, err := once.Cluster(ctx); err != nil {
		t.Fatal(err)
	}

	log := &runLog{}
	runs := &Engine{Store: openStore(t), Batch: 64, Log: slog.New(log)}
	cuts := []int{0, 1, 300, 301, 900, 1400}
	for i := 1; i < len(cuts); i++ {
		if _, err := runs.Ingest(ctx, items(lines[cuts[i-1]:cuts[i]], cuts[i-1]), nil); err != nil {
			t.Fatal(err)
		}
		if _, _, err := runs.Cluster(ctx); err != nil {
			t.Fatal(err)
		}
	}
	// a run with nothing new changes nothing, and counts what is there
	if n, l, err := runs.Cluster(ctx); err != nil {
		t.Fatal(err)
	} else if stored, _ := runs.Store.Stories(ctx); n != len(stored) {
		t.Fatalf("a run with nothing new counts %d stories, the store holds %d", n, len(stored))
	} else if lines, _ := runs.Store.Storylines(ctx); l != len(lines) {
		t.Fatalf("a run with nothing new counts %d storylines, the store holds %d", l, len(lines))
	}
	if want := []bool{true, false, false, false, false}; !cmp.Equal(log.scratch, want) {
		t.Fatalf("runs from scratch: %v, want %v (only the first)", log.scratch, want)
	}

	wantS, wantM, wantL := layer(t, once.Store)
	gotS, gotM, gotL := layer(t, runs.Store)
	if len(wantS) < 50 {
		t.Fatalf("only %d stories: the stream is too easy to test anything", len(wantS))
	}
	if d := cmp.Diff(wantS, gotS); d != "" {
		t.Errorf("stories differ (-one run +run by run):\n%s", d)
	}
	if d := cmp.Diff(wantM, gotM); d != "" {
		t.Errorf("members differ (-one run +run by run):\n%s", d)
	}
	if d := cmp.Diff(wantL, gotL); d != "" {
		t.Errorf("storylines differ (-one run +run by run):\n%s", d)
	}
}

// An article analysed after it was clustered makes the saved state stale:
// the next run starts from scratch, and --rebuild always does.
func TestAnalysisAfterClusteringForgetsState(t *testing.T) {
	ctx := context.Background()
	p, err := DefaultPipeline()
	if err != nil {
		t.Fatal(err)
	}
	log := &runLog{}
	e := &Engine{Store: openStore(t), Log: slog.New(log)} // store only: no analysis yet
	if _, err := e.Ingest(ctx, items(streamJSONL(5), 0), nil); err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.Cluster(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Store.ClusterState(ctx); err != nil {
		t.Fatalf("no state saved: %v", err)
	}
	e.Pipeline = p
	a, err := e.Store.Article(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Analyse(ctx, a); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Store.ClusterState(ctx); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("state kept after a clustered article was analysed: %v", err)
	}
	if _, _, err := e.Cluster(ctx); err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.Recluster(ctx); err != nil {
		t.Fatal(err)
	}
	if want := []bool{true, true, true}; !cmp.Equal(log.scratch, want) {
		t.Fatalf("runs from scratch: %v, want %v", log.scratch, want)
	}
}

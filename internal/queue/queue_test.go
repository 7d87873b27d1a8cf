package queue_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/engine"
	"github.com/dossier-news/dossier/internal/queue"
	"github.com/dossier-news/dossier/internal/store"
	"github.com/dossier-news/dossier/internal/store/sqlite"
	"github.com/dossier-news/dossier/internal/store/storetest"
)

// setup starts an embedded server and a fresh SQLite store (the worker
// works with any store; PostgreSQL is exercised by the CLI's integration
// test).
func setup(t *testing.T, co queue.ConsumerOptions) (*queue.Conn, *engine.Engine) {
	t.Helper()
	ns, err := queue.Serve(queue.ServerOptions{Addr: "127.0.0.1:0", StoreDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ns.Shutdown)
	c, err := queue.Connect(context.Background(), ns.ClientURL(), co)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "q.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return c, &engine.Engine{Store: s}
}

type results struct {
	mu   sync.Mutex
	list []queue.Result
}

func (r *results) add(x queue.Result) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.list = append(r.list, x)
}

func articles(n int) []*article.Article {
	var as []*article.Article
	for i := range n {
		as = append(as, storetest.Article(fmt.Sprintf("Article %d: ministers met in Geneva about the %d talks.", i, i%3)))
	}
	return as
}

// TestRedeliveryStoresOnce plays a worker that died: it took ten articles
// and committed three of them but acknowledged none. After AckWait they go
// to a live worker, and every article is stored once.
func TestRedeliveryStoresOnce(t *testing.T) {
	ctx := context.Background()
	c, e := setup(t, queue.ConsumerOptions{AckWait: time.Second, MaxDeliver: 5})
	as := articles(40)
	for _, a := range as {
		if err := c.Publish(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	cons, err := c.JS.Consumer(ctx, queue.ArticlesStream, queue.WorkersConsumer)
	if err != nil {
		t.Fatal(err)
	}
	batch, err := cons.Fetch(10, jetstream.FetchMaxWait(2*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for range batch.Messages() {
		n++ // taken, never acknowledged: the crashed worker
	}
	if n != 10 {
		t.Fatalf("fetched %d", n)
	}
	dup := []*article.Article{storetest.Article(string(as[0].Raw)), storetest.Article(string(as[1].Raw)), storetest.Article(string(as[2].Raw))}
	if _, err := e.Store.PutArticles(ctx, dup); err != nil { // it had committed these
		t.Fatal(err)
	}
	var got results
	w := &queue.Worker{Conn: c, Engine: e, Batch: 8, IdleExit: 3 * time.Second, Report: got.add}
	if err := w.Run(ctx); err != nil {
		t.Fatal(err)
	}
	st, err := e.Store.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 40 {
		t.Errorf("%d articles stored, want 40", st.Articles)
	}
	outcomes := map[engine.Outcome]int{}
	redelivered := 0
	for _, r := range got.list {
		outcomes[r.Outcome]++
		if r.Delivery > 1 {
			redelivered++
		}
	}
	if outcomes[engine.New] != 37 || outcomes[engine.Unchanged] != 3 || outcomes[engine.Failed] != 0 {
		t.Errorf("outcomes %v, want 37 new and 3 unchanged", outcomes)
	}
	if redelivered != 10 {
		t.Errorf("%d redeliveries reported, want 10", redelivered)
	}
	b, err := c.Backlog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if b.Articles != 0 || b.ArticlesInFlight != 0 || b.Notices != 40 {
		t.Errorf("backlog %+v: want no articles and 40 notices", b)
	}

	// The clustering consumer covers the notices, then acknowledges them.
	runs := make(chan queue.Run, 4)
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cl := &queue.Clusterer{Conn: c, Engine: e, Settle: 300 * time.Millisecond, Ran: func(r queue.Run) { runs <- r }}
	done := make(chan error, 1)
	go func() { done <- cl.Run(cctx) }()
	select {
	case r := <-runs:
		if r.Err != nil || r.Notices != 40 || r.Stories == 0 {
			t.Errorf("clustering run %+v", r)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("no clustering run")
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		b, err := c.Backlog(ctx)
		if err == nil && b.Idle() {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("notices not acknowledged: %+v %v", b, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	stories, err := e.Store.Stories(ctx)
	if err != nil || len(stories) == 0 {
		t.Errorf("stories after clustering: %d %v", len(stories), err)
	}
}

// TestUndecodableMessageIsReported: a message no redelivery can fix is
// terminated at once and reported, and the rest goes on.
func TestUndecodableMessageIsReported(t *testing.T) {
	ctx := context.Background()
	c, e := setup(t, queue.ConsumerOptions{})
	if _, err := c.JS.Publish(ctx, queue.ArticlesSubject, []byte("{not json")); err != nil {
		t.Fatal(err)
	}
	if err := c.Publish(ctx, articles(1)[0]); err != nil {
		t.Fatal(err)
	}
	var got results
	w := &queue.Worker{Conn: c, Engine: e, IdleExit: 2 * time.Second, Report: got.add}
	if err := w.Run(ctx); err != nil {
		t.Fatal(err)
	}
	var failed, stored int
	for _, r := range got.list {
		switch r.Outcome {
		case engine.Failed:
			failed++
			if r.Err == nil || !strings.Contains(r.Err.Error(), "decoding") || r.Retry {
				t.Errorf("failure %+v", r)
			}
		case engine.New:
			stored++
		}
	}
	if failed != 1 || stored != 1 {
		t.Errorf("failed %d, stored %d: %+v", failed, stored, got.list)
	}
	if b, err := c.Backlog(ctx); err != nil || b.Articles != 0 || b.ArticlesInFlight != 0 {
		t.Errorf("backlog %+v %v", b, err)
	}
}

// TestStoreFailureIsRetriedThenGivenUp: a store that fails every write
// makes the worker NAK (reported as a retry) until MaxDeliver, then give up
// (reported as failed); nothing is lost silently.
func TestStoreFailureIsRetriedThenGivenUp(t *testing.T) {
	ctx := context.Background()
	c, e := setup(t, queue.ConsumerOptions{AckWait: time.Second, MaxDeliver: 2})
	e.Store = failingStore{e.Store}
	if err := c.Publish(ctx, articles(1)[0]); err != nil {
		t.Fatal(err)
	}
	var got results
	w := &queue.Worker{Conn: c, Engine: e, IdleExit: 4 * time.Second, Report: got.add}
	if err := w.Run(ctx); err != nil {
		t.Fatal(err)
	}
	if len(got.list) != 2 || !got.list[0].Retry || got.list[1].Retry || got.list[1].Outcome != engine.Failed ||
		!strings.Contains(got.list[1].Err.Error(), "giving up after 2 deliveries") {
		t.Errorf("reports %+v", got.list)
	}
}

// failingStore fails every article write.
type failingStore struct{ store.Store }

func (failingStore) PutArticles(context.Context, []*article.Article) ([]bool, error) {
	return nil, errors.New("disk full")
}

package feeds

import (
	"context"
	"iter"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dossier-news/dossier/internal/engine"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/store"
	"github.com/dossier-news/dossier/internal/store/sqlite"
)

const rss = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour Times</title><link>https://ht.example/</link>
<item><title>Talks open in Doha</title><link>https://ht.example/1</link><pubDate>Mon, 09 Mar 2026 10:00:00 GMT</pubDate>
<description>The talks between the government and the rebels opened in Doha on Thursday, officials said.</description></item>
<item><title>Truce rejected</title><link>https://ht.example/2</link><pubDate>Tue, 10 Mar 2026 10:00:00 GMT</pubDate>
<description>The rebels rejected a proposed truce on Tuesday, their spokesman said.</description></item>
</channel></rss>`

// feedServer serves rss with an ETag, answers 304 to a matching
// If-None-Match, and fails with 500 while broken is set.
type feedServer struct {
	mu       sync.Mutex
	broken   bool
	requests []*http.Request
}

func (fs *feedServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	fs.mu.Lock()
	fs.requests = append(fs.requests, r)
	broken := fs.broken
	fs.mu.Unlock()
	if broken {
		http.Error(w, "down", http.StatusInternalServerError)
		return
	}
	if r.Header.Get("If-None-Match") == `"v1"` {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", `"v1"`)
	w.Header().Set("Last-Modified", "Mon, 09 Mar 2026 10:00:00 GMT")
	w.Header().Set("Content-Type", "application/rss+xml")
	w.Write([]byte(rss))
}

func (fs *feedServer) setBroken(b bool) { fs.mu.Lock(); fs.broken = b; fs.mu.Unlock() }

func (fs *feedServer) seen() []*http.Request {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return append([]*http.Request(nil), fs.requests...)
}

func setup(t *testing.T, opts Options) (*Poller, *sqlite.Store, *feedServer, string) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "f.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	fsrv := &feedServer{}
	hs := httptest.NewServer(fsrv)
	t.Cleanup(hs.Close)
	e := &engine.Engine{Store: st}
	opts.Store = st
	opts.Ingest = func(ctx context.Context, items iter.Seq[ingest.Item]) (int, error) {
		sum, err := e.Ingest(ctx, items, nil)
		return sum.New, err
	}
	if opts.HostDelay == 0 {
		opts.HostDelay = time.Millisecond
	}
	return New(opts), st, fsrv, hs.URL + "/feed.xml"
}

func TestPollIngestsThenConditional(t *testing.T) {
	ctx := context.Background()
	p, st, fsrv, u := setup(t, Options{Interval: time.Hour})
	f, _, err := st.PutFeed(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	f, err = p.Poll(ctx, f)
	if err != nil || f.Articles != 2 || f.Title != "Harbour Times" || f.ETag != `"v1"` || f.LastSuccess.IsZero() {
		t.Fatalf("first poll: %+v %v", f, err)
	}
	if n, _ := st.Stats(ctx); n.Articles != 2 {
		t.Errorf("articles stored: %d", n.Articles)
	}
	f, err = p.Poll(ctx, f)
	if err != nil || f.Articles != 2 {
		t.Fatalf("second poll: %+v %v", f, err)
	}
	reqs := fsrv.seen()
	last := reqs[len(reqs)-1]
	if last.Header.Get("If-None-Match") != `"v1"` || last.Header.Get("If-Modified-Since") == "" {
		t.Errorf("second request not conditional: %v", last.Header)
	}
	stored, _ := st.Feeds(ctx)
	if stored[0].ETag != `"v1"` || stored[0].Articles != 2 || stored[0].NextCheck.IsZero() {
		t.Errorf("state not stored: %+v", stored[0])
	}
}

func TestBackoffOnErrors(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 3, 9, 12, 0, 0, 0, time.UTC)
	p, st, fsrv, u := setup(t, Options{Interval: time.Minute, MaxBackoff: 10 * time.Minute, Now: func() time.Time { return now }})
	fsrv.setBroken(true)
	f, _, _ := st.PutFeed(ctx, u)
	var waits []time.Duration
	for range 5 {
		var err error
		f, err = p.Poll(ctx, f)
		if err == nil || !strings.Contains(f.LastError, "500") {
			t.Fatalf("broken feed: %+v %v", f, err)
		}
		waits = append(waits, f.NextCheck.Sub(now))
	}
	want := []time.Duration{2 * time.Minute, 4 * time.Minute, 8 * time.Minute, 10 * time.Minute, 10 * time.Minute}
	for i := range want {
		if waits[i] != want[i] {
			t.Errorf("backoff after %d failures = %v, want %v", i+1, waits[i], want[i])
		}
	}
	if f.Failures != 5 {
		t.Errorf("failures = %d", f.Failures)
	}
	// Not due: PollDue leaves it alone.
	n := len(fsrv.seen())
	if err := p.PollDue(ctx); err != nil || len(fsrv.seen()) != n {
		t.Errorf("polled a feed that was not due: %d requests, %v", len(fsrv.seen())-n, err)
	}
	fsrv.setBroken(false)
	f, err := p.Poll(ctx, f)
	if err != nil || f.Failures != 0 || f.LastError != "" || f.NextCheck.Sub(now) != time.Minute {
		t.Errorf("recovery resets the backoff: %+v %v", f, err)
	}
}

func TestPolitenessDelayPerHost(t *testing.T) {
	ctx := context.Background()
	p, st, fsrv, u := setup(t, Options{HostDelay: 150 * time.Millisecond})
	for _, q := range []string{"?a", "?b", "?c"} {
		if _, _, err := st.PutFeed(ctx, u+q); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	if err := p.PollDue(ctx); err != nil {
		t.Fatal(err)
	}
	if len(fsrv.seen()) != 3 {
		t.Fatalf("requests: %d", len(fsrv.seen()))
	}
	if d := time.Since(start); d < 300*time.Millisecond {
		t.Errorf("three requests to one host in %v, want at least two delays of 150ms", d)
	}
}

func TestUnparsableFeedFails(t *testing.T) {
	ctx := context.Background()
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte("<rss><channel><title>x</title>"))
	}))
	defer hs.Close()
	p, st, _, _ := setup(t, Options{})
	f, _, _ := st.PutFeed(ctx, hs.URL+"/bad.xml")
	f, err := p.Poll(ctx, f)
	if err == nil || f.Failures != 1 || f.ETag != "" {
		t.Errorf("broken XML: %+v %v", f, err)
	}
	var _ store.Feed = f
}

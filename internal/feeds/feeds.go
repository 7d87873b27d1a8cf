// Package feeds polls subscribed RSS, Atom and JSON feeds: conditional
// requests (ETag, If-Modified-Since), exponential backoff per feed on errors,
// a politeness delay between requests to one host, and the feed's health
// (last check, last success, consecutive failures, last error) stored with
// the subscription. New entries go to the caller's ingest function, which
// stores, analyses and clusters them.
package feeds

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/store"
)

// Store is what the poller needs of the store.
type Store interface {
	Feeds(ctx context.Context) ([]store.Feed, error)
	UpdateFeed(ctx context.Context, f store.Feed) error
}

// IngestFunc stores the items of one poll and returns how many were new.
type IngestFunc func(ctx context.Context, items iter.Seq[ingest.Item]) (created int, err error)

// Options configure a Poller. Zero values take the defaults.
type Options struct {
	Store  Store
	Ingest IngestFunc
	Reader *ingest.Reader // decodes the fetched feed; default ingest.New
	Client *http.Client   // default: 30 s timeout
	Log    *slog.Logger
	// Interval between successful polls of one feed; default 15 minutes.
	Interval time.Duration
	// MaxBackoff caps the delay after repeated failures; default 24 hours.
	MaxBackoff time.Duration
	// HostDelay is the least time between two requests to one host; default 2 s.
	HostDelay time.Duration
	// Tick is how often the poller looks for due feeds; default 5 s.
	Tick time.Duration
	// MaxBytes bounds one feed document; default 10 MiB.
	MaxBytes  int64
	UserAgent string
	Now       func() time.Time
	// OnPoll is told the outcome of every poll (metrics); nil: nothing.
	OnPoll func(ok bool)
}

// Poller polls the subscribed feeds. It is safe for concurrent use.
type Poller struct {
	opts Options
	mu   sync.Mutex
	last map[string]time.Time // host -> time of the last request
}

// New returns a Poller with defaults filled in.
func New(opts Options) *Poller {
	if opts.Reader == nil {
		opts.Reader = ingest.New(ingest.Options{})
	}
	if opts.Client == nil {
		opts.Client = &http.Client{Timeout: 30 * time.Second}
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	if opts.Interval <= 0 {
		opts.Interval = 15 * time.Minute
	}
	if opts.MaxBackoff <= 0 {
		opts.MaxBackoff = 24 * time.Hour
	}
	if opts.HostDelay <= 0 {
		opts.HostDelay = 2 * time.Second
	}
	if opts.Tick <= 0 {
		opts.Tick = 5 * time.Second
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = 10 << 20
	}
	if opts.UserAgent == "" {
		opts.UserAgent = "dossier/1 (+feed poller)"
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Poller{opts: opts, last: map[string]time.Time{}}
}

// Run polls due feeds until ctx is done.
func (p *Poller) Run(ctx context.Context) error {
	t := time.NewTicker(p.opts.Tick)
	defer t.Stop()
	for {
		if err := p.PollDue(ctx); err != nil && ctx.Err() == nil {
			p.opts.Log.Error("feed poll", "err", err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// PollDue polls every feed whose next check has come (never-checked feeds
// included), one after another.
func (p *Poller) PollDue(ctx context.Context) error {
	list, err := p.opts.Store.Feeds(ctx)
	if err != nil {
		return err
	}
	for _, f := range list {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if !f.NextCheck.IsZero() && p.opts.Now().Before(f.NextCheck) {
			continue
		}
		if _, err := p.Poll(ctx, f); err != nil && ctx.Err() != nil {
			return ctx.Err()
		}
	}
	return nil
}

// Backoff is the delay before the next poll after n consecutive failures:
// the interval doubled per failure, capped.
func (p *Poller) Backoff(n int) time.Duration {
	d := p.opts.Interval
	for i := 0; i < n && d < p.opts.MaxBackoff; i++ {
		d *= 2
	}
	return min(d, p.opts.MaxBackoff)
}

// waitHost sleeps until the host may be asked again, then claims the slot.
func (p *Poller) waitHost(ctx context.Context, host string) error {
	for {
		p.mu.Lock()
		now := time.Now()
		next := p.last[host].Add(p.opts.HostDelay)
		if !now.Before(next) {
			p.last[host] = now
			p.mu.Unlock()
			return nil
		}
		p.mu.Unlock()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(next.Sub(now)):
		}
	}
}

// errStatus is a non-success HTTP status.
type errStatus struct{ code int }

func (e errStatus) Error() string { return fmt.Sprintf("HTTP %d %s", e.code, http.StatusText(e.code)) }

// Poll fetches one feed (conditionally), ingests its entries and stores the
// feed's new state; it returns the state stored. An error of the feed
// itself (network, HTTP status, parse) is recorded in the state and
// returned; the backoff grows with each consecutive failure.
func (p *Poller) Poll(ctx context.Context, f store.Feed) (store.Feed, error) {
	now := p.opts.Now()
	f.LastChecked = now
	created, err := p.fetch(ctx, &f)
	if p.opts.OnPoll != nil {
		p.opts.OnPoll(err == nil)
	}
	if err != nil {
		f.Failures++
		f.LastError = err.Error()
		f.NextCheck = now.Add(p.Backoff(f.Failures))
		p.opts.Log.Warn("feed failed", "feed", f.URL, "failures", f.Failures, "next", f.NextCheck, "err", err)
	} else {
		f.Failures, f.LastError = 0, ""
		f.LastSuccess = now
		f.Articles += created
		f.NextCheck = now.Add(p.opts.Interval)
		p.opts.Log.Info("feed polled", "feed", f.URL, "new", created)
	}
	if uerr := p.opts.Store.UpdateFeed(context.WithoutCancel(ctx), f); uerr != nil {
		return f, errors.Join(err, fmt.Errorf("storing feed state: %w", uerr))
	}
	return f, err
}

func (p *Poller) fetch(ctx context.Context, f *store.Feed) (int, error) {
	u, err := url.Parse(f.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return 0, fmt.Errorf("not an http(s) URL: %q", f.URL)
	}
	if err := p.waitHost(ctx, u.Host); err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, f.URL, nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("User-Agent", p.opts.UserAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5")
	if f.ETag != "" {
		req.Header.Set("If-None-Match", f.ETag)
	}
	if f.LastModified != "" {
		req.Header.Set("If-Modified-Since", f.LastModified)
	}
	resp, err := p.opts.Client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified {
		return 0, nil
	}
	if resp.StatusCode != http.StatusOK {
		return 0, errStatus{resp.StatusCode}
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, p.opts.MaxBytes+1))
	if err != nil {
		return 0, err
	}
	if int64(len(data)) > p.opts.MaxBytes {
		return 0, fmt.Errorf("feed over %d bytes", p.opts.MaxBytes)
	}
	if t := feedTitle(data); t != "" {
		f.Title = t
	}
	// The item errors of a feed (one bad entry) do not fail the poll; a
	// feed that cannot be parsed at all does.
	var whole error
	items := func(yield func(ingest.Item) bool) {
		for it := range p.opts.Reader.ReadBytes(ctx, f.URL, "", resp.Header.Get("Content-Type"), data) {
			var ie *ingest.Error
			if it.Err != nil && errors.As(it.Err, &ie) && ie.Origin == f.URL {
				whole = it.Err
			}
			if !yield(it) {
				return
			}
		}
	}
	created, err := p.opts.Ingest(ctx, items)
	if err != nil {
		return created, err
	}
	if whole != nil {
		return created, whole
	}
	// Only a fully processed poll moves the validators on, so a failed
	// ingest is retried with the whole document.
	f.ETag = resp.Header.Get("ETag")
	f.LastModified = resp.Header.Get("Last-Modified")
	return created, nil
}

// feedTitle finds the feed's own title cheaply: the first <title> (RSS,
// Atom) or "title" member (JSON Feed) in the document.
func feedTitle(data []byte) string {
	s := string(data[:min(len(data), 64<<10)])
	if i := strings.Index(s, "<title"); i >= 0 {
		if j := strings.IndexByte(s[i:], '>'); j >= 0 {
			rest := s[i+j+1:]
			if k := strings.Index(rest, "</title>"); k >= 0 {
				t := strings.TrimSpace(rest[:k])
				t = strings.TrimSuffix(strings.TrimPrefix(t, "<![CDATA["), "]]>")
				return strings.TrimSpace(t)
			}
		}
	}
	return ""
}

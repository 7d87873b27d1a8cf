package server

import (
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// latencyBuckets are the upper bounds (seconds) of the request latency histogram.
var latencyBuckets = [...]float64{0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

type histogram struct {
	counts [len(latencyBuckets) + 1]uint64 // last is +Inf
	sum    float64
	n      uint64
}

// metrics holds the server's counters; written in the Prometheus text
// exposition format by hand (no client library needed for a handful).
type metrics struct {
	mu       sync.Mutex
	latency  map[string]*histogram // by route
	requests map[string]uint64     // by route and status class: "route\x00code"

	errors       atomic.Uint64 // 5xx answers
	ingested     atomic.Uint64 // new articles stored
	unchanged    atomic.Uint64 // items already stored
	failed       atomic.Uint64 // items that failed
	feedPolls    atomic.Uint64
	feedFailures atomic.Uint64
}

func newMetrics() *metrics {
	return &metrics{latency: map[string]*histogram{}, requests: map[string]uint64{}}
}

// CountIngest adds one batch's outcome counts.
func (m *metrics) CountIngest(created, unchanged, failed int) {
	m.ingested.Add(uint64(created))
	m.unchanged.Add(uint64(unchanged))
	m.failed.Add(uint64(failed))
}

// CountFeedPoll counts one feed poll.
func (m *metrics) CountFeedPoll(ok bool) {
	m.feedPolls.Add(1)
	if !ok {
		m.feedFailures.Add(1)
	}
}

func (m *metrics) observe(route string, status int, d time.Duration) {
	sec := d.Seconds()
	m.mu.Lock()
	defer m.mu.Unlock()
	h := m.latency[route]
	if h == nil {
		h = &histogram{}
		m.latency[route] = h
	}
	i := sort.SearchFloat64s(latencyBuckets[:], sec)
	h.counts[i]++
	h.sum += sec
	h.n++
	m.requests[route+"\x00"+strconv.Itoa(status)]++
}

func label(v string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(v)
}

func (s *Server) handleMetrics(w http.ResponseWriter, r *http.Request) {
	st, err := s.opts.Store.Stats(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	m := s.metrics
	gauge := func(w io.Writer, name, help string, v float64) {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s gauge\n%s %g\n", name, help, name, name, v)
	}
	counter := func(w io.Writer, name, help string, v uint64) {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s counter\n%s %d\n", name, help, name, name, v)
	}
	gauge(w, "dossier_articles", "Articles in the store.", float64(st.Articles))
	gauge(w, "dossier_articles_analysed", "Articles with a stored analysis.", float64(st.Analysed))
	gauge(w, "dossier_stories", "Stories in the story layer.", float64(st.Stories))
	gauge(w, "dossier_entities", "Distinct entities mentioned.", float64(st.Entities))
	fmt.Fprintf(w, "# HELP dossier_ingest_items_total Ingested items by outcome (rate() gives the ingest rate).\n# TYPE dossier_ingest_items_total counter\n")
	fmt.Fprintf(w, "dossier_ingest_items_total{outcome=\"new\"} %d\n", m.ingested.Load())
	fmt.Fprintf(w, "dossier_ingest_items_total{outcome=\"unchanged\"} %d\n", m.unchanged.Load())
	fmt.Fprintf(w, "dossier_ingest_items_total{outcome=\"failed\"} %d\n", m.failed.Load())
	counter(w, "dossier_http_errors_total", "HTTP responses with a 5xx status.", m.errors.Load())
	counter(w, "dossier_feed_polls_total", "Feed polls.", m.feedPolls.Load())
	counter(w, "dossier_feed_poll_failures_total", "Feed polls that failed.", m.feedFailures.Load())

	m.mu.Lock()
	defer m.mu.Unlock()
	keys := make([]string, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintf(w, "# HELP dossier_http_requests_total HTTP requests by route and status.\n# TYPE dossier_http_requests_total counter\n")
	for _, k := range keys {
		route, code, _ := strings.Cut(k, "\x00")
		fmt.Fprintf(w, "dossier_http_requests_total{route=\"%s\",code=\"%s\"} %d\n", label(route), code, m.requests[k])
	}
	routes := make([]string, 0, len(m.latency))
	for k := range m.latency {
		routes = append(routes, k)
	}
	sort.Strings(routes)
	fmt.Fprintf(w, "# HELP dossier_http_request_duration_seconds HTTP request latency by route.\n# TYPE dossier_http_request_duration_seconds histogram\n")
	for _, route := range routes {
		h := m.latency[route]
		var cum uint64
		for i, le := range latencyBuckets {
			cum += h.counts[i]
			fmt.Fprintf(w, "dossier_http_request_duration_seconds_bucket{route=\"%s\",le=\"%g\"} %d\n", label(route), le, cum)
		}
		cum += h.counts[len(latencyBuckets)]
		fmt.Fprintf(w, "dossier_http_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %d\n", label(route), cum)
		fmt.Fprintf(w, "dossier_http_request_duration_seconds_sum{route=\"%s\"} %g\n", label(route), h.sum)
		fmt.Fprintf(w, "dossier_http_request_duration_seconds_count{route=\"%s\"} %d\n", label(route), h.n)
	}
}

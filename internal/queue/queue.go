// Package queue is dossier's distributed pipeline on NATS JetStream: an
// embedded server for one machine or tests, the work-queue stream that
// "dossier ingest --nats" fills with read articles, the workers that store
// and analyse them (acknowledging only after the article's transaction
// committed, so a crashed worker's articles are redelivered and stored once
// by content hash), and the clustering consumer that keeps the story layer
// in step. The design and its trade-offs are in docs/distributed.md.
package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/dossier-news/dossier/internal/article"
)

// Stream, subject and consumer names. The article stream is a work queue
// (a message is gone once a worker acknowledged it); the notice stream
// tells the clustering consumer that new analyses are stored.
const (
	ArticlesStream  = "DOSSIER_ARTICLES"
	ArticlesSubject = "dossier.articles"
	NoticesStream   = "DOSSIER_ANALYSED"
	NoticesSubject  = "dossier.analysed"
	WorkersConsumer = "workers"
	ClusterConsumer = "cluster"
)

// MaxPayload is the largest message the embedded server accepts: an
// article's raw bytes plus its parsed text and structure (ingest reads at
// most 10 MiB per input by default; news pages are far smaller).
const MaxPayload = 16 << 20

// Job is one article on the work queue: the ingest.Item's article as JSON
// with its raw bytes (which article.Article leaves out of its JSON).
type Job struct {
	Article *article.Article `json:"article"`
	Raw     []byte           `json:"raw"`
}

// Notice says that a worker stored (and analysed) an article.
type Notice struct {
	ID   int64  `json:"id"`
	Hash string `json:"hash"`
	New  bool   `json:"new"`
}

// ServerOptions configure the embedded server.
type ServerOptions struct {
	Addr     string // host:port, e.g. 127.0.0.1:4222 (port 0 picks a free one)
	StoreDir string // where JetStream keeps its streams
}

// Serve starts an embedded NATS server with JetStream and waits until it
// accepts connections. The caller shuts it down (Shutdown, WaitForShutdown).
func Serve(o ServerOptions) (*server.Server, error) {
	host, portText, err := net.SplitHostPort(o.Addr)
	if err != nil {
		return nil, fmt.Errorf("nats address %q: %w", o.Addr, err)
	}
	port, err := strconv.Atoi(portText)
	if err != nil {
		return nil, fmt.Errorf("nats address %q: %w", o.Addr, err)
	}
	if port == 0 {
		port = server.RANDOM_PORT
	}
	ns, err := server.NewServer(&server.Options{
		ServerName: "dossier",
		Host:       host,
		Port:       port,
		JetStream:  true,
		StoreDir:   o.StoreDir,
		MaxPayload: MaxPayload,
		NoSigs:     true, // the command handles signals itself
	})
	if err != nil {
		return nil, fmt.Errorf("starting nats: %w", err)
	}
	go ns.Start()
	if !ns.ReadyForConnections(30 * time.Second) {
		ns.Shutdown()
		return nil, errors.New("starting nats: not ready after 30s")
	}
	return ns, nil
}

// Conn is a connection with the streams and consumers set up.
type Conn struct {
	NC   *nats.Conn
	JS   jetstream.JetStream
	opts ConsumerOptions
}

// ConsumerOptions tune redelivery of the work queue.
type ConsumerOptions struct {
	// AckWait is how long a worker may hold an article before it is given
	// to another worker (a crashed worker never acknowledges). It bounds
	// how long a crash delays an article, and must exceed the time one
	// batch takes to store and analyse.
	AckWait time.Duration
	// MaxDeliver is how often an article is tried before it is given up
	// (and reported by the worker that saw its last delivery).
	MaxDeliver int
}

// The work queue's defaults.
const (
	DefaultAckWait    = 60 * time.Second
	DefaultMaxDeliver = 5
)

// Connect connects to the server at url and creates the streams and the
// durable consumers when they do not exist yet (idempotent; every role
// calls it, so start order does not matter).
func Connect(ctx context.Context, url string, co ConsumerOptions) (*Conn, error) {
	nc, err := nats.Connect(url, nats.Name("dossier"), nats.MaxReconnects(-1))
	if err != nil {
		return nil, fmt.Errorf("connecting to %s: %w", url, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("jetstream at %s: %w", url, err)
	}
	c := &Conn{NC: nc, JS: js}
	if co.AckWait <= 0 {
		co.AckWait = DefaultAckWait
	}
	if co.MaxDeliver <= 0 {
		co.MaxDeliver = DefaultMaxDeliver
	}
	c.opts = co
	if err := c.setup(ctx, co); err != nil {
		nc.Close()
		return nil, err
	}
	return c, nil
}

// Close drains and closes the connection.
func (c *Conn) Close() { c.NC.Drain() }

func (c *Conn) setup(ctx context.Context, co ConsumerOptions) error {
	for _, sc := range []jetstream.StreamConfig{
		{
			Name: ArticlesStream, Subjects: []string{ArticlesSubject},
			Retention: jetstream.WorkQueuePolicy, Storage: jetstream.FileStorage,
			// Publishing the same bytes twice within the window is dropped
			// by the server (message ID = content hash); later repeats are
			// caught by the store.
			Duplicates: 2 * time.Minute, MaxMsgSize: MaxPayload,
		},
		{
			Name: NoticesStream, Subjects: []string{NoticesSubject},
			Retention: jetstream.WorkQueuePolicy, Storage: jetstream.FileStorage,
		},
	} {
		if _, err := c.JS.CreateOrUpdateStream(ctx, sc); err != nil {
			return fmt.Errorf("creating stream %s: %w", sc.Name, err)
		}
	}
	if _, err := c.JS.CreateOrUpdateConsumer(ctx, ArticlesStream, jetstream.ConsumerConfig{
		Durable: WorkersConsumer, AckPolicy: jetstream.AckExplicitPolicy,
		AckWait: co.AckWait, MaxDeliver: co.MaxDeliver, MaxAckPending: 4096,
	}); err != nil {
		return fmt.Errorf("creating consumer %s: %w", WorkersConsumer, err)
	}
	// The clustering consumer holds its notices unacknowledged until the
	// re-clustering that covers them has committed: a long AckWait, and no
	// cap on what it may hold.
	if _, err := c.JS.CreateOrUpdateConsumer(ctx, NoticesStream, jetstream.ConsumerConfig{
		Durable: ClusterConsumer, AckPolicy: jetstream.AckExplicitPolicy,
		AckWait: 30 * time.Minute, MaxAckPending: -1,
	}); err != nil {
		return fmt.Errorf("creating consumer %s: %w", ClusterConsumer, err)
	}
	return nil
}

// Publish puts one read article on the work queue and waits until the
// server stored it. The message ID is the content hash, so the server drops
// a repeat within its duplicate window.
func (c *Conn) Publish(ctx context.Context, a *article.Article) error {
	if a.Hash == "" {
		a.Hash = article.HashBytes(a.Raw)
	}
	data, err := json.Marshal(Job{Article: a, Raw: a.Raw})
	if err != nil {
		return fmt.Errorf("encoding %s: %w", a.Origin, err)
	}
	if _, err := c.JS.Publish(ctx, ArticlesSubject, data, jetstream.WithMsgID(a.Hash)); err != nil {
		return fmt.Errorf("publishing %s: %w", a.Origin, err)
	}
	return nil
}

// Backlog is what the queue still holds.
type Backlog struct {
	Articles         uint64 `json:"articles"`           // not yet delivered to a worker
	ArticlesInFlight int    `json:"articles_in_flight"` // delivered, not yet acknowledged
	Notices          uint64 `json:"notices"`            // stored analyses the clustering has not covered
	NoticesInFlight  int    `json:"notices_in_flight"`
}

// Idle reports whether nothing is waiting or in flight.
func (b Backlog) Idle() bool {
	return b.Articles == 0 && b.ArticlesInFlight == 0 && b.Notices == 0 && b.NoticesInFlight == 0
}

// Backlog reads the two consumers' state.
func (c *Conn) Backlog(ctx context.Context) (Backlog, error) {
	var b Backlog
	w, err := c.JS.Consumer(ctx, ArticlesStream, WorkersConsumer)
	if err != nil {
		return b, fmt.Errorf("backlog: %w", err)
	}
	wi, err := w.Info(ctx)
	if err != nil {
		return b, fmt.Errorf("backlog: %w", err)
	}
	cl, err := c.JS.Consumer(ctx, NoticesStream, ClusterConsumer)
	if err != nil {
		return b, fmt.Errorf("backlog: %w", err)
	}
	ci, err := cl.Info(ctx)
	if err != nil {
		return b, fmt.Errorf("backlog: %w", err)
	}
	b.Articles, b.ArticlesInFlight = wi.NumPending, wi.NumAckPending
	b.Notices, b.NoticesInFlight = ci.NumPending, ci.NumAckPending
	return b, nil
}

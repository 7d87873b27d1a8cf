package main

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/feeds"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/server"
)

type serveOptions struct {
	addr         string
	token        string
	noFeeds      bool
	feedInterval time.Duration
	hostDelay    time.Duration
}

func newServeCmd(g *globalOptions) *cobra.Command {
	var o serveOptions
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the web UI and the JSON API (/api/v1), and poll the subscribed feeds",
		Long: `Serves the web UI, the JSON API under /api/v1 (described at /api/v1/openapi.json),
/healthz and Prometheus /metrics, and polls the feeds added with 'dossier feeds add'.

It binds the loopback interface by default. With --token (or DOSSIER_TOKEN) every
request but /healthz needs "Authorization: Bearer TOKEN" (browsers sign in
once at /login, which keeps the token in a cookie); a token is required to
bind any other address.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.token == "" {
				o.token = os.Getenv("DOSSIER_TOKEN")
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			return runServe(ctx, g, o)
		},
	}
	cmd.Flags().StringVar(&o.addr, "addr", "127.0.0.1:8080", "listen address")
	cmd.Flags().StringVar(&o.token, "token", "", "bearer token required on every request (env DOSSIER_TOKEN)")
	cmd.Flags().BoolVar(&o.noFeeds, "no-feeds", false, "do not poll feeds")
	cmd.Flags().DurationVar(&o.feedInterval, "feed-interval", 15*time.Minute, "time between polls of one feed")
	cmd.Flags().DurationVar(&o.hostDelay, "host-delay", 2*time.Second, "least time between two requests to one host")
	return cmd
}

func runServe(ctx context.Context, g *globalOptions, o serveOptions) error {
	if !server.IsLoopback(o.addr) && o.token == "" {
		return fmt.Errorf("refusing to serve on %s without --token: only loopback addresses may go without one", o.addr)
	}
	// The server logs every request: structured, at info level unless -v.
	level := slog.LevelInfo
	if g.verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewJSONHandler(g.stderr, &slog.HandlerOptions{Level: level}))
	e, closeStore, err := g.openEngine(ctx, true)
	if err != nil {
		return err
	}
	defer closeStore()
	e.Log = log
	reader := ingest.New(ingest.Options{Logger: log})
	srv, err := server.New(server.Options{Store: e.Store, Engine: e, Log: log, Token: o.token, Reader: reader})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", o.addr, err)
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second, ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	fmt.Fprintf(g.stdout, "dossier serving http://%s (store %s)\n", ln.Addr(), g.db)
	if !o.noFeeds {
		p := feeds.New(feeds.Options{
			Store: e.Store, Reader: reader, Log: log, Interval: o.feedInterval, HostDelay: o.hostDelay,
			OnPoll: srv.Metrics().CountFeedPoll,
			Ingest: func(ctx context.Context, items iter.Seq[ingest.Item]) (int, error) {
				rep, err := srv.Ingest(ctx, items)
				return rep.New, err
			},
		})
		go p.Run(ctx)
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shut); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

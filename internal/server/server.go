// Package server is dossier's HTTP front end: the JSON API under /api/v1
// (with its OpenAPI description), the server-rendered web UI with its
// embedded static assets, health and Prometheus metrics. It reads and writes
// through store.Store and engine.Engine and owns no analysis of its own.
package server

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/dossier-news/dossier/internal/engine"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/store"
)

// Options configure a Server.
type Options struct {
	Store  store.Store
	Engine *engine.Engine // nil: read-only (ingest answers 503)
	Log    *slog.Logger   // nil: discard
	// Token, when set, is required as "Authorization: Bearer TOKEN" on every
	// request but /healthz.
	Token string
	// Reader decodes uploads; nil: ingest.New with defaults.
	Reader *ingest.Reader
	// MaxUpload bounds one ingest request body; default 32 MiB.
	MaxUpload int64
	// Now is the clock (tests); nil: time.Now.
	Now func() time.Time
}

// Server serves the API and the UI. It is safe for concurrent use.
type Server struct {
	opts    Options
	log     *slog.Logger
	metrics *metrics
	mux     *http.ServeMux
	pages   *pages
	// ingestMu serialises ingest and clustering: the story layer is replaced
	// whole by each clustering run, so two runs must not interleave.
	ingestMu sync.Mutex
	routes   []string   // every pattern registered, for the OpenAPI check
	api      []apiRoute // the API routes (apiRoutes; a field to break the init cycle through openapi.json)
}

// New builds a Server.
func New(opts Options) (*Server, error) {
	if opts.Store == nil {
		return nil, errors.New("server: no store")
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	if opts.Reader == nil {
		opts.Reader = ingest.New(ingest.Options{Logger: opts.Log})
	}
	if opts.MaxUpload <= 0 {
		opts.MaxUpload = 32 << 20
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	p, err := loadPages()
	if err != nil {
		return nil, err
	}
	s := &Server{opts: opts, log: opts.Log, metrics: newMetrics(), mux: http.NewServeMux(), pages: p}
	s.register()
	return s, nil
}

// Handler returns the root handler with logging, metrics, authentication and
// panic recovery around the routes.
func (s *Server) Handler() http.Handler {
	return s.middleware(s.mux)
}

// Metrics exposes the counters the feed poller adds to.
func (s *Server) Metrics() *metrics { return s.metrics }

func (s *Server) handle(pattern string, h http.HandlerFunc) {
	s.routes = append(s.routes, pattern)
	s.mux.HandleFunc(pattern, h)
}

type ctxKey int

const requestIDKey ctxKey = 0

func requestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey).(string)
	return id
}

func newID() string {
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

func (s *Server) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := newID()
		r = r.WithContext(context.WithValue(r.Context(), requestIDKey, id))
		sw := &statusWriter{ResponseWriter: w}
		h := sw.Header()
		h.Set("X-Request-Id", id)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		// Article text is untrusted: scripts only from our own origin, never inline.
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
		defer func() {
			if v := recover(); v != nil {
				s.log.Error("panic", "id", id, "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v))
				if sw.status == 0 {
					s.writeError(sw, r, http.StatusInternalServerError, "internal", "internal error")
				}
			}
			d := time.Since(start)
			route := r.Pattern
			if route == "" {
				route = "unmatched"
			}
			s.metrics.observe(route, sw.status, d)
			s.log.Info("request", "id", id, "method", r.Method, "path", r.URL.Path, "route", route,
				"status", sw.status, "bytes", sw.bytes, "ms", float64(d.Microseconds())/1000)
		}()
		if s.opts.Token != "" && !public(r.URL.Path) && !s.authorised(r) {
			if r.Method == http.MethodGet && !strings.HasPrefix(r.URL.Path, "/api/") && strings.Contains(r.Header.Get("Accept"), "text/html") {
				http.Redirect(sw, r, "/login", http.StatusSeeOther)
				return
			}
			h.Set("WWW-Authenticate", `Bearer realm="dossier"`)
			s.writeError(sw, r, http.StatusUnauthorized, "unauthorized", "a valid bearer token is required")
			return
		}
		next.ServeHTTP(sw, r)
	})
}

// public paths need no token: health checks, the sign-in form and the
// static assets it uses.
func public(path string) bool {
	return path == "/healthz" || path == "/login" || strings.HasPrefix(path, "/static/")
}

func (s *Server) authorised(r *http.Request) bool {
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		// Browsers cannot add headers to plain navigation: accept the token
		// from the cookie the sign-in form sets.
		c, err := r.Cookie("dossier_token")
		if err != nil {
			return false
		}
		got = c.Value
	}
	return subtle.ConstantTimeCompare([]byte(got), []byte(s.opts.Token)) == 1
}

// apiError is the error object every API error response carries.
type apiError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		ID      string `json:"id"`
	} `json:"error"`
}

// writeError answers with the error object; the id is the request's, also logged.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, status int, code, msg string) {
	var e apiError
	e.Error.Code, e.Error.Message, e.Error.ID = code, msg, requestID(r.Context())
	lvl := slog.LevelInfo
	if status >= 500 {
		lvl = slog.LevelError
	}
	s.log.Log(r.Context(), lvl, "error response", "id", e.Error.ID, "status", status, "code", code, "message", msg)
	if status >= 500 {
		s.metrics.errors.Add(1)
	}
	if !strings.HasPrefix(r.URL.Path, "/api/") && strings.Contains(r.Header.Get("Accept"), "text/html") {
		s.renderError(w, r, status, msg, e.Error.ID)
		return
	}
	writeJSON(w, status, e)
}

// fail maps a store or engine error to a response.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.writeError(w, r, http.StatusNotFound, "not_found", err.Error())
	case errors.Is(err, context.Canceled):
		s.writeError(w, r, 499, "canceled", "request canceled")
	default:
		s.log.Error("handler", "id", requestID(r.Context()), "err", err)
		s.writeError(w, r, http.StatusInternalServerError, "internal", "internal error (see the server log for this id)")
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

// IsLoopback reports whether addr (host:port) binds only the loopback
// interface; "" and ":8080" (all interfaces) are not loopback.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

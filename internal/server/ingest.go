package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/dossier-news/dossier/internal/engine"
	"github.com/dossier-news/dossier/internal/ingest"
)

// itemResult is the fate of one ingested item, as the API reports it.
type itemResult struct {
	Origin  string `json:"origin,omitempty"`
	ID      int64  `json:"id,omitempty"`
	Title   string `json:"title,omitempty"`
	Outcome string `json:"outcome"` // new, unchanged, failed
	Error   string `json:"error,omitempty"`
}

// ingestReport is the answer to an ingest request.
type ingestReport struct {
	Results   []itemResult `json:"results"`
	New       int          `json:"new"`
	Unchanged int          `json:"unchanged"`
	Failed    int          `json:"failed"`
	Stories   int          `json:"stories"` // stories after re-clustering (0 when nothing new)
}

// Ingest stores and analyses the items and, when any is new, adds them to
// the story layer. The feed poller calls it too. Runs are serialised: each
// clustering run starts from the state the previous one saved.
func (s *Server) Ingest(ctx context.Context, items iter.Seq[ingest.Item]) (ingestReport, error) {
	rep := ingestReport{Results: []itemResult{}}
	if s.opts.Engine == nil {
		return rep, errReadOnly
	}
	s.ingestMu.Lock()
	defer s.ingestMu.Unlock()
	sum, err := s.opts.Engine.Ingest(ctx, items, func(r engine.Result) {
		ir := itemResult{Origin: r.Origin, ID: r.ID, Title: r.Title, Outcome: string(r.Outcome)}
		if r.Err != nil {
			ir.Error = r.Err.Error()
		}
		rep.Results = append(rep.Results, ir)
	})
	rep.New, rep.Unchanged, rep.Failed = sum.New, sum.Unchanged, sum.Failed
	s.metrics.CountIngest(sum.New, sum.Unchanged, sum.Failed)
	if err != nil {
		return rep, err
	}
	if sum.New > 0 {
		n, _, err := s.opts.Engine.Cluster(ctx)
		if err != nil {
			return rep, fmt.Errorf("clustering: %w", err)
		}
		rep.Stories = n
	}
	return rep, nil
}

var errReadOnly = errors.New("this server is read-only (no engine)")

// uploadItems turns an ingest request body into items: JSON (one article
// object, an array of them, or {"articles": [...]}) or multipart (file parts
// and a "text" field).
func (s *Server) uploadItems(r *http.Request) (iter.Seq[ingest.Item], error) {
	ctx := r.Context()
	ct, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch {
	case ct == "application/json" || ct == "":
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, err
		}
		objs, err := articleObjects(body)
		if err != nil {
			return nil, badParam("body", err.Error())
		}
		return func(yield func(ingest.Item) bool) {
			for i, raw := range objs {
				origin := "api#" + strconv.Itoa(i+1)
				for it := range s.opts.Reader.ReadBytes(ctx, origin, "article.json", "application/json", raw) {
					if !yield(it) {
						return
					}
				}
			}
		}, nil
	case strings.HasPrefix(ct, "multipart/"):
		if params["boundary"] == "" {
			return nil, badParam("body", "multipart without a boundary")
		}
		if err := r.ParseMultipartForm(8 << 20); err != nil {
			return nil, badParam("body", err.Error())
		}
		type part struct {
			origin, name, ct string
			data             []byte
		}
		var parts []part
		for _, fhs := range r.MultipartForm.File {
			for _, fh := range fhs {
				f, err := fh.Open()
				if err != nil {
					return nil, err
				}
				data, err := io.ReadAll(f)
				f.Close()
				if err != nil {
					return nil, err
				}
				parts = append(parts, part{"upload:" + fh.Filename, fh.Filename, fh.Header.Get("Content-Type"), data})
			}
		}
		if t := strings.TrimSpace(r.FormValue("text")); t != "" {
			name := "paste.txt"
			if strings.HasPrefix(t, "<") {
				name = "paste.html"
			}
			parts = append(parts, part{"paste", name, "", []byte(t + "\n")})
		}
		if len(parts) == 0 {
			return nil, badParam("body", "no file and no text")
		}
		return func(yield func(ingest.Item) bool) {
			for _, p := range parts {
				for it := range s.opts.Reader.ReadBytes(ctx, p.origin, p.name, p.ct, p.data) {
					if !yield(it) {
						return
					}
				}
			}
		}, nil
	}
	return nil, badParam("Content-Type", "want application/json or multipart/form-data")
}

// articleObjects splits a JSON body into one raw object per article.
func articleObjects(body []byte) ([]json.RawMessage, error) {
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return nil, errors.New("empty body")
	}
	var list []json.RawMessage
	switch body[0] {
	case '[':
		if err := json.Unmarshal(body, &list); err != nil {
			return nil, fmt.Errorf("invalid JSON: %w", err)
		}
	case '{':
		var wrap struct {
			Articles []json.RawMessage `json:"articles"`
		}
		if err := json.Unmarshal(body, &wrap); err != nil {
			return nil, fmt.Errorf("invalid JSON: %w", err)
		}
		if wrap.Articles != nil {
			list = wrap.Articles
		} else {
			list = []json.RawMessage{body}
		}
	default:
		return nil, errors.New("want a JSON object or array")
	}
	if len(list) == 0 {
		return nil, errors.New("no articles")
	}
	return list, nil
}

func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) {
	if s.opts.Engine == nil {
		s.writeError(w, r, http.StatusServiceUnavailable, "read_only", errReadOnly.Error())
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxUpload)
	items, err := s.uploadItems(r)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			s.writeError(w, r, http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("request body over %d bytes", s.opts.MaxUpload))
			return
		}
		s.failOrBad(w, r, err)
		return
	}
	rep, err := s.Ingest(r.Context(), items)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, rep)
}

func (s *Server) apiFeeds(w http.ResponseWriter, r *http.Request) {
	fs, err := s.opts.Store.Feeds(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": nonNil(fs)})
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// checkFeedURL accepts absolute http(s) URLs only.
func checkFeedURL(u string) error {
	u = strings.TrimSpace(u)
	if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") || len(u) < 12 {
		return badParam("url", "want an http(s) URL")
	}
	return nil
}

func (s *Server) apiAddFeed(w http.ResponseWriter, r *http.Request) {
	var body struct {
		URL string `json:"url"`
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<16)).Decode(&body); err != nil {
		s.failOrBad(w, r, badParam("body", "want {\"url\": \"…\"}"))
		return
	}
	if err := checkFeedURL(body.URL); err != nil {
		s.failOrBad(w, r, err)
		return
	}
	f, created, err := s.opts.Store.PutFeed(r.Context(), strings.TrimSpace(body.URL))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	writeJSON(w, status, f)
}

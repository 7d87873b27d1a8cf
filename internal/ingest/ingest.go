// Package ingest owns reading news articles from the outside world: files,
// folders, globs, standard input and http(s) URLs, in plain text, Markdown,
// HTML, JSON, JSON Lines, RSS/Atom/JSON Feed and Reuters-21578 SGML. It turns
// each input item into an article.Article (raw bytes kept verbatim, text
// normalised, metadata and structure filled in) and reports every bad item
// as its own error, so one broken file never stops a batch.
//
// The article's Text always starts with its headline when one is known, so
// that every reader yields the same layout: Structure.Blocks[0] is the
// headline block (after any metadata lines of a text file).
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dossier-news/dossier/internal/article"
)

// Errors an item can fail with; test with errors.Is. Every failed Item's Err
// is an *Error naming the item.
var (
	ErrBinary      = errors.New("binary data, not text")
	ErrEncoding    = errors.New("invalid UTF-8 that is not plausible Windows-1252 either")
	ErrEmpty       = errors.New("no article text")
	ErrTooLarge    = errors.New("larger than the size limit")
	ErrMalformed   = errors.New("malformed")
	ErrFetch       = errors.New("fetch failed")
	ErrNotFound    = errors.New("no such file or no match")
	ErrUnsupported = errors.New("unsupported input")
)

// Error is the error of one failed item: which item, and why.
type Error struct {
	Origin string // path or URL, with "#n" for the n-th item of a multi-item file
	Err    error
}

// Error is one line: the origin, then the reason (line breaks from a
// parser's message become spaces, so a batch report stays one line per item).
func (e *Error) Error() string {
	msg := e.Err.Error()
	if strings.ContainsAny(msg, "\r\n") {
		msg = strings.Join(strings.Fields(msg), " ")
	}
	return e.Origin + ": " + msg
}
func (e *Error) Unwrap() error { return e.Err }

// itemErr wraps err as the error of the named item.
func itemErr(origin string, err error) Item {
	return Item{Err: &Error{Origin: origin, Err: err}}
}

// Item is one result of reading: an article, or the error of one input item.
type Item struct {
	Article *article.Article
	Err     error
}

// Options configure a Reader. The zero value is usable.
type Options struct {
	// MaxBytes is the size limit of one article: a file, page or stdin of
	// one article, a JSON Lines line, a <REUTERS> element; default 10 MiB.
	// JSON Lines and SGML files over the limit are streamed item by item.
	MaxBytes int64
	// Client fetches URLs; default: an http.Client with Timeout.
	Client *http.Client
	// Timeout bounds one URL fetch (connect, headers and body); default 30 s.
	Timeout time.Duration
	// UserAgent is sent with every request; default "dossier/1 (+news ingest)".
	UserAgent string
	// Logger receives debug and warning messages; default: discard.
	Logger *slog.Logger
	// Stdin is what the input "-" reads; default os.Stdin.
	Stdin io.Reader
	// FastHTML skips trafilatura's fallback extractors (readability and
	// DOM distiller) and htmldate's extensive search: quicker, a little less
	// precise on unusual pages.
	FastHTML bool
}

// Reader reads inputs into articles. It holds only its options and is safe
// for concurrent use.
type Reader struct {
	opts Options
}

// New returns a Reader with defaults filled in.
func New(opts Options) *Reader {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = 10 << 20
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 30 * time.Second
	}
	if opts.Client == nil {
		opts.Client = &http.Client{Timeout: opts.Timeout}
	}
	if opts.UserAgent == "" {
		opts.UserAgent = "dossier/1 (+news ingest)"
	}
	if opts.Stdin == nil {
		opts.Stdin = os.Stdin
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	return &Reader{opts: opts}
}

// Read reads the inputs in order and yields one Item per article or failed
// item. An input is a file, a folder (read recursively in lexical order,
// skipping dotfiles and files whose extension is not an article format), a
// glob pattern, "-" for standard input, or an http(s) URL. The sequence stops
// early when the consumer stops or ctx is done (after one Item carrying the
// context's error).
func (r *Reader) Read(ctx context.Context, inputs []string) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		for _, in := range inputs {
			if err := ctx.Err(); err != nil {
				yield(itemErr(in, err))
				return
			}
			if !r.readInput(ctx, in, yield) {
				return
			}
		}
	}
}

// ReadStdin reads standard input (or any reader) as one input named origin.
func (r *Reader) ReadStdin(ctx context.Context, origin string, in io.Reader) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		data, err := readLimited(in, r.opts.MaxBytes)
		if err != nil {
			yield(itemErr(origin, err))
			return
		}
		r.decode(ctx, origin, "", "", data, yield)
	}
}

// ReadBytes reads data held in memory (an upload, say) as one input. The
// format comes from name's extension, else from contentType, else from the
// bytes themselves; origin names the items.
func (r *Reader) ReadBytes(ctx context.Context, origin, name, contentType string, data []byte) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		if int64(len(data)) > r.opts.MaxBytes {
			yield(itemErr(origin, fmt.Errorf("%w (%d bytes > %d)", ErrTooLarge, len(data), r.opts.MaxBytes)))
			return
		}
		r.decode(ctx, origin, name, contentType, data, yield)
	}
}

func (r *Reader) readInput(ctx context.Context, in string, yield func(Item) bool) bool {
	switch {
	case in == "-":
		for it := range r.ReadStdin(ctx, "stdin", r.opts.Stdin) {
			if !yield(it) {
				return false
			}
		}
		return true
	case strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://"):
		return r.fetch(ctx, in, yield)
	}
	st, err := os.Stat(in)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && strings.ContainsAny(in, "*?[") {
			return r.readGlob(ctx, in, yield)
		}
		if errors.Is(err, fs.ErrNotExist) {
			return yield(itemErr(in, ErrNotFound))
		}
		return yield(itemErr(in, err))
	}
	if st.IsDir() {
		return r.readDir(ctx, in, yield)
	}
	return r.readFile(ctx, in, st, yield)
}

func (r *Reader) readGlob(ctx context.Context, pattern string, yield func(Item) bool) bool {
	matches, err := filepath.Glob(pattern)
	if err != nil {
		return yield(itemErr(pattern, fmt.Errorf("bad glob: %w", err)))
	}
	if len(matches) == 0 {
		return yield(itemErr(pattern, ErrNotFound))
	}
	for _, m := range matches {
		if isHidden(filepath.Base(m)) {
			continue
		}
		if ctx.Err() != nil {
			return yield(itemErr(m, ctx.Err()))
		}
		if !r.readInput(ctx, m, yield) {
			return false
		}
	}
	return true
}

func (r *Reader) readDir(ctx context.Context, dir string, yield func(Item) bool) bool {
	ok := true
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if !yield(itemErr(path, err)) {
				ok = false
				return fs.SkipAll
			}
			return nil
		}
		if path != dir && isHidden(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		if formatByExt(path) == formatUnknown && filepath.Ext(path) != "" {
			r.opts.Logger.Debug("skipping file of unknown type", "path", path)
			return nil
		}
		if ctx.Err() != nil {
			yield(itemErr(path, ctx.Err()))
			ok = false
			return fs.SkipAll
		}
		st, err := d.Info()
		if err != nil {
			if !yield(itemErr(path, err)) {
				ok = false
				return fs.SkipAll
			}
			return nil
		}
		if !r.readFile(ctx, path, st, yield) {
			ok = false
			return fs.SkipAll
		}
		return nil
	})
	if err != nil && ok {
		return yield(itemErr(dir, err))
	}
	return ok
}

func isHidden(name string) bool { return strings.HasPrefix(name, ".") && name != "." && name != ".." }

func (r *Reader) readFile(ctx context.Context, path string, st fs.FileInfo, yield func(Item) bool) bool {
	if st.Size() > r.opts.MaxBytes {
		if f := streamable(path, fileHead(path)); f != formatUnknown {
			return r.streamFile(path, f, yield)
		}
		return yield(itemErr(path, fmt.Errorf("%w (%d bytes > %d)", ErrTooLarge, st.Size(), r.opts.MaxBytes)))
	}
	f, err := os.Open(path)
	if err != nil {
		return yield(itemErr(path, err))
	}
	data, err := readLimited(f, r.opts.MaxBytes)
	f.Close()
	if err != nil {
		return yield(itemErr(path, err))
	}
	return r.decode(ctx, path, path, "", data, yield)
}

// fileHead returns the first 4 KiB of a file, nil when it cannot be read.
func fileHead(path string) []byte {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	buf := make([]byte, 4096)
	n, _ := io.ReadFull(f, buf)
	return buf[:n]
}

// readLimited reads at most max bytes and fails when there is more.
func readLimited(in io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(in, max+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w (more than %d bytes)", ErrTooLarge, max)
	}
	return data, nil
}

// decode dispatches data to the reader of its format. name (a path or URL)
// gives the extension; contentType the served type; else the bytes decide.
func (r *Reader) decode(ctx context.Context, origin, name, contentType string, data []byte, yield func(Item) bool) bool {
	if len(data) == 0 {
		return yield(itemErr(origin, fmt.Errorf("%w: empty input", ErrEmpty)))
	}
	f := formatByExt(name)
	if f == formatUnknown {
		f = formatByContentType(contentType)
	}
	if f == formatUnknown || f == formatText || f == formatJSON {
		// Sniff even some known extensions: a saved page named .txt, or a
		// .json holding JSON Lines or a JSON Feed, are common in exports.
		switch s := sniff(data); {
		case f == formatUnknown:
			f = s
		case f == formatJSON && (s == formatJSONL || s == formatFeed):
			f = s
		case f == formatText && s == formatHTML && wholePage(data):
			f = s
		}
	}
	if f == formatUnknown {
		f = formatText
	}
	if f != formatReuters && isBinary(data) {
		return yield(itemErr(origin, ErrBinary))
	}
	switch f {
	case formatText, formatMarkdown:
		return yield(r.readText(origin, f, data))
	case formatHTML:
		return yield(r.readHTML(origin, name, contentType, data))
	case formatJSON:
		return r.readJSON(origin, data, yield)
	case formatJSONL:
		return r.readJSONL(origin, data, yield)
	case formatFeed:
		return r.readFeed(ctx, origin, data, yield)
	case formatReuters:
		return ReadReuters(origin, data, yield)
	}
	return yield(itemErr(origin, ErrUnsupported))
}

// newArticle starts an article for one item: raw bytes, hash and origin.
func newArticle(origin string, f article.Format, raw []byte) *article.Article {
	return &article.Article{
		Origin: origin,
		Format: f,
		Raw:    raw,
		Hash:   article.HashBytes(raw),
	}
}

// itemOrigin names the n-th item (1-based) of a multi-item input.
func itemOrigin(origin string, n int) string { return fmt.Sprintf("%s#%d", origin, n) }

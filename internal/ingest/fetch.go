package ingest

import (
	"context"
	"fmt"
	"net/http"
	"strings"
)

// fetch gets a URL (bounded by Options.Timeout and MaxBytes) and reads the
// page or feed it serves. The article's Origin is the URL as given.
func (r *Reader) fetch(ctx context.Context, url string, yield func(Item) bool) bool {
	ctx, cancel := context.WithTimeout(ctx, r.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return yield(itemErr(url, fmt.Errorf("%w: %w", ErrFetch, err)))
	}
	req.Header.Set("User-Agent", r.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/json;q=0.9,text/plain;q=0.8,*/*;q=0.5")
	resp, err := r.opts.Client.Do(req)
	if err != nil {
		return yield(itemErr(url, fmt.Errorf("%w: %w", ErrFetch, err)))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return yield(itemErr(url, fmt.Errorf("%w: HTTP %s", ErrFetch, resp.Status)))
	}
	if resp.ContentLength > r.opts.MaxBytes {
		return yield(itemErr(url, fmt.Errorf("%w (%d bytes > %d)", ErrTooLarge, resp.ContentLength, r.opts.MaxBytes)))
	}
	data, err := readLimited(resp.Body, r.opts.MaxBytes)
	if err != nil {
		if ctx.Err() != nil {
			err = fmt.Errorf("%w: %w", ErrFetch, ctx.Err())
		}
		return yield(itemErr(url, err))
	}
	final := url
	if resp.Request != nil && resp.Request.URL != nil {
		final = resp.Request.URL.String()
	}
	ct := resp.Header.Get("Content-Type")
	// The served type decides before the URL's extension: "/feed.php" is a feed.
	name := final
	if f := formatByContentType(ct); f != formatUnknown && f != formatText {
		name = ""
	}
	if strings.HasPrefix(ct, "text/plain") && formatByExt(final) == formatUnknown {
		name = ""
	}
	return r.decodeURL(ctx, url, final, name, ct, data, func(it Item) bool {
		// A single article fetched from a URL is at that URL unless it says otherwise.
		if a := it.Article; a != nil && a.URL == "" && a.Origin == url {
			a.URL = final
		}
		return yield(it)
	})
}

// decodeURL is decode for fetched bytes: an HTML page keeps its final URL
// (after redirects) for trafilatura and htmldate.
func (r *Reader) decodeURL(ctx context.Context, origin, final, name, ct string, data []byte, yield func(Item) bool) bool {
	f := formatByExt(name)
	if f == formatUnknown {
		f = formatByContentType(ct)
	}
	if s := sniff(data); s == formatFeed || s == formatReuters || f == formatUnknown && s != formatUnknown {
		f = s
	}
	if f == formatHTML && len(data) > 0 && !isBinary(data) {
		return yield(r.readHTML(origin, final, ct, data))
	}
	return r.decode(ctx, origin, name, ct, data, yield)
}

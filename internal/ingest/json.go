package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/structure"
)

// Field names accepted for each article attribute, in order of preference.
// They cover the usual exports (news-please, newspaper, scrapers' own).
var (
	textKeys      = []string{"text", "body", "content", "maintext", "article", "description"}
	titleKeys     = []string{"title", "headline"}
	urlKeys       = []string{"url", "link", "canonical_url"}
	sourceKeys    = []string{"source", "source_domain", "site", "site_name", "publisher", "outlet"}
	publishedKeys = []string{"published", "date", "dct", "pub_date", "date_publish", "publish_date", "published_at", "pubDate", "datePublished", "time"}
	authorKeys    = []string{"author", "authors", "byline"}
	langKeys      = []string{"lang", "language"}
	sectionKeys   = []string{"section", "category", "categories", "section_name", "genre"}
)

// readJSON reads one JSON object or an array of objects. Each array element
// is one item with its own bytes as Raw; a syntax error ends the array.
func (r *Reader) readJSON(origin string, data []byte, yield func(Item) bool) bool {
	s, err := toUTF8(data)
	if err != nil {
		return yield(itemErr(origin, err))
	}
	trimmed := bytes.TrimSpace(bytes.TrimPrefix([]byte(s), []byte("\xef\xbb\xbf")))
	if len(trimmed) == 0 {
		return yield(itemErr(origin, fmt.Errorf("%w: blank JSON", ErrEmpty)))
	}
	if trimmed[0] != '[' {
		return yield(jsonItem(origin, data, trimmed))
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	if _, err := dec.Token(); err != nil {
		return yield(itemErr(origin, fmt.Errorf("%w JSON: %w", ErrMalformed, err)))
	}
	for n := 1; ; n++ {
		if !dec.More() {
			if _, err := dec.Token(); err != nil {
				return yield(itemErr(origin, fmt.Errorf("%w JSON: unterminated array after %d items: %w", ErrMalformed, n-1, err)))
			}
			if n == 1 {
				return yield(itemErr(origin, fmt.Errorf("%w: empty JSON array", ErrEmpty)))
			}
			return true
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			// The decoder cannot resynchronise inside an array: report
			// where it broke and give up on the rest of this file.
			return yield(itemErr(itemOrigin(origin, n), fmt.Errorf("%w JSON (rest of the array skipped): %w", ErrMalformed, err)))
		}
		if !yield(jsonItem(itemOrigin(origin, n), raw, raw)) {
			return false
		}
	}
}

// readJSONL reads one article per line; a bad line fails alone. Items are
// named by line number.
func (r *Reader) readJSONL(origin string, data []byte, yield func(Item) bool) bool {
	rest := data
	any := false
	for ln := 1; len(rest) > 0; ln++ {
		var line []byte
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			line, rest = rest, nil
		}
		if !jsonlLine(origin, ln, line, &any, yield) {
			return false
		}
	}
	if !any {
		return yield(itemErr(origin, fmt.Errorf("%w: no JSON lines", ErrEmpty)))
	}
	return true
}

// jsonlLine reads line ln of a JSON Lines input; blank lines are skipped.
func jsonlLine(origin string, ln int, line []byte, any *bool, yield func(Item) bool) bool {
	raw := bytes.TrimSuffix(line, []byte("\r"))
	if ln == 1 {
		raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return true
	}
	*any = true
	o := itemOrigin(origin, ln)
	s, err := toUTF8(raw)
	if err != nil {
		return yield(itemErr(o, err))
	}
	return yield(jsonItem(o, raw, []byte(s)))
}

// jsonItem turns one JSON object into an article; raw is the item's own
// bytes, js the same as valid UTF-8.
func jsonItem(origin string, raw, js []byte) Item {
	if t := bytes.TrimSpace(js); len(t) > 0 && t[0] != '{' && t[0] != '[' && t[0] != '"' && t[0] != '-' && (t[0] < '0' || t[0] > '9') &&
		!bytes.HasPrefix(t, []byte("null")) && !bytes.HasPrefix(t, []byte("true")) && !bytes.HasPrefix(t, []byte("false")) {
		// Go's decoder reads "not json" as a broken literal null.
		return itemErr(origin, fmt.Errorf("%w JSON: not a JSON object (starts %q)", ErrMalformed, firstWord(t)))
	}
	var obj map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(js))
	if err := dec.Decode(&obj); err != nil {
		return itemErr(origin, fmt.Errorf("%w JSON: %w", ErrMalformed, err))
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return itemErr(origin, fmt.Errorf("%w JSON: data after the object", ErrMalformed))
	}
	if obj == nil {
		return itemErr(origin, fmt.Errorf("%w JSON: not an object", ErrMalformed))
	}
	body, err := jsonString(obj, textKeys)
	if err != nil {
		return itemErr(origin, err)
	}
	if strings.TrimSpace(body) == "" {
		for _, k := range textKeys {
			if _, ok := obj[k]; ok {
				return itemErr(origin, fmt.Errorf("%w: field %q is blank", ErrEmpty, k))
			}
		}
		return itemErr(origin, fmt.Errorf("%w: no \"text\" field", ErrEmpty))
	}
	a := newArticle(origin, article.FormatJSON, raw)
	for _, f := range []struct {
		dst  *string
		keys []string
	}{{&a.Title, titleKeys}, {&a.URL, urlKeys}, {&a.Source, sourceKeys}, {&a.Author, authorKeys}, {&a.Lang, langKeys}} {
		v, err := jsonString(obj, f.keys)
		if err != nil {
			return itemErr(origin, err)
		}
		*f.dst = normSpace(v)
	}
	if t, ok := jsonTime(obj); ok {
		a.Published, a.DateSource = t, "json"
	}
	var b structure.Builder
	b.Headline(a.Title)
	addBody(&b, body, a.Title)
	if !b.HasBody() {
		return itemErr(origin, fmt.Errorf("%w: blank text", ErrEmpty))
	}
	a.Text, a.Structure = b.Finish()
	a.Title = headline(a.Text, a.Structure)
	if sec, err := jsonString(obj, sectionKeys); err == nil && structure.OpinionSection(sec) {
		markOpinion(&a.Structure) // "section": "Opinion": a column, not reporting
	}
	return Item{Article: a}
}

// markOpinion marks a whole article opinion: its publisher files it so.
func markOpinion(st *article.Structure) {
	for i := range st.Blocks {
		st.Blocks[i].Opinion = true
	}
	for i := range st.Sections {
		st.Sections[i].Opinion = true
	}
}

// firstWord is the start of b up to its first space, at most 20 bytes.
func firstWord(b []byte) string {
	if i := bytes.IndexAny(b, " \t"); i >= 0 {
		b = b[:i]
	}
	if len(b) > 20 {
		b = b[:20]
	}
	return string(bytes.ToValidUTF8(b, []byte("?")))
}

// jsonString returns the first present key as a string. Arrays of strings
// join with ", " (author lists); objects give their "name" (a source object).
func jsonString(obj map[string]json.RawMessage, keys []string) (string, error) {
	for _, k := range keys {
		v, ok := obj[k]
		if !ok || string(v) == "null" {
			continue
		}
		var s string
		if err := json.Unmarshal(v, &s); err == nil {
			return s, nil
		}
		var list []string
		if err := json.Unmarshal(v, &list); err == nil {
			return strings.Join(list, ", "), nil
		}
		var named struct{ Name string }
		if err := json.Unmarshal(v, &named); err == nil && named.Name != "" {
			return named.Name, nil
		}
		return "", fmt.Errorf("%w: field %q is not a string", ErrMalformed, k)
	}
	return "", nil
}

// jsonTime reads the publication date: a date string in a common form, or
// a Unix time in seconds or milliseconds.
func jsonTime(obj map[string]json.RawMessage) (time.Time, bool) {
	for _, k := range publishedKeys {
		v, ok := obj[k]
		if !ok {
			continue
		}
		var s string
		if err := json.Unmarshal(v, &s); err == nil {
			if t, ok := parseLooseDate(s); ok {
				return t, true
			}
			continue
		}
		if n, err := strconv.ParseFloat(string(v), 64); err == nil && n > 0 {
			if n > 1e12 {
				n /= 1000
			}
			return time.Unix(int64(n), 0).UTC(), true
		}
	}
	return time.Time{}, false
}

// parseLooseDate accepts a date at the start of s (trailing zone names such
// as "EST" are ignored) and the layouts of RFC 1123 and RFC 850.
func parseLooseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, time.RFC850, time.RFC3339Nano, "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	if t, _, ok := structure.ParseDatePrefix(s); ok {
		return t, true
	}
	return time.Time{}, false
}

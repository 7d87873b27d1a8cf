package storyeval

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// ReutersDoc is one Reuters-21578 story, parsed crudely from its SGML.
type ReutersDoc struct {
	NewID int64
	Date  time.Time // zero when the DATE element does not parse
	Title string
	Body  string
}

// ReadReuters reads every reut2-*.sgm file of the directory, in file order.
func ReadReuters(dir string) ([]ReutersDoc, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.sgm"))
	if err != nil {
		return nil, fmt.Errorf("listing %s: %w", dir, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no .sgm files under %s", dir)
	}
	sort.Strings(files)
	var out []ReutersDoc
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("reading Reuters: %w", err)
		}
		out = append(out, ParseReuters(string(b))...)
	}
	return out, nil
}

// element returns the content of the first <tag>…</tag> in s.
func element(s, tag string) (string, bool) {
	i := strings.Index(s, "<"+tag+">")
	if i < 0 {
		return "", false
	}
	s = s[i+len(tag)+2:]
	j := strings.Index(s, "</"+tag+">")
	if j < 0 {
		return "", false
	}
	return s[:j], true
}

// ParseReuters extracts the stories of one SGML file. Stories without a
// BODY (headline-only items) keep an empty Body. Malformed items are
// skipped.
func ParseReuters(sgml string) []ReutersDoc {
	var out []ReutersDoc
	for {
		i := strings.Index(sgml, "<REUTERS")
		if i < 0 {
			return out
		}
		sgml = sgml[i:]
		end := strings.Index(sgml, "</REUTERS>")
		if end < 0 {
			return out
		}
		item := sgml[:end]
		sgml = sgml[end+len("</REUTERS>"):]
		head := item
		if k := strings.IndexByte(item, '>'); k >= 0 {
			head = item[:k]
		}
		k := strings.Index(head, `NEWID="`)
		if k < 0 {
			continue
		}
		rest := head[k+len(`NEWID="`):]
		q := strings.IndexByte(rest, '"')
		if q < 0 {
			continue
		}
		id, err := strconv.ParseInt(rest[:q], 10, 64)
		if err != nil {
			continue
		}
		d := ReutersDoc{NewID: id}
		if v, ok := element(item, "DATE"); ok {
			d.Date = parseReutersDate(v)
		}
		if v, ok := element(item, "TITLE"); ok {
			d.Title = clean(v)
		}
		if v, ok := element(item, "BODY"); ok {
			d.Body = clean(v)
		}
		out = append(out, d)
	}
}

// parseReutersDate reads "26-FEB-1987 15:01:01.79" (some dates carry junk
// after the time; only the leading day and time are used).
func parseReutersDate(s string) time.Time {
	s = strings.TrimSpace(s)
	if len(s) > 20 {
		s = s[:20]
	}
	for _, layout := range []string{"2-Jan-2006 15:04:05", "2-Jan-2006"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t
		}
	}
	if len(s) >= 11 {
		if t, err := time.Parse("2-Jan-2006", strings.TrimSpace(s[:11])); err == nil {
			return t
		}
	}
	return time.Time{}
}

// clean unescapes the SGML text, drops the end-of-text mark and the
// trailing "Reuter" signature, and turns the wire's indented paragraphs
// into blank-line separated ones with the line wrapping undone.
func clean(s string) string {
	s = strings.ReplaceAll(s, "&#3;", "")
	s = html.UnescapeString(s)
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, "Reuter")
	s = strings.TrimSuffix(s, "REUTER")
	var paras []string
	var cur []string
	for _, line := range strings.Split(s, "\n") {
		indented := strings.HasPrefix(line, `&\t`) || strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "\t")
		line = strings.TrimSpace(strings.TrimPrefix(line, `&\t`))
		if (indented || line == "") && len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = nil
		}
		if line != "" {
			cur = append(cur, line)
		}
	}
	if len(cur) > 0 {
		paras = append(paras, strings.Join(cur, " "))
	}
	return strings.Join(paras, "\n\n")
}

// sortedByDate returns the documents in date order (stable: file order
// among equal dates).
func sortedByDate(docs []ReutersDoc) []ReutersDoc {
	out := append([]ReutersDoc(nil), docs...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

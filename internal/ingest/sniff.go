package ingest

import (
	"bytes"
	"fmt"
	"mime"
	"path"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// inputFormat is the reader an input goes to (finer than article.Format:
// JSON and JSON Lines are read differently).
type inputFormat int

const (
	formatUnknown inputFormat = iota
	formatText
	formatMarkdown
	formatHTML
	formatJSON
	formatJSONL
	formatFeed
	formatReuters
)

func formatByExt(name string) inputFormat {
	if name == "" {
		return formatUnknown
	}
	if i := strings.IndexAny(name, "?#"); i >= 0 && strings.Contains(name, "://") {
		name = name[:i]
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".text":
		return formatText
	case ".md", ".markdown":
		return formatMarkdown
	case ".html", ".htm", ".xhtml":
		return formatHTML
	case ".json":
		return formatJSON
	case ".jsonl", ".ndjson":
		return formatJSONL
	case ".rss", ".atom", ".xml":
		return formatFeed
	case ".sgm", ".sgml":
		return formatReuters
	}
	return formatUnknown
}

func formatByContentType(ct string) inputFormat {
	if ct == "" {
		return formatUnknown
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return formatUnknown
	}
	switch {
	case mt == "text/html" || mt == "application/xhtml+xml":
		return formatHTML
	case mt == "application/rss+xml" || mt == "application/atom+xml" || mt == "application/feed+json" ||
		mt == "application/xml" || mt == "text/xml" || mt == "application/rdf+xml":
		return formatFeed
	case mt == "application/json":
		return formatJSON
	case mt == "application/x-ndjson" || mt == "application/jsonl":
		return formatJSONL
	case mt == "text/markdown":
		return formatMarkdown
	case mt == "text/plain":
		return formatText
	}
	return formatUnknown
}

// sniff guesses the format from the first bytes; formatUnknown when the
// bytes look like nothing in particular (plain text).
func sniff(data []byte) inputFormat {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 {
		return formatUnknown
	}
	lower := bytes.ToLower(head)
	switch head[0] {
	case '<':
		switch {
		case bytes.Contains(lower, []byte("<reuters")):
			return formatReuters
		case bytes.Contains(lower, []byte("<rss")) || bytes.Contains(lower, []byte("<feed")) || bytes.Contains(lower, []byte("<rdf:rdf")):
			return formatFeed
		case bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("<!doctype html")) ||
			bytes.Contains(lower, []byte("<head")) || bytes.Contains(lower, []byte("<body")) ||
			bytes.Contains(lower, []byte("<p>")) || bytes.Contains(lower, []byte("<div")) || bytes.Contains(lower, []byte("<article")):
			return formatHTML
		}
	case '{':
		if bytes.Contains(lower, []byte("jsonfeed.org/version")) {
			return formatFeed
		}
		// Two objects on consecutive lines: JSON Lines.
		if i := bytes.IndexByte(head, '\n'); i >= 0 {
			rest := bytes.TrimLeft(head[i:], " \t\r\n")
			if len(rest) > 0 && rest[0] == '{' && bytes.HasSuffix(bytes.TrimRight(head[:i], " \t\r"), []byte("}")) {
				return formatJSONL
			}
		}
		return formatJSON
	case '[':
		return formatJSON
	}
	return formatUnknown
}

// wholePage reports data that starts as an HTML document does, a stronger
// sign than sniff's, needed to read a .txt file as HTML.
func wholePage(data []byte) bool {
	head := bytes.TrimLeft(bytes.TrimPrefix(data[:min(len(data), 512)], []byte("\xef\xbb\xbf")), " \t\r\n")
	lower := bytes.ToLower(head)
	return bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html"))
}

// isBinary reports data that is not text: a NUL byte, or many control
// bytes, in the first 8 KiB.
func isBinary(data []byte) bool {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	ctl := 0
	for _, c := range head {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b:
			ctl++
		}
	}
	return ctl*20 > len(head) // more than 5% control bytes
}

// toUTF8 returns data as valid UTF-8. Valid input is returned unchanged.
// Input without any valid multi-byte sequence is read as Windows-1252 (which
// includes Latin-1's printable range) when every byte is defined there; a
// text with valid multi-byte sequences (random Windows-1252 text rarely
// forms them) and no more stray bytes than those gets U+FFFD for the strays.
// Anything else is rejected: guessing further would corrupt the text.
func toUTF8(data []byte) (string, error) {
	if utf8.Valid(data) {
		return string(data), nil
	}
	valid, invalid := 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			invalid++
			i++
			continue
		}
		valid++
		i += n
	}
	if valid == 0 && cp1252Plausible(data) {
		s, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("%w: %w", ErrEncoding, err)
		}
		return string(s), nil
	}
	if valid > 0 && invalid <= valid {
		return strings.ToValidUTF8(string(data), "\uFFFD"), nil
	}
	return "", ErrEncoding
}

// cp1252Plausible rejects bytes Windows-1252 leaves undefined and text in
// which high bytes dominate (more likely another encoding or binary).
func cp1252Plausible(data []byte) bool {
	high := 0
	for _, c := range data {
		switch c {
		case 0x81, 0x8d, 0x8f, 0x90, 0x9d:
			return false
		}
		if c >= 0x80 {
			high++
		}
	}
	return high*3 <= len(data)
}

// Package polnear reads the PolNeAR attribution corpus (Newell, Margolin and
// Ruths, LREC 2018: news articles with BRAT standoff annotation of Source,
// Cue and Content spans) and scores predicted attributions against it with
// the exact and overlap matching of the PARC and Citron literature.
package polnear

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dossier-news/dossier/internal/article"
)

// Attribution is one annotated (or predicted) attribution relation. Content
// may be discontinuous (several fragments); Source is empty for the
// corpus's Attribution-no-source relations.
type Attribution struct {
	Source  []article.Span
	Cue     []article.Span
	Content []article.Span
}

// Document is one article with its gold attributions. Spans are byte
// offsets into Text (the corpus counts code points; ReadDir converts).
type Document struct {
	Name      string
	Annotator string
	Text      string
	Gold      []Attribution
}

// ReadDir reads a PolNeAR split folder: text/NAME.txt and
// attributions/NAME_ANNOTATOR.ann. When several annotators annotated an
// article, the file first in name order is used, so the choice is
// reproducible. Articles without an annotation file are skipped.
func ReadDir(dir string) ([]Document, error) {
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, fmt.Errorf("polnear: listing annotations: %w", err)
	}
	if len(anns) == 0 {
		return nil, fmt.Errorf("polnear: no attributions/*.ann under %s", dir)
	}
	sort.Strings(anns)
	var docs []Document
	seen := map[string]bool{}
	for _, ann := range anns {
		base := strings.TrimSuffix(filepath.Base(ann), ".ann")
		cut := strings.LastIndexByte(base, '_')
		if cut < 0 {
			continue
		}
		name, annotator := base[:cut], base[cut+1:]
		if seen[name] {
			continue
		}
		raw, err := os.ReadFile(filepath.Join(dir, "text", name+".txt"))
		if err != nil {
			if os.IsNotExist(err) {
				continue
			}
			return nil, fmt.Errorf("polnear: reading text of %s: %w", name, err)
		}
		seen[name] = true
		f, err := os.Open(ann)
		if err != nil {
			return nil, fmt.Errorf("polnear: %w", err)
		}
		gold, err := ParseAnn(f, string(raw))
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("polnear: %s: %w", filepath.Base(ann), err)
		}
		docs = append(docs, Document{Name: name, Annotator: annotator, Text: string(raw), Gold: gold})
	}
	return docs, nil
}

// ParseAnn reads BRAT standoff annotation of one text: text-bound
// annotations (T lines, code-point offsets, fragments separated by ";") and
// the attribution events (E lines) that tie a Cue, a Content and optionally a
// Source together. Other lines (notes, and the continuation lines of span
// texts that hold a newline) are ignored.
func ParseAnn(r io.Reader, text string) ([]Attribution, error) {
	byteAt := runeToByte(text)
	spans := map[string][]article.Span{}
	var events [][]string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 2 || len(f[0]) < 2 || !isID(f[0]) {
			continue
		}
		switch f[0][0] {
		case 'T':
			typeAndFrags := f[1]
			sp := strings.IndexByte(typeAndFrags, ' ')
			if sp < 0 {
				return nil, fmt.Errorf("line %d: no offsets in %q", line, f[1])
			}
			var frags []article.Span
			for _, fr := range strings.Split(typeAndFrags[sp+1:], ";") {
				var a, b int
				if _, err := fmt.Sscanf(fr, "%d %d", &a, &b); err != nil {
					return nil, fmt.Errorf("line %d: bad fragment %q: %w", line, fr, err)
				}
				if a < 0 || b < a || b >= len(byteAt) {
					return nil, fmt.Errorf("line %d: fragment %d-%d outside the text", line, a, b)
				}
				frags = append(frags, article.Span{Start: byteAt[a], End: byteAt[b]})
			}
			spans[f[0]] = frags
		case 'E':
			events = append(events, strings.Fields(f[1]))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading annotation: %w", err)
	}
	var out []Attribution
	for _, ev := range events {
		var a Attribution
		for _, arg := range ev {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			switch role {
			case "Source":
				a.Source = append(a.Source, spans[id]...)
			case "Cue":
				a.Cue = append(a.Cue, spans[id]...)
			case "Content":
				a.Content = append(a.Content, spans[id]...)
			}
		}
		if len(a.Content) == 0 && len(a.Cue) == 0 {
			continue
		}
		out = append(out, a)
	}
	return out, nil
}

// isID reports whether s is a BRAT annotation id such as T12 or E3.
func isID(s string) bool {
	if s[0] != 'T' && s[0] != 'E' {
		return false
	}
	_, err := strconv.Atoi(s[1:])
	return err == nil
}

// runeToByte maps each code-point offset of text (and the end) to its byte
// offset.
func runeToByte(text string) []int {
	out := make([]int, 0, utf8.RuneCountInString(text)+1)
	for i := range text {
		out = append(out, i)
	}
	return append(out, len(text))
}

package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// summary lists items as "origin ok|error-kind" for comparison.
func summary(items []Item) []string {
	var out []string
	for _, it := range items {
		switch {
		case it.Err == nil:
			out = append(out, it.Article.Origin+" ok "+it.Article.Hash)
		case errors.Is(it.Err, ErrTooLarge):
			out = append(out, it.Err.(*Error).Origin+" too-large")
		default:
			out = append(out, it.Err.(*Error).Origin+" error")
		}
	}
	return out
}

func TestStreamJSONL(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "big.jsonl")
	var b bytes.Buffer
	for i := 1; i <= 6; i++ {
		if i == 4 {
			fmt.Fprintf(&b, "{\"text\": %q}\n", strings.Repeat("long ", 60))
			continue
		}
		fmt.Fprintf(&b, "{\"title\": \"Story %d\", \"text\": \"Text %d.\"}\n", i, i)
	}
	os.WriteFile(p, b.Bytes(), 0o644)
	items := readAll(t, New(Options{MaxBytes: 100}), p)
	want := []string{"ok", "ok", "ok", "too-large", "ok", "ok"}
	if len(items) != len(want) {
		t.Fatalf("got %d items: %v", len(items), summary(items))
	}
	for i, s := range summary(items) {
		if !strings.HasPrefix(s, fmt.Sprintf("%s#%d %s", p, i+1, want[i])) {
			t.Errorf("item %d = %s, want %s", i+1, s, want[i])
		}
	}
	// Streaming gives the same articles as reading the file whole.
	whole, streamed := summary(readAll(t, New(Options{MaxBytes: 1 << 20}), p)), summary(items)
	whole[3], streamed[3] = "", ""
	if d := cmp.Diff(whole, streamed); d != "" {
		t.Errorf("stream and whole-file reads differ:\n%s", d)
	}
}

func TestStreamReuters(t *testing.T) {
	sample, err := os.ReadFile("testdata/articles/sample.sgm")
	if err != nil {
		t.Fatal(err)
	}
	big := []byte("<REUTERS NEWID=\"99\"><DATE>1-MAR-1987</DATE><TEXT><TITLE>BIG</TITLE><BODY>" + strings.Repeat("Long body text. ", 200) + "</BODY></TEXT></REUTERS>\n")
	var b bytes.Buffer
	b.Write(sample)
	b.Write(big)
	for range 200 {
		b.Write(sample)
	}
	p := filepath.Join(t.TempDir(), "big.sgm")
	os.WriteFile(p, b.Bytes(), 0o644)

	streamed := readAll(t, New(Options{MaxBytes: 1000}), p)
	whole := readAll(t, New(Options{MaxBytes: 1 << 30}), p)
	if len(streamed) != 4+1+200*4 || len(whole) != len(streamed) {
		t.Fatalf("streamed %d items, whole %d", len(streamed), len(whole))
	}
	ss, ws := summary(streamed), summary(whole)
	if ss[4] != p+"#5 too-large" || ws[4] != p+"#5 ok "+whole[4].Article.Hash {
		t.Errorf("oversized element: streamed %q, whole %q", ss[4], ws[4])
	}
	ss[4], ws[4] = "", ""
	if d := cmp.Diff(ws, ss); d != "" {
		t.Errorf("stream and whole-file reads differ (-whole +stream):\n%s", d)
	}
}

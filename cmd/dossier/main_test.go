package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/store"
	"github.com/dossier-news/dossier/internal/store/sqlite"
)

// TestMain lets the test binary act as the dossier binary when
// DOSSIER_AS_CLI is set, so tests can run (and kill) real processes.
func TestMain(m *testing.M) {
	if os.Getenv("DOSSIER_AS_CLI") == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

func cli(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "DOSSIER_AS_CLI=1")
	return cmd
}

// runCLI runs the CLI in-process and returns stdout, stderr and the exit code.
func runCLI(args ...string) (string, string, int) {
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func writeCorpus(t *testing.T, dir string, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		body := fmt.Sprintf("date 2024-01-%02d\nsource: Wire %d\nHeadline number %d\n\nParagraph %d says the ministers met in Geneva on Monday. %s\n",
			1+i%28, i%5, i, i, strings.Repeat("More words about the talks. ", 20))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%05d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestKillMidIngestThenResume(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	os.Mkdir(corpus, 0o755)
	const n = 3000
	writeCorpus(t, corpus, n)
	db := filepath.Join(dir, "kill.db")

	// Start an ingest and SIGKILL it once some, but not all, articles are in.
	cmd := cli(t, "--db", db, "ingest", "-q", "--no-analyse", "--batch", "16", corpus)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	deadline := time.Now().Add(60 * time.Second)
	var stored int
	for time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		if s, err := sqlite.Open(ctx, db); err == nil {
			st, err := s.Stats(ctx)
			s.Close()
			if err == nil && st.Articles >= 200 {
				stored = st.Articles
				break
			}
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if stored == 0 {
		t.Fatal("the first ingest stored nothing within a minute")
	}

	// Run it again: it resumes. Every article exactly once, each whole.
	out, errOut, code := runCLI("--db", db, "ingest", "-q", "--no-analyse", corpus)
	if code != 0 {
		t.Fatalf("resume exit %d: %s %s", code, out, errOut)
	}
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, _ := s.Stats(ctx)
	if st.Articles != n {
		t.Fatalf("after resume: %d articles, want %d (killed at about %d)", st.Articles, n, stored)
	}
	if !strings.Contains(out, fmt.Sprintf("%d new", n-stored)) && stored >= n {
		t.Errorf("summary: %s", out)
	}
	list, err := s.Articles(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, meta := range list {
		a, err := s.Article(ctx, meta.ID)
		if err != nil {
			t.Fatal(err)
		}
		if seen[a.Origin] {
			t.Errorf("%s stored twice", a.Origin)
		}
		seen[a.Origin] = true
		want, err := os.ReadFile(a.Origin)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Raw, want) || a.Hash != article.HashBytes(want) || a.Text == "" || len(a.Structure.Blocks) == 0 {
			t.Errorf("%s: stored article is not whole", a.Origin)
		}
	}
}

func TestIngestBadInputReportsEachItemAndGoesOn(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"good.txt":       []byte("date 2024-05-01\nA good headline\n\nThe minister spoke on Tuesday.\n"),
		"binary.txt":     {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0, 0, 0},
		"empty.txt":      {},
		"latin1.txt":     []byte("Caf\xe9 society\n\nThe caf\xe9 reopened on Monday.\n"),
		"broken.jsonl":   []byte("{\"text\": \"First good line of JSON text.\", \"title\": \"One\"}\n{\"text\": \"unterminated\n{\"title\": \"no text\"}\n"),
		"huge.txt":       bytes.Repeat([]byte("word "), 3000),
		"truncated.json": []byte(`{"title": "cut", "text": "this JSON stops`),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "bad.db")
	out, errOut, code := runCLI("--db", db, "ingest", "--no-analyse", "--max-bytes", "10000", dir, filepath.Join(dir, "missing.txt"), "http://127.0.0.1:1/unreachable")
	if code != exitPartial {
		t.Fatalf("exit %d, want %d\n%s\n%s", code, exitPartial, out, errOut)
	}
	for _, want := range []string{"binary.txt", "empty.txt", "huge.txt", "truncated.json", "broken.jsonl#2", "broken.jsonl#3", "missing.txt", "127.0.0.1:1"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("no error line names %s:\n%s", want, errOut)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(errOut), "\n") {
		if !strings.HasPrefix(line, "failed") {
			t.Errorf("error output is not one line per item: %q", line)
		}
	}
	// good.txt, latin1.txt (repaired) and the first JSONL line are stored.
	if !strings.Contains(out, "3 new") {
		t.Errorf("summary: %s", out)
	}
	s, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	hits, err := s.Search(context.Background(), store.Query{Text: "café"})
	if err != nil || len(hits) != 1 {
		t.Errorf("the Windows-1252 file was not repaired and indexed: %v %v", hits, err)
	}
	// Re-ingesting the same input stores nothing new and says so.
	out, _, _ = runCLI("--db", db, "ingest", "--no-analyse", "--max-bytes", "10000", dir)
	if !strings.Contains(out, "0 new, 3 unchanged") {
		t.Errorf("re-ingest summary: %s", out)
	}
}

func TestDemoRuns(t *testing.T) {
	out, errOut, code := runCLI("--db", filepath.Join(t.TempDir(), "demo.db"), "demo")
	if code != 0 {
		t.Fatalf("demo exit %d: %s", code, errOut)
	}
	for _, want := range []string{"8 new", "stories in", "Varenia and Kessel rebels agree to ceasefire talks in Doha", "(1 mention)"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
}

// A one-article story is counted in the singular.
func TestStorySingular(t *testing.T) {
	db := filepath.Join(t.TempDir(), "one.db")
	var out, errb bytes.Buffer
	if code := run([]string{"--db", db, "ingest", "-"}, strings.NewReader("source: Piped\nPiped headline\n\nThe ministers met in Geneva on Monday.\n"), &out, &errb); code != 0 {
		t.Fatalf("ingest exit %d: %s", code, errb.String())
	}
	storyOut, errOut, code := runCLI("--db", db, "story", "1")
	if code != 0 || !strings.Contains(storyOut, "1 article, 1 independent report,") {
		t.Errorf("story exit %d: %s %s", code, storyOut, errOut)
	}
}

func TestIngestStdin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "stdin.db")
	var out, errb bytes.Buffer
	code := run([]string{"--db", db, "ingest", "--no-analyse", "-"}, strings.NewReader("source: Piped\nPiped headline\n\nBody text from standard input.\n"), &out, &errb)
	if code != 0 || !strings.Contains(out.String(), "1 new") {
		t.Fatalf("exit %d: %s %s", code, out.String(), errb.String())
	}
	lsOut, _, _ := runCLI("--db", db, "ls")
	if !strings.Contains(lsOut, "Piped headline") || !strings.Contains(lsOut, "Piped") {
		t.Errorf("ls: %s", lsOut)
	}
}

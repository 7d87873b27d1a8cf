package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// 'dossier show' prints the byline the reader found, and no author line
// when there is none.
func TestShowAuthor(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "show.db")
	for name, body := range map[string]string{
		"a.txt": "Court orders dockers back to work\n\nBy Karin Aalto, The Valdmar Herald\n13 November 2026\n\nThe High Court ordered striking dockworkers to return to work on Friday.\n",
		"b.txt": "Port reopens after strike\n\nThe port reopened on Saturday after a five-day strike, its operator said.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out, errs, code := runCLI("--db", db, "ingest", "-q", "--no-analyse", filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")); code != 0 {
		t.Fatalf("ingest: %d\n%s%s", code, out, errs)
	}
	tests := []struct{ id, want string }{
		{"1", "  author:    Karin Aalto\n"},
		{"2", ""},
	}
	for _, tc := range tests {
		out, errs, code := runCLI("--db", db, "show", tc.id)
		if code != 0 {
			t.Fatalf("show %s: %d %s", tc.id, code, errs)
		}
		if tc.want == "" && strings.Contains(out, "author:") || tc.want != "" && !strings.Contains(out, tc.want) {
			t.Errorf("show %s:\n%s\nwant author line %q", tc.id, out, tc.want)
		}
		if tc.id == "1" && !strings.Contains(out, "published: 2026-11-13") {
			t.Errorf("show 1: the date line under the headline gave no date:\n%s", out)
		}
	}
}

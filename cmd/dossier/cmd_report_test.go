package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildAndReport builds the static site from the demo corpus, then
// reports a story from the store the build left behind in every format.
func TestBuildAndReport(t *testing.T) {
	dir := t.TempDir()
	corpus, _ := filepath.Glob(filepath.Join("..", "..", "internal", "demo", "corpus", "0*"))
	if len(corpus) == 0 {
		t.Fatal("demo corpus not found")
	}
	out, errOut, code := runCLI(append([]string{"build", "-o", dir}, corpus...)...)
	if code != 0 {
		t.Fatalf("build exited %d: %s %s", code, out, errOut)
	}
	for _, name := range []string{"index.html", "entities.html", "story-1.html"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "<script") {
			t.Errorf("%s has a script; the site must work without one", name)
		}
	}
	if ents, _ := filepath.Glob(filepath.Join(dir, "entity-*.html")); len(ents) == 0 {
		t.Error("no entity pages")
	}
	db := filepath.Join(dir, "dossier.db")

	out, errOut, code = runCLI("--db", db, "report", "1", "--format", "json")
	if code != 0 {
		t.Fatalf("report json exited %d: %s", code, errOut)
	}
	var d struct {
		StoryID  int64             `json:"story_id"`
		Timeline []json.RawMessage `json:"timeline"`
		Summary  []json.RawMessage `json:"summary"`
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("report json: %v\n%s", err, out)
	}
	if d.StoryID != 1 || len(d.Timeline) == 0 || len(d.Summary) < 3 {
		t.Errorf("report json: story %d, %d timeline entries, %d summary lines", d.StoryID, len(d.Timeline), len(d.Summary))
	}
	out, _, code = runCLI("--db", db, "report", "1")
	if code != 0 || !strings.Contains(out, "## Timeline") || !strings.Contains(out, "## Summary") {
		t.Errorf("report md exited %d:\n%s", code, out)
	}
	out, _, code = runCLI("--db", db, "report", "1", "--format", "html")
	if code != 0 || !strings.Contains(out, "<svg") {
		t.Errorf("report html exited %d, chart missing", code)
	}
	out, _, code = runCLI("--db", db, "report", "1", "--storyline", "--format", "json")
	if code != 0 || !strings.Contains(out, `"timeline"`) {
		t.Errorf("storyline report exited %d", code)
	}

	offices := filepath.Join(dir, "offices.tsv")
	if err := os.WriteFile(offices, []byte("prime minister\tVAR\tAnton Vasik\t2023-05-01\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runCLI("--db", db, "report", "1", "--offices", offices); code != 0 {
		t.Errorf("--offices with a good table exited %d: %s", code, errOut)
	}
	for _, args := range [][]string{
		{"report", "1", "--format", "pdf"},
		{"report", "999"},
		{"report", "x"},
		{"report", "1", "--offices", filepath.Join(dir, "missing.tsv")},
	} {
		if _, _, code := runCLI(append([]string{"--db", db}, args...)...); code == 0 {
			t.Errorf("%v succeeded", args)
		}
	}
}

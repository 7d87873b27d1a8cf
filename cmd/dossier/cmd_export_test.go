package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportEvents ingests one invented wire article and exports its
// events as TSV: a header, one row per event with the article's date, the
// CAMEO actor codes, code and PLOVER category, and the dateline's outlet
// never in an actor column.
func TestExportEvents(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.txt")
	body := "date: 2026-03-13\nsource: Northbridge Wire\n\nTalks in Doha\n\n" +
		"DOHA, March 13 (Northbridge Wire) - Qatar hosted Israeli negotiators on Friday.\n\n" +
		"Prime Minister Anton Vasik accused the Kessel rebels of stalling.\n"
	if err := os.WriteFile(in, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "e.db")
	if _, errOut, code := runCLI("--db", db, "ingest", "-q", in); code != 0 {
		t.Fatalf("ingest exited %d: %s", code, errOut)
	}
	out, errOut, code := runCLI("--db", db, "export", "events")
	if code != 0 {
		t.Fatalf("export events exited %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 || lines[0] != "date\tsource\ttarget\tcameo\tplover\tarticle\tsentence" {
		t.Fatalf("export events:\n%s", out)
	}
	want := map[string]bool{
		"2026-03-13\tQAT\tISRGOV\t043\tCONSULT\t1":       false,
		"2026-03-13\t---GOV\t---REB\t112\tDISAPPROVE\t1": false,
	}
	for _, l := range lines[1:] {
		f := strings.Split(l, "\t")
		if len(f) != 7 {
			t.Errorf("row with %d columns: %q", len(f), l)
			continue
		}
		want[strings.Join(f[:6], "\t")] = true
		if strings.Contains(f[1]+f[2], "Northbridge") {
			t.Errorf("the outlet is an actor: %q", l)
		}
	}
	for row, seen := range want {
		if !seen {
			t.Errorf("no row %q in\n%s", row, out)
		}
	}
	if _, _, code := runCLI("--db", db, "export", "events", "--from", "March"); code == 0 {
		t.Error("a bad --from succeeded")
	}
}

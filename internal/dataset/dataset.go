// Package dataset locates the public benchmark data sets that live outside
// the repository (../shared/data beside the checkout; never committed).
package dataset

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the data directory: $DOSSIER_DATA when set, otherwise the first
// "shared/data" found beside the working directory or one of its parents.
// It returns "" when there is none.
func Root() string {
	if d := os.Getenv("DOSSIER_DATA"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		cand := filepath.Join(dir, "shared", "data")
		if st, err := os.Stat(cand); err == nil && st.IsDir() {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Path returns the path of a data set (e.g. "conll2003/dev.txt") inside Root,
// or "" when it does not exist.
func Path(rel string) string {
	root := Root()
	if root == "" {
		return ""
	}
	p := filepath.Join(root, rel)
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// Require returns the path of a data set, skipping the test with a message
// when it is absent (tests that use shared data must skip, not fail).
func Require(tb testing.TB, rel string) string {
	tb.Helper()
	p := Path(rel)
	if p == "" {
		tb.Skipf("data set %s not found (set DOSSIER_DATA or put shared/data beside the checkout)", rel)
	}
	return p
}

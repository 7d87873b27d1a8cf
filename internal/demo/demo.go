// Package demo holds the built-in example corpus: a handful of short,
// original articles from invented outlets covering two overlapping invented
// stories, used by "dossier demo", by golden tests and by the README.
package demo

import (
	"embed"
	"io/fs"
)

//go:embed corpus/[0-9]*
var corpus embed.FS

// Corpus returns the example articles as a read-only file system rooted at
// the corpus folder. The corpus README.md is not embedded.
func Corpus() fs.FS {
	sub, err := fs.Sub(corpus, "corpus")
	if err != nil {
		panic(err) // the embed pattern guarantees the folder exists
	}
	return sub
}

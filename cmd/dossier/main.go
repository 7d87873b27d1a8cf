// Command dossier turns a pile of overlapping news articles into a dossier per
// story: ingest, analyse, group, compose and serve, from one binary.
package main

import "os"

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

// Command convert turns the PETRARCH2 dictionaries (actors, agents, verbs)
// into the compact gzip'd TSV tables that package cameo embeds:
//
//	go run ./internal/cameo/cmd/convert -src ../shared/data/petrarch2-dictionaries -out internal/cameo/data
package main

import (
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/dossier-news/dossier/internal/cameo"
)

func main() {
	src := flag.String("src", "../shared/data/petrarch2-dictionaries", "directory holding the PETRARCH2 dictionaries")
	out := flag.String("out", "internal/cameo/data", "output directory")
	flag.Parse()
	if err := convert(*src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "convert:", err)
		os.Exit(1)
	}
}

func convert(src, out string) error {
	var actors []cameo.ActorEntry
	for _, f := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"} {
		fh, err := os.Open(filepath.Join(src, f))
		if err != nil {
			return fmt.Errorf("opening actors: %w", err)
		}
		es, err := cameo.ParseActors(fh)
		fh.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		slog.Info("actors", "file", f, "entries", len(es))
		actors = append(actors, es...)
	}
	if err := writeGz(filepath.Join(out, "actors.tsv.gz"), func(w io.Writer) error { return cameo.WriteActorsTSV(w, actors) }); err != nil {
		return err
	}

	fh, err := os.Open(filepath.Join(src, "Phoenix.agents.txt"))
	if err != nil {
		return fmt.Errorf("opening agents: %w", err)
	}
	agents, err := cameo.ParseAgents(fh)
	fh.Close()
	if err != nil {
		return err
	}
	slog.Info("agents", "entries", len(agents))
	if err := writeGz(filepath.Join(out, "agents.tsv.gz"), func(w io.Writer) error { return cameo.WriteAgentsTSV(w, agents) }); err != nil {
		return err
	}

	fh, err = os.Open(filepath.Join(src, "CAMEO.2.0.txt"))
	if err != nil {
		return fmt.Errorf("opening verbs: %w", err)
	}
	verbs, pats, syn, err := cameo.ParseVerbs(fh)
	fh.Close()
	if err != nil {
		return err
	}
	slog.Info("verbs", "verbs", len(verbs), "patterns", len(pats), "synsets", len(syn))
	if err := writeGz(filepath.Join(out, "verbs.tsv.gz"), func(w io.Writer) error { return cameo.WriteVerbsTSV(w, verbs, pats, syn) }); err != nil {
		return err
	}

	lic, err := os.ReadFile(filepath.Join(src, "LICENSE"))
	if err != nil {
		return fmt.Errorf("reading licence: %w", err)
	}
	notice := "The tables in this directory are derived from the PETRARCH2 dictionaries\n(Phoenix.*.actors.txt, Phoenix.agents.txt, CAMEO.2.0.txt) of the Open Event Data\nAlliance, distributed under the following licence.\n\n"
	return os.WriteFile(filepath.Join(out, "LICENSE"), append([]byte(notice), lic...), 0o644)
}

// writeGz writes a gzip file deterministically (no name or time in the
// header) so re-running the converter gives identical bytes.
func writeGz(path string, fill func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("creating %s: %w", path, err)
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		f.Close()
		return fmt.Errorf("gzip: %w", err)
	}
	if err := fill(zw); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return fmt.Errorf("closing gzip: %w", err)
	}
	return f.Close()
}

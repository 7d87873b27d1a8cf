package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/spf13/cobra"
)

// Exit codes, documented in the README.
const (
	exitOK      = 0
	exitFailure = 1 // the command could not do its job (bad usage, store error, …)
	exitPartial = 3 // the command ran, but some items failed (see the per-item errors)
)

// errPartial is returned by commands that processed a batch in which some
// items failed; the items were already reported one line each.
var errPartial = errors.New("some items failed")

// globalOptions are the flags every sub-command sees. They live in one value
// passed down, never in package globals.
type globalOptions struct {
	db      string
	verbose bool
	stdin   io.Reader
	stdout  io.Writer
	stderr  io.Writer
	log     *slog.Logger
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	g := &globalOptions{stdin: stdin, stdout: stdout, stderr: stderr}
	root := newRootCmd(g)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errPartial):
		return exitPartial
	default:
		fmt.Fprintln(stderr, "dossier:", err)
		return exitFailure
	}
}

func newRootCmd(g *globalOptions) *cobra.Command {
	root := &cobra.Command{
		Use:   "dossier",
		Short: "Turn overlapping news articles into cited story dossiers",
		Long: `dossier ingests news articles (text, Markdown, HTML, JSON Lines, feeds),
analyses them (entities, dates, quotes, events), groups them into stories and
composes a cited dossier per story.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRun: func(cmd *cobra.Command, _ []string) {
			level := slog.LevelWarn
			if g.verbose {
				level = slog.LevelDebug
			}
			g.log = slog.New(slog.NewTextHandler(g.stderr, &slog.HandlerOptions{Level: level}))
		},
	}
	def := os.Getenv("DOSSIER_DB")
	if def == "" {
		def = "dossier.db"
	}
	root.PersistentFlags().StringVar(&g.db, "db", def, "store: SQLite file path (env DOSSIER_DB)")
	root.PersistentFlags().BoolVarP(&g.verbose, "verbose", "v", false, "log debug messages")
	root.AddCommand(
		newDemoCmd(g),
		newIngestCmd(g),
		newAnalyseCmd(g),
		newClusterCmd(g),
		newStoriesCmd(g),
		newStoryCmd(g),
		newStorylinesCmd(g),
		newReportCmd(g),
		newBuildCmd(g),
		newEntitiesCmd(g),
		newEntityCmd(g),
		newExportCmd(g),
		newLsCmd(g),
		newShowCmd(g),
		newSearchCmd(g),
		newStatsCmd(g),
		newEvalCmd(g),
		newBenchCmd(g),
		newTrainCmd(g),
		newServeCmd(g),
		newFeedsCmd(g),
		newNatsCmd(g),
		newWorkerCmd(g),
	)
	return root
}

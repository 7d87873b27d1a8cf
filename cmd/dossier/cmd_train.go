package main

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/ner"
)

// newTrainCmd is "dossier train MODEL": fits the project's own models from
// public data, deterministically, so a committed model file can be rebuilt.
func newTrainCmd(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "train MODEL",
		Short: "Train one of dossier's models from public data",
	}
	cmd.AddCommand(newTrainNERCmd(g), newTrainPriorCmd(g))
	return cmd
}

type trainNEROptions struct {
	data, dev, out string
	epochs, folds  int
	runs           int
	seed           uint64
}

func newTrainNERCmd(g *globalOptions) *cobra.Command {
	var o trainNEROptions
	cmd := &cobra.Command{
		Use:   "ner --data TRAIN [--dev DEV] [-o FILE]",
		Short: "Train the named-entity tagger on CoNLL-2003 files",
		Long: `Trains the two-pass averaged structured-perceptron entity tagger on a CoNLL-2003 file
and writes the gzip'd model. With the defaults and the same data the output is
byte-for-byte the committed internal/ner/model/ner.bin.gz:

  dossier train ner --data ../shared/data/conll2003/train.txt \
      --dev ../shared/data/conll2003/dev.txt -o internal/ner/model/ner.bin.gz`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTrainNER(g, o)
		},
	}
	cmd.Flags().StringVar(&o.data, "data", "", "CoNLL-2003 training file (required)")
	cmd.Flags().StringVar(&o.dev, "dev", "", "CoNLL-2003 development file: F1 is logged after each model")
	cmd.Flags().StringVarP(&o.out, "out", "o", filepath.Join("internal", "ner", "model", "ner.bin.gz"), "model file to write")
	cmd.Flags().IntVar(&o.epochs, "epochs", 0, "epochs per model (0: the default)")
	cmd.Flags().IntVar(&o.folds, "folds", 0, "jackknife folds for the second pass (0: the default, 1: one pass only)")
	cmd.Flags().IntVar(&o.runs, "runs", 0, "runs over different shuffles averaged into each final model (0: the default)")
	cmd.Flags().Uint64Var(&o.seed, "seed", 0, "shuffling seed")
	_ = cmd.MarkFlagRequired("data")
	return cmd
}

func runTrainNER(g *globalOptions, o trainNEROptions) error {
	train, err := readCoNLLFile(o.data)
	if err != nil {
		return err
	}
	opt := ner.TrainOptions{Epochs: o.epochs, Folds: o.folds, Runs: o.runs, Seed: o.seed}
	if o.dev != "" {
		if opt.Dev, err = readCoNLLFile(o.dev); err != nil {
			return err
		}
	}
	// Progress goes to the log at info level whatever -v says: training takes a while.
	opt.Log = slog.New(slog.NewTextHandler(g.stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	start := time.Now()
	m, err := ner.Train(train, opt)
	if err != nil {
		return fmt.Errorf("training: %w", err)
	}
	f, err := os.Create(o.out)
	if err != nil {
		return fmt.Errorf("writing model: %w", err)
	}
	if _, err := m.WriteTo(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing model: %w", err)
	}
	st, err := os.Stat(o.out)
	if err != nil {
		return err
	}
	fmt.Fprintf(g.stdout, "wrote %s: %d features, %.1f MB, trained in %s\n",
		o.out, m.NumFeatures(), float64(st.Size())/1e6, time.Since(start).Round(time.Second))
	return nil
}

func readCoNLLFile(path string) ([]ner.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	defer f.Close()
	docs, err := ner.ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

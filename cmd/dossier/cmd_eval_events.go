package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/cameo"
	"github.com/dossier-news/dossier/internal/entity"
	"github.com/dossier-news/dossier/internal/event"
	"github.com/dossier-news/dossier/internal/pipeline"
	"github.com/dossier-news/dossier/internal/text"
)

// newEvalEventsCmd is "dossier eval events --data records.json": PLOVER
// category accuracy, actor code F1 and exact triple accuracy over the
// PLOVER gold records, coded by the production pipeline.
func newEvalEventsCmd(g *globalOptions) *cobra.Command {
	var f evalFlags
	var misses bool
	var split string
	cmd := &cobra.Command{
		Use:   "events --data records.json [--json]",
		Short: "Score event coding (PLOVER category, CAMEO actors) on the PLOVER records",
		Long: `Score event coding (PLOVER category, CAMEO actors) on the PLOVER records.

Actor countries are compared as ISO 3166-1 alpha-3 codes. The gold records
(CAMEO 1.1b3 manual examples) write a few countries with legacy codes, mapped
to ISO before comparing: ` + strings.Join(cameo.LegacyCountries(), ", ") + `
(TMP is the dictionaries' pre-2002 code for Timor-Leste, converted to TLS).
triple_accuracy and triple_sector_accuracy use the mapping;
triple_accuracy_raw and triple_sector_accuracy_raw compare the gold codes
literally.`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fh, err := os.Open(f.data)
			if err != nil {
				return fmt.Errorf("opening data: %w", err)
			}
			defer fh.Close()
			recs, err := event.ReadRecords(fh)
			if err != nil {
				return err
			}
			if recs, err = event.Split(recs, split); err != nil {
				return err
			}
			p, err := eventPipeline()
			if err != nil {
				return err
			}
			s, ms, err := event.Evaluate(recs, func(t string) ([]article.Event, error) {
				doc, err := p.Run(&article.Article{Text: t})
				if err != nil {
					return nil, err
				}
				return doc.Analysis.Events, nil
			})
			if err != nil {
				return err
			}
			if misses {
				for _, m := range ms {
					fmt.Fprintf(g.stderr, "%s\tgold %s %s -> %s\tgot %s %s -> %s\n", m.Record.ID, m.Record.Event,
						goldCodes(m.Record.Source), goldCodes(m.Record.Target), m.Got.Category,
						strings.Join(m.Got.Sources, "+"), strings.Join(m.Got.Targets, "+"))
				}
			}
			return printMetrics(g.stdout, "events: PLOVER records ("+f.data+", split "+split+")", s.Metrics(), f.asJSON)
		},
	}
	f.register(cmd)
	cmd.Flags().StringVar(&split, "split", "all", "records to score: all, tune (3/4 used to tune the lexicon) or heldout (1/4 never looked at)")
	cmd.Flags().BoolVar(&misses, "misses", false, "list the records whose triple is wrong on stderr")
	return cmd
}

// eventPipeline is the production analysis up to events: the text layer,
// the entity layer (roles and countries of people, when mentions exist)
// and the event coder.
func eventPipeline() (*pipeline.Pipeline, error) {
	coder, err := event.New()
	if err != nil {
		return nil, err
	}
	return pipeline.New(text.Stage{}, entity.Stage{}, coder), nil
}

func goldCodes(as []event.GoldActor) string {
	var out []string
	for _, a := range as {
		c, s := a.Label()
		out = append(out, c+s)
	}
	return strings.Join(out, "+")
}

package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"
)

func newStatsCmd(g *globalOptions) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count what the store holds",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := g.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			st, err := s.Stats(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				return json.NewEncoder(g.stdout).Encode(st)
			}
			w := g.stdout
			fmt.Fprintf(w, "articles:  %d (%d analysed, %d undated)\n", st.Articles, st.Analysed, st.Undated)
			fmt.Fprintf(w, "raw bytes: %d\n", st.RawBytes)
			fmt.Fprintf(w, "dates:     %s … %s\n", dayOf(st.FirstDate), dayOf(st.LastDate))
			fmt.Fprintf(w, "entities:  %d\n", st.Entities)
			fmt.Fprintf(w, "sources:   %d\n", st.Sources)
			for _, c := range st.BySource {
				fmt.Fprintf(w, "  %-30s %d\n", orDash(c.Name), c.Count)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

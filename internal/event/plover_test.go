package event

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/dataset"
	"github.com/dossier-news/dossier/internal/entity"
	"github.com/dossier-news/dossier/internal/pipeline"
	"github.com/dossier-news/dossier/internal/text"
)

// codeText runs the production stages (text layer, entity layer, this
// stage), as dossier eval events does.
func codeText(tb testing.TB) func(string) ([]article.Event, error) {
	tb.Helper()
	c, err := New()
	if err != nil {
		tb.Fatal(err)
	}
	p := pipeline.New(text.Stage{}, entity.Stage{}, c)
	return func(t string) ([]article.Event, error) {
		doc, err := p.Run(&article.Article{Text: t})
		if err != nil {
			return nil, err
		}
		return doc.Analysis.Events, nil
	}
}

// TestPLOVERRecords scores the coder over the PLOVER records, per split. The
// floors sit a little under the measured figures: a regression guard, not
// a target.
func TestPLOVERRecords(t *testing.T) {
	path := dataset.Require(t, "plover/records.json")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := ReadRecords(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) < 100 {
		t.Fatalf("read %d records, want the full file", len(recs))
	}
	code := codeText(t)
	for _, tc := range []struct {
		split           string
		minCat, minTrip float64
	}{
		{"all", 0.87, 0.74},
		{"tune", 0.90, 0.80},
		{"heldout", 0.77, 0.55},
	} {
		rs, err := Split(recs, tc.split)
		if err != nil {
			t.Fatal(err)
		}
		s, misses, err := Evaluate(rs, code)
		if err != nil {
			t.Fatal(err)
		}
		m := s.Metrics()
		t.Logf("%s: %d records, category %.3f, triple %.3f (with sector %.3f), source F1 %.3f/%.3f, target F1 %.3f/%.3f",
			tc.split, s.Records, m["category_accuracy"], m["triple_accuracy"], m["triple_sector_accuracy"],
			m["source_country_f1"], m["source_sector_f1"], m["target_country_f1"], m["target_sector_f1"])
		if os.Getenv("EVENT_MISSES") == tc.split {
			for _, ms := range misses {
				t.Logf("  %s gold %s %v -> %v; got %s %v -> %v", ms.Record.ID, ms.Record.Event, labels(ms.Record.Source),
					labels(ms.Record.Target), ms.Got.Category, ms.Got.Sources, ms.Got.Targets)
			}
		}
		if m["category_accuracy"].(float64) < tc.minCat || m["triple_accuracy"].(float64) < tc.minTrip {
			t.Errorf("%s: category %.3f (floor %.2f), triple %.3f (floor %.2f)", tc.split,
				m["category_accuracy"], tc.minCat, m["triple_accuracy"], tc.minTrip)
		}
	}
}

func labels(as []GoldActor) []string {
	var out []string
	for _, a := range as {
		c, s := a.Label()
		out = append(out, c+s)
	}
	return out
}

func TestReadRecords(t *testing.T) {
	src := `[{"id":"A-1","text":" Libya offered aid. ","event":"AGREE","date":"2000-01-01",
	  "source":[{"actorText":"Libya","code":"LBY"}],"target":[{"actorText":"UK","code":"GBR","sector":"GOV"}]},
	 {"id":"A-2","text":"x","event":"REJECT","source":[{"actorText":"Kurds","code":"IRQ","sector":"CVLkur"}],"target":"diplomatic"},
	 {"id":"A-3","text":"y","event":"FIGHT"}]`
	recs, err := ReadRecords(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []Record{
		{ID: "A-1", Text: "Libya offered aid.", Event: "AGREE", Date: "2000-01-01",
			Source: []GoldActor{{Text: "Libya", Code: "LBY"}}, Target: []GoldActor{{Text: "UK", Code: "GBR", Sector: "GOV"}}},
		{ID: "A-2", Text: "x", Event: "REJECT", Source: []GoldActor{{Text: "Kurds", Code: "IRQ", Sector: "CVLkur"}}},
		{ID: "A-3", Text: "y", Event: "FIGHT"},
	}
	if d := cmp.Diff(want, recs); d != "" {
		t.Errorf("ReadRecords (-want +got):\n%s", d)
	}
	if c, s := recs[1].Source[0].Label(); c != "IRQ" || s != "CVL" {
		t.Errorf("Label = %q %q, want IRQ CVL", c, s)
	}
	if _, err := ReadRecords(strings.NewReader("{")); err == nil {
		t.Error("ReadRecords accepted broken JSON")
	}
}

func TestScores(t *testing.T) {
	r := Record{Event: "DEMAND", Source: []GoldActor{{Code: "USA", Sector: "GOV"}}, Target: []GoldActor{{Code: "PSE", Sector: "REB"}}}
	for _, tc := range []struct {
		name              string
		p                 Prediction
		cat, trip, tripS  int
		srcTP, srcFP, tFN int
	}{
		{"exact", Prediction{"DEMAND", []string{"USAGOV"}, []string{"PSEREBHMS"}}, 1, 1, 1, 1, 0, 0},
		{"sector wrong", Prediction{"DEMAND", []string{"USA"}, []string{"PSEREB"}}, 1, 1, 0, 1, 0, 0},
		{"category wrong", Prediction{"REJECT", []string{"USAGOV"}, []string{"PSEREB"}}, 0, 0, 0, 1, 0, 0},
		{"extra source", Prediction{"DEMAND", []string{"USAGOV", "ISR"}, []string{"PSEREB"}}, 1, 0, 0, 1, 1, 0},
		{"nothing", Prediction{}, 0, 0, 0, 0, 0, 1},
	} {
		var s Scores
		s.Add(r, tc.p)
		if s.Category != tc.cat || s.Triple != tc.trip || s.TripleSector != tc.tripS ||
			s.Source.TP != tc.srcTP || s.Source.FP != tc.srcFP || s.Target.FN != tc.tFN {
			t.Errorf("%s: got %+v", tc.name, s)
		}
	}
	if f := (PRF{TP: 1, FP: 1, FN: 0}).F1(); f < 0.666 || f > 0.667 {
		t.Errorf("F1 = %v, want 2/3", f)
	}
}

// TestScoresLegacyCountries: the gold's legacy country codes (JAP, VTN,
// ITL) match the ISO codes the coder writes in the headline figures, and
// only there; the raw figures keep them apart.
func TestScoresLegacyCountries(t *testing.T) {
	for _, tc := range []struct {
		name                 string
		r                    Record
		p                    Prediction
		trip, tripS, tripRaw int
	}{
		{"JAP is JPN", Record{Event: "CONSULT", Source: []GoldActor{{Code: "RUS", Sector: "GOV"}}, Target: []GoldActor{{Code: "JAP", Sector: "GOV"}}},
			Prediction{"CONSULT", []string{"RUSGOV"}, []string{"JPNGOV"}}, 1, 1, 0},
		{"VTN is VNM", Record{Event: "FIGHT", Source: []GoldActor{{Code: "VTN", Sector: "MIL"}}, Target: []GoldActor{{Code: "KHM"}}},
			Prediction{"FIGHT", []string{"VNMMIL"}, []string{"KHM"}}, 1, 1, 0},
		{"ITL is ITA", Record{Event: "SANCTION", Source: []GoldActor{{Code: "ITL"}}, Target: []GoldActor{{Code: "SRB"}}},
			Prediction{"SANCTION", []string{"ITA"}, []string{"SRB"}}, 1, 1, 0},
		{"ISO gold unchanged", Record{Event: "FIGHT", Source: []GoldActor{{Code: "VNM"}}},
			Prediction{"FIGHT", []string{"VNM"}, nil}, 1, 1, 1},
		{"ITA is not JPN", Record{Event: "SANCTION", Source: []GoldActor{{Code: "JAP"}}},
			Prediction{"SANCTION", []string{"ITA"}, nil}, 0, 0, 0},
	} {
		var s Scores
		s.Add(tc.r, tc.p)
		if s.Triple != tc.trip || s.TripleSector != tc.tripS || s.TripleRaw != tc.tripRaw || s.TripleSectorRaw > s.TripleRaw {
			t.Errorf("%s: triple %d sector %d raw %d (sector raw %d), want %d %d %d", tc.name,
				s.Triple, s.TripleSector, s.TripleRaw, s.TripleSectorRaw, tc.trip, tc.tripS, tc.tripRaw)
		}
	}
}

func TestSplit(t *testing.T) {
	var recs []Record
	for _, id := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"} {
		recs = append(recs, Record{ID: id})
	}
	tune, _ := Split(recs, "tune")
	held, _ := Split(recs, "heldout")
	all, _ := Split(recs, "all")
	if len(tune)+len(held) != len(recs) || len(all) != len(recs) || len(held) == 0 || len(tune) == 0 {
		t.Errorf("split sizes tune %d heldout %d all %d of %d", len(tune), len(held), len(all), len(recs))
	}
	if _, err := Split(recs, "test"); err == nil {
		t.Error("unknown split accepted")
	}
}

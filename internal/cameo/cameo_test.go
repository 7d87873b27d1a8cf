package cameo

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dossier-news/dossier/internal/dataset"
)

func TestParseActors(t *testing.T) {
	src := `# comment
AFGHANISTAN_  [AFG]
+AFGHAN_
+KABUL_ # capital

HAMID_KARZAI_  # CountryInfo.txt
+PRESIDENT_KARZAI_
	[AFGELI 750101-011222]
	[AFGGOV >011222]
KOFI_ANNAN_
	[IGOUNO 970101-061231]
	[ELI]
ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_ [YEMREB]
REUTERS_ [MED]
`
	got, err := ParseActors(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []ActorEntry{
		{"afghanistan", "AFG", 0, 0}, {"afghan", "AFG", 0, 0}, {"kabul", "AFG", 0, 0},
		{"hamid karzai", "AFGELI", 19750101, 20011222}, {"hamid karzai", "AFGGOV", 20011222, 0},
		{"president karzai", "AFGELI", 19750101, 20011222}, {"president karzai", "AFGGOV", 20011222, 0},
		{"kofi annan", "IGOUNO", 19970101, 20061231}, {"kofi annan", "IGOELI", 0, 0},
		{"aden abyan islamic army", "YEMREB", 0, 0},
		{"reuters", "---MED", 0, 0},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("ParseActors (-want +got):\n%s", d)
	}
}

func TestISOCountry(t *testing.T) {
	for _, tc := range []struct{ in, country, code string }{
		{"JAP", "JPN", "JPN"},
		{"VTN", "VNM", "VNM"},
		{"ITL", "ITA", "ITA"},
		{"TMP", "TLS", "TLS"},
		{"TMPGOV", "TMPGOV", "TLSGOV"}, // ISOCountry takes a country code only
		{"VTNMIL", "VTNMIL", "VNMMIL"},
		{"JPN", "JPN", "JPN"},
		{"USAGOV", "USAGOV", "USAGOV"},
		{"IGOUNO", "IGOUNO", "IGOUNO"},
		{"YUG", "YUG", "YUG"}, // a former state is no alias of a current one
		{"", "", ""},
	} {
		if got := ISOCountry(tc.in); got != tc.country {
			t.Errorf("ISOCountry(%q) = %q, want %q", tc.in, got, tc.country)
		}
		if got := ISOCode(tc.in); got != tc.code {
			t.Errorf("ISOCode(%q) = %q, want %q", tc.in, got, tc.code)
		}
	}
	// the converter writes ISO codes: East Timor's TMP entries come out TLS
	got, err := ParseActors(strings.NewReader("EAST_TIMOR_ [TMP]\nXANANA_GUSMAO_ [TMPGOV]\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []ActorEntry{{"east timor", "TLS", 0, 0}, {"xanana gusmao", "TLSGOV", 0, 0}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("ParseActors legacy codes (-want +got):\n%s", d)
	}
}

func TestParseAgents(t *testing.T) {
	src := `!MINIST! = MINISTER, MINISTRY
FOREIGN_!MINIST! [~GOV]
CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]
PEACEKEEPING_TROOPS {} [IGO~]
#BANK [~BUS]
`
	got, err := ParseAgents(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []AgentEntry{
		{"foreign minister", "~GOV"}, {"foreign ministry", "~GOV"},
		{"chamber of commerce", "~BUS"}, {"chambers of commerce", "~BUS"},
		{"peacekeeping troops", "IGO~"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("ParseAgents (-want +got):\n%s", d)
	}
}

func TestParseVerbs(t *testing.T) {
	src := `&FOOD
+FOOD
+GRAIN

####### VERB PATTERNS #######
---  RUSH   [---]  ---
RUSH
SPEED {SPEEDING SPED }
- * AID                                               [070]         # RUSH
- * &FOOD                                             [073]         # RUSH
- &MILITARY *                                         [154]         # RUSH
---  ASK   [020]  ---
+ASK_FOR {+ASKED_FOR} [020]
GRILL [110]
- * (FOR APPEARANCE) [:173]
`
	verbs, pats, syn, err := ParseVerbs(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	wantV := []VerbEntry{
		{Verb: "rush"}, {Verb: "speed", Forms: []string{"speeding", "sped"}},
		{Verb: "ask for", Code: "020", Forms: []string{"asked for"}}, {Verb: "grill", Code: "110"},
	}
	if d := cmp.Diff(wantV, verbs); d != "" {
		t.Errorf("verbs (-want +got):\n%s", d)
	}
	wantP := []VerbPattern{
		{Verb: "rush", Code: "070", Post: []string{"aid"}}, {Verb: "speed", Code: "070", Post: []string{"aid"}},
		{Verb: "rush", Code: "073", Post: []string{"&food"}}, {Verb: "speed", Code: "073", Post: []string{"&food"}},
		{Verb: "rush", Code: "154", Pre: []string{"&military"}}, {Verb: "speed", Code: "154", Pre: []string{"&military"}},
		{Verb: "ask for", Code: "173", Post: []string{"for", "appearance"}}, {Verb: "grill", Code: "173", Post: []string{"for", "appearance"}},
	}
	if d := cmp.Diff(wantP, pats); d != "" {
		t.Errorf("patterns (-want +got):\n%s", d)
	}
	if d := cmp.Diff(map[string][]string{"&FOOD": {"food", "grain"}}, syn); d != "" {
		t.Errorf("synsets (-want +got):\n%s", d)
	}
}

func TestSplitAndPlover(t *testing.T) {
	for _, tc := range []struct {
		code, country, sector string
	}{
		{"USAGOV", "USA", "GOV"}, {"IGOUNOMIL", "IGO", "MIL"}, {"PSEREBHMS", "PSE", "REB"},
		{"IGOUNO", "IGO", ""}, {"ISR", "ISR", ""}, {"NGOHRIAMN", "NGO", "HRI"}, {"", "", ""},
	} {
		c, s := Split(tc.code)
		if c != tc.country || s != tc.sector {
			t.Errorf("Split(%q) = %q, %q; want %q, %q", tc.code, c, s, tc.country, tc.sector)
		}
	}
	for code, want := range map[string]string{
		"010": "", "020": "DEMAND", "036": "AGREE", "042": "CONSULT", "057": "SUPPORT", "0831": "RETREAT",
		"0874": "RETREAT", "0841": "CONCEDE", "112": "DISAPPROVE", "120": "REJECT", "130": "THREATEN",
		"145": "PROTEST", "150": "MOBILIZE", "163": "SANCTION", "173": "COERCE", "181": "COERCE", "186": "ASSAULT",
		"194": "FIGHT", "200": "ASSAULT", "": "", "9": "",
	} {
		if got := Plover(code); got != want {
			t.Errorf("Plover(%q) = %q, want %q", code, got, want)
		}
	}
}

func TestCodeOn(t *testing.T) {
	yeltsin := []DatedCode{{"RUSELI", 19490101, 19910710}, {"RUSGOV", 19910710, 19991231}, {"RUSELI", 19991231, 20070423}}
	macedonia := []DatedCode{{"MKD", 19920115, 0}, {"YUGMKD", 0, 19910908}}
	for _, tc := range []struct {
		name string
		cs   []DatedCode
		date int
		want string
	}{
		{"in office", yeltsin, 19950101, "RUSGOV"},
		{"before office", yeltsin, 19800101, "RUSELI"},
		{"no date prefers government", yeltsin, 0, "RUSGOV"},
		{"no date prefers current state", macedonia, 0, "MKD"},
		{"dated past state", macedonia, 19800101, "YUGMKD"},
		{"none", nil, 0, ""},
	} {
		if got := CodeOn(tc.cs, tc.date); got != tc.want {
			t.Errorf("%s: CodeOn = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestInflect(t *testing.T) {
	for base, want := range map[string][]string{
		"agree":   {"agree", "agrees", "agreed", "agreeing"},
		"ban":     {"ban", "bans", "baned", "baning", "banned", "banning"},
		"deny":    {"deny", "denies", "denied", "denying"},
		"ask for": {"ask for", "asks for", "asked for", "asking for"},
		"push":    {"push", "pushes", "pushed", "pushing"},
	} {
		if d := cmp.Diff(want, Inflect(base)); d != "" {
			t.Errorf("Inflect(%q) (-want +got):\n%s", base, d)
		}
	}
}

func TestDefaultLookups(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("the united states and israeli soldiers met palestinians and mugabe")
	for _, tc := range []struct {
		at, n int
		code  string
	}{
		{0, 3, "USA"}, {4, 1, "ISR"}, {7, 1, "PSE"}, {9, 1, "ZWEGOV"},
	} {
		n, cs := d.ActorAt(words, tc.at)
		if n != tc.n || CodeOn(cs, 0) != tc.code {
			t.Errorf("ActorAt(%q) = %d, %q; want %d, %q", words[tc.at], n, CodeOn(cs, 0), tc.n, tc.code)
		}
	}
	if n, c := d.AgentAt(words, 5); n != 1 || c != "~MIL" {
		t.Errorf("AgentAt(soldiers) = %d, %q; want 1, ~MIL", n, c)
	}
	if n, b := d.VerbAt(words, 6); n != 1 || b != "meet" {
		t.Errorf("VerbAt(met) = %d, %q; want 1, meet", n, b)
	}
	// a regional group named for a country is that country's
	for phrase, want := range map[string]string{
		"palestinian islamic jihad": "PSEREB", "iraqi liberation army": "IRQREB",
		"islamic jihad": "LBNREB", "palestinians": "PSE", "east jerusalem": "PSE", "jerusalem": "ISR", "sindh": "PAK",
	} {
		ws := strings.Fields(phrase)
		if n, cs := d.ActorAt(ws, 0); n != len(ws) || CodeOn(cs, 0) != want {
			t.Errorf("ActorAt(%q) = %d, %q; want %d, %q", phrase, n, CodeOn(cs, 0), len(ws), want)
		}
	}
	if !d.Surname("kurd") {
		t.Fatal("want 'kurd' indexed as a surname (Mir Humayun Aziz Kurd) for the plural test")
	}
	if n, cs := d.ActorAt([]string{"kurds"}, 0); n != 0 {
		t.Errorf("ActorAt(kurds) = %d, %q: a surname in the plural is no person", n, CodeOn(cs, 0))
	}
	if n, _ := d.ActorAt([]string{"some", "800,000"}, 0); n != 0 {
		t.Errorf("common word 'some' coded as an actor")
	}
}

// TestEmbeddedTablesUpToDate re-runs the conversion over the shared
// PETRARCH2 dictionaries and checks the committed tables match.
func TestEmbeddedTablesUpToDate(t *testing.T) {
	dir := filepath.Dir(dataset.Require(t, "petrarch2-dictionaries/Phoenix.agents.txt"))
	open := func(name string) *os.File {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	var actors []ActorEntry
	for _, name := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"} {
		es, err := ParseActors(open(name))
		if err != nil {
			t.Fatal(err)
		}
		actors = append(actors, es...)
	}
	agents, err := ParseAgents(open("Phoenix.agents.txt"))
	if err != nil {
		t.Fatal(err)
	}
	verbs, pats, syn, err := ParseVerbs(open("CAMEO.2.0.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file  string
		write func(io.Writer) error
	}{
		{"data/actors.tsv.gz", func(w io.Writer) error { return WriteActorsTSV(w, actors) }},
		{"data/agents.tsv.gz", func(w io.Writer) error { return WriteAgentsTSV(w, agents) }},
		{"data/verbs.tsv.gz", func(w io.Writer) error { return WriteVerbsTSV(w, verbs, pats, syn) }},
	} {
		var buf bytes.Buffer
		if err := tc.write(&buf); err != nil {
			t.Fatal(err)
		}
		b, err := dataFS.ReadFile(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		committed, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(committed, buf.Bytes()) {
			t.Errorf("%s is stale: run go run ./internal/cameo/cmd/convert", tc.file)
		}
	}
}

func FuzzParseActors(f *testing.F) {
	f.Add("AFGHANISTAN_  [AFG]\n+AFGHAN_\nX_\n\t[AFGGOV >011222]\n")
	f.Add("A [B 1-2]\n[ELI]\n+(x\n")
	f.Add("[\n]]]\n+\n")
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = ParseActors(strings.NewReader(s))
	})
}

func FuzzParseAgents(f *testing.F) {
	f.Add("!X! = A, B\nFOO_!X! [~GOV]\n")
	f.Add("!X! = !X!\n!X! [~GOV]\n")
	f.Add("A {B [~X]\n")
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = ParseAgents(strings.NewReader(s))
	})
}

func FuzzParseVerbs(f *testing.F) {
	f.Add("&F\n+A\n## VERB PATTERNS\n--- X [010] ---\nX {Y}\n- * A [020]\n- B * [:030]\n")
	f.Add("VERB PATTERNS\n- * [\n{\n~ a\n")
	f.Fuzz(func(t *testing.T, s string) {
		_, _, _, _ = ParseVerbs(strings.NewReader(s))
	})
}

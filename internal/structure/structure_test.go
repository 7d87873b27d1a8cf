package structure

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// goldenBlock shows each block's text beside its spans so a reviewer can
// read the golden diff without counting bytes.
type goldenBlock struct {
	Kind        article.BlockKind `json:"kind"`
	Key         string            `json:"key,omitempty"`
	Section     int               `json:"section"`
	Opinion     bool              `json:"opinion,omitempty"`
	Span        article.Span      `json:"span"`
	Content     article.Span      `json:"content"`
	Text        string            `json:"text"`
	ContentText string            `json:"content_text"`
}

type golden struct {
	Meta     Meta              `json:"meta"`
	Blocks   []goldenBlock     `json:"blocks"`
	Sections []article.Section `json:"sections,omitempty"`
}

func TestParseGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	md, _ := filepath.Glob("testdata/*.md")
	inputs = append(inputs, md...)
	if len(inputs) == 0 {
		t.Fatal("no golden inputs")
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			raw, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			text, st, meta := Parse(string(raw))
			checkInvariants(t, text, st)
			got := golden{Meta: meta, Sections: st.Sections, Blocks: []goldenBlock{}}
			for _, b := range st.Blocks {
				got.Blocks = append(got.Blocks, goldenBlock{
					Kind: b.Kind, Key: b.Key, Section: b.Section, Opinion: b.Opinion,
					Span: b.Span, Content: b.Content, Text: b.Span.Of(text), ContentText: b.Content.Of(text),
				})
			}
			path := strings.TrimSuffix(in, filepath.Ext(in)) + ".golden.json"
			if *update {
				data, err := json.MarshalIndent(got, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			var want golden
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("structure differs from %s (-want +got):\n%s", path, d)
			}
		})
	}
}

// checkInvariants holds for every input: valid UTF-8, spans inside the text,
// in order and not overlapping, content inside its block, sections
// consistent with their blocks.
func checkInvariants(t testing.TB, text string, st article.Structure) {
	t.Helper()
	if !utf8.ValidString(text) {
		t.Fatalf("normalised text is not valid UTF-8")
	}
	prev := 0
	for i, b := range st.Blocks {
		if b.Span.Start < prev || b.Span.End < b.Span.Start || b.Span.End > len(text) {
			t.Fatalf("block %d span %v out of order or bounds (prev end %d, len %d)", i, b.Span, prev, len(text))
		}
		if !b.Span.Contains(b.Content) || b.Content.End < b.Content.Start {
			t.Fatalf("block %d content %v outside span %v", i, b.Content, b.Span)
		}
		if !utf8.ValidString(b.Span.Of(text)) || !utf8.ValidString(b.Content.Of(text)) {
			t.Fatalf("block %d splits a UTF-8 sequence", i)
		}
		if b.Section < -1 || b.Section >= len(st.Sections) {
			t.Fatalf("block %d section %d out of range", i, b.Section)
		}
		if b.Section >= 0 && !st.Sections[b.Section].Span.Contains(b.Span) {
			t.Fatalf("block %d not inside its section %v", i, st.Sections[b.Section].Span)
		}
		if b.Section >= 0 && st.Sections[b.Section].Opinion && !b.Opinion {
			t.Fatalf("block %d in an opinion section is not marked opinion", i)
		}
		prev = b.Span.End
	}
}

func TestParseCases(t *testing.T) {
	type want struct {
		kinds   string // block kinds, first letters: m h H p b
		opinion []bool
	}
	kindsOf := func(st article.Structure) string {
		var b strings.Builder
		for _, bl := range st.Blocks {
			switch bl.Kind {
			case article.BlockMeta:
				b.WriteByte('m')
			case article.BlockHeadline:
				b.WriteByte('H')
			case article.BlockHeading:
				b.WriteByte('h')
			case article.BlockParagraph:
				b.WriteByte('p')
			case article.BlockBullet:
				b.WriteByte('b')
			}
		}
		return b.String()
	}
	tests := []struct {
		name, in, kinds string
	}{
		{"single sentence", "The minister resigned.", "p"},
		{"lone short line is body, not headline", "Markets closed", "p"},
		{"headline then body", "Markets close higher\n\nShares rose on Friday.", "Hp"},
		{"headline with question", "Will the ceasefire hold?\n\nTalks resume on Monday.", "Hp"},
		{"headline ending in period is body", "Shares rose.\n\nThey fell later.", "pp"},
		{"hard-wrapped first paragraph stays whole", "The government said on Monday it would\nraise taxes on fuel next year.", "p"},
		{"date without colon", "date 2021-06-14\n\nText here.", "mp"},
		{"not a date keeps the line", "date night is back\n\nText here.", "pp"},
		{"source needs colon", "Source close to the talks said so.", "p"},
		{"bullets", "Facts\n\n- one\n- two\n* three\n• four", "Hbbbb"},
		{"dash number is not bullet", "Head line\n\n-5 degrees was the low.", "Hp"},
		{"trailing short line is not heading", "Head line\n\nBody text here.\n\nReuter", "Hpp"},
		{"byline is metadata, not heading", "Head line\n\nBy Ann Lee\n\nBody text.", "Hmp"},
		{"byline and date lines", "Head line\n\nBy Karin Aalto, The Valdmar Herald\n13 November 2026\n\nBody text.", "Hmmp"},
		{"outlet and date in emphasis", "# Head line\n\n*Dalmora Today, 10 November 2026*\n\nBody text.", "Hmp"},
		{"outlet line above a date line", "Head line\n\nDalmora Today\n13 November 2026\n\nBody text.", "Hmmp"},
		{"name line without a date is body", "Head line\n\nDalmora Today\nAnna Petrova\n\nBody text.", "Hpp"},
		{"prose line above a date line is body", "Head line\n\nThe strike went on for five days.\n13 November 2026\n\nBody text.", "Hpp"},
		{"date stamp", "Head line\n\nPublished Wednesday 11 November 2026, 20:15\n\nBody text.", "Hmp"},
		{"byline without headline", "By Erik Dahl\n\nThe deal will be sold as a victory.", "mp"},
		{"sentence opening with By is body", "Head line\n\nBy Monday evening at least 14 ships were waiting.", "Hp"},
		{"By and a name in a sentence is body", "Head line\n\nBy Friday, Anders Lund had met both sides.", "Hp"},
		{"date line later in the body is body", "Head line\n\nBody text.\n\nMore text.\n\n13 November 2026", "Hppp"},
		{"wire sign-off is metadata", "Head line\n\nBody text.\n\n(Reporting by Sofia Lindqvist; editing by Paul Hart)", "Hpm"},
		{"republication note is metadata", "Head line\n\nBody text.\n\nThis article first appeared in The Valdmar Herald and is republished by the Coastal Post with permission.", "Hpm"},
		{"sentence on first appearance inside the body stays", "Head line\n\nThis article first appeared in print. More text.\n\nBody text.", "Hpp"},
		{"closing parenthesis that is prose stays", "Head line\n\nBody text.\n\n(The figures were revised on Friday.)", "Hpp"},
		{"heading", "Head line\n\nBody text.\n\nBackground\n\nMore text.", "Hphp"},
		{"markdown heading levels", "# Title\n\n## A\n\ntext\n\n### B\n\ntext", "Hhphp"},
		{"rule is dropped", "Head line\n\n---\n\nBody.", "Hp"},
		{"hashtag is not heading", "Head line\n\n#climate\n\nBody.", "Hpp"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, st, _ := Parse(tc.in)
			checkInvariants(t, text, st)
			if got := kindsOf(st); got != tc.kinds {
				t.Errorf("kinds = %q, want %q", got, tc.kinds)
			}
		})
	}
}

func TestLeadLine(t *testing.T) {
	tests := []struct {
		in                   string
		ok                   bool
		author, source, date string
	}{
		{"By Karin Aalto, The Valdmar Herald", true, "Karin Aalto", "", ""},
		{"By Karin Aalto · 13 November 2026 · Updated 19:30", true, "Karin Aalto", "", "2026-11-13"},
		{"*By Tomás Ferreira, 12 January 2024*", true, "Tomás Ferreira", "", "2024-01-12"},
		{"BY JOHN SMITH", true, "JOHN SMITH", "", ""},
		{"13 November 2026", true, "", "", "2026-11-13"},
		{"*Dalmora Today, 10 November 2026*", true, "", "Dalmora Today", "2026-11-10"},
		{"Published Wednesday 11 November 2026, 20:15", true, "", "", "2026-11-11"},
		{"Updated: 2024-03-01 10:00 GMT", true, "", "", "2024-03-01"},
		{"Dalmora Today", false, "", "", ""},
		{"By Monday evening at least 14 ships were waiting.", false, "", "", ""},
		{"By Friday, Anders Lund had met both sides.", false, "", "", ""},
		{"The strike began on 9 November 2026", false, "", "", ""},
		{"Estoria, Valdmar, 13 November 2026", false, "", "", ""},
		{"", false, "", "", ""},
	}
	for _, tc := range tests {
		m, ok := LeadLine(tc.in)
		date := ""
		if !m.Date.IsZero() {
			date = m.Date.Format("2006-01-02")
		}
		if ok != tc.ok || m.Author != tc.author || m.Source != tc.source || date != tc.date {
			t.Errorf("LeadLine(%q) = %+v, %v; want author %q source %q date %q, %v", tc.in, m, ok, tc.author, tc.source, tc.date, tc.ok)
		}
	}
}

func TestBuilderOpinionHeadline(t *testing.T) {
	tests := []struct {
		headline string
		opinion  bool
	}{
		{"Opinion: The Valdmar deal buys peace, not a future", true},
		{"Analysis | What the port deal means", true},
		{"COMMENT-Why the strike matters", true},
		{"Valdmar dockworkers and port agree pay deal", false},
		{"Opinions split over the port deal", false},
	}
	for _, tc := range tests {
		var b Builder
		b.Headline(tc.headline)
		b.Paragraph("The deal agreed at Valdmar last week will be sold as a victory.")
		_, st := b.Finish()
		for _, bl := range st.Blocks {
			if bl.Opinion != tc.opinion {
				t.Errorf("%q: %s block opinion = %v, want %v", tc.headline, bl.Kind, bl.Opinion, tc.opinion)
			}
		}
	}
}

func TestWireSignoff(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"(Reporting by Sofia Lindqvist; editing by Paul Hart)", true},
		{"(Additional reporting by Ann Lee in Paris; Writing by Tom Reyes)", true},
		{"(Editing by Paul Hart)", true},
		{"Reporting by Sofia Lindqvist", false},
		{"(The figures were revised on Friday.)", false},
		{"(reporting by)", false},
	}
	for _, tc := range tests {
		if got := WireSignoff(tc.in); got != tc.ok {
			t.Errorf("WireSignoff(%q) = %v, want %v", tc.in, got, tc.ok)
		}
	}
}

func TestOpinionSection(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"Opinion", true}, {"opinions", true}, {"Comment", true}, {"Business, Opinion", true},
		{"News > Editorials", true}, {"Columns", true}, {"Analysis", true},
		{"Business", false}, {"Opinion polls", false}, {"Analysis of markets", false}, {"", false}, {"News", false},
	}
	for _, tc := range tests {
		if got := OpinionSection(tc.in); got != tc.ok {
			t.Errorf("OpinionSection(%q) = %v, want %v", tc.in, got, tc.ok)
		}
	}
}

func TestClosingCredit(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"(Reporting by Sofia Lindqvist; editing by Paul Hart)", true},
		{"This article first appeared in The Valdmar Herald and is republished by the Coastal Post with permission.", true},
		{"This article is republished from The Conversation under a Creative Commons license. Read the original article.", true},
		{"*Originally published in the Harbour Times.*", true},
		{"This article first appeared to be a hoax, the police said. They later confirmed it. Nobody was hurt.", false},
		{"The deal first appeared in doubt on Friday.", false},
	}
	for _, tc := range tests {
		if got := ClosingCredit(tc.in); got != tc.ok {
			t.Errorf("ClosingCredit(%q) = %v, want %v", tc.in, got, tc.ok)
		}
	}
}

func FuzzLeadLine(f *testing.F) {
	for _, s := range []string{"By Karin Aalto, The Valdmar Herald", "*Dalmora Today, 10 November 2026*", "Published Wednesday 11 November 2026, 20:15", "By , ,", "Updated 19:30", "(Reporting by X)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, ok := LeadLine(s)
		if !ok && m != (Meta{}) {
			t.Errorf("LeadLine(%q) rejected the line but stated %+v", s, m)
		}
		_ = ClosingCredit(s)
	})
}

func TestOpinionHeading(t *testing.T) {
	tests := map[string]bool{
		"Commentary": true, "Opinion": true, "Analysis": true, "Editorial": true, "Comment": true,
		"Op-Ed": true, "Viewpoint": true, "Analysis: what comes next": true, "COMMENT": true,
		"Comments": false, "Analysts say": false, "Opinions differ": false, "Background": false,
		"Editorials": false, "Reaction": false,
	}
	for in, want := range tests {
		if got := opinionHeading(in); got != want {
			t.Errorf("opinionHeading(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestNormalise(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain\ntext", "plain\ntext"},
		{"\uFEFFbom", "bom"},
		{"a\r\nb\rc", "a\nb\nc"},
		{"trail  \nx\t\n", "trail\nx\n"},
		{"nbsp\u00a0\nx", "nbsp\nx"},
		{"cafe\u0301", "caf\u00e9"},
		{"ctl\x00\x07x", "ctlx"},
		{"bad\xffbyte", "bad\uFFFDbyte"},
		{"ls\u2028x", "ls\nx"},
	}
	for _, tc := range tests {
		if got := Normalise(tc.in); got != tc.want {
			t.Errorf("Normalise(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := Normalise(tc.want); got != tc.want {
			t.Errorf("Normalise not idempotent on %q: %q", tc.want, got)
		}
	}
}

func TestBuilder(t *testing.T) {
	var b Builder
	b.Headline("Title  ")
	b.Paragraph("First para\nsecond line.")
	b.Heading(2, "Analysis")
	b.Bullet("a fact")
	b.Paragraph("   ")
	b.Heading(3, "Sub")
	b.Paragraph("More.")
	b.Heading(2, "Reaction")
	b.Paragraph("Calm.")
	text, st := b.Finish()
	checkInvariants(t, text, st)
	want := "Title\n\nFirst para\nsecond line.\n\nAnalysis\n\n- a fact\n\nSub\n\nMore.\n\nReaction\n\nCalm."
	if text != want {
		t.Fatalf("text = %q, want %q", text, want)
	}
	if got := st.Blocks[3].Content.Of(text); got != "a fact" {
		t.Errorf("bullet content = %q", got)
	}
	gotOp := []bool{}
	for _, s := range st.Sections {
		gotOp = append(gotOp, s.Opinion)
	}
	if d := cmp.Diff([]bool{true, true, false}, gotOp); d != "" {
		t.Errorf("section opinion (-want +got):\n%s", d)
	}
	// The built text parses back into the same kinds of block.
	st2, _ := ParseNormalised(text)
	if len(st2.Blocks) != len(st.Blocks) {
		t.Errorf("reparsed %d blocks, built %d", len(st2.Blocks), len(st.Blocks))
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"", "date 2021-06-14 Headline\n\n- a\n- b\n\n## Analysis\n\ntext", "\uFEFF# T\r\n\r\nx"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		text, st, _ := Parse(in)
		checkInvariants(t, text, st)
		if Normalise(text) != text {
			t.Fatalf("Normalise is not idempotent")
		}
	})
}

package compose

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/internal/article"
)

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		value, mod, start, end, precision string
		ok                                bool
	}{
		{"2026-03-12", "", "2026-03-12", "2026-03-12", PrecisionDay, true},
		{"2026-03-12T14:00", "", "2026-03-12", "2026-03-12", PrecisionDay, true},
		{"2026-03", "", "2026-03-01", "2026-03-31", PrecisionMonth, true},
		{"2024", "", "2024-01-01", "2024-12-31", PrecisionYear, true},
		{"2026-W11", "", "2026-03-09", "2026-03-15", PrecisionWeek, true},
		{"2021-W01", "", "2021-01-04", "2021-01-10", PrecisionWeek, true},
		{"2025-Q2", "", "2025-04-01", "2025-06-30", PrecisionApprox, true},
		{"2026-03-12", "APPROX", "2026-03-12", "2026-03-12", PrecisionApprox, true},
		{"PRESENT_REF", "", "", "", "", false},
		{"201X", "", "", "", "", false},
		{"P3D", "", "", "", "", false},
		{"2026-13", "", "", "", "", false},
		{"2026-02-30", "", "", "", "", false},
	}
	for _, tt := range tests {
		p, ok := parsePeriod(tt.value, tt.mod)
		if ok != tt.ok {
			t.Errorf("parsePeriod(%q) ok = %v, want %v", tt.value, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		if dayOf(p.start) != tt.start || dayOf(p.end) != tt.end || p.precision != tt.precision {
			t.Errorf("parsePeriod(%q, %q) = %s..%s %s, want %s..%s %s", tt.value, tt.mod, dayOf(p.start), dayOf(p.end), p.precision, tt.start, tt.end, tt.precision)
		}
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2026-03-12", "2026-W53", "2024", "2025-H2", "2026-03", "XXXX-03", "2026-03-12TMO", "9999-99-99", ""} {
		f.Add(s, "")
	}
	f.Fuzz(func(t *testing.T, v, mod string) {
		p, ok := parsePeriod(v, mod)
		if ok && p.end.Before(p.start) {
			t.Errorf("parsePeriod(%q): end %v before start %v", v, p.end, p.start)
		}
	})
}

func FuzzParseGoldTimeline(f *testing.F) {
	f.Add([]byte(`[{"date":"2011-01-25","text":" a .  b . "}]`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"date":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		tl, err := ParseGoldTimeline(data)
		if err != nil {
			return
		}
		for _, ss := range tl {
			for _, s := range ss {
				if strings.TrimSpace(s) == "" {
					t.Errorf("empty sentence kept")
				}
			}
		}
	})
}

// source builds an unanalysed source: Build dates it and finds its quotes.
func source(id int64, outlet, date, text string) Source {
	return Source{Article: &article.Article{ID: id, Source: outlet, Text: text, Published: day(date), Title: "t"}}
}

func TestBuildUnanalysedAndContradictions(t *testing.T) {
	in := Input{StoryID: 7, Sources: []Source{
		source(1, "Wire A", "2026-03-09", "The talks will open in Doha on Thursday. A 30-day truce is on the table."),
		source(2, "Paper B", "2026-03-13", "The rebels rejected a 21-day truce at the talks, which opened on Wednesday."),
		source(3, "Paper C", "2026-03-13", "The talks opened on Thursday. Fighting killed 14 civilians on Tuesday."),
		source(4, "Wire D", "2026-03-20", "The ceasefire was signed on Friday. Fighting had killed 14 civilians on March 10."),
	}}
	d, err := Build(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{}
	for _, c := range d.Contradictions {
		kinds[c.Kind] = c.Slot
	}
	if kinds[ConflictDate] != "talks begin" {
		t.Errorf("no date contradiction on the talks' opening: %+v", d.Contradictions)
	}
	if kinds[ConflictNumber] != "ceasefire length in days" {
		t.Errorf("no number contradiction on the truce length: %+v", d.Contradictions)
	}
	// The same toll for the same day in two sources is agreement.
	for _, c := range d.Contradictions {
		if strings.HasPrefix(c.Slot, "killed") {
			t.Errorf("agreeing tolls flagged: %+v", c)
		}
	}
	if len(d.Timeline) == 0 || len(d.Summary) == 0 {
		t.Errorf("empty timeline or summary: %+v", d)
	}
	for _, e := range d.Timeline {
		for _, c := range e.Citations {
			if c.Text == "" || !strings.Contains(in.Sources[c.Article-1].Article.Text, c.Text) {
				t.Errorf("citation %+v does not point into article %d", c, c.Article)
			}
		}
	}
}

func TestBuildEmptyAndNoDates(t *testing.T) {
	for _, in := range []Input{
		{},
		{Sources: []Source{{Article: &article.Article{ID: 1}}}},
		{Sources: []Source{{Article: &article.Article{ID: 1, Text: "\x00\xff broken « text"}}}},
	} {
		d, err := Build(context.Background(), in)
		if err != nil {
			t.Fatalf("Build: %v", err)
		}
		b, _ := json.Marshal(d)
		if bytes.Contains(b, []byte("null")) {
			t.Errorf("empty lists encode as null: %s", b)
		}
	}
	if _, err := Build(context.Background(), Input{Sources: []Source{{}}}); err == nil {
		t.Error("a source without an article was accepted")
	}
}

func TestRenderEscapes(t *testing.T) {
	d, err := Build(context.Background(), Input{Headline: "<script>alert(1)</script> & co", Sources: []Source{
		source(1, "<b>Evil</b>", "2026-03-09", "The talks will open on Thursday <img src=x onerror=alert(1)> in Doha, officials said."),
	}})
	if err != nil {
		t.Fatal(err)
	}
	var h bytes.Buffer
	if err := WriteHTML(&h, d); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script>alert", "<img src=x", "<b>Evil"} {
		if strings.Contains(h.String(), bad) {
			t.Errorf("HTML contains unescaped %q", bad)
		}
	}
	if !strings.Contains(h.String(), "<svg") {
		t.Error("HTML has no timeline chart")
	}
	var m bytes.Buffer
	if err := WriteMarkdown(&m, d); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(m.String(), "<img") || strings.Contains(m.String(), "<script>") {
		t.Errorf("Markdown passes HTML through:\n%s", m.String())
	}
}

func TestSplitTitle(t *testing.T) {
	tests := []struct{ in, name, title string }{
		{"Qatari Foreign Minister Layla Al-Mansouri", "Layla Al-Mansouri", "foreign minister"},
		{"UN special envoy Tomas Reinholt", "Tomas Reinholt", "un special envoy"},
		{"Rebel spokesman", "", "rebel spokesman"},
		{"Kessel Liberation Front's", "Kessel Liberation Front", ""},
		{"UN Secretary-General Ban Ki-moon", "Ban Ki-moon", "un secretary-general"},
	}
	for _, tt := range tests {
		n, ti := splitTitle(tt.in)
		if n != tt.name || ti != tt.title {
			t.Errorf("splitTitle(%q) = %q, %q; want %q, %q", tt.in, n, ti, tt.name, tt.title)
		}
	}
}

func TestWithoutDateline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"DOHA, March 9 (Northbridge Wire) - The government agreed.", "The government agreed."},
		{"BELVAR, Varenia, March 12 (Northbridge Wire) - The number rose.", "The number rose."},
		{"WASHINGTON (Reuters) — Officials said so.", "Officials said so."},
		{"The talks - which began Monday - stalled.", "The talks - which began Monday - stalled."},
		{"UN special envoy Tomas Reinholt said so.", "UN special envoy Tomas Reinholt said so."},
		{"NATO - the alliance - met.", "NATO - the alliance - met."},
	}
	for _, tc := range tests {
		if got := withoutDateline(tc.in); got != tc.want {
			t.Errorf("withoutDateline(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

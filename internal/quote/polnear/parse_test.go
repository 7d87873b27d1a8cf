package polnear

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dossier-news/dossier/internal/article"
)

// The text has a curly apostrophe (3 bytes, 1 code point) before the spans,
// so byte offsets differ from the corpus's code-point offsets.
const parseText = "Trump’s aide said the talks failed. “We lost,” he said."

const parseAnn = "T1\tSource 8 12\taide\n" +
	"T2\tCue 13 17\tsaid\n" +
	"T3\tContent 18 34\tthe talks failed\n" +
	"T4\tAttribution 13 17\tsaid\n" +
	"E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n" +
	"T5\tContent 36 46;47 49\t“We lost,” he\n" +
	"a continuation line of a span text with a newline\n" +
	"T6\tCue 50 54\tsaid\n" +
	"T7\tAttribution-no-source 50 54\tsaid\n" +
	"E2\tAttribution-no-source:T7 Content:T5 Cue:T6\n" +
	"#1\tAnnotatorNotes T5\ta note\n"

func TestParseAnn(t *testing.T) {
	got, err := ParseAnn(strings.NewReader(parseAnn), parseText)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d attributions, want 2", len(got))
	}
	texts := func(spans []article.Span) []string {
		var out []string
		for _, s := range spans {
			out = append(out, s.Of(parseText))
		}
		return out
	}
	want := [][3][]string{
		{{"aide"}, {"said"}, {"the talks failed"}},
		{nil, {"said"}, {"“We lost,”", "he"}},
	}
	for i, a := range got {
		g := [3][]string{texts(a.Source), texts(a.Cue), texts(a.Content)}
		if diff := cmp.Diff(want[i], g); diff != "" {
			t.Errorf("attribution %d (-want +got):\n%s", i, diff)
		}
	}
	if IsDirect(parseText, got[0]) || !IsDirect(parseText, got[1]) {
		t.Errorf("IsDirect = %v, %v; want false, true", IsDirect(parseText, got[0]), IsDirect(parseText, got[1]))
	}
}

func TestParseAnnErrors(t *testing.T) {
	for _, ann := range []string{
		"T1\tSource 8 999\tx\n",   // past the text
		"T1\tSource 8\tx\n",       // one offset
		"T1\tSource\tx\n",         // no offsets
		"T1\tSource 9 8\tx\n",     // reversed
		"T1\tSource a b;1 2\tx\n", // not numbers
	} {
		if _, err := ParseAnn(strings.NewReader(ann), parseText); err == nil {
			t.Errorf("ParseAnn(%q): no error", ann)
		}
	}
}

func TestScoreRules(t *testing.T) {
	text := "Officials said the bridge would reopen next week, a spokesman added."
	sp := func(s string) []article.Span {
		i := strings.Index(text, s)
		return []article.Span{{Start: i, End: i + len(s)}}
	}
	doc := Document{Text: text, Gold: []Attribution{
		{Source: sp("Officials"), Cue: sp("said"), Content: sp("the bridge would reopen next week")},
	}}
	tests := []struct {
		name string
		pred []Predicted
		want map[rule]int // true positives per rule
	}{
		{"exact", []Predicted{{Attribution: Attribution{Source: sp("Officials"), Cue: sp("said"), Content: sp("the bridge would reopen next week,")}}},
			map[rule]int{contentExact: 1, contentOverlap: 1, sourceExact: 1, wholeExact: 1, wholeOverlap: 1, cueExact: 1}},
		{"overlap only", []Predicted{{Attribution: Attribution{Source: sp("Officials said"), Cue: sp("said"), Content: sp("bridge would reopen")}}},
			map[rule]int{contentExact: 0, contentOverlap: 1, sourceExact: 0, sourceOverlap: 1, wholeExact: 0, wholeOverlap: 1}},
		{"wrong source", []Predicted{{Attribution: Attribution{Source: sp("a spokesman"), Cue: sp("added"), Content: sp("the bridge would reopen next week")}}},
			map[rule]int{contentExact: 1, sourceOverlap: 0, cueOverlap: 0, wholeOverlap: 0}},
		{"no source against a source", []Predicted{{Attribution: Attribution{Cue: sp("said"), Content: sp("the bridge")}}},
			map[rule]int{contentOverlap: 1, wholeOverlap: 0}},
		{"one to one", []Predicted{
			{Attribution: Attribution{Source: sp("Officials"), Cue: sp("said"), Content: sp("the bridge")}},
			{Attribution: Attribution{Source: sp("Officials"), Cue: sp("said"), Content: sp("next week")}}},
			map[rule]int{contentOverlap: 1, wholeOverlap: 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var s Scores
			s.Add(doc, tc.pred)
			for r, tp := range tc.want {
				if s.All[r].TP != tp {
					t.Errorf("%s TP = %d, want %d", ruleNames[r], s.All[r].TP, tp)
				}
			}
			if s.All[contentOverlap].Pred != len(tc.pred) || s.All[contentOverlap].Gold != 1 {
				t.Errorf("counts %+v", s.All[contentOverlap])
			}
		})
	}
}

// FuzzParseAnn checks the annotation reader never panics and keeps spans
// inside the text.
func FuzzParseAnn(f *testing.F) {
	f.Add(parseAnn, parseText)
	f.Add("T1\tContent 0 3;5 9\tx\nE1\tAttribution:T9 Content:T1\n", "naïve text")
	f.Add("E1\tContent:T1 Cue:T2\nT1\tCue 0 0\t\n", "")
	f.Fuzz(func(t *testing.T, ann, text string) {
		got, err := ParseAnn(strings.NewReader(ann), text)
		if err != nil {
			return
		}
		for _, a := range got {
			for _, group := range [][]article.Span{a.Source, a.Cue, a.Content} {
				for _, s := range group {
					if s.Start < 0 || s.End > len(text) || s.Start > s.End {
						t.Fatalf("span %+v outside text of %d bytes", s, len(text))
					}
				}
			}
		}
	})
}

package quote

import (
	"testing"
	"unicode/utf8"
)

func TestScan(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		inner []string // the quoted texts, in order
		open  []bool   // which are unclosed (nil: all closed)
		paras []int    // paragraphs spanned (nil: all 1)
	}{
		{"straight", `He said "we will win" today.`, []string{"we will win"}, nil, nil},
		{"curly", `“We will win,” he said.`, []string{"We will win,"}, nil, nil},
		{"two quotes", `“One,” he said. “Two.”`, []string{"One,", "Two."}, nil, nil},
		{"typewriter pairs", `''We must not overreact,'' he told me.`, []string{"We must not overreact,"}, nil, nil},
		{"apostrophes are not quotes", `Trump’s aides don't say it’s over.`, nil, nil, nil},
		{"nested single inside double", `“He said ‘no’ twice,” she said.`, []string{"He said ‘no’ twice,"}, nil, nil},
		{"nested straight singles", `''I had to think, 'This is their lives.'.'' she said`, []string{"I had to think, 'This is their lives.'."}, nil, nil},
		{"top-level single quotes", `Voters say it’s ‘in their heads.’ now`, []string{"in their heads."}, nil, nil},
		{"unbalanced single is an apostrophe", `the ‘90s were fun`, nil, nil, nil},
		{"continued paragraph", "“First part.\n\n“Second part,” he said.", []string{"First part.\n\n“Second part,"}, nil, []int{2}},
		{"unclosed at paragraph end", "“Never closed.\n\nNext paragraph.", []string{"Never closed."}, []bool{true}, nil},
		{"stray closing mark", `word” then “real”`, []string{"real"}, nil, nil},
		{"closing mark typed as opening", `he called it ”a farce” today`, []string{"a farce"}, nil, nil},
		{"empty quotes", `"" and “”`, nil, nil, nil},
		{"guillemets", `«Bonjour», dit-il.`, []string{"Bonjour"}, nil, nil},
		{"scare quote", `the so-called “reforms” stalled`, []string{"reforms"}, nil, nil},
		{"closing mark opening a paragraph after a blank line", "He noted it.\n\n” … he delivered,” Barabak wrote.", []string{" … he delivered,"}, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			segs := Scan(tc.text)
			if len(segs) != len(tc.inner) {
				t.Fatalf("got %d segments %+v, want %d", len(segs), segs, len(tc.inner))
			}
			for i, s := range segs {
				if got := s.Inner.Of(tc.text); got != tc.inner[i] {
					t.Errorf("segment %d inner = %q, want %q", i, got, tc.inner[i])
				}
				wantOpen := tc.open != nil && tc.open[i]
				if s.Closed == wantOpen {
					t.Errorf("segment %d closed = %v, want %v", i, s.Closed, !wantOpen)
				}
				wantParas := 1
				if tc.paras != nil {
					wantParas = tc.paras[i]
				}
				if s.Paragraphs != wantParas {
					t.Errorf("segment %d paragraphs = %d, want %d", i, s.Paragraphs, wantParas)
				}
			}
		})
	}
}

// FuzzScan checks the scanner's invariants on any input, unbalanced and
// nested quotes included: no panic, segments in order and non-overlapping,
// inner inside outer, offsets on rune boundaries.
func FuzzScan(f *testing.F) {
	for _, s := range []string{
		`"unbalanced`, `“nested “twice” here”`, `''a'' ''b`, "“p1\n\n“p2\n\n“p3”", `‘single’ and ’stray`,
		`"a" "b" "c`, "``tex'' style", `”backwards“`, "\"\n\n\"", "\xff\"bad utf8\"", `“‘mixed”’`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		segs := Scan(text)
		last := 0
		for _, s := range segs {
			if s.Span.Start < last || s.Span.End < s.Span.Start || s.Span.End > len(text) {
				t.Fatalf("bad span %+v (last end %d, len %d)", s.Span, last, len(text))
			}
			if !s.Span.Contains(s.Inner) || s.Inner.End <= s.Inner.Start {
				t.Fatalf("inner %+v not inside %+v or empty", s.Inner, s.Span)
			}
			if utf8.ValidString(text) {
				for _, off := range []int{s.Span.Start, s.Span.End, s.Inner.Start, s.Inner.End} {
					if off < len(text) && !utf8.RuneStart(text[off]) {
						t.Fatalf("offset %d not on a rune boundary", off)
					}
				}
			}
			last = s.Span.End
		}
		// The stage must not panic either.
		_ = extractText(text)
	})
}

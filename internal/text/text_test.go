package text_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/pipeline"
	"github.com/dossier-news/dossier/internal/text"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

var _ pipeline.Stage = text.Stage{}

func tokenTexts(toks []article.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"words and full stop", "He left.", []string{"He", "left", "."}},
		{"possessive", "Germany's army", []string{"Germany", "'s", "army"}},
		{"curly possessive", "Egypt’s leader", []string{"Egypt", "’s", "leader"}},
		{"plural possessive", "the countries' leaders", []string{"the", "countries", "'", "leaders"}},
		{"negation", "They don't, can't", []string{"They", "do", "n't", ",", "ca", "n't"}},
		{"clitics", "we're he'll I'm she'd", []string{"we", "'re", "he", "'ll", "I", "'m", "she", "'d"}},
		{"inner apostrophe", "O'Brien and Qur'an", []string{"O'Brien", "and", "Qur'an"}},
		{"hyphenated", "el-Sisi met then-Chancellor Scholz", []string{"el-Sisi", "met", "then-Chancellor", "Scholz"}},
		{"hyphen code", "COVID-19 in 1996-08-30", []string{"COVID-19", "in", "1996-08-30"}},
		{"dash not joined", "yes -- no - maybe", []string{"yes", "--", "no", "-", "maybe"}},
		{"numbers", "1,000.5 and 3.5% or $20", []string{"1,000.5", "and", "3.5", "%", "or", "$", "20"}},
		{"number then stop", "rose 3.5.", []string{"rose", "3.5", "."}},
		{"times and dates", "at 4:30 on 12/03/2021", []string{"at", "4:30", "on", "12/03/2021"}},
		{"dotted acronyms", "U.S. and U.K. at 4 p.m.", []string{"U.S.", "and", "U.K.", "at", "4", "p.m."}},
		{"initials", "J. R. R. Tolkien", []string{"J.", "R.", "R.", "Tolkien"}},
		{"titles", "Gen. Smith and Sen. Jones, Mr. Li, Dr. Who", []string{"Gen.", "Smith", "and", "Sen.", "Jones", ",", "Mr.", "Li", ",", "Dr.", "Who"}},
		{"company", "Apple Inc. and Acme Corp. etc.", []string{"Apple", "Inc.", "and", "Acme", "Corp.", "etc."}},
		{"No before number", "No. 10 but No.", []string{"No.", "10", "but", "No", "."}},
		{"month", "Jan. 5", []string{"Jan.", "5"}},
		{"unknown word with stop", "the end.", []string{"the", "end", "."}},
		{"ellipsis", "wait... what…", []string{"wait", "...", "what", "…"}},
		{"quotes", `"No," “yes” ‘maybe’`, []string{`"`, "No", ",", `"`, "“", "yes", "”", "‘", "maybe", "’"}},
		{"ptb quotes", "``Hi''", []string{"``", "Hi", "''"}},
		{"url", "see https://example.com/a?b=1. Then", []string{"see", "https://example.com/a?b=1", ".", "Then"}},
		{"url parens", "(www.example.org/x_(y))", []string{"(", "www.example.org/x_(y)", ")"}},
		{"email", "mail john.smith@example.co.uk.", []string{"mail", "john.smith@example.co.uk", "."}},
		{"not email", "a @ b", []string{"a", "@", "b"}},
		{"ampersand", "AT&T and S&P, R & D", []string{"AT&T", "and", "S&P", ",", "R", "&", "D"}},
		{"handle", "@Reuters #COVID19", []string{"@Reuters", "#COVID19"}},
		{"unicode words", "Erdoğan met Łukaszenka in Zürich", []string{"Erdoğan", "met", "Łukaszenka", "in", "Zürich"}},
		{"unicode spaces", "a\u00a0b\u2009c\u200bd", []string{"a", "b", "c", "d"}},
		{"em dash", "war—peace", []string{"war", "—", "peace"}},
		{"leading decimal", "hit .358 and 0.5", []string{"hit", ".358", "and", "0.5"}},
		{"currency prefix", "C$ 20 and US$5", []string{"C$", "20", "and", "US$", "5"}},
		{"hash number", "#20.1 #tag", []string{"#", "20.1", "#tag"}},
		{"interrobang", "What?! No!!", []string{"What", "?!", "No", "!!"}},
		{"empty", "", []string{}},
		{"spaces only", " \n\t ", []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := text.Tokenize(tc.in)
			if diff := cmp.Diff(tc.want, tokenTexts(toks)); diff != "" {
				t.Errorf("Tokenize(%q) (-want +got):\n%s", tc.in, diff)
			}
			for _, tk := range toks {
				if tk.Span.Of(tc.in) != tk.Text {
					t.Errorf("token %q has span %v covering %q", tk.Text, tk.Span, tk.Span.Of(tc.in))
				}
			}
		})
	}
}

func sentenceTexts(doc *article.Doc) []string {
	out := make([]string, len(doc.Sentences))
	for i, s := range doc.Sentences {
		out[i] = s.Span.Of(doc.Article.Text)
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"two sentences", "He left. She stayed.", []string{"He left.", "She stayed."}},
		{"closing quote", `He said "No." Then he left.`, []string{`He said "No."`, "Then he left."}},
		{"curly closing quote", "He said “No.” Then he left.", []string{"He said “No.”", "Then he left."}},
		{"attribution after question", `"Why?" Smith asked. Yes.`, []string{`"Why?" Smith asked.`, "Yes."}},
		{"new sentence after question", `"Why?" The answer came.`, []string{`"Why?"`, "The answer came."}},
		{"quote continues", `"Is it?" he asked. Yes.`, []string{`"Is it?" he asked.`, "Yes."}},
		{"opening quote after space", `He left. "Why?" she asked.`, []string{"He left.", `"Why?" she asked.`}},
		{"closing paren", "It rose (by 3.5%.) The end.", []string{"It rose (by 3.5%.)", "The end."}},
		{"titles never end", "Gen. Smith met Sen. Jones and Mr. Li. They talked.", []string{"Gen. Smith met Sen. Jones and Mr. Li.", "They talked."}},
		{"initials", "J. R. R. Tolkien wrote it. Many read it.", []string{"J. R. R. Tolkien wrote it.", "Many read it."}},
		{"U.S. inside", "The U.S. Army and U.N. forces left.", []string{"The U.S. Army and U.N. forces left."}},
		{"U.S. at end", "He flew to the U.S. The trip was long.", []string{"He flew to the U.S.", "The trip was long."}},
		{"time", "They met at 4 p.m. Monday. It rained.", []string{"They met at 4 p.m. Monday.", "It rained."}},
		{"time before name", "It began at 4 p.m. Police said so.", []string{"It began at 4 p.m.", "Police said so."}},
		{"time zone", "It began at 4 p.m. ET on Monday.", []string{"It began at 4 p.m. ET on Monday."}},
		{"acronym then bracket", "EADS N.V. (EADS) won.", []string{"EADS N.V. (EADS) won."}},
		{"brand starts sentence", "It was launched. iPhone sales rose.", []string{"It was launched.", "iPhone sales rose."}},
		{"time at end", "They met at 4 p.m. He left.", []string{"They met at 4 p.m.", "He left."}},
		{"company", "Acme Inc. said profit rose. Acme Corp. The firm grew.", []string{"Acme Inc. said profit rose.", "Acme Corp.", "The firm grew."}},
		{"month", "On Jan. 5 it began. It ended.", []string{"On Jan. 5 it began.", "It ended."}},
		{"decimal", "It grew 3.5 percent. Then fell.", []string{"It grew 3.5 percent.", "Then fell."}},
		{"ellipsis end", "He paused... Then he spoke.", []string{"He paused...", "Then he spoke."}},
		{"ellipsis elision", "the U.S. ... China deal", []string{"the U.S. ... China deal"}},
		{"ellipsis lowercase", "He paused... and spoke.", []string{"He paused... and spoke."}},
		{"question exclamation", "Why? Because! Fine.", []string{"Why?", "Because!", "Fine."}},
		{"lowercase after stop", "See fig. 3 and e.g. this.", []string{"See fig. 3 and e.g. this."}},
		{"number starts", "Prices rose in 2020. 15 firms failed.", []string{"Prices rose in 2020.", "15 firms failed."}},
		{"blank line", "Headline without stop\n\nBody starts here.", []string{"Headline without stop", "Body starts here."}},
		{"single newline", "wrapped\nline. Next.", []string{"wrapped\nline.", "Next."}},
		{"no terminal", "no full stop at all", []string{"no full stop at all"}},
		{"empty", "", []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := &article.Doc{Article: &article.Article{Text: tc.in}}
			text.Analyse(doc)
			if diff := cmp.Diff(tc.want, sentenceTexts(doc)); diff != "" {
				t.Errorf("sentences of %q (-want +got):\n%s", tc.in, diff)
			}
			checkInvariants(t, doc)
		})
	}
}

func TestBlocks(t *testing.T) {
	// A headline without a full stop, a bullet with its marker, a meta line
	// and a paragraph: sentences stay inside their blocks.
	txt := "Leaders meet in Cairo\n- Talks begin Monday\nsource: Wire\nThe talks began. They ended"
	blocks := []article.Block{
		{Kind: article.BlockHeadline, Span: article.Span{Start: 0, End: 21}, Content: article.Span{Start: 0, End: 21}},
		{Kind: article.BlockBullet, Span: article.Span{Start: 22, End: 42}, Content: article.Span{Start: 24, End: 42}},
		{Kind: article.BlockMeta, Span: article.Span{Start: 43, End: 55}, Content: article.Span{Start: 51, End: 55}, Key: "source"},
		{Kind: article.BlockParagraph, Span: article.Span{Start: 56, End: len(txt)}},
	}
	doc := &article.Doc{Article: &article.Article{Text: txt, Structure: article.Structure{Blocks: blocks}}}
	if err := (text.Stage{}).Analyse(doc); err != nil {
		t.Fatal(err)
	}
	want := []string{"Leaders meet in Cairo", "Talks begin Monday", "The talks began.", "They ended"}
	if diff := cmp.Diff(want, sentenceTexts(doc)); diff != "" {
		t.Errorf("sentences (-want +got):\n%s", diff)
	}
	var gotBlocks []int
	for _, s := range doc.Sentences {
		gotBlocks = append(gotBlocks, s.Block)
	}
	if diff := cmp.Diff([]int{0, 1, 3, 3}, gotBlocks); diff != "" {
		t.Errorf("sentence blocks (-want +got):\n%s", diff)
	}
	if len(doc.Analysis.Sentences) != len(doc.Sentences) || doc.Analysis.Sentences[2] != doc.Sentences[2].Span {
		t.Errorf("Analysis.Sentences = %v, want the sentence spans", doc.Analysis.Sentences)
	}
	checkInvariants(t, doc)

	// Re-analysing the same Doc gives the same result (no stale tokens).
	n := len(doc.Tokens)
	text.Analyse(doc)
	if len(doc.Tokens) != n {
		t.Errorf("re-analysis gave %d tokens, want %d", len(doc.Tokens), n)
	}
}

func TestBadBlocks(t *testing.T) {
	txt := "One. Two. Three."
	blocks := []article.Block{
		{Kind: article.BlockParagraph, Span: article.Span{Start: 5, End: 100}},
		{Kind: article.BlockParagraph, Span: article.Span{Start: -3, End: 9}},
		{Kind: article.BlockParagraph, Span: article.Span{Start: 7, End: 2}},
	}
	doc := &article.Doc{Article: &article.Article{Text: txt, Structure: article.Structure{Blocks: blocks}}}
	text.Analyse(doc)
	checkInvariants(t, doc)
	if got := strings.Join(tokenTexts(doc.Tokens), " "); got != "One . Two . Three ." {
		t.Errorf("tokens = %q", got)
	}
	(text.Stage{}).Analyse(&article.Doc{}) // no article: no panic
}

// checkInvariants verifies what every consumer of the text layer relies on.
func checkInvariants(t *testing.T, doc *article.Doc) {
	t.Helper()
	txt := doc.Article.Text
	prevEnd := 0
	for i, tk := range doc.Tokens {
		if tk.Span.Start < prevEnd || tk.Span.End <= tk.Span.Start || tk.Span.End > len(txt) {
			t.Fatalf("token %d %q has bad span %v (previous end %d, text length %d)", i, tk.Text, tk.Span, prevEnd, len(txt))
		}
		if txt[tk.Span.Start:tk.Span.End] != tk.Text {
			t.Fatalf("token %d text %q does not match its span %q", i, tk.Text, txt[tk.Span.Start:tk.Span.End])
		}
		if utf8.ValidString(txt) && !utf8.ValidString(tk.Text) {
			t.Fatalf("token %d %q splits a rune", i, tk.Text)
		}
		prevEnd = tk.Span.End
	}
	next := 0
	for i, s := range doc.Sentences {
		if s.TokStart != next || s.TokEnd <= s.TokStart || s.TokEnd > len(doc.Tokens) {
			t.Fatalf("sentence %d covers tokens [%d,%d), want start %d", i, s.TokStart, s.TokEnd, next)
		}
		if s.Span.Start != doc.Tokens[s.TokStart].Span.Start || s.Span.End != doc.Tokens[s.TokEnd-1].Span.End {
			t.Fatalf("sentence %d span %v does not match its tokens", i, s.Span)
		}
		if doc.SentenceAt(s.Span.Start) != i {
			t.Fatalf("SentenceAt(%d) = %d, want %d", s.Span.Start, doc.SentenceAt(s.Span.Start), i)
		}
		next = s.TokEnd
	}
	if next != len(doc.Tokens) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(doc.Tokens))
	}
}

// golden is the expected analysis of one testdata/golden/NAME.txt input.
type golden struct {
	Sentences []goldenSentence `json:"sentences"`
}

type goldenSentence struct {
	Text   string       `json:"text"`
	Span   article.Span `json:"span"`
	Tokens []string     `json:"tokens"`
}

func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) == 0 {
		t.Fatal("no golden inputs")
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".txt")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			doc := &article.Doc{Article: &article.Article{Text: string(raw)}}
			text.Analyse(doc)
			checkInvariants(t, doc)
			var got golden
			for i, s := range doc.Sentences {
				got.Sentences = append(got.Sentences, goldenSentence{
					Text:   s.Span.Of(doc.Article.Text),
					Span:   s.Span,
					Tokens: tokenTexts(doc.SentenceTokens(i)),
				})
			}
			path := strings.TrimSuffix(in, ".txt") + ".json"
			if *update {
				b, err := json.MarshalIndent(got, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			var want golden
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", path, diff)
			}
		})
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"", "He said \"No.\" Then he left.", "U.S. Gen. J. R. R. Tolkien's 3.5% at 4 p.m. ...",
		"don't n't 'n' O'Brien's", "https://x.y/(a)). www. a@b.c x@y", "“Yes.” ‘No?’ — …",
		"\xff\xfe broken \xe2\x80", "1,000.5.. -- ``''", "a\n\nb", "No. 10 No.",
	} {
		f.Add(s, uint16(len(s)/2))
	}
	f.Fuzz(func(t *testing.T, s string, cut uint16) {
		doc := &article.Doc{Article: &article.Article{Text: s}}
		text.Analyse(doc)
		checkInvariants(t, doc)

		// Two blocks split at an arbitrary byte: nothing crosses the cut.
		c := int(cut) % (len(s) + 1)
		for c > 0 && c < len(s) && !utf8.RuneStart(s[c]) {
			c-- // block boundaries from ingest fall between runes
		}
		doc = &article.Doc{Article: &article.Article{Text: s, Structure: article.Structure{Blocks: []article.Block{
			{Kind: article.BlockHeadline, Span: article.Span{Start: 0, End: c}},
			{Kind: article.BlockParagraph, Span: article.Span{Start: c, End: len(s)}},
		}}}}
		text.Analyse(doc)
		checkInvariants(t, doc)
		for _, sen := range doc.Sentences {
			if sen.Span.Start < c && sen.Span.End > c {
				t.Fatalf("sentence %v crosses the block boundary at %d", sen.Span, c)
			}
		}
	})
}

package compose

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/internal/article"
)

func TestIssueOf(t *testing.T) {
	story := []string{stem("talks"), stem("proposal"), stem("ceasefire")}
	cases := []struct {
		name   string
		before []string // earlier sentences of the article
		sent   string
		want   string
	}{
		{"story term after the trigger", nil, "The rebels rejected the proposal for talks.", "proposal"},
		{"synonyms share one noun", nil, "Malan called the Qatari plan unacceptable.", "proposal"},
		{"a truce is a ceasefire", nil, "Both sides welcomed the truce.", "ceasefire"},
		{"an issue noun outside the story terms", nil, "Malan said the referendum was rigged.", "referendum"},
		{"a verb names no issue", nil, "Malan said what was proposed was unacceptable.", ""},
		{"the issue named last before", []string{"The talks opened on Thursday.", "The rebels turned down a proposed truce."},
			"Malan said it was unacceptable.", "ceasefire"},
		{"law as the legal order names no bill", nil, "The party would file its appeal on Monday, the last day allowed by law.", ""},
		{"a country's law names no bill", nil, "Under Coralian law a recount is automatic.", ""},
		{"the rule of law", nil, "Malan said the rule of law was at stake.", ""},
		{"a law passed is a bill", nil, "The senate rejected the law.", "bill"},
		{"a court's ruling", nil, "The observers welcomed the ruling.", "ruling"},
		{"a verdict is a ruling", nil, "He said he would accept the verdict of the court.", "ruling"},
		{"no more than two sentences back", []string{"The talks opened on Thursday.", "It rained.", "Nothing happened."},
			"Malan said it was unacceptable.", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := &doc{}
			for _, s := range append(c.before, c.sent) {
				d.sents = append(d.sents, sent{text: s})
			}
			if got := issueOf(d, len(d.sents)-1, c.sent, story); got != c.want {
				t.Errorf("issueOf(%q) = %q, want %q", c.sent, got, c.want)
			}
		})
	}
}

func TestReportedSpan(t *testing.T) {
	text := "Vasik accused the rebels of wasting the talks. Malan said that the group wanted a halt. Lunde urged both sides to stay. Rebels say no to the truce offer."
	d := &doc{a: &article.Article{Text: text}}
	for _, s := range []string{"Vasik accused the rebels of wasting the talks.", "Malan said that the group wanted a halt.", "Lunde urged both sides to stay.", "Rebels say no to the truce offer."} {
		i := strings.Index(text, s)
		d.sents = append(d.sents, sent{span: article.Span{Start: i, End: i + len(s)}, text: s})
	}
	span := func(s string) *article.Span {
		i := strings.Index(text, s)
		return &article.Span{Start: i, End: i + len(s)}
	}
	cases := []struct {
		cue, verb, content, want string
		direct                   bool
	}{
		{"accused", "accuse", "the rebels of wasting the talks", "accused the rebels of wasting the talks", false},
		{"said", "say", "the group wanted a halt", "the group wanted a halt", false},
		{"urged", "urge", "to stay", "urged both sides to stay", false},
		{"accused", "accuse", "the rebels of wasting the talks", "the rebels of wasting the talks", true},
		{"say", "say", "no to the truce offer", "say no to the truce offer", false},
		{"said", "say", "that the group wanted a halt", "the group wanted a halt", false},
	}
	for _, c := range cases {
		q := article.Quote{Cue: span(c.cue), CueVerb: c.verb, Content: *span(c.content), Direct: c.direct}
		if got := reportedSpan(d, q).Of(text); got != c.want {
			t.Errorf("reportedSpan(%s … %q) = %q, want %q", c.verb, c.content, got, c.want)
		}
	}
}

func TestSharedObject(t *testing.T) {
	shared := map[string]int{stem("missiles"): 5, stem("calls"): 2, stem("taurus"): 6}
	cases := []struct{ after, want string }{
		{" calls to send Taurus cruise missiles to Ukraine", "missiles"}, // the most shared, a name is no issue
		{" sending missiles, saying the calls were wrong", "missiles"},   // the clause ends at the comma
		{" the request", ""},
	}
	for _, c := range cases {
		if got := sharedObject(c.after, shared); got != c.want {
			t.Errorf("sharedObject(%q) = %q, want %q", c.after, got, c.want)
		}
	}
}

func TestRoleLabels(t *testing.T) {
	a := Actor{Roles: []ActorRole{
		{Title: "chancellor", Status: "current"},
		{Title: "chancellor", Country: "DEU", Status: "current"},
		{Title: "finance minister", Status: "former"},
		{Title: "chancellor", Status: "current"},
	}}
	got := strings.Join(a.RoleLabels(), "; ")
	if want := "chancellor (Germany); former finance minister"; got != want {
		t.Errorf("RoleLabels = %q, want %q", got, want)
	}
}

// One name is one actor of a story, whatever type one article's tagger
// gave it.
func TestActorsOneName(t *testing.T) {
	mk := func(id int64, key, name, typ string, n int) *doc {
		e := article.Entity{Key: key, Name: name, Type: typ, Mentions: make([]int, n)}
		return &doc{id: id, outlet: fmt.Sprint("outlet ", id), an: &article.Analysis{Entities: []article.Entity{e}}}
	}
	got := actors([]*doc{mk(1, "place:varenia", "Varenia", article.LOC, 9), mk(2, "person:varenia", "Varenia", article.PER, 3)})
	if len(got) != 1 || got[0].Key != "place:varenia" || got[0].Mentions != 12 || len(got[0].BySource) != 2 {
		t.Errorf("actors = %+v", got)
	}
}

// A surname alone is the story's one person with that surname, and stays
// apart when two share it.
func TestActorsSurname(t *testing.T) {
	mk := func(id int64, ents ...article.Entity) *doc {
		return &doc{id: id, outlet: fmt.Sprint("outlet ", id), an: &article.Analysis{Entities: ents}}
	}
	per := func(key, name string, n int) article.Entity {
		return article.Entity{Key: key, Name: name, Type: article.PER, Mentions: make([]int, n)}
	}
	got := actors([]*doc{mk(1, per("person:barack obama", "Barack Obama", 5)), mk(2, per("person:obama", "Obama", 3))})
	if len(got) != 1 || got[0].Key != "person:barack obama" || got[0].Mentions != 8 {
		t.Errorf("one Obama: %+v", got)
	}
	got = actors([]*doc{mk(1, per("person:john smith", "John Smith", 2), per("person:mary smith", "Mary Smith", 2)), mk(2, per("person:smith", "Smith", 3))})
	if len(got) != 3 {
		t.Errorf("two Smiths: %+v", got)
	}
	got = actors([]*doc{mk(1, per("person:hosni mubarak", "Hosni Mubarak", 95), per("person:gamal mubarak", "Gamal Mubarak", 5)), mk(2, per("person:mubarak", "Mubarak", 3))})
	if len(got) != 2 || got[0].Key != "person:hosni mubarak" || got[0].Mentions != 98 {
		t.Errorf("the Mubarak of the story: %+v", got)
	}
}

// A surname's quotes join the full name's in a story that names one person
// of that surname.
func TestQuotesSurname(t *testing.T) {
	mk := func(id int64, txt, name, key string) *doc {
		c := strings.Index(txt, "\u201c")
		q := article.Quote{Content: article.Span{Start: c, End: len(txt)}, Direct: true, SpeakerEntity: 0, CueVerb: "say"}
		e := article.Entity{Key: key, Name: name, Type: article.PER}
		return &doc{id: id, outlet: fmt.Sprint("outlet ", id), a: &article.Article{Text: txt},
			an: &article.Analysis{Entities: []article.Entity{e}, Quotes: []article.Quote{q}}}
	}
	docs := []*doc{
		mk(1, "Barack Obama said: \u201cWe are watching.\u201d", "Barack Obama", "person:barack obama"),
		mk(2, "Obama said: \u201cRestraint, please.\u201d", "Obama", "person:obama"),
	}
	got := quotes(docs, storyNames(docs))
	if len(got) != 1 || got[0].Speaker != "Barack Obama" || got[0].Key != "person:barack obama" || len(got[0].Quotes) != 2 {
		t.Errorf("quotes = %+v", got)
	}
}

// A quotation that closes reported content keeps its closing mark; the
// marks around a direct quote are the renderer's to add.
func TestTrimQuotation(t *testing.T) {
	cases := []struct{ in, want string }{
		{"\u201cWe are ready,\u201d", "We are ready,"},
		{`"a non-starter"`, "a non-starter"},
		{` the plan was "dead on arrival" `, `the plan was "dead on arrival"`},
		{`she would fight on "street by street"`, `she would fight on "street by street"`},
		{"he would \u201cnever give up\u201d", "he would \u201cnever give up\u201d"},
		{`"We will go to court." `, "We will go to court."},
		{`the deal was done."`, "the deal was done."},        // a stray closing mark
		{"\u201cit is over", "it is over"},                   // a stray opening mark
		{`"calm" and "restraint"`, `"calm" and "restraint"`}, // two quotations are not one
		{"'the first real step'", "the first real step"},
	}
	for _, c := range cases {
		if got := trimQuotation(c.in); got != c.want {
			t.Errorf("trimQuotation(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A negated stance word takes the other side: "will not accept" opposes.
func TestQuoteStance(t *testing.T) {
	cases := []struct{ words, want string }{
		{"we accept the plan", Supports},
		{"we will not accept a result decided in back rooms", Opposes},
		{"we won't accept it", Opposes},
		{"we can never support such a deal", Opposes},
		{"a non-starter say", Opposes},
		{"we do not reject the offer", ""},
		{"the weather was fine", ""},
		{"nobody can say we did not try, and we welcome the deal", Supports},
	}
	for _, c := range cases {
		if got := quoteStance(c.words); got != c.want {
			t.Errorf("quoteStance(%q) = %q, want %q", c.words, got, c.want)
		}
	}
}

func TestQuoteStanceBack(t *testing.T) {
	cases := []struct{ words, want string }{
		{"we back the plan", Supports},
		{"decided in the back rooms", ""},
		{"they came back from the talks", ""},
		{"we will not back the deal", Opposes},
	}
	for _, c := range cases {
		if got := quoteStance(c.words); got != c.want {
			t.Errorf("quoteStance(%q) = %q, want %q", c.words, got, c.want)
		}
	}
}

// A quote an article repeats (a key-facts bullet and the body) or a copy of
// the article carries is listed once.
func TestQuotesOnceAReport(t *testing.T) {
	mk := func(id, group int64, txt string) *doc {
		var qs []article.Quote
		for off := 0; ; {
			c := strings.Index(txt[off:], "\u201c")
			if c < 0 {
				break
			}
			c += off
			e := c + strings.Index(txt[c:], "\u201d") + len("\u201d")
			qs = append(qs, article.Quote{Content: article.Span{Start: c, End: e}, Direct: true, SpeakerEntity: 0, CueVerb: "call"})
			off = e
		}
		e := article.Entity{Key: "person:ana lopez", Name: "Ana Lopez", Type: article.PER}
		return &doc{id: id, outlet: fmt.Sprint("outlet ", id), a: &article.Article{Text: txt}, member: Member{DupGroup: group},
			an: &article.Analysis{Entities: []article.Entity{e}, Quotes: qs}}
	}
	txt := "- Lopez called the ruling \u201chalf a victory\u201d.\n\nLopez called the ruling \u201chalf a victory\u201d and vowed to fight on."
	docs := []*doc{
		mk(1, 1, txt),
		mk(2, 1, txt), // a syndicated copy
		mk(3, 3, "Ana Lopez called the ruling \u201chalf a victory\u201d."), // another report
	}
	got := quotes(docs, storyNames(docs))
	if len(got) != 1 {
		t.Fatalf("quotes = %+v", got)
	}
	var arts []int64
	for _, q := range got[0].Quotes {
		arts = append(arts, q.Article)
	}
	if fmt.Sprint(arts) != "[1 3]" {
		t.Errorf("quotes from articles %v, want [1 3]", arts)
	}
}

// A subheading that sums up the body ("Port welcomes ruling") is nobody's
// words: no quote and no position comes of it; the body's sentence stays.
func TestSubheadingIsNoQuote(t *testing.T) {
	heading := "Port welcomes ruling"
	body := "The chief executive, Tom Reyes, welcomed the ruling."
	txt := heading + "\n\n" + body
	hs := article.Span{Start: 0, End: len(heading)}
	bs := article.Span{Start: len(heading) + 2, End: len(txt)}
	ents := []article.Entity{{Key: "org:port", Name: "Port", Type: article.ORG}, {Key: "person:tom reyes", Name: "Tom Reyes", Type: article.PER}}
	qs := []article.Quote{
		{Content: article.Span{Start: strings.Index(txt, "ruling"), End: hs.End}, SpeakerEntity: 0, CueVerb: "welcome"},
		{Content: article.Span{Start: strings.LastIndex(txt, "the ruling"), End: len(txt) - 1}, SpeakerEntity: 1, CueVerb: "welcome"},
	}
	d := &doc{id: 1, outlet: "Herald", a: &article.Article{Text: txt}, member: Member{DupGroup: 1},
		an: &article.Analysis{Entities: ents, Quotes: qs},
		sents: []sent{
			{span: hs, text: heading, block: article.BlockHeading},
			{span: bs, text: body, block: article.BlockParagraph},
		}}
	got := quotes([]*doc{d}, storyNames([]*doc{d}))
	var speakers []string
	for _, sq := range got {
		speakers = append(speakers, sq.Speaker)
	}
	if fmt.Sprint(speakers) != "[Tom Reyes]" {
		t.Errorf("quotes by %v, want [Tom Reyes]", speakers)
	}
}

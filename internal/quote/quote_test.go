package quote

import (
	"strings"
	"testing"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/pipeline"
)

var _ pipeline.Stage = Stage{}

// want describes one expected quote by its text.
type want struct {
	content, speaker, cue, name string
	direct, partial, scare      bool
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"indirect after a wire dateline",
			`DOHA, March 9 (Northbridge Wire) - The government and the rebels have agreed to hold talks, Qatari Foreign Minister Layla Al-Mansouri said on Monday.`,
			[]want{{content: `The government and the rebels have agreed to hold talks`, speaker: "Qatari Foreign Minister Layla Al-Mansouri", cue: "say"}}},
		{"a participle's subject follows the wire dateline",
			"Scholz rules out missiles\n\nBERLIN (Berlin Courier) - German Chancellor Olaf Scholz on Wednesday ruled out sending missiles, saying the risk was too great.",
			[]want{
				{content: `missiles`, speaker: "Scholz", cue: "rule"},
				{content: `sending missiles, saying the risk was too great`, speaker: "German Chancellor Olaf Scholz", cue: "rule"},
				{content: `the risk was too great`, speaker: "German Chancellor Olaf Scholz", cue: "say"}}},
		{"another speaker's attribution ends the content",
			`Zelensky first asked Berlin for the missiles in May, and Foreign Minister Annalena Baerbock said last week that the government was examining the request.`,
			[]want{
				{content: `Berlin for the missiles in May`, speaker: "Zelensky", cue: "ask"},
				{content: `that the government was examining the request`, speaker: "Foreign Minister Annalena Baerbock", cue: "say"}}},
		{"a second cue verb of the same speaker ends the content",
			`The governor confirmed the closure of the mill and said the plant would not reopen.`,
			[]want{
				{content: `the closure of the mill`, speaker: "The governor", cue: "confirm"},
				{content: `the plant would not reopen`, speaker: "The governor", cue: "say"}}},
		{"X said after quote",
			`“We will not back down,” Smith said.`,
			[]want{{content: `“We will not back down,”`, speaker: "Smith", cue: "say", name: "Smith", direct: true}}},
		{"said X inverted with appositive",
			`"The talks have failed," said Jane Doe, a spokeswoman for the ministry.`,
			[]want{{content: `"The talks have failed,"`, speaker: "Jane Doe, a spokeswoman for the ministry", cue: "say", name: "Jane Doe", direct: true}}},
		{"appositive between commas",
			`“It is over,” John Smith, the spokesperson, said on Monday.`,
			[]want{{content: `“It is over,”`, speaker: "John Smith, the spokesperson", cue: "say", name: "John Smith", direct: true}}},
		{"colon introduces",
			`Prime Minister Ana Lopez told reporters: “We need a ceasefire now.”`,
			[]want{{content: `“We need a ceasefire now.”`, speaker: "Prime Minister Ana Lopez", cue: "tell", name: "Ana Lopez", direct: true}}},
		{"continuation in the same paragraph",
			`“First,” Smith said. “Second.”`,
			[]want{
				{content: `“First,”`, speaker: "Smith", cue: "say", name: "Smith", direct: true},
				{content: `“Second.”`, speaker: "Smith", cue: "say", name: "Smith", direct: true}}},
		{"a new sentence with its own subject does not continue the previous quote",
			`Malan said the group would "respect every line". Prime Minister Anton Vasik welcomed the deal but warned that "a ceasefire is not yet peace".`,
			[]want{
				{content: `"respect every line"`, speaker: "Malan", cue: "say", name: "Malan", direct: true, partial: true},
				{content: `the deal but warned that "a ceasefire is not yet peace"`, speaker: "Prime Minister Anton Vasik", cue: "welcome", name: "Anton Vasik"},
				{content: `"a ceasefire is not yet peace"`, direct: true, partial: true}}},
		{"pronoun resolves to the last named speaker",
			"“We are ready,” Maria Gonzalez said.\n\n“We have always been ready,” she added.",
			[]want{
				{content: `“We are ready,”`, speaker: "Maria Gonzalez", cue: "say", name: "Maria Gonzalez", direct: true},
				{content: `“We have always been ready,”`, speaker: "she", cue: "add", name: "Maria Gonzalez", direct: true}}},
		{"partial quote with call",
			`Senator Brown called the proposal "a non-starter" on Tuesday.`,
			[]want{{content: `"a non-starter"`, speaker: "Senator Brown", cue: "call", name: "Brown", direct: true, partial: true}}},
		{"scare quote stays unattributed",
			`The so-called "reforms" stalled in parliament.`,
			[]want{{content: `"reforms"`, direct: true, partial: true, scare: true}}},
		{"unattributed quote is not guessed",
			`Protesters waved banners. "Freedom now, freedom for all of us."`,
			[]want{{content: `"Freedom now, freedom for all of us."`, direct: true}}},
		{"indirect with that",
			`The minister said that the talks had failed after two days.`,
			[]want{{content: `that the talks had failed after two days`, speaker: "The minister", cue: "say"}}},
		{"indirect without that",
			`Officials said the bridge would reopen next week.`,
			[]want{{content: `the bridge would reopen next week`, speaker: "Officials", cue: "say"}}},
		{"indirect trailing attribution",
			`The bridge will reopen next week, the mayor said.`,
			[]want{{content: `The bridge will reopen next week`, speaker: "the mayor", cue: "say"}}},
		{"according to first",
			`According to the World Bank, growth will slow to two percent.`,
			[]want{{content: `growth will slow to two percent`, speaker: "the World Bank", cue: "according to", name: "World Bank"}}},
		{"according to last",
			`Growth will slow to two percent, according to the World Bank.`,
			[]want{{content: `Growth will slow to two percent`, speaker: "the World Bank", cue: "according to", name: "World Bank"}}},
		{"dash attribution",
			"“The most qualified candidate ever.” ― Jane Roe\n",
			[]want{{content: `“The most qualified candidate ever.”`, speaker: "Jane Roe", cue: "—", name: "Jane Roe", direct: true}}},
		{"continued paragraph",
			"“The first paragraph of a long quote.\n\n“And the second one,” the governor said.",
			[]want{{content: "“The first paragraph of a long quote.\n\n“And the second one,”", speaker: "the governor", cue: "say", direct: true}}},
		{"transcript turn",
			"WALLACE: Will she be at the debate tomorrow night?",
			[]want{{content: `Will she be at the debate tomorrow night?`, speaker: "WALLACE", cue: ":", name: "WALLACE"}}},
		{"section label is no speaker",
			"Little Relief for Refugees: The crisis is the sort of issue the body was made for.",
			nil},
		{"participle speaker",
			"During a speech, Trump attacked his rival, saying that she lacked the stamina to lead.",
			[]want{
				{content: `his rival, saying that she lacked the stamina to lead`, speaker: "Trump", cue: "attack", name: "Trump"},
				{content: `that she lacked the stamina to lead`, speaker: "Trump", cue: "say", name: "Trump"}}},
		{"parenthetical attribution splits the content",
			`Climate change, Mr. Obama often says, is the greatest long-term threat.`,
			[]want{
				{content: `Climate change`, speaker: "Mr. Obama", cue: "say", name: "Obama"},
				{content: `is the greatest long-term threat`, speaker: "Mr. Obama", cue: "say", name: "Obama"}}},
		{"as-clause attribution",
			`As one of his advisers pointed out, the island rarely gets two hurricanes at once.`,
			[]want{{content: `the island rarely gets two hurricanes at once`, speaker: "one of his advisers", cue: "point out"}}},
		{"as-clause attribution inside the clause",
			`Hawaii, as one of his advisers pointed out, rarely gets two hurricanes at once.`,
			[]want{{content: `Hawaii, as one of his advisers pointed out, rarely gets two hurricanes at once`, speaker: "one of his advisers", cue: "point out"}}},
		{"put it",
			`As the minister put it, the talks are over.`,
			[]want{{content: `the talks are over`, speaker: "the minister", cue: "put it"}}},
		{"a trailing attribution followed by its own clause keeps one fragment",
			`The talks have failed again, the envoy said, adding that he would stay.`,
			[]want{
				{content: `The talks have failed again`, speaker: "the envoy", cue: "say"},
				{content: `that he would stay`, speaker: "the envoy", cue: "add"}}},
		{"a lower-case agent noun speaks",
			`The officer was not wearing a camera, police said.`,
			[]want{{content: `The officer was not wearing a camera`, speaker: "police", cue: "say"}}},
		{"an agent noun with a modifier",
			`Experts on North Korea and nuclear weapons said the test could change that.`,
			[]want{{content: `the test could change that`, speaker: "Experts on North Korea and nuclear weapons", cue: "say"}}},
		{"adverbs inside the cue",
			`Cruz has long said that he qualifies as a citizen.`,
			[]want{{content: `that he qualifies as a citizen`, speaker: "Cruz", cue: "say", name: "Cruz"}}},
		{"inverted attribution after a clause with commas",
			`For some, the losses would outstrip the gains, said Batchelder.`,
			[]want{{content: `For some, the losses would outstrip the gains`, speaker: "Batchelder", cue: "say", name: "Batchelder"}}},
		{"a stance inside reported content is the speaker's claim",
			`Trump said that Clinton wants to raise taxes on the middle class.`,
			[]want{{content: `that Clinton wants to raise taxes on the middle class`, speaker: "Trump", cue: "say", name: "Trump"}}},
		{"passive with its agent after the complement",
			`Mehmet Oz has been called a charlatan by fellow physicians for his cures.`,
			[]want{{content: `Mehmet Oz has been called a charlatan by fellow physicians for his cures`, speaker: "fellow physicians", cue: "call"}}},
		{"a pronoun fused with its auxiliary",
			"“We are ready,” Maria Gonzalez said.\n\nShe’s claiming that the vote was rigged.",
			[]want{
				{content: `“We are ready,”`, speaker: "Maria Gonzalez", cue: "say", name: "Maria Gonzalez", direct: true},
				{content: `that the vote was rigged`, speaker: "She’s", cue: "claim", name: "Maria Gonzalez"}}},
		{"participle after adjuncts and an adverb",
			`On Thursday, however, Trump spoke to industry leaders, promising to lift environmental rules.`,
			[]want{{content: `to lift environmental rules`, speaker: "Trump", cue: "promise", name: "Trump"}}},
		{"a cue word before an auxiliary is a noun",
			`Republican support was more solid after the lobbying.`,
			nil},
		{"as-clause attribution closing the sentence",
			`The video does not show whether he had a gun, as police have said.`,
			[]want{{content: `The video does not show whether he had a gun`, speaker: "police", cue: "say"}}},
		{"relative pronoun before a time adjunct",
			`He clashed with McConnell, who in 2010 said the goal was to beat him.`,
			[]want{{content: `the goal was to beat him`, speaker: "who", cue: "say", name: "McConnell"}}},
		{"a time adjunct between speaker and cue",
			`David Axelrod on Wednesday said the remark was wrong.`,
			[]want{{content: `the remark was wrong`, speaker: "David Axelrod", cue: "say", name: "David Axelrod"}}},
		{"a month name closing a name is the name",
			`Prime Minister Theresa May said the talks would go on.`,
			[]want{{content: `the talks would go on`, speaker: "Prime Minister Theresa May", cue: "say", name: "Theresa May"}}},
		{"passive with an adverb before the verb",
			`The registration issue was first reported by The Washington Post.`,
			[]want{{content: `The registration issue was first reported by The Washington Post`, speaker: "The Washington Post", cue: "report", name: "Washington Post"}}},
		{"a question put by nobody named",
			`Asked whether he would run again, the mayor laughed.`,
			[]want{{content: `whether he would run again`, cue: "ask"}}},
		{"a participle right after a name introduces a quote",
			`The ad uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead?”`,
			[]want{{content: `“Why aren’t I 50 points ahead?”`, speaker: "Hillary Clinton", cue: "ask", name: "Hillary Clinton", direct: true}}},
		{"a block quote after a colon",
			"The governor added:\n\nIt is typical of her. She knows nothing about the city.",
			[]want{{content: "It is typical of her. She knows nothing about the city.", speaker: "The governor", cue: "add"}}},
		{"a block quote after the following statement",
			"Sanders made the following comment:\n\nThe real unemployment rate for young people is 51 percent.",
			[]want{{content: "The real unemployment rate for young people is 51 percent.", speaker: "Sanders", cue: "comment", name: "Sanders"}}},
		{"a quote the sentence goes on after takes the attribution ending it",
			`“This is wrong,” Warren said. “You squeezed employees” to raise the price, she said.`,
			[]want{
				{content: `“This is wrong,”`, speaker: "Warren", cue: "say", name: "Warren", direct: true},
				{content: `“You squeezed employees”`, speaker: "she", cue: "say", name: "Warren", direct: true}}},
		{"a short prepositional phrase before the subject is no content",
			`Like President Obama, I believe in the good sense of the voters.`,
			nil},
		{"noun cue is not a verb",
			`His remarks drew criticism from both parties.`,
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := extractText(tc.text)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d quotes %s, want %d", len(got), describe(tc.text, got), len(tc.want))
			}
			for i, w := range tc.want {
				q := got[i]
				if c := q.Content.Of(tc.text); c != w.content {
					t.Errorf("quote %d content = %q, want %q", i, c, w.content)
				}
				sp := ""
				if q.Speaker != nil {
					sp = q.Speaker.Of(tc.text)
				}
				if sp != w.speaker {
					t.Errorf("quote %d speaker = %q, want %q", i, sp, w.speaker)
				}
				if q.CueVerb != w.cue {
					t.Errorf("quote %d cue = %q, want %q", i, q.CueVerb, w.cue)
				}
				if w.name != "" && q.SpeakerName != w.name {
					t.Errorf("quote %d speaker name = %q, want %q", i, q.SpeakerName, w.name)
				}
				if q.Direct != w.direct || q.Partial != w.partial || q.Scare != w.scare {
					t.Errorf("quote %d direct/partial/scare = %v/%v/%v, want %v/%v/%v", i, q.Direct, q.Partial, q.Scare, w.direct, w.partial, w.scare)
				}
				if q.Confidence <= 0 || q.Confidence > 1 {
					t.Errorf("quote %d confidence %v outside (0, 1]", i, q.Confidence)
				}
			}
		})
	}
}

func describe(text string, qs []article.Quote) string {
	s := ""
	for _, q := range qs {
		sp := ""
		if q.Speaker != nil {
			sp = q.Speaker.Of(text)
		}
		s += "\n  " + q.Content.Of(text) + " <- " + sp + " [" + q.CueVerb + "]"
	}
	return s
}

// TestEntityResolution checks that the entity stage's mentions, when
// present, name the speaker and resolve pronouns.
func TestEntityResolution(t *testing.T) {
	text := "“We are ready,” Merkel said. Later she added: “We will not wait.”"
	doc := &article.Doc{Article: &article.Article{Text: text}}
	doc.Analysis.Entities = []article.Entity{{Key: "per:angela_merkel", Name: "Angela Merkel", Type: article.PER, Mentions: []int{0}}}
	doc.Analysis.Mentions = []article.Mention{{Span: article.Span{Start: 20, End: 26}, Text: "Merkel", Type: article.PER, Kind: "name", Entity: 0}}
	if err := New().Analyse(doc); err != nil {
		t.Fatal(err)
	}
	qs := doc.Analysis.Quotes
	if len(qs) != 2 {
		t.Fatalf("got %d quotes, want 2:%s", len(qs), describe(text, qs))
	}
	for i, q := range qs {
		if q.SpeakerEntity != 0 || q.SpeakerName != "Angela Merkel" {
			t.Errorf("quote %d speaker = %d %q, want entity 0 Angela Merkel", i, q.SpeakerEntity, q.SpeakerName)
		}
	}
}

func TestAnalyseOddInput(t *testing.T) {
	for _, doc := range []*article.Doc{nil, {}, {Article: &article.Article{}}} {
		if err := New().Analyse(doc); err != nil {
			t.Errorf("Analyse(%v) = %v", doc, err)
		}
	}
}

// FuzzExtract checks the attribution rules on any input: no panic, and
// every span of every quote inside the text and well formed.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Trump avoids condemning the invasion, as police have said.",
		"Asked whether he would run, the mayor, who in 2010 said so, laughed.",
		"Bemoaning the “phony system,” Trump’s aides — led by him — forced Stumpf, who, to admit",
		"He’s claiming that. The plan was widely lauded by. Black Lawmakers Rip",
		"Climate change, Mr. Obama often says, is\n\nThe governor added:\n\n",
		"X made the following comment:", "by", ", said", "As put it,", "\"", "Lamenting, they",
		"Qatar and Egypt said the deal held. The governor confirmed the closure of the mill and said it would shut.",
		"and said", "A and B said", "Relatives, who include X and Y, welcomed it.", "Merkel's spokesman, Seibert, said so.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, q := range extractText(text) {
			spans := []article.Span{q.Content}
			if q.Speaker != nil {
				spans = append(spans, *q.Speaker)
			}
			if q.Cue != nil {
				spans = append(spans, *q.Cue)
			}
			for _, s := range spans {
				if s.Start < 0 || s.End > len(text) || s.Start > s.End {
					t.Fatalf("bad span %+v in %q (len %d)", s, text, len(text))
				}
			}
		}
	})
}

// TestPossessorIsNotSpeaker checks that a person who owns the speaker
// ("Merkel's spokesman, ...", "his lawyer", "the party of ...") does not
// take the quote: the appositive name or the head noun speaks.
func TestPossessorIsNotSpeaker(t *testing.T) {
	tests := []struct {
		name, text string
		ments      []article.Mention // Entity indexes ents below
		ents       []article.Entity
		wantName   string
		wantEntity int
	}{
		{"a possessor's aide named in apposition",
			`Merkel's chief of staff, Peter Altmaier, said the deal would hold.`,
			[]article.Mention{{Text: "Merkel", Type: article.PER, Kind: "name", Entity: 0}, {Text: "Peter Altmaier", Type: article.PER, Kind: "name", Entity: 1}},
			[]article.Entity{{Name: "Angela Merkel", Type: article.PER}, {Name: "Peter Altmaier", Type: article.PER}},
			"Peter Altmaier", 1},
		{"a possessive pronoun's aide named in apposition",
			`His lawyer, Sara Nunez, said the charges would be dropped.`,
			[]article.Mention{{Text: "His", Type: article.PER, Kind: "pronoun", Entity: 0}, {Text: "Sara Nunez", Type: article.PER, Kind: "name", Entity: 1}},
			[]article.Entity{{Name: "Tom Reyes", Type: article.PER}, {Name: "Sara Nunez", Type: article.PER}},
			"Sara Nunez", 1},
		{"a person's party",
			`Orban's Fidesz says it has won a majority.`,
			[]article.Mention{{Text: "Orban", Type: article.PER, Kind: "name", Entity: 0}, {Text: "Fidesz", Type: article.ORG, Kind: "name", Entity: 1}},
			[]article.Entity{{Name: "Viktor Orban", Type: article.PER}, {Name: "Fidesz", Type: article.ORG}},
			"Fidesz", 1},
		{"the person speaks when named alone",
			`Merkel said the deal would hold.`,
			[]article.Mention{{Text: "Merkel", Type: article.PER, Kind: "name", Entity: 0}},
			[]article.Entity{{Name: "Angela Merkel", Type: article.PER}},
			"Angela Merkel", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := &article.Doc{Article: &article.Article{Text: tc.text}}
			for i, m := range tc.ments {
				at := strings.Index(tc.text, m.Text)
				m.Span = article.Span{Start: at, End: at + len(m.Text)}
				tc.ents[m.Entity].Mentions = append(tc.ents[m.Entity].Mentions, i)
				doc.Analysis.Mentions = append(doc.Analysis.Mentions, m)
			}
			doc.Analysis.Entities = tc.ents
			qs := Extract(doc)
			if len(qs) == 0 {
				t.Fatal("no quote")
			}
			if q := qs[0]; q.SpeakerName != tc.wantName || q.SpeakerEntity != tc.wantEntity {
				t.Errorf("speaker = %q (entity %d), want %q (entity %d)", q.SpeakerName, q.SpeakerEntity, tc.wantName, tc.wantEntity)
			}
		})
	}
}

// A relative clause after the speaker ("…, who include nationals of Italy
// and Japan,") is no appositive: its last name does not speak.
func TestRelativeClauseNamesNoSpeaker(t *testing.T) {
	text := `Relatives of the hostages, who include nationals of Italy and Japan, welcomed the news of the deal.`
	qs := extractText(text)
	if len(qs) == 0 {
		t.Fatal("no quote")
	}
	if got := qs[0].SpeakerName; got == "Japan" || got == "Italy" {
		t.Errorf("speaker name = %q, want the relatives", got)
	}
	text = `The envoy, Lars Petersen, said the talks would resume.`
	if qs := extractText(text); len(qs) == 0 || qs[0].SpeakerName != "Lars Petersen" {
		t.Errorf("appositive name lost: %s", describe(text, qs))
	}
}

// Speakers joined by "and" speak together: neither alone takes the quote.
func TestCoordinatedSpeakers(t *testing.T) {
	tests := []struct {
		text     string
		names    []string // mentions, in order
		typ      string
		wantName string
	}{
		{`Qatar and Egypt said on Monday that the deal would hold.`, []string{"Qatar", "Egypt"}, article.GPE, "Qatar and Egypt"},
		{`Anna Berg and Tom Reyes said the deal would hold.`, []string{"Anna Berg", "Tom Reyes"}, article.PER, "Anna Berg and Tom Reyes"},
		{`Law and Justice said the deal would hold.`, []string{"Law and Justice"}, article.ORG, "Law and Justice"},
	}
	for _, tc := range tests {
		doc := &article.Doc{Article: &article.Article{Text: tc.text}}
		for i, n := range tc.names {
			at := strings.Index(tc.text, n)
			doc.Analysis.Mentions = append(doc.Analysis.Mentions, article.Mention{Span: article.Span{Start: at, End: at + len(n)}, Text: n, Type: tc.typ, Kind: "name", Entity: i})
			doc.Analysis.Entities = append(doc.Analysis.Entities, article.Entity{Name: n, Type: tc.typ, Mentions: []int{i}})
		}
		qs := Extract(doc)
		if len(qs) == 0 {
			t.Errorf("%q: no quote", tc.text)
			continue
		}
		if q := qs[0]; q.SpeakerName != tc.wantName {
			t.Errorf("%q: speaker = %q (entity %d), want %q", tc.text, q.SpeakerName, q.SpeakerEntity, tc.wantName)
		}
	}
}

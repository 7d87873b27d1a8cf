package entity_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/entity"
	"github.com/dossier-news/dossier/internal/pipeline"
)

var _ pipeline.Stage = entity.Stage{}

// people is the test tagger's dictionary: names of invented or public
// figures used in the table tests, and a few places and organisations.
var people = tagger{
	"Olaf Scholz": "PER", "Scholz": "PER", "Penny Wong": "PER", "Wong": "PER", "Karine Jean-Pierre": "PER",
	"Martin Griffiths": "PER", "Griffiths": "PER", "Abdel Fattah el-Sisi": "PER", "Sisi": "PER", "el-Sisi": "PER",
	"Angela Merkel": "PER", "Merkel": "PER", "Benjamin Netanyahu": "PER", "Netanyahu": "PER", "Trump": "PER",
	"Mohammed Shia al-Sudani": "PER", "Antony Blinken": "PER", "Blinken": "PER", "George W. Bush": "PER",
	"Laura Bush": "PER", "Bush": "PER", "Mary Smith": "PER", "John Smith": "PER", "Smith": "PER",
	"Anna Berg": "PER", "Berg": "PER", "Tom Reyes": "PER", "Reyes": "PER", "Olaf": "PER",
	"Cairo": "LOC", "Washington": "LOC", "Moscow": "LOC", "U.S.": "LOC", "US": "LOC", "United States": "LOC",
	"America": "LOC", "Germany": "LOC", "Egypt": "LOC", "Qatar": "LOC", "German": "MISC", "Egyptian": "MISC",
	"UN": "ORG", "U.N.": "ORG", "United Nations": "ORG", "NATO": "ORG", "World Health Organization": "ORG", "WHO": "ORG",
	"Acme Corp.": "ORG", "Acme": "ORG", "Acme Foods Group": "ORG", "Acme Foods": "ORG", "Acme Steel": "ORG", "Northern Grain Cooperative": "ORG", "NGC": "ORG",
	"Northern Grain Commission": "ORG", "Southern Grain Commission": "ORG", "Commission": "ORG",
}

func analyse(t *testing.T, txt string) *article.Doc {
	t.Helper()
	doc := people.doc(txt)
	if err := (entity.Stage{}).Analyse(doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// mentionOf returns the first mention with the given text.
func mentionOf(t *testing.T, doc *article.Doc, text string) article.Mention {
	t.Helper()
	for _, m := range doc.Analysis.Mentions {
		if m.Text == text {
			return m
		}
	}
	t.Fatalf("no mention %q in %+v", text, doc.Analysis.Mentions)
	return article.Mention{}
}

func TestRoles(t *testing.T) {
	type role struct{ Title, Words, Country, Org, Status string }
	tests := []struct {
		name, text, person string
		want               *role
	}{
		{"demonym title", "German Chancellor Olaf Scholz arrived.", "Olaf Scholz",
			&role{"chancellor", "German Chancellor", "DEU", "", "current"}},
		{"two-word title", "Australian Foreign Minister Penny Wong spoke.", "Penny Wong",
			&role{"foreign minister", "Australian Foreign Minister", "AUS", "", "current"}},
		{"national body", "White House press secretary Karine Jean-Pierre said so.", "Karine Jean-Pierre",
			&role{"press secretary", "White House press secretary", "USA", "White House", "current"}},
		{"international body", "UN special envoy Martin Griffiths said so.", "Martin Griffiths",
			&role{"special envoy", "UN special envoy", "", "UN", "current"}},
		{"president", "Egyptian President Abdel Fattah el-Sisi said so.", "Abdel Fattah el-Sisi",
			&role{"president", "Egyptian President", "EGY", "", "current"}},
		{"former", "Former German Chancellor Angela Merkel said so.", "Angela Merkel",
			&role{"chancellor", "Former German Chancellor", "DEU", "", "former"}},
		{"then-", "Then-Chancellor Angela Merkel said so.", "Angela Merkel",
			&role{"chancellor", "Then-Chancellor", "", "", "then"}},
		{"acting", "Israel's acting Prime Minister Benjamin Netanyahu said so.", "Benjamin Netanyahu",
			&role{"prime minister", "Israel's acting Prime Minister", "ISR", "", "acting"}},
		{"designate", "Prime Minister-designate Mohammed Shia al-Sudani said so.", "Mohammed Shia al-Sudani",
			&role{"prime minister", "Prime Minister-designate", "", "", "designate"}},
		{"possessive", "Germany's former chancellor Angela Merkel said so.", "Angela Merkel",
			&role{"chancellor", "Germany's former chancellor", "DEU", "", "former"}},
		{"abbreviated", "U.S. Secretary of State Antony Blinken said so.", "Antony Blinken",
			&role{"secretary of state", "U.S. Secretary of State", "USA", "", "current"}},
		{"intelligence chief", "Egyptian intelligence chief Tom Reyes said so.", "Tom Reyes",
			&role{"intelligence chief", "Egyptian intelligence chief", "EGY", "", "current"}},
		{"campaign chief", "Campaign chief Tom Reyes said so.", "Tom Reyes",
			&role{"campaign chief", "Campaign chief", "", "", "current"}},
		{"deputy", "Deputy Foreign Minister Tom Reyes said so.", "Tom Reyes",
			&role{"deputy foreign minister", "Deputy Foreign Minister", "", "", "current"}},
		{"appositive", "Olaf Scholz, the chancellor, said so.", "Olaf Scholz",
			&role{"chancellor", "the chancellor", "", "", "current"}},
		{"appositive with country", "Penny Wong, Australia's foreign minister, said so.", "Penny Wong",
			&role{"foreign minister", "Australia's foreign minister", "AUS", "", "current"}},
		{"appositive of country", "Anna Berg, president of Egypt, said so.", "Anna Berg",
			&role{"president", "president of Egypt", "EGY", "", "current"}},
		{"appositive former", "Tom Reyes, a former U.N. envoy, said so.", "Tom Reyes",
			&role{"envoy", "a former U.N. envoy", "", "UN", "former"}},
		{"possessive before comma", "Germany's chancellor, Olaf Scholz, said so.", "Olaf Scholz",
			&role{"chancellor", "Germany's chancellor", "DEU", "", "current"}},
		{"judge's title", "Justice Tom Reyes ruled that the strike was causing harm.", "Tom Reyes",
			&role{"judge", "Justice", "", "", "current"}},
		{"portfolio minister", "Labour Minister Anna Berg urged both sides to return to the table.", "Anna Berg",
			&role{"labor minister", "Labour Minister", "", "", "current"}},
		// Negative cases: no role.
		{"plain name", "Olaf Scholz said so.", "Olaf Scholz", nil},
		{"verb before name", "Reporters met Olaf Scholz on Monday.", "Olaf Scholz", nil},
		{"country without title", "Germany and Olaf Scholz agreed.", "Olaf Scholz", nil},
		{"open appositive", "Olaf Scholz, the chancellor and his aide met.", "Olaf Scholz", nil},
		{"comma without possessive", "He met the minister, Tom Reyes said.", "Tom Reyes", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := analyse(t, tc.text)
			m := mentionOf(t, doc, tc.person)
			var got *role
			if m.Role != nil {
				got = &role{m.Role.Title, m.Role.Span.Of(tc.text), m.Role.Country, m.Role.Org, m.Role.Status}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("role of %q (-want +got):\n%s", tc.person, diff)
			}
		})
	}
}

// resolved maps every mention text (with a #n suffix for repeats) to the
// key of its entity, "" when unresolved.
func resolved(doc *article.Doc) map[string]string {
	out := map[string]string{}
	seen := map[string]int{}
	for _, m := range doc.Analysis.Mentions {
		name := m.Text
		if n := seen[m.Text]; n > 0 {
			name += "#" + string(rune('0'+n))
		}
		seen[m.Text]++
		if m.Entity >= 0 {
			out[name] = doc.Analysis.Entities[m.Entity].Key
		} else {
			out[name] = ""
		}
	}
	return out
}

func TestResolution(t *testing.T) {
	tests := []struct {
		name, text string
		want       map[string]string
	}{
		{"surname", "Olaf Scholz arrived. Scholz spoke.", map[string]string{
			"Olaf Scholz": "person:olaf scholz", "Scholz": "person:olaf scholz"}},
		{"surname before full name", "Scholz visits Cairo\n\nGerman Chancellor Olaf Scholz arrived.", map[string]string{
			"Scholz": "person:olaf scholz", "Cairo": "place:cairo", "German": "country:DEU", "Olaf Scholz": "person:olaf scholz"}},
		{"particle variants", "Abdel Fattah el-Sisi spoke. Sisi and el-Sisi agreed.", map[string]string{
			"Abdel Fattah el-Sisi": "person:abdel fattah al-sisi", "Sisi": "person:abdel fattah al-sisi",
			"el-Sisi": "person:abdel fattah al-sisi"}},
		{"shared surname stays apart", "John Smith met Mary Smith. Smith said no.", map[string]string{
			"John Smith": "person:john smith", "Mary Smith": "person:mary smith", "Smith": "person:smith#ambiguous"}},
		{"shared surname split by honorific", "George W. Bush and Laura Bush came. Mrs. Bush spoke first.", map[string]string{
			"George W. Bush": "person:george w bush", "Laura Bush": "person:laura bush", "Bush": "person:bush#ambiguous"}},
		{"title", "German Chancellor Olaf Scholz arrived. The chancellor spoke.", map[string]string{
			"German": "country:DEU", "Olaf Scholz": "person:olaf scholz", "The chancellor": "person:olaf scholz"}},
		{"title with country", "Egyptian President Abdel Fattah el-Sisi hosted him. The Egyptian president spoke.", map[string]string{
			"Egyptian": "country:EGY", "Abdel Fattah el-Sisi": "person:abdel fattah al-sisi",
			"The Egyptian president": "person:abdel fattah al-sisi", "Egyptian#1": "country:EGY"}},
		{"title suffix", "UN special envoy Martin Griffiths arrived. The envoy met officials.", map[string]string{
			"UN": "org:UN", "Martin Griffiths": "person:martin griffiths", "The envoy": "person:martin griffiths"}},
		{"title held by two", "President Anna Berg met President Tom Reyes. The president spoke.", map[string]string{
			"Anna Berg": "person:anna berg", "Tom Reyes": "person:tom reyes"}},
		{"title before holder", "The chancellor spoke. Later Chancellor Olaf Scholz left.", map[string]string{
			"Olaf Scholz": "person:olaf scholz"}},
		{"pronoun same sentence", "Olaf Scholz said he would go.", map[string]string{
			"Olaf Scholz": "person:olaf scholz", "he": "person:olaf scholz"}},
		{"pronoun previous sentence", "Penny Wong arrived. She spoke.", map[string]string{
			"Penny Wong": "person:penny wong", "She": "person:penny wong"}},
		{"pronoun ambiguous", "Olaf Scholz met Tom Reyes. He spoke.", map[string]string{
			"Olaf Scholz": "person:olaf scholz", "Tom Reyes": "person:tom reyes"}},
		{"pronoun gender", "Mrs. Anna Berg met Mr. Tom Reyes. She spoke.", map[string]string{
			"Anna Berg": "person:anna berg", "Tom Reyes": "person:tom reyes", "She": "person:anna berg"}},
		{"pronoun to known subject", "Olaf Scholz said he would go. Scholz met Tom Reyes. He spoke.", map[string]string{
			"Olaf Scholz": "person:olaf scholz", "he": "person:olaf scholz", "Scholz": "person:olaf scholz",
			"Tom Reyes": "person:tom reyes", "He": "person:olaf scholz"}},
		{"subject of unknown gender", "Tom Reyes met Olaf Scholz. He spoke.", map[string]string{
			"Olaf Scholz": "person:olaf scholz", "Tom Reyes": "person:tom reyes"}},
		{"pronoun in quote", `Olaf Scholz said: "He is wrong."`, map[string]string{
			"Olaf Scholz": "person:olaf scholz"}},
		{"a person named inside a quotation is not the speaker's pronoun", `Olaf Scholz spoke on Monday. "I trust Tom Reyes completely," he said.`, map[string]string{
			"Olaf Scholz": "person:olaf scholz", "Tom Reyes": "person:tom reyes", "he": "person:olaf scholz"}},
		{"a person named inside a quotation is no one's antecedent", `Anna Berg spoke. "Tom Reyes lied," she said.`, map[string]string{
			"Anna Berg": "person:anna berg", "Tom Reyes": "person:tom reyes", "she": "person:anna berg"}},
		{"first name", "Olaf Scholz arrived. Olaf smiled.", map[string]string{
			"Olaf Scholz": "person:olaf scholz", "Olaf": "person:olaf scholz"}},
		{"pronoun too far", "Olaf Scholz arrived. It rained. He left.", map[string]string{
			"Olaf Scholz": "person:olaf scholz"}},
		{"us variants", "The U.S. and the United States, America and US.", map[string]string{
			"U.S.": "country:USA", "United States": "country:USA", "America": "country:USA", "US": "country:USA"}},
		{"capital as actor", "Washington said it would respond. Talks were held in Washington.", map[string]string{
			"Washington": "country:USA", "Washington#1": "place:washington"}},
		{"administration", "The Trump administration imposed tariffs.", map[string]string{
			"Trump administration": "country:USA"}},
		{"org aliases", "The UN and the U.N. and the United Nations.", map[string]string{
			"UN": "org:UN", "U.N.": "org:UN", "United Nations": "org:UN"}},
		{"acronym", "The World Health Organization spoke. WHO officials agreed.", map[string]string{
			"World Health Organization": "org:WHO", "WHO": "org:WHO"}},
		{"local acronym", "The Northern Grain Cooperative said. NGC agreed.", map[string]string{
			"Northern Grain Cooperative": "org:northern grain cooperative", "NGC": "org:northern grain cooperative"}},
		{"short org name", "Acme said. Acme Foods Group said.", map[string]string{
			"Acme": "org:acme foods", "Acme Foods Group": "org:acme foods"}},
		{"an institution named by its head noun", "The Northern Grain Commission met. Commission staff agreed.", map[string]string{
			"Northern Grain Commission": "org:northern grain commission", "Commission": "org:northern grain commission"}},
		{"an institution's head noun shared by two", "The Northern Grain Commission and the Southern Grain Commission met. Commission staff agreed.", map[string]string{
			"Northern Grain Commission": "org:northern grain commission", "Southern Grain Commission": "org:southern grain commission", "Commission": "org:commission"}},
		{"short org name unclear", "Acme Foods and Acme Steel said. Acme agreed.", map[string]string{
			"Acme": "org:acme", "Acme Foods": "org:acme foods", "Acme Steel": "org:acme steel"}},
		{"company suffix", "Acme Corp. said profit rose. Acme said more.", map[string]string{
			"Acme Corp.": "org:acme", "Acme": "org:acme"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := analyse(t, tc.text)
			got := resolved(doc)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("resolution of %q (-want +got):\n%s", tc.text, diff)
			}
			checkDoc(t, doc)
		})
	}
}

func TestDatelineIsPlace(t *testing.T) {
	doc := tagger{"MOSCOW": "LOC", "Moscow": "LOC"}.doc("MOSCOW said nothing new. Moscow said it would retaliate.")
	if err := (entity.Stage{}).Analyse(doc); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"MOSCOW": "place:moscow", "Moscow": "country:RUS"}
	if diff := cmp.Diff(want, resolved(doc)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// A dateline's place in capitals is a place whatever the tagger made of it:
// a tagger unsure of a shouted word often calls it an organisation.
func TestDatelinePlaceTaggedOrg(t *testing.T) {
	for _, txt := range []string{
		"VELMORA (Harbour Post) - The strike ended on Monday.",
		"VELMORA, Coralia, March 4 (Harbour Post) - The strike ended on Monday.",
	} {
		doc := tagger{"VELMORA": "ORG", "Harbour Post": "ORG", "Coralia": "LOC"}.doc(txt)
		if err := (entity.Stage{}).Analyse(doc); err != nil {
			t.Fatal(err)
		}
		if got := resolved(doc)["VELMORA"]; got != "place:velmora" {
			t.Errorf("%q: VELMORA = %q, want place:velmora", txt, got)
		}
	}
}

// A known organisation whose name holds a place ("... in Europe") is one
// mention even when the tagger cut the place off.
func TestSplitOrgNameJoined(t *testing.T) {
	doc := tagger{"Organization for Security and Co-operation": "ORG", "Europe": "LOC", "Bank": "ORG", "England": "LOC"}.doc(
		"Observers from the Organization for Security and Co-operation in Europe said the vote was orderly. A Bank in England said so too.")
	if err := (entity.Stage{}).Analyse(doc); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Organization for Security and Co-operation in Europe": "org:OSCE", "Bank": "org:bank", "England": "place:england"}
	if diff := cmp.Diff(want, resolved(doc)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	checkDoc(t, doc)
}

// The first words of a known title tagged as a name before a person's name
// are the title ("Labour Minister Anna Berg"); a party before a word that
// makes no title with it stays ("Labour leader Tom Reyes").
func TestTitleStartIsNoName(t *testing.T) {
	tg := tagger{"Labour": "ORG", "Justice": "ORG", "Anna Berg": "PER", "Tom Reyes": "PER"}
	tests := []struct {
		text string
		want map[string]string
	}{
		{"Labour Minister Anna Berg urged both sides to return to the table.", map[string]string{"Anna Berg": "person:anna berg"}},
		{"Labour minister Anna Berg said so.", map[string]string{"Anna Berg": "person:anna berg"}},
		{"Justice Minister Anna Berg said so.", map[string]string{"Anna Berg": "person:anna berg"}},
		{"The lawyers argue that Justice Anna Berg gave too much weight to the losses.", map[string]string{"Anna Berg": "person:anna berg"}},
		{"Labour leader Tom Reyes said so.", map[string]string{"Labour": "org:labour", "Tom Reyes": "person:tom reyes"}},
		{"The Labour minister said so.", map[string]string{"Labour": "org:labour"}},
	}
	for _, tc := range tests {
		doc := tg.doc(tc.text)
		if err := (entity.Stage{}).Analyse(doc); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tc.want, resolved(doc)); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tc.text, diff)
		}
		checkDoc(t, doc)
	}
}

// The place of an article's dateline, or the place a port's, city's or
// airport's name is built on, is a place wherever the article names it,
// whatever the tagger made of the other mentions; a surname is not.
func TestDatelinePlaceElsewhere(t *testing.T) {
	tests := []struct {
		text string
		tg   tagger
		want map[string]string
	}{
		{"VALDMAR, Estoria (Northern Wire) - Talks broke down on Wednesday. Valdmar handles about 60% of the trade.",
			tagger{"VALDMAR": "PER", "Valdmar": "PER", "Estoria": "LOC"},
			map[string]string{"VALDMAR": "place:valdmar", "Valdmar": "place:valdmar", "Estoria": "place:estoria"}},
		{"VALDMAR (Northern Wire) - Talks broke down. Anna Valdmar said talks would resume.",
			tagger{"VALDMAR": "LOC", "Anna Valdmar": "PER"},
			map[string]string{"VALDMAR": "place:valdmar", "Anna Valdmar": "person:anna valdmar"}},
		{"Valdmar port talks collapse. Talks at the Port of Valdmar broke down.",
			tagger{"Valdmar": "PER", "Port of Valdmar": "ORG"},
			map[string]string{"Valdmar": "place:valdmar", "Port of Valdmar": "org:port of valdmar"}},
		{"Valdmar port talks collapse. The Valdmar Port Authority walked out.",
			tagger{"Valdmar": "PER", "Valdmar Port Authority": "ORG"},
			map[string]string{"Valdmar": "place:valdmar", "Valdmar Port Authority": "org:valdmar port authority"}},
		{"Talks broke down on Wednesday. Valdmar said talks would resume.",
			tagger{"Valdmar": "PER"},
			map[string]string{"Valdmar": "person:valdmar"}},
	}
	for _, tc := range tests {
		doc := tc.tg.doc(tc.text)
		if err := (entity.Stage{}).Analyse(doc); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tc.want, resolved(doc)); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tc.text, diff)
		}
		checkDoc(t, doc)
	}
}

// An organisation's name holding a plural possessive is one name however
// the tagger cut it; a place owning an organisation is not part of it.
func TestPluralPossessiveOrgName(t *testing.T) {
	tg := tagger{"Dockworkers": "MISC", "Federation of Estoria": "ORG", "Teachers": "ORG", "Union": "ORG",
		"Philippines": "LOC", "Department of Health": "ORG", "Reuters": "ORG", "World Desk": "ORG"}
	tests := []struct {
		text string
		want map[string]string
	}{
		{"The Dockworkers' Federation of Estoria called the strike.", map[string]string{"Dockworkers' Federation of Estoria": "org:dockworkers' federation of estoria"}},
		{"The Dockworkers’ Federation of Estoria called the strike.", map[string]string{"Dockworkers’ Federation of Estoria": "org:dockworkers' federation of estoria"}},
		{"The Teachers' Union called the strike.", map[string]string{"Teachers' Union": "org:teachers' union"}},
		{"The Philippines' Department of Health said so.", map[string]string{"Philippines": "country:PHL", "Department of Health": "org:department of health"}},
		{"The Dockworkers and the Federation of Estoria met.", map[string]string{"Dockworkers": "misc:dockworkers", "Federation of Estoria": "org:federation of estoria"}},
	}
	for _, tc := range tests {
		doc := tg.doc(tc.text)
		if err := (entity.Stage{}).Analyse(doc); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tc.want, resolved(doc)); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tc.text, diff)
		}
		checkDoc(t, doc)
	}
}

// A one-word name the tagger called a person is a place when the article
// uses it as one: after "in" or "from", as the stem of a demonym, or owning
// what only a country has. A surname stays a person.
func TestPlaceTaggedPerson(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"after in", "Velmora held a vote. Turnout in Velmora was low.", "place:velmora"},
		{"a demonym", "Velmora held a vote. Under Velmoran law the count is public.", "place:velmora"},
		{"a country's president", "Velmora's incumbent president kept a narrow lead.", "place:velmora"},
		{"a country's regions", "The recount in Velmora's three northern regions ended.", "place:velmora"},
		{"a person's aide", "Velmora's chief of staff said the count was fair.", "person:velmora"},
		{"a country's second city", "Bus drivers in Korvik, Velmora's second city, went on strike.", "place:velmora"},
		{"a country's busiest port", "Dockworkers at Velmora's busiest port walked out.", "place:velmora"},
		{"a person's second car", "Velmora's second car was stolen.", "person:velmora"},
		{"a country's minister", "Velmora's interior minister, Nadia Farouk, spoke.", "place:velmora"},
		{"the government of", "Prisoners held by the government of Velmora were freed.", "place:velmora"},
		{"a person's government", "Velmora's government fell.", "person:velmora"},
		{"a surname", "Anna Velmora arrived. Velmora spoke in Cairo.", "person:anna velmora"},
		{"in with a possessive", "In Velmora's view the count was fair.", "person:velmora"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := tagger{"Velmora": "PER", "Anna Velmora": "PER", "Cairo": "LOC"}.doc(tc.text)
			if err := (entity.Stage{}).Analyse(doc); err != nil {
				t.Fatal(err)
			}
			if got := resolved(doc)["Velmora"]; got != tc.want {
				t.Errorf("Velmora = %q, want %q", got, tc.want)
			}
		})
	}
}

// checkDoc verifies the links between mentions and entities.
func checkDoc(t *testing.T, doc *article.Doc) {
	t.Helper()
	ms := doc.Analysis.Mentions
	for i, m := range ms {
		if i > 0 && ms[i-1].Span.Start > m.Span.Start {
			t.Fatalf("mentions out of order at %d", i)
		}
		if m.Span.Of(doc.Article.Text) != m.Text {
			t.Fatalf("mention %d text %q != span text %q", i, m.Text, m.Span.Of(doc.Article.Text))
		}
		if m.Entity < -1 || m.Entity >= len(doc.Analysis.Entities) {
			t.Fatalf("mention %d has entity %d of %d", i, m.Entity, len(doc.Analysis.Entities))
		}
	}
	for ei, e := range doc.Analysis.Entities {
		if len(e.Mentions) == 0 || e.Key == "" {
			t.Fatalf("entity %d %+v is empty", ei, e)
		}
		for _, mi := range e.Mentions {
			if mi < 0 || mi >= len(ms) || ms[mi].Entity != ei {
				t.Fatalf("entity %d lists mention %d which points elsewhere", ei, mi)
			}
		}
	}
}

func TestIdempotent(t *testing.T) {
	doc := analyse(t, "German Chancellor Olaf Scholz arrived. The chancellor said he was glad. The Trump administration agreed.")
	first := doc.Analysis
	if err := (entity.Stage{}).Analyse(doc); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(first, doc.Analysis); diff != "" {
		t.Errorf("second run changed the analysis (-first +second):\n%s", diff)
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ typ, name, want string }{
		{article.GPE, "US", "country:USA"},
		{article.LOC, "U.S.", "country:USA"},
		{article.LOC, "the United States", "country:USA"},
		{article.GPE, "America", "country:USA"},
		{article.MISC, "German", "country:DEU"},
		{article.GPE, "Türkiye", "country:TUR"},
		{article.LOC, "Turkiye", "country:TUR"},
		{article.ORG, "U.N.", "org:UN"},
		{article.ORG, "North Atlantic Treaty Organization", "org:NATO"},
		{article.ORG, "Red Cross", "org:ICRC"},
		{article.ORG, "Acme Corp.", "org:acme"},
		{article.ORG, "Acme, Inc.", "org:acme"},
		{article.PER, "Mr. Olaf Scholz", "person:olaf scholz"},
		{article.PER, "Recep Tayyip Erdoğan", "person:recep tayyip erdogan"},
		{article.PER, "Abdel Fattah El-Sisi", "person:abdel fattah al-sisi"},
		{article.PER, "Martin Luther King Jr.", "person:martin luther king"},
		{article.PER, "President Joe Biden", "person:joe biden"},
		{article.PER, "Jordan", "person:jordan"},
		{article.LOC, "Cairo", "place:cairo"},
		{article.MISC, "Olympics", "misc:olympics"},
	}
	for _, tc := range tests {
		if got := entity.Key(tc.typ, tc.name); got != tc.want {
			t.Errorf("Key(%s, %q) = %q, want %q", tc.typ, tc.name, got, tc.want)
		}
	}
}

func TestGazetteer(t *testing.T) {
	g := entity.Default()
	if len(g.Countries) < 190 || len(g.Orgs) < 40 {
		t.Fatalf("gazetteer has %d countries and %d organisations", len(g.Countries), len(g.Orgs))
	}
	codes := map[string]bool{}
	for _, c := range g.Countries {
		if len(c.Alpha2) != 2 || len(c.Alpha3) != 3 || codes[c.Alpha3] || c.Name == "" {
			t.Errorf("bad or duplicate country %+v", c)
		}
		codes[c.Alpha3] = true
		if got, ok := g.Country(c.Name); !ok || got.Alpha3 != c.Alpha3 {
			t.Errorf("Country(%q) = %v, %v", c.Name, got.Alpha3, ok)
		}
	}
	for _, tc := range []struct{ demonym, want string }{
		{"Qatari", "QAT"}, {"Israeli", "ISR"}, {"Palestinian", "PSE"}, {"Egyptian", "EGY"}, {"German", "DEU"}, {"British", "GBR"},
	} {
		if c, ok := g.CountryByDemonym(tc.demonym); !ok || c.Alpha3 != tc.want {
			t.Errorf("CountryByDemonym(%q) = %q, want %q", tc.demonym, c.Alpha3, tc.want)
		}
	}
	for _, name := range []string{"UN", "NATO", "EU", "AU", "WHO", "IMF", "World Bank", "OPEC", "ICC", "ICJ", "Arab League",
		"G7", "G20", "OSCE", "ASEAN", "Red Cross", "ICRC", "UNRWA", "UNICEF", "WFP"} {
		if _, ok := g.Org(name); !ok {
			t.Errorf("Org(%q) not found", name)
		}
	}
	if o, _ := g.Org("United Nations"); o.Short() != "UN" {
		t.Errorf("UN short name = %q", o.Short())
	}
}

func TestNoPanics(t *testing.T) {
	for _, doc := range []*article.Doc{
		nil, {}, {Article: &article.Article{}},
		{Article: &article.Article{Text: "abc"}, Analysis: article.Analysis{Mentions: []article.Mention{
			{Span: article.Span{Start: 2, End: 99}, Type: "PER"}, {Span: article.Span{Start: -1, End: 2}, Type: "ORG"},
			{Span: article.Span{Start: 0, End: 3}, Type: "PER", Kind: "title", Entity: 7},
		}}},
	} {
		if err := (entity.Stage{}).Analyse(doc); err != nil {
			t.Fatal(err)
		}
	}
}

func FuzzAnalyse(f *testing.F) {
	for _, s := range []string{
		"German Chancellor Olaf Scholz met Egyptian President Abdel Fattah el-Sisi. He said the chancellor agreed.",
		"Scholz, the chancellor, said. The Trump administration and Washington said.",
		"", "the the the", "President", ", the president of", "Mr. Mrs. Bush",
		"Chancellor of the Exchequer Nigel Lawson said. Exchequer Lawson's Co's unit.",
		"Boeing Co <BA> and <Qantas Airways Ltd> with GM's Bank's proposal in Madison, Wisc, and West Germany.",
		"VELMORA, Coralia (Wire) - Velmora's interior minister said. Turnout in Velmora, the government of Velmora and Velmoran law. \"I trust Reyes,\" he said. Commission staff agreed.",
		"in A", "A's", "Xa's top court", "Organization for Security and Co-operation in Europe",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Every capitalised token is a name: the stage must cope with any mention layout.
		doc := capitalTagger(s)
		if err := (entity.Stage{}).Analyse(doc); err != nil {
			t.Fatal(err)
		}
		checkDoc(t, doc)
	})
}

// TestTaggerNoise covers the ways a real tagger cuts and mislabels names.
func TestTaggerNoise(t *testing.T) {
	tests := []struct {
		name string
		tg   tagger
		text string
		want map[string]string
	}{
		{"name cut at joiners", tagger{"Mohammed": "PER", "Abdulrahman": "MISC", "Thani": "PER"},
			"Mohammed bin Abdulrahman Al Thani spoke.", map[string]string{
				"Mohammed bin Abdulrahman Al Thani": "person:mohammed bin abdulrahman al thani"}},
		{"untagged particle surname", tagger{"Abdel Fattah": "PER", "Sisi": "ORG", "el-Sisi": "MISC"},
			"Abdel Fattah el-Sisi spoke. Sisi left. They called el-Sisi.", map[string]string{
				"Abdel Fattah el-Sisi": "person:abdel fattah al-sisi", "Sisi": "person:abdel fattah al-sisi",
				"el-Sisi": "person:abdel fattah al-sisi"}},
		{"surname tagged as place needs a full name", tagger{"Sisi": "ORG"}, "Sisi spoke.", map[string]string{
			"Sisi": "org:sisi"}},
		{"gazetteer name is not a surname", tagger{"Tom Jordan": "PER", "Jordan": "LOC"}, "Tom Jordan visited Jordan.", map[string]string{
			"Tom Jordan": "person:tom jordan", "Jordan": "country:JOR"}},
		{"role tagged as a person", tagger{"Israeli Prime Minister": "PER", "Olmert": "PER"},
			"Former Israeli Prime Minister Ehud Olmert spoke.", map[string]string{
				"Israeli Prime Minister": "person:olmert", "Olmert": "person:olmert"}},
		{"administration tagged as a place", tagger{"Biden": "LOC"}, "The Biden administration said no.", map[string]string{
			"Biden administration": "country:USA"}},
		{"separate people stay apart", tagger{"Anna Berg": "PER", "Tom Reyes": "PER"}, "Anna Berg and Tom Reyes spoke.", map[string]string{
			"Anna Berg": "person:anna berg", "Tom Reyes": "person:tom reyes"}},
		{"name cut before a separate particle", tagger{"Zine El Abidine": "PER", "Ben Ali": "PER", "Ludwig": "PER", "van Beethoven": "PER"},
			"Zine El Abidine Ben Ali fled. Ludwig van Beethoven wrote it.", map[string]string{
				"Zine El Abidine Ben Ali": "person:zine el abidine ben ali", "Ludwig van Beethoven": "person:ludwig van beethoven"}},
		{"adjacent names without a particle stay apart", tagger{"Anna Berg": "PER", "Tom Reyes": "PER"}, "Anna Berg Tom Reyes spoke.", map[string]string{
			"Anna Berg": "person:anna berg", "Tom Reyes": "person:tom reyes"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := tc.tg.doc(tc.text)
			if err := (entity.Stage{}).Analyse(doc); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, resolved(doc)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			checkDoc(t, doc)
			first := doc.Analysis
			if err := (entity.Stage{}).Analyse(doc); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(first, doc.Analysis); diff != "" {
				t.Errorf("second run differs (-first +second):\n%s", diff)
			}
		})
	}
	doc := tagger{"Israeli Prime Minister": "PER", "Olmert": "PER"}.doc("Former Israeli Prime Minister Ehud Olmert spoke.")
	if err := (entity.Stage{}).Analyse(doc); err != nil {
		t.Fatal(err)
	}
	if ro := mentionOf(t, doc, "Olmert").Role; ro == nil || ro.Title != "prime minister" || ro.Country != "ISR" || ro.Status != "former" {
		t.Errorf("Olmert's role = %+v", ro)
	}
}

// A dateline names a place in capitals first; the entity is shown as the
// running text writes it. A name only ever written in capitals stays so.
func TestDatelineCapitalsDoNotNameTheEntity(t *testing.T) {
	tg := tagger{"BELVAR": article.LOC, "Belvar": article.LOC, "NASA": article.ORG}
	doc := tg.doc("BELVAR, March 12 - Rescuers searched Belvar for a third day. NASA sent images.")
	if err := (entity.Stage{}).Analyse(doc); err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, e := range doc.Analysis.Entities {
		names[e.Name] = true
	}
	if !names["Belvar"] || names["BELVAR"] || !names["NASA"] {
		t.Errorf("entity names %v: want Belvar (not BELVAR) and NASA", names)
	}
}

// One name in one article is one kind of thing: the type most of its
// mentions have wins over the tagger's odd one out, and the article's own
// outlet is an organisation.
func TestOneNameOneType(t *testing.T) {
	txt := "Varenia signed the deal on Monday. The army of Varenia withdrew. Varenia said it was pleased, Northbridge Wire reported."
	doc := tagger{"Varenia": article.LOC, "Northbridge Wire": article.LOC}.doc(txt)
	doc.Article.Source = "Northbridge Wire"
	doc.Analysis.Mentions[2].Type = article.PER // the tagger's odd one out
	if err := (entity.Stage{}).Analyse(doc); err != nil {
		t.Fatal(err)
	}
	checkDoc(t, doc)
	keys := map[string]map[string]bool{}
	for _, m := range doc.Analysis.Mentions {
		if m.Entity < 0 {
			continue
		}
		if keys[m.Text] == nil {
			keys[m.Text] = map[string]bool{}
		}
		keys[m.Text][doc.Analysis.Entities[m.Entity].Key] = true
	}
	if want := map[string]bool{"place:varenia": true}; !cmp.Equal(keys["Varenia"], want) {
		t.Errorf("Varenia keys %v, want %v", keys["Varenia"], want)
	}
	if want := map[string]bool{"org:northbridge wire": true}; !cmp.Equal(keys["Northbridge Wire"], want) {
		t.Errorf("outlet keys %v, want %v", keys["Northbridge Wire"], want)
	}
}

// TestWireCopyKeys covers the spans a tagger gives on wire copy (Reuters
// style) that would key badly as written: the end of a multi-word title
// inside a name, ticker brackets, possessives, companies taken for people,
// and former states.
func TestWireCopyKeys(t *testing.T) {
	tests := []struct {
		name, text string
		tags       tagger
		want       map[string]string // mention text -> entity key; "" = no mention
	}{
		{"title tail in name", "Chancellor of the Exchequer Nigel Lawson spoke. Lawson said no.",
			tagger{"Exchequer Nigel Lawson": "PER", "Lawson": "PER"},
			map[string]string{"Nigel Lawson": "person:nigel lawson", "Lawson": "person:nigel lawson"}},
		{"title tail in a name tagged an organisation", "Chancellor of the Exchequer Nigel Lawson spoke.",
			tagger{"Exchequer Nigel Lawson": "ORG"},
			map[string]string{"Nigel Lawson": "person:nigel lawson"}},
		{"title tail alone", "The Chancellor of the Exchequer, Nigel Lawson, spoke.",
			tagger{"Exchequer": "PER", "Nigel Lawson": "PER"},
			map[string]string{"Exchequer": "", "Nigel Lawson": "person:nigel lawson"}},
		{"attorney general", "Attorney General Edwin Meese said so.",
			tagger{"General Edwin Meese": "PER"},
			map[string]string{"Edwin Meese": "person:edwin meese"}},
		{"of-title", "Secretary of State George Shultz said so.",
			tagger{"State George Shultz": "PER"},
			map[string]string{"George Shultz": "person:george shultz"}},
		{"two-word title in the span", "Chief Justice John Roberts said so.",
			tagger{"Chief Justice John Roberts": "PER"},
			map[string]string{"John Roberts": "person:john roberts"}},
		{"role phrase in the span", "German Chancellor Olaf Scholz said so. U.S. Trade Representative Clayton Yeutter agreed.",
			tagger{"German Chancellor Olaf Scholz": "PER", "U.S. Trade Representative Clayton Yeutter": "PER"},
			map[string]string{"Olaf Scholz": "person:olaf scholz", "Clayton Yeutter": "person:clayton yeutter"}},
		{"title word inside a name", "Martin Luther King Jr. spoke.",
			tagger{"Martin Luther King Jr.": "PER"},
			map[string]string{"Martin Luther King Jr.": "person:martin luther king"}},
		{"ticker brackets", "Qantas ordered from Boeing Co <BA> and <Rolls-Royce Ltd>.",
			tagger{"Boeing Co <BA": "ORG", "<Rolls-Royce Ltd>": "ORG", "Qantas": "ORG"},
			map[string]string{"Boeing Co": "org:boeing", "Rolls-Royce Ltd": "org:rolls-royce"}},
		{"only brackets", "The deal <> was signed.", tagger{"<>": "ORG"}, map[string]string{"<>": ""}},
		{"company tagged person", "General Electric Co said Chrysler Corp agreed.",
			tagger{"General Electric Co": "PER", "Chrysler Corp": "PER"},
			map[string]string{"General Electric Co": "org:general electric", "Chrysler Corp": "org:chrysler"}},
		{"bank tagged person", "Cassa di Risparmio di Roma lent it.",
			tagger{"Cassa di Risparmio di Roma": "PER"},
			map[string]string{"Cassa di Risparmio di Roma": "org:cassa di risparmio di roma"}},
		{"company with a possessive tagged person", "Mack Trucks said so. General Electric Co's unit grew.",
			tagger{"Mack Trucks": "PER", "General Electric Co's": "PER"},
			map[string]string{"Mack Trucks": "org:mack trucks", "General Electric Co": "org:general electric"}},
		{"surname Sa stays a person", "Joao Sa said so.", tagger{"Joao Sa": "PER"},
			map[string]string{"Joao Sa": "person:joao sa"}},
		{"possessive of a named stem", "GM said it would sell. GM's order was cut.",
			tagger{"GM": "ORG", "GM's": "ORG"},
			map[string]string{"GM": "org:gm", "GM's": ""}},
		{"possessive of a longer name's start", "Burlington Industries Inc said so. Burlington's offer stands. Moody's Investors Service and Moody's agree.",
			tagger{"Burlington Industries Inc": "ORG", "Burlington's": "ORG", "Moody's Investors Service": "ORG", "Moody's": "ORG"},
			map[string]string{"Burlington": "org:burlington industries", "Burlington's": "", "Moody's": "org:moody's investors service"}},
		{"possessive of a country", "Japan's exports fell.", tagger{"Japan's": "LOC"},
			map[string]string{"Japan": "country:JPN"}},
		{"possessive name kept", "Moody's cut the rating.", tagger{"Moody's": "ORG"},
			map[string]string{"Moody's": "org:moody's"}},
		{"lower-case words after a possessive", "Acme Steel said so. Acme Steel's plastic division grew.",
			tagger{"Acme Steel": "ORG", "Acme Steel's plastic division": "ORG"},
			map[string]string{"Acme Steel": "org:acme steel", "Acme Steel's plastic division": ""}},
		{"trailing separator", "Madison, Wisc, reported it.", tagger{"Wisc,": "LOC"},
			map[string]string{"Wisc": "place:wisconsin"}},
		{"company in capitals", "ARVIN INDUSTRIES SELLS NOTES", tagger{"ARVIN INDUSTRIES": "PER"},
			map[string]string{"ARVIN INDUSTRIES": "org:arvin industries"}},
		{"a name before a kind of place names the place", "Fighting spread in the Kessel region. The Kessel Liberation Front said so. Russian state media said so.",
			tagger{"Kessel": "ORG", "Kessel Liberation Front": "ORG", "Russian": "MISC"},
			map[string]string{"Kessel region": "place:kessel region", "Kessel Liberation Front": "org:kessel liberation front", "Russian": "country:RUS"}},
		{"treebank bracket escapes", "Cairo -LRB- 1910 in Egypt -RRB- was quiet.", tagger{"LRB": "ORG", "RRB": "ORG"},
			map[string]string{"LRB": "", "RRB": ""}},
		{"dates and time zones name nothing", "Updated 1:54 a.m. ET February 1. June Carter sang on Sunday Sept. 4. Crowds rallied on Tuesday. May said so.",
			tagger{"ET February": "ORG", "Sunday Sept.": "ORG", "June Carter": "PER", "Tuesday": "ORG", "May": "PER"},
			map[string]string{"ET February": "", "Sunday Sept.": "", "June Carter": "person:june carter", "Tuesday": "", "May": "person:may"}},
		{"abbreviated title", "Pres. Obama spoke.", tagger{"Pres. Obama": "PER"},
			map[string]string{"Obama": "person:obama"}},
		{"a word without a capital names nothing", "The ministry said so, the interior ministry said.", tagger{"interior": "ORG"},
			map[string]string{"interior": ""}},
		{"nor does one left by tidying", "Toll rises, the interior ministry said.", tagger{"interior ministry said": "ORG"},
			map[string]string{"interior": "", "interior ministry said": ""}},
		{"legal forms and table words alone", "Oper shr 12 cts vs 10 cts. The 4th qtr of Acme Co. Co said so. The 787 flew.",
			tagger{"Oper": "ORG", "4th": "ORG", "Co": "ORG", "Acme Co.": "ORG", "787": "MISC"},
			map[string]string{"Oper": "", "4th": "", "Co": "", "Acme Co.": "org:acme", "787": "misc:787"}},
		{"state abbreviations", "DETROIT, Mich., March 2 - It left N.Y. for Michigan and New York.",
			tagger{"Mich.": "LOC", "N.Y.": "LOC", "Michigan": "LOC", "New York": "LOC"},
			map[string]string{"Mich.": "place:michigan", "Michigan": "place:michigan", "N.Y.": "place:new york"}},
		{"historical names of organisations", "The European Community and the EEC met the SEC and USDA.",
			tagger{"European Community": "ORG", "EEC": "ORG", "SEC": "ORG", "USDA": "ORG"},
			map[string]string{"European Community": "org:EU", "EEC": "org:EU", "SEC": "org:USGOV-SEC", "USDA": "org:USGOV-USDA"}},
		{"shouted headline name", "HUGHES SETS DIVIDEND\n\nHughes Tool Co said it set a dividend.",
			tagger{"HUGHES": "PER", "Hughes Tool Co": "ORG"},
			map[string]string{"HUGHES": "org:hughes tool"}},
		{"shouted headline surname", "REAGAN SIGNS BILL\n\nPresident Ronald Reagan signed it.",
			tagger{"REAGAN": "PER", "Ronald Reagan": "PER"},
			map[string]string{"REAGAN": "person:ronald reagan"}},
		{"shouted headline company", "DOW CHEMICAL SEES GAIN\n\nMIDLAND, Mich. - Dow Chemical Co said so.",
			tagger{"DOW CHEMICAL": "MISC", "Dow Chemical Co": "ORG", "MIDLAND": "LOC", "Mich.": "LOC"},
			map[string]string{"DOW CHEMICAL": "org:dow chemical", "MIDLAND": "place:midland"}},
		{"shouted name written normally", "ACME SEES GAIN\n\nAcme said so.",
			tagger{"ACME": "PER", "Acme": "ORG"},
			map[string]string{"ACME": "org:acme", "Acme": "org:acme"}},
		{"acronym tagged a place", "General Motors Corp said so. GM will build it in Detroit.",
			tagger{"General Motors Corp": "ORG", "GM": "LOC", "Detroit": "LOC"},
			map[string]string{"GM": "org:general motors", "Detroit": "place:detroit"}},
		{"tagger ran on into the predicate", "The Bank said so. Philips Electronics regarding it. Shatt al-Arab waterway. Acme parent Zeta Corp grew.",
			tagger{"Bank said": "ORG", "Philips Electronics regarding": "ORG", "Shatt al-Arab waterway": "LOC", "Acme parent Zeta Corp": "ORG"},
			map[string]string{"Bank": "org:bank", "Philips Electronics": "org:philips electronics", "Shatt al-Arab waterway": "place:shatt al-arab waterway",
				"Acme parent Zeta Corp": "org:acme parent zeta"}},
		{"run-on person", "Then Mary Smith said yes and John Smith al-Rashid agreed.",
			tagger{"Mary Smith said": "PER", "John Smith al-Rashid": "PER"},
			map[string]string{"Mary Smith": "person:mary smith", "John Smith al-Rashid": "person:john smith al-rashid"}},
		{"capital tagged an organisation, acting", "Kyiv had asked for the missiles.", tagger{"Kyiv": "ORG"},
			map[string]string{"Kyiv": "country:UKR"}},
		{"capital tagged an organisation, a place", "Officials met in Kyiv on Monday.", tagger{"Kyiv": "ORG"},
			map[string]string{"Kyiv": "place:kyiv"}},
		{"a party with and without the word", "The Labour Party won. Labour took 412 seats.", tagger{"Labour Party": "ORG", "Labour": "ORG"},
			map[string]string{"Labour Party": "org:labour", "Labour": "org:labour"}},
		{"place named only in a dateline", "LONDON (Ledger) - Labour won.", tagger{"LONDON": "LOC", "Labour": "ORG"},
			map[string]string{"LONDON": "place:london"}},
		{"former states", "West Germany and the Soviet Union met. The USSR said so.",
			tagger{"West Germany": "LOC", "Soviet Union": "LOC", "USSR": "LOC"},
			map[string]string{"West Germany": "country:DEU", "Soviet Union": "country:SUN", "USSR": "country:SUN"}},
		{"Fed board", "The Federal Reserve Board met.", tagger{"Federal Reserve Board": "ORG"},
			map[string]string{"Federal Reserve Board": "org:USGOV-FED"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := tc.tags.doc(tc.text)
			if err := (entity.Stage{}).Analyse(doc); err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, m := range doc.Analysis.Mentions {
				if m.Kind == "name" && m.Entity >= 0 {
					got[m.Text] = doc.Analysis.Entities[m.Entity].Key
				}
			}
			for text, key := range tc.want {
				if got[text] != key {
					t.Errorf("%q keyed %q, want %q (all: %v)", text, got[text], key, got)
				}
			}
		})
	}
}

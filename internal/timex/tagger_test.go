package timex

import (
	"fmt"
	"testing"
	"time"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/pipeline"
)

var _ pipeline.Stage = (*Stage)(nil)

// dct is Monday 14 June 2021, the reference date of the table tests.
var dct = time.Date(2021, 6, 14, 0, 0, 0, 0, time.UTC)

type want struct {
	text, typ, value, mod string
}

func check(t *testing.T, sentence string, ref time.Time, ws []want) {
	t.Helper()
	got := NewTagger().Tag(sentence, ref)
	if len(got) != len(ws) {
		t.Fatalf("%q: got %d expressions %+v, want %d %+v", sentence, len(got), got, len(ws), ws)
	}
	for i, w := range ws {
		g := got[i]
		if g.Text != w.text || g.Type != w.typ || g.Value != w.value || g.Mod != w.mod {
			t.Errorf("%q #%d: got %q %s %s %q, want %q %s %s %q", sentence, i, g.Text, g.Type, g.Value, g.Mod, w.text, w.typ, w.value, w.mod)
		}
		if g.Span.Of(sentence) != g.Text {
			t.Errorf("%q #%d: span %v covers %q, text is %q", sentence, i, g.Span, g.Span.Of(sentence), g.Text)
		}
	}
}

func TestAbsoluteDates(t *testing.T) {
	cases := []struct {
		in   string
		want []want
	}{
		{"The summit was held on June 5, 2022 in Madrid.", []want{{"June 5, 2022", "DATE", "2022-06-05", ""}}},
		{"It opened on 5 June 2022.", []want{{"5 June 2022", "DATE", "2022-06-05", ""}}},
		{"A summit in Madrid in June 2022 agreed.", []want{{"June 2022", "DATE", "2022-06", ""}}},
		{"Filed 2021-03-04 at noon.", []want{{"2021-03-04", "DATE", "2021-03-04", ""}, {"noon", "TIME", "2021-03-04T12:00", ""}}},
		{"Sales rose in 1998.", []want{{"1998", "DATE", "1998", ""}}},
		{"It paid $1998 for 2,000 shares.", nil},
		{"In the 1990s and the '80s", []want{{"the 1990s", "DATE", "199", ""}, {"the '80s", "DATE", "198", ""}}},
		{"By the mid-1990s it was over.", []want{{"the mid-1990s", "DATE", "199", "MID"}}},
		{"in the 19th century", []want{{"the 19th century", "DATE", "18", ""}}},
		// the second day of a coordinated pair takes the first one's month
		{"Leaders met on April 24 and 25, 2019, in Rome.", []want{{"April 24", "DATE", "2021-04-24", ""}, {"25, 2019", "DATE", "2019-04-25", ""}}}, // the first day does not yet see the year
		{"The summit on April 24 and 25 drew leaders.", []want{{"April 24", "DATE", "2021-04-24", ""}, {"25", "DATE", "2021-04-25", ""}}},
		{"Fighting resumed on March 3 and 4 people died.", []want{{"March 3", "DATE", "2021-03-03", ""}}},
		{"Tuesday, Oct. 13, 1989 was quiet.", []want{{"Tuesday, Oct. 13, 1989", "DATE", "1989-10-13", ""}}},
		{"in fiscal 1989", []want{{"fiscal 1989", "DATE", "1989", ""}}},
		{"in nineteen ninety-six", []want{{"nineteen ninety-six", "DATE", "1996", ""}}},
		{"on Christmas Day 2020", []want{{"Christmas Day 2020", "DATE", "2020-12-25", ""}}},
		{"late November 2019", []want{{"late November 2019", "DATE", "2019-11", "END"}}},
		// halves of a year are calendar halves
		{"Earnings for the last half of 1989 fell.", []want{{"the last half of 1989", "DATE", "1989-H2", ""}}},
		{"in the first half of 1990", []want{{"the first half of 1990", "DATE", "1990-H1", ""}}},
		// years in words after a month or season (broadcast transcripts)
		{"January nineteen ninety-seven. Atlanta again.", []want{{"January nineteen ninety-seven", "DATE", "1997-01", ""}}},
		{"as in the winter of nineteen ninety-four", []want{{"the winter of nineteen ninety-four", "DATE", "1994-WI", ""}}},
	}
	for _, c := range cases {
		check(t, c.in, dct, c.want)
	}
}

func TestRelativeToDCT(t *testing.T) {
	cases := []struct {
		in   string
		want []want
	}{
		{"He said on Thursday that it was over.", []want{{"Thursday", "DATE", "2021-06-10", ""}}},
		{"The minister will travel on Friday.", []want{{"Friday", "DATE", "2021-06-18", ""}}},
		{"The talks resumed last week.", []want{{"last week", "DATE", "2021-W23", ""}}},
		{"Profits rose this year.", []want{{"this year", "DATE", "2021", ""}}},
		{"Prices fell last month.", []want{{"last month", "DATE", "2021-05", ""}}},
		{"The vote is next month.", []want{{"next month", "DATE", "2021-07", ""}}},
		{"The deal was signed yesterday.", []want{{"yesterday", "DATE", "2021-06-13", ""}}},
		{"We meet today and tomorrow.", []want{{"today", "DATE", "2021-06-14", ""}, {"tomorrow", "DATE", "2021-06-15", ""}}},
		{"The firm collapsed a year ago.", []want{{"a year ago", "DATE", "2020", ""}}},
		{"It began three days ago.", []want{{"three days ago", "DATE", "2021-06-11", ""}}},
		{"Shares dropped earlier this month.", []want{{"earlier this month", "DATE", "2021-06", "START"}}},
		// a quarter not yet begun that sales "rose" in is last year's (TestQuarterYear)
		{"Sales rose in the third quarter.", []want{{"the third quarter", "DATE", "2020-Q3", ""}}},
		{"Sales should rise in the third quarter.", []want{{"the third quarter", "DATE", "2021-Q3", ""}}},
		{"It was warm this summer.", []want{{"this summer", "DATE", "2021-SU", ""}}},
		{"Rain fell last night.", []want{{"last night", "TIME", "2021-06-13TNI", ""}}},
		{"Nobody knows now.", []want{{"now", "DATE", "PRESENT_REF", ""}}},
		{"Voting is set for the week of March 6.", []want{{"the week of March 6", "DATE", "2021-W09", ""}}},
		{"Results for the first half of the year were weak.", []want{{"the first half of the year", "DATE", "2021-H1", ""}}},
		{"Prices rose in recent weeks.", []want{{"recent weeks", "DURATION", "PXW", ""}}},
		{"Prices rose in recent years.", []want{{"recent years", "DATE", "PAST_REF", ""}}},
		{"The ratification began in February this year.", []want{{"February this year", "DATE", "2021-02", ""}}},
		{"In June last year, the leaders met.", []want{{"June last year", "DATE", "2020-06", ""}}},
		{"It opens on March 3 next year.", []want{{"March 3 next year", "DATE", "2022-03-03", ""}}},
		{"Prices may rise in the coming months.", []want{{"the coming months", "DATE", "FUTURE_REF", ""}}},
		{"The statement came at 10:30 a.m. Monday.", []want{{"10:30 a.m. Monday", "TIME", "2021-06-14T10:30", ""}}},
		{"The offer expires at 5 p.m. EST Nov. 9.", []want{{"5 p.m. EST Nov. 9", "TIME", "2021-11-09T17:00", ""}}},
		{"It landed around 7:15 p.m. local time.", []want{{"around 7:15 p.m.", "TIME", "2021-06-14T19:15", "APPROX"}}},
		// the wire's four-digit clock, told from a year by its zone
		{"The curfew began at 1800 GMT.", []want{{"1800 GMT", "TIME", "2021-06-14T18:00Z", ""}}},
		{"Troops moved in at 2130 local time.", []want{{"2130 local time", "TIME", "2021-06-14T21:30", ""}}},
		{"The blast came at 10:35 a.m. (0735 GMT) Monday.", []want{{"10:35 a.m.", "TIME", "2021-06-14T10:35", ""}, {"Monday", "DATE", "2021-06-14", ""}}},
		{"Updated 12:10 p.m. (1910 in Egypt) Clinton called for restraint.", []want{{"12:10 p.m.", "TIME", "2021-06-14T12:10", ""}}},
		{"Updated 1:21 p.m. ET -LRB- 2021 in Egypt -RRB- Crowds grew.", []want{{"1:21 p.m. ET", "TIME", "2021-06-14T13:21", ""}}},
		{"The program (1990) ended in 1991.", []want{{"1990", "DATE", "1990", ""}, {"1991", "DATE", "1991", ""}}},
		// an hour without a.m./p.m. takes its half of the day from the part named
		{"He will leave at 4 in the morning.", []want{{"4 in the morning", "TIME", "2021-06-14T04:00", ""}}},
		{"The shops close at 10 at night.", []want{{"10 at night", "TIME", "2021-06-14T22:00", ""}}},
		{"It began around 3:30 in the afternoon.", []want{{"3:30 in the afternoon", "TIME", "2021-06-14T15:30", ""}}},
		// without a clock preposition the number is not an hour
		{"He scored 4 in the morning session.", []want{{"the morning", "TIME", "2021-06-14TMO", ""}}},
		{"He left in October.", []want{{"October", "DATE", "2020-10", ""}}},
		{"Elections will be held in October.", []want{{"October", "DATE", "2021-10", ""}}},
		{"They met in October 2022.", []want{{"October 2022", "DATE", "2022-10", ""}}},
		// a fronted adverbial takes its tense from the main verb, however far
		// ("vs." does not end the sentence)
		{"In September, after the fifth anniversary of the Smith vs. Jones ruling, a bomb at a clinic in Leeds killed a guard.", []want{{"September", "DATE", "2020-09", ""}}},
		{"In September, after the fifth anniversary of the Smith vs. Jones ruling, the clinic in Leeds will reopen.", []want{{"September", "DATE", "2021-09", ""}}},
		{"The results for the fourth quarter of 2020 were weak.", []want{{"the fourth quarter of 2020", "DATE", "2020-Q4", ""}}},
		{"The strike ended early next year.", []want{{"early next year", "DATE", "2022", "START"}}},
	}
	for _, c := range cases {
		check(t, c.in, dct, c.want)
	}
}

// TestWeekdays covers the direction of a bare weekday: the tense of the
// governing verb when there is one, else the nearer occurrence.
func TestWeekdays(t *testing.T) {
	friday := time.Date(2021, 6, 18, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		in   string
		ref  time.Time
		want []want
	}{
		{"The ban applies from midnight on Saturday.", friday, []want{{"midnight on Saturday", "TIME", "2021-06-19T24:00", ""}}},
		{"Talks are scheduled for Saturday.", friday, []want{{"Saturday", "DATE", "2021-06-19", ""}}},
		{"On Sunday, the markets were calm.", dct, []want{{"Sunday", "DATE", "2021-06-13", ""}}},
		{"On Thursday, the Kenyan government paid the bills.", dct, []want{{"Thursday", "DATE", "2021-06-10", ""}}},
		// an infinitive keeps its forward-looking verb
		{"The trial is set to begin on Wednesday.", dct, []want{{"Wednesday", "DATE", "2021-06-16", ""}}},
		{"Trading is to resume in Paris Tuesday.", dct, []want{{"Tuesday", "DATE", "2021-06-15", ""}}},
		// a capitalised name in -ed is not a past-tense verb
		{"He would be traveling to the United States Thursday.", dct, []want{{"Thursday", "DATE", "2021-06-17", ""}}},
		// a participle after "been" takes the tense of what governs it
		{"The offer had been due to expire Friday.", dct, []want{{"Friday", "DATE", "2021-06-11", ""}}},
		// a plan looks forward from the time of planning
		{"The party is planning a congress on Thursday.", dct, []want{{"Thursday", "DATE", "2021-06-17", ""}}},
		// a verb after "and" heads another clause; a noun after it does not
		{"The union is planning a rally downtown on Saturday and was hoping for big crowds.", friday, []want{{"Saturday", "DATE", "2021-06-19", ""}}},
		{"On Saturday, police and soldiers searched the town.", friday, []want{{"Saturday", "DATE", "2021-06-12", ""}}},
		// "could" is no cue: the nearer day wins
		{"His grandparents could not be located Wednesday.", friday, []want{{"Wednesday", "DATE", "2021-06-16", ""}}},
		{"The vote could come Tuesday.", dct, []want{{"Tuesday", "DATE", "2021-06-15", ""}}},
		// "until" looks forward from its verb, but a sentence opening with
		// it takes the tense of the verb that follows
		{"Officials postponed until Tuesday any action on the case.", friday, []want{{"Tuesday", "DATE", "2021-06-22", ""}}},
		{"Until Thursday, they had not called him a suspect.", friday, []want{{"Thursday", "DATE", "2021-06-17", ""}}},
		{"Until Monday, the old rules will apply.", friday, []want{{"Monday", "DATE", "2021-06-21", ""}}},
		// parts of a named day (TimeML: TIME with the part's code); a night
		// is dated by its day
		{"Police arrived Friday morning.", dct, []want{{"Friday morning", "TIME", "2021-06-11TMO", ""}}},
		{"She will speak Thursday evening.", dct, []want{{"Thursday evening", "TIME", "2021-06-17TEV", ""}}},
		{"Protesters gathered Saturday night.", dct, []want{{"Saturday night", "DATE", "2021-06-12", ""}}},
	}
	for _, c := range cases {
		check(t, c.in, c.ref, c.want)
	}
}

func TestAnaphora(t *testing.T) {
	check(t, "The fire began on March 3, 2019. Two days later it was out. The next day rain fell.", dct, []want{
		{"March 3, 2019", "DATE", "2019-03-03", ""},
		{"Two days later", "DATE", "2019-03-05", ""},
		{"The next day", "DATE", "2019-03-04", ""},
	})
	// a year-ago period named by its year is a comparison point: "year-ago"
	// after it still counts from the quarter under discussion
	check(t, "Net fell in the third quarter, against a loss in the 1988 period. The year-ago results included a charge.",
		time.Date(1989, 11, 2, 0, 0, 0, 0, time.UTC), []want{
			{"the third quarter", "DATE", "1989-Q3", ""},
			{"the 1988 period", "DATE", "1988-Q3", ""},
			{"year-ago", "DATE", "1988-Q3", ""},
		})
	// the day before/after: one day from the day under discussion, or the
	// same day in apposition to a date, or from a named weekday
	check(t, "He was killed on June 3. Kopp came to the house the day after his death.", dct, []want{
		{"June 3", "DATE", "2021-06-03", ""},
		{"the day", "DATE", "2021-06-04", ""},
	})
	check(t, "He was last seen June 3, the day before the warrant was issued.", dct, []want{
		{"June 3", "DATE", "2021-06-03", ""},
		{"the day", "DATE", "2021-06-03", ""},
	})
	check(t, "The day before last Tuesday's hearing, he left.", dct, []want{
		{"The day before last Tuesday", "DATE", "2021-06-07", ""},
	})
	check(t, "She flew on later in the day before returning home.", dct, nil)
	// "the previous Friday" and a past "overnight" count from the day under
	// discussion, not from the DCT (Monday 14 June 2021)
	check(t, "London shares fell Thursday after overnight losses in New York, down 4% from the previous Friday.", dct, []want{
		{"Thursday", "DATE", "2021-06-10", ""},
		{"overnight", "TIME", "2021-06-09TNI", ""},
		{"the previous Friday", "DATE", "2021-06-04", ""},
	})
	check(t, "Shares fell Friday. Dealers placed buy orders in the morning.", dct, []want{
		{"Friday", "DATE", "2021-06-11", ""},
		{"the morning", "TIME", "2021-06-11TMO", ""},
	})
	check(t, "Dealers placed buy orders in the morning.", dct, []want{{"the morning", "TIME", "2021-06-14TMO", ""}})
	check(t, "Stocks fell overnight in Tokyo.", dct, []want{{"overnight", "TIME", "2021-06-13TNI", ""}})
	check(t, "The talks will continue overnight.", dct, []want{{"overnight", "TIME", "2021-06-14TNI", ""}})
	check(t, "The vote was set for June 3, 2021; the following Monday the count began.", dct, []want{
		{"June 3, 2021", "DATE", "2021-06-03", ""},
		{"the following Monday", "DATE", "2021-06-07", ""},
	})
	got := NewTagger().Tag("It fell on May 2, 2020. Two days later it rose.", dct)
	if len(got) != 2 || got[1].Anchor != "timex:0" {
		t.Errorf("anchor of the anaphoric expression: %+v", got)
	}
}

func TestDurationsAndSets(t *testing.T) {
	cases := []struct {
		in   string
		want []want
	}{
		{"the three-week-old strike", []want{{"three-week-old", "DURATION", "P3W", ""}}},
		{"for more than six months", []want{{"more than six months", "DURATION", "P6M", "MORE_THAN"}}},
		{"over the past two years", []want{{"the past two years", "DURATION", "P2Y", ""}}},
		{"for about 90 minutes", []want{{"90 minutes", "DURATION", "PT90M", "APPROX"}}},
		{"for nearly 90 minutes", []want{{"nearly 90 minutes", "DURATION", "PT90M", "EQUAL_OR_LESS"}}},
		{"about three-quarters of the shares", nil},
		{"in 24 hours", []want{{"24 hours", "DURATION", "PT24H", ""}}},
		{"several years of growth", []want{{"several years", "DURATION", "PXY", ""}}},
		{"a 6-year-old boy", nil},
		{"Mr. Reupke, 52 years old, resigned.", nil},
		// "one day" between a modal and its verb is some future day
		{"Islam will one day be the second largest religion.", []want{{"one day", "DATE", "FUTURE_REF", ""}}},
		{"The strike will last one day.", []want{{"one day", "DURATION", "P1D", ""}}},
		// "last" after a modal or "to" is the verb
		{"The talks are expected to last two weeks.", []want{{"two weeks", "DURATION", "P2W", ""}}},
		{"Sales fell in the last two weeks.", []want{{"the last two weeks", "DURATION", "P2W", ""}}},
		// an infant's age in months is an age too; a strike's is a span
		{"with his wife and their 6-month-old son", nil},
		{"the IRA's 8-month-old ceasefire", []want{{"8-month-old", "DURATION", "P8M", ""}}},
		{"settled its decades-long dispute", []want{{"decades-long", "DURATION", "PXY", ""}}},
		{"after their third day-long meeting", []want{{"day-long", "DURATION", "P1D", ""}}},
		{"many more patients over the years", []want{{"the years", "DURATION", "PXY", ""}}},
		{"selling in the weeks ahead could hurt", []want{{"the weeks ahead", "DURATION", "PXW", ""}}},
		{"In the years that followed, they won.", []want{{"the years", "DURATION", "PXY", ""}}},
		{"meets every Monday", []want{{"every Monday", "SET", "XXXX-WXX-1", ""}}},
		{"published daily", []want{{"daily", "SET", "P1D", ""}}},
		{"twice a year", []want{{"twice a year", "SET", "P1Y", ""}}},
		{"a profit of about $33 million a year", []want{{"a year", "SET", "P1Y", ""}}},
		// a counted plural noun per unit is a rate as well
		{"up from the current four flights a week", []want{{"a week", "SET", "P1W", ""}}},
		{"We are doing hundreds of interviews a day.", []want{{"a day", "SET", "P1D", ""}}},
		{"The talks lasted a week.", []want{{"a week", "DURATION", "P1W", ""}}},
		{"after the gains of the previous sessions a week ago", []want{{"a week ago", "DATE", "2021-W23", ""}}},
		{"for the next two quarters", []want{{"the next two quarters", "DURATION", "P2Q", ""}}},
		{"for a couple of years", []want{{"a couple of years", "DURATION", "P2Y", ""}}},
		// fractions: whole units, the rest one unit down
		{"They lived in camps for 2 1/2 years.", []want{{"2 1/2 years", "DURATION", "P2Y6M", ""}}},
		{"It took 5 1/2 hours.", []want{{"5 1/2 hours", "DURATION", "PT5H30M", ""}}},
		// a weekend is two days long
		{"Talks ended after a weekend of bargaining.", []want{{"a weekend", "DURATION", "P2D", ""}}},
		{"It lasted a minute and a half.", []want{{"a minute and a half", "DURATION", "PT1M30S", ""}}},
		{"for one and a half days", []want{{"one and a half days", "DURATION", "P1DT12H", ""}}},
		{"for half a year", []want{{"half a year", "DURATION", "P6M", ""}}},
	}
	for _, c := range cases {
		check(t, c.in, dct, c.want)
	}
}

func TestNoDCT(t *testing.T) {
	check(t, "He said on Thursday that sales fell last year and in June 2019.", time.Time{}, []want{
		{"Thursday", "DATE", "XXXX-WXX-4", ""},
		{"last year", "DATE", "XXXX", ""},
		{"June 2019", "DATE", "2019-06", ""},
	})
}

func TestLowercaseNamesAreWords(t *testing.T) {
	check(t, "You may march on, said the sun.", dct, nil)
	check(t, "the figure of Gary Cooper from the film ``High Noon.''", dct, nil)
}

// TestQuotedTitles: a quoted expression written in title case names a
// programme; a quoted sentence that starts with a time keeps it.
func TestQuotedTitles(t *testing.T) {
	check(t, "Gonzalez said on CBS's ''60 Minutes.''", dct, nil)
	check(t, `Baker said on ABC's "This Week With David Brinkley" that talks failed.`, dct, nil)
	check(t, `Baker, speaking on ABC News' "This Week," said so.`, dct, nil)
	check(t, `"Last week we agreed," he said.`, dct, []want{{"Last week", "DATE", "2021-W23", ""}})
	check(t, `He called it "two years of hell."`, dct, []want{{"two years", "DURATION", "P2Y", ""}})
	// a capitalised Today after a name is a title; a sentence may start with it
	check(t, "He told USA Today that he would run. This is VOA Today.", dct, nil)
	check(t, "Today the markets opened late.", dct, []want{{"Today", "DATE", "2021-06-14", ""}})
}

// TestBarePartsOfDay: a part of the day with its position and no day of
// its own belongs to the day under discussion, else to the DCT.
func TestBarePartsOfDay(t *testing.T) {
	check(t, "By mid afternoon, officials said the operation was over.", dct, []want{{"mid afternoon", "TIME", "2021-06-14TAF", "MID"}})
	check(t, "Shares recovered by midafternoon.", dct, []want{{"midafternoon", "TIME", "2021-06-14TAF", "MID"}})
	check(t, "The raid began Friday. Troops left in the early afternoon.", dct, []want{
		{"Friday", "DATE", "2021-06-11", ""},
		{"the early afternoon", "TIME", "2021-06-11TAF", "START"},
	})
	check(t, "Talks ran into late evening.", dct, []want{{"late evening", "TIME", "2021-06-14TEV", "END"}})
	check(t, "Police arrived early Friday morning.", dct, []want{{"early Friday morning", "TIME", "2021-06-11TMO", "START"}})
}

// TestGenericToday: "today's" before a word for the present era is no
// date; before the day's own things it is the DCT.
func TestGenericToday(t *testing.T) {
	check(t, "The case is for today's youth what the blockade was.", dct, nil)
	check(t, "Fathers in today's world differ.", dct, nil)
	check(t, "The offer, advertised in today's editions, expires.", dct, []want{{"today", "DATE", "2021-06-14", ""}})
	check(t, "If I were choosing the people of tomorrow, I would choose them.", dct, nil)
	check(t, "Trading stops at the end of today.", dct, []want{{"today", "DATE", "2021-06-14", ""}})
}

func TestValidValue(t *testing.T) {
	for _, v := range []string{"2021-06-14", "2022-10", "2025-W28", "P3D", "PXD", "P6M", "2021-06-14T14:00", "PRESENT_REF",
		"2022-SU", "2022-Q3", "199X", "199", "19", "XXXX-WXX-5TMO", "PT24H", "XXXX-WXX-1", "2021-06-14TMO", "1989-W43-WE", "P2Q", "XXXX-XX-XX"} {
		if !ValidValue(v) {
			t.Errorf("ValidValue(%q) = false", v)
		}
	}
	for _, v := range []string{"", "2021-02-30", "2021-13", "P", "June", "2021-6-1", "PRESENT", "2021-Q5", "T14:00"} {
		if ValidValue(v) {
			t.Errorf("ValidValue(%q) = true", v)
		}
	}
}

func TestStage(t *testing.T) {
	a := &article.Article{ID: 7, Text: "PARIS, March 3, 2019 - The fire began on Sunday. Two days later it was out."}
	doc := &article.Doc{Article: a}
	if err := NewStage().Analyse(doc); err != nil {
		t.Fatal(err)
	}
	dd := doc.Analysis.DocDate
	if dd == nil || dd.Value != "2019-03-03" || dd.Source != "inferred" {
		t.Fatalf("doc date %+v", dd)
	}
	if len(doc.Analysis.Timexes) != 3 || doc.Analysis.Timexes[1].Value != "2019-03-03" || doc.Analysis.Timexes[2].Value != "2019-03-05" {
		t.Fatalf("timexes %+v", doc.Analysis.Timexes)
	}
}

func TestDocDate(t *testing.T) {
	pub := time.Date(2023, 5, 1, 9, 0, 0, 0, time.UTC)
	cases := []struct {
		name   string
		a      article.Article
		value  string
		source string
	}{
		{"metadata", article.Article{Published: pub, DateSource: "html", Text: "On June 5, 2022 it rained."}, "2023-05-01", "html"},
		{"dateline", article.Article{Text: "LONDON, June 13, 2005 (Reuters) - Talks resumed on March 1, 2006."}, "2005-06-13", "inferred"},
		{"latest date", article.Article{Text: "Some background first, then more and more and more and more background, and then yet more background, that fills well over three hundred bytes of text before any date at all appears in it, so that the dateline rule cannot apply to it and the article has to fall back on the latest full date that is mentioned anywhere. It was agreed on June 5, 2022 and signed on July 1, 2022."}, "2022-07-01", "inferred"},
		{"month only", article.Article{Text: "Sales in March 2020 and in May 2021 rose."}, "2021-05", "inferred"},
		{"nothing", article.Article{Text: "The cat sat on the mat yesterday."}, "", "none"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := DocDate(&c.a)
			if got.Value != c.value || got.Source != c.source || got.Reason == "" {
				t.Errorf("got %+v, want value %q source %q", got, c.value, c.source)
			}
		})
	}
}

// The shared tagger and the stage are used from many goroutines at once.
func TestConcurrentUse(t *testing.T) {
	st := NewStage()
	done := make(chan error, 8)
	for i := 0; i < 8; i++ {
		go func() {
			doc := &article.Doc{Article: &article.Article{Published: dct, DateSource: "feed", Text: "The talks resumed last week and end on Friday, two days after the vote."}}
			err := st.Analyse(doc)
			if err == nil && len(doc.Analysis.Timexes) != 3 {
				err = fmt.Errorf("got %+v", doc.Analysis.Timexes)
			}
			done <- err
		}()
	}
	for i := 0; i < 8; i++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

// TestQuarterYear covers an ordinal quarter without a year that has not begun
// in the DCT's year: last year's reported quarter or this year's coming one.
func TestQuarterYear(t *testing.T) {
	jan := time.Date(2021, 1, 20, 0, 0, 0, 0, time.UTC)
	oct := time.Date(2021, 10, 26, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		in   string
		ref  time.Time
		want []want
	}{
		{"The company reported a loss for the fourth quarter.", jan, []want{{"the fourth quarter", "DATE", "2020-Q4", ""}}},
		{"Profits fell in the fourth quarter.", dct, []want{{"the fourth quarter", "DATE", "2020-Q4", ""}}},
		{"Sales will recover in the fourth quarter.", dct, []want{{"the fourth quarter", "DATE", "2021-Q4", ""}}},
		// a quarter compound modifies the noun after it: the determiner or
		// complementizer before it is not part of the expression
		{"Analysts complained that third-quarter earnings were weak.", dct, []want{{"third-quarter", "DATE", "2020-Q3", ""}}},
		{"The third-quarter results will be weak.", dct, []want{{"third-quarter", "DATE", "2021-Q3", ""}}},
		// a year-ago period compares with the period reported, not a forecast
		{"Profit rose in the third quarter and will fall in the third quarter of 2022. In the year-ago period, it earned $1.", oct, []want{
			{"the third quarter", "DATE", "2021-Q3", ""}, {"the third quarter of 2022", "DATE", "2022-Q3", ""}, {"the year-ago period", "DATE", "2020-Q3", ""}}},
		// ... and with the quarter the article reports on (its lede), not a
		// quarter mentioned in passing
		{"Net rose 20% in the third quarter. After a flat second quarter, sales recovered. In the 2020 period, it earned $1.", oct, []want{
			{"the third quarter", "DATE", "2021-Q3", ""}, {"second quarter", "DATE", "2021-Q2", ""}, {"the 2020 period", "DATE", "2020-Q3", ""}}},
		{"Net rose in the third quarter. Sales for last year's quarter were $3 million.", oct, []want{
			{"the third quarter", "DATE", "2021-Q3", ""}, {"last year's quarter", "DATE", "2020-Q3", ""}}},
		// a unit inside a compound adjective is no time
		{"The quarter-to-quarter comparison was helped by charges.", oct, nil},
		// a quarter already under way or past stays in the DCT's year
		{"Profits fell in the first quarter.", dct, []want{{"the first quarter", "DATE", "2021-Q1", ""}}},
		{"Profits rose in the second quarter of 2019.", jan, []want{{"the second quarter of 2019", "DATE", "2019-Q2", ""}}},
	}
	for _, c := range cases {
		check(t, c.in, c.ref, c.want)
	}
}

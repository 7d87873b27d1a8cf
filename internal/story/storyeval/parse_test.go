package storyeval

import (
	"strings"
	"testing"
	"time"
)

const ecbSample = `<Document doc_name="1_1ecb.xml" doc_id="DOC1">
<token t_id="1" sentence="0" number="0">Tara</token>
<token t_id="2" sentence="0" number="1">Reid</token>
<token t_id="3" sentence="0" number="2">entered</token>
<token t_id="4" sentence="0" number="3">rehab</token>
<token t_id="5" sentence="0" number="4">.</token>
<token t_id="6" sentence="1" number="0">People</token>
<token t_id="7" sentence="1" number="1">said</token>
<token t_id="8" sentence="1" number="2">so</token>
<Markables><ACTION_OCCURRENCE m_id="1"><token_anchor t_id="3"/></ACTION_OCCURRENCE></Markables>
</Document>`

func TestECBText(t *testing.T) {
	got, err := ECBText(strings.NewReader(ecbSample))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Tara Reid entered rehab .\nPeople said so"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func FuzzECBText(f *testing.F) {
	f.Add(ecbSample)
	f.Add(`<token sentence="x">a</token><token>`)
	f.Add(`<<<>`)
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = ECBText(strings.NewReader(s)) // must not panic
	})
}

const pairsSample = `Unnamed: 0,pair_id,lang1,lang2,text1,text2,Geography,Entities,Time,Narrative,Overall,Style,Tone
1,111_222,en,en,"Quake hits Turkey, dozens dead","Turkey quake kills dozens",1,1,1,1,1.0,2,2
2,333_444,de,de,"Ein Text","Noch einer",1,1,1,1,3.0,2,2
3,555_666_en,en,en,"suffixed","pair",1,1,1,1,2.0,2,2
4,777_888,en,en,"Oil rises","Football final",4,4,4,4,4.0,1,1
`

func TestParsePairs(t *testing.T) {
	got, err := ParsePairs(strings.NewReader(pairsSample))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != "111_222" || got[0].Text1 != "Quake hits Turkey, dozens dead" || got[1].Overall != 4 {
		t.Fatalf("got %+v", got)
	}
	if _, err := ParsePairs(strings.NewReader("pair_id,text1\n1,a\n")); err == nil {
		t.Fatal("missing columns accepted")
	}
}

func FuzzParsePairs(f *testing.F) {
	f.Add(pairsSample)
	f.Add("pair_id,lang1,lang2,text1,text2,Overall\n1_2,en,en,a,b,x\n")
	f.Add("\"unterminated")
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = ParsePairs(strings.NewReader(s))
	})
}

const reutersSample = `<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5544" NEWID="1">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<TEXT>&#2;
<TITLE>BAHIA COCOA REVIEW</TITLE>
<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued throughout the week in
the Bahia cocoa zone &lt;BA>, Comissaria Smith said.
    The dry period means the temporao will be late this year.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="2">
<DATE>garbage</DATE>
<TEXT TYPE="BRIEF">&#2;
<TITLE>SHORT ITEM</TITLE>
&#3;</TEXT>
</REUTERS>
`

func TestParseReuters(t *testing.T) {
	got := ParseReuters(reutersSample)
	if len(got) != 2 {
		t.Fatalf("%d stories, want 2", len(got))
	}
	a := got[0]
	if a.NewID != 1 || a.Title != "BAHIA COCOA REVIEW" || !a.Date.Equal(time.Date(1987, 2, 26, 15, 1, 1, 0, time.UTC)) {
		t.Errorf("header: %+v", a)
	}
	want := "Showers continued throughout the week in the Bahia cocoa zone <BA>, Comissaria Smith said.\n\nThe dry period means the temporao will be late this year."
	if a.Body != want {
		t.Errorf("body %q, want %q", a.Body, want)
	}
	if got[1].Body != "" || !got[1].Date.IsZero() {
		t.Errorf("brief: %+v", got[1])
	}
}

func FuzzParseReuters(f *testing.F) {
	f.Add(reutersSample)
	f.Add(`<REUTERS NEWID="x"></REUTERS><REUTERS NEWID="3"><BODY>`)
	f.Add(`<REUTERS NEWID="`)
	f.Fuzz(func(t *testing.T, s string) {
		_ = ParseReuters(s)
	})
}

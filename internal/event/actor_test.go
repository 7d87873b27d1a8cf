package event

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/text"
)

// TestActorSpans checks the text of the actors each sentence's events
// name: the dossier's positions table shows these spans, so a name cut in
// half or two actors run together read as other actors. The sentences are
// invented (the names are the example corpus's kind of unknown names).
func TestActorSpans(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text       string
		sources, targets []string // actor texts as code=text, in order
	}{
		{"title runs into the name", "Prime Minister Anton Vasik accused the rebels of stalling.",
			[]string{"---GOV=Prime Minister Anton Vasik"}, []string{"---REB=rebels"}},
		{"lower-case title and name", "The rebels' spokesman Idris Malan demanded an end to air strikes.",
			[]string{"---REB=rebels' spokesman Idris Malan"}, nil},
		{"nationality the dictionaries lack", "The Varenian government rejected the proposal.",
			[]string{"---GOV=Varenian government"}, nil},
		{"role noun ends a name", "The Kessel Liberation Front rejected the truce offer.",
			[]string{"---REB=Kessel Liberation Front"}, nil},
		{"of-name and named conjunct", "The government of Varenia and the rebel Kessel Liberation Front agreed to hold talks.",
			[]string{"---GOV=government of Varenia", "---REB=rebel Kessel Liberation Front"}, nil},
		{"bare conjunct name", "The government and the Kessel Liberation Front signed a truce.",
			[]string{"---GOV=government", "---REB=Kessel Liberation Front"}, nil},
		{"another person with a known surname", "Opposition leader Friedrich Merz criticised the government.",
			[]string{"---OPP=Opposition leader Friedrich Merz"}, []string{"---GOV=government"}},
		{"coded coordination", "Qatar and Norway hosted the delegations.",
			[]string{"QAT=Qatar", "NOR=Norway"}, nil},
		{"prepositional aside is no subject", "The rebels, through spokesman Idris Malan, demanded an end to air strikes.",
			[]string{"---REB=rebels"}, nil},
		{"led-by modifier", "Vietnamese-led forces retook the village.", []string{"VNMMIL=Vietnamese-led forces"}, []string{"VNMCVL=village"}},
		{"backed modifier", "US-backed forces attacked the town.", []string{"USAMIL=US-backed forces"}, nil},
		{"infinitive shares the subject", "\"We did not come to these talks to sign a surrender,\" the rebel commander told reporters.",
			[]string{"---REB=rebel commander"}, nil},
		{"talks between, determiner", "The talks between Israel and Hamas stalled on Friday.",
			[]string{"ISR=Israel", "PSEREBHMS=Hamas"}, nil},
		{"counterpart takes the source's role", "The Egyptian foreign minister met his Jordanian counterpart in Amman.",
			[]string{"EGYGOV=Egyptian foreign minister"}, []string{"JORGOV=Jordanian counterpart"}},
		{"a group's leaders are the group", "Hamas leaders rejected the Israeli offer.",
			[]string{"PSEREBHMS=Hamas leaders"}, []string{"ISR=Israeli"}},
		{"of + gerund ends the target", "The Sri Lankan government accused Tamil Tiger rebels of using civilians as shields.",
			[]string{"LKAGOV=Sri Lankan government"}, []string{"LKAREB=Tamil Tiger rebels"}},
		{"off ends the target", "Somali pirates hijacked a Greek tanker off the coast of Yemen.",
			[]string{"SOMCRM=Somali pirates"}, []string{"GRCBUS=Greek tanker"}},
		{"protest: against names the target, the place the nationality", "Hundreds of students protested in Seoul against the government.",
			[]string{"KOREDU=students"}, []string{"KORGOV=government"}},
		{"passive agent in an event noun", "Two Israeli soldiers were wounded in a Hezbollah ambush.",
			[]string{"LBNREB=Hezbollah"}, []string{"ISRMIL=Israeli soldiers"}},
		{"reduced relative ends the target", "Kenyan police arrested a man suspected of planning attacks on US embassies.",
			[]string{"KENCOP=Kenyan police"}, []string{"---PPL=man"}},
		{"a place says whose role noun", "The UN will provide food aid to refugees fleeing the war in Liberia.",
			[]string{"IGOUNO=The UN"}, []string{"LBRREF=refugees"}},
		{"fighters of a known group", "Hezbollah fighters fired rockets into northern Israel.",
			[]string{"LBNREB=Hezbollah fighters"}, []string{"ISR=Israel"}},
		{"ethnic plural", "Thousands of Serbs demonstrated against the government.",
			[]string{"SRBCVL=Serbs"}, []string{"SRBGOV=government"}},
		{"venue of talks lends no nationality", "The Philippine government resumed peace talks with communist rebels in Oslo.",
			[]string{"PHLGOV=Philippine government"}, []string{"PHLREB=communist rebels"}},
		{"relative clause aside is no subject", "The Qatari minister, who arrived in Kabul on Sunday, urged the Taliban to reopen schools.",
			[]string{"QATGOV=Qatari minister"}, []string{"AFGREB=Taliban"}},
		{"turned down", "The Palestinian Authority turned down an Israeli offer to resume negotiations.",
			[]string{"PSEGOV=Palestinian Authority"}, []string{"ISR=Israeli"}},
		{"through a capital is where, not whom", "Thousands of South Koreans marched through Seoul.",
			[]string{"KORCVL=South Koreans"}, nil},
		{"spokesman for a group is the group", "A spokesman for the Afghan Taliban rejected the offer.",
			[]string{"AFGREB=spokesman for the Afghan Taliban"}, nil},
		{"leader of a country keeps the role", "The leader of Iran rejected the offer.",
			[]string{"IRNGOV=leader of Iran"}, nil},
		// a wire dateline names the place and the outlet, never an actor
		{"dateline outlet", "DOHA, March 13 (Northbridge Wire) - Varenian troops attacked Kessel rebels.",
			[]string{"---MIL=Varenian troops"}, []string{"---REB=Kessel rebels"}},
		{"dateline with country", "BELVAR, Varenia, March 12 (Northbridge Wire) - Qatar hosted the talks.",
			[]string{"QAT=Qatar"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			evs := analyse(t, c, tc.text)
			if len(evs) == 0 {
				t.Fatalf("%q: no event", tc.text)
			}
			var src, tgt []string
			for _, e := range evs {
				if e.Trigger != evs[0].Trigger {
					continue
				}
				src = appendUniq(src, e.Source.Code+"="+e.Source.Text)
				if e.Target != nil {
					tgt = appendUniq(tgt, e.Target.Code+"="+e.Target.Text)
				}
			}
			if diff := cmp.Diff(tc.sources, src); diff != "" {
				t.Errorf("%q sources (-want +got):\n%s", tc.text, diff)
			}
			if diff := cmp.Diff(tc.targets, tgt); diff != "" {
				t.Errorf("%q targets (-want +got):\n%s", tc.text, diff)
			}
			for _, e := range evs {
				if strings.Contains(e.Source.Text, "Northbridge") || e.Target != nil && strings.Contains(e.Target.Text, "Northbridge") {
					t.Errorf("the outlet of the dateline is an actor: %+v", e)
				}
			}
		})
	}
}

// TestDatelineLen covers the dateline shapes and prose that only looks
// like one.
func TestDatelineLen(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string // the first word after the dateline, "" for none
	}{
		{"DOHA, March 9 (Northbridge Wire) - The talks opened.", "The"},
		{"NEW YORK (Wire) -- Talks opened.", "Talks"},
		{"BELVAR, Varenia, March 12 (Northbridge Wire) - Shelling resumed.", "Shelling"},
		{"UN envoys met in Doha - and talks opened.", ""},
		{"NATO said on Monday - without details - that talks opened.", ""},
		{"Doha, March 9 - Talks opened.", ""},
	} {
		doc := &article.Doc{Article: &article.Article{Text: tc.text}}
		text.Analyse(doc)
		ws := words(doc, 0)
		n := datelineLen(tc.text, ws)
		got := ""
		if n > 0 && n < len(ws) {
			got = ws[n].span.Of(tc.text)
		}
		if got != tc.want {
			t.Errorf("datelineLen(%q) starts the clause at %q, want %q", tc.text, got, tc.want)
		}
	}
}

package compose

import (
	"context"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/internal/article"
)

// act describes one coded event of a one-sentence test article: the trigger
// word, the source actors ("text=CODE", "text" alone for uncoded,
// "text@key" or "text=CODE@key" linked to an entity) and the target actors.
type act struct {
	trigger, plover, code, date string
	sources, targets            []string
	negated                     bool
}

// eventSource builds a source whose analysis holds the given events, each
// coordinated actor coded as its own event the way the event stage does.
func eventSource(t *testing.T, id int64, outlet, date, text string, acts ...act) Source {
	t.Helper()
	a := &article.Article{ID: id, Source: outlet, Text: text, Published: day(date), Title: "t"}
	an := &article.Analysis{DocDate: &article.DocDate{Value: date, Source: "metadata"}}
	actor := func(spec string) article.Actor {
		spec, key, linked := strings.Cut(spec, "@")
		txt, code, _ := strings.Cut(spec, "=")
		i := strings.Index(text, txt)
		if i < 0 {
			t.Fatalf("actor %q not in %q", txt, text)
		}
		a := article.Actor{Text: txt, Span: article.Span{Start: i, End: i + len(txt)}, Code: code, Entity: -1}
		if linked {
			a.Entity = len(an.Entities)
			an.Entities = append(an.Entities, article.Entity{Key: key, Name: txt, Type: "ORG"})
		}
		return a
	}
	for _, x := range acts {
		i := strings.Index(text, x.trigger)
		if i < 0 {
			t.Fatalf("trigger %q not in %q", x.trigger, text)
		}
		ev := article.Event{Sentence: article.Span{Start: 0, End: len(text)},
			Trigger: article.Span{Start: i, End: i + len(x.trigger)}, Plover: x.plover, Code: x.code, Date: x.date,
			Negated: x.negated}
		var ts []*article.Actor
		for _, tg := range x.targets {
			a := actor(tg)
			ts = append(ts, &a)
		}
		if len(ts) == 0 {
			ts = []*article.Actor{nil}
		}
		for _, s := range x.sources {
			for _, tg := range ts {
				e := ev
				e.Source, e.Target = actor(s), tg
				an.Events = append(an.Events, e)
			}
		}
	}
	return Source{Article: a, Analysis: an, Member: Member{DupGroup: id, Canonical: id}}
}

func copyOf(s Source, canonical int64) Source {
	s.Member = Member{DupGroup: canonical, Canonical: canonical, Duplicate: true, Kind: "near"}
	return s
}

// asHeadline makes a one-sentence test article's text its headline.
func asHeadline(s Source) Source {
	n := len(s.Article.Text)
	s.Article.Structure = article.Structure{Blocks: []article.Block{{Kind: article.BlockHeadline,
		Span: article.Span{End: n}, Content: article.Span{End: n}, Section: -1}}}
	return s
}

func TestActorContradictions(t *testing.T) {
	rebels := func(id int64, date string) Source {
		return eventSource(t, id, "Wire A", date, "The rebels rejected the peace plan.",
			act{trigger: "rejected", plover: "REJECT", sources: []string{"The rebels=REB"}})
	}
	govt := func(id int64, date string) Source {
		return eventSource(t, id, "Paper B", date, "The government rejected the peace plan.",
			act{trigger: "rejected", plover: "REJECT", sources: []string{"The government=GOV"}})
	}
	tests := []struct {
		name    string
		sources []Source
		want    []string // slots flagged
	}{
		{"rebels against government, same day", []Source{rebels(1, "2026-03-12"), govt(2, "2026-03-12")},
			[]string{"who: REJECT plan"}},
		{"a day apart is one occasion", []Source{rebels(1, "2026-03-12"), govt(2, "2026-03-13")},
			[]string{"who: REJECT plan"}},
		{"stated dates agree though published apart", []Source{
			eventSource(t, 1, "Wire A", "2026-03-12", "The rebels rejected the peace plan on Thursday.",
				act{trigger: "rejected", plover: "REJECT", date: "2026-03-12", sources: []string{"The rebels=PSEREB"}}),
			eventSource(t, 2, "Paper B", "2026-03-20", "The government rejected the peace plan on March 12.",
				act{trigger: "rejected", plover: "REJECT", date: "2026-03-12", sources: []string{"The government=PSEGOV"}}),
		}, []string{"who: REJECT plan"}},
		{"headlines name no actors", []Source{
			asHeadline(eventSource(t, 1, "Wire A", "2026-03-12", "Valdmar port talks collapse as ship queue grows",
				act{trigger: "talks", plover: "CONSULT", code: "043", sources: []string{"Valdmar@place:valdmar"}})),
			asHeadline(eventSource(t, 2, "Paper B", "2026-03-12", "Estoria port strike strands 52 ships as talks break down",
				act{trigger: "talks", plover: "CONSULT", code: "043", sources: []string{"Estoria@place:estoria"}})),
		}, nil},
		{"the same words in the body still disagree", []Source{
			eventSource(t, 1, "Wire A", "2026-03-12", "Valdmar held talks with the union.",
				act{trigger: "held talks", plover: "CONSULT", code: "043", sources: []string{"Valdmar@place:valdmar"}}),
			eventSource(t, 2, "Paper B", "2026-03-12", "Estoria held talks with the union.",
				act{trigger: "held talks", plover: "CONSULT", code: "043", sources: []string{"Estoria@place:estoria"}}),
		}, []string{"who: CONSULT talks"}},
		{"same actor in both", []Source{rebels(1, "2026-03-12"), rebels(2, "2026-03-12")}, nil},
		{"country and its government are one actor", []Source{
			eventSource(t, 1, "Wire A", "2026-03-12", "Israel rejected the plan.",
				act{trigger: "rejected", plover: "REJECT", sources: []string{"Israel=ISR"}}),
			eventSource(t, 2, "Paper B", "2026-03-12", "The Israeli government rejected the plan.",
				act{trigger: "rejected", plover: "REJECT", sources: []string{"The Israeli government=ISRGOV"}}),
		}, nil},
		{"a subset of the actors", []Source{
			eventSource(t, 1, "Wire A", "2026-03-12", "Qatar and Norway will mediate the talks.",
				act{trigger: "mediate", plover: "CONSULT", code: "045", sources: []string{"Qatar=QAT", "Norway=NOR"}}),
			eventSource(t, 2, "Paper B", "2026-03-12", "Qatar will mediate the talks.",
				act{trigger: "mediate", plover: "CONSULT", code: "045", sources: []string{"Qatar=QAT"}}),
		}, nil},
		{"the intent to mediate names the parties as targets", []Source{
			eventSource(t, 1, "Wire A", "2026-03-12", "Qatar and Norway will mediate the talks between the government and the rebels.",
				act{trigger: "mediate", plover: "AGREE", code: "039", sources: []string{"Qatar=QAT", "Norway=NOR"},
					targets: []string{"the government=---GOV", "the rebels=---REB"}}),
			eventSource(t, 2, "Paper B", "2026-03-12", "Qatar will mediate the talks.",
				act{trigger: "mediate", plover: "AGREE", code: "039", sources: []string{"Qatar=QAT"}}),
		}, nil},
		{"mediating talks and agreeing to them are different acts", []Source{
			eventSource(t, 1, "Wire A", "2026-03-12", "Qatar will mediate the talks.",
				act{trigger: "mediate", plover: "AGREE", code: "039", sources: []string{"Qatar=QAT"}}),
			eventSource(t, 2, "Paper B", "2026-03-12", "The rebels agreed to the talks.",
				act{trigger: "agreed", plover: "AGREE", code: "030", sources: []string{"The rebels=---REB"}}),
		}, nil},
		{"a different mediator", []Source{
			eventSource(t, 1, "Wire A", "2026-03-12", "Qatar and Norway will mediate the talks.",
				act{trigger: "mediate", plover: "CONSULT", code: "045", sources: []string{"Qatar=QAT", "Norway=NOR"}}),
			eventSource(t, 2, "Paper B", "2026-03-12", "Egypt will mediate the talks.",
				act{trigger: "mediate", plover: "CONSULT", code: "045", sources: []string{"Egypt=EGY"}}),
		}, []string{"who: MEDIATE talks"}},
		{"mediators and parties are different roles", []Source{
			eventSource(t, 1, "Wire A", "2026-03-12", "Qatar will mediate the talks.",
				act{trigger: "mediate", plover: "CONSULT", code: "045", sources: []string{"Qatar=QAT"}}),
			eventSource(t, 2, "Paper B", "2026-03-12", "The government and the rebels will hold talks.",
				act{trigger: "hold talks", plover: "CONSULT", code: "043", sources: []string{"The government=---GOV", "the rebels=---REB"}}),
		}, nil},
		{"talks seen from either side", []Source{
			eventSource(t, 1, "Wire A", "2026-03-12", "The government met the rebels for talks.",
				act{trigger: "met", plover: "CONSULT", code: "043", sources: []string{"The government=---GOV"}, targets: []string{"the rebels=---REB"}}),
			eventSource(t, 2, "Paper B", "2026-03-12", "The rebels held talks with the government.",
				act{trigger: "held talks", plover: "CONSULT", code: "043", sources: []string{"The rebels=---REB"}, targets: []string{"the government=---GOV"}}),
		}, nil},
		{"an unplaced government against unplaced rebels", []Source{
			eventSource(t, 1, "Wire A", "2026-03-12", "The rebels rejected the peace plan.",
				act{trigger: "rejected", plover: "REJECT", sources: []string{"The rebels=---REB"}}),
			eventSource(t, 2, "Paper B", "2026-03-12", "The government rejected the peace plan.",
				act{trigger: "rejected", plover: "REJECT", sources: []string{"The government=---GOV"}}),
		}, []string{"who: REJECT plan"}},
		{"an unplaced government and the same government placed", []Source{
			eventSource(t, 1, "Wire A", "2026-03-12", "The government rejected the peace plan.",
				act{trigger: "rejected", plover: "REJECT", sources: []string{"The government=---GOV"}}),
			eventSource(t, 2, "Paper B", "2026-03-12", "The Varenian government rejected the peace plan.",
				act{trigger: "rejected", plover: "REJECT", sources: []string{"The Varenian government=VARGOV"}}),
		}, nil},
		{"a copy disagreeing", []Source{rebels(1, "2026-03-12"), copyOf(govt(2, "2026-03-12"), 1)}, nil},
		{"dates far apart", []Source{rebels(1, "2026-03-12"), govt(2, "2026-05-02")}, nil},
		{"stated dates far apart", []Source{
			eventSource(t, 1, "Wire A", "2026-03-20", "The rebels rejected the peace plan on March 2.",
				act{trigger: "rejected", plover: "REJECT", date: "2026-03-02", sources: []string{"The rebels=REB"}}),
			eventSource(t, 2, "Paper B", "2026-03-20", "The government rejected the peace plan on Friday.",
				act{trigger: "rejected", plover: "REJECT", date: "2026-03-20", sources: []string{"The government=GOV"}}),
		}, nil},
		{"uncoded entities told apart by key", []Source{
			eventSource(t, 1, "Wire A", "2026-03-12", "The KLF rejected the peace plan.",
				act{trigger: "rejected", plover: "REJECT", sources: []string{"The KLF@kessel liberation front"}}),
			eventSource(t, 2, "Paper B", "2026-03-12", "Varenia rejected the peace plan.",
				act{trigger: "rejected", plover: "REJECT", sources: []string{"Varenia@varenia"}}),
		}, []string{"who: REJECT plan"}},
		{"one entity under two names", []Source{
			eventSource(t, 1, "Wire A", "2026-03-12", "The KLF rejected the peace plan.",
				act{trigger: "rejected", plover: "REJECT", sources: []string{"The KLF@kessel liberation front"}}),
			eventSource(t, 2, "Paper B", "2026-03-12", "The Kessel Liberation Front rejected the peace plan.",
				act{trigger: "rejected", plover: "REJECT", sources: []string{"The Kessel Liberation Front@kessel liberation front"}}),
		}, nil},
		{"a coded actor against an uncoded entity", []Source{
			eventSource(t, 1, "Wire A", "2026-03-12", "The government rejected the peace plan.",
				act{trigger: "rejected", plover: "REJECT", sources: []string{"The government=---GOV@kessel liberation front"}}),
			eventSource(t, 2, "Paper B", "2026-03-12", "Varenia rejected the peace plan.",
				act{trigger: "rejected", plover: "REJECT", sources: []string{"Varenia@varenia"}}),
		}, nil},
		{"a pronoun actor", []Source{rebels(1, "2026-03-12"),
			eventSource(t, 2, "Paper B", "2026-03-12", "They rejected the peace plan.",
				act{trigger: "rejected", plover: "REJECT", sources: []string{"They=GOV"}})}, nil},
		{"an uncoded actor", []Source{rebels(1, "2026-03-12"),
			eventSource(t, 2, "Paper B", "2026-03-12", "Some officials rejected the peace plan.",
				act{trigger: "rejected", plover: "REJECT", sources: []string{"Some officials"}})}, nil},
		{"a negated act", []Source{rebels(1, "2026-03-12"),
			eventSource(t, 2, "Paper B", "2026-03-12", "The government did not reject the peace plan.",
				act{trigger: "reject", plover: "REJECT", negated: true, sources: []string{"The government=GOV"}})}, nil},
		{"different acts", []Source{rebels(1, "2026-03-12"),
			eventSource(t, 2, "Paper B", "2026-03-12", "The government accepted the peace plan.",
				act{trigger: "accepted", plover: "AGREE", sources: []string{"The government=GOV"}})}, nil},
		{"the same act about different things", []Source{rebels(1, "2026-03-12"),
			eventSource(t, 2, "Paper B", "2026-03-12", "The government rejected the sanctions.",
				act{trigger: "rejected", plover: "REJECT", sources: []string{"The government=GOV"}})}, nil},
		{"an act about no named thing", []Source{
			eventSource(t, 1, "Wire A", "2026-03-12", "The rebels attacked Kidal.",
				act{trigger: "attacked", plover: "ASSAULT", sources: []string{"The rebels=REB"}}),
			eventSource(t, 2, "Paper B", "2026-03-12", "The army attacked Kidal.",
				act{trigger: "attacked", plover: "ASSAULT", sources: []string{"The army=MIL"}}),
		}, nil},
		{"the same actor, another target", []Source{
			eventSource(t, 1, "Wire A", "2026-03-12", "Russia imposed sanctions on Iran.",
				act{trigger: "imposed", plover: "SANCTION", sources: []string{"Russia=RUS"}, targets: []string{"Iran=IRN"}}),
			eventSource(t, 2, "Paper B", "2026-03-12", "Russia imposed sanctions on Iraq.",
				act{trigger: "imposed", plover: "SANCTION", sources: []string{"Russia=RUS"}, targets: []string{"Iraq=IRQ"}}),
		}, []string{"whom: SANCTION sanctions"}},
		{"the same actor, one target unnamed", []Source{
			eventSource(t, 1, "Wire A", "2026-03-12", "Russia imposed sanctions on Iran.",
				act{trigger: "imposed", plover: "SANCTION", sources: []string{"Russia=RUS"}, targets: []string{"Iran=IRN"}}),
			eventSource(t, 2, "Paper B", "2026-03-12", "Russia imposed sanctions.",
				act{trigger: "imposed", plover: "SANCTION", sources: []string{"Russia=RUS"}}),
		}, nil},
		{"no named actor, different targets", []Source{
			eventSource(t, 1, "Wire A", "2026-03-12", "Officials imposed sanctions on Iran.",
				act{trigger: "imposed", plover: "SANCTION", sources: []string{"Officials"}, targets: []string{"Iran=IRN"}}),
			eventSource(t, 2, "Paper B", "2026-03-12", "Officials imposed sanctions on Iraq.",
				act{trigger: "imposed", plover: "SANCTION", sources: []string{"Officials"}, targets: []string{"Iraq=IRQ"}}),
		}, nil},
		{"an agreement is mutual", []Source{
			eventSource(t, 1, "Wire A", "2026-03-12", "Israel signed the agreement with Egypt.",
				act{trigger: "signed", plover: "AGREE", sources: []string{"Israel=ISR"}, targets: []string{"Egypt=EGY"}}),
			eventSource(t, 2, "Paper B", "2026-03-12", "Egypt signed the agreement.",
				act{trigger: "signed", plover: "AGREE", sources: []string{"Egypt=EGY"}}),
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Build(context.Background(), Input{Sources: tt.sources})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range d.Contradictions {
				if c.Kind != ConflictActor {
					continue
				}
				got = append(got, c.Slot)
				if len(c.Claims) < 2 || c.Explain == "" {
					t.Errorf("thin contradiction: %+v", c)
				}
				for _, cl := range c.Claims {
					src := tt.sources[cl.Citation.Article-1].Article.Text
					if cl.Value == "" || cl.Citation.Text == "" || cl.Citation.Span.Of(src) != cl.Citation.Text {
						t.Errorf("claim %+v does not cite its article", cl)
					}
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("flagged %q, want %q", got, tt.want)
			}
		})
	}
}

func TestActorContradictionValues(t *testing.T) {
	in := Input{Sources: []Source{
		eventSource(t, 1, "Wire A", "2026-03-12", "The rebels rejected the peace plan.",
			act{trigger: "rejected", plover: "REJECT", sources: []string{"The rebels=REB"}}),
		eventSource(t, 2, "Paper B", "2026-03-12", "The government rejected the peace plan.",
			act{trigger: "rejected", plover: "REJECT", sources: []string{"The government=GOV"}}),
	}}
	d, err := Build(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range d.Contradictions {
		if c.Kind != ConflictActor {
			continue
		}
		if len(c.Claims) != 2 || c.Claims[0].Value != "The rebels" || c.Claims[0].Source != "Wire A" ||
			c.Claims[1].Value != "The government" || c.Claims[1].Source != "Paper B" {
			t.Errorf("claims %+v", c.Claims)
		}
		if !strings.Contains(c.Explain, "The government vs The rebels") {
			t.Errorf("explain %q", c.Explain)
		}
		return
	}
	t.Errorf("no actor contradiction in %+v", d.Contradictions)
}

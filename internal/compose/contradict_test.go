package compose

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
)

// Two sources giving a person different titles contradict each other, but a
// generic "head" or "chief" is what any leading title is, and one title
// naming the other is no disagreement either.
func TestCompatibleTitles(t *testing.T) {
	cases := []struct {
		titles []string
		want   bool
	}{
		{[]string{"chair", "head"}, true},
		{[]string{"director", "chief", "director"}, true},
		{[]string{"foreign minister", "minister"}, true},
		{[]string{"foreign minister", "finance minister"}, false},
		{[]string{"chair", "spokesperson"}, false},
		{[]string{"head", "spokesperson", "chair"}, false},
	}
	for _, c := range cases {
		var cs []claimAt
		for _, v := range c.titles {
			cs = append(cs, claimAt{value: v})
		}
		if got := compatibleTitles(cs); got != c.want {
			t.Errorf("compatibleTitles(%q) = %v, want %v", c.titles, got, c.want)
		}
	}
}

// Sources that put one margin (of votes, seats, points) at different exact
// figures around the same day disagree; a margin that changed over a week
// (a recount) or a hedged figure ("about 11,000") does not.
func TestMarginContradictions(t *testing.T) {
	tests := []struct {
		name    string
		sources []Source
		want    bool
	}{
		{"the same count, two figures", []Source{
			source(1, "Wire A", "2025-05-09", "The board said on Friday that the governor's margin of victory was 1,204 votes after the recount."),
			source(2, "Paper B", "2025-05-10", "After the recount the board put the governor's margin at 1,420 votes."),
		}, true},
		{"the same figure", []Source{
			source(1, "Wire A", "2025-05-09", "The board said on Friday that the governor's margin was 1,204 votes."),
			source(2, "Paper B", "2025-05-10", "The recount left the governor with a lead of 1,204 votes."),
		}, false},
		{"a margin that changed over a week", []Source{
			source(1, "Wire A", "2025-05-02", "The first count gave the governor a margin of 5,310 votes."),
			source(2, "Paper B", "2025-05-10", "The recount cut the governor's lead to 1,204 votes."),
		}, false},
		{"a hedged figure", []Source{
			source(1, "Wire A", "2025-05-09", "The governor won by a margin of 11,402 votes."),
			source(2, "Paper B", "2025-05-09", "The governor won with a lead of about 11,400 votes."),
		}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Build(context.Background(), Input{StoryID: 1, Sources: tc.sources})
			if err != nil {
				t.Fatal(err)
			}
			got := false
			for _, c := range d.Contradictions {
				if c.Kind == ConflictNumber {
					got = true
				}
			}
			if got != tc.want {
				t.Errorf("number contradiction = %v, want %v: %+v", got, tc.want, d.Contradictions)
			}
		})
	}
}

// The Markdown dossier counts in the singular when there is one, and says
// so when no position was found rather than printing an empty table.
func TestMarkdownCounts(t *testing.T) {
	d, err := Build(context.Background(), Input{StoryID: 3, Sources: []Source{
		source(1, "Wire A", "2025-05-09", "The storm reached the coast on Friday."),
	}})
	if err != nil {
		t.Fatal(err)
	}
	d.Actors = []Actor{{Name: "Ana Lopez", Type: "PER", Mentions: 1}}
	var m bytes.Buffer
	if err := WriteMarkdown(&m, d); err != nil {
		t.Fatal(err)
	}
	out := m.String()
	for _, want := range []string{"1 article.", "(PER, 1 mention)", "No positions found."} {
		if !strings.Contains(out, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "| actor | issue |") {
		t.Errorf("Markdown prints an empty positions table:\n%s", out)
	}
}

// A timeline entry reads as the event, without the wire dateline that opens
// the article's first sentence (the citation keeps the sentence whole).
func TestTimelineWithoutDateline(t *testing.T) {
	d, err := Build(context.Background(), Input{StoryID: 1, Sources: []Source{
		source(1, "Wire A", "2025-05-09", "PORTHAVEN, May 9 (Wire A) - The dockers' strike ended on Friday after a pay deal."),
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Timeline) == 0 {
		t.Fatal("no timeline")
	}
	e := d.Timeline[0]
	if want := "The dockers' strike ended on Friday after a pay deal."; e.Description != want {
		t.Errorf("description = %q, want %q", e.Description, want)
	}
	if len(e.Citations) == 0 || !strings.HasPrefix(e.Citations[0].Text, "PORTHAVEN") {
		t.Errorf("citation = %+v, want the whole sentence", e.Citations)
	}
}

// A stance taken in the story's background (a sentence dated years before
// its first report) is history, not a position in the story.
func TestPositionsLeaveOutBackground(t *testing.T) {
	d, err := Build(context.Background(), Input{StoryID: 1, Sources: []Source{
		source(1, "Wire A", "2025-05-09", "Prime Minister Ana Lopez welcomed the deal on Friday. President Omar Diallo welcomed a similar deal in 2009."),
	}})
	if err != nil {
		t.Fatal(err)
	}
	var actors []string
	for _, p := range d.Positions {
		actors = append(actors, p.Actor)
	}
	if fmt.Sprint(actors) != "[Ana Lopez]" {
		t.Errorf("positions held by %v, want [Ana Lopez]: %+v", actors, d.Positions)
	}
}

// Sources that give one exchange different counts of people to be freed
// within two days disagree; a later phase ("the first group of 60") and a
// hedged count do not.
func TestReleaseCountContradictions(t *testing.T) {
	tests := []struct {
		name    string
		sources []Source
		want    bool
	}{
		{"two counts of one swap", []Source{
			source(1, "Wire A", "2025-06-02", "The militia will free nine hostages in exchange for 120 prisoners, mediators said on Monday."),
			source(2, "Paper B", "2025-06-03", "Nine hostages will be freed on Thursday in exchange for 150 prisoners, officials said."),
		}, true},
		{"one count in words and digits", []Source{
			source(1, "Wire A", "2025-06-02", "The militia agreed to release fourteen hostages, mediators said on Monday."),
			source(2, "Paper B", "2025-06-03", "The militia will release 14 hostages on Thursday, officials said."),
		}, false},
		{"a phase of the release", []Source{
			source(1, "Wire A", "2025-06-02", "The government will free 120 prisoners in return, mediators said on Monday."),
			source(2, "Paper B", "2025-06-03", "The government released the first group of 60 prisoners on Tuesday."),
		}, false},
		{"a hedged count", []Source{
			source(1, "Wire A", "2025-06-02", "The government will free 120 prisoners in return, mediators said on Monday."),
			source(2, "Paper B", "2025-06-03", "The government will release about 100 prisoners, officials said."),
		}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Build(context.Background(), Input{StoryID: 1, Sources: tc.sources})
			if err != nil {
				t.Fatal(err)
			}
			got := false
			for _, c := range d.Contradictions {
				if c.Kind == ConflictNumber {
					got = true
				}
			}
			if got != tc.want {
				t.Errorf("number contradiction = %v, want %v: %+v", got, tc.want, d.Contradictions)
			}
		})
	}
}

// A meeting takes no stance: a consulting actor's neutral position needs an
// issue the sentence names, not whatever object the sources share ("hosted
// delegations from both sides" is no position on "sides").
func TestNeutralPositionNeedsIssue(t *testing.T) {
	d, err := Build(context.Background(), Input{StoryID: 1, Sources: []Source{
		eventSource(t, 1, "Wire A", "2025-06-02", "Rashad hosted delegations from both sides in Cairo.",
			act{trigger: "hosted", plover: "CONSULT", sources: []string{"Rashad=EGYGOV"}}),
		eventSource(t, 2, "Paper B", "2025-06-03", "Rashad met envoys from both sides.",
			act{trigger: "met", plover: "CONSULT", sources: []string{"Rashad=EGYGOV"}}),
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range d.Positions {
		if p.Stance == Neutral {
			t.Errorf("neutral position on %q: %+v", p.Issue, p)
		}
	}
}

package compose

import "testing"

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

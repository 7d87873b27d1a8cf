package quote

import "testing"

// TestAgentive covers the fallback for sentences without a speech pattern:
// an agent's stance toward content, and the guards that keep nouns, passives
// and non-agents out.
func TestAgentive(t *testing.T) {
	tests := []struct {
		name                  string
		text                  string
		speaker, cue, content string // "" speaker: no quote expected
	}{
		{"judgement verb", "Trump openly admires Russian President Vladimir Putin as a strong leader.",
			"Trump", "openly admires", "Russian President Vladimir Putin as a strong leader"},
		{"auxiliaries and a particle", "Senate Minority Leader Harry Reid has been steadily pounding on the nominee.",
			"Senate Minority Leader Harry Reid", "has been steadily pounding on", "the nominee"},
		{"agent noun subject", "The campaign has publicly signaled willingness to change the law.",
			"The campaign", "has publicly signaled", "willingness to change the law"},
		{"pronoun and characterisation", "He repeatedly linked cybersecurity to the private email server.",
			"He", "repeatedly linked", "cybersecurity to the private email server"},
		{"plural subject, base form", "Many voters doubt the polls this year.",
			"Many voters", "doubt", "the polls this year"},
		{"participle after a comma", "Clinton spoke in Ohio, comparing him to Romney.",
			"Clinton", "comparing", "him to Romney"},
		{"attitude adjective", "Graham has been critical of the nominee since the primary.",
			"Graham", "has been critical of", "the nominee since the primary"},
		{"catenative before the stance verb", "Caddell went on to discuss recently released polls.",
			"Caddell", "went on to discuss", "recently released polls"},
		{"nominal cue with a possessor", "Donald Trump’s claim that crime had doubled drew scorn.",
			"Donald Trump’s", "claim", "that crime had doubled drew scorn"},
		{"a nominal cue needs a that-clause", "Donald Trump’s claims about crime drew scorn.", "", "", ""},
		{"title-case headline", "Black Lawmakers Rip Donald Trump As A Disgusting Fraud",
			"Black Lawmakers", "Rip", "Donald Trump As A Disgusting Fraud"},
		{"headline base form needs a plural", "Clinton Plan For Taxes Is Expansive But Complex", "", "", ""},
		{"opening participle", "Bemoaning the rigged system, Trump left the stage.",
			"Trump", "Bemoaning", "the rigged system"},
		{"an opening participle needs content", "Speaking to students in Philadelphia, Biden lauded the plan.",
			"Biden", "lauded", "the plan"},
		{"object of a causative", "All this has led the journalist Dainis Ivans to fear a new pact.",
			"the journalist Dainis Ivans", "to fear", "a new pact"},
		{"object of a causative past an appositive", "The senator forced Stumpf, who was under questioning, to admit that nobody was fired.",
			"Stumpf", "to admit", "that nobody was fired"},
		{"a stance passive with its agent", "The plan was widely lauded by economists.",
			"economists", "was widely lauded", "The plan was widely lauded by economists"},
		{"gerund after its governing verb", "Trump avoids condemning the invasion of Ukraine.",
			"Trump", "avoids condemning", "the invasion of Ukraine"},
		{"gerund after by", "She started off by emphasizing economic fairness.",
			"She", "started off by emphasizing", "economic fairness"},
		{"coordinated with or", "The government reversed the rules or declined to appeal the ruling.",
			"The government", "declined", "to appeal the ruling"},
		{"responded by doing", "Trump responded by using the example of Chicago.",
			"Trump", "responded", "by using the example of Chicago"},
		{"a participle after an adverb and a comma", "Her aides were also pleased, perhaps recognizing that imitation is flattery.",
			"Her aides", "perhaps recognizing", "that imitation is flattery"},
		{"a base form agrees with the head of its subject", "Other members of Congress echo her concerns about the program.",
			"Other members of Congress", "echo", "her concerns about the program"},
		{"a parenthetical before the that-clause", "Several experts cautioned, as did the campaign itself, that the plan might change.",
			"Several experts", "cautioned", "that the plan might change"},
		{"a gerund before a modal heads the subject", "The eventual appeals court ruling could decide the case.", "", "", ""},
		{"a stance only with its particle", "Clinton laid out her proposals to expand national service.",
			"Clinton", "laid out", "her proposals to expand national service"},
		{"the particle is needed", "Workers laid bricks on the site.", "", "", ""},
		{"a noun after a name is no verb", "The CNBC debate drew record ratings.", "", "", ""},
		{"a possessive makes a noun", "Trump’s plan drew criticism.", "", "", ""},
		{"a base form after a singular name is a noun", "Clinton debate prep ran late.", "", "", ""},
		{"a thing is no agent", "The storm signaled the end of summer.", "", "", ""},
		{"an adjunct is no content", "The president spoke in a cottage on the base.", "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := extractText(tc.text)
			if tc.speaker == "" {
				if len(got) != 0 {
					t.Fatalf("got %s, want none", describe(tc.text, got))
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("got %d quotes %s, want 1", len(got), describe(tc.text, got))
			}
			q := got[0]
			if q.Speaker == nil || q.Speaker.Of(tc.text) != tc.speaker {
				t.Errorf("speaker: got %s, want %q", describe(tc.text, got), tc.speaker)
			}
			if q.Cue == nil || q.Cue.Of(tc.text) != tc.cue {
				t.Errorf("cue: got %q, want %q", q.Cue.Of(tc.text), tc.cue)
			}
			if c := q.Content.Of(tc.text); c != tc.content {
				t.Errorf("content = %q, want %q", c, tc.content)
			}
			if q.Direct || q.Confidence > agentiveConfidence {
				t.Errorf("direct %v confidence %v, want indirect at most %v", q.Direct, q.Confidence, agentiveConfidence)
			}
		})
	}
}

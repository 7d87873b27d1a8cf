package article

// Quote is one attributed (or unattributed) piece of reported speech.
type Quote struct {
	Content Span `json:"content"`
	// Speaker is the source span; nil when the quote is unattributed.
	Speaker *Span `json:"speaker,omitempty"`
	// SpeakerEntity indexes Analysis.Entities, -1 when not resolved.
	SpeakerEntity int    `json:"speaker_entity"`
	SpeakerName   string `json:"speaker_name,omitempty"`
	Cue           *Span  `json:"cue,omitempty"`
	CueVerb       string `json:"cue_verb,omitempty"` // lemma: "say", "tell", "according to"
	Direct        bool   `json:"direct"`             // in quotation marks
	Partial       bool   `json:"partial,omitempty"`  // a quoted fragment inside a sentence
	Scare         bool   `json:"scare,omitempty"`    // a single quoted word or phrase
	// Stance marks an attribution of a stance or act rather than of words
	// ("Graham has been critical of Trump", "Trump openly admires Putin"):
	// attribution corpora count these, but nobody said the content.
	Stance     bool    `json:"stance,omitempty"`
	Confidence float64 `json:"confidence"`
}

package article

// Actor is one side of a coded event.
type Actor struct {
	Text   string `json:"text"`
	Span   Span   `json:"span"`
	Code   string `json:"code,omitempty"` // CAMEO actor code, e.g. "USAGOV", "PSEREB", "IGOUNO"
	Entity int    `json:"entity"`         // index into Analysis.Entities, -1 when none
}

// Event is one who-did-what-to-whom record from one sentence.
type Event struct {
	Sentence Span   `json:"sentence"`
	Trigger  Span   `json:"trigger"`
	Source   Actor  `json:"source"`
	Target   *Actor `json:"target,omitempty"`
	Plover   string `json:"plover"`         // PLOVER category: CONSULT, AGREE, ASSAULT, …
	Cameo    string `json:"cameo"`          // CAMEO root code, two digits: "04"
	Code     string `json:"code,omitempty"` // full CAMEO event code when finer than the root: "042", "1712"
	Location string `json:"location,omitempty"`
	Date     string `json:"date,omitempty"` // TimeML value when a date is stated
	Negated  bool   `json:"negated,omitempty"`
}

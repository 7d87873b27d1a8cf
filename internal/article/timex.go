package article

// Timex is a TimeML TIMEX3 time expression with its normalised value.
type Timex struct {
	Span  Span   `json:"span"`
	Text  string `json:"text"`
	Type  string `json:"type"`  // DATE, TIME, DURATION, SET
	Value string `json:"value"` // TimeML value: 2021-06-14, 2022-10, 2025-W28, P6M, PRESENT_REF, …
	Mod   string `json:"mod,omitempty"`
	// Anchor says what a relative expression was resolved against: "dct", "timex:N" (index
	// into Analysis.Timexes), or "" for absolute expressions.
	Anchor string `json:"anchor,omitempty"`
}

// DocDate is the article's own date (document creation time) and how it was
// established. An article with no date has Value "" and says why in Reason.
type DocDate struct {
	Value      string  `json:"value"`  // TimeML date value, "" when unknown
	Source     string  `json:"source"` // "metadata", "json", "feed", "html", "sgml", "inferred", "none"
	Confidence float64 `json:"confidence"`
	Reason     string  `json:"reason,omitempty"`
}

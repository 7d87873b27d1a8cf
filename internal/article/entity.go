package article

// Entity types. CoNLL-2003 labels, with GPE as the finer split of LOC for
// countries, cities and states (GPE counts as LOC when scored against CoNLL).
const (
	PER  = "PER"
	ORG  = "ORG"
	LOC  = "LOC"
	GPE  = "GPE"
	MISC = "MISC"
)

// Mention is one occurrence of a named entity (or a resolved short form,
// title or pronoun) in the text.
type Mention struct {
	Span Span   `json:"span"`
	Text string `json:"text"`
	Type string `json:"type"`
	// Kind is "name" for a proper name, "title" for a role noun phrase
	// ("the Chancellor"), "pronoun" for a resolved pronoun.
	Kind string `json:"kind,omitempty"`
	// Entity indexes Analysis.Entities: the in-article entity it resolves to, -1 when unresolved.
	Entity int   `json:"entity"`
	Role   *Role `json:"role,omitempty"`
}

// Role is a title or function attached to a person mention: "German
// Chancellor", "then-Secretary of State", "UN special envoy".
type Role struct {
	Title   string `json:"title"`             // normalised title: "chancellor", "foreign minister"
	Span    Span   `json:"span"`              // the words of the title in the text
	Country string `json:"country,omitempty"` // ISO 3166 alpha-3 of the role's country, when known
	Org     string `json:"org,omitempty"`     // organisation of the role ("UN", "White House")
	// Status is the role's time status: "current", "former", "then", "acting", "designate".
	Status string `json:"status,omitempty"`
}

// Entity is one real-world entity as seen in one article: the mentions that
// resolve to it, its canonical name and its roles. Key is the cross-article
// identity (the same Key in two articles is the same entity).
type Entity struct {
	Key      string `json:"key"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Mentions []int  `json:"mentions"` // indexes into Analysis.Mentions
	Roles    []Role `json:"roles,omitempty"`
	Country  string `json:"country,omitempty"` // ISO alpha-3 for countries and national bodies
}

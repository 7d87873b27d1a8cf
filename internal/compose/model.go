package compose

import (
	"strings"
	"time"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/entity"
)

// Input is what Build needs: the articles of one story (or of every story of
// a storyline) with their analyses and story-layer membership. The caller
// loads them; compose never reads a store.
type Input struct {
	StoryID  int64
	Headline string
	Sources  []Source
	// Offices is the office-holder table used to find anachronistic titles;
	// nil means the built-in table.
	Offices *Offices
}

// Source is one article of the story.
type Source struct {
	Article  *article.Article
	Analysis *article.Analysis // nil: analysed here (text and time layers only)
	Member   Member
}

// Member mirrors the story layer's membership of an article: which duplicate
// group it belongs to and whether it is a copy or rewrite of the canonical
// member.
type Member struct {
	DupGroup  int64  `json:"dup_group"`
	Canonical int64  `json:"canonical"`
	Duplicate bool   `json:"duplicate"`
	Kind      string `json:"kind,omitempty"` // "exact", "near", "rewrite"
}

// Dossier is the composed report on one story. The JSON form is the contract
// with the server and the web UI.
type Dossier struct {
	StoryID        int64           `json:"story_id"`
	Headline       string          `json:"headline"`
	First          string          `json:"first,omitempty"` // earliest publication date, YYYY-MM-DD
	Last           string          `json:"last,omitempty"`
	Articles       []ArticleRef    `json:"articles"`
	Summary        []SummaryLine   `json:"summary"`
	Timeline       []TimelineEntry `json:"timeline"`
	Actors         []Actor         `json:"actors"`
	Positions      []Position      `json:"positions"`
	Quotes         []SpeakerQuotes `json:"quotes"`
	Comparison     Comparison      `json:"comparison"`
	Contradictions []Contradiction `json:"contradictions"`
}

// ArticleRef identifies a source article.
type ArticleRef struct {
	ID        int64  `json:"id"`
	Title     string `json:"title"`
	Source    string `json:"source"` // outlet, "unknown" when none
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
	Duplicate bool   `json:"duplicate,omitempty"`
	Canonical int64  `json:"canonical,omitempty"`
}

// Citation points at one sentence of one article.
type Citation struct {
	Article int64        `json:"article"`
	Span    article.Span `json:"span"`
	Text    string       `json:"text"`
}

// SummaryLine is one sentence of the summary with every article that
// reports it (the sentence itself is taken from the first).
type SummaryLine struct {
	Text      string     `json:"text"`
	Citations []Citation `json:"citations"`
}

// Date precisions of a timeline entry.
const (
	PrecisionDay    = "day"
	PrecisionWeek   = "week"
	PrecisionMonth  = "month"
	PrecisionYear   = "year"
	PrecisionApprox = "approximate"
)

// TimelineEntry is one dated event and every sentence that reports it.
type TimelineEntry struct {
	Date        string     `json:"date"`      // TimeML value: 2026-03-12, 2026-03, 2026-W10, 2024
	Precision   string     `json:"precision"` // day, week, month, year, approximate
	Start       string     `json:"start"`     // first day the date covers, for sorting and charts
	Description string     `json:"description"`
	Background  bool       `json:"background,omitempty"` // recalled by a later article, before the story began
	Planned     bool       `json:"planned,omitempty"`    // announced ahead: every report was published before the date
	Sources     []string   `json:"sources"`
	Citations   []Citation `json:"citations"`
}

// Gist is the entry's description shortened to its first words, without a
// wire dateline: what a coverage row names, so a reader sees what each
// source reports or leaves out.
func (e TimelineEntry) Gist() string {
	ws := strings.Fields(withoutDateline(e.Description))
	if len(ws) > gistWords {
		return strings.Join(ws[:gistWords], " ") + " …"
	}
	return strings.Join(ws, " ")
}

// gistWords is how many words of a timeline entry Gist keeps.
const gistWords = 12

// Actor is a person, organisation or place of the story.
type Actor struct {
	Key      string         `json:"key"`
	Name     string         `json:"name"`
	Type     string         `json:"type"`
	Roles    []ActorRole    `json:"roles,omitempty"`
	Mentions int            `json:"mentions"`
	BySource map[string]int `json:"by_source"`
}

// RoleLabels are the actor's roles as a reader names them, each once
// however many articles give it: status (but "current"), title, and the
// country of the role when an article names it ("former chancellor",
// "president (Ukraine)").
func (a Actor) RoleLabels() []string {
	var out []string
	at := map[string]int{}
	for _, r := range a.Roles {
		l := r.Title
		if r.Status != "" && r.Status != "current" {
			l = r.Status + " " + l
		}
		i, ok := at[l]
		if !ok {
			i = len(out)
			at[l] = i
			out = append(out, l)
		}
		if r.Country != "" && !strings.HasSuffix(out[i], ")") {
			out[i] += " (" + CountryName(r.Country) + ")"
		}
	}
	return out
}

// CountryName is the gazetteer's name of an ISO country code ("QAT" ->
// "Qatar"), or the code when the gazetteer does not know it.
func CountryName(code string) string {
	if c, ok := entity.Default().CountryByCode(code); ok {
		return c.Name
	}
	return code
}

// ActorRole is a title an actor holds in the story's sources.
type ActorRole struct {
	Title   string `json:"title"`
	Country string `json:"country,omitempty"`
	Org     string `json:"org,omitempty"`
	Status  string `json:"status,omitempty"`
	Article int64  `json:"article"`
}

// Stances of a position.
const (
	Supports = "supports"
	Opposes  = "opposes"
	Mediates = "mediates"
	Neutral  = "neutral"
)

// Position is an actor's stance on one issue with its evidence.
type Position struct {
	Actor    string     `json:"actor"`
	ActorKey string     `json:"actor_key,omitempty"`
	Issue    string     `json:"issue"`
	Stance   string     `json:"stance"`
	Evidence []Citation `json:"evidence"`
}

// SpeakerQuotes groups what one speaker said.
type SpeakerQuotes struct {
	Speaker string       `json:"speaker"`
	Key     string       `json:"key,omitempty"`
	Quotes  []QuoteEntry `json:"quotes"`
}

// QuoteEntry is one quote and its article.
type QuoteEntry struct {
	Text    string       `json:"text"`
	Direct  bool         `json:"direct"`
	Article int64        `json:"article"`
	Source  string       `json:"source"`
	Span    article.Span `json:"span"`
}

// Comparison sets the sources side by side.
type Comparison struct {
	Sources  []string       `json:"sources"`
	Coverage []CoverageRow  `json:"coverage"` // one row per timeline entry
	Unique   []UniqueFact   `json:"unique"`   // entries only one source reports
	Rewrites []RewriteGroup `json:"rewrites"`
	Opinion  []OpinionShare `json:"opinion"`
}

// CoverageRow says which sources report one timeline entry.
type CoverageRow struct {
	Entry   int     `json:"entry"` // index into Dossier.Timeline
	Date    string  `json:"date"`
	Reports []int64 `json:"reports"` // per source (same order as Comparison.Sources): an article ID, 0 when the source does not report it
}

// UniqueFact is a timeline entry only one source reports.
type UniqueFact struct {
	Entry  int    `json:"entry"`
	Source string `json:"source"`
}

// RewriteGroup is a canonical article and its copies or rewrites.
type RewriteGroup struct {
	Canonical int64    `json:"canonical"`
	Members   []int64  `json:"members"`
	Kinds     []string `json:"kinds"`
}

// OpinionShare is how much of a source's text is commentary or analysis.
type OpinionShare struct {
	Source       string  `json:"source"`
	OpinionBytes int     `json:"opinion_bytes"`
	BodyBytes    int     `json:"body_bytes"`
	Share        float64 `json:"share"`
}

// Kinds of contradiction.
const (
	ConflictDate        = "date"
	ConflictNumber      = "number"
	ConflictRole        = "role"
	ConflictAnachronism = "anachronism"
)

// Contradiction is one slot that the sources fill differently, or a title
// that does not fit the article's date.
type Contradiction struct {
	Kind    string  `json:"kind"`
	Slot    string  `json:"slot"` // what disagrees: "talks open", "ceasefire length in days", "Anton Vasik's title"
	Claims  []Claim `json:"claims"`
	Explain string  `json:"explain"`
}

// Claim is one value of a contradicted slot with its citation.
type Claim struct {
	Value    string   `json:"value"`
	Source   string   `json:"source"`
	Citation Citation `json:"citation"`
}

// dayOf formats a date as YYYY-MM-DD, "" for the zero time.
func dayOf(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

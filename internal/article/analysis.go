package article

// Token is one word or punctuation token of Article.Text.
type Token struct {
	Span Span   `json:"span"`
	Text string `json:"text"`
}

// Sentence is one sentence; Tokens index into Doc.Tokens as [TokStart, TokEnd).
type Sentence struct {
	Span     Span `json:"span"`
	TokStart int  `json:"tok_start"`
	TokEnd   int  `json:"tok_end"`
	Block    int  `json:"block"` // index into Structure.Blocks, -1 when unknown
}

// Doc is the working set of one article while the pipeline analyses it: the
// article, its text layer (shared by all stages so text is tokenised once) and
// the analysis the stages fill in.
type Doc struct {
	Article   *Article
	Tokens    []Token
	Sentences []Sentence
	Analysis  Analysis
}

// SentenceTokens returns the tokens of sentence i.
func (d *Doc) SentenceTokens(i int) []Token {
	s := d.Sentences[i]
	return d.Tokens[s.TokStart:s.TokEnd]
}

// SentenceAt returns the index of the sentence holding byte offset off, or -1.
func (d *Doc) SentenceAt(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Sentences[m].Span.End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.Sentences) && d.Sentences[lo].Span.Start <= off {
		return lo
	}
	return -1
}

// Analysis is everything the per-article stages extract. It is stored as one
// record per article, tagged with the version of the pipeline that made it, so
// analysis can be re-run when models change without touching the raw article.
type Analysis struct {
	Version   string    `json:"version"`
	Sentences []Span    `json:"sentences,omitempty"`
	DocDate   *DocDate  `json:"doc_date,omitempty"`
	Mentions  []Mention `json:"mentions,omitempty"`
	Entities  []Entity  `json:"entities,omitempty"`
	Timexes   []Timex   `json:"timexes,omitempty"`
	Quotes    []Quote   `json:"quotes,omitempty"`
	Events    []Event   `json:"events,omitempty"`
}

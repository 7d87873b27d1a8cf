package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/jdkato/prose/v2"
	"github.com/spf13/cobra"

	"github.com/dossier-news/dossier/internal/ner"
)

type evalNEROptions struct {
	evalFlags
	format  string
	model   string
	noProse bool
}

// newEvalNERCmd is "dossier eval ner": exact-span P/R/F1 of the entity tagger
// on CoNLL-2003 or MEANTIME, side by side with prose v2's tagger.
func newEvalNERCmd(g *globalOptions) *cobra.Command {
	var o evalNEROptions
	cmd := &cobra.Command{
		Use:   "ner --data FILE|DIR [--format conll|meantime] [--json]",
		Short: "Named-entity recognition: exact-span P/R/F1 (conlleval rules) and tokens/s, with prose v2 as a baseline",
		Long: `Scores the embedded entity tagger on a CoNLL-2003 file (IOB1 tags in the last
column; micro-averaged exact-span P/R/F1 by conlleval's rules, GPE scored as
LOC) or on a directory of MEANTIME CAT XML articles (named mentions of PER,
ORG and LOC; MISC predictions are not scored). The same run scores
github.com/jdkato/prose/v2 on the same tokens (metrics prefixed prose_).

MEANTIME marks each mention's whole noun phrase; the gold chunk is the name
that heads it, read the way CoNLL-2003 annotates names: without a leading
determiner, lower-case premodifiers or a person's titles, and ending before
any post-modifier (a comma, a parenthesis, a preposition or relative
pronoun): "Spokeswoman Sandy Angers" -> "Sandy Angers", "Moscone Center in
San Francisco , California" -> "Moscone Center". A mention that holds a
named mention of its own entity ("Presiding Judge Martin Mann") or only other
entities' names ("Boeing and Lockheed Martin") is scored through those.
MEANTIME's own types are kept (nationality adjectives such as "German" are
LOC there, MISC in CoNLL), and only the title and first sentences, which are
fully annotated, are scored.

head_f1 compares chunks by type and last token only, a lenient measure.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runEvalNER(g, o)
		},
	}
	o.register(cmd)
	cmd.Flags().StringVar(&o.format, "format", "", "conll or meantime (default: meantime for a directory, conll for a file)")
	cmd.Flags().BoolVar(&o.noProse, "no-prose", false, "skip the prose baseline")
	cmd.Flags().StringVar(&o.model, "model", "", "model file written by 'dossier train ner' (default: the embedded model)")
	return cmd
}

func runEvalNER(g *globalOptions, o evalNEROptions) error {
	format := o.format
	if format == "" {
		format = "conll"
		if st, err := os.Stat(o.data); err == nil && st.IsDir() {
			format = "meantime"
		}
	}
	var docs []ner.Document
	var keep func(string) bool
	var err error
	switch format {
	case "conll":
		docs, err = readCoNLLFile(o.data)
	case "meantime":
		docs, err = ner.ReadMEANTIMEDir(o.data)
		keep = func(t string) bool { return t == "PER" || t == "ORG" || t == "LOC" }
	default:
		return fmt.Errorf("unknown --format %q (want conll or meantime)", format)
	}
	if err != nil {
		return err
	}
	tagger, err := loadNERTagger(o.model)
	if err != nil {
		return err
	}
	metrics := map[string]any{"format": format, "docs": len(docs)}
	r := ner.Evaluate(tagger, docs, keep)
	addNERMetrics(metrics, "", r)
	if !o.noProse {
		pc, err := newProseChunker()
		if err != nil {
			return err
		}
		addNERMetrics(metrics, "prose_", ner.Evaluate(pc, docs, keep))
	}
	return printMetrics(g.stdout, "NER on "+o.data, metrics, o.asJSON)
}

// loadNERTagger returns the tagger of a model file, or the embedded one.
func loadNERTagger(path string) (*ner.Tagger, error) {
	if path == "" {
		return ner.Default()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening model: %w", err)
	}
	defer f.Close()
	m, err := ner.ReadModel(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ner.NewTagger(m)
}

func addNERMetrics(m map[string]any, prefix string, r ner.Result) {
	m[prefix+"precision"] = r.Scores.All.Precision()
	m[prefix+"recall"] = r.Scores.All.Recall()
	m[prefix+"f1"] = r.Scores.All.F1()
	m[prefix+"head_f1"] = r.Head.All.F1()
	m[prefix+"tokens"] = r.Tokens
	m[prefix+"tokens_per_s"] = r.TokensPerSecond()
	for _, t := range r.Scores.Types() {
		s := r.Scores.ByType[t]
		lt := strings.ToLower(t)
		m[prefix+lt+"_precision"] = s.Precision()
		m[prefix+lt+"_recall"] = s.Recall()
		m[prefix+lt+"_f1"] = s.F1()
	}
}

// proseChunker runs prose v2's entity extractor on each sentence, joined
// with spaces, takes its entities as prose's Document.Entities forms them,
// and maps their tokens back onto ours by byte offset. Its labels map
// PERSON -> PER, ORGANIZATION -> ORG, GPE -> LOC, anything else -> MISC.
// prose loads its model for every document unless given one, so the model
// of a first (empty) document is kept and reused.
type proseChunker struct{ model *prose.Model }

func newProseChunker() (*proseChunker, error) {
	doc, err := prose.NewDocument("", prose.WithSegmentation(false))
	if err != nil {
		return nil, fmt.Errorf("loading prose: %w", err)
	}
	return &proseChunker{model: doc.Model}, nil
}

func (p *proseChunker) ChunkDocument(sents [][]string) [][]ner.Chunk {
	out := make([][]ner.Chunk, len(sents))
	for si, toks := range sents {
		out[si] = p.sentence(toks)
	}
	return out
}

func (p *proseChunker) sentence(toks []string) []ner.Chunk {
	if len(toks) == 0 {
		return nil
	}
	text := strings.Join(toks, " ")
	starts := make([]int, len(toks))
	off := 0
	for i, t := range toks {
		starts[i] = off
		off += len(t) + 1
	}
	doc, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.UsingModel(p.model))
	if err != nil {
		return nil
	}
	pts := doc.Tokens()
	// Our token under each prose token, by byte offset (-1: not found).
	under := make([]int, len(pts))
	pos, ti := 0, 0
	for i, pt := range pts {
		under[i] = -1
		at := strings.Index(text[pos:], pt.Text)
		if at < 0 {
			continue
		}
		at += pos
		pos = at + len(pt.Text)
		for ti+1 < len(toks) && starts[ti+1] <= at {
			ti++
		}
		under[i] = ti
	}
	var out []ner.Chunk
	for _, e := range proseEntities(pts) {
		first, last := under[e.start], under[e.end-1]
		if first < 0 || last < first {
			continue
		}
		c := ner.Chunk{Start: first, End: last + 1, Type: proseType(e.label)}
		if n := len(out); n > 0 && out[n-1].End > c.Start {
			continue // two prose entities inside one of our tokens
		}
		out = append(out, c)
	}
	return out
}

// proseEntity is one entity of prose's, as a range of its tokens.
type proseEntity struct {
	start, end int
	label      string
}

// proseEntities groups prose's tokens into entities exactly as prose's own
// Document.Entities does (its extracter's chunk and parseEntities), keeping
// the token ranges that Entities leaves out. Its token labels cannot be read
// as IOB: every word of a name is labelled B- ("John/B-PERSON
// Smith/B-PERSON"), and Entities joins words by their part-of-speech tags
// too. Like Entities, an entity still open at the end of the sentence is
// dropped.
func proseEntities(pts []prose.Token) []proseEntity {
	var out []proseEntity
	end := ""
	start, n := 0, 0 // the entity being built: its first token and length
	for i, tok := range pts {
		label := tok.Label
		switch {
		case (label != "O" && label != end) ||
			(n > 0 && tok.Tag == pts[i-1].Tag) ||
			(n > 0 && tok.Tag == "CD" && pts[i-1].Label != "O"):
			end = strings.Replace(label, "B", "I", 1)
			if n == 0 {
				start = i
			}
			n++
		case (label == "O" && end != "") || label == end:
			if label != "O" {
				n++
			}
			if n > 0 {
				out = append(out, proseEntity{start: start, end: start + n, label: proseLabel(pts[start : start+n])})
			}
			end, n = "", 0
		}
	}
	return out
}

// proseLabel is prose's parseEntities: a two-word entity with a B-PERSON
// word is a person, any other takes its first word's type.
func proseLabel(parts []prose.Token) string {
	if len(parts) == 2 && (parts[0].Label == "B-PERSON" || parts[1].Label == "B-PERSON") {
		return "PERSON"
	}
	if _, typ, ok := strings.Cut(parts[0].Label, "-"); ok {
		return typ
	}
	return ""
}

func proseType(t string) string {
	switch t {
	case "PERSON":
		return "PER"
	case "ORGANIZATION":
		return "ORG"
	case "GPE", "LOCATION":
		return "LOC"
	}
	return "MISC"
}

// Package timeml reads time-expression benchmarks in their published
// layouts (TimeML .tml files as in TempEval-3, MEANTIME CAT XML) into plain
// text with gold TIMEX3 spans, and scores a system's expressions against them
// the way the TempEval-3 task A scorer does.
package timeml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-news/dossier/internal/article"
)

// Doc is one benchmark document: the text a system sees (all gold tags
// stripped), its creation time and the gold expressions (the DCT's own TIMEX3
// excluded, as in TempEval-3).
type Doc struct {
	Name string
	Text string
	// DCT is the creation time; DCTValue its TimeML value as annotated.
	DCT      time.Time
	DCTValue string
	Gold     []article.Timex
	// Ignore holds spans of the text that are the DCT itself (MEANTIME
	// prints it in the body); system expressions there are not scored.
	Ignore []article.Span
}

// ParseDCT reads the date part of a TimeML DCT value ("1998-01-08",
// "1998-02-27T08:02:00").
func ParseDCT(v string) (time.Time, bool) {
	if len(v) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", v[:10])
	return t, err == nil
}

// ReadTML parses one TimeML file.
func ReadTML(r io.Reader, name string) (*Doc, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	doc := &Doc{Name: name}
	var text strings.Builder
	inText := 0
	type open struct {
		start int
		attrs map[string]string
	}
	var stack []open
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("parsing %s: %w", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			attrs := map[string]string{}
			for _, a := range t.Attr {
				attrs[a.Name.Local] = a.Value
			}
			switch t.Name.Local {
			case "TEXT":
				inText++
			case "TIMEX3":
				if attrs["functionInDocument"] == "CREATION_TIME" {
					doc.DCTValue = attrs["value"]
				}
				stack = append(stack, open{start: text.Len(), attrs: attrs})
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TEXT":
				inText--
			case "TIMEX3":
				if len(stack) == 0 {
					continue
				}
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if inText > 0 && o.attrs["functionInDocument"] != "CREATION_TIME" && text.Len() > o.start {
					doc.Gold = append(doc.Gold, article.Timex{
						Span: article.Span{Start: o.start, End: text.Len()}, Type: o.attrs["type"],
						Value: o.attrs["value"], Mod: o.attrs["mod"],
					})
				}
			}
		case xml.CharData:
			if inText > 0 {
				text.Write(t)
			}
		}
	}
	doc.Text = text.String()
	for i := range doc.Gold {
		doc.Gold[i].Text = doc.Gold[i].Span.Of(doc.Text)
	}
	if t, ok := ParseDCT(doc.DCTValue); ok {
		doc.DCT = t
	}
	return doc, nil
}

// ReadMEANTIME parses one MEANTIME CAT XML file. The text is rebuilt from
// the tokens (a space between tokens except before closing punctuation, a
// newline between sentences), so spans are exact in the rebuilt text.
func ReadMEANTIME(r io.Reader, name string) (*Doc, error) {
	var x struct {
		Tokens []struct {
			ID       string `xml:"t_id,attr"`
			Sentence string `xml:"sentence,attr"`
			Text     string `xml:",chardata"`
		} `xml:"token"`
		Markables struct {
			Timex []struct {
				Type     string `xml:"type,attr"`
				Value    string `xml:"value,attr"`
				Mod      string `xml:"mod,attr"`
				Function string `xml:"functionInDocument,attr"`
				Anchors  []struct {
					ID string `xml:"t_id,attr"`
				} `xml:"token_anchor"`
			} `xml:"TIMEX3"`
		} `xml:"Markables"`
	}
	if err := xml.NewDecoder(r).Decode(&x); err != nil {
		return nil, fmt.Errorf("parsing %s: %w", name, err)
	}
	doc := &Doc{Name: name}
	var b strings.Builder
	spans := map[string]article.Span{}
	prevSent := ""
	prevTok := ""
	for i, t := range x.Tokens {
		switch {
		case i == 0:
		case t.Sentence != prevSent:
			b.WriteByte('\n')
		case noSpaceBefore(t.Text) || prevTok == "(" || prevTok == "$" || prevTok == "``" || prevTok == "“":
		default:
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(t.Text)
		spans[t.ID] = article.Span{Start: start, End: b.Len()}
		prevSent, prevTok = t.Sentence, t.Text
	}
	doc.Text = b.String()
	// MEANTIME annotates time expressions only in the title and the first
	// sentences (sentence numbers 0-5: title, dateline, five sentences of
	// body); the rest of the text is read by the system but not scored.
	for _, t := range x.Tokens {
		if n, err := strconv.Atoi(t.Sentence); err == nil && n > meantimeLastSentence {
			doc.Ignore = append(doc.Ignore, article.Span{Start: spans[t.ID].Start, End: len(doc.Text)})
			break
		}
	}
	for _, tx := range x.Markables.Timex {
		if len(tx.Anchors) == 0 {
			continue
		}
		sp := article.Span{Start: -1}
		for _, a := range tx.Anchors {
			s, ok := spans[a.ID]
			if !ok {
				continue
			}
			if sp.Start < 0 || s.Start < sp.Start {
				sp.Start = s.Start
			}
			if s.End > sp.End {
				sp.End = s.End
			}
		}
		if sp.Start < 0 {
			continue
		}
		if tx.Function == "CREATION_TIME" {
			doc.DCTValue = tx.Value
			doc.Ignore = append(doc.Ignore, sp)
			continue
		}
		doc.Gold = append(doc.Gold, article.Timex{Span: sp, Text: sp.Of(doc.Text), Type: tx.Type, Value: tx.Value, Mod: tx.Mod})
	}
	sort.Slice(doc.Gold, func(i, j int) bool { return doc.Gold[i].Span.Start < doc.Gold[j].Span.Start })
	if t, ok := ParseDCT(doc.DCTValue); ok {
		doc.DCT = t
	}
	return doc, nil
}

// meantimeLastSentence is the last sentence number MEANTIME annotates.
const meantimeLastSentence = 5

func noSpaceBefore(tok string) bool {
	switch tok {
	case ",", ".", ";", ":", "!", "?", ")", "%", "'s", "n't", "'", "''", "”", "'re", "'ve", "'ll", "'d", "'m":
		return true
	}
	return false
}

// Format names a benchmark layout.
type Format string

const (
	FormatTimeML   Format = "timeml"
	FormatMEANTIME Format = "meantime"
)

// ReadDir reads every document of the format under dir (recursively), in
// path order.
func ReadDir(dir string, f Format) ([]*Doc, error) {
	ext := ".tml"
	read := ReadTML
	if f == FormatMEANTIME {
		ext, read = ".xml", ReadMEANTIME
	} else if f != FormatTimeML {
		return nil, fmt.Errorf("unknown format %q (timeml or meantime)", f)
	}
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ext) {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("listing %s: %w", dir, err)
	}
	sort.Strings(paths)
	docs := make([]*Doc, 0, len(paths))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", p, err)
		}
		d, err := read(bytes.NewReader(b), p)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// Counts are the TempEval-3 task A tallies over a set of documents.
type Counts struct {
	Gold, System          int
	StrictRecall          int // gold expressions with a system expression of the same extent
	RelaxedRecall         int // gold expressions overlapped by a system expression
	StrictPrecision       int // system expressions with a gold expression of the same extent
	RelaxedPrecision      int // system expressions overlapping a gold expression
	TypeMatch, ValueMatch int // attribute agreement over relaxed matches (recall side)
}

// Add tallies one document. A gold expression is aligned with one system
// expression: the one of the same extent if there is one, else the first that
// overlaps it (the TimeML normaliser the official scorer runs aligns ids by
// overlap the same way).
func (c *Counts) Add(gold, sys []article.Timex) {
	c.Gold += len(gold)
	c.System += len(sys)
	for _, g := range gold {
		best := -1
		for j, s := range sys {
			if s.Span == g.Span {
				best = j
				break
			}
			if best < 0 && s.Span.Overlaps(g.Span) {
				best = j
			}
		}
		if best < 0 {
			continue
		}
		s := sys[best]
		c.RelaxedRecall++
		if s.Span == g.Span {
			c.StrictRecall++
		}
		if s.Type == g.Type {
			c.TypeMatch++
		}
		// The official scorer (TempEval-3 toolkit,
		// evaluation-entities/evaluate_entities.py, compute_precision_recall)
		// compares the attributes as the strings annotated: `g.value ==
		// s.value`, `g.type == s.type`, with no case folding and no rewriting
		// of values (a "T24:00" is not "T24", "1949" is not "1949-XX"); the
		// TimeML normaliser it runs first only renames ids. So do we.
		if s.Value == g.Value {
			c.ValueMatch++
		}
	}
	for _, s := range sys {
		strict, relaxed := false, false
		for _, g := range gold {
			if g.Span == s.Span {
				strict = true
			}
			if g.Span.Overlaps(s.Span) {
				relaxed = true
			}
		}
		if strict {
			c.StrictPrecision++
		}
		if relaxed {
			c.RelaxedPrecision++
		}
	}
}

// Scores are the TempEval-3 figures: precision, recall and F1 for strict and
// relaxed extent match, and value and type F1 = attribute accuracy over
// relaxed matches times relaxed F1 (TE3-evaluation.py).
type Scores struct {
	StrictP, StrictR, StrictF1    float64
	RelaxedP, RelaxedR, RelaxedF1 float64
	ValueAcc, TypeAcc             float64
	ValueF1, TypeF1               float64
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Scores computes the figures from the tallies.
func (c Counts) Scores() Scores {
	var s Scores
	s.StrictP, s.StrictR = ratio(c.StrictPrecision, c.System), ratio(c.StrictRecall, c.Gold)
	s.RelaxedP, s.RelaxedR = ratio(c.RelaxedPrecision, c.System), ratio(c.RelaxedRecall, c.Gold)
	s.StrictF1, s.RelaxedF1 = f1(s.StrictP, s.StrictR), f1(s.RelaxedP, s.RelaxedR)
	s.ValueAcc, s.TypeAcc = ratio(c.ValueMatch, c.RelaxedRecall), ratio(c.TypeMatch, c.RelaxedRecall)
	s.ValueF1, s.TypeF1 = s.ValueAcc*s.RelaxedF1, s.TypeAcc*s.RelaxedF1
	return s
}

// WithoutIgnored drops system expressions that overlap an ignored span (the
// DCT printed in the body).
func WithoutIgnored(sys []article.Timex, ignore []article.Span) []article.Timex {
	if len(ignore) == 0 {
		return sys
	}
	out := sys[:0:0]
	for _, s := range sys {
		skip := false
		for _, ig := range ignore {
			if ig.Overlaps(s.Span) {
				skip = true
			}
		}
		if !skip {
			out = append(out, s)
		}
	}
	return out
}

// ByType splits expressions by TIMEX3 type.
func ByType(xs []article.Timex, typ string) []article.Timex {
	var out []article.Timex
	for _, x := range xs {
		if x.Type == typ {
			out = append(out, x)
		}
	}
	return out
}

// Round4 rounds a score for printing.
func Round4(f float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 4, 64), 64)
	return v
}

// WriteErrors prints, one line each, the gold expressions a system missed
// (MISS), those it found with another extent or value (SPAN, VALUE, TYPE)
// and its expressions overlapping no gold one (SPURIOUS), for error analysis.
func WriteErrors(w io.Writer, d *Doc, sys []article.Timex) {
	ctx := func(sp article.Span) string {
		s, e := sp.Start-40, sp.End+40
		if s < 0 {
			s = 0
		}
		if e > len(d.Text) {
			e = len(d.Text)
		}
		return strings.ReplaceAll(d.Text[s:sp.Start]+"[["+d.Text[sp.Start:sp.End]+"]]"+d.Text[sp.End:e], "\n", " ")
	}
	base := filepath.Base(d.Name)
	for _, g := range d.Gold {
		// The same alignment as Counts.Add: the expression of the same
		// extent, else the first overlapping one.
		best := -1
		for j, s := range sys {
			if s.Span == g.Span {
				best = j
				break
			}
			if best < 0 && s.Span.Overlaps(g.Span) {
				best = j
			}
		}
		if best < 0 {
			fmt.Fprintf(w, "MISS\t%s\tDCT=%s\tgold=%q %s %s\t%s\n", base, d.DCTValue, g.Text, g.Type, g.Value, ctx(g.Span))
			continue
		}
		s := sys[best]
		switch {
		case s.Span != g.Span:
			// SPANV: the extent and the value are both wrong.
			kind := "SPAN"
			if s.Value != g.Value {
				kind = "SPANV"
			}
			fmt.Fprintf(w, "%s\t%s\tDCT=%s\tgold=%q %s %s\tsys=%q %s %s\t%s\n", kind, base, d.DCTValue, g.Text, g.Type, g.Value, s.Text, s.Type, s.Value, ctx(g.Span))
		case s.Value != g.Value:
			fmt.Fprintf(w, "VALUE\t%s\tDCT=%s\tgold=%q %s %s\tsys=%s %s\t%s\n", base, d.DCTValue, g.Text, g.Type, g.Value, s.Type, s.Value, ctx(g.Span))
		case s.Type != g.Type:
			fmt.Fprintf(w, "TYPE\t%s\tgold=%q %s\tsys=%s\n", base, g.Text, g.Type, s.Type)
		}
	}
	for _, s := range sys {
		hit := false
		for _, g := range d.Gold {
			if g.Span.Overlaps(s.Span) {
				hit = true
			}
		}
		if !hit {
			fmt.Fprintf(w, "SPURIOUS\t%s\tsys=%q %s %s\t%s\n", base, s.Text, s.Type, s.Value, ctx(s.Span))
		}
	}
}

package text

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/dossier-news/dossier/internal/article"
)

// The benchmarks for the text layer ship tokenised text, not raw text: the
// evaluation rebuilds running text with Detokenize (PTB rules: no space
// before closing punctuation and clitics, none after opening brackets and
// quotes), runs Analyse on it and scores against the gold boundaries by
// byte offset.

// Detokenize joins tokenised sentences into running text and returns, for
// each gold token, its span in that text. Sentences that do not end with
// sentence punctuation (headlines, datelines) are followed by a blank line,
// as they are separate blocks in the original article; others by a space.
func Detokenize(sents [][]string) (string, [][]article.Span) {
	var b strings.Builder
	spans := make([][]article.Span, len(sents))
	openQuote := false
	noSpace := true
	for si, s := range sents {
		openQuote = false // quotes are balanced within gold sentences far more often than across them
		for ti, tok := range s {
			attach := noSpace
			noSpace = false
			switch tok {
			case ".", ",", ";", ":", "!", "?", "%", ")", "]", "}", "'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d", "'m",
				"”", "’", "''", "...", "…", "’s":
				attach = true
			case "(", "[", "{", "$", "“", "‘", "``", "#":
				noSpace = true
			case "\"":
				if ti == len(s)-1 && ti > 0 && (s[ti-1] == "." || s[ti-1] == "?" || s[ti-1] == "!" || s[ti-1] == ",") {
					openQuote = true // a quote ending the sentence after its full stop closes
				}
				if openQuote {
					attach = true
				} else {
					noSpace = true
				}
				openQuote = !openQuote
			}
			if b.Len() > 0 && !attach {
				b.WriteByte(' ')
			}
			start := b.Len()
			b.WriteString(tok)
			spans[si] = append(spans[si], article.Span{Start: start, End: b.Len()})
		}
		if len(s) > 0 && !endsSentence(s) {
			b.WriteString("\n\n")
			noSpace = true
			openQuote = false
		}
	}
	return b.String(), spans
}

func endsSentence(s []string) bool {
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case "\"", "''", "”", "’", "'", ")":
			continue
		case ".", "!", "?", "...", "…":
			return true
		}
		return strings.HasSuffix(s[i], ".")
	}
	return false
}

// SentenceScore is sentence-boundary detection scored on gold sentence ends
// that follow sentence punctuation (the end of a document and the ends of
// unpunctuated lines such as headlines are not counted: the text gives them
// away).
type SentenceScore struct {
	Docs, Gold, Predicted, Correct int
	Precision, Recall, F1          float64
}

// EvalSentences scores sentence splitting on documents of gold tokens
// grouped into sentences.
func EvalSentences(docs [][][]string) SentenceScore {
	var sc SentenceScore
	for _, sents := range docs {
		txt, spans := Detokenize(sents)
		// Boundaries after unpunctuated lines are given away by the blank
		// line Detokenize writes; they are not scored.
		end := len(strings.TrimRight(txt, "\n"))
		gold, given := map[int]bool{}, map[int]bool{}
		for i, s := range spans {
			if len(s) == 0 || s[len(s)-1].End >= end {
				continue
			}
			if endsSentence(sents[i]) {
				gold[s[len(s)-1].End] = true
			} else {
				given[s[len(s)-1].End] = true
			}
		}
		doc := &article.Doc{Article: &article.Article{Text: txt}}
		Analyse(doc)
		sc.Docs++
		sc.Gold += len(gold)
		for _, s := range doc.Sentences {
			if s.Span.End >= end || given[s.Span.End] {
				continue
			}
			sc.Predicted++
			if gold[s.Span.End] {
				sc.Correct++
			}
		}
	}
	sc.Precision, sc.Recall, sc.F1 = prf(sc.Correct, sc.Predicted, sc.Gold)
	return sc
}

// TokenScore is tokenisation scored on gold token spans.
type TokenScore struct {
	Sentences, ExactSentences, Gold, Predicted, Correct int
	Precision, Recall, F1                               float64
}

// EvalTokens scores tokenisation on gold tokenised sentences, each
// detokenised on its own.
func EvalTokens(sents [][]string) TokenScore {
	var sc TokenScore
	for _, s := range sents {
		txt, spans := Detokenize([][]string{s})
		gold := map[article.Span]bool{}
		for _, sp := range spans[0] {
			gold[sp] = true
		}
		toks := Tokenize(txt)
		correct := 0
		for _, t := range toks {
			if gold[t.Span] {
				correct++
			}
		}
		sc.Sentences++
		if correct == len(toks) && correct == len(gold) {
			sc.ExactSentences++
		}
		sc.Gold += len(gold)
		sc.Predicted += len(toks)
		sc.Correct += correct
	}
	sc.Precision, sc.Recall, sc.F1 = prf(sc.Correct, sc.Predicted, sc.Gold)
	return sc
}

func prf(correct, predicted, gold int) (p, r, f float64) {
	if predicted > 0 {
		p = float64(correct) / float64(predicted)
	}
	if gold > 0 {
		r = float64(correct) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// ReadTokenXML reads one document in the token XML layout of MEANTIME and
// ECB+ (<token sentence="N">text</token>) as sentences of tokens. It scans
// for the token elements instead of decoding the whole XML tree: the files
// put one token per element with plain attributes, and a full decoder is ten
// times slower over the 800 files of both corpora.
func ReadTokenXML(r io.Reader) ([][]string, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading token XML: %w", err)
	}
	s := string(raw)
	var sents [][]string
	last := -1
	for {
		i := strings.Index(s, "<token ")
		if i < 0 {
			return sents, nil
		}
		s = s[i+len("<token "):]
		gt := strings.IndexByte(s, '>')
		if gt < 0 {
			return nil, fmt.Errorf("reading token XML: unterminated <token")
		}
		attrs := s[:gt]
		s = s[gt+1:]
		if strings.HasSuffix(attrs, "/") {
			continue // an empty token
		}
		endTag := strings.Index(s, "</token>")
		if endTag < 0 {
			return nil, fmt.Errorf("reading token XML: <token> without </token>")
		}
		word := html.UnescapeString(s[:endTag])
		s = s[endTag+len("</token>"):]
		n := -1
		if j := strings.Index(attrs, `sentence="`); j >= 0 {
			v := attrs[j+len(`sentence="`):]
			if k := strings.IndexByte(v, '"'); k >= 0 {
				n, _ = strconv.Atoi(v[:k])
			}
		}
		if n != last || len(sents) == 0 {
			sents = append(sents, nil)
			last = n
		}
		sents[len(sents)-1] = append(sents[len(sents)-1], word)
	}
}

// ReadTokenXMLDir reads every *.xml file under dir in the token XML layout.
func ReadTokenXMLDir(dir string) ([][][]string, error) {
	var docs [][][]string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".xml") {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sents, err := ReadTokenXML(f)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if len(sents) > 0 {
			docs = append(docs, sents)
		}
		return nil
	})
	return docs, err
}

// ReadCoNLLSentences reads the token column of a CoNLL-2003 file as
// sentences (document separators dropped).
func ReadCoNLLSentences(r io.Reader) ([][]string, error) {
	var sents [][]string
	var cur []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			if len(cur) > 0 {
				sents = append(sents, cur)
				cur = nil
			}
			continue
		}
		f := strings.Fields(line)
		if f[0] == "-DOCSTART-" {
			continue
		}
		cur = append(cur, f[0])
	}
	if len(cur) > 0 {
		sents = append(sents, cur)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading CoNLL: %w", err)
	}
	return sents, nil
}

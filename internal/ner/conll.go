package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Sentence is one tokenised sentence with its gold tags (any IOB scheme; the
// CoNLL-2003 files use IOB1).
type Sentence struct {
	Tokens []string
	Tags   []string
	// Chunks, when not nil, is the gold instead of Chunks(Tags): corpora
	// such as MEANTIME nest mentions, which one tag sequence cannot hold.
	Chunks []Chunk
}

// Gold returns the sentence's gold chunks.
func (s Sentence) Gold() []Chunk {
	if s.Chunks != nil {
		return s.Chunks
	}
	return Chunks(s.Tags)
}

// Document is a run of sentences that belong together: a CoNLL-2003 document
// between -DOCSTART- lines, or one MEANTIME article. Document-level features
// look across its sentences.
type Document struct {
	ID        string
	Sentences []Sentence
	// Scored, when above 0, says only the first Scored sentences carry gold
	// annotation (MEANTIME annotates the title and first sentences); the
	// rest are tagged, for document-level evidence, but not scored.
	Scored int
}

// ReadCoNLL reads CoNLL-2003 files: one token a line with the word first and
// the NER tag last, blank lines between sentences, "-DOCSTART-" lines
// between documents (text before the first one forms a document of its own).
func ReadCoNLL(r io.Reader) ([]Document, error) {
	var docs []Document
	var doc Document
	var sent Sentence
	flushSent := func() {
		if len(sent.Tokens) > 0 {
			doc.Sentences = append(doc.Sentences, sent)
		}
		sent = Sentence{}
	}
	flushDoc := func() {
		flushSent()
		if len(doc.Sentences) > 0 {
			doc.ID = fmt.Sprintf("doc%d", len(docs)+1)
			docs = append(docs, doc)
		}
		doc = Document{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			flushSent()
			continue
		}
		fields := strings.Fields(text)
		if fields[0] == "-DOCSTART-" {
			flushDoc()
			continue
		}
		if len(fields) < 2 {
			return nil, fmt.Errorf("conll line %d: want at least a word and a tag, got %q", line, text)
		}
		sent.Tokens = append(sent.Tokens, fields[0])
		sent.Tags = append(sent.Tags, fields[len(fields)-1])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading conll: %w", err)
	}
	flushDoc()
	return docs, nil
}

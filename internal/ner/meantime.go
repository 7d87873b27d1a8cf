package ner

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ReadMEANTIME reads one MEANTIME article in CAT XML: its tokens, split into
// sentences, and as gold chunks the named mentions (syntactic_type NAM or
// PRE.NAM) of PER, ORG and LOC entities. A leading determiner is trimmed from
// a mention ("the United States" -> "United States"), as CoNLL annotates
// names. Mentions may nest ("Everett , Washington" holds "Washington"), so
// the gold lives in Sentence.Chunks; Tags carries a non-overlapping BIO view.
// Only the leading, fully annotated sentences are scored (Scored).
func ReadMEANTIME(r io.Reader, id string) (Document, error) {
	type anchor struct {
		TID string `xml:"t_id,attr"`
	}
	type mention struct {
		MID     string   `xml:"m_id,attr"`
		Syn     *string  `xml:"syntactic_type,attr"`
		Anchors []anchor `xml:"token_anchor"`
	}
	type entity struct {
		MID  string `xml:"m_id,attr"`
		Type string `xml:"ent_type,attr"`
	}
	type token struct {
		TID      string `xml:"t_id,attr"`
		Sentence int    `xml:"sentence,attr"`
		Text     string `xml:",chardata"`
	}
	var doc struct {
		Tokens    []token `xml:"token"`
		Markables struct {
			Mentions []mention `xml:"ENTITY_MENTION"`
			Entities []entity  `xml:"ENTITY"`
		} `xml:"Markables"`
		Relations struct {
			Refers []struct {
				Sources []struct {
					MID string `xml:"m_id,attr"`
				} `xml:"source"`
				Target struct {
					MID string `xml:"m_id,attr"`
				} `xml:"target"`
			} `xml:"REFERS_TO"`
		} `xml:"Relations"`
	}
	if err := xml.NewDecoder(r).Decode(&doc); err != nil {
		return Document{}, fmt.Errorf("meantime %s: %w", id, err)
	}
	out := Document{ID: id}
	type pos struct{ sent, tok int }
	where := map[string]pos{}
	sentIndex := map[int]int{}
	for _, t := range doc.Tokens {
		si, ok := sentIndex[t.Sentence]
		if !ok {
			si = len(out.Sentences)
			sentIndex[t.Sentence] = si
			out.Sentences = append(out.Sentences, Sentence{})
		}
		s := &out.Sentences[si]
		where[t.TID] = pos{si, len(s.Tokens)}
		s.Tokens = append(s.Tokens, strings.TrimSpace(t.Text))
	}
	// Only the title and the first five sentences of each article are fully
	// annotated (entity mentions with a syntactic_type); the mentions without
	// one further on come from cross-document annotation, which marks only
	// the entities of selected events. Score up to the last fully annotated
	// sentence.
	for _, m := range doc.Markables.Mentions {
		if m.Syn == nil {
			continue
		}
		for _, a := range m.Anchors {
			if p, ok := where[a.TID]; ok {
				out.Scored = max(out.Scored, p.sent+1)
			}
		}
	}
	entType := map[string]string{}
	for _, e := range doc.Markables.Entities {
		entType[e.MID] = e.Type
	}
	mentionType := map[string]string{}
	for _, rel := range doc.Relations.Refers {
		for _, s := range rel.Sources {
			mentionType[s.MID] = entType[rel.Target.MID]
		}
	}
	type key struct {
		sent int
		c    Chunk
	}
	seen := map[key]bool{}
	for _, m := range doc.Markables.Mentions {
		if m.Syn == nil || (*m.Syn != "NAM" && *m.Syn != "PRE.NAM") || len(m.Anchors) == 0 {
			continue
		}
		typ := mentionType[m.MID]
		if typ != "PER" && typ != "ORG" && typ != "LOC" {
			continue
		}
		first, ok1 := where[m.Anchors[0].TID]
		last, ok2 := where[m.Anchors[len(m.Anchors)-1].TID]
		if !ok1 || !ok2 || first.sent != last.sent || last.tok < first.tok {
			continue // a mention across sentences cannot be a tagger's chunk
		}
		s := &out.Sentences[first.sent]
		start := first.tok
		for start < last.tok && isDeterminer(s.Tokens[start]) {
			start++
		}
		k := key{first.sent, Chunk{Start: start, End: last.tok + 1, Type: typ}}
		if !seen[k] {
			seen[k] = true
			s.Chunks = append(s.Chunks, k.c)
		}
	}
	for si := range out.Sentences {
		s := &out.Sentences[si]
		sort.Slice(s.Chunks, func(i, j int) bool {
			if s.Chunks[i].Start != s.Chunks[j].Start {
				return s.Chunks[i].Start < s.Chunks[j].Start
			}
			return s.Chunks[i].End > s.Chunks[j].End
		})
		s.Tags = make([]string, len(s.Tokens))
		for i := range s.Tags {
			s.Tags[i] = "O"
		}
		for _, c := range s.Chunks {
			free := true
			for i := c.Start; i < c.End; i++ {
				free = free && s.Tags[i] == "O"
			}
			if !free {
				continue
			}
			s.Tags[c.Start] = "B-" + c.Type
			for i := c.Start + 1; i < c.End; i++ {
				s.Tags[i] = "I-" + c.Type
			}
		}
		if s.Chunks == nil {
			s.Chunks = []Chunk{}
		}
	}
	return out, nil
}

func isDeterminer(w string) bool {
	switch strings.ToLower(w) {
	case "the", "a", "an":
		return true
	}
	return false
}

// ReadMEANTIMEDir reads every *.xml article under dir (recursively), in
// lexical path order.
func ReadMEANTIMEDir(dir string) ([]Document, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".xml") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("listing %s: %w", dir, err)
	}
	sort.Strings(paths)
	var docs []Document
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		d, err := ReadMEANTIME(f, strings.TrimSuffix(filepath.Base(p), ".xml"))
		f.Close()
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("no MEANTIME *.xml files under %s", dir)
	}
	return docs, nil
}

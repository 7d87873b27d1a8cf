package ner

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// ReadMEANTIME reads one MEANTIME article in CAT XML: its tokens, split into
// sentences, and as gold chunks the names of the named mentions
// (syntactic_type NAM or PRE.NAM) of PER, ORG and LOC entities. MEANTIME
// marks a mention's whole noun phrase ("Spokeswoman Sandy Angers", "Moscone
// Center in San Francisco , California"); the gold chunk is the name that
// heads it, as CoNLL-2003 annotates names (see nameOf and nameInside). Every
// named mention yields its name unless another named mention inside it gives
// that name. Mentions may nest ("Everett , Washington" holds "Washington"),
// so the gold lives in Sentence.Chunks; Tags carries a non-overlapping BIO
// view. Only the leading, fully annotated sentences are scored (Scored).
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
	mentionType, mentionEntity := map[string]string{}, map[string]string{}
	for _, rel := range doc.Relations.Refers {
		for _, s := range rel.Sources {
			mentionType[s.MID] = entType[rel.Target.MID]
			mentionEntity[s.MID] = rel.Target.MID
		}
	}
	var names []meantimeName
	for _, m := range doc.Markables.Mentions {
		if m.Syn == nil || (*m.Syn != "NAM" && *m.Syn != "PRE.NAM") || len(m.Anchors) == 0 {
			continue
		}
		first, ok1 := where[m.Anchors[0].TID]
		last, ok2 := where[m.Anchors[len(m.Anchors)-1].TID]
		if !ok1 || !ok2 || first.sent != last.sent || last.tok < first.tok {
			continue // a mention across sentences cannot be a tagger's chunk
		}
		typ := mentionType[m.MID]
		toks := out.Sentences[first.sent].Tokens
		start, end := nameOf(toks, first.tok, last.tok+1, typ == "PER")
		names = append(names, meantimeName{
			entity: mentionEntity[m.MID], typ: typ, sent: first.sent,
			ext:  Chunk{Start: first.tok, End: last.tok + 1, Type: typ},
			name: Chunk{Start: start, End: end, Type: typ},
		})
	}
	type key struct {
		sent int
		c    Chunk
	}
	seen := map[key]bool{}
	for _, n := range names {
		if n.typ != "PER" && n.typ != "ORG" && n.typ != "LOC" {
			continue
		}
		if nameInside(n, names, out.Sentences[n.sent].Tokens) {
			continue
		}
		k := key{n.sent, n.name}
		if !seen[k] {
			seen[k] = true
			out.Sentences[n.sent].Chunks = append(out.Sentences[n.sent].Chunks, n.name)
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

// nameOf returns the name inside a MEANTIME mention extent [a, b): the
// token range a CoNLL-style tagger marks. MEANTIME's guidelines mark the
// whole noun phrase as the mention (determiners, premodifiers, titles,
// appositions, prepositional phrases and relative clauses), and its head
// attribute, which would say where the name is, is empty in most files.
// The name is the head of that phrase, found the way English builds it:
//   - a post-modifier (a comma, a parenthesis, or a preposition or relative
//     pronoun after the first capitalised word) ends the head's part:
//     "Moscone Center in San Francisco , California" -> "Moscone Center";
//   - the head is the last run of capitalised words before it, joined by
//     the connectives names hold ("Royal Courts of Justice", "Wal - Mart"),
//     so lower-case premodifiers and possessors drop out: "aircraft
//     manufacturer Boeing" -> "Boeing", "Singapore 's Changi International
//     Airport" -> "Changi International Airport";
//   - a person's titles are not part of the name (CoNLL-2003 leaves them
//     out): "Spokeswoman Sandy Angers" -> "Sandy Angers";
//   - a leading determiner is not part of it: "The Beatles" -> "Beatles".
//
// An extent with no capitalised word is returned without its determiner.
func nameOf(toks []string, a, b int, person bool) (int, int) {
	cut, seenCap := b, false
	for j := a; j < b; j++ {
		if hasUpper(toks[j]) {
			seenCap = true
			continue
		}
		if seenCap && postModifierStart(toks[j]) {
			cut = j
			break
		}
	}
	e := cut
	for e > a && !hasUpper(toks[e-1]) {
		e--
	}
	if e == a {
		for a < b-1 && isDeterminer(toks[a]) {
			a++
		}
		return a, b
	}
	s := e - 1
	for s > a {
		if hasUpper(toks[s-1]) {
			s--
			continue
		}
		if s-2 >= a && nameConnective(toks[s-1]) && hasUpper(toks[s-2]) {
			s -= 2
			continue
		}
		break
	}
	for s < e-1 && isDeterminer(toks[s]) {
		s++
	}
	if person {
		t := s
		for t < e && (isTitle(toks[t]) || (t > s && nameConnective(toks[t]))) {
			t++
		}
		if t < e && hasUpper(toks[t]) {
			s = t // a name follows the titles ("Mr Justice" alone stays)
		}
	}
	return s, e
}

// meantimeName is one named mention of a MEANTIME article: its entity and
// type, its sentence, its annotated extent and the name derived from it.
type meantimeName struct {
	entity, typ string
	sent        int
	ext, name   Chunk
}

// nameInside reports a mention whose name is given by other mentions inside
// it, so that scoring it too would count one name twice or score a phrase
// that is not a name:
//   - a named mention of the same entity nested in it is its name, the
//     rest a title or an apposition ("Presiding Judge Martin Mann" holds
//     "Martin Mann", "Ryanair CEO , Michael O' Leary" holds "Michael O'
//     Leary");
//   - its name's capitalised words all belong to nested mentions of other
//     entities: a coordination ("Boeing and Lockheed Martin") or a phrase
//     built on another entity's name ("China Eastern 's board of directors").
func nameInside(m meantimeName, all []meantimeName, toks []string) bool {
	covered := make([]bool, m.name.End-m.name.Start)
	for _, n := range all {
		if n.sent != m.sent || n.ext == m.ext || n.ext.Start < m.ext.Start || n.ext.End > m.ext.End {
			continue
		}
		if m.entity != "" && n.entity == m.entity {
			return true
		}
		if n.entity == "" {
			continue // an unlinked mention says nothing about what it names
		}
		for i := max(n.ext.Start, m.name.Start); i < min(n.ext.End, m.name.End); i++ {
			covered[i-m.name.Start] = true
		}
	}
	caps := 0
	for i, c := range covered {
		if hasUpper(toks[m.name.Start+i]) {
			caps++
			if !c {
				return false
			}
		}
	}
	return caps > 0
}

func hasUpper(w string) bool {
	for _, r := range w {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// nameConnective joins capitalised words into one name.
func nameConnective(w string) bool {
	switch strings.ToLower(w) {
	case "of", "and", "&", "de", "du", "des", "der", "van", "von", "la", "le", "da", "di", "del", "al", "-", "y":
		return true
	}
	return false
}

// postModifierStart reports a token that starts what follows a noun
// phrase's head: punctuation that opens an apposition or a parenthesis, a
// preposition, a participle of place or a relative pronoun.
func postModifierStart(w string) bool {
	switch strings.ToLower(w) {
	case ",", "(", ")", ";", ":", "--", "-lrb-", "in", "near", "at", "on", "from", "to", "for", "with", "by",
		"outside", "inside", "located", "which", "who", "whose", "that":
		return true
	}
	return false
}

// isTitle reports a word of a person's title or form of address, which
// CoNLL-style names leave out.
func isTitle(w string) bool {
	switch strings.ToLower(strings.TrimSuffix(w, ".")) {
	case "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "senator", "sen", "rep", "representative",
		"governor", "gov", "president", "vice", "prime", "minister", "secretary", "chancellor", "king", "queen",
		"prince", "princess", "pope", "judge", "justice", "presiding", "chief", "executive", "ceo", "chairman",
		"chairwoman", "spokesman", "spokeswoman", "spokesperson", "general", "gen", "colonel", "col", "captain",
		"capt", "professor", "prof", "director", "officer", "ambassador", "mayor":
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

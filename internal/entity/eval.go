package entity

import (
	"encoding/xml"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/text"
)

// The entity stage is scored on MEANTIME (Wikinews, CC BY 4.0), whose
// documents carry gold entity mentions (names, nominals, pronouns) and
// their in-document coreference (REFERS_TO an entity instance). The gold
// name mentions stand in for the NER stage; what is scored is what this
// package adds: which names, pronouns and role nouns it puts together.

// GoldMention is one MEANTIME entity mention.
type GoldMention struct {
	Span    article.Span
	Syntax  string // NAM, NOM, PRO, …
	Entity  string // gold entity instance ("" when the mention refers to none)
	EntType string // PER, ORG, LOC, FIN, PRO (product)
}

// GoldDoc is one MEANTIME document rebuilt into running text.
type GoldDoc struct {
	Name     string
	Text     string
	Mentions []GoldMention
}

type meantimeXML struct {
	Tokens []struct {
		ID       int    `xml:"t_id,attr"`
		Sentence int    `xml:"sentence,attr"`
		Text     string `xml:",chardata"`
	} `xml:"token"`
	Markables struct {
		Mentions []struct {
			ID      string `xml:"m_id,attr"`
			Syntax  string `xml:"syntactic_type,attr"`
			Anchors []struct {
				ID int `xml:"t_id,attr"`
			} `xml:"token_anchor"`
		} `xml:"ENTITY_MENTION"`
		Entities []struct {
			ID   string `xml:"m_id,attr"`
			Type string `xml:"ent_type,attr"`
		} `xml:"ENTITY"`
	} `xml:"Markables"`
	Relations struct {
		RefersTo []struct {
			Sources []struct {
				ID string `xml:"m_id,attr"`
			} `xml:"source"`
			Target struct {
				ID string `xml:"m_id,attr"`
			} `xml:"target"`
		} `xml:"REFERS_TO"`
	} `xml:"Relations"`
}

// ReadMeantime reads one MEANTIME XML document.
func ReadMeantime(path string) (GoldDoc, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return GoldDoc{}, fmt.Errorf("reading MEANTIME: %w", err)
	}
	var x meantimeXML
	if err := xml.Unmarshal(raw, &x); err != nil {
		return GoldDoc{}, fmt.Errorf("%s: %w", path, err)
	}
	var sents [][]string
	var ids [][]int
	last := -1
	for _, t := range x.Tokens {
		if t.Sentence != last || len(sents) == 0 {
			sents, ids = append(sents, nil), append(ids, nil)
			last = t.Sentence
		}
		sents[len(sents)-1] = append(sents[len(sents)-1], t.Text)
		ids[len(ids)-1] = append(ids[len(ids)-1], t.ID)
	}
	txt, spans := text.Detokenize(sents)
	tokSpan := map[int]article.Span{}
	for si := range ids {
		for ti, id := range ids[si] {
			tokSpan[id] = spans[si][ti]
		}
	}
	entType := map[string]string{}
	for _, e := range x.Markables.Entities {
		entType[e.ID] = e.Type
	}
	refers := map[string]string{}
	for _, r := range x.Relations.RefersTo {
		for _, s := range r.Sources {
			refers[s.ID] = r.Target.ID
		}
	}
	doc := GoldDoc{Name: strings.TrimSuffix(filepath.Base(path), ".xml"), Text: txt}
	for _, m := range x.Markables.Mentions {
		if len(m.Anchors) == 0 {
			continue
		}
		sp := article.Span{Start: -1}
		for _, a := range m.Anchors {
			ts, ok := tokSpan[a.ID]
			if !ok {
				continue
			}
			if sp.Start < 0 || ts.Start < sp.Start {
				sp.Start = ts.Start
			}
			sp.End = max(sp.End, ts.End)
		}
		if sp.Start < 0 {
			continue
		}
		ent := refers[m.ID]
		doc.Mentions = append(doc.Mentions, GoldMention{Span: sp, Syntax: m.Syntax, Entity: ent, EntType: entType[ent]})
	}
	sort.Slice(doc.Mentions, func(i, j int) bool { return doc.Mentions[i].Span.Start < doc.Mentions[j].Span.Start })
	return doc, nil
}

// ReadMeantimeDir reads every MEANTIME XML document under dir.
func ReadMeantimeDir(dir string) ([]GoldDoc, error) {
	var docs []GoldDoc
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".xml") {
			return err
		}
		doc, err := ReadMeantime(path)
		if err != nil {
			return err
		}
		docs = append(docs, doc)
		return nil
	})
	return docs, err
}

// containsName reports whether another gold name lies inside m.
func containsName(ms []GoldMention, m GoldMention) bool {
	for _, o := range ms {
		if o.Syntax == "NAM" && o.Entity != "" && o.Span != m.Span && m.Span.Contains(o.Span) {
			return true
		}
	}
	return false
}

// nerType maps MEANTIME entity types to the NER stage's.
func nerType(t string) string {
	switch t {
	case "PER":
		return article.PER
	case "ORG", "FIN":
		return article.ORG
	case "LOC":
		return article.LOC
	}
	return article.MISC
}

// CorefScore is the entity stage scored on MEANTIME.
type CorefScore struct {
	Docs, Names int
	// B-cubed over gold name mentions: the stage's entities against the
	// gold coreference chains.
	B3Precision, B3Recall, B3F1 float64
	// The same for the baseline that groups names by exact normalised text.
	BaselineB3Precision, BaselineB3Recall, BaselineB3F1 float64
	// Pronouns (he/she and their forms) the stage resolved, how many point
	// to the gold entity, and how many such gold pronouns have a named
	// antecedent.
	Pronouns, PronounsCorrect, GoldPronouns int
	// Role nouns ("the chancellor") the stage resolved, and how many point
	// to the gold entity of a gold nominal mention there.
	Titles, TitlesCorrect int
}

// EvalMeantime runs the stage on the documents with their gold name
// mentions as input and scores what it resolves.
func EvalMeantime(docs []GoldDoc, st Stage) (CorefScore, error) {
	var sc CorefScore
	var b3, base b3Sum
	for _, gd := range docs {
		doc := &article.Doc{Article: &article.Article{Text: gd.Text}}
		text.Analyse(doc)
		var names []GoldMention
		goldAt := map[article.Span]GoldMention{}
		for _, m := range gd.Mentions {
			goldAt[m.Span] = m
		}
		for _, m := range gd.Mentions {
			// NER output is flat: of nested gold names ("Airbus chief
			// executive Noel Forgeard" around "Noel Forgeard") the inner
			// one is what a tagger gives.
			if m.Syntax != "NAM" || m.Entity == "" || containsName(gd.Mentions, m) {
				continue
			}
			names = append(names, m)
			doc.Analysis.Mentions = append(doc.Analysis.Mentions, article.Mention{
				Span: m.Span, Text: m.Span.Of(gd.Text), Type: nerType(m.EntType), Kind: "name", Entity: -1,
			})
		}
		if err := st.Analyse(doc); err != nil {
			return sc, fmt.Errorf("%s: %w", gd.Name, err)
		}
		sc.Docs++
		sc.Names += len(names)

		// Clusters of gold name mentions, by the stage's entity (the stage
		// may trim an honorific off the front of a span, or a possessive or
		// separator off its end: a system span inside a gold one that is no
		// gold span itself is the gold mention trimmed).
		sysOf := map[article.Span]string{}
		for _, m := range doc.Analysis.Mentions {
			if m.Kind == "name" && m.Entity >= 0 {
				sysOf[m.Span] = strconv.Itoa(m.Entity)
			}
		}
		find := func(g article.Span) (string, bool) {
			if s, ok := sysOf[g]; ok {
				return s, true
			}
			best, found := article.Span{}, ""
			for sp, s := range sysOf {
				if sp.Start >= g.Start && sp.End <= g.End && goldAt[sp].Span != sp &&
					(found == "" || sp.End-sp.Start > best.End-best.Start || sp.End-sp.Start == best.End-best.Start && sp.Start < best.Start) {
					best, found = sp, s
				}
			}
			return found, found != ""
		}
		var gold, sys, exact []string
		for i, m := range names {
			gold = append(gold, m.Entity)
			s, ok := find(m.Span)
			if !ok {
				s = "unresolved-" + strconv.Itoa(i)
			}
			sys = append(sys, s)
			exact = append(exact, Normalize(m.Span.Of(gd.Text)))
		}
		b3.add(sys, gold)
		base.add(exact, gold)

		// The gold entity each of the stage's entities stands for: the
		// majority gold entity of its name mentions.
		entGold := map[int]string{}
		for ei, e := range doc.Analysis.Entities {
			votes := map[string]int{}
			for _, mi := range e.Mentions {
				m := doc.Analysis.Mentions[mi]
				if g, ok := goldAt[m.Span]; ok && m.Kind == "name" && g.Entity != "" {
					votes[g.Entity]++
				}
			}
			best, n := "", 0
			for g, v := range votes {
				if v > n || v == n && g < best {
					best, n = g, v
				}
			}
			entGold[ei] = best
		}
		named := map[string]bool{}
		for _, m := range names {
			named[m.Entity] = true
		}
		for _, m := range gd.Mentions {
			// MEANTIME leaves the syntactic type of many mentions empty: a
			// pronoun is known by its text.
			if named[m.Entity] && pronounGender[strings.ToLower(m.Span.Of(gd.Text))] != 0 {
				sc.GoldPronouns++
			}
		}
		for _, m := range doc.Analysis.Mentions {
			switch m.Kind {
			case "pronoun":
				sc.Pronouns++
				if g, ok := goldAt[m.Span]; ok && g.Entity != "" && g.Entity == entGold[m.Entity] {
					sc.PronounsCorrect++
				}
			case "title":
				sc.Titles++
				for _, g := range gd.Mentions {
					if g.Span.Overlaps(m.Span) && g.Syntax != "NAM" && g.Entity != "" && g.Entity == entGold[m.Entity] {
						sc.TitlesCorrect++
						break
					}
				}
			}
		}
	}
	sc.B3Precision, sc.B3Recall, sc.B3F1 = b3.score()
	sc.BaselineB3Precision, sc.BaselineB3Recall, sc.BaselineB3F1 = base.score()
	return sc, nil
}

// b3Sum accumulates B-cubed precision and recall over mentions.
type b3Sum struct {
	p, r float64
	n    int
}

// add scores one document: sys[i] and gold[i] are the cluster labels of
// mention i.
func (b *b3Sum) add(sys, gold []string) {
	for i := range sys {
		inSys, inGold, both := 0, 0, 0
		for j := range sys {
			s, g := sys[j] == sys[i], gold[j] == gold[i]
			if s {
				inSys++
			}
			if g {
				inGold++
			}
			if s && g {
				both++
			}
		}
		b.p += float64(both) / float64(inSys)
		b.r += float64(both) / float64(inGold)
		b.n++
	}
}

func (b *b3Sum) score() (p, r, f float64) {
	if b.n == 0 {
		return 0, 0, 0
	}
	p, r = b.p/float64(b.n), b.r/float64(b.n)
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

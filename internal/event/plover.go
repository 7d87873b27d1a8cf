package event

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/cameo"
)

// Record is one PLOVER gold record (records.json): a sentence with its
// coded event. Source and target are lists of actors; the published file
// sometimes has a string or nothing in their place, read as no actors.
type Record struct {
	ID     string
	Text   string
	Event  string
	Source []GoldActor
	Target []GoldActor
	Date   string
}

// GoldActor is one coded actor of a record.
type GoldActor struct {
	Text   string `json:"actorText"`
	Code   string `json:"code"`
	Sector string `json:"sector"`
}

// Label is the actor's country (or IGO, NGO, IMG) code and its first role
// code ("***" and ethnic or religious extensions dropped: "CVLkur" -> CVL).
func (a GoldActor) Label() (country, sector string) {
	country = strings.ToUpper(strings.TrimSpace(a.Code))
	s := strings.ToUpper(strings.TrimSpace(a.Sector))
	if len(s) >= 3 && cameo.IsSector(s[:3]) {
		sector = s[:3]
	}
	return country, sector
}

// ReadRecords reads the PLOVER records file.
func ReadRecords(r io.Reader) ([]Record, error) {
	var raw []struct {
		ID     string          `json:"id"`
		Text   string          `json:"text"`
		Event  string          `json:"event"`
		Date   string          `json:"date"`
		Source json.RawMessage `json:"source"`
		Target json.RawMessage `json:"target"`
	}
	if err := json.NewDecoder(r).Decode(&raw); err != nil {
		return nil, fmt.Errorf("decoding PLOVER records: %w", err)
	}
	out := make([]Record, 0, len(raw))
	for _, x := range raw {
		out = append(out, Record{ID: x.ID, Text: strings.TrimSpace(x.Text), Event: x.Event, Date: x.Date,
			Source: actorList(x.Source), Target: actorList(x.Target)})
	}
	return out, nil
}

// actorList reads a list of actors; a string ("diplomatic") or null is no actor.
func actorList(m json.RawMessage) []GoldActor {
	var as []GoldActor
	if json.Unmarshal(m, &as) != nil {
		return nil
	}
	return as
}

// Scores are the event metrics over a set of records.
type Scores struct {
	Records int
	// Category: records whose main predicted PLOVER category is the gold one.
	Category int
	// Triple: category right and the source and target country-code sets
	// equal to gold; TripleSector also requires the sectors. Countries
	// are compared in ISO form: the gold's legacy codes (JAP, VTN, ITL,
	// see cameo.ISOCountry) are mapped first. TripleRaw and
	// TripleSectorRaw compare the gold's codes literally.
	Triple, TripleSector                       int
	TripleRaw, TripleSectorRaw                 int
	Source, Target, SourceSector, TargetSector PRF
	Coded                                      int // records with at least one predicted event
}

// PRF counts matches for micro-averaged precision, recall and F1.
type PRF struct{ TP, FP, FN int }

// F1 is the harmonic mean of precision and recall.
func (p PRF) F1() float64 {
	if 2*p.TP+p.FP+p.FN == 0 {
		return 0
	}
	return 2 * float64(p.TP) / float64(2*p.TP+p.FP+p.FN)
}

func (p PRF) Precision() float64 {
	if p.TP+p.FP == 0 {
		return 0
	}
	return float64(p.TP) / float64(p.TP+p.FP)
}

func (p PRF) Recall() float64 {
	if p.TP+p.FN == 0 {
		return 0
	}
	return float64(p.TP) / float64(p.TP+p.FN)
}

// Prediction is what the coder said about one record: the main event's
// category and the actor codes of the events sharing its trigger.
type Prediction struct {
	Category string
	Sources  []string // full CAMEO actor codes
	Targets  []string
}

// Predict reduces the events of one record's text to a Prediction: the
// first event is the main one (the coder emits one trigger per sentence,
// one event per source-target pair).
func Predict(evs []article.Event) Prediction {
	if len(evs) == 0 {
		return Prediction{}
	}
	main := evs[0]
	p := Prediction{Category: main.Plover}
	for _, e := range evs {
		if e.Trigger != main.Trigger || e.Sentence != main.Sentence {
			continue
		}
		if e.Source.Code != "" {
			p.Sources = appendUniq(p.Sources, e.Source.Code)
		}
		if e.Target != nil && e.Target.Code != "" {
			p.Targets = appendUniq(p.Targets, e.Target.Code)
		}
	}
	return p
}

func appendUniq(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// Add scores one record.
func (s *Scores) Add(r Record, p Prediction) {
	s.Records++
	if p.Category != "" {
		s.Coded++
	}
	catOK := p.Category == r.Event
	if catOK {
		s.Category++
	}
	srcOK := s.Source.add(goldSet(r.Source, false, true), predSet(p.Sources, false))
	tgtOK := s.Target.add(goldSet(r.Target, false, true), predSet(p.Targets, false))
	srcSOK := s.SourceSector.add(goldSet(r.Source, true, true), predSet(p.Sources, true))
	tgtSOK := s.TargetSector.add(goldSet(r.Target, true, true), predSet(p.Targets, true))
	if catOK && srcOK && tgtOK {
		s.Triple++
	}
	if catOK && srcSOK && tgtSOK {
		s.TripleSector++
	}
	if catOK && sameSet(goldSet(r.Source, false, false), predSet(p.Sources, false)) &&
		sameSet(goldSet(r.Target, false, false), predSet(p.Targets, false)) {
		s.TripleRaw++
		if sameSet(goldSet(r.Source, true, false), predSet(p.Sources, true)) &&
			sameSet(goldSet(r.Target, true, false), predSet(p.Targets, true)) {
			s.TripleSectorRaw++
		}
	}
}

func sameSet(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// add counts set overlap and reports whether the sets are equal.
func (p *PRF) add(gold, pred map[string]bool) bool {
	eq := len(gold) == len(pred)
	for g := range gold {
		if pred[g] {
			p.TP++
		} else {
			p.FN++
			eq = false
		}
	}
	for x := range pred {
		if !gold[x] {
			p.FP++
		}
	}
	return eq
}

// goldSet is the set of a gold actor list's countries (with sectors when
// withSector), mapped to ISO codes when iso.
func goldSet(as []GoldActor, withSector, iso bool) map[string]bool {
	m := map[string]bool{}
	for _, a := range as {
		c, s := a.Label()
		if c == "" {
			continue
		}
		if iso {
			c = cameo.ISOCountry(c)
		}
		if withSector {
			c += s
		}
		m[c] = true
	}
	return m
}

func predSet(codes []string, withSector bool) map[string]bool {
	m := map[string]bool{}
	for _, code := range codes {
		c, s := cameo.Split(code)
		if c == "" || c == "---" && !withSector {
			continue
		}
		if withSector {
			c += s
		}
		m[c] = true
	}
	return m
}

// Metrics returns the scores as the eval contract's metrics map.
func (s *Scores) Metrics() map[string]any {
	n := float64(max(s.Records, 1))
	return map[string]any{
		"records":                s.Records,
		"coded":                  s.Coded,
		"category_accuracy":      float64(s.Category) / n,
		"triple_accuracy":        float64(s.Triple) / n,
		"triple_sector_accuracy": float64(s.TripleSector) / n,
		// the same with the gold's legacy country codes taken literally
		"triple_accuracy_raw":        float64(s.TripleRaw) / n,
		"triple_sector_accuracy_raw": float64(s.TripleSectorRaw) / n,
		"source_country_f1":          s.Source.F1(),
		"target_country_f1":          s.Target.F1(),
		"source_sector_f1":           s.SourceSector.F1(),
		"target_sector_f1":           s.TargetSector.F1(),
	}
}

// Evaluate codes every record's text with code (the production pipeline:
// text layer, entity stages when present, this stage) and scores it.
// ids, when non-nil, restricts scoring to those record ids.
func Evaluate(recs []Record, code func(text string) ([]article.Event, error)) (Scores, []Miss, error) {
	var s Scores
	var misses []Miss
	for _, r := range recs {
		evs, err := code(r.Text)
		if err != nil {
			return s, nil, fmt.Errorf("record %s: %w", r.ID, err)
		}
		p := Predict(evs)
		before := s.Triple
		s.Add(r, p)
		if s.Triple == before {
			misses = append(misses, Miss{Record: r, Got: p})
		}
	}
	return s, misses, nil
}

// Miss is a record whose triple was wrong, for error listings.
type Miss struct {
	Record Record
	Got    Prediction
}

// HeldOut reports whether a record belongs to the held-out quarter of the
// PLOVER records (by a hash of its id). Lexicon tuning looked only at the
// other three quarters, so scores on this split are the honest ones.
func HeldOut(id string) bool {
	var h uint32 = 2166136261
	for i := 0; i < len(id); i++ {
		h ^= uint32(id[i])
		h *= 16777619
	}
	return h%4 == 0
}

// Split selects the records of a split: "all", "tune" or "heldout".
func Split(recs []Record, split string) ([]Record, error) {
	if split == "" || split == "all" {
		return recs, nil
	}
	if split != "tune" && split != "heldout" {
		return nil, fmt.Errorf("unknown split %q (want all, tune or heldout)", split)
	}
	var out []Record
	for _, r := range recs {
		if HeldOut(r.ID) == (split == "heldout") {
			out = append(out, r)
		}
	}
	return out, nil
}

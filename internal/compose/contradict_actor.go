package compose

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dossier-news/dossier/internal/article"
)

// ConflictActor is a "who did what" contradiction: independent sources give
// the same act on the same days to different actors, or the same actor acting
// on different targets.
const ConflictActor = "actor"

// actorPronouns are subjects that name no one by themselves; an event whose
// actor is one of them cannot disagree with anything.
var actorPronouns = map[string]bool{
	"he": true, "she": true, "it": true, "they": true, "we": true, "i": true, "you": true,
	"his": true, "her": true, "its": true, "their": true, "them": true, "who": true, "which": true,
	"this": true, "that": true, "these": true, "those": true, "one": true,
}

// mutualActs are the PLOVER categories whose source and target are
// interchangeable parties: meetings, negotiations, cooperation, agreements.
var mutualActs = map[string]bool{"CONSULT": true, "COOPERATE": true, "AGREE": true}

// actorID is what identifies an actor across articles: its CAMEO code and
// its entity key. Either may be missing.
type actorID struct {
	code, key, name string
}

// same reports whether two actors may be one: a code refining the other
// ("USA" and "USAGOV", "GOV" and "PSEGOV") is the same actor seen closer;
// entity keys decide only between two uncoded actors, since a coded actor
// and an uncoded one cannot be told apart (they count as the same).
func (a actorID) same(b actorID) bool {
	switch {
	case a.code != "" && b.code != "":
		return codeRefines(a.code, b.code) || codeRefines(b.code, a.code)
	case a.code != "" || b.code != "":
		return true
	case a.key != "" && b.key != "":
		return a.key == b.key
	}
	return true
}

// codeRefines reports whether every three-letter piece of CAMEO code sub
// occurs in code sup: "GOV" refines to "PSEGOV", "PSEREB" does not. The
// unknown country "---" ("---GOV": a government the coder could not place)
// refines to any.
func codeRefines(sub, sup string) bool {
	if len(sub)%3 != 0 || len(sup)%3 != 0 {
		return sub == sup
	}
	for i := 0; i < len(sub); i += 3 {
		if sub[i:i+3] == "---" {
			continue
		}
		found := false
		for j := 0; j < len(sup); j += 3 {
			if sub[i:i+3] == sup[j:j+3] {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// actReport is what one independent source says about one act on one
// occasion: who did it, to whom, and where it says so.
type actReport struct {
	d       *doc
	s       *sent
	act     string // the act's key: "REJECT plan"
	label   string // the act as the first report words it: "REJECT plan"
	when    period
	sources []actorID
	targets []actorID
}

// actorContradictions finds acts (the same PLOVER category about the same
// thing, on overlapping days) that independent sources give to different
// actors, or to the same actor against different targets. It is
// conservative: an uncoded or pronoun actor says nothing, one source naming
// some of the actors another names ("Qatar" against "Qatar and Norway")
// agrees with it, and copies of one report are one voice.
func actorContradictions(docs []*doc) []Contradiction {
	byAct := map[string][]*actReport{}
	var acts []string
	for _, d := range docs {
		if d.member.Duplicate {
			continue // a copy is not a second source
		}
		for _, r := range docReports(d) {
			if _, ok := byAct[r.act]; !ok {
				acts = append(acts, r.act)
			}
			byAct[r.act] = append(byAct[r.act], r)
		}
	}
	var out []Contradiction
	for _, act := range acts {
		rs := byAct[act]
		inWho := make([]bool, len(rs))
		inWhom := make([]bool, len(rs))
		for i, a := range rs {
			for j := i + 1; j < len(rs); j++ {
				b := rs[j]
				if a.d.group() == b.d.group() || !overlaps(a.when, b.when) {
					continue
				}
				if disjoint(a.sources, b.sources) {
					inWho[i], inWho[j] = true, true
				} else if len(a.sources) > 0 && len(b.sources) > 0 && disjoint(a.targets, b.targets) {
					// the same actor (named by both) against different targets
					inWhom[i], inWhom[j] = true, true
				}
			}
		}
		label := rs[0].label
		if c, ok := actorConflict("who: "+label, rs, inWho, func(r *actReport) []actorID { return r.sources }); ok {
			out = append(out, c)
		}
		if c, ok := actorConflict("whom: "+label, rs, inWhom, func(r *actReport) []actorID { return r.targets }); ok {
			out = append(out, c)
		}
	}
	return out
}

// actorConflict makes the contradiction of the reports marked in.
func actorConflict(slot string, rs []*actReport, in []bool, side func(*actReport) []actorID) (Contradiction, bool) {
	ct := Contradiction{Kind: ConflictActor, Slot: slot}
	var vals []string
	for i, r := range rs {
		if !in[i] {
			continue
		}
		v := actorNames(side(r))
		if !slices.ContainsFunc(vals, func(x string) bool { return strings.EqualFold(x, v) }) {
			vals = append(vals, v)
		}
		ct.Claims = append(ct.Claims, Claim{Value: v, Source: r.d.outlet, Citation: r.d.cite(r.s)})
	}
	if len(ct.Claims) < 2 {
		return ct, false
	}
	slices.Sort(vals)
	ct.Explain = fmt.Sprintf("sources name different actors for %q: %s", slot, strings.Join(vals, " vs "))
	return ct, true
}

func actorNames(ids []actorID) string {
	var ns []string
	for _, a := range ids {
		if !slices.Contains(ns, a.name) {
			ns = append(ns, a.name)
		}
	}
	return strings.Join(ns, " and ")
}

// disjoint reports whether each side names an actor the other does not: one
// side naming a subset of the other's actors is no disagreement.
func disjoint(a, b []actorID) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	return hasForeign(a, b) && hasForeign(b, a)
}

// hasForeign reports whether a names an actor that is none of b's.
func hasForeign(a, b []actorID) bool {
	for _, x := range a {
		if !slices.ContainsFunc(b, x.same) {
			return true
		}
	}
	return false
}

func overlaps(a, b period) bool {
	return !a.start.After(b.end) && !b.start.After(a.end)
}

// docReports gathers one article's act reports: the events of one sentence
// and trigger are one report (a coordination is coded as one event per
// actor), and the reports of one act on one occasion in different sentences
// are merged, so an article naming Qatar in one sentence and Norway in the
// next names both.
func docReports(d *doc) []*actReport {
	type trig struct{ sent, trig article.Span }
	byTrig := map[trig]*actReport{}
	var order []trig
	for _, e := range d.an.Events {
		if e.Negated || e.Plover == "" {
			continue
		}
		si := d.sentenceOf(e.Sentence.Start)
		if si < 0 {
			continue
		}
		s := &d.sents[si]
		if s.opinion || !s.body() || s.block == article.BlockHeadline {
			// A headline's compressed grammar makes a modifier the actor
			// ("Valdmar port talks collapse": Valdmar held talks); the body
			// states who acted.
			continue
		}
		k := trig{e.Sentence, e.Trigger}
		r := byTrig[k]
		if r == nil {
			noun, word := actNoun(d.a.Text, s.span, e.Trigger)
			if noun == "" {
				continue // an act about no named thing cannot be matched safely
			}
			when, ok := actPeriod(e.Date, d.date)
			if !ok {
				continue
			}
			verb := e.Plover
			if strings.HasPrefix(e.Code, "045") || strings.HasPrefix(e.Code, "039") {
				// mediation (045) and the intent to mediate (039, AGREE):
				// the go-between is another role than the parties to the
				// talks, and the act is not mutual
				verb = "MEDIATE"
			}
			r = &actReport{d: d, s: s, act: verb + " " + noun, label: verb + " " + word, when: when}
			byTrig[k] = r
			order = append(order, k)
		}
		if id, ok := d.actorID(e.Source); ok && !slices.Contains(r.sources, id) {
			r.sources = append(r.sources, id)
		}
		if e.Target != nil {
			if id, ok := d.actorID(*e.Target); ok && !slices.Contains(r.targets, id) {
				r.targets = append(r.targets, id)
			}
		}
	}
	var out []*actReport
	for _, k := range order {
		r := byTrig[k]
		if mutualActs[strings.Fields(r.act)[0]] {
			// talks between A and B are talks between B and A: which side
			// the coder made the source says nothing
			r.sources, r.targets = union(r.sources, r.targets), nil
		}
		if len(r.sources) == 0 && len(r.targets) == 0 {
			continue
		}
		merged := false
		for _, o := range out {
			if o.act == r.act && o.when == r.when {
				o.sources = union(o.sources, r.sources)
				o.targets = union(o.targets, r.targets)
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, r)
		}
	}
	return out
}

func union(a, b []actorID) []actorID {
	for _, x := range b {
		if !slices.Contains(a, x) {
			a = append(a, x)
		}
	}
	return a
}

// actorID identifies an event actor, false when it names no one: no code,
// no entity, or a pronoun.
func (d *doc) actorID(a article.Actor) (actorID, bool) {
	txt := strings.TrimSpace(a.Text)
	if actorPronouns[strings.ToLower(txt)] {
		return actorID{}, false
	}
	id := actorID{code: a.Code, name: txt}
	if a.Entity >= 0 && a.Entity < len(d.an.Entities) {
		e := d.an.Entities[a.Entity]
		id.key = e.Key
		if e.Name != "" {
			id.name = e.Name
		}
	}
	if id.code == "" && id.key == "" {
		return actorID{}, false
	}
	if id.name == "" {
		id.name = id.code
	}
	return id, true
}

// actPeriod is the stretch of days an act falls in: its stated day, else
// the day before the article's date to the day after (a report tells of
// yesterday's or today's acts, and time zones blur the edge).
func actPeriod(value string, docDate time.Time) (period, bool) {
	if p, ok := parsePeriod(value, ""); ok && p.precision == PrecisionDay {
		return p, true
	}
	if docDate.IsZero() {
		return period{}, false
	}
	return period{value: dayOf(docDate), start: docDate.AddDate(0, 0, -1), end: docDate.AddDate(0, 0, 1),
		precision: PrecisionDay}, true
}

// actNoun is the thing an act is about: the first known act or issue noun
// from the trigger on ("rejected the peace plan" → plan, the head of a run
// of such nouns), else the nearest before it ("the plan was rejected"). The
// key is normalised (a truce is a ceasefire, plans are a plan); the word is
// as written, for the slot's label.
func actNoun(txt string, s, trig article.Span) (key, word string) {
	if s.Start < 0 || s.End > len(txt) || trig.Start < s.Start || trig.End > s.End || trig.Start > trig.End {
		return "", ""
	}
	norm := func(w string) string {
		if n := slotNoun[w]; n != "" {
			return n
		}
		if st := stem(w); issueNounOfStem[st] != "" {
			return st
		}
		return ""
	}
	after := words(txt[trig.Start:s.End])
	for i := 0; i < len(after) && i < 8; i++ {
		if norm(after[i]) == "" {
			continue
		}
		for i+1 < len(after) && norm(after[i+1]) != "" {
			i++ // "peace plan": the plan
		}
		return norm(after[i]), after[i]
	}
	before := words(txt[s.Start:trig.Start])
	for i := len(before) - 1; i >= 0 && i >= len(before)-6; i-- {
		if n := norm(before[i]); n != "" {
			return n, before[i]
		}
	}
	return "", ""
}

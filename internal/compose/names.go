package compose

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/dossier-news/dossier/internal/article"
)

// titleWords can open a person's designation before the name ("Qatari
// Foreign Minister Layla Al-Mansouri", "UN special envoy Tomas Reinholt").
var titleWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the a prime minister foreign president spokesman spokeswoman spokesperson special
	envoy rebel secretary general chancellor mayor un deputy interior defence defense state chief head leader
	commander ambassador senator governor king queen pope former then acting vice premier minister's
	health finance economy trade justice home affairs external opposition army police military party group's`) {
		m[w] = true
	}
	return m
}()

// splitTitle separates a designation into the name and the title before it;
// a nationality adjective before the title is dropped. The name is "" when
// the designation is only a title ("Rebel spokesman").
func splitTitle(s string) (name, title string) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(s), "'s"), "’s"))
	toks := strings.Fields(s)
	last := -1
	for i, t := range toks {
		low := strings.ToLower(strings.Trim(t, ",.;:"))
		parts := strings.Split(low, "-") // Secretary-General
		all := true
		for _, p := range parts {
			if !titleWords[p] {
				all = false
			}
		}
		if all {
			last = i
		}
	}
	var tw []string
	for i := 0; i <= last; i++ {
		low := strings.ToLower(toks[i])
		if titleWords[strings.Split(low, "-")[0]] && low != "the" && low != "a" {
			tw = append(tw, low)
		}
	}
	title = strings.Join(tw, " ")
	rest := toks[last+1:]
	if len(rest) == 0 || !capitalised(rest[0]) {
		return "", title
	}
	return strings.Trim(strings.Join(rest, " "), ",.;: "), title
}

func capitalised(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// names resolves short forms to the full names used elsewhere in the
// story: "Reinholt" is "Tomas Reinholt" when no other Reinholt appears.
type names struct {
	full map[string][]string // last word -> full names
}

func newNames(all []string) *names {
	n := &names{full: map[string][]string{}}
	for _, s := range all {
		f := strings.Fields(s)
		if len(f) < 2 {
			continue
		}
		last := strings.ToLower(f[len(f)-1])
		if !slices.Contains(n.full[last], s) {
			n.full[last] = append(n.full[last], s)
		}
	}
	return n
}

func (n *names) canonical(s string) string {
	f := strings.Fields(s)
	if len(f) != 1 {
		return s
	}
	if fs := n.full[strings.ToLower(f[0])]; len(fs) == 1 {
		return fs[0]
	}
	return s
}

// speakerOf names the speaker of a quote: its entity when resolved, else
// the speaker's words without the title.
func (d *doc) speakerOf(q article.Quote) (name, key, title string) {
	name, key = d.entityName(q.SpeakerEntity)
	raw := q.SpeakerName
	if raw == "" && q.Speaker != nil {
		raw = q.Speaker.Of(d.a.Text)
	}
	if name != "" {
		_, title = splitTitle(raw)
		return name, key, title
	}
	name, title = splitTitle(raw)
	return name, "", title
}

// storyNames gathers every person or organisation name the quotes and
// events of the story give, for resolving short forms.
func storyNames(docs []*doc) *names {
	var all []string
	for _, d := range docs {
		for _, q := range d.an.Quotes {
			if n, _, _ := d.speakerOf(q); n != "" {
				all = append(all, n)
			}
		}
		for _, e := range d.an.Entities {
			all = append(all, e.Name)
		}
		for _, ev := range d.an.Events {
			if n, _ := splitTitle(ev.Source.Text); n != "" {
				all = append(all, n)
			}
		}
	}
	return newNames(all)
}

// actorsFromText is the actor list when no source has entities (an entity
// stage without its model): speakers and coded event actors, counted by
// how often each source names them.
func actorsFromText(docs []*doc, nm *names) []Actor {
	byName := map[string]*Actor{}
	var order []string
	add := func(name, typ string) *Actor {
		name = nm.canonical(name)
		a := byName[name]
		if a == nil {
			a = &Actor{Key: strings.ToLower(name), Name: name, Type: typ, BySource: map[string]int{}}
			byName[name] = a
			order = append(order, name)
		}
		return a
	}
	for _, d := range docs {
		for _, q := range d.an.Quotes {
			name, _, title := d.speakerOf(q)
			if name == "" || q.Scare {
				continue
			}
			typ := article.ORG
			if title != "" || len(strings.Fields(name)) >= 2 && !orgLike(name) {
				typ = article.PER
			}
			a := add(name, typ)
			if title != "" && !slices.ContainsFunc(a.Roles, func(r ActorRole) bool { return r.Title == title }) {
				a.Roles = append(a.Roles, ActorRole{Title: title, Article: d.id})
			}
		}
		for _, ev := range d.an.Events {
			for _, act := range []*article.Actor{&ev.Source, ev.Target} {
				if act == nil || act.Code == "" {
					continue
				}
				name, title := splitTitle(act.Text)
				if name == "" || strings.ContainsAny(name, ",") || strings.Contains(name, " and ") {
					continue
				}
				typ := article.ORG
				switch {
				case len(act.Code) == 3:
					typ = article.GPE
				case title != "":
					typ = article.PER
				}
				a := add(name, typ)
				if title != "" && !slices.ContainsFunc(a.Roles, func(r ActorRole) bool { return r.Title == title }) {
					a.Roles = append(a.Roles, ActorRole{Title: title, Article: d.id})
				}
			}
		}
	}
	out := make([]Actor, 0, len(order))
	for _, n := range order {
		a := byName[n]
		needle := n
		if a.Type == article.PER {
			f := strings.Fields(n)
			needle = f[len(f)-1]
		}
		for _, d := range docs {
			if c := countWord(d.a.Text, needle); c > 0 {
				a.Mentions += c
				a.BySource[d.outlet] += c
			}
		}
		if a.Mentions > 0 {
			out = append(out, *a)
		}
	}
	slices.SortStableFunc(out, func(a, b Actor) int {
		if c := cmp.Compare(b.Mentions, a.Mentions); c != 0 {
			return c
		}
		return strings.Compare(a.Key, b.Key)
	})
	return out
}

func orgLike(name string) bool {
	low := strings.ToLower(name)
	for _, w := range []string{"front", "rebels", "forces", "cross", "ministry", "nations", "union", "council", "party", "army", "agency", "bank", "court", "government", "committee", "organisation", "organization", "association", "wire", "times", "news"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// countWord counts whole-word occurrences of w in s.
func countWord(s, w string) int {
	n := 0
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return n
		}
		j += i
		end := j + len(w)
		if (j == 0 || !isWordByte(s[j-1])) && (end == len(s) || !isWordByte(s[end])) {
			n++
		}
		i = end
	}
}

func isWordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}

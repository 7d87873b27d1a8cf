package compose

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

//go:embed offices.tsv
var builtinOffices string

// Term is one person's time in one office.
type Term struct {
	Office  string    // normalised title: "president", "foreign minister"
	Country string    // ISO 3166 alpha-3, or the organisation ("UN")
	Holder  string    // full name
	Names   []string  // other names the press uses
	From    time.Time // first day
	To      time.Time // the successor's first day; zero while in office
}

// Holds reports whether the term covers day t.
func (t Term) Holds(day time.Time) bool {
	return !day.Before(t.From) && (t.To.IsZero() || day.Before(t.To))
}

// Offices is a table of office-holders. It is read-only once loaded and safe
// for concurrent use.
type Offices struct {
	terms []Term
	byKey map[string][]int // office|country -> term indexes
}

// BuiltinOffices is the table shipped with dossier (see offices.tsv for its
// source). It is parsed once.
var BuiltinOffices = sync.OnceValues(func() (*Offices, error) {
	o := &Offices{}
	if err := o.Load(strings.NewReader(builtinOffices)); err != nil {
		return nil, fmt.Errorf("built-in office table: %w", err)
	}
	return o, nil
})

// Extend returns a copy of o with the terms of a TSV table added (same
// columns as offices.tsv: office, country, holder, from, to, other names).
func (o *Offices) Extend(r io.Reader) (*Offices, error) {
	n := &Offices{}
	if o != nil {
		n.terms = append(n.terms, o.terms...)
	}
	if err := n.Load(r); err != nil {
		return nil, err
	}
	return n, nil
}

// Load adds the terms of a TSV table; lines starting with # are comments.
func (o *Offices) Load(r io.Reader) error {
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		l := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) < 4 {
			return fmt.Errorf("line %d: want office, country, holder, from[, to[, names]], got %d fields", line, len(f))
		}
		t := Term{Office: normTitle(f[0]), Country: strings.TrimSpace(f[1]), Holder: strings.TrimSpace(f[2])}
		var err error
		if t.From, err = time.Parse("2006-01-02", strings.TrimSpace(f[3])); err != nil {
			return fmt.Errorf("line %d: from: %w", line, err)
		}
		if len(f) > 4 && strings.TrimSpace(f[4]) != "" {
			if t.To, err = time.Parse("2006-01-02", strings.TrimSpace(f[4])); err != nil {
				return fmt.Errorf("line %d: to: %w", line, err)
			}
			if !t.To.After(t.From) {
				return fmt.Errorf("line %d: term ends before it starts", line)
			}
		}
		if len(f) > 5 {
			for _, n := range strings.Split(f[5], ";") {
				if n = strings.TrimSpace(n); n != "" {
					t.Names = append(t.Names, n)
				}
			}
		}
		if t.Office == "" || t.Country == "" || t.Holder == "" {
			return fmt.Errorf("line %d: empty office, country or holder", line)
		}
		o.terms = append(o.terms, t)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading office table: %w", err)
	}
	o.index()
	return nil
}

func (o *Offices) index() {
	o.byKey = map[string][]int{}
	for i, t := range o.terms {
		k := t.Office + "|" + t.Country
		o.byKey[k] = append(o.byKey[k], i)
	}
}

// Len is the number of terms in the table.
func (o *Offices) Len() int { return len(o.terms) }

// Terms returns the terms of an office that the named person held (name as
// the press writes it: full name, surname alone, or an alias), and whether
// the table knows the office at all.
func (o *Offices) Terms(office, country, name string) (held []Term, known bool) {
	idx := o.byKey[normTitle(office)+"|"+country]
	for _, i := range idx {
		if sameHolder(o.terms[i], name) {
			held = append(held, o.terms[i])
		}
	}
	return held, len(idx) > 0
}

// HolderOn returns who held an office on a day.
func (o *Offices) HolderOn(office, country string, day time.Time) (Term, bool) {
	for _, i := range o.byKey[normTitle(office)+"|"+country] {
		if o.terms[i].Holds(day) {
			return o.terms[i], true
		}
	}
	return Term{}, false
}

// normTitle lower-cases a title and treats hyphens as spaces
// ("Secretary-General" is "secretary general").
func normTitle(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.ReplaceAll(s, "-", " ")
	return strings.Join(strings.Fields(s), " ")
}

// foldName strips accents of the letters common in the table and
// lower-cases, so "Erdogan" matches "Erdoğan".
func foldName(s string) string {
	r := strings.NewReplacer("á", "a", "à", "a", "ã", "a", "â", "a", "é", "e", "è", "e", "ê", "e", "í", "i",
		"ó", "o", "ô", "o", "ö", "o", "ú", "u", "ü", "u", "ç", "c", "ğ", "g", "ş", "s", "ı", "i", "ñ", "n",
		"É", "E", "Á", "A", "Ö", "O", "Ü", "U")
	return strings.ToLower(strings.Join(strings.Fields(r.Replace(s)), " "))
}

// sameHolder matches a name as written against a term's holder: the full
// name or an alias, or the same surname with no clashing first name.
func sameHolder(t Term, name string) bool {
	n := foldName(name)
	if n == "" {
		return false
	}
	for _, h := range append([]string{t.Holder}, t.Names...) {
		if foldName(h) == n {
			return true
		}
	}
	hf, nf := strings.Fields(foldName(t.Holder)), strings.Fields(n)
	if hf[len(hf)-1] != nf[len(nf)-1] {
		return false
	}
	return len(nf) == 1 || nf[0] == hf[0]
}

package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/internal/article"
)

// phrase is a role noun phrase found around a person's name: its tokens
// [start, end), the normalised title and what qualifies it.
type phrase struct {
	start, end int // token range
	title      string
	country    string // alpha-3
	org        string // Org.Short()
	orgCountry string
	status     string
	gender     byte
	possessive bool // "Germany's …": a determiner, so the phrase is a complete noun phrase
	demonym    bool // the country came from a nationality adjective ("German Chancellor")
}

// role turns the phrase into the article model's Role.
func (p phrase) role(toks []article.Token) *article.Role {
	status := p.status
	if status == "" {
		status = "current"
	}
	country := p.country
	if country == "" {
		country = p.orgCountry
	}
	return &article.Role{
		Title:   p.title,
		Span:    article.Span{Start: toks[p.start].Span.Start, End: toks[p.end-1].Span.End},
		Country: country,
		Org:     p.org,
		Status:  status,
	}
}

// lowerTok is the token in lower case with a trailing abbreviation period
// dropped ("Sen." -> "sen", "U.S." -> "u.s").
func lowerTok(s string) string {
	s = strings.ToLower(s)
	if len(s) > 1 && strings.HasSuffix(s, ".") {
		s = s[:len(s)-1]
	}
	return s
}

func isCapitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isPossessive(s string) bool { return s == "'s" || s == "’s" || s == "'" || s == "’" }

// matchTitleEnding finds the longest title whose last token is toks[k],
// with at most the first token lo; it returns the first token and the
// normalised title, and the status carried by hyphenated prefixes or
// suffixes ("then-Chancellor", "Minister-designate").
func matchTitleEnding(toks []article.Token, lo, k int) (start int, title, status string, ok bool) {
	if !titleEndCandidate(toks[k].Text) {
		return 0, "", "", false
	}
	for n := min(maxTitleWords, k-lo+1); n >= 1; n-- {
		words := make([]string, 0, n)
		st := ""
		for i := k - n + 1; i <= k; i++ {
			w := lowerTok(toks[i].Text)
			if i == k-n+1 || i == k {
				var s string
				w, s = splitStatus(w)
				if s != "" {
					st = s
				}
			}
			words = append(words, w)
		}
		if t, found := titles[strings.Join(words, " ")]; found {
			if strings.HasSuffix(lowerTok(toks[k].Text), "-elect") {
				st = "designate"
			}
			return k - n + 1, t, st, true
		}
	}
	return 0, "", "", false
}

// titleEndCandidate reports whether a token can end a title: the check
// every capitalised token goes through, so the plain ASCII case is decided
// without allocating.
func titleEndCandidate(tok string) bool {
	var buf [24]byte
	if len(tok) > len(buf) || strings.IndexByte(tok, '-') >= 0 {
		last, _ := splitStatus(lowerTok(tok))
		return titleLastWords[last]
	}
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if c >= utf8.RuneSelf {
			last, _ := splitStatus(lowerTok(tok))
			return titleLastWords[last]
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	n := len(tok)
	if n > 1 && buf[n-1] == '.' {
		n--
	}
	return titleLastWords[string(buf[:n])]
}

// matchTitleStarting finds the longest title whose first token is toks[k],
// ending before hi.
func matchTitleStarting(toks []article.Token, k, hi int) (end int, title, status string, ok bool) {
	for n := min(maxTitleWords, hi-k); n >= 1; n-- {
		if s, t, st, found := matchTitleEnding(toks, k, k+n-1); found && s == k {
			return k + n, t, st, true
		}
	}
	return 0, "", "", false
}

// place is what a run of capitalised tokens names in the gazetteer.
type place struct {
	country, org, orgCountry string
	demonym, capital         bool
}

// matchPlaceEnding finds the longest gazetteer name (country, demonym,
// organisation, capital) whose last token is toks[k] and whose first token
// is capitalised, not before lo.
func (r *resolver) matchPlaceEnding(lo, k int) (int, place, bool) {
	for n := min(r.gaz.maxWords, k-lo+1); n >= 1; n-- {
		s := k - n + 1
		if !isCapitalised(r.toks[s].Text) || r.gaz.namesStartingWith(Normalize(r.toks[s].Text)) < n {
			continue
		}
		if p, ok := r.lookupPlace(r.text[r.toks[s].Span.Start:r.toks[k].Span.End]); ok {
			return s, p, true
		}
	}
	return 0, place{}, false
}

// matchPlaceStarting is matchPlaceEnding read forwards.
func (r *resolver) matchPlaceStarting(k, hi int) (int, place, bool) {
	if !isCapitalised(r.toks[k].Text) {
		return 0, place{}, false
	}
	for n := min(r.gaz.namesStartingWith(Normalize(r.toks[k].Text)), hi-k); n >= 1; n-- {
		if p, ok := r.lookupPlace(r.text[r.toks[k].Span.Start:r.toks[k+n-1].Span.End]); ok {
			return k + n, p, true
		}
	}
	return 0, place{}, false
}

func (r *resolver) lookupPlace(s string) (place, bool) {
	g, n := r.gaz, Normalize(s)
	if i, ok := g.countryByDemonym[n]; ok {
		return place{country: g.Countries[i].Alpha3, demonym: true}, true
	}
	if i, ok := g.countryByName[n]; ok {
		return place{country: g.Countries[i].Alpha3}, true
	}
	if i, ok := g.orgByName[n]; ok {
		return place{org: g.Orgs[i].Short(), orgCountry: g.Orgs[i].Country}, true
	}
	if i, ok := g.countryByCapital[n]; ok {
		return place{country: g.Countries[i].Alpha3, capital: true}, true
	}
	return place{}, false
}

// addPlace records a gazetteer match in the phrase; a second country or
// organisation does not overwrite the one nearest the title.
func (p *phrase) addPlace(pl place) {
	if pl.org != "" {
		if p.org == "" {
			p.org, p.orgCountry = pl.org, pl.orgCountry
		}
		return
	}
	if p.country == "" {
		p.country = pl.country
		p.demonym = pl.demonym
	}
}

// preRole parses a role phrase that ends right before token a (the first
// token of a person's name) and starts no earlier than lo: "former
// Egyptian President", "White House press secretary", "Germany's then-
// Chancellor".
func (r *resolver) preRole(lo, a int) (phrase, bool) {
	k := a - 1
	if k < lo {
		return phrase{}, false
	}
	start, title, status, ok := matchTitleEnding(r.toks, lo, k)
	if !ok {
		return phrase{}, false
	}
	p := phrase{start: start, end: a, title: title, status: status, gender: titleGender[lowerTok(r.toks[k].Text)]}
	j := start - 1
	for j >= lo {
		w := lowerTok(r.toks[j].Text)
		switch {
		case titleModifiers[w] && j == p.start-1 && p.country == "" && p.org == "":
			p.title = w + " " + p.title
			p.start = j
			j--
			continue
		case statusWords[w] != "" && w != "designate" && w != "elect":
			if p.status == "" {
				p.status = statusWords[w]
			}
			p.start = j
			j--
			continue
		case isPossessive(r.toks[j].Text):
			s, pl, ok := r.matchPlaceEnding(lo, j-1)
			if !ok {
				return p, true
			}
			p.addPlace(pl)
			p.possessive = true
			p.start = s
			return p, true // a possessive is the phrase's determiner
		}
		s, pl, ok := r.matchPlaceEnding(lo, j)
		if !ok || pl.capital {
			break
		}
		p.addPlace(pl)
		p.start = s
		j = s - 1
	}
	return p, true
}

// postRole parses an appositive after a name that ends before token b:
// ", the chancellor," / ", Germany's foreign minister," / ", president of
// France,". The phrase must be closed by punctuation or a reporting verb so
// that "Scholz, the chancellor and the minister" is not read as one role.
func (r *resolver) postRole(b, hi int) (phrase, bool) {
	if b >= hi || r.toks[b].Text != "," {
		return phrase{}, false
	}
	j := b + 1
	p := phrase{start: j}
	if j < hi {
		switch lowerTok(r.toks[j].Text) {
		case "the", "a", "an":
			j++
		}
	}
	title := false
	mod := ""
	for j < hi && !title {
		w := lowerTok(r.toks[j].Text)
		if s, ok := statusWords[w]; ok && w != "designate" && w != "elect" {
			p.status = s
			j++
			continue
		}
		if e, t, st, ok := matchTitleStarting(r.toks, j, hi); ok {
			p.title, title = t, true
			if mod != "" {
				p.title = mod + " " + t
			}
			if st != "" {
				p.status = st
			}
			p.gender = titleGender[lowerTok(r.toks[e-1].Text)]
			j = e
			break
		}
		if titleModifiers[w] {
			mod = w
			j++
			continue
		}
		if e, pl, ok := r.matchPlaceStarting(j, hi); ok && !pl.capital {
			p.addPlace(pl)
			j = e
			if j < hi && isPossessive(r.toks[j].Text) {
				p.possessive = true
				j++
			}
			continue
		}
		return phrase{}, false
	}
	if !title {
		return phrase{}, false
	}
	// "president of France", "secretary-general of the United Nations".
	if j+1 < hi && (r.toks[j].Text == "of" || r.toks[j].Text == "for") {
		k := j + 1
		if lowerTok(r.toks[k].Text) == "the" && k+1 < hi {
			k++
		}
		if e, pl, ok := r.matchPlaceStarting(k, hi); ok && !pl.demonym {
			p.addPlace(pl)
			j = e
		}
	}
	if j < hi {
		switch lowerTok(r.toks[j].Text) {
		case ",", ".", ";", ")", "said", "says", "told", "who", "—", "-", "--":
		default:
			return phrase{}, false
		}
	}
	p.end = j
	return p, true
}

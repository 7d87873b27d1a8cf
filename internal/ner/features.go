package ner

import (
	"unicode"
	"unicode/utf8"
)

// Feature templates. A feature key is mix(template, value hash); the values
// are hashed once per token (tokInfo) so building the ~60 keys of a token
// costs a few multiplications each and no allocation.
const (
	tBias uint64 = iota + 1
	tWord
	tLower
	tShape
	tShort
	tPre1
	tPre2
	tPre3
	tPre4
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tLowerM1
	tLowerP1
	tLowerM2
	tLowerP2
	tBigramM1
	tBigramP1
	tShapeM1
	tShapeP1
	tShortWindow
	tClus1
	tClus2
	tClus3
	tClus2M1
	tClus2P1
	tClus3M1
	tClus3P1
	tClus2M2
	tClus2P2
	tInitialShort
	tCapsSentShort
	tCapsSentLower
	tNoClusterShape
	tGaz
	tGazM1
	tGazP1
	tGazShort
	tDocLowerSeen
	tDocCapMid
	tLen
	tClsWindow
	tLowerM1Shape
	tLowerP1Shape
	// dynamic: previous predicted labels
	tPrev
	tPrev2
	tPrevLower
	tPrevShort
	tPrevClus2
	// pass 2: first-pass labels of the sentence and the document
	tP1Self
	tP1Next
	tP1Next2
	tP1Prev
	tDocLabel
	tDocMaj
	tDocMajCls
	tDocMajLower
)

// Capitalisation classes.
const (
	clsLower  = iota // has letters, none upper
	clsTitle         // first letter upper, the rest lower
	clsCaps          // two or more letters, all upper
	clsLetter        // a single upper-case letter
	clsMixed         // other mixes of case: McDonald, iPhone
	clsAlnum         // letters and digits: A320, G7
	clsDigit         // digits (and punctuation), no letters
	clsPunct         // no letters or digits
)

// tokInfo is everything the features need from one token, hashed.
type tokInfo struct {
	word, lower, shape, short uint64
	pre, suf                  [4]uint64
	clus                      [3]uint16
	cls                       uint8
	runes                     uint8
	gaz                       uint32 // bit kind*4+pos for each gazetteer phrase covering the token
}

// prepare fills one tokInfo per token of a sentence.
func (lx *lexicon) prepare(tokens []string, out []tokInfo) []tokInfo {
	out = out[:0]
	for _, w := range tokens {
		out = append(out, lx.info(w))
	}
	lx.gaz.mark(out)
	return out
}

func (lx *lexicon) info(w string) tokInfo {
	var ti tokInfo
	ti.word = hashString(w)
	var lower [24]rune
	n := 0
	upper, lowerCnt, digits, letters, other := 0, 0, 0, 0, 0
	firstUpper := false
	long, short := uint64(fnvOffset), uint64(fnvOffset)
	var lastShape rune = -1
	longLen := 0
	h := uint64(fnvOffset)
	for i, r := range w {
		var sc rune
		switch {
		case unicode.IsUpper(r):
			upper++
			letters++
			sc = 'X'
			if i == 0 {
				firstUpper = true
			}
		case unicode.IsLetter(r):
			lowerCnt++
			letters++
			sc = 'x'
		case unicode.IsDigit(r):
			digits++
			sc = 'd'
		default:
			other++
			sc = r
		}
		if longLen < 12 {
			long = hashRune(long, sc)
			longLen++
		}
		if sc != lastShape {
			short = hashRune(short, sc)
			lastShape = sc
		}
		lr := unicode.ToLower(r)
		h = hashRune(h, lr)
		if n < len(lower) {
			lower[n] = lr
		}
		n++
		if n <= 4 {
			ti.pre[n-1] = h
		}
	}
	ti.lower = h
	ti.shape, ti.short = long, short
	if n > 255 {
		ti.runes = 255
	} else {
		ti.runes = uint8(n)
	}
	// Suffixes of the (first 24 runes of the) lowercased word.
	m := min(n, len(lower))
	for k := 1; k <= 4 && k <= m; k++ {
		sh := uint64(fnvOffset)
		for _, r := range lower[m-k : m] {
			sh = hashRune(sh, r)
		}
		ti.suf[k-1] = sh
	}
	switch {
	case letters == 0 && digits == 0:
		ti.cls = clsPunct
	case letters == 0:
		ti.cls = clsDigit
	case digits > 0:
		ti.cls = clsAlnum
	case upper == 0:
		ti.cls = clsLower
	case upper == 1 && letters == 1:
		ti.cls = clsLetter
	case upper == letters:
		ti.cls = clsCaps
	case firstUpper && upper == 1:
		ti.cls = clsTitle
	default:
		ti.cls = clsMixed
	}
	if c, ok := lx.clusters[ti.lower]; ok {
		ti.clus = c
	}
	_ = utf8.RuneLen
	return ti
}

func isCapitalised(c uint8) bool {
	return c == clsTitle || c == clsCaps || c == clsLetter || c == clsMixed
}

// sentenceIsCaps reports a headline-style sentence: most words in capitals.
func sentenceIsCaps(s []tokInfo) bool {
	caps, words := 0, 0
	for i := range s {
		switch s[i].cls {
		case clsCaps, clsLetter:
			caps++
			words++
		case clsLower, clsTitle, clsMixed:
			words++
		}
	}
	return words >= 2 && caps*3 >= words*2
}

// docContext is the document-level evidence the first pass sees: which words
// the document also writes in lower case (so a capitalised one is probably
// just sentence-initial or a headline) and which it capitalises mid-sentence
// (so an all-caps headline word is probably a name).
type docContext struct {
	lowerSeen map[uint64]struct{}
	capMid    map[uint64]struct{}
}

func newDocContext(sents [][]tokInfo) *docContext {
	d := &docContext{lowerSeen: map[uint64]struct{}{}, capMid: map[uint64]struct{}{}}
	for _, s := range sents {
		caps := sentenceIsCaps(s)
		for i := range s {
			switch s[i].cls {
			case clsLower:
				d.lowerSeen[s[i].lower] = struct{}{}
			case clsTitle, clsMixed:
				if i > 0 && !caps && s[i-1].cls != clsPunct {
					d.capMid[s[i].lower] = struct{}{}
				}
			}
		}
	}
	return d
}

var boundary = tokInfo{cls: clsPunct, word: 1, lower: 1, shape: 1, short: 1}

func at(s []tokInfo, i int) *tokInfo {
	if i < 0 || i >= len(s) {
		return &boundary
	}
	return &s[i]
}

// staticFeatures appends the keys of token i that do not depend on predicted
// labels.
func staticFeatures(s []tokInfo, i int, caps bool, doc *docContext, out []uint64) []uint64 {
	t := &s[i]
	m1, p1, m2, p2 := at(s, i-1), at(s, i+1), at(s, i-2), at(s, i+2)
	out = append(out,
		tBias,
		mix(tWord, t.word),
		mix(tLower, t.lower),
		mix(tShape, t.shape),
		mix(tShort, t.short),
		mix(tLowerM1, m1.lower),
		mix(tLowerP1, p1.lower),
		mix(tLowerM2, m2.lower),
		mix(tLowerP2, p2.lower),
		mix(mix(tBigramM1, m1.lower), t.lower),
		mix(mix(tBigramP1, t.lower), p1.lower),
		mix(tShapeM1, m1.short),
		mix(tShapeP1, p1.short),
		mix(mix(mix(tShortWindow, m1.short), t.short), p1.short),
		mix(mix(mix(tClsWindow, uint64(m1.cls)), uint64(t.cls)), uint64(p1.cls)),
		mix(mix(tLowerM1Shape, m1.lower), t.short),
		mix(mix(tLowerP1Shape, p1.lower), t.short),
		mix(tLen, uint64(min(t.runes, 12))),
		mix(tClus2M1, uint64(m1.clus[1])),
		mix(tClus2P1, uint64(p1.clus[1])),
		mix(tClus3M1, uint64(m1.clus[2])),
		mix(tClus3P1, uint64(p1.clus[2])),
		mix(tClus2M2, uint64(m2.clus[1])),
		mix(tClus2P2, uint64(p2.clus[1])),
	)
	for k := 0; k < 4; k++ {
		if t.pre[k] != 0 {
			out = append(out, mix(tPre1+uint64(k), t.pre[k]))
		}
		if t.suf[k] != 0 {
			out = append(out, mix(tSuf1+uint64(k), t.suf[k]))
		}
	}
	if t.clus[0] != 0 {
		out = append(out,
			mix(tClus1, uint64(t.clus[0])),
			mix(tClus2, uint64(t.clus[1])),
			mix(tClus3, uint64(t.clus[2])),
		)
	} else {
		out = append(out, mix(tNoClusterShape, t.short))
	}
	if i == 0 {
		out = append(out, mix(tInitialShort, t.short))
	}
	if caps {
		out = append(out, mix(tCapsSentShort, t.short), mix(tCapsSentLower, t.lower))
	}
	for g := t.gaz; g != 0; g &= g - 1 {
		bit := uint64(trailingZeros32(g))
		out = append(out, mix(tGaz, bit), mix(mix(tGazShort, bit), uint64(t.cls)))
	}
	for g := gazKinds(m1.gaz); g != 0; g &= g - 1 {
		out = append(out, mix(tGazM1, uint64(trailingZeros32(g))))
	}
	for g := gazKinds(p1.gaz); g != 0; g &= g - 1 {
		out = append(out, mix(tGazP1, uint64(trailingZeros32(g))))
	}
	if doc != nil && isCapitalised(t.cls) {
		if _, ok := doc.lowerSeen[t.lower]; ok {
			out = append(out, mix(mix(tDocLowerSeen, uint64(t.cls)), b2u(i == 0 || caps)))
		}
		if _, ok := doc.capMid[t.lower]; ok {
			out = append(out, mix(mix(tDocCapMid, uint64(t.cls)), b2u(i == 0 || caps)))
		}
	}
	return out
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// dynamicFeatures appends the keys that depend on the labels already
// predicted for the two previous tokens.
func dynamicFeatures(t *tokInfo, prev, prev2 int, out []uint64) []uint64 {
	p := uint64(prev)
	return append(out,
		mix(tPrev, p),
		mix(tPrev2, uint64(prev2)*32+p),
		mix(mix(tPrevLower, p), t.lower),
		mix(mix(tPrevShort, p), t.short),
		mix(mix(tPrevClus2, p), uint64(t.clus[1])),
	)
}

// docLabels is the second pass's document-level evidence: for each word
// (lowercased), how often the first pass gave it each label in the document.
type docLabels map[uint64]*[numLabels]uint16

func newDocLabels(sents [][]tokInfo, labels [][]int) docLabels {
	d := docLabels{}
	for si, s := range sents {
		for i := range s {
			if s[i].cls == clsPunct || s[i].cls == clsDigit {
				continue
			}
			c := d[s[i].lower]
			if c == nil {
				c = new([numLabels]uint16)
				d[s[i].lower] = c
			}
			c[labels[si][i]]++
		}
	}
	return d
}

// secondPassFeatures appends the keys built from first-pass labels: those of
// the token and its neighbours, and what the rest of the document says about
// the same word (Ratinov & Roth's non-local features).
func secondPassFeatures(s []tokInfo, l1 []int, i int, dl docLabels, out []uint64) []uint64 {
	lab := func(j int) uint64 {
		if j < 0 || j >= len(l1) {
			return 31
		}
		return uint64(l1[j])
	}
	out = append(out,
		mix(tP1Self, lab(i)),
		mix(tP1Next, lab(i+1)),
		mix(tP1Next2, lab(i+2)),
		mix(tP1Prev, lab(i-1)),
	)
	t := &s[i]
	c := dl[t.lower]
	if c == nil {
		return out
	}
	var others [numLabels]uint16
	total := 0
	for l := range others {
		others[l] = c[l]
		if l == l1[i] && others[l] > 0 {
			others[l]--
		}
		total += int(others[l])
	}
	if total == 0 {
		return out
	}
	var byType [numTypes]int
	for l := 1; l < numLabels; l++ {
		if others[l] > 0 {
			out = append(out, mix(tDocLabel, uint64(l)))
			byType[labelType(l)] += int(others[l])
		}
	}
	maj, best := uint64(0), int(others[labelO])
	for ty, n := range byType {
		if n > best {
			maj, best = uint64(ty+1), n
		}
	}
	return append(out,
		mix(tDocMaj, maj),
		mix(mix(tDocMajCls, maj), uint64(t.cls)),
		mix(mix(tDocMajLower, maj), t.lower),
	)
}

func trailingZeros32(x uint32) int {
	n := 0
	for x&1 == 0 {
		x >>= 1
		n++
	}
	return n
}

package ner

import (
	"strings"
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
	tRunHead
	tRunFirst
	tRunLen
	tWordM1
	tWordP1
	tExtHead
	tExtFirst
	tTableShort
	tTableLower
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
	tDocRunLabel
	tDocRunMaj
	// static, added later (kept last so the keys above stay as they were)
	tTitleBefore
	tClus4
	tDocCapLabel
	tDocCapMaj
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
	clus                      [clusterLevels]uint16
	vec                       int32 // 1 + row of the word's vector, 0 for none
	cls                       uint8
	runes                     uint8
	gaz                       uint32 // bit kind*4+pos for each gazetteer phrase covering the token
	// The run of capitalised tokens holding this one (if it is capitalised):
	// its last and first words and this token's place in it. The last word
	// of a name is its head, and says much about its type ("... Association",
	// "... Open", "... Park").
	runHead, runFirst uint64
	runPos            uint8 // 0 not in a run, 1 single, 2 first, 3 inside, 4 last
	runLen            uint8
	runKey            uint64 // the whole run's words and this token's offset in it
	headVec           int32  // the run's last word's vec, for runs of two or more
	// The same for runs that may hold connectives between capitalised
	// words: "Bank of England", "Duke of Norfolk 's XI".
	extHead, extFirst uint64
	extPos            uint8
	// innerOnly marks a lower-case function word ("of", "and", "the"),
	// which may stand inside a name but never begins or ends one.
	innerOnly bool
}

// innerWords are the function words that CoNLL-2003 never lets begin or end
// a name, lower-case: of its 27,000 train and dev names, one ends on one
// ("Queen of the", an annotation slip) and none begins on one.
var innerWords = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range []string{"of", "and", "the", "for", "in", "on", "at", "to", "by", "with", "from", "a", "an"} {
		m[hashString(w)] = true
	}
	return m
}()

// prepare fills one tokInfo per token of a sentence.
func (lx *lexicon) prepare(tokens []string, out []tokInfo) []tokInfo {
	out = out[:0]
	for _, w := range tokens {
		out = append(out, lx.info(normaliseQuotes(w)))
	}
	lx.gaz.mark(out)
	markRuns(out)
	return out
}

// connectives may join capitalised words into one name.
var connectives = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range []string{"of", "de", "and", "&", "the", "for", "'s", "von", "van", "der", "la", "le", "du", "des", "di", "da", "al", "del", "on", "in", "-"} {
		m[hashLower(w)] = true
	}
	return m
}()

func markRuns(s []tokInfo) {
	for i := 0; i < len(s); {
		if !isCapitalised(s[i].cls) {
			i++
			continue
		}
		j, end := i, i // end: one past the last capitalised token
		for j < len(s) {
			if isCapitalised(s[j].cls) {
				j++
				end = j
				continue
			}
			if connectives[s[j].lower] && j+1 < len(s) && (isCapitalised(s[j+1].cls) || connectives[s[j+1].lower]) {
				j++
				continue
			}
			break
		}
		for k := i; k < end; k++ {
			if !isCapitalised(s[k].cls) {
				continue // a connective is no evidence of a name by itself
			}
			s[k].extHead, s[k].extFirst = s[end-1].lower, s[i].lower
			switch {
			case end-i == 1:
				s[k].extPos = 1
			case k == i:
				s[k].extPos = 2
			case k == end-1:
				s[k].extPos = 4
			default:
				s[k].extPos = 3
			}
		}
		i = end
	}
	markPlainRuns(s)
}

func markPlainRuns(s []tokInfo) {
	for i := 0; i < len(s); {
		if !isCapitalised(s[i].cls) {
			i++
			continue
		}
		j := i
		for j < len(s) && isCapitalised(s[j].cls) {
			j++
		}
		n := j - i
		key := uint64(gazSeed)
		for k := i; k < j; k++ {
			key = mix(key, s[k].lower)
		}
		for k := i; k < j; k++ {
			s[k].runKey = mix(key, uint64(k-i))
			s[k].runHead, s[k].runFirst = s[j-1].lower, s[i].lower
			s[k].runLen = uint8(min(n, 6))
			if n > 1 {
				s[k].headVec = s[j-1].vec
			}
			switch {
			case n == 1:
				s[k].runPos = 1
			case k == i:
				s[k].runPos = 2
			case k == j-1:
				s[k].runPos = 4
			default:
				s[k].runPos = 3
			}
		}
		i = j
	}
}

// normaliseQuotes writes typographic and TeX-style quotes the way the
// training data (CoNLL-2003, plain ASCII) does: “ and ” (Penn Treebank,
// MEANTIME) and “ ” „ as ", ‘ ’ as '. A quote the model has never seen is
// just an unknown capital-less token to it, and was read as part of a name
// ("“ Dreamliner ”").
var quoteReplacer = strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u201c", `"`, "\u201d", `"`, "\u201e", `"`)

func normaliseQuotes(w string) string {
	switch w {
	case "``", "''", "“", "”", "„":
		return `"`
	case "‘", "’":
		return "'"
	}
	for i := 0; i < len(w); i++ {
		if w[i] == 0xe2 { // the first byte of U+2018..U+201E in UTF-8
			return strings.NewReplacer("‘", "'", "’", "'", "“", `"`, "”", `"`, "„", `"`).Replace(w)
		}
	}
	return w
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
	ti.vec = lx.vecs.index[ti.lower]
	ti.innerOnly = ti.cls == clsLower && innerWords[ti.word]
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

// sentenceIsTable reports a line of a results table or price list: a third
// or more of its tokens are numbers ("Somerset 83 and 174").
func sentenceIsTable(s []tokInfo) bool {
	digits := 0
	for i := range s {
		if s[i].cls == clsDigit {
			digits++
		}
	}
	return len(s) >= 2 && digits*3 >= len(s)
}

// sentFlags are the sentence-level facts the features condition on.
type sentFlags struct{ caps, table bool }

func flagsOf(s []tokInfo) sentFlags {
	return sentFlags{caps: sentenceIsCaps(s), table: sentenceIsTable(s)}
}

// staticFeatures appends the keys of token i that do not depend on predicted
// labels.
func staticFeatures(s []tokInfo, i int, sf sentFlags, doc *docContext, out []uint64) []uint64 {
	caps := sf.caps
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
			mix(tClus4, uint64(t.clus[3])),
		)
	} else {
		out = append(out, mix(tNoClusterShape, t.short))
	}
	if i == 0 {
		out = append(out, mix(tInitialShort, t.short))
	}
	if t.runPos != 0 {
		out = append(out,
			mix(mix(tRunHead, t.runHead), uint64(t.runPos)),
			mix(mix(tRunFirst, t.runFirst), uint64(t.runPos)),
			mix(mix(tRunLen, uint64(t.runLen)), uint64(t.runPos)),
		)
	}
	if t.extPos != 0 {
		out = append(out,
			mix(mix(tExtHead, t.extHead), uint64(t.extPos)),
			mix(mix(tExtFirst, t.extFirst), uint64(t.extPos)),
		)
	}
	out = append(out, mix(tWordM1, m1.word), mix(tWordP1, p1.word))
	if caps {
		out = append(out, mix(tCapsSentShort, t.short), mix(tCapsSentLower, t.lower))
	}
	if sf.table {
		out = append(out, mix(mix(tTableShort, t.short), b2u(i == 0)), mix(tTableLower, t.lower))
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
	// A title earlier in the run of capitalised words holding the token
	// ("Federal Reserve Governor Lawrence Lindsey"): a person's name
	// starts after it, whatever the words before it were.
	if isCapitalised(t.cls) {
		for j := i - 1; j >= 0 && j >= i-3 && isCapitalised(s[j].cls); j-- {
			if s[j].gaz&titleBits != 0 {
				out = append(out, mix(tTitleBefore, uint64(i-j)))
				break
			}
		}
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
// predicted for the two previous tokens: those of the labels alone
// (labelFeatures) and those of the previous label with the token
// (tokenDynamicFeatures). Decoding looks the first kind up once per model.
func dynamicFeatures(t *tokInfo, prev, prev2 int, out []uint64) []uint64 {
	return tokenDynamicFeatures(t, prev, labelFeatures(prev, prev2, out))
}

func labelFeatures(prev, prev2 int, out []uint64) []uint64 {
	p := uint64(prev)
	return append(out, mix(tPrev, p), mix(tPrev2, uint64(prev2)*32+p))
}

func tokenDynamicFeatures(t *tokInfo, prev int, out []uint64) []uint64 {
	p := uint64(prev)
	return append(out,
		mix(mix(tPrevLower, p), t.lower),
		mix(mix(tPrevShort, p), t.short),
		mix(mix(tPrevClus2, p), uint64(t.clus[1])),
	)
}

// docLabels is the second pass's document-level evidence: for each word
// (lowercased), how often the first pass gave it each label in the document.
// Runs of capitalised words are counted too, by their words and the token's
// offset in the run, so "Greater Milwaukee Open" in one sentence speaks for
// the same name in another.
type docLabels struct {
	words map[uint64]*[numLabels]uint16
	runs  map[uint64]*[numLabels]uint16
	caps  map[uint64]*[numLabels]uint16 // capitalised forms, case kept, not sentence-initial
}

func newDocLabels(sents [][]tokInfo, labels [][]int) docLabels {
	d := docLabels{words: map[uint64]*[numLabels]uint16{}, runs: map[uint64]*[numLabels]uint16{}, caps: map[uint64]*[numLabels]uint16{}}
	count := func(m map[uint64]*[numLabels]uint16, k uint64, l int) {
		c := m[k]
		if c == nil {
			c = new([numLabels]uint16)
			m[k] = c
		}
		c[l]++
	}
	for si, s := range sents {
		for i := range s {
			if s[i].cls == clsPunct || s[i].cls == clsDigit {
				continue
			}
			count(d.words, s[i].lower, labels[si][i])
			if i > 0 && s[i].cls == clsTitle {
				count(d.caps, s[i].word, labels[si][i])
			}
			if s[i].runPos != 0 && s[i].runLen > 1 {
				count(d.runs, s[i].runKey, labels[si][i])
			}
		}
	}
	return d
}

// others returns the label counts of key's other occurrences (its own label
// own taken off) and their total.
func others(c *[numLabels]uint16, own int) (out [numLabels]uint16, total int) {
	if c == nil {
		return out, 0
	}
	for l := range out {
		out[l] = c[l]
		if l == own && out[l] > 0 {
			out[l]--
		}
		total += int(out[l])
	}
	return out, total
}

// majority is the entity type most of the counts give (1 + type index), or
// 0 when O outnumbers every type.
func majority(c *[numLabels]uint16) uint64 {
	var byType [numTypes]int
	for l := 1; l < numLabels; l++ {
		byType[labelType(l)] += int(c[l])
	}
	maj, best := uint64(0), int(c[labelO])
	for ty, n := range byType {
		if n > best {
			maj, best = uint64(ty+1), n
		}
	}
	return maj
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
	if t.runPos != 0 && t.runLen > 1 {
		if rc, n := others(dl.runs[t.runKey], l1[i]); n > 0 {
			for l := 1; l < numLabels; l++ {
				if rc[l] > 0 {
					out = append(out, mix(tDocRunLabel, uint64(l)))
				}
			}
			out = append(out, mix(tDocRunMaj, majority(&rc)))
		}
	}
	if t.cls == clsTitle {
		// The same capitalised form inside sentences elsewhere: "Jobs" after
		// "Steve Jobs", whatever the common noun "jobs" does.
		if cc, n := others(dl.caps[t.word], l1[i]); n > 0 {
			for l := 1; l < numLabels; l++ {
				if cc[l] > 0 {
					out = append(out, mix(mix(tDocCapLabel, uint64(l)), b2u(i == 0)))
				}
			}
			out = append(out, mix(mix(tDocCapMaj, majority(&cc)), b2u(i == 0)))
		}
	}
	c, total := others(dl.words[t.lower], l1[i])
	if total == 0 {
		return out
	}
	for l := 1; l < numLabels; l++ {
		if c[l] > 0 {
			out = append(out, mix(tDocLabel, uint64(l)))
		}
	}
	maj := majority(&c)
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

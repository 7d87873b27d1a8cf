package timex

import (
	"fmt"
	"strings"
	"time"

	"github.com/dossier-news/dossier/internal/article"
)

// How far into the text a dateline may sit: the first lines of wire copy
// ("WASHINGTON, June 13, 2005 (Reuters) -").
const datelineWindow = 300

// DocDate establishes the article's own date (its document creation time).
// Metadata wins when the article has it. Otherwise the text is searched, in
// decreasing order of confidence, for a full date in the dateline, the latest
// full date mentioned anywhere, then the latest month or year mentioned. An
// article without any such evidence stays dateless: Value "", Source "none",
// and Reason says so. Nothing is invented from the current time.
func DocDate(a *article.Article) article.DocDate {
	if a == nil {
		return article.DocDate{Source: "none", Reason: "no article"}
	}
	if a.HasDate() {
		src := a.DateSource
		if src == "" {
			src = "metadata"
		}
		conf := 1.0
		if src == "inferred" {
			conf = 0.6
		}
		return article.DocDate{
			Value:      a.Published.UTC().Format("2006-01-02"),
			Source:     src,
			Confidence: conf,
			Reason:     fmt.Sprintf("publication date from the article's %s", src),
		}
	}
	return inferDocDate(a.Title, a.Text)
}

func inferDocDate(title, text string) article.DocDate {
	tg := NewTagger()
	// Without a DCT, only absolute expressions get fully specified values,
	// which is exactly the evidence wanted here.
	var best, bestMonth, bestYear *article.Timex
	var dateline *article.Timex
	for _, src := range []string{title, text} {
		xs := tg.Tag(src, time.Time{})
		for i := range xs {
			x := &xs[i]
			if x.Type != "DATE" && x.Type != "TIME" {
				continue
			}
			v := dayPart(x.Value)
			switch {
			case isFullDate(v):
				if dateline == nil && src == text && x.Span.Start < datelineWindow {
					dateline = x
				}
				if best == nil || dayPart(best.Value) < v {
					best = x
				}
			case len(v) == 7 && isDigits(v[:4]) && isDigits(v[5:]):
				if bestMonth == nil || bestMonth.Value < v {
					bestMonth = x
				}
			case len(v) == 4 && isDigits(v):
				if bestYear == nil || bestYear.Value < v {
					bestYear = x
				}
			}
		}
	}
	switch {
	case dateline != nil:
		return article.DocDate{Value: dayPart(dateline.Value), Source: "inferred", Confidence: 0.85,
			Reason: fmt.Sprintf("full date near the top of the text: %q", dateline.Text)}
	case best != nil:
		return article.DocDate{Value: dayPart(best.Value), Source: "inferred", Confidence: 0.5,
			Reason: fmt.Sprintf("latest full date mentioned: %q", best.Text)}
	case bestMonth != nil:
		return article.DocDate{Value: bestMonth.Value, Source: "inferred", Confidence: 0.25,
			Reason: fmt.Sprintf("no full date; latest month mentioned: %q", bestMonth.Text)}
	case bestYear != nil:
		return article.DocDate{Value: bestYear.Value, Source: "inferred", Confidence: 0.1,
			Reason: fmt.Sprintf("no full date; latest year mentioned: %q", bestYear.Text)}
	}
	return article.DocDate{Source: "none", Reason: "no date in the metadata and no absolute date in the text"}
}

// dayPart drops a clock time or part of day from a date value.
func dayPart(v string) string {
	if i := strings.IndexByte(v, 'T'); i == 10 {
		return v[:10]
	}
	return v
}

func isFullDate(v string) bool {
	return len(v) == 10 && isDigits(v[:4]) && v[4] == '-' && isDigits(v[5:7]) && v[7] == '-' && isDigits(v[8:])
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// DCTOf turns a DocDate into the reference time the tagger resolves against.
// Only a date with day precision is used: resolving "yesterday" against a
// month would invent a day.
func DCTOf(d article.DocDate) time.Time {
	if !isFullDate(d.Value) {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", d.Value)
	if err != nil {
		return time.Time{}
	}
	return t
}

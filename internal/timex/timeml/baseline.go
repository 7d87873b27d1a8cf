package timeml

import (
	"strings"
	"time"

	dps "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"
	"github.com/olebedev/when"
	"github.com/olebedev/when/rules/common"
	"github.com/olebedev/when/rules/en"

	"github.com/dossier-news/dossier/internal/article"
)

// Baselines: two general-purpose date finders run over the same text, so the
// tagger's figures can be read against naive tools. Neither knows TimeML:
// each hit becomes a DATE (TIME when it carries a clock time) whose value is
// the found date at the precision the library reports.

// DateparserTag runs go-dateparser's text search with the DCT as the current time.
func DateparserTag(text string, dct time.Time) []article.Timex {
	cfg := &dps.Configuration{Languages: []string{"en"}, CurrentTime: dct, ReturnTimeAsPeriod: true}
	_, found, err := dps.Search(cfg, text)
	if err != nil {
		return nil
	}
	var out []article.Timex
	cursor := 0
	for _, f := range found {
		i := strings.Index(text[cursor:], f.Text)
		if f.Text == "" || i < 0 {
			continue
		}
		s := cursor + i
		e := s + len(f.Text)
		cursor = e
		typ, v := "DATE", ""
		t := f.Date.Time
		switch f.Date.Period {
		case date.Year:
			v = t.Format("2006")
		case date.Month:
			v = t.Format("2006-01")
		case date.Hour, date.Minute, date.Second:
			typ, v = "TIME", t.Format("2006-01-02T15:04")
		default:
			v = t.Format("2006-01-02")
		}
		out = append(out, article.Timex{Span: article.Span{Start: s, End: e}, Text: f.Text, Type: typ, Value: v})
	}
	return out
}

// WhenTag runs olebedev/when repeatedly over the rest of the text (it returns
// one merged hit per call) with the DCT as the base time.
func WhenTag(text string, dct time.Time) []article.Timex {
	w := when.New(nil)
	w.Add(en.All...)
	w.Add(common.All...)
	base := dct
	if base.IsZero() {
		base = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	var out []article.Timex
	cursor := 0
	for cursor < len(text) {
		r, err := w.Parse(text[cursor:], base)
		if err != nil || r == nil || r.Text == "" {
			break
		}
		s := cursor + r.Index
		e := s + len(r.Text)
		if e > len(text) || e <= s {
			break
		}
		typ, v := "DATE", r.Time.Format("2006-01-02")
		if r.Time.Hour() != base.Hour() || r.Time.Minute() != base.Minute() {
			typ, v = "TIME", r.Time.Format("2006-01-02T15:04")
		}
		out = append(out, article.Timex{Span: article.Span{Start: s, End: e}, Text: text[s:e], Type: typ, Value: v})
		cursor = e
	}
	return out
}

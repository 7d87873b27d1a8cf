package event

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dossier-news/dossier/internal/article"
)

// Row is one event as exported: the event, the article it came from and
// the sentence text.
type Row struct {
	Date      string // event date (TimeML value) or the article's date, "" when unknown
	ArticleID int64
	Sentence  string
	Event     article.Event
}

// TSVHeader names the columns WriteTSV writes, GDELT-style.
var tsvHeader = []string{"date", "source", "target", "cameo", "plover", "article", "sentence"}

// WriteTSV writes events as tab-separated values with a header line:
// date, source actor code, target actor code, CAMEO code, PLOVER category,
// article id, sentence. Tabs and line breaks inside the sentence become
// spaces so every event is one line.
func WriteTSV(w io.Writer, rows ...Row) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(strings.Join(tsvHeader, "\t") + "\n")
	for _, r := range rows {
		tgt := ""
		if r.Event.Target != nil {
			tgt = r.Event.Target.Code
		}
		code := r.Event.Code
		if code == "" {
			code = r.Event.Cameo
		}
		f := []string{clean(r.Date), clean(r.Event.Source.Code), clean(tgt), clean(code), clean(r.Event.Plover),
			strconv.FormatInt(r.ArticleID, 10), clean(r.Sentence)}
		bw.WriteString(strings.Join(f, "\t") + "\n")
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing events: %w", err)
	}
	return nil
}

func clean(s string) string {
	if !strings.ContainsAny(s, "\t\r\n") {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\t' || r == '\r' || r == '\n' }), " ")
}

// RowsOf turns an article's stored events into export rows: the event's
// own date when the sentence states one, else the article's date.
func RowsOf(a *article.Article, evs []article.Event) []Row {
	rows := make([]Row, 0, len(evs))
	for _, e := range evs {
		d := e.Date
		if d == "" && a.HasDate() {
			d = a.Published.Format("2006-01-02")
		}
		rows = append(rows, Row{Date: d, ArticleID: a.ID, Sentence: e.Sentence.Of(a.Text), Event: e})
	}
	return rows
}

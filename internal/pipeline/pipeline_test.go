package pipeline

import (
	"errors"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/internal/article"
)

type fakeStage struct {
	name, version string
	fn            func(*article.Doc) error
}

func (f fakeStage) Name() string                 { return f.name }
func (f fakeStage) Analyse(d *article.Doc) error { return f.fn(d) }

type versionedStage struct{ fakeStage }

func (v versionedStage) Version() string { return v.version }

func TestRunOrderAndVersion(t *testing.T) {
	var order []string
	rec := func(n string) func(*article.Doc) error {
		return func(*article.Doc) error { order = append(order, n); return nil }
	}
	p := New(fakeStage{name: "a", fn: rec("a")}, versionedStage{fakeStage{name: "b", version: "3", fn: rec("b")}})
	if p.Version() != "a+b@3" {
		t.Errorf("version %q", p.Version())
	}
	doc, err := p.Run(&article.Article{Text: "x"})
	if err != nil || strings.Join(order, ",") != "a,b" || doc.Analysis.Version != "a+b@3" {
		t.Errorf("run: %v %v %q", err, order, doc.Analysis.Version)
	}
}

func TestRunStopsAtFailingStageAndRecoversPanics(t *testing.T) {
	boom := errors.New("boom")
	ran := false
	p := New(
		fakeStage{name: "ok", fn: func(d *article.Doc) error { d.Analysis.Quotes = append(d.Analysis.Quotes, article.Quote{}); return nil }},
		fakeStage{name: "bad", fn: func(*article.Doc) error { return boom }},
		fakeStage{name: "never", fn: func(*article.Doc) error { ran = true; return nil }},
	)
	doc, err := p.Run(&article.Article{})
	var se *StageError
	if !errors.As(err, &se) || se.Stage != "bad" || !errors.Is(err, boom) || ran || len(doc.Analysis.Quotes) != 1 {
		t.Errorf("failing stage: err=%v ran=%v doc=%+v", err, ran, doc.Analysis)
	}
	p = New(fakeStage{name: "panics", fn: func(d *article.Doc) error { var m map[string]int; m["x"]++; return nil }})
	_, err = p.Run(&article.Article{})
	if !errors.As(err, &se) || se.Stage != "panics" || !strings.Contains(err.Error(), "panic") {
		t.Errorf("panic not turned into a stage error: %v", err)
	}
}

func TestStampAndBuild(t *testing.T) {
	p := New(fakeStage{name: "a"})
	if p.Stamp("").Version() != "a" || p.Stamp("abc123").Version() != "a#abc123" || p.Version() != "a" {
		t.Errorf("stamp: %q %q %q", p.Stamp("").Version(), p.Stamp("abc123").Version(), p.Version())
	}
	doc, _ := p.Stamp("abc123").Run(&article.Article{})
	if doc.Analysis.Version != "a#abc123" {
		t.Errorf("a stamped pipeline's analysis has version %q", doc.Analysis.Version)
	}
	cases := []struct {
		bi   debug.BuildInfo
		want string
	}{
		{debug.BuildInfo{Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "false"}}}, "0123456789ab"},
		{debug.BuildInfo{Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"}}}, "0123456789ab+dirty"},
		{debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}, "v1.2.0"},
		{debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, ""},
	}
	for _, c := range cases {
		if got := buildOf(&c.bi); got != c.want {
			t.Errorf("buildOf(%+v) = %q, want %q", c.bi, got, c.want)
		}
	}
}

package pipeline

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/dossier-news/dossier/internal/article"
)

// Versioned is implemented by stages whose output changes when their model or
// rules change; the version becomes part of the analysis version, so stored
// analyses made by older code are found and re-run.
type Versioned interface {
	Version() string
}

// Pipeline runs stages in order over one article.
type Pipeline struct {
	stages  []Stage
	version string
}

// New returns a pipeline of the stages, run in the given order.
func New(stages ...Stage) *Pipeline {
	parts := make([]string, 0, len(stages))
	for _, s := range stages {
		v := s.Name()
		if vs, ok := s.(Versioned); ok {
			v += "@" + vs.Version()
		}
		parts = append(parts, v)
	}
	return &Pipeline{stages: stages, version: strings.Join(parts, "+")}
}

// Version names the stages and their versions; stored with every analysis.
func (p *Pipeline) Version() string { return p.version }

// Stamp returns a pipeline like p whose version also names a build, so that
// analyses another build made with the same stages are found stale and
// `dossier analyse` runs them again: a stage's rules and models change with
// the code, and the stages do not list their own revisions. An empty build
// leaves the version as it is.
func (p *Pipeline) Stamp(build string) *Pipeline {
	if build == "" {
		return p
	}
	q := *p
	q.version += "#" + build
	return &q
}

// Build names the running binary's build: its VCS revision (12 digits, and
// "+dirty" when built with uncommitted changes) or else its module version;
// "" when neither is known (test binaries, builds with -buildvcs=false).
func Build() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	return buildOf(bi)
}

func buildOf(bi *debug.BuildInfo) string {
	var rev, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if rev != "" {
		return rev[:min(len(rev), 12)] + dirty
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	return ""
}

// Stages returns the stage names in order.
func (p *Pipeline) Stages() []string {
	out := make([]string, len(p.stages))
	for i, s := range p.stages {
		out[i] = s.Name()
	}
	return out
}

// StageError says which stage failed on which article.
type StageError struct {
	Stage string
	Err   error
}

func (e *StageError) Error() string { return fmt.Sprintf("stage %s: %v", e.Stage, e.Err) }
func (e *StageError) Unwrap() error { return e.Err }

// Run analyses one article. A stage that fails (or panics: a bug, reported as
// an error with its stack so one bad article never stops a batch) ends the
// run for this article; the Doc holds what the earlier stages produced.
func (p *Pipeline) Run(a *article.Article) (*article.Doc, error) {
	doc := &article.Doc{Article: a}
	doc.Analysis.Version = p.version
	for _, s := range p.stages {
		if err := runStage(s, doc); err != nil {
			return doc, &StageError{Stage: s.Name(), Err: err}
		}
	}
	return doc, nil
}

func runStage(s Stage, doc *article.Doc) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	return s.Analyse(doc)
}

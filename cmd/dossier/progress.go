package main

import (
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
)

// newProgress returns a spinner with a count and rate on w when w is a
// terminal, and an invisible one otherwise (logs and CI stay clean).
func newProgress(w io.Writer, what string) *progressbar.ProgressBar {
	visible := false
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			visible = true
		}
	}
	return progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetVisibility(visible),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
}

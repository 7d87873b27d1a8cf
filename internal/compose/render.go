package compose

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"
	"time"
)

//go:embed templates/*.html
var templateFS embed.FS

// pageTemplates are parsed once; html/template escapes every value.
var pageTemplates = sync.OnceValues(func() (*template.Template, error) {
	return template.New("").Funcs(template.FuncMap{
		"chart":  TimelineSVG,
		"pct":    func(x float64) string { return fmt.Sprintf("%.0f%%", x*100) },
		"join":   strings.Join,
		"entity": EntityFile,
		"story":  StoryFile,
		"list1":  func(c Citation) []Citation { return []Citation{c} },
		"articleOf": func(d *Dossier, id int64) ArticleRef {
			for _, a := range d.Articles {
				if a.ID == id {
					return a
				}
			}
			return ArticleRef{ID: id}
		},
	}).ParseFS(templateFS, "templates/*.html")
})

// WriteHTML renders a dossier as one self-contained HTML page (inline CSS
// and SVG, no script).
func WriteHTML(w io.Writer, d *Dossier) error {
	t, err := pageTemplates()
	if err != nil {
		return fmt.Errorf("templates: %w", err)
	}
	return t.ExecuteTemplate(w, "story.html", struct {
		D    *Dossier
		Site bool
	}{d, false})
}

// WriteMarkdown renders a dossier as Markdown, citations as [article ID].
func WriteMarkdown(w io.Writer, d *Dossier) error {
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	cites := func(cs []Citation) string {
		var ids []string
		seen := map[int64]bool{}
		for _, c := range cs {
			if !seen[c.Article] {
				seen[c.Article] = true
				ids = append(ids, fmt.Sprint(c.Article))
			}
		}
		return "[" + strings.Join(ids, ", ") + "]"
	}
	p("# %s\n\n", mdEscape(d.Headline))
	p("Story %d, %s to %s, %s.\n\n", d.StoryID, d.First, d.Last, count(len(d.Articles), "article"))
	p("## Summary\n\n")
	for _, s := range d.Summary {
		p("- %s %s\n", mdEscape(s.Text), cites(s.Citations))
	}
	p("\n## Timeline\n\n")
	for _, e := range d.Timeline {
		mark := ""
		if e.Background {
			mark = " (background)"
		}
		if e.Planned {
			mark += " (announced)"
		}
		p("- **%s** (%s)%s: %s %s\n", e.Date, e.Precision, mark, mdEscape(e.Description), cites(e.Citations))
	}
	p("\n## Actors\n\n")
	for _, a := range d.Actors {
		roles := a.RoleLabels()
		p("- %s (%s, %s)", mdEscape(a.Name), a.Type, count(a.Mentions, "mention"))
		if len(roles) > 0 {
			p(": %s", mdEscape(strings.Join(roles, "; ")))
		}
		p("\n")
	}
	p("\n## Positions\n\n")
	if len(d.Positions) == 0 {
		p("No positions found.\n")
	} else {
		p("| actor | issue | stance | evidence |\n|---|---|---|---|\n")
	}
	for _, x := range d.Positions {
		p("| %s | %s | %s | %s |\n", mdCell(x.Actor), mdCell(x.Issue), x.Stance, cites(x.Evidence))
	}
	p("\n## Quotes\n\n")
	for _, s := range d.Quotes {
		p("### %s\n\n", mdEscape(s.Speaker))
		for _, q := range s.Quotes {
			if q.Direct {
				p("- “%s” (%s) [%d]\n", mdEscape(q.Text), mdEscape(q.Source), q.Article)
			} else {
				p("- %s (%s, reported) [%d]\n", mdEscape(q.Text), mdEscape(q.Source), q.Article)
			}
		}
		p("\n")
	}
	p("## Sources\n\n")
	for _, a := range d.Articles {
		dup := ""
		if a.Duplicate {
			dup = fmt.Sprintf(" (copy of %d)", a.Canonical)
		}
		p("- [%d] %s, %s, %s%s\n", a.ID, mdEscape(a.Source), a.Published, mdEscape(a.Title), dup)
	}
	c := d.Comparison
	if len(c.Sources) > 1 {
		p("\n### Coverage\n\n| date | what | %s |\n|---|---|%s\n", strings.Join(mdCells(c.Sources), " | "), strings.Repeat("---|", len(c.Sources)))
		for _, row := range c.Coverage {
			cells := make([]string, len(row.Reports))
			for i, id := range row.Reports {
				if id != 0 {
					cells[i] = fmt.Sprint(id)
				}
			}
			p("| %s | %s | %s |\n", row.Date, mdCell(factOf(d, row.Entry)), strings.Join(cells, " | "))
		}
	}
	p("\n### Opinion share\n\n")
	for _, o := range c.Opinion {
		p("- %s: %.0f%% of %d bytes\n", mdEscape(o.Source), o.Share*100, o.BodyBytes)
	}
	if len(d.Contradictions) > 0 {
		p("\n## Contradictions and errors\n\n")
		for _, x := range d.Contradictions {
			p("- **%s** (%s): %s\n", mdEscape(x.Slot), x.Kind, mdEscape(x.Explain))
			seen := map[string]bool{}
			for _, cl := range x.Claims {
				line := fmt.Sprintf("  - %s: %s [%d]\n", mdEscape(cl.Source), mdEscape(cl.Value), cl.Citation.Article)
				if !seen[line] { // one article stating it twice is one claim here
					seen[line] = true
					p("%s", line)
				}
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// factOf is the gist of the timeline entry a coverage row stands for.
func factOf(d *Dossier, entry int) string {
	if entry < 0 || entry >= len(d.Timeline) {
		return ""
	}
	return d.Timeline[entry].Gist()
}

// mdEscape keeps source text from being read as Markdown markup.
func mdEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;", "`", "\\`", "#", `\#`)
	return r.Replace(strings.Join(strings.Fields(s), " "))
}

func mdCell(s string) string { return strings.ReplaceAll(mdEscape(s), "|", `\|`) }

func mdCells(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = mdCell(s)
	}
	return out
}

// StoryFile is the file name of a story's page in a static site.
func StoryFile(id int64) string { return fmt.Sprintf("story-%d.html", id) }

// EntityFile is the file name of an entity's page in a static site.
func EntityFile(key string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(key) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	name := strings.Trim(b.String(), "-")
	if name == "" {
		name = "x"
	}
	if len(name) > 60 {
		name = name[:60]
	}
	return fmt.Sprintf("entity-%s-%08x.html", name, fnv32(key))
}

func fnv32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// TimelineSVG draws the timeline as an inline SVG: one dot per entry on a
// date axis (hollow for background, grey for announced), the description
// as the dot's tooltip. No script is needed to read it.
func TimelineSVG(entries []TimelineEntry) template.HTML {
	if len(entries) == 0 {
		return ""
	}
	var lo, hi time.Time
	for _, e := range entries {
		t, err := time.Parse("2006-01-02", e.Start)
		if err != nil {
			continue
		}
		if lo.IsZero() || t.Before(lo) {
			lo = t
		}
		if t.After(hi) {
			hi = t
		}
	}
	if lo.IsZero() {
		return ""
	}
	const width, left, right, rowH = 900.0, 20.0, 20.0, 14.0
	span := hi.Sub(lo).Hours() / 24
	if span == 0 {
		span = 1
	}
	x := func(t time.Time) float64 { return left + (width-left-right)*(t.Sub(lo).Hours()/24)/span }
	rows := map[int]int{}
	var b strings.Builder
	maxRow := 0
	for _, e := range entries {
		t, err := time.Parse("2006-01-02", e.Start)
		if err != nil {
			continue
		}
		px := x(t)
		key := int(px / 8)
		row := rows[key]
		rows[key]++
		maxRow = max(maxRow, row)
		fill, stroke := "#1f5f99", "#1f5f99"
		if e.Planned {
			fill = "#999"
		}
		if e.Background {
			fill = "white"
		}
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="5" fill="%s" stroke="%s"><title>%s %s</title></circle>`,
			px, 30+float64(row)*rowH, fill, stroke, template.HTMLEscapeString(e.Date), template.HTMLEscapeString(e.Description))
	}
	h := 50 + float64(maxRow)*rowH
	axis := fmt.Sprintf(`<line x1="%.0f" y1="18" x2="%.0f" y2="18" stroke="#444"/>`+
		`<text x="%.0f" y="12" font-size="11">%s</text><text x="%.0f" y="12" font-size="11" text-anchor="end">%s</text>`,
		left, width-right, left, lo.Format("2006-01-02"), width-right, hi.Format("2006-01-02"))
	return template.HTML(fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.0f %.0f" width="100%%" role="img" aria-label="timeline chart">%s%s</svg>`,
		width, h, axis, b.String()))
}

// count writes n with its noun, in the singular for one: "1 article",
// "3 articles".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

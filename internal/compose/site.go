package compose

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// SiteStoryline is a storyline as the static site lists it.
type SiteStoryline struct {
	ID      int64
	Title   string
	Stories []int64
}

// Site is a static, offline HTML site: one page per story, an index of
// storylines and one page per entity.
type Site struct {
	Title      string
	Stories    []*Dossier
	Storylines []SiteStoryline
}

type siteEntity struct {
	Key, Name, Type string
	Roles           []string
	Stories         []*Dossier
	Mentions        int
}

// Write renders the site into dir (created when missing).
func (s *Site) Write(dir string) error {
	t, err := pageTemplates()
	if err != nil {
		return fmt.Errorf("templates: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("site: %w", err)
	}
	write := func(name, tmpl string, data any) error {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return fmt.Errorf("site: %w", err)
		}
		w := bufio.NewWriter(f)
		if err := t.ExecuteTemplate(w, tmpl, data); err != nil {
			f.Close()
			return fmt.Errorf("site: %s: %w", name, err)
		}
		if err := w.Flush(); err != nil {
			f.Close()
			return fmt.Errorf("site: %w", err)
		}
		return f.Close()
	}
	byID := map[int64]*Dossier{}
	ents := map[string]*siteEntity{}
	for _, d := range s.Stories {
		byID[d.StoryID] = d
		if err := write(StoryFile(d.StoryID), "story.html", struct {
			D    *Dossier
			Site bool
		}{d, true}); err != nil {
			return err
		}
		for _, a := range d.Actors {
			e := ents[a.Key]
			if e == nil {
				e = &siteEntity{Key: a.Key, Name: a.Name, Type: a.Type}
				ents[a.Key] = e
			}
			e.Stories = append(e.Stories, d)
			e.Mentions += a.Mentions
			for _, r := range a.Roles {
				title := r.Title
				if r.Status != "" && r.Status != "current" {
					title = r.Status + " " + title
				}
				if !slices.Contains(e.Roles, title) {
					e.Roles = append(e.Roles, title)
				}
			}
		}
	}
	var list []*siteEntity
	for _, e := range ents {
		list = append(list, e)
		if err := write(EntityFile(e.Key), "entity.html", e); err != nil {
			return err
		}
	}
	slices.SortFunc(list, func(a, b *siteEntity) int {
		if a.Mentions != b.Mentions {
			return b.Mentions - a.Mentions
		}
		return strings.Compare(a.Key, b.Key)
	})
	type indexLine struct {
		Title   string
		Stories []*Dossier
	}
	var lines []indexLine
	listed := map[int64]bool{}
	for _, l := range s.Storylines {
		il := indexLine{Title: l.Title}
		for _, id := range l.Stories {
			if d := byID[id]; d != nil {
				il.Stories = append(il.Stories, d)
				listed[id] = true
			}
		}
		if len(il.Stories) > 0 {
			lines = append(lines, il)
		}
	}
	for _, d := range s.Stories {
		if !listed[d.StoryID] {
			lines = append(lines, indexLine{Title: d.Headline, Stories: []*Dossier{d}})
		}
	}
	if err := write("index.html", "index.html", struct {
		Title string
		Lines []indexLine
	}{s.Title, lines}); err != nil {
		return err
	}
	return write("entities.html", "entities.html", struct {
		Title    string
		Entities []*siteEntity
	}{s.Title, list})
}

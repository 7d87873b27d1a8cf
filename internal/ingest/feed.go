package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/mmcdole/gofeed"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/structure"
)

// readFeed reads an RSS, Atom or JSON Feed document: each entry is one
// article, its HTML content rendered to text. An entry's Raw is the bytes
// of its own <item>/<entry> element (or JSON object) in the feed.
func (r *Reader) readFeed(ctx context.Context, origin string, data []byte, yield func(Item) bool) bool {
	s, err := toUTF8(data)
	if err != nil {
		return yield(itemErr(origin, err))
	}
	fp := gofeed.NewParser()
	feed, err := fp.ParseString(s)
	if err != nil {
		return yield(itemErr(origin, fmt.Errorf("%w feed: %w", ErrMalformed, err)))
	}
	if len(feed.Items) == 0 {
		return yield(itemErr(origin, fmt.Errorf("%w: feed has no entries", ErrEmpty)))
	}
	raws := entryBytes(data, feed.FeedType)
	if len(raws) != len(feed.Items) {
		// The element scan and the parser disagree (odd markup): fall back
		// to a canonical encoding of the parsed entry, still one per item.
		raws = nil
	}
	for i, it := range feed.Items {
		if ctx.Err() != nil {
			return yield(itemErr(origin, ctx.Err()))
		}
		var raw []byte
		if raws != nil {
			raw = raws[i]
		} else {
			raw, _ = json.Marshal(it)
		}
		if !yield(feedItem(itemOrigin(origin, i+1), raw, feed, it)) {
			return false
		}
	}
	return true
}

func feedItem(origin string, raw []byte, feed *gofeed.Feed, it *gofeed.Item) Item {
	body := it.Content
	if strings.TrimSpace(body) == "" {
		body = it.Description
	}
	if strings.TrimSpace(body) == "" {
		return itemErr(origin, fmt.Errorf("%w: entry has no content or description", ErrEmpty))
	}
	a := newArticle(origin, article.FormatFeed, raw)
	a.Title = normSpace(htmlText(it.Title))
	a.URL = it.Link
	a.Source = feedOutlet(normSpace(feed.Title))
	a.Lang = feed.Language
	switch {
	case len(it.Authors) > 0 && it.Authors[0] != nil:
		names := make([]string, 0, len(it.Authors))
		for _, p := range it.Authors {
			if p != nil && p.Name != "" {
				names = append(names, p.Name)
			}
		}
		a.Author = strings.Join(names, ", ")
	case it.DublinCoreExt != nil && len(it.DublinCoreExt.Creator) > 0:
		a.Author = strings.Join(it.DublinCoreExt.Creator, ", ")
	}
	switch {
	case it.PublishedParsed != nil:
		a.Published, a.DateSource = it.PublishedParsed.UTC(), "feed"
	case it.UpdatedParsed != nil:
		a.Published, a.DateSource = it.UpdatedParsed.UTC(), "feed"
	}
	var b structure.Builder
	b.Headline(a.Title)
	addBody(&b, body, a.Title)
	if !b.HasBody() {
		return itemErr(origin, fmt.Errorf("%w: entry content is blank after removing markup", ErrEmpty))
	}
	a.Text, a.Structure = b.Finish()
	a.Title = headline(a.Text, a.Structure)
	return Item{Article: a}
}

// htmlText strips markup and decodes entities in a short field (a title).
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	var b structure.Builder
	addBody(&b, "<p>"+s+"</p>", "")
	text, _ := b.Finish()
	return text
}

// entryBytes finds the bytes of each entry of a feed: the <item> or
// <entry> elements of XML feeds (skipping CDATA and comments, where an
// "<item" is only text), the items array of a JSON Feed.
func entryBytes(data []byte, feedType string) [][]byte {
	if feedType == "json" {
		var jf struct {
			Items []json.RawMessage `json:"items"`
		}
		if err := json.Unmarshal(data, &jf); err != nil {
			return nil
		}
		out := make([][]byte, len(jf.Items))
		for i, it := range jf.Items {
			out[i] = it
		}
		return out
	}
	open, closing := []byte("<item"), []byte("</item>")
	if feedType == "atom" {
		open, closing = []byte("<entry"), []byte("</entry>")
	}
	var out [][]byte
	start := -1
	for i := 0; i < len(data); {
		j := bytes.IndexByte(data[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := data[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			k := bytes.Index(rest, []byte("]]>"))
			if k < 0 {
				return out
			}
			i += k + 3
		case bytes.HasPrefix(rest, []byte("<!--")):
			k := bytes.Index(rest, []byte("-->"))
			if k < 0 {
				return out
			}
			i += k + 3
		case start < 0 && bytes.HasPrefix(rest, open) && len(rest) > len(open) && (rest[len(open)] == '>' || rest[len(open)] == ' ' || rest[len(open)] == '\n' || rest[len(open)] == '\t' || rest[len(open)] == '\r' || rest[len(open)] == '/'):
			start = i
			i += len(open)
		case start >= 0 && bytes.HasPrefix(rest, closing):
			i += len(closing)
			out = append(out, data[start:i])
			start = -1
		default:
			i++
		}
	}
	return out
}

// feedSections name a feed's section, not its outlet. Read-only.
var feedSections = map[string]bool{
	"business": true, "world": true, "world news": true, "news": true, "top stories": true, "top news": true,
	"latest": true, "latest news": true, "headlines": true, "breaking news": true, "politics": true,
	"sport": true, "sports": true, "technology": true, "tech": true, "science": true, "health": true,
	"opinion": true, "comment": true, "entertainment": true, "culture": true, "home": true, "homepage": true,
	"front page": true, "markets": true, "economy": true, "money": true, "local": true, "national": true,
	"international": true, "uk": true, "us": true, "europe": true, "africa": true, "asia": true,
	"middle east": true, "americas": true, "environment": true, "climate": true, "travel": true,
	"lifestyle": true, "all stories": true, "rss": true, "rss feed": true, "feed": true,
}

// feedOutlet is the outlet a feed's title names, less the section it adds
// ("Northern Wire - Business", "World news | The Guardian"): the same
// outlet's feeds are one source, not one per section.
func feedOutlet(title string) string {
	for _, sep := range []string{" - ", " – ", " — ", " | ", ": "} {
		before, after, ok := strings.Cut(title, sep)
		if !ok || strings.Contains(after, sep) {
			continue
		}
		b, a := strings.TrimSpace(before), strings.TrimSpace(after)
		switch {
		case feedSections[strings.ToLower(a)] && b != "" && !feedSections[strings.ToLower(b)]:
			return b
		case feedSections[strings.ToLower(b)] && a != "" && !feedSections[strings.ToLower(a)]:
			return a
		}
	}
	return title
}

package compose

import (
	"cmp"
	"slices"

	"github.com/dossier-news/dossier/internal/article"
)

// compare sets the sources side by side: which timeline entries each
// reports, what only one reports, which articles are copies of which, and
// how much of each source is opinion rather than reporting.
func compare(docs []*doc, tl []TimelineEntry) Comparison {
	var c Comparison
	col := map[string]int{}
	for _, d := range docs {
		if _, ok := col[d.outlet]; !ok {
			col[d.outlet] = len(c.Sources)
			c.Sources = append(c.Sources, d.outlet)
		}
	}
	outletOf := map[int64]string{}
	for _, d := range docs {
		outletOf[d.id] = d.outlet
	}
	for i, e := range tl {
		row := CoverageRow{Entry: i, Date: e.Date, Reports: make([]int64, len(c.Sources))}
		for _, ct := range e.Citations {
			j := col[outletOf[ct.Article]]
			if row.Reports[j] == 0 {
				row.Reports[j] = ct.Article
			}
		}
		c.Coverage = append(c.Coverage, row)
		if len(e.Sources) == 1 && len(c.Sources) > 1 {
			c.Unique = append(c.Unique, UniqueFact{Entry: i, Source: e.Sources[0]})
		}
	}

	groups := map[int64]*RewriteGroup{}
	var order []int64
	for _, d := range docs {
		if !d.member.Duplicate {
			continue
		}
		g := groups[d.member.Canonical]
		if g == nil {
			g = &RewriteGroup{Canonical: d.member.Canonical}
			groups[d.member.Canonical] = g
			order = append(order, d.member.Canonical)
		}
		g.Members = append(g.Members, d.id)
		kind := d.member.Kind
		if kind == "" {
			kind = "near"
		}
		g.Kinds = append(g.Kinds, kind)
	}
	slices.Sort(order)
	for _, k := range order {
		c.Rewrites = append(c.Rewrites, *groups[k])
	}

	share := map[string]*OpinionShare{}
	for _, d := range docs {
		o := share[d.outlet]
		if o == nil {
			o = &OpinionShare{Source: d.outlet}
			share[d.outlet] = o
		}
		for _, b := range d.a.Structure.Blocks {
			switch b.Kind {
			case article.BlockParagraph, article.BlockBullet:
			default:
				continue
			}
			n := b.Span.Len()
			o.BodyBytes += n
			if b.Opinion {
				o.OpinionBytes += n
			}
		}
	}
	for _, s := range c.Sources {
		o := share[s]
		if o.BodyBytes > 0 {
			o.Share = round3(float64(o.OpinionBytes) / float64(o.BodyBytes))
		}
		c.Opinion = append(c.Opinion, *o)
	}
	slices.SortStableFunc(c.Opinion, func(a, b OpinionShare) int { return cmp.Compare(b.Share, a.Share) })
	return c
}

func round3(x float64) float64 {
	return float64(int64(x*1000+0.5)) / 1000
}

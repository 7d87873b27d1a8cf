package engine

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/entity"
	"github.com/dossier-news/dossier/internal/store"
)

// The cross-article person registry lives in the store as per-article
// sightings (store.PeopleStore), written in the transaction of each
// analysis. Linking an article asks the store for the people its
// surname-only names may denote, restores them into a small
// entity.Registry and links there: the cost is that of the article, not of
// the store, and the answer is the one a registry built from every stored
// analysis gives (TestRegistryIncrementalEqualsRebuild).

// LoadRegistry makes the engine link people across articles through the
// store's registry. It first files the analyses the registry lacks (stored
// before it existed, or by plain PutAnalysis); once that is done, it reads
// nothing but the IDs of unregistered articles (none).
func (e *Engine) LoadRegistry(ctx context.Context) error {
	n, err := e.CatchUpRegistry(ctx)
	if err != nil {
		return err
	}
	if n > 0 && e.Log != nil {
		e.Log.Info("entity registry caught up", "articles", n)
	}
	e.LinkPeople = true
	return nil
}

// CatchUpRegistry files the sightings of every analysed article the
// registry lacks and returns how many it filed. Several processes may run
// it at once: an article another one filed meanwhile is left alone.
func (e *Engine) CatchUpRegistry(ctx context.Context) (int, error) {
	filed := 0
	for {
		ids, err := e.Store.UnregisteredAnalyses(ctx, 500)
		if err != nil || len(ids) == 0 {
			return filed, err
		}
		for _, id := range ids {
			if err := ctx.Err(); err != nil {
				return filed, err
			}
			an, err := e.Store.Analysis(ctx, id)
			if errors.Is(err, store.ErrNotFound) {
				continue // deleted meanwhile
			}
			if err != nil {
				return filed, err
			}
			wrote, err := e.Store.RegisterPeople(ctx, id, storeSightings(an.Entities))
			if err != nil {
				return filed, fmt.Errorf("registering the people of %d: %w", id, err)
			}
			if wrote {
				filed++
			}
		}
	}
}

// linkPeople rewrites the keys of the article's surname-only people that
// the store's registry links to a full name.
func (e *Engine) linkPeople(ctx context.Context, ents []article.Entity) error {
	surnames, titles, keys := entity.LinkQuery(ents)
	if len(surnames) == 0 {
		return nil
	}
	// How often each person was seen matters only to choose between
	// people of one surname: counted only when the query finds several.
	q := store.PeopleQuery{Surnames: surnames, Titles: titles, Context: keys}
	known, err := e.Store.People(ctx, q)
	if err == nil && len(known) > 1 {
		q.Counts = true
		known, err = e.Store.People(ctx, q)
	}
	if err != nil {
		return fmt.Errorf("linking people: %w", err)
	}
	reg := entity.NewRegistry()
	reg.Restore(personStates(known))
	reg.Link(ents)
	return nil
}

// StoredRegistry returns the whole registry the store holds, in memory. It
// reads every person (for checks and for "who is Scholz" questions, not for
// linking).
func (e *Engine) StoredRegistry(ctx context.Context) (*entity.Registry, error) {
	known, err := e.Store.People(ctx, store.PeopleQuery{All: true, Everything: true})
	if err != nil {
		return nil, err
	}
	reg := entity.NewRegistry()
	reg.Restore(personStates(known))
	return reg, nil
}

// RebuildRegistry builds the registry from every stored analysis, in
// article ID order: one pass over the store. It is what the store's
// registry must equal.
func (e *Engine) RebuildRegistry(ctx context.Context) (*entity.Registry, error) {
	reg := entity.NewRegistry()
	list, err := e.Store.Articles(ctx, store.Filter{})
	if err != nil {
		return nil, err
	}
	sort.Slice(list, func(i, j int) bool { return list[i].ID < list[j].ID })
	for _, a := range list {
		an, err := e.Store.Analysis(ctx, a.ID)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		reg.Observe(an.Entities)
	}
	return reg, nil
}

// storeSightings is what the store files of an article's entities.
func storeSightings(ents []article.Entity) []store.Sighting {
	ss := entity.Sightings(ents)
	out := make([]store.Sighting, len(ss))
	for i, s := range ss {
		out[i] = store.Sighting{Key: s.Key, Name: s.Name, Times: s.Times, Titles: s.Titles, Context: s.Context,
			Surnames: entity.SurnameForms(s.Key)}
	}
	return out
}

func personStates(ps []store.Person) []entity.PersonState {
	out := make([]entity.PersonState, len(ps))
	for i, p := range ps {
		out[i] = entity.PersonState{Key: p.Key, Name: p.Name, Articles: p.Articles, Titles: p.Titles, Context: p.Context}
	}
	return out
}

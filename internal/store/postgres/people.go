package postgres

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/dossier-news/dossier/internal/store"
)

// putSightings replaces the article's sightings with people, inside the
// caller's transaction (one round trip).
func putSightings(ctx context.Context, tx pgx.Tx, id int64, people []store.Sighting) error {
	b := &pgx.Batch{}
	var filed [][2]string // surname, key
	for _, table := range []string{"person_sightings", "person_titles", "person_context"} {
		b.Queue("DELETE FROM "+table+" WHERE article_id = $1", id)
	}
	for _, p := range people {
		b.Queue("INSERT INTO person_sightings (person_key, article_id, name, times) VALUES ($1, $2, $3, $4)",
			pgText(p.Key), id, pgText(p.Name), p.Times)
		if len(p.Titles) > 0 {
			b.Queue(`INSERT INTO person_titles (person_key, title, article_id)
				SELECT $1, t, $2 FROM unnest($3::text[]) AS t ON CONFLICT DO NOTHING`, pgText(p.Key), id, pgTexts(p.Titles))
		}
		if len(p.Context) > 0 {
			b.Queue(`INSERT INTO person_context (person_key, other_key, article_id)
				SELECT $1, k, $2 FROM unnest($3::text[]) AS k ON CONFLICT DO NOTHING`, pgText(p.Key), id, pgTexts(p.Context))
		}
		for _, f := range p.Surnames {
			filed = append(filed, [2]string{pgText(f), pgText(p.Key)})
		}
	}
	if len(filed) > 0 {
		// In one order for every writer: two that file the same new people
		// wait for each other instead of deadlocking.
		slices.SortFunc(filed, func(a, b [2]string) int { return cmp.Or(strings.Compare(a[0], b[0]), strings.Compare(a[1], b[1])) })
		surnames, keys := make([]string, len(filed)), make([]string, len(filed))
		for i, f := range filed {
			surnames[i], keys[i] = f[0], f[1]
		}
		b.Queue(`INSERT INTO person_surnames (surname, person_key)
			SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`, surnames, keys)
	}
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("storing the sightings of %d: %w", id, err)
	}
	return nil
}

func pgTexts(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = pgText(s)
	}
	return out
}

// UnregisteredAnalyses implements store.PeopleStore.
func (s *Store) UnregisteredAnalyses(ctx context.Context, limit int) ([]int64, error) {
	q := "SELECT article_id FROM analyses WHERE NOT registered ORDER BY article_id"
	if limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", limit)
	}
	return s.ids(ctx, q)
}

// RegisterPeople implements store.PeopleStore.
func (s *Store) RegisterPeople(ctx context.Context, id int64, people []store.Sighting) (bool, error) {
	wrote := false
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		wrote = false
		// The row lock taken here orders this against a new analysis of the
		// same article: whichever commits second sees the other's work.
		tag, err := tx.Exec(ctx, "UPDATE analyses SET registered = true WHERE article_id = $1 AND NOT registered", id)
		if err != nil {
			return fmt.Errorf("registering %d: %w", id, err)
		}
		if tag.RowsAffected() == 0 {
			return nil
		}
		wrote = true
		return putSightings(ctx, tx, id, people)
	})
	return wrote, err
}

// People implements store.PeopleStore.
func (s *Store) People(ctx context.Context, q store.PeopleQuery) ([]store.Person, error) {
	var rows pgx.Rows
	var err error
	switch {
	case q.All:
		rows, err = s.pool.Query(ctx, "SELECT DISTINCT person_key FROM person_sightings")
	case len(q.Surnames) > 0 || len(q.Keys) > 0:
		// EXISTS: a person is known while one registered article names
		// them, and one probe says so.
		rows, err = s.pool.Query(ctx, `SELECT k FROM (
				SELECT person_key AS k FROM person_surnames WHERE surname = ANY($1) UNION SELECT unnest($2::text[])
			) AS c WHERE EXISTS (SELECT 1 FROM person_sightings p WHERE p.person_key = c.k)`, pgTexts(q.Surnames), pgTexts(q.Keys))
	default:
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("listing people: %w", err)
	}
	keys, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("listing people: %w", err)
	}
	slices.Sort(keys)
	out := make([]store.Person, 0, len(keys))
	for _, k := range keys {
		p := store.Person{Key: k}
		switch {
		case q.Everything:
			if err := s.pool.QueryRow(ctx, `SELECT (SELECT name FROM person_sightings WHERE person_key = $1 ORDER BY article_id LIMIT 1),
				(SELECT SUM(times) FROM person_sightings WHERE person_key = $1)`, k).Scan(&p.Name, &p.Articles); err != nil {
				return nil, fmt.Errorf("reading person %s: %w", k, err)
			}
		case q.Counts:
			if err := s.pool.QueryRow(ctx, `SELECT SUM(times) FROM person_sightings WHERE person_key = $1`, k).Scan(&p.Articles); err != nil {
				return nil, fmt.Errorf("counting person %s: %w", k, err)
			}
		}
		if p.Titles, err = s.sightingSet(ctx, "person_titles", "title", k, q.Titles, q.Everything); err != nil {
			return nil, err
		}
		if p.Context, err = s.sightingSet(ctx, "person_context", "other_key", k, q.Context, q.Everything); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// sightingSet returns the distinct values of column seen with a person, all
// of them or only those of only.
func (s *Store) sightingSet(ctx context.Context, table, column, key string, only []string, all bool) ([]string, error) {
	if !all && len(only) == 0 {
		return nil, nil
	}
	q := "SELECT DISTINCT " + column + " FROM " + table + " WHERE person_key = $1"
	args := []any{key}
	if !all {
		// One probe per value: = ANY would read every article the person
		// shares with the value.
		q = "SELECT DISTINCT x FROM unnest($2::text[]) AS x WHERE EXISTS (SELECT 1 FROM " + table +
			" WHERE person_key = $1 AND " + column + " = x)"
		args = append(args, pgTexts(only))
	}
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("reading person %s: %w", key, err)
	}
	vals, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("reading person %s: %w", key, err)
	}
	if len(vals) == 0 {
		return nil, nil
	}
	slices.Sort(vals) // byte order, as the SQLite backend: not the database's collation
	return vals, nil
}

package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/dossier-news/dossier/internal/store"
)

// putSightings replaces the article's sightings with people, inside the
// caller's transaction.
func putSightings(ctx context.Context, tx *sql.Tx, id int64, people []store.Sighting) error {
	for _, table := range []string{"person_sightings", "person_titles", "person_context"} {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE article_id = ?", id); err != nil {
			return fmt.Errorf("replacing the sightings of %d: %w", id, err)
		}
	}
	if len(people) == 0 {
		return nil
	}
	stmts := map[string]string{
		"sighting": "INSERT INTO person_sightings (person_key, article_id, name, times) VALUES (?, ?, ?, ?)",
		"title":    "INSERT OR IGNORE INTO person_titles (person_key, title, article_id) VALUES (?, ?, ?)",
		"context":  "INSERT OR IGNORE INTO person_context (person_key, other_key, article_id) VALUES (?, ?, ?)",
		"surname":  "INSERT OR IGNORE INTO person_surnames (surname, person_key) VALUES (?, ?)",
	}
	prepared := map[string]*sql.Stmt{}
	for name, q := range stmts {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			return fmt.Errorf("storing the sightings of %d: %w", id, err)
		}
		defer st.Close()
		prepared[name] = st
	}
	for _, p := range people {
		if _, err := prepared["sighting"].ExecContext(ctx, p.Key, id, p.Name, p.Times); err != nil {
			return fmt.Errorf("storing the sightings of %d: %w", id, err)
		}
		for _, t := range p.Titles {
			if _, err := prepared["title"].ExecContext(ctx, p.Key, t, id); err != nil {
				return fmt.Errorf("storing the sightings of %d: %w", id, err)
			}
		}
		for _, k := range p.Context {
			if _, err := prepared["context"].ExecContext(ctx, p.Key, k, id); err != nil {
				return fmt.Errorf("storing the sightings of %d: %w", id, err)
			}
		}
		for _, f := range p.Surnames {
			if _, err := prepared["surname"].ExecContext(ctx, f, p.Key); err != nil {
				return fmt.Errorf("storing the sightings of %d: %w", id, err)
			}
		}
	}
	return nil
}

// UnregisteredAnalyses implements store.PeopleStore.
func (s *Store) UnregisteredAnalyses(ctx context.Context, limit int) ([]int64, error) {
	ids, err := s.queryIDs(ctx, "SELECT article_id FROM analyses WHERE registered = 0 ORDER BY article_id"+limitClause(limit))
	if err != nil {
		return nil, fmt.Errorf("listing unregistered analyses: %w", err)
	}
	return ids, nil
}

// RegisterPeople implements store.PeopleStore.
func (s *Store) RegisterPeople(ctx context.Context, id int64, people []store.Sighting) (bool, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, "UPDATE analyses SET registered = 1 WHERE article_id = ? AND registered = 0", id)
	if err != nil {
		return false, fmt.Errorf("registering %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil
	}
	if err := putSightings(ctx, tx, id, people); err != nil {
		return false, err
	}
	return true, tx.Commit()
}

// People implements store.PeopleStore.
func (s *Store) People(ctx context.Context, q store.PeopleQuery) ([]store.Person, error) {
	var keys []string
	var err error
	if q.All {
		keys, err = s.queryStrings(ctx, "SELECT DISTINCT person_key FROM person_sightings ORDER BY person_key")
	} else {
		var parts []string
		var args []any
		if len(q.Surnames) > 0 {
			parts = append(parts, "SELECT person_key FROM person_surnames WHERE surname IN ("+marks(len(q.Surnames))+")")
			args = append(args, anys(q.Surnames)...)
		}
		if len(q.Keys) > 0 {
			parts = append(parts, "SELECT column1 AS person_key FROM (VALUES "+strings.TrimSuffix(strings.Repeat("(?),", len(q.Keys)), ",")+")")
			args = append(args, anys(q.Keys)...)
		}
		if len(parts) == 0 {
			return nil, nil
		}
		// EXISTS: a person is known while one registered article names
		// them, and one probe says so.
		keys, err = s.queryStrings(ctx, "SELECT person_key FROM ("+strings.Join(parts, " UNION ")+") AS c"+
			" WHERE EXISTS (SELECT 1 FROM person_sightings p WHERE p.person_key = c.person_key) ORDER BY person_key", args...)
	}
	if err != nil {
		return nil, fmt.Errorf("listing people: %w", err)
	}
	out := make([]store.Person, 0, len(keys))
	for _, k := range keys {
		p := store.Person{Key: k}
		switch {
		case q.Everything:
			if err := s.db.QueryRowContext(ctx, `SELECT (SELECT name FROM person_sightings WHERE person_key = ?1 ORDER BY article_id LIMIT 1),
				(SELECT SUM(times) FROM person_sightings WHERE person_key = ?1)`, k).Scan(&p.Name, &p.Articles); err != nil {
				return nil, fmt.Errorf("reading person %s: %w", k, err)
			}
		case q.Counts:
			if err := s.db.QueryRowContext(ctx, `SELECT SUM(times) FROM person_sightings WHERE person_key = ?1`, k).Scan(&p.Articles); err != nil {
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
	q := "SELECT DISTINCT " + column + " FROM " + table + " WHERE person_key = ? ORDER BY " + column
	args := []any{key}
	if !all {
		// One probe per value: IN would read every article the person
		// shares with the value.
		q = "WITH v(x) AS (VALUES " + strings.TrimSuffix(strings.Repeat("(?),", len(only)), ",") + ")" +
			" SELECT DISTINCT x FROM v WHERE EXISTS (SELECT 1 FROM " + table + " WHERE person_key = ? AND " + column + " = v.x) ORDER BY x"
		args = append(anys(only), key)
	}
	vals, err := s.queryStrings(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("reading person %s: %w", key, err)
	}
	return vals, nil
}

func (s *Store) queryStrings(ctx context.Context, q string, args ...any) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func marks(n int) string { return strings.TrimSuffix(strings.Repeat("?,", n), ",") }

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/dossier-news/dossier/internal/store"
)

var _ store.ServerStore = (*Store)(nil)

// Entities implements store.ServerStore.
func (s *Store) Entities(ctx context.Context, f store.EntityFilter) ([]store.EntityCount, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	var conds []string
	var args []any
	if f.Prefix != "" {
		// name LIKE is case-insensitive for ASCII in SQLite; escape the wildcards.
		p := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(f.Prefix)
		conds = append(conds, `name LIKE ? ESCAPE '\'`)
		args = append(args, p+"%")
	}
	if f.Type != "" {
		conds = append(conds, "type = ?")
		args = append(args, f.Type)
	}
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	q := entityCountsSQL(`SELECT entity_key, count(DISTINCT article_id) AS articles, count(*) AS mentions FROM entity_mentions` + where +
		fmt.Sprintf(` GROUP BY entity_key ORDER BY articles DESC, mentions DESC, entity_key LIMIT %d OFFSET %d`, limit, f.Offset))
	return s.entityCounts(ctx, q, args...)
}

// entityCountsSQL wraps a query of (entity_key, articles, mentions) rows
// with each entity's name and type. The name is the one its key spells
// ("New York" for place:new york, over the datelines' "N.Y."), else the one
// most of its articles give it, so one article's "The Facebook" does not
// name the entity everywhere (max(name) picked the alphabetically last);
// the type is the one most articles give it.
func entityCountsSQL(counts string) string {
	return `SELECT k.entity_key,
		(SELECT m.name FROM entity_mentions m WHERE m.entity_key = k.entity_key
			GROUP BY m.name ORDER BY lower(m.name) = substr(k.entity_key, instr(k.entity_key, ':') + 1) DESC,
				count(DISTINCT m.article_id) DESC, count(*) DESC, m.name LIMIT 1),
		(SELECT m.type FROM entity_mentions m WHERE m.entity_key = k.entity_key
			GROUP BY m.type ORDER BY count(DISTINCT m.article_id) DESC, count(*) DESC, m.type LIMIT 1),
		k.articles, k.mentions
		FROM (` + counts + `) k ORDER BY k.articles DESC, k.mentions DESC, k.entity_key`
}

func (s *Store) entityCounts(ctx context.Context, q string, args ...any) ([]store.EntityCount, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("listing entities: %w", err)
	}
	defer rows.Close()
	var out []store.EntityCount
	for rows.Next() {
		var e store.EntityCount
		if err := rows.Scan(&e.Key, &e.Name, &e.Type, &e.Articles, &e.Mentions); err != nil {
			return nil, fmt.Errorf("listing entities: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// EntityArticles implements store.ServerStore.
func (s *Store) EntityArticles(ctx context.Context, key string, limit int) ([]int64, error) {
	ids, err := s.queryIDs(ctx, `SELECT a.id FROM articles a WHERE a.id IN (SELECT article_id FROM entity_mentions WHERE entity_key = ?)
		ORDER BY a.published IS NULL, a.published DESC, a.id DESC`+limitClause(limit), key)
	if err != nil {
		return nil, fmt.Errorf("articles of entity %q: %w", key, err)
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("entity %q: %w", key, store.ErrNotFound)
	}
	return ids, nil
}

// EntityFacets implements store.ServerStore.
func (s *Store) EntityFacets(ctx context.Context, ids []int64, limit int) ([]store.EntityCount, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	if limit <= 0 {
		limit = 20
	}
	ph := strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	q := entityCountsSQL(`SELECT entity_key, count(DISTINCT article_id) AS articles, count(*) AS mentions FROM entity_mentions
		WHERE article_id IN (` + ph + `)` +
		fmt.Sprintf(` GROUP BY entity_key ORDER BY articles DESC, mentions DESC, entity_key LIMIT %d`, limit))
	return s.entityCounts(ctx, q, args...)
}

// StoriesPage implements store.ServerStore.
func (s *Store) StoriesPage(ctx context.Context, limit, offset int) ([]store.Story, int, error) {
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM stories`).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("counting stories: %w", err)
	}
	// Sort the narrow (id, last) pairs and read the wide JSON of one page
	// only: sorting whole rows costs 25 ms a page at 20k stories.
	rows, err := s.db.QueryContext(ctx, `SELECT data FROM stories WHERE id IN (
		SELECT id FROM stories ORDER BY last IS NULL, last DESC, id DESC LIMIT ? OFFSET ?)
		ORDER BY last IS NULL, last DESC, id DESC`, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("listing stories: %w", err)
	}
	defer rows.Close()
	var out []store.Story
	for rows.Next() {
		var data string
		var x store.Story
		if err := rows.Scan(&data); err != nil {
			return nil, 0, err
		}
		if err := json.Unmarshal([]byte(data), &x); err != nil {
			return nil, 0, fmt.Errorf("decoding story: %w", err)
		}
		out = append(out, x)
	}
	return out, total, rows.Err()
}

// StorylinesPage implements store.ServerStore.
func (s *Store) StorylinesPage(ctx context.Context, f store.StorylineFilter) ([]store.Storyline, int, error) {
	limit, offset := f.Limit, max(f.Offset, 0)
	if limit <= 0 {
		limit = 50
	}
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT coalesce(sum(lines), 0) FROM storyline_sizes WHERE stories >= ?`, f.MinStories).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("counting storylines: %w", err)
	}
	// The inner query walks the storylines_page index backwards and stops
	// after one page; only that page's JSON is read and decoded.
	rows, err := s.db.QueryContext(ctx, `SELECT data FROM storylines WHERE id IN (
		SELECT id FROM storylines WHERE stories >= ? ORDER BY last DESC, id DESC LIMIT ? OFFSET ?)
		ORDER BY last DESC, id DESC`, f.MinStories, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("listing storylines: %w", err)
	}
	defer rows.Close()
	var out []store.Storyline
	for rows.Next() {
		var data string
		var l store.Storyline
		if err := rows.Scan(&data); err != nil {
			return nil, 0, err
		}
		if err := json.Unmarshal([]byte(data), &l); err != nil {
			return nil, 0, fmt.Errorf("decoding storyline: %w", err)
		}
		out = append(out, l)
	}
	return out, total, rows.Err()
}

// StoryOf implements store.ServerStore.
func (s *Store) StoryOf(ctx context.Context, articleID int64) (store.Member, error) {
	var m store.Member
	err := s.db.QueryRowContext(ctx, `SELECT article_id, story_id, dup_group, canonical, duplicate, kind, score
		FROM story_members WHERE article_id = ?`, articleID).
		Scan(&m.ArticleID, &m.StoryID, &m.DupGroup, &m.Canonical, &m.Duplicate, &m.Kind, &m.Score)
	if errors.Is(err, sql.ErrNoRows) {
		return m, fmt.Errorf("story of article %d: %w", articleID, store.ErrNotFound)
	}
	if err != nil {
		return m, fmt.Errorf("story of article %d: %w", articleID, err)
	}
	return m, nil
}

const feedCols = `id, url, title, etag, last_modified, last_checked, last_success, next_check, failures, last_error, articles, created_at`

func scanFeed(sc interface{ Scan(...any) error }) (store.Feed, error) {
	var f store.Feed
	var checked, success, next, created sql.NullString
	err := sc.Scan(&f.ID, &f.URL, &f.Title, &f.ETag, &f.LastModified, &checked, &success, &next, &f.Failures, &f.LastError, &f.Articles, &created)
	f.LastChecked, f.LastSuccess, f.NextCheck, f.CreatedAt = parseTime(checked), parseTime(success), parseTime(next), parseTime(created)
	return f, err
}

// PutFeed implements store.ServerStore.
func (s *Store) PutFeed(ctx context.Context, url string) (store.Feed, bool, error) {
	res, err := s.db.ExecContext(ctx, `INSERT INTO feeds (url, created_at) VALUES (?, ?) ON CONFLICT(url) DO NOTHING`,
		url, formatTime(time.Now()))
	if err != nil {
		return store.Feed{}, false, fmt.Errorf("adding feed %s: %w", url, err)
	}
	n, _ := res.RowsAffected()
	f, err := scanFeed(s.db.QueryRowContext(ctx, "SELECT "+feedCols+" FROM feeds WHERE url = ?", url))
	if err != nil {
		return f, false, fmt.Errorf("reading feed %s: %w", url, err)
	}
	return f, n > 0, nil
}

// Feeds implements store.ServerStore.
func (s *Store) Feeds(ctx context.Context) ([]store.Feed, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+feedCols+" FROM feeds ORDER BY id")
	if err != nil {
		return nil, fmt.Errorf("listing feeds: %w", err)
	}
	defer rows.Close()
	var out []store.Feed
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			return nil, fmt.Errorf("listing feeds: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// UpdateFeed implements store.ServerStore.
func (s *Store) UpdateFeed(ctx context.Context, f store.Feed) error {
	res, err := s.db.ExecContext(ctx, `UPDATE feeds SET title = ?, etag = ?, last_modified = ?, last_checked = ?,
		last_success = ?, next_check = ?, failures = ?, last_error = ?, articles = ? WHERE id = ?`,
		f.Title, f.ETag, f.LastModified, formatTime(f.LastChecked), formatTime(f.LastSuccess), formatTime(f.NextCheck),
		f.Failures, f.LastError, f.Articles, f.ID)
	if err != nil {
		return fmt.Errorf("updating feed %d: %w", f.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("feed %d: %w", f.ID, store.ErrNotFound)
	}
	return nil
}

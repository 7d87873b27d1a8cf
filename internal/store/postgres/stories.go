package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/dossier-news/dossier/internal/store"
)

var _ store.StoryStore = (*Store)(nil)

// SaveStories implements store.StoryStore: one transaction; the rows are
// sent with COPY, after deleting the stored rows they replace.
func (s *Store) SaveStories(ctx context.Context, u store.StoryUpdate) error {
	storyRows := make([][]any, len(u.Stories))
	storyIDs := make([]int64, len(u.Stories))
	for i, x := range u.Stories {
		data, err := json.Marshal(x)
		if err != nil {
			return err
		}
		storyRows[i] = []any{x.ID, pgText(x.Headline), x.Size, x.Groups, nullTime(x.First), nullTime(x.Last), x.Storyline, pgText(string(data))}
		storyIDs[i] = x.ID
	}
	memberRows := make([][]any, len(u.Members))
	memberIDs := make([]int64, len(u.Members))
	for i, m := range u.Members {
		memberRows[i] = []any{m.ArticleID, m.StoryID, m.DupGroup, m.Canonical, m.Duplicate, m.Kind, m.Score}
		memberIDs[i] = m.ArticleID
	}
	lineRows := make([][]any, len(u.Lines))
	for i, l := range u.Lines {
		data, err := json.Marshal(l)
		if err != nil {
			return err
		}
		lineRows[i] = []any{l.ID, len(l.Stories), nullTime(l.First), nullTime(l.Last), pgText(string(data))}
	}
	var sizeRows [][]any
	for _, sz := range store.StorylineSizes(u.Lines) {
		sizeRows = append(sizeRows, []any{sz[0], sz[1]})
	}
	// A merge keeps the older story: apply the newest first so chains
	// (5 into 3, 3 into 1) end in the survivor.
	merged := make([]int64, 0, len(u.Merged))
	for id := range u.Merged {
		merged = append(merged, id)
	}
	slices.Sort(merged)
	slices.Reverse(merged)
	return s.inTx(ctx, func(tx pgx.Tx) error {
		// The state row, locked for the transaction, serialises runs.
		var gen int64
		err := tx.QueryRow(ctx, `SELECT generation FROM cluster_state WHERE id = 1 FOR UPDATE`).Scan(&gen)
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("reading the clusterer state: %w", err)
		}
		if gen != u.Expect {
			return fmt.Errorf("saving stories from state generation %d, stored %d: %w", u.Expect, gen, store.ErrConflict)
		}
		// DELETE, not TRUNCATE: readers keep seeing the old layer until commit
		// instead of queueing behind an exclusive lock.
		var clear []string
		if u.Replace {
			clear = []string{"DELETE FROM story_members", "DELETE FROM stories"}
		}
		clear = append(clear, "DELETE FROM storylines", "DELETE FROM storyline_sizes", "DELETE FROM cluster_state")
		for _, q := range clear {
			if _, err := tx.Exec(ctx, q); err != nil {
				return fmt.Errorf("saving stories: %w", err)
			}
		}
		for _, gone := range merged {
			into := u.Merged[gone]
			if _, err := tx.Exec(ctx, `UPDATE story_members SET story_id = $1 WHERE story_id = $2`, into, gone); err != nil {
				return fmt.Errorf("moving the members of story %d into %d: %w", gone, into, err)
			}
			if _, err := tx.Exec(ctx, `DELETE FROM stories WHERE id = $1`, gone); err != nil {
				return fmt.Errorf("removing merged story %d: %w", gone, err)
			}
		}
		if !u.Replace {
			if _, err := tx.Exec(ctx, `DELETE FROM stories WHERE id = ANY($1)`, storyIDs); err != nil {
				return fmt.Errorf("replacing stories: %w", err)
			}
			if _, err := tx.Exec(ctx, `DELETE FROM story_members WHERE article_id = ANY($1)`, memberIDs); err != nil {
				return fmt.Errorf("replacing memberships: %w", err)
			}
		}
		for _, c := range []struct {
			table string
			cols  []string
			rows  [][]any
		}{
			{"stories", []string{"id", "headline", "size", "groups", "first", "last", "storyline", "data"}, storyRows},
			{"story_members", []string{"article_id", "story_id", "dup_group", "canonical", "duplicate", "kind", "score"}, memberRows},
			{"storylines", []string{"id", "stories", "first", "last", "data"}, lineRows},
			{"storyline_sizes", []string{"stories", "lines"}, sizeRows},
		} {
			if len(c.rows) == 0 {
				continue
			}
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
				return fmt.Errorf("storing %s: %w", strings.ReplaceAll(c.table, "_", " "), err)
			}
		}
		if u.State != nil {
			if _, err := tx.Exec(ctx, `INSERT INTO cluster_state (id, version, generation, data) VALUES (1, $1, $2, $3)`, u.State.Version, u.Expect+1, u.State.Data); err != nil {
				if pe := (*pgconn.PgError)(nil); errors.As(err, &pe) && pe.Code == "23505" {
					// another run found no state either and saved first
					return fmt.Errorf("saving the clusterer state: %w", store.ErrConflict)
				}
				return fmt.Errorf("saving the clusterer state: %w", err)
			}
		}
		return nil
	})
}

// ForgetClusterState implements store.StoryStore.
func (s *Store) ForgetClusterState(ctx context.Context) error {
	if _, err := s.pool.Exec(ctx, `DELETE FROM cluster_state`); err != nil {
		return fmt.Errorf("forgetting the clusterer state: %w", err)
	}
	return nil
}

// ClusterState implements store.StoryStore.
func (s *Store) ClusterState(ctx context.Context) (store.ClusterState, error) {
	var c store.ClusterState
	err := s.pool.QueryRow(ctx, `SELECT version, generation, data FROM cluster_state WHERE id = 1`).Scan(&c.Version, &c.Generation, &c.Data)
	if errors.Is(err, pgx.ErrNoRows) {
		return c, fmt.Errorf("clusterer state: %w", store.ErrNotFound)
	}
	if err != nil {
		return c, fmt.Errorf("reading the clusterer state: %w", err)
	}
	return c, nil
}

func decodeAll[T any](ctx context.Context, s *Store, what, q string, args ...any) ([]T, error) {
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("listing %s: %w", what, err)
	}
	datas, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("listing %s: %w", what, err)
	}
	out := make([]T, len(datas))
	for i, d := range datas {
		if err := json.Unmarshal([]byte(d), &out[i]); err != nil {
			return nil, fmt.Errorf("decoding %s: %w", what, err)
		}
	}
	return out, nil
}

// Stories implements store.StoryStore: newest development first.
func (s *Store) Stories(ctx context.Context) ([]store.Story, error) {
	return decodeAll[store.Story](ctx, s, "stories", `SELECT data FROM stories ORDER BY last IS NULL, last DESC, id DESC`)
}

// Story implements store.StoryStore; members in article ID order.
func (s *Store) Story(ctx context.Context, id int64) (store.Story, []store.Member, error) {
	var x store.Story
	var data string
	err := s.pool.QueryRow(ctx, `SELECT data FROM stories WHERE id = $1`, id).Scan(&data)
	if errors.Is(err, pgx.ErrNoRows) {
		return x, nil, fmt.Errorf("story %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return x, nil, fmt.Errorf("reading story %d: %w", id, err)
	}
	if err := json.Unmarshal([]byte(data), &x); err != nil {
		return x, nil, fmt.Errorf("decoding story %d: %w", id, err)
	}
	rows, err := s.pool.Query(ctx, `SELECT `+memberCols+` FROM story_members WHERE story_id = $1 ORDER BY article_id`, id)
	if err != nil {
		return x, nil, fmt.Errorf("reading members of story %d: %w", id, err)
	}
	defer rows.Close()
	var ms []store.Member
	for rows.Next() {
		m, err := scanMember(rows)
		if err != nil {
			return x, nil, err
		}
		ms = append(ms, m)
	}
	return x, ms, rows.Err()
}

const memberCols = `article_id, story_id, dup_group, canonical, duplicate, kind, score`

func scanMember(r pgx.Row) (store.Member, error) {
	var m store.Member
	err := r.Scan(&m.ArticleID, &m.StoryID, &m.DupGroup, &m.Canonical, &m.Duplicate, &m.Kind, &m.Score)
	return m, err
}

// Storyline implements store.StoryStore.
func (s *Store) Storyline(ctx context.Context, id int64) (store.Storyline, error) {
	var l store.Storyline
	var data string
	err := s.pool.QueryRow(ctx, `SELECT data FROM storylines WHERE id = $1`, id).Scan(&data)
	if errors.Is(err, pgx.ErrNoRows) {
		return l, fmt.Errorf("storyline %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return l, fmt.Errorf("reading storyline %d: %w", id, err)
	}
	if err := json.Unmarshal([]byte(data), &l); err != nil {
		return l, fmt.Errorf("decoding storyline %d: %w", id, err)
	}
	return l, nil
}

// Storylines implements store.StoryStore.
func (s *Store) Storylines(ctx context.Context) ([]store.Storyline, error) {
	return decodeAll[store.Storyline](ctx, s, "storylines", `SELECT data FROM storylines ORDER BY id`)
}

var _ store.ServerStore = (*Store)(nil)

// Entities implements store.ServerStore.
func (s *Store) Entities(ctx context.Context, ef store.EntityFilter) ([]store.EntityCount, error) {
	limit := ef.Limit
	if limit <= 0 {
		limit = 50
	}
	var f filter
	if ef.Prefix != "" {
		p := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(pgText(ef.Prefix))
		f.add(`name ILIKE ? ESCAPE '\'`, p+"%")
	}
	if ef.Type != "" {
		f.add("type = ?", pgText(ef.Type))
	}
	q := entityCountsSQL(`SELECT entity_key, count(DISTINCT article_id) AS articles, count(*) AS mentions FROM entity_mentions` + f.where() +
		fmt.Sprintf(` GROUP BY entity_key ORDER BY articles DESC, mentions DESC, entity_key LIMIT %d OFFSET %d`, limit, ef.Offset))
	return s.entityCounts(ctx, q, f.args...)
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
			GROUP BY m.name ORDER BY lower(m.name) = substr(k.entity_key, strpos(k.entity_key, ':') + 1) DESC,
				count(DISTINCT m.article_id) DESC, count(*) DESC, m.name LIMIT 1),
		(SELECT m.type FROM entity_mentions m WHERE m.entity_key = k.entity_key
			GROUP BY m.type ORDER BY count(DISTINCT m.article_id) DESC, count(*) DESC, m.type LIMIT 1),
		k.articles, k.mentions
		FROM (` + counts + `) k ORDER BY k.articles DESC, k.mentions DESC, k.entity_key`
}

func (s *Store) entityCounts(ctx context.Context, q string, args ...any) ([]store.EntityCount, error) {
	rows, err := s.pool.Query(ctx, q, args...)
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
	q := `SELECT a.id FROM articles a WHERE a.id IN (SELECT article_id FROM entity_mentions WHERE entity_key = $1)
		ORDER BY a.published IS NULL, a.published DESC, a.id DESC`
	if limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", limit)
	}
	ids, err := s.ids(ctx, q, pgText(key))
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
	q := entityCountsSQL(`SELECT entity_key, count(DISTINCT article_id) AS articles, count(*) AS mentions FROM entity_mentions
		WHERE article_id = ANY($1)` +
		fmt.Sprintf(` GROUP BY entity_key ORDER BY articles DESC, mentions DESC, entity_key LIMIT %d`, limit))
	return s.entityCounts(ctx, q, ids)
}

// StoryOf implements store.ServerStore.
func (s *Store) StoryOf(ctx context.Context, articleID int64) (store.Member, error) {
	m, err := scanMember(s.pool.QueryRow(ctx, `SELECT `+memberCols+` FROM story_members WHERE article_id = $1`, articleID))
	if errors.Is(err, pgx.ErrNoRows) {
		return m, fmt.Errorf("story of article %d: %w", articleID, store.ErrNotFound)
	}
	if err != nil {
		return m, fmt.Errorf("story of article %d: %w", articleID, err)
	}
	return m, nil
}

const feedCols = `id, url, title, etag, last_modified, last_checked, last_success, next_check, failures, last_error, articles, created_at`

func scanFeed(r pgx.Row) (store.Feed, error) {
	var f store.Feed
	var checked, success, next, created *time.Time
	err := r.Scan(&f.ID, &f.URL, &f.Title, &f.ETag, &f.LastModified, &checked, &success, &next, &f.Failures, &f.LastError, &f.Articles, &created)
	f.LastChecked, f.LastSuccess, f.NextCheck, f.CreatedAt = fromNull(checked), fromNull(success), fromNull(next), fromNull(created)
	return f, err
}

// PutFeed implements store.ServerStore.
func (s *Store) PutFeed(ctx context.Context, url string) (store.Feed, bool, error) {
	url = pgText(url)
	tag, err := s.pool.Exec(ctx, `INSERT INTO feeds (url, created_at) VALUES ($1, now()) ON CONFLICT (url) DO NOTHING`, url)
	if err != nil {
		return store.Feed{}, false, fmt.Errorf("adding feed %s: %w", url, err)
	}
	f, err := scanFeed(s.pool.QueryRow(ctx, "SELECT "+feedCols+" FROM feeds WHERE url = $1", url))
	if err != nil {
		return f, false, fmt.Errorf("reading feed %s: %w", url, err)
	}
	return f, tag.RowsAffected() > 0, nil
}

// Feeds implements store.ServerStore.
func (s *Store) Feeds(ctx context.Context) ([]store.Feed, error) {
	rows, err := s.pool.Query(ctx, "SELECT "+feedCols+" FROM feeds ORDER BY id")
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
	tag, err := s.pool.Exec(ctx, `UPDATE feeds SET title = $1, etag = $2, last_modified = $3, last_checked = $4,
		last_success = $5, next_check = $6, failures = $7, last_error = $8, articles = $9 WHERE id = $10`,
		pgText(f.Title), pgText(f.ETag), pgText(f.LastModified), nullTime(f.LastChecked), nullTime(f.LastSuccess), nullTime(f.NextCheck),
		f.Failures, pgText(f.LastError), f.Articles, f.ID)
	if err != nil {
		return fmt.Errorf("updating feed %d: %w", f.ID, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("feed %d: %w", f.ID, store.ErrNotFound)
	}
	return nil
}

// Package postgres is the server store for more than one machine: PostgreSQL
// through pgx, tsvector/GIN full-text search (title weighted A, text B,
// ts_rank_cd, ts_headline snippets), one transaction per write, the same
// migration history as the SQLite store. Many processes (dossier workers)
// may write to one database at once: article insertion is idempotent by
// content hash under concurrency, and transactions that lose a deadlock are
// retried.
package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/store"
)

// Store is a store.Store in a PostgreSQL database.
type Store struct {
	pool *pgxpool.Pool
}

var _ store.Store = (*Store)(nil)

// IsURL reports whether a --db value names a PostgreSQL database.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open connects to the database at url (postgres://user@host:port/db) and
// brings its schema up to date.
func Open(ctx context.Context, url string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("parsing %s: %w", redact(url), err)
	}
	if cfg.MaxConns < 8 {
		cfg.MaxConns = 8
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("connecting to %s: %w", redact(url), err)
	}
	s := &Store{pool: pool}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("migrating %s: %w", redact(url), err)
	}
	return s, nil
}

// redact drops a password from a URL for messages.
func redact(url string) string {
	at := strings.LastIndex(url, "@")
	scheme := strings.Index(url, "://")
	if at < 0 || scheme < 0 {
		return url
	}
	userinfo := url[scheme+3 : at]
	if i := strings.Index(userinfo, ":"); i >= 0 {
		return url[:scheme+3] + userinfo[:i] + ":xxx" + url[at:]
	}
	return url
}

// Close closes the connection pool.
func (s *Store) Close() error { s.pool.Close(); return nil }

// migrationLock is the advisory lock key that serialises migrations when
// several workers start against a new database at once.
const migrationLock = 0x646f7373696572 // "dossier"

func (s *Store) migrate(ctx context.Context) error {
	for {
		done, err := s.migrateOne(ctx)
		if err != nil || done {
			return err
		}
	}
}

// migrateOne applies the next migration, if any, in its own transaction
// under the advisory lock, re-reading the version under the lock.
func (s *Store) migrateOne(ctx context.Context) (done bool, err error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return false, err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", int64(migrationLock)); err != nil {
		return false, err
	}
	if _, err := tx.Exec(ctx, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"); err != nil {
		return false, err
	}
	var version int
	err = tx.QueryRow(ctx, "SELECT version FROM schema_version").Scan(&version)
	if errors.Is(err, pgx.ErrNoRows) {
		if _, err := tx.Exec(ctx, "INSERT INTO schema_version VALUES (0)"); err != nil {
			return false, err
		}
	} else if err != nil {
		return false, err
	}
	if version >= len(migrations) {
		return true, tx.Commit(ctx)
	}
	if _, err := tx.Exec(ctx, migrations[version]); err != nil {
		return false, fmt.Errorf("migration %d: %w", version+1, err)
	}
	if _, err := tx.Exec(ctx, "UPDATE schema_version SET version = $1", version+1); err != nil {
		return false, fmt.Errorf("migration %d: %w", version+1, err)
	}
	return false, tx.Commit(ctx)
}

// inTx runs fn in a transaction, retrying when PostgreSQL aborted it to
// break a deadlock or a serialization conflict (two workers inserting the
// same duplicates in opposite orders): fn must be safe to run again.
func (s *Store) inTx(ctx context.Context, fn func(pgx.Tx) error) error {
	var err error
	for attempt := 0; attempt < 8; attempt++ {
		err = pgx.BeginFunc(ctx, s.pool, fn)
		var pe *pgconn.PgError
		if err == nil || !errors.As(err, &pe) || (pe.Code != "40P01" && pe.Code != "40001") {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(attempt+1) * 5 * time.Millisecond):
		}
	}
	return err
}

func nullTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}

func fromNull(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}

// pgText makes a Go string storable in a TEXT column: PostgreSQL rejects NUL
// bytes, so each becomes a space, which keeps every byte offset (analysis
// spans point into the text) where it was.
func pgText(s string) string {
	if strings.IndexByte(s, 0) < 0 {
		return s
	}
	return strings.ReplaceAll(s, "\x00", " ")
}

// PutArticle implements store.Store.
func (s *Store) PutArticle(ctx context.Context, a *article.Article) (bool, error) {
	created, err := s.PutArticles(ctx, []*article.Article{a})
	if err != nil {
		return false, err
	}
	return created[0], nil
}

const insertArticle = `INSERT INTO articles
	(hash, origin, format, raw, title, source, url, author, lang, published, date_source, text, structure, ingested_at, tsv)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
		setweight(to_tsvector('english', $5), 'A') || setweight(to_tsvector('english', $12), 'B'))
	ON CONFLICT (hash) DO NOTHING RETURNING id`

// PutArticles implements store.Store. The inserts of a batch travel in one
// round trip (pgx.Batch); IDs follow the batch order.
func (s *Store) PutArticles(ctx context.Context, as []*article.Article) ([]bool, error) {
	created := make([]bool, len(as))
	if len(as) == 0 {
		return created, nil
	}
	structures := make([]string, len(as))
	for i, a := range as {
		if a.Hash == "" {
			a.Hash = article.HashBytes(a.Raw)
		}
		b, err := json.Marshal(a.Structure)
		if err != nil {
			return nil, fmt.Errorf("encoding structure of %s: %w", a.Origin, err)
		}
		structures[i] = string(b)
		if a.IngestedAt.IsZero() {
			a.IngestedAt = time.Now().UTC()
		}
	}
	ids := make([]int64, len(as))
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		clear(created)
		b := &pgx.Batch{}
		for i, a := range as {
			raw := a.Raw
			if raw == nil {
				raw = []byte{}
			}
			b.Queue(insertArticle, a.Hash, a.Origin, string(a.Format), raw, pgText(a.Title), pgText(a.Source),
				pgText(a.URL), pgText(a.Author), pgText(a.Lang), nullTime(a.Published), pgText(a.DateSource),
				pgText(a.Text), structures[i], a.IngestedAt.UTC())
		}
		br := tx.SendBatch(ctx, b)
		for i, a := range as {
			err := br.QueryRow().Scan(&ids[i])
			switch {
			case err == nil:
				created[i] = true
			case errors.Is(err, pgx.ErrNoRows):
			default:
				br.Close()
				return fmt.Errorf("inserting %s: %w", a.Origin, err)
			}
		}
		if err := br.Close(); err != nil {
			return err
		}
		for i, a := range as {
			if created[i] {
				continue
			}
			// A duplicate of a committed article, or of one earlier in this batch.
			if err := tx.QueryRow(ctx, "SELECT id FROM articles WHERE hash = $1", a.Hash).Scan(&ids[i]); err != nil {
				return fmt.Errorf("looking up duplicate of %s: %w", a.Origin, err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("storing articles: %w", err)
	}
	for i, a := range as { // IDs only once the batch is durable
		a.ID = ids[i]
	}
	return created, nil
}

const articleCols = `id, hash, origin, format, title, source, url, author, lang, published, date_source, ingested_at, analysis_version`

func scanArticle(sc pgx.Row, extra ...any) (*article.Article, error) {
	var a article.Article
	var format string
	var published, ingested *time.Time
	dest := append([]any{&a.ID, &a.Hash, &a.Origin, &format, &a.Title, &a.Source, &a.URL, &a.Author, &a.Lang,
		&published, &a.DateSource, &ingested, &a.AnalysisVersion}, extra...)
	if err := sc.Scan(dest...); err != nil {
		return nil, err
	}
	a.Format = article.Format(format)
	a.Published = fromNull(published)
	a.IngestedAt = fromNull(ingested)
	return &a, nil
}

// Article implements store.Store.
func (s *Store) Article(ctx context.Context, id int64) (*article.Article, error) {
	var structure string
	var raw []byte
	var text string
	row := s.pool.QueryRow(ctx, "SELECT "+articleCols+", raw, text, structure FROM articles WHERE id = $1", id)
	a, err := scanArticle(row, &raw, &text, &structure)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("article %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("reading article %d: %w", id, err)
	}
	a.Raw, a.Text = raw, text
	if err := json.Unmarshal([]byte(structure), &a.Structure); err != nil {
		return nil, fmt.Errorf("decoding structure of article %d: %w", id, err)
	}
	return a, nil
}

// filter builds a WHERE clause; args continue from the ones given.
type filter struct {
	conds []string
	args  []any
}

func (f *filter) add(cond string, arg any) {
	f.args = append(f.args, arg)
	f.conds = append(f.conds, strings.ReplaceAll(cond, "?", fmt.Sprintf("$%d", len(f.args))))
}

func (f *filter) where() string {
	if len(f.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(f.conds, " AND ")
}

func (f *filter) articles(source string, from, to time.Time, ids []int64, prefix string) {
	if source != "" {
		f.add(prefix+"source = ?", source)
	}
	if !from.IsZero() {
		f.add(prefix+"published >= ?", from.UTC())
	}
	if !to.IsZero() {
		f.add(prefix+"published < ?", to.UTC())
	}
	if len(ids) > 0 {
		f.add(prefix+"id = ANY(?)", ids)
	}
}

// Articles implements store.Store.
func (s *Store) Articles(ctx context.Context, fl store.Filter) ([]*article.Article, error) {
	var f filter
	f.articles(fl.Source, fl.From, fl.To, fl.IDs, "")
	if fl.Unclustered {
		f.conds = append(f.conds, "NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = articles.id)")
	}
	q := "SELECT " + articleCols + " FROM articles" + f.where() + " ORDER BY published IS NULL, published DESC, id DESC"
	if fl.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d OFFSET %d", fl.Limit, fl.Offset)
	}
	rows, err := s.pool.Query(ctx, q, f.args...)
	if err != nil {
		return nil, fmt.Errorf("listing articles: %w", err)
	}
	defer rows.Close()
	var out []*article.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("listing articles: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Search implements store.Store: websearch_to_tsquery syntax ("a phrase",
// OR, -word), ranked by ts_rank_cd over the weighted vector.
func (s *Store) Search(ctx context.Context, q store.Query) ([]store.Hit, error) {
	text := tsQuery(q.Text)
	if text == "" {
		return nil, nil
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	var f filter
	f.add("a.tsv @@ websearch_to_tsquery('english', ?)", text)
	f.articles(q.Source, q.From, q.To, nil, "a.")
	// The headline is computed for the returned hits only: ts_headline
	// re-parses the text, far dearer than the ranking.
	sqlq := `SELECT h.id, h.title, h.source, h.published,
			ts_headline('english', h.text, websearch_to_tsquery('english', $1),
				'StartSel=[, StopSel=], MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'),
			h.score
		FROM (SELECT a.id, a.title, a.source, a.published, a.text,
				ts_rank_cd(a.tsv, websearch_to_tsquery('english', $1)) AS score
			FROM articles a` + f.where() + fmt.Sprintf(` ORDER BY score DESC, a.id LIMIT %d) h ORDER BY h.score DESC, h.id`, limit)
	rows, err := s.pool.Query(ctx, sqlq, f.args...)
	if err != nil {
		return nil, fmt.Errorf("searching %q: %w", q.Text, err)
	}
	defer rows.Close()
	var out []store.Hit
	for rows.Next() {
		var h store.Hit
		var published *time.Time
		var score float32
		if err := rows.Scan(&h.ID, &h.Title, &h.Source, &published, &h.Snippet, &score); err != nil {
			return nil, fmt.Errorf("searching %q: %w", q.Text, err)
		}
		h.Published = fromNull(published)
		h.Score = float64(score)
		out = append(out, h)
	}
	return out, rows.Err()
}

// tsQuery maps the operators the SQLite store accepts (FTS5: AND, NOT,
// NEAR(...)) onto websearch_to_tsquery's (implicit AND, -word); "OR" and
// double-quoted phrases mean the same in both. websearch_to_tsquery never
// fails on syntax, so user punctuation is safe.
func tsQuery(q string) string {
	q = pgText(strings.TrimSpace(q))
	q = strings.ReplaceAll(q, " AND ", " ")
	q = strings.ReplaceAll(q, " NOT ", " -")
	if strings.HasPrefix(q, "NOT ") {
		q = "-" + q[4:]
	}
	for {
		i := strings.Index(q, "NEAR(")
		if i < 0 {
			break
		}
		// NEAR(a b, n): no proximity operator here; the terms must all occur.
		j := strings.IndexByte(q[i:], ')')
		if j < 0 {
			q = q[:i] + q[i+5:]
			continue
		}
		inner := q[i+5 : i+j]
		if k := strings.LastIndexByte(inner, ','); k >= 0 {
			inner = inner[:k]
		}
		q = q[:i] + inner + q[i+j+1:]
	}
	return strings.TrimSpace(q)
}

// Stats implements store.Store.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	var first, last *time.Time
	err := s.pool.QueryRow(ctx, `SELECT count(*), coalesce(sum(octet_length(raw)), 0), count(DISTINCT nullif(source, '')),
		min(published), max(published), count(*) FILTER (WHERE published IS NULL) FROM articles`).
		Scan(&st.Articles, &st.RawBytes, &st.Sources, &first, &last, &st.Undated)
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	st.FirstDate, st.LastDate = fromNull(first), fromNull(last)
	err = s.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM analyses), (SELECT count(*) FROM stories),
		(SELECT count(DISTINCT entity_key) FROM entity_mentions)`).Scan(&st.Analysed, &st.Stories, &st.Entities)
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	rows, err := s.pool.Query(ctx, `SELECT source, count(*) FROM articles GROUP BY source ORDER BY count(*) DESC, source LIMIT 20`)
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c store.Count
		if err := rows.Scan(&c.Name, &c.Count); err != nil {
			return st, err
		}
		st.BySource = append(st.BySource, c)
	}
	return st, rows.Err()
}

// PutAnalysis implements store.Store.
func (s *Store) PutAnalysis(ctx context.Context, id int64, an *article.Analysis) error {
	return s.putAnalysis(ctx, id, an, nil, false)
}

// PutAnalysisPeople implements store.PeopleStore.
func (s *Store) PutAnalysisPeople(ctx context.Context, id int64, an *article.Analysis, people []store.Sighting) error {
	return s.putAnalysis(ctx, id, an, people, true)
}

// putAnalysis replaces the analysis and its indexes; register says whether
// people are the analysis's sightings (else the article is left for a
// registry catch-up).
func (s *Store) putAnalysis(ctx context.Context, id int64, an *article.Analysis, people []store.Sighting, register bool) error {
	data, err := json.Marshal(an)
	if err != nil {
		return fmt.Errorf("encoding analysis: %w", err)
	}
	var rows [][]any
	for _, e := range an.Entities {
		for _, mi := range e.Mentions {
			if mi < 0 || mi >= len(an.Mentions) {
				continue
			}
			m := an.Mentions[mi]
			role := ""
			if m.Role != nil {
				role = m.Role.Title
			}
			rows = append(rows, []any{id, pgText(e.Key), pgText(e.Name), pgText(e.Type), m.Span.Start, m.Span.End, pgText(role)})
		}
	}
	return s.inTx(ctx, func(tx pgx.Tx) error {
		// The three statements travel in one round trip.
		b := &pgx.Batch{}
		b.Queue("UPDATE articles SET analysis_version = $1 WHERE id = $2", pgText(an.Version), id)
		b.Queue(`INSERT INTO analyses (article_id, version, data, updated_at, registered)
			SELECT $1, $2, $3, now(), $4 WHERE EXISTS (SELECT 1 FROM articles WHERE id = $1)
			ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, data = excluded.data, updated_at = excluded.updated_at,
				registered = excluded.registered`,
			id, pgText(an.Version), pgText(string(data)), register)
		b.Queue("DELETE FROM entity_mentions WHERE article_id = $1", id)
		br := tx.SendBatch(ctx, b)
		tag, err := br.Exec()
		if err == nil && tag.RowsAffected() == 0 {
			br.Close()
			return fmt.Errorf("article %d: %w", id, store.ErrNotFound)
		}
		for i := 0; i < 2 && err == nil; i++ {
			_, err = br.Exec()
		}
		if cerr := br.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("storing analysis of %d: %w", id, err)
		}
		if len(rows) > 0 {
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{"entity_mentions"},
				[]string{"article_id", "entity_key", "name", "type", "start", "end", "role"}, pgx.CopyFromRows(rows)); err != nil {
				return fmt.Errorf("storing mentions of %d: %w", id, err)
			}
		}
		return putSightings(ctx, tx, id, people)
	})
}

// Analysis implements store.Store.
func (s *Store) Analysis(ctx context.Context, id int64) (*article.Analysis, error) {
	var data string
	err := s.pool.QueryRow(ctx, "SELECT data FROM analyses WHERE article_id = $1", id).Scan(&data)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("analysis of article %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("reading analysis of %d: %w", id, err)
	}
	var an article.Analysis
	if err := json.Unmarshal([]byte(data), &an); err != nil {
		return nil, fmt.Errorf("decoding analysis of %d: %w", id, err)
	}
	return &an, nil
}

// StaleAnalyses implements store.Store.
func (s *Store) StaleAnalyses(ctx context.Context, version string, limit int) ([]int64, error) {
	q := "SELECT id FROM articles WHERE analysis_version != $1 ORDER BY id"
	if limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", limit)
	}
	return s.ids(ctx, q, version)
}

func (s *Store) ids(ctx context.Context, q string, args ...any) ([]int64, error) {
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("listing ids: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("listing ids: %w", err)
	}
	return ids, nil
}

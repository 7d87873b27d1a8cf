package sqlite

// migrations is the ordered schema history, miniflux style: the schema
// version is the number of migrations applied, each runs in its own
// transaction, and a migration once released is never edited (add a new one).
var migrations = []string{
	// 1: articles, raw bytes verbatim, full-text index, analyses.
	`
CREATE TABLE articles (
	id               INTEGER PRIMARY KEY,
	hash             TEXT NOT NULL UNIQUE,
	origin           TEXT NOT NULL,
	format           TEXT NOT NULL,
	raw              BLOB NOT NULL,
	title            TEXT NOT NULL DEFAULT '',
	source           TEXT NOT NULL DEFAULT '',
	url              TEXT NOT NULL DEFAULT '',
	author           TEXT NOT NULL DEFAULT '',
	lang             TEXT NOT NULL DEFAULT '',
	published        TEXT,            -- RFC 3339 UTC, NULL when the article has no date
	date_source      TEXT NOT NULL DEFAULT '',
	text             TEXT NOT NULL,
	structure        TEXT NOT NULL,   -- JSON article.Structure
	ingested_at      TEXT NOT NULL,
	analysis_version TEXT NOT NULL DEFAULT ''
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_source ON articles(source, published);

CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, text,
	content='articles', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;

CREATE TABLE analyses (
	article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	version    TEXT NOT NULL,
	data       TEXT NOT NULL,  -- JSON article.Analysis
	updated_at TEXT NOT NULL
);

CREATE TABLE entity_mentions (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	entity_key TEXT NOT NULL,
	name       TEXT NOT NULL,
	type       TEXT NOT NULL,
	start      INTEGER NOT NULL,
	end        INTEGER NOT NULL,
	role       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX entity_mentions_key ON entity_mentions(entity_key);
CREATE INDEX entity_mentions_article ON entity_mentions(article_id);
`,
	// 2: the story layer, written whole by each clustering run.
	`
CREATE TABLE stories (
	id        INTEGER PRIMARY KEY,
	headline  TEXT NOT NULL,
	size      INTEGER NOT NULL,
	groups    INTEGER NOT NULL,
	first     TEXT,
	last      TEXT,
	storyline INTEGER NOT NULL DEFAULT 0,
	data      TEXT NOT NULL  -- JSON store.Story
);
CREATE TABLE story_members (
	article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	story_id   INTEGER NOT NULL,
	dup_group  INTEGER NOT NULL,
	canonical  INTEGER NOT NULL,
	duplicate  INTEGER NOT NULL,
	kind       TEXT NOT NULL DEFAULT '',
	score      REAL NOT NULL DEFAULT 0
);
CREATE INDEX story_members_story ON story_members(story_id);
CREATE TABLE storylines (
	id   INTEGER PRIMARY KEY,
	data TEXT NOT NULL  -- JSON store.Storyline
);
`,
	// 3: feed subscriptions and their health (polled by "dossier serve").
	`
CREATE TABLE feeds (
	id            INTEGER PRIMARY KEY,
	url           TEXT NOT NULL UNIQUE,
	title         TEXT NOT NULL DEFAULT '',
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	last_checked  TEXT,
	last_success  TEXT,
	next_check    TEXT,
	failures      INTEGER NOT NULL DEFAULT 0,
	last_error    TEXT NOT NULL DEFAULT '',
	articles      INTEGER NOT NULL DEFAULT 0,
	created_at    TEXT NOT NULL
);
`,
	// 4: the clusterer's state, saved with the story layer by each run so
	// the next run adds only the new articles.
	`
CREATE TABLE cluster_state (
	id         INTEGER PRIMARY KEY CHECK (id = 1),
	version    TEXT NOT NULL,
	generation INTEGER NOT NULL,
	data       BLOB NOT NULL
);
`,
	// 5: the person registry as per-article sightings, replaced with each
	// analysis, so linking asks only for the people it needs.
	`
ALTER TABLE analyses ADD COLUMN registered INTEGER NOT NULL DEFAULT 0;
CREATE INDEX analyses_unregistered ON analyses(article_id) WHERE registered = 0;
CREATE TABLE person_sightings (
	person_key TEXT NOT NULL,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	name       TEXT NOT NULL,
	times      INTEGER NOT NULL,
	PRIMARY KEY (person_key, article_id)
) WITHOUT ROWID;
CREATE INDEX person_sightings_article ON person_sightings(article_id);
CREATE TABLE person_titles (
	person_key TEXT NOT NULL,
	title      TEXT NOT NULL,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	PRIMARY KEY (person_key, title, article_id)
) WITHOUT ROWID;
CREATE INDEX person_titles_article ON person_titles(article_id);
CREATE TABLE person_context (
	person_key TEXT NOT NULL,
	other_key  TEXT NOT NULL,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	PRIMARY KEY (person_key, other_key, article_id)
) WITHOUT ROWID;
CREATE INDEX person_context_article ON person_context(article_id);
CREATE TABLE person_surnames (
	surname    TEXT NOT NULL,
	person_key TEXT NOT NULL,
	PRIMARY KEY (surname, person_key)
) WITHOUT ROWID;
`,
	// 6: storylines page like stories: the columns a page is ordered and
	// filtered by, beside the JSON, and an index in page order (SQLite
	// reads it backwards for last DESC, id DESC; NULLs sort first in an
	// ascending index, so undated storylines come last). Existing rows are
	// filled from their JSON, which holds the times as formatTime writes
	// them (RFC 3339 UTC), so a store read before the next clustering run
	// pages correctly; every run rewrites all storylines anyway.
	`
ALTER TABLE storylines ADD COLUMN stories INTEGER NOT NULL DEFAULT 0;
ALTER TABLE storylines ADD COLUMN first TEXT;
ALTER TABLE storylines ADD COLUMN last TEXT;
UPDATE storylines SET
	stories = coalesce(json_array_length(data, '$.stories'), 0),
	first = json_extract(data, '$.first'),
	last = json_extract(data, '$.last');
CREATE INDEX storylines_page ON storylines(last, id, stories);
`,
	// 7: how many storylines there are of each number of stories, rewritten
	// with the storylines by every clustering run, so a page's total costs
	// a handful of rows instead of counting every storyline.
	`
CREATE TABLE storyline_sizes (
	stories INTEGER PRIMARY KEY,
	lines   INTEGER NOT NULL
);
INSERT INTO storyline_sizes (stories, lines) SELECT stories, count(*) FROM storylines GROUP BY stories;
`,
}

package postgres

// Migrations exposes the schema history to the external tests, which build
// old stores from it.
var Migrations = migrations

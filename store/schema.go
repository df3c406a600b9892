package store

import (
	"context"
	"fmt"
)

// FullTextIndex is the name of the full-text index over actor names, claim
// text and quote text that search queries.
const FullTextIndex = "entity_text"

// ClaimTextIndex is the full-text index over claim text alone, with
// English stemming and stop words, that similarClaims asks (similar.go).
const ClaimTextIndex = "claim_text"

// schemaStatements are applied at every start; each is idempotent.
//
// Every node also carries the label Entity, whose unique id lets the API
// look any node up by id alone and keeps ids unique across kinds.
var schemaStatements = []string{
	`CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE`,
	`CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE`,
	`CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE`,
	`CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE`,
	`CREATE CONSTRAINT quote_id IF NOT EXISTS FOR (n:Quote) REQUIRE n.id IS UNIQUE`,
	// The write locks of versioned writes (lock.go): without it, two
	// MERGEs of one id would not wait for each other.
	`CREATE CONSTRAINT write_lock_id IF NOT EXISTS FOR (n:WriteLock) REQUIRE n.id IS UNIQUE`,
	// The one graph version node (version.go), found by this index and
	// never made twice by concurrent first writes.
	`CREATE CONSTRAINT graph_version_id IF NOT EXISTS FOR (n:GraphVersion) REQUIRE n.id IS UNIQUE`,
	`CREATE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind)`,
	`CREATE INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.name)`,
	`CREATE INDEX claim_date IF NOT EXISTS FOR (n:Claim) ON (n.date)`,
	`CREATE INDEX claim_dataset IF NOT EXISTS FOR (n:Claim) ON (n.dataset)`,
	`CREATE INDEX claim_sort IF NOT EXISTS FOR (n:Claim) ON (n.sortKey)`,
	// Claims written before sortKey existed get one.
	`MATCH (c:Claim) WHERE c.sortKey IS NULL SET c.sortKey = coalesce(c.date, '') + ' ' + c.id`,
	// A start may have changed what reads answer (the statement above).
	bumpGraphVersion,
	`CREATE INDEX quote_dataset IF NOT EXISTS FOR (n:Quote) ON (n.dataset)`,
	`CREATE INDEX source_kind IF NOT EXISTS FOR (n:Source) ON (n.kind)`,
	`CREATE INDEX change_entity IF NOT EXISTS FOR (n:Change) ON (n.entity)`,
	// The mark of each dataset's last load (loadmark.go).
	`CREATE CONSTRAINT dataset_load IF NOT EXISTS FOR (n:DatasetLoad) REQUIRE n.dataset IS UNIQUE`,
	`CREATE FULLTEXT INDEX ` + FullTextIndex + ` IF NOT EXISTS FOR (n:Actor|Claim|Quote) ON EACH [n.name, n.role, n.text]`,
	"CREATE FULLTEXT INDEX " + ClaimTextIndex + " IF NOT EXISTS FOR (n:Claim) ON EACH [n.text] OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}}",
}

// Migrate applies the constraints and indexes and waits until they are
// online, so the first query after start can use them.
func (db *DB) Migrate(ctx context.Context) error {
	for _, stmt := range schemaStatements {
		if _, err := db.writeQuery(ctx, stmt, nil); err != nil {
			return fmt.Errorf("apply schema %q: %w", stmt, wrap(err))
		}
	}
	if _, err := db.writeQuery(ctx, `CALL db.awaitIndexes(300)`, nil); err != nil {
		return fmt.Errorf("wait for indexes: %w", wrap(err))
	}
	return nil
}

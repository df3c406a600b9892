package store

import (
	"context"
	"encoding/base64"
	"strings"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/readahead"
)

// Batch reads of claims and of what hangs off them: each takes a list of
// ids and makes one round trip. Quotes, assertions and relations are parts
// (parts.go), read and ordered as the read-ahead reads and orders them.
const (
	claimsByID   = `UNWIND $ids AS id MATCH (n:Claim {id: id}) RETURN properties(n) AS props`
	aboutByClaim = `UNWIND $ids AS id
MATCH (:Claim {id: id})-[:ABOUT]->(a:Actor)
RETURN id AS from, a.id AS to, properties(a) AS props ORDER BY from, to`
)

var (
	quotesByClaim = `UNWIND $ids AS id
MATCH (c:Claim {id: id})
RETURN id AS claim, ` + quotesOf("c") + ` AS quotes`
	assertionsByClaim = `UNWIND $ids AS id
MATCH (c:Claim {id: id})
RETURN id AS claim, ` + assertionsOf("c") + ` AS assertions`
	relationsByClaim = `UNWIND $ids AS id
MATCH (c:Claim {id: id})
RETURN ` + relationsOf("c", "") + ` AS relations`
)

// ClaimsByID returns the claims with the given ids.
func (db *DB) ClaimsByID(ctx context.Context, ids []string) ([]counterpoint.Claim, error) {
	return readByID(ctx, db, "claimsByID", claimsByID, ids, decodeClaim)
}

// readByID reads nodes by id, one per row of column "props".
func readByID[T any](ctx context.Context, db *DB, name, cypher string, ids []string, decode func(any) (T, error)) ([]T, error) {
	res, err := db.read(ctx, name, cypher, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	return decodeAll(res.Records, func(f *fields) T {
		v, err := decode(f.any("props"))
		f.fail(err)
		return v
	})
}

// QuotesByClaim returns the quotes of the given claims, each with its
// claim, in quoteOrder.
func (db *DB) QuotesByClaim(ctx context.Context, ids []string) ([]counterpoint.Quote, error) {
	res, err := db.read(ctx, "quotesByClaim", quotesByClaim, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	var all []rankedQuote
	for _, rec := range res.Records {
		f := recordFields(rec)
		claim, items := f.str("claim"), f.list("quotes")
		if f.err != nil {
			return nil, f.err
		}
		qs, err := decodeQuotes(claim, items)
		if err != nil {
			return nil, err
		}
		all = append(all, qs...)
	}
	return sortedQuotes(all), nil
}

// AssertionsByClaim returns who asserted the given claims, in
// assertionOrder, with the actors.
func (db *DB) AssertionsByClaim(ctx context.Context, ids []string) ([]counterpoint.Assertion, []counterpoint.Actor, error) {
	res, err := db.read(ctx, "assertionsByClaim", assertionsByClaim, map[string]any{"ids": ids})
	if err != nil {
		return nil, nil, err
	}
	var all []assertionWithActor
	for _, rec := range res.Records {
		f := recordFields(rec)
		claim, items := f.str("claim"), f.list("assertions")
		if f.err != nil {
			return nil, nil, f.err
		}
		as, err := decodeAssertions(claim, items)
		if err != nil {
			return nil, nil, err
		}
		all = append(all, as...)
	}
	assertions, actors := sortedAssertions(all)
	return assertions, actors, nil
}

// RelationsOf returns every relation to or from the given claims, in
// relationOrder, with the claim at the other end of each.
func (db *DB) RelationsOf(ctx context.Context, ids []string) ([]counterpoint.Relation, []counterpoint.Claim, error) {
	res, err := db.read(ctx, "relationsOf", relationsByClaim, map[string]any{"ids": ids})
	if err != nil {
		return nil, nil, err
	}
	var all []relationWithClaim
	for _, rec := range res.Records {
		f := recordFields(rec)
		items := f.list("relations")
		if f.err != nil {
			return nil, nil, f.err
		}
		rs, err := decodeRelations(items, nil)
		if err != nil {
			return nil, nil, err
		}
		all = append(all, rs...)
	}
	rels, others := sortedRelations(all)
	return rels, others, nil
}

// AboutByClaim returns claim-to-actor ABOUT links, with the actors.
func (db *DB) AboutByClaim(ctx context.Context, ids []string) ([]counterpoint.Link, []counterpoint.Actor, error) {
	return db.linksWithActors(ctx, "aboutByClaim", aboutByClaim, ids)
}

// linksWithActors reads links (columns from and to) with the actor at their
// other end (column props).
func (db *DB) linksWithActors(ctx context.Context, name, cypher string, ids []string) ([]counterpoint.Link, []counterpoint.Actor, error) {
	res, err := db.read(ctx, name, cypher, map[string]any{"ids": ids})
	if err != nil {
		return nil, nil, err
	}
	links := make([]counterpoint.Link, 0, len(res.Records))
	actors := make([]counterpoint.Actor, 0, len(res.Records))
	for _, rec := range res.Records {
		f := recordFields(rec)
		link := counterpoint.Link{From: f.str("from"), To: f.str("to")}
		actor, err := decodeActor(f.any("props"))
		if f.err != nil {
			return nil, nil, f.err
		} else if err != nil {
			return nil, nil, err
		}
		links, actors = append(links, link), append(actors, actor)
	}
	return links, actors, nil
}

// Pages walk the claim_sort index in order (sortKey is the date, a space,
// and the id), so a page reads about as many claims as it returns;
// unfiltered, the total comes from Neo4j's count store.
const (
	claimFilter = `($dataset IS NULL OR c.dataset = $dataset) AND ` + claimInScope + `
  AND ($dateFrom IS NULL OR c.date >= $dateFrom)
  AND ($dateTo IS NULL OR c.date <= $dateTo OR c.date STARTS WITH $dateTo)
  AND ($actor IS NULL OR EXISTS { (:Actor {id: $actor})-[:ASSERTED]->(c) })
  AND ($source IS NULL OR EXISTS { (c)<-[:ASSERTED {source: $source}]-(:Actor) }
       OR EXISTS { (c)-[:EVIDENCED_BY]->(:Quote)-[:FROM|SAID_IN]->(:Source {id: $source}) })`
)

// The three kinds of claims page: filtered; scoped to some datasets, which
// starts from the datasets' claims through the claim_dataset index and
// sorts only them, so that a page of one debate costs the same however
// many debates the graph holds; and unfiltered, whose total comes from the
// count store.
const (
	pageFiltered = iota
	pageScoped
	pageAll
	pageKinds
)

// claimsPageNames name the kinds of claims page, for the store's metrics
// and Queries.
var claimsPageNames = [pageKinds]string{"claimsPage", "claimsPageScoped", "claimsPageAll"}

// claimsPageOf is the statement of a claims page of the given kind whose
// items are item, an expression over the page's claim c: one row of total
// and items, the first $limit claims after $after in sort-key order.
func claimsPageOf(kind int, item string) string {
	count, match := `MATCH (c:Claim)`, `MATCH (c:Claim) WHERE c.sortKey > $after`
	switch kind {
	case pageFiltered:
		count = `MATCH (c:Claim) WHERE ` + claimFilter
		match = `MATCH (c:Claim) WHERE c.sortKey > $after AND ` + claimFilter
	case pageScoped:
		count = `MATCH (c:Claim) USING INDEX c:Claim(dataset) WHERE c.dataset IN $datasets AND ` + claimFilter
		match = `MATCH (c:Claim) USING INDEX c:Claim(dataset) WHERE c.dataset IN $datasets AND c.sortKey > $after AND ` + claimFilter
	}
	return `CALL () { ` + count + ` RETURN count(c) AS total }
CALL () {
  ` + match + `
  WITH c ORDER BY c.sortKey LIMIT $limit
  RETURN collect(` + item + `) AS items
}
RETURN total, items`
}

var (
	claimsPage       = claimsPageOf(pageFiltered, "properties(c)")
	claimsPageScoped = claimsPageOf(pageScoped, "properties(c)")
	claimsPageAll    = claimsPageOf(pageAll, "properties(c)")
	// claimsPageDetail holds, for each kind of page and each set of sides
	// (none: every relation, behind $relations), the page whose items
	// are its claims with the read-ahead's parts (claimDetailParts), so
	// that a page and what its selection reads cost one statement. Built
	// once from the constant parts, never from input.
	claimsPageDetail = func() map[pageDetailKey]string {
		out := map[pageDetailKey]string{}
		for kind := range pageKinds {
			for s := readahead.Sides(0); s <= readahead.AllSides; s++ {
				out[pageDetailKey{kind, s}] = claimsPageOf(kind, claimDetailMap(claimDetailParts(claimDetailRelations(s))))
			}
		}
		return out
	}()
)

// pageDetailKey keys claimsPageDetail.
type pageDetailKey struct {
	kind  int
	sides readahead.Sides
}

// ClaimSortKey orders claims by date, undated first, then id: a space sorts
// before the digits and the '-' of a date, and ids never hold one.
func ClaimSortKey(date, id string) string { return date + " " + id }

// ClaimCursor is the position of a claim in the date-then-id order; cursors
// are base64 of the sort key, opaque to clients.
func ClaimCursor(c counterpoint.Claim) string {
	return base64.RawURLEncoding.EncodeToString([]byte("claim|" + c.Date + "|" + c.ID))
}

// decodeCursor returns the sort key in a cursor of the given kind.
// maxCursorEcho is how much of a bad cursor an error message repeats.
const maxCursorEcho = 64

func decodeCursor(kind, cursor string) (string, error) {
	b, err := base64.RawURLEncoding.DecodeString(cursor)
	key, ok := strings.CutPrefix(string(b), kind+"|")
	if err != nil || !ok {
		// Echo no more than a cursor's length: the argument may be as long
		// as a request body.
		shown := cursor
		if len(shown) > maxCursorEcho {
			shown = strings.ToValidUTF8(shown[:maxCursorEcho], "") + "…"
		}
		return "", counterpoint.Errorf(counterpoint.EINVALID, "after: %q is not a cursor from the %ss connection", shown, kind)
	}
	return key, nil
}

// Claims returns a page of claims ordered by date (undated first) then id;
// after is a ClaimCursor.
func (db *DB) Claims(ctx context.Context, f counterpoint.ClaimFilter, first int, after string) (counterpoint.Page[counterpoint.Claim], error) {
	kind, params, err := claimsPageParams(f, first, after)
	if err != nil {
		return counterpoint.Page[counterpoint.Claim]{}, err
	}
	cypher := [pageKinds]string{claimsPage, claimsPageScoped, claimsPageAll}[kind]
	return readPage(ctx, db, claimsPageNames[kind], cypher, params, first, decodeClaim, ClaimCursor)
}

// ClaimsPageWithDetail reads a page of claims, as Claims does, and in the
// same statement what d asks of the page's claims, as ClaimsWithDetail
// does: the API's claims page with its read-ahead in one round trip.
func (db *DB) ClaimsPageWithDetail(ctx context.Context, f counterpoint.ClaimFilter, first int, after string, d readahead.ClaimDetail) (counterpoint.Page[counterpoint.Claim], readahead.Bundle, error) {
	var page counterpoint.Page[counterpoint.Claim]
	b := newBundle()
	kind, params, err := claimsPageParams(f, first, after)
	if err != nil {
		return page, b, err
	}
	d, sides := detailSides(d)
	name := claimsPageNames[kind] + "Detail"
	res, err := db.read(ctx, name, claimsPageDetail[pageDetailKey{kind, sides}], detailParams(params, d))
	if err != nil {
		return page, b, err
	}
	row, err := onlyRecord(res.Records, name)
	if err != nil {
		return page, b, err
	}
	page.Total = row.integer("total")
	items := row.list("items")
	if row.err != nil {
		return page, b, row.err
	}
	if len(items) > first {
		page.HasNext = true
		items = items[:first]
	}
	if len(items) > 0 { // an empty page has nil lists, as Claims gives
		page.Items = make([]counterpoint.Claim, 0, len(items))
		page.Cursors = make([]string, 0, len(items))
	}
	for _, it := range items {
		c, err := addClaimDetail(&b, mapFields("claim with detail", it), d, sides)
		if err != nil {
			return page, b, err
		}
		page.Items = append(page.Items, c)
		page.Cursors = append(page.Cursors, ClaimCursor(c))
	}
	return page, b, nil
}

// claimsPageParams returns the kind of page that f asks for and its
// parameters.
func claimsPageParams(f counterpoint.ClaimFilter, first int, after string) (int, map[string]any, error) {
	params := map[string]any{
		"dataset": nullable(f.Dataset), "dateFrom": nullable(f.DateFrom), "dateTo": nullable(f.DateTo),
		"actor": nullable(f.AssertedBy), "source": nullable(f.Source), "datasets": scopeParam(f.Datasets), "limit": first + 1,
		"after": "",
	}
	if after != "" {
		key, err := decodeCursor("claim", after)
		if err != nil {
			return 0, nil, err
		}
		date, id, _ := strings.Cut(key, "|")
		params["after"] = ClaimSortKey(date, id)
	}
	kind := pageFiltered
	if len(f.Datasets) > 0 {
		kind = pageScoped
	}
	if f.AssertedBy == "" && f.Source == "" && f.DateFrom == "" && f.DateTo == "" && f.Dataset == "" && len(f.Datasets) == 0 {
		kind = pageAll
	}
	return kind, params, nil
}

// readPage reads one page of a list: the query returns one row of total and
// items, the first+1 items from the cursor on, the last of which only says
// whether there is a next page.
func readPage[T any](ctx context.Context, db *DB, name, cypher string, params map[string]any, first int,
	decode func(any) (T, error), cursor func(T) string) (counterpoint.Page[T], error) {
	var page counterpoint.Page[T]
	res, err := db.read(ctx, name, cypher, params)
	if err != nil {
		return page, err
	}
	f, err := onlyRecord(res.Records, name)
	if err != nil {
		return page, err
	}
	page.Total = f.integer("total")
	items := f.list("items")
	if f.err != nil {
		return page, f.err
	}
	if first >= 0 && len(items) > first {
		page.HasNext = true
		items = items[:first]
	}
	for _, it := range items {
		v, err := decode(it)
		if err != nil {
			return page, err
		}
		page.Items = append(page.Items, v)
		page.Cursors = append(page.Cursors, cursor(v))
	}
	return page, nil
}

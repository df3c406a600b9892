package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
	"github.com/counterpoint-news/counterpoint/store"
)

// raceText is the text of the source the race's claims quote, and the words
// they quote.
const (
	raceText  = `The council met on Monday. The mayor said: "We will not close the library."`
	raceWords = "We will not close the library."
)

// raceOp is one of a pair's two writes: what it does, and the mark (a
// claim's text, an actor's name, a text's hash) it leaves in the node's
// snapshot; a delete leaves none.
type raceOp struct {
	name   string
	mark   string
	delete bool
	do     func(ctx context.Context, id string) error
}

// raceKind is one kind of simultaneous pair: prepare brings node id to
// version prepared (0: it does not exist), with prepared changes in its
// history; state reads the node's mark and version (exists false when
// there is none).
type raceKind struct {
	name     string
	prepare  func(ctx context.Context, id string) error
	prepared int
	ops      [2]raceOp
	state    func(ctx context.Context, id string) (mark string, version int, exists bool, err error)
}

// racePairs is how many simultaneous pairs of each kind the test fires,
// racers of them at once.
const (
	racePairs = 60
	racers    = 10
)

// TestSimultaneousSavesLoseNothing fires pairs of writes of one node based
// on the same version at the same moment: exactly one of each pair must
// win, the other must get CONFLICT, and the node and its history must hold
// the winner's edit and nothing else (no edit lost, none recorded twice).
func TestSimultaneousSavesLoseNothing(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	ctx := counterpoint.WithEditor(context.Background(), "race-test")
	mustRaceBase(t, db)

	for _, k := range raceKinds(db) {
		t.Run(k.name, func(t *testing.T) {
			for wave := 0; wave < racePairs/racers; wave++ {
				ids := make([]string, racers)
				for i := range ids {
					ids[i] = fmt.Sprintf("race-%s-%d", strings.ReplaceAll(k.name, " ", "-"), wave*racers+i)
					if k.prepare != nil {
						if err := k.prepare(ctx, ids[i]); err != nil {
							t.Fatalf("prepare %s: %v", ids[i], err)
						}
					}
				}
				// Every write of the wave waits for one signal, so that each
				// pair's two writes start together.
				errs := make([][2]error, racers)
				start := make(chan struct{})
				var wg sync.WaitGroup
				for i, id := range ids {
					for j, op := range k.ops {
						wg.Add(1)
						go func() {
							defer wg.Done()
							<-start
							errs[i][j] = op.do(ctx, id)
						}()
					}
				}
				close(start)
				wg.Wait()
				for i, id := range ids {
					checkRace(t, db, k, id, errs[i])
				}
			}
		})
	}
	if n := neo4jtest.MustStats(t, db).Nodes["WriteLock"]; n != 0 {
		t.Errorf("the graph keeps %d write-lock nodes after the races, want none", n)
	}
}

// checkRace checks one pair's outcome: one winner, one CONFLICT, and the
// winner's edit as the node's state and its history's last change.
func checkRace(t *testing.T, db *store.DB, k raceKind, id string, errs [2]error) {
	t.Helper()
	ctx := context.Background()
	var winner *raceOp
	for j, err := range errs {
		switch {
		case err == nil && winner == nil:
			winner = &k.ops[j]
		case err == nil:
			t.Errorf("%s: both %s and %s succeeded, want one CONFLICT", id, k.ops[0].name, k.ops[1].name)
		case codeOf(err) != counterpoint.ECONFLICT:
			t.Errorf("%s: %s failed with %s (%v), want CONFLICT or success", id, k.ops[j].name, codeOf(err), err)
		}
	}
	if winner == nil {
		t.Errorf("%s: neither %s nor %s succeeded (%v; %v)", id, k.ops[0].name, k.ops[1].name, errs[0], errs[1])
		return
	}
	mark, version, exists, err := k.state(ctx, id)
	if err != nil {
		t.Fatalf("%s: read the state: %v", id, err)
	}
	switch {
	case winner.delete && exists:
		t.Errorf("%s: %s won, but the node is still there (version %d, %q)", id, winner.name, version, mark)
	case !winner.delete && (!exists || mark != winner.mark || version != k.prepared+1):
		t.Errorf("%s: %s won; the node has %q at version %d (exists %v), want %q at version %d", id, winner.name, mark, version, exists, winner.mark, k.prepared+1)
	}
	changes, err := db.History(ctx, id, 100)
	if err != nil {
		t.Fatalf("%s: history: %v", id, err)
	}
	var own []counterpoint.Change
	for _, ch := range changes {
		if ch.Entity == id {
			own = append(own, ch)
		}
	}
	if len(own) != k.prepared+1 {
		t.Errorf("%s: %s won; the history has %d changes, want %d: %+v", id, winner.name, len(own), k.prepared+1, own)
		return
	}
	last := own[0] // newest first
	switch {
	case winner.delete && (last.After != "" || last.Action != counterpoint.ChangeDelete):
		t.Errorf("%s: %s won; the last change is %s with after %q, want a DELETE", id, winner.name, last.Action, last.After)
	case !winner.delete && (!strings.Contains(last.After, winner.mark) || last.Version != k.prepared+1):
		t.Errorf("%s: %s won; the last change is version %d with after %q, want version %d holding %q", id, winner.name, last.Version, last.After, k.prepared+1, winner.mark)
	}
}

func codeOf(err error) string {
	var e *counterpoint.Error
	if errors.As(err, &e) {
		return e.Code
	}
	return "not a counterpoint error"
}

// mustRaceBase writes the actor and the source every raced claim names.
func mustRaceBase(tb testing.TB, db *store.DB) {
	tb.Helper()
	ctx := context.Background()
	if err := db.UpsertActor(ctx, counterpoint.Actor{ID: "race-mayor", Name: "The mayor", Kind: counterpoint.ActorPerson}); err != nil {
		tb.Fatal(err)
	}
	if _, err := db.ImportSource(ctx, raceSource("race-source", raceText, nil)); err != nil {
		tb.Fatal(err)
	}
}

func raceSource(id, text string, base *int) counterpoint.Source {
	return counterpoint.Source{ID: id, Title: "The council", Kind: counterpoint.SourceArticle, Text: text, Versioned: counterpoint.Versioned{Base: base}}
}

func raceClaim(id, text string, base int) counterpoint.Claim {
	start := strings.Index(raceText, raceWords) // ASCII: bytes are code points
	return counterpoint.Claim{
		ID: id, Text: text, Dataset: "race-test",
		Assertions: []counterpoint.Assertion{{Actor: "race-mayor", Source: "race-source", Attribution: counterpoint.OnRecord}},
		Quotes:     []counterpoint.Quote{{Text: raceWords, Kind: counterpoint.Direct, Source: "race-source", Start: start, End: start + len(raceWords)}},
		Versioned:  counterpoint.Versioned{Base: &base},
	}
}

func raceKinds(db *store.DB) []raceKind {
	upsertClaim := func(text string, base int) func(ctx context.Context, id string) error {
		return func(ctx context.Context, id string) error { return db.UpsertClaim(ctx, raceClaim(id, text, base)) }
	}
	claimState := func(ctx context.Context, id string) (string, int, bool, error) {
		cs, err := db.ClaimsByID(ctx, []string{id})
		if err != nil || len(cs) == 0 {
			return "", 0, false, err
		}
		return cs[0].Text, cs[0].Version, true, nil
	}
	upsertActor := func(name string, base int) func(ctx context.Context, id string) error {
		return func(ctx context.Context, id string) error {
			return db.UpsertActor(ctx, counterpoint.Actor{ID: id, Name: name, Kind: counterpoint.ActorPerson, Versioned: counterpoint.Versioned{Base: &base}})
		}
	}
	importText := func(text string, base int) func(ctx context.Context, id string) error {
		return func(ctx context.Context, id string) error {
			_, err := db.ImportSource(ctx, raceSource(id, text, &base))
			return err
		}
	}
	textA, textB := raceText+" Edited by Ana.", raceText+" Edited by Ben."
	return []raceKind{
		{
			name: "upsert claim", prepare: upsertClaim("The library stays.", 0), prepared: 1,
			ops: [2]raceOp{
				{name: "ana's edit", mark: "Ana: the library stays open.", do: upsertClaim("Ana: the library stays open.", 1)},
				{name: "ben's edit", mark: "Ben: the library stays open.", do: upsertClaim("Ben: the library stays open.", 1)},
			},
			state: claimState,
		},
		{
			name: "upsert actor", prepare: upsertActor("The mayor", 0), prepared: 1,
			ops: [2]raceOp{
				{name: "ana's edit", mark: "Mayor Ana", do: upsertActor("Mayor Ana", 1)},
				{name: "ben's edit", mark: "Mayor Ben", do: upsertActor("Mayor Ben", 1)},
			},
			state: func(ctx context.Context, id string) (string, int, bool, error) {
				as, err := db.ActorsByID(ctx, []string{id})
				if err != nil || len(as) == 0 {
					return "", 0, false, err
				}
				return as[0].Name, as[0].Version, true, nil
			},
		},
		{
			name: "create claim", prepared: 0,
			ops: [2]raceOp{
				{name: "ana's create", mark: "Ana: a new claim.", do: upsertClaim("Ana: a new claim.", 0)},
				{name: "ben's create", mark: "Ben: a new claim.", do: upsertClaim("Ben: a new claim.", 0)},
			},
			state: claimState,
		},
		{
			name: "delete vs edit", prepare: upsertClaim("The library stays.", 0), prepared: 1,
			ops: [2]raceOp{
				{name: "ana's delete", delete: true, do: func(ctx context.Context, id string) error {
					_, err := db.DeleteClaim(ctx, id, 1)
					return err
				}},
				{name: "ben's edit", mark: "Ben: the library stays open.", do: upsertClaim("Ben: the library stays open.", 1)},
			},
			state: claimState,
		},
		{
			name: "import source", prepare: importText(raceText, 0), prepared: 1,
			ops: [2]raceOp{
				{name: "ana's import", mark: counterpoint.TextHash(textA), do: importText(textA, 1)},
				{name: "ben's import", mark: counterpoint.TextHash(textB), do: importText(textB, 1)},
			},
			state: func(ctx context.Context, id string) (string, int, bool, error) {
				ss, err := db.SourcesByID(ctx, []string{id})
				if err != nil || len(ss) == 0 {
					return "", 0, false, err
				}
				return ss[0].TextHash, ss[0].Version, true, nil
			},
		},
	}
}

// TestSaveDuringALoadLosesNothing: a dataset load writes nodes without the
// API's id locks; a save that read the version while a load held the node
// must not overwrite the load's change when it commits. The save waits for
// the node, reads the version the load gave it, and gets CONFLICT.
func TestSaveDuringALoadLosesNothing(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	ctx := context.Background()
	mustRaceBase(t, db)
	if err := db.UpsertClaim(ctx, raceClaim("race-loaded", "The library stays.", 0)); err != nil {
		t.Fatal(err)
	}
	cfg := neo4jtest.Config(t)
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.Username, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer driver.Close(ctx)
	// The "load": a write of the claim that holds its lock until committed.
	session := driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeWrite, DatabaseName: cfg.Database})
	defer session.Close(ctx)
	load, err := session.BeginTransaction(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := load.Run(ctx, `MATCH (c:Claim {id: 'race-loaded'}) SET c.text = 'Loaded: the library stays.', c.version = 2`, nil); err != nil {
		t.Fatal(err)
	}
	saved := make(chan error, 1)
	go func() { saved <- db.UpsertClaim(ctx, raceClaim("race-loaded", "Ana: the library stays open.", 1)) }()
	// Commit the load once the save waits for a lock (Neo4j lists it as
	// blocked), so that the save has read whatever it reads before.
	for {
		res, err := neo4j.ExecuteQuery(ctx, driver, `SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n`,
			nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(cfg.Database))
		if err != nil {
			t.Fatal(err)
		}
		if n, _, _ := neo4j.GetRecordValue[int64](res.Records[0], "n"); n > 0 {
			break
		}
		select {
		case err := <-saved:
			t.Fatalf("the save ended (%v) while the load held the claim, want it to wait", err)
		default:
		}
	}
	if err := load.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if err := <-saved; codeOf(err) != counterpoint.ECONFLICT {
		t.Errorf("a save based on version 1 while a load wrote version 2: %v, want CONFLICT", err)
	}
	cs, err := db.ClaimsByID(ctx, []string{"race-loaded"})
	if err != nil || len(cs) != 1 || cs[0].Text != "Loaded: the library stays." {
		t.Errorf("after the load and the refused save: %+v (%v), want the load's text", cs, err)
	}
}

package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/counterpoint-news/counterpoint"
)

// TestWrapDeadline: whatever error the server gives a transaction its
// caller's deadline cut short, the caller learns the store was too slow.
func TestWrapDeadline(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 0)
	defer cancel()
	<-ctx.Done()
	serverErr := errors.New("Neo.ClientError.Transaction.Terminated: the transaction has been terminated")
	handshakeErr := errors.New("none of the server offered Bolt versions are supported (offered: []bolt.protocolVersion{})")
	tests := []struct {
		name string
		ctx  context.Context
		err  error
		want string
	}{
		{"deadline passed", ctx, serverErr, counterpoint.EUNAVAILABLE},
		{"deadline not passed", context.Background(), serverErr, counterpoint.EINTERNAL},
		{"already a deadline error", ctx, context.DeadlineExceeded, counterpoint.EUNAVAILABLE},
		// The driver's racing reader gives up once the deadline is past,
		// before the context's timer has fired, and the handshake reads
		// the nothing it got as an empty list of versions.
		{"handshake cut by a deadline not yet signalled", pastDeadline{context.Background()}, handshakeErr, counterpoint.EUNAVAILABLE},
		{"handshake cut by a deadline", ctx, handshakeErr, counterpoint.EUNAVAILABLE},
		{"connectivity error, wrapped", context.Background(), fmt.Errorf("read: %w", &neo4j.ConnectivityError{Inner: io.EOF}), counterpoint.EUNAVAILABLE},
		{"connection refused", context.Background(), &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}, counterpoint.EUNAVAILABLE},
		{"connection reset", context.Background(), fmt.Errorf("write: %w", syscall.ECONNRESET), counterpoint.EUNAVAILABLE},
		{"cut mid-read", context.Background(), io.ErrUnexpectedEOF, counterpoint.EUNAVAILABLE},
	}
	for _, tt := range tests {
		if got := codeOf(wrap(withContextError(tt.ctx, tt.err))); got != tt.want {
			t.Errorf("%s: code of %v = %q, want %q", tt.name, tt.err, got, tt.want)
		}
	}
}

// pastDeadline is a context whose deadline has passed while its Err is
// still nil, as a timer context's is until its timer fires.
type pastDeadline struct{ context.Context }

func (pastDeadline) Deadline() (time.Time, bool) { return time.Now().Add(-time.Millisecond), true }

// codeOf is the code of err's first *counterpoint.Error, EINTERNAL for any
// other error.
func codeOf(err error) string {
	var e *counterpoint.Error
	if errors.As(err, &e) {
		return e.Code
	}
	return counterpoint.EINTERNAL
}

// TestBadCursorEchoIsShort: a bad cursor as long as a request body is not
// repeated whole in the error.
func TestBadCursorEchoIsShort(t *testing.T) {
	_, err := decodeCursor("claim", strings.Repeat("!", 100000))
	var e *counterpoint.Error
	if !errors.As(err, &e) || e.Code != counterpoint.EINVALID {
		t.Fatalf("decodeCursor: %v, want EINVALID", err)
	}
	if len(e.Message) > 200 {
		t.Errorf("the error repeats %d bytes of the cursor; want at most about %d", len(e.Message), maxCursorEcho)
	}
}

// TestElementsAreTheRowsWritten: Elements, the unit of a load's
// progress, counts exactly the rows WriteDataset sends.
func TestElementsAreTheRowsWritten(t *testing.T) {
	ds := &counterpoint.Dataset{
		ID:      "d",
		Actors:  []counterpoint.Actor{{ID: "a", MemberOf: []string{"g"}}, {ID: "g"}},
		Sources: []counterpoint.Source{{ID: "s", Authors: []string{"a"}, Text: "words"}, {ID: "e", ReportedIn: "s"}},
		Claims: []counterpoint.Claim{{ID: "c", About: []string{"g"},
			Assertions: []counterpoint.Assertion{{Actor: "a", Source: "s"}},
			Quotes:     []counterpoint.Quote{{ID: "c.q1", Source: "s", Document: "e", Text: "words", End: 5}, {ID: "c.q2", Source: "s", Text: "word", End: 4}}}},
		Relations: []counterpoint.Relation{{Kind: counterpoint.Rebuts, From: "c", To: "c"}},
	}
	rows := 0
	for _, s := range prepare(ds).steps() {
		rows += len(s.rows)
	}
	if got := Elements(ds); got != rows {
		t.Errorf("Elements() = %d, WriteDataset writes %d rows", got, rows)
	}
}

// TestOutOfMemoryIsSaid: a write Neo4j refuses for want of memory (a
// transient error, which the driver retried and the store answered
// "unavailable, try again") becomes an EINVALID error that names the
// dataset's size and the setting to raise, and that the driver does not
// retry; any other error is left as it is.
func TestOutOfMemoryIsSaid(t *testing.T) {
	tests := []struct {
		code, want string
	}{
		{"Neo.TransientError.General.MemoryPoolOutOfMemoryError", "raise NEO4J_TX_MEMORY or split the dataset"},
		{"Neo.TransientError.General.TransactionOutOfMemoryError", "raise NEO4J_TX_MEMORY or split the dataset"},
		{"Neo.TransientError.General.TransactionMemoryLimit", "raise NEO4J_TX_MEMORY or split the dataset"},
		{"Neo.TransientError.General.OutOfMemoryError", "raise NEO4J_HEAP or split the dataset"},
		{"Neo.TransientError.Transaction.DeadlockDetected", ""},
	}
	ds := &counterpoint.Dataset{ID: "big", Sources: []counterpoint.Source{{ID: "s", Text: strings.Repeat("w", 2_500_000)}}}
	for _, tt := range tests {
		neoErr := &neo4j.Neo4jError{Code: tt.code, Msg: "The allocation of an extra 2.0 MiB would use more than the limit 8.0 MiB."}
		got := outOfMemory(fmt.Errorf("write Claim: %w", neoErr), datasetSize(ds))
		if tt.want == "" {
			if got != nil {
				t.Errorf("%s: %v, want the error left as it is", tt.code, got)
			}
			continue
		}
		var e *counterpoint.Error
		if !errors.As(got, &e) || e.Code != counterpoint.EINVALID || !strings.Contains(got.Error(), tt.want) ||
			!strings.Contains(got.Error(), `dataset "big" (1 elements, 2.5 MB of source text)`) || !strings.Contains(got.Error(), "limit 8.0 MiB") {
			t.Errorf("%s: %v, want EINVALID naming the dataset's size, Neo4j's words and %q", tt.code, got, tt.want)
		}
		if neo4j.IsRetryable(got) {
			t.Errorf("%s: the driver would retry %v", tt.code, got)
		}
		if !neo4j.IsRetryable(neoErr) {
			t.Logf("%s: the driver does not retry it anyway", tt.code)
		}
	}
}

// sortByKey orders by the whole key, as a comparison of the joined strings
// did: "claim-10|..." before "claim-1|..." since '0' sorts before '|'.
func TestSortByKey(t *testing.T) {
	edges := []counterpoint.Edge{
		{From: "claim-1", Type: "REBUTS", To: "claim-2"},
		{From: "claim-10", Type: "REBUTS", To: "claim-2"},
		{From: "claim-1", Type: "ASSERTED", To: "claim-3"},
		{From: "actor-1", Type: "MEMBER_OF", To: "group-1"},
	}
	sortByKey(edges, func(e counterpoint.Edge) string { return e.From + "|" + e.Type + "|" + e.To })
	var got []string
	for _, e := range edges {
		got = append(got, e.From+"|"+e.Type+"|"+e.To)
	}
	want := []string{"actor-1|MEMBER_OF|group-1", "claim-10|REBUTS|claim-2", "claim-1|ASSERTED|claim-3", "claim-1|REBUTS|claim-2"}
	if !slices.Equal(got, want) {
		t.Errorf("sortByKey gave %q, want %q", got, want)
	}
}

package store

import (
	"context"
	"errors"
	"testing"

	"github.com/counterpoint-news/counterpoint"
)

// TestWrapDeadline: whatever error the server gives a transaction its
// caller's deadline cut short, the caller learns the store was too slow.
func TestWrapDeadline(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 0)
	defer cancel()
	<-ctx.Done()
	serverErr := errors.New("Neo.ClientError.Transaction.Terminated: the transaction has been terminated")
	tests := []struct {
		name string
		ctx  context.Context
		err  error
		want string
	}{
		{"deadline passed", ctx, serverErr, counterpoint.EUNAVAILABLE},
		{"deadline not passed", context.Background(), serverErr, counterpoint.EINTERNAL},
		{"already a deadline error", ctx, context.DeadlineExceeded, counterpoint.EUNAVAILABLE},
	}
	for _, tt := range tests {
		if got := codeOf(wrap(withContextError(tt.ctx, tt.err))); got != tt.want {
			t.Errorf("%s: code of %v = %q, want %q", tt.name, tt.err, got, tt.want)
		}
	}
}

// codeOf is the code of err's first *counterpoint.Error, EINTERNAL for any
// other error.
func codeOf(err error) string {
	var e *counterpoint.Error
	if errors.As(err, &e) {
		return e.Code
	}
	return counterpoint.EINTERNAL
}

package store

import (
	"encoding/base64"
	"errors"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
)

// FuzzCursor: decoding any string as a cursor either fails with EINVALID
// (bad user input, never an internal error) or gives the key that encodes
// back to a cursor decoding to the same key; the cursors the store hands
// out decode to what they were made from.
//
//	go test -run '^$' -fuzz FuzzCursor -fuzztime 3m ./store
func FuzzCursor(f *testing.F) {
	f.Add("claim", ClaimCursor(counterpoint.Claim{ID: "c1", Date: "2015-10-01"}), "2015-10-01", "c1")
	f.Add("actor", ActorCursor(counterpoint.Actor{ID: "nsa"}), "", "nsa")
	f.Add("claim", "", "", "")
	f.Add("actor", "Y2xhaW18MjAxNQ", "2015", "x|y")
	f.Add("claim", "====", "\xff", "é")
	f.Add("claim", "Y2xhaW18", "2015-13-40", "a b")
	f.Fuzz(func(t *testing.T, kind, cursor, date, id string) {
		key, err := decodeCursor(kind, cursor)
		if err != nil {
			var e *counterpoint.Error
			if !errors.As(err, &e) || e.Code != counterpoint.EINVALID {
				t.Fatalf("decodeCursor(%q, %q): %v, want an EINVALID error", kind, cursor, err)
			}
			if key != "" {
				t.Fatalf("decodeCursor(%q, %q) gave key %q with its error", kind, cursor, key)
			}
		} else {
			again := base64.RawURLEncoding.EncodeToString([]byte(kind + "|" + key))
			if k2, err := decodeCursor(kind, again); err != nil || k2 != key {
				t.Fatalf("decodeCursor(%q, %q) = %q, but its re-encoding %q decodes to %q, %v", kind, cursor, key, again, k2, err)
			}
		}

		// Round trips of the cursors handed out. Dates are YYYY-MM-DD and
		// never hold a "|"; ids may hold anything.
		if !strings.Contains(date, "|") {
			key, err := decodeCursor("claim", ClaimCursor(counterpoint.Claim{ID: id, Date: date}))
			d, i, _ := strings.Cut(key, "|")
			if err != nil || d != date || i != id {
				t.Fatalf("claim cursor of (%q, %q) decodes to %q, %v", date, id, key, err)
			}
		}
		if key, err := decodeCursor("actor", ActorCursor(counterpoint.Actor{ID: id})); err != nil || key != id {
			t.Fatalf("actor cursor of %q decodes to %q, %v", id, key, err)
		}
		if kind != "actor" {
			if _, err := decodeCursor(kind, ActorCursor(counterpoint.Actor{ID: id})); err == nil && !strings.HasPrefix("actor|"+id, kind+"|") {
				t.Fatalf("an actor cursor decodes as a %q cursor", kind)
			}
		}
	})
}

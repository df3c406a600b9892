package server

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestParseTokens: each accepted form names its token; a malformed entry
// or two tokens of one name are refused with the entry's place.
func TestParseTokens(t *testing.T) {
	digest := sha256.Sum256([]byte("s3cret-from-a-vault"))
	tests := []struct {
		entries   []string
		wantNames string // comma-joined; "" when refused
		wantErr   string
	}{
		{[]string{"ana:alpha-secret-0123", "ben:beta-secret-01234"}, "ana,ben", ""},
		{[]string{"bare-secret-one-01", "bare-secret-two-01"}, "token-1,token-2", ""},
		{[]string{"vault:sha256:" + hex.EncodeToString(digest[:])}, "vault", ""},
		{[]string{"ana:one-0123456789abc", "ana:two-0123456789abc"}, "", `two tokens are named "ana"`},
		{[]string{":secret"}, "", "token 1: want name:secret"},
		{[]string{"ana:"}, "", "token 1: want name:secret"},
		{[]string{"ok:fine-0123456789abc", "x:sha256:abc"}, "", "token 2 (x): sha256: must be followed by 64 hex digits"},
		{[]string{"ana:has space 0123456789"}, "", "token 1 contains white space"},
		// A short secret can be guessed: refused in every form that shows it.
		{[]string{"ana:test-token"}, "", "token 1 (ana): the secret has 10 characters; a token needs at least 16"},
		{[]string{"abc"}, "", "token 1 has 3 characters; a token needs at least 16"},
		{[]string{"ana:0123456789abcde"}, "", "token 1 (ana): the secret has 15 characters"},
		{[]string{"ana:0123456789abcdef"}, "ana", ""},
		{[]string{"ana:ééééééééééééééé"}, "", "the secret has 15 characters"}, // characters, not bytes
	}
	for _, tt := range tests {
		got, err := parseTokens(tt.entries, "API_TOKENS")
		var names []string
		for _, tok := range got {
			names = append(names, tok.name)
		}
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("parseTokens(%q) = %v, %v; want an error with %q", tt.entries, names, err, tt.wantErr)
			}
			continue
		}
		if err != nil || strings.Join(names, ",") != tt.wantNames {
			t.Errorf("parseTokens(%q) = %v, %v; want %s", tt.entries, names, err, tt.wantNames)
		}
	}
}

// TestTokenFileIsReadAgain: a token added to the file is accepted and a
// removed one refused without a restart, even when the edit keeps the
// file's size and modification time; a file broken later keeps the tokens
// read before; a deleted file revokes its tokens, and one written again
// brings them back; a hashed entry accepts its secret.
func TestTokenFileIsReadAgain(t *testing.T) {
	file := filepath.Join(t.TempDir(), "tokens")
	stamp := time.Now().Add(-time.Hour).Truncate(time.Second)
	write := func(s string) {
		t.Helper()
		if err := os.WriteFile(file, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
		// Always the same modification time: only the content tells.
		if err := os.Chtimes(file, stamp, stamp); err != nil {
			t.Fatal(err)
		}
	}
	digest := sha256.Sum256([]byte("carla-secret-0123456"))
	write("# curators\nana:ana-secret-01234567\n\ncarla:sha256:" + hex.EncodeToString(digest[:]) + "\n")
	set, err := newTokenSet([]string{"ops:ops-secret-01234567"}, file, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	check := func(when, secret, wantName string) {
		t.Helper()
		set.checked = time.Time{} // do not wait a second between reads
		name, ok := set.lookup("Bearer " + secret)
		if (wantName == "") == ok || name != wantName {
			t.Errorf("%s: lookup(%s) = %q, %v; want %q", when, secret, name, ok, wantName)
		}
	}
	check("at start", "ana-secret-01234567", "ana")
	check("at start", "carla-secret-0123456", "carla")
	check("at start", "ops-secret-01234567", "ops")
	write("ben:ben-secret-01234567\n")
	check("after the file changed", "ben-secret-01234567", "ben")
	check("after the file changed", "ana-secret-01234567", "")
	check("after the file changed", "ops-secret-01234567", "ops")
	write("bob:bob-secret-01234567\n") // the same size and time
	check("after an edit that kept size and time", "bob-secret-01234567", "bob")
	check("after an edit that kept size and time", "ben-secret-01234567", "")
	write("this is not a token line at all\n")
	check("after the file broke", "bob-secret-01234567", "bob")
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	check("after the file was deleted", "bob-secret-01234567", "")
	check("after the file was deleted", "ops-secret-01234567", "ops")
	write("bob:bob-secret-01234567\n")
	check("after the file was written again", "bob-secret-01234567", "bob")
	write("dan:short\n")
	check("after a short token was written", "bob-secret-01234567", "bob")
	check("after a short token was written", "short", "")
}

// TestMissingTokenFileAtStart: a tokens file that is not there when the
// server starts is an error, not an empty set.
func TestMissingTokenFileAtStart(t *testing.T) {
	if _, err := newTokenSet(nil, filepath.Join(t.TempDir(), "absent"), slog.New(slog.NewTextHandler(io.Discard, nil))); err == nil {
		t.Error("newTokenSet with a missing file succeeded, want an error")
	}
}

// TestDeletedTokenFileRevokes: deleting the tokens file revokes the tokens
// it held at once (at the next read, a second later at most), and leaves
// those of API_TOKENS.
func TestDeletedTokenFileRevokes(t *testing.T) {
	file := filepath.Join(t.TempDir(), "tokens")
	if err := os.WriteFile(file, []byte("ana:ana-secret-01234567\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	set, err := newTokenSet([]string{"ops:ops-secret-01234567"}, file, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	if name, ok := set.lookup("Bearer ana-secret-01234567"); !ok || name != "ana" {
		t.Fatalf("before the delete: lookup = %q, %v; want ana", name, ok)
	}
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	set.checked = time.Time{} // do not wait a second
	if name, ok := set.lookup("Bearer ana-secret-01234567"); ok {
		t.Errorf("after the delete: the file's token is still accepted (as %q)", name)
	}
	if name, ok := set.lookup("Bearer ops-secret-01234567"); !ok || name != "ops" {
		t.Errorf("after the delete: API_TOKENS's token: lookup = %q, %v; want ops", name, ok)
	}
}

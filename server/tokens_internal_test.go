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
		{[]string{"ana:alpha-secret", "ben:beta-secret"}, "ana,ben", ""},
		{[]string{"bare-secret-one", "bare-secret-two"}, "token-1,token-2", ""},
		{[]string{"vault:sha256:" + hex.EncodeToString(digest[:])}, "vault", ""},
		{[]string{"ana:one", "ana:two"}, "", `two tokens are named "ana"`},
		{[]string{":secret"}, "", "token 1: want name:secret"},
		{[]string{"ana:"}, "", "token 1: want name:secret"},
		{[]string{"ok:fine", "x:sha256:abc"}, "", "token 2 (x): sha256: must be followed by 64 hex digits"},
		{[]string{"ana:has space"}, "", "token 1 contains white space"},
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
// removed one refused without a restart; a file broken later keeps the
// tokens read before; a hashed entry accepts its secret.
func TestTokenFileIsReadAgain(t *testing.T) {
	file := filepath.Join(t.TempDir(), "tokens")
	write := func(s string) {
		if err := os.WriteFile(file, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
		// A later modification time, as an editor saving the file gives.
		later := time.Now().Add(time.Duration(len(s)) * time.Second)
		if err := os.Chtimes(file, later, later); err != nil {
			t.Fatal(err)
		}
	}
	digest := sha256.Sum256([]byte("carla-secret"))
	write("# curators\nana:ana-secret\n\ncarla:sha256:" + hex.EncodeToString(digest[:]) + "\n")
	set, err := newTokenSet([]string{"ops:ops-secret"}, file, slog.New(slog.NewTextHandler(io.Discard, nil)))
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
	check("at start", "ana-secret", "ana")
	check("at start", "carla-secret", "carla")
	check("at start", "ops-secret", "ops")
	write("ben:ben-secret\n")
	check("after the file changed", "ben-secret", "ben")
	check("after the file changed", "ana-secret", "")
	check("after the file changed", "ops-secret", "ops")
	write("this is not a token line at all\n")
	check("after the file broke", "ben-secret", "ben")
}

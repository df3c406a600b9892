package server

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// namedToken is one API token as the server keeps it: its name, which the
// audit trail records, and the SHA-256 of its secret, never the secret.
type namedToken struct {
	name   string
	digest [sha256.Size]byte
}

// minTokenLength is the fewest characters an API token's secret may have:
// a short one can be guessed, and every mutation takes any token.
const minTokenLength = 16

// parseToken reads one entry of API_TOKENS or of the tokens file:
// "name:secret", "name:sha256:<64 hex digits>" (so that the file need not
// hold secrets), or a bare secret, which is named token-<n>. A secret must
// have minTokenLength characters (a hashed one's cannot be counted).
func parseToken(entry string, n int) (namedToken, error) {
	if strings.ContainsAny(entry, " \t\r\n") {
		return namedToken{}, fmt.Errorf("token %d contains white space", n)
	}
	name, secret, named := strings.Cut(entry, ":")
	if !named {
		if c := utf8.RuneCountInString(entry); c < minTokenLength {
			return namedToken{}, fmt.Errorf("token %d has %d characters; a token needs at least %d (use a random one)", n, c, minTokenLength)
		}
		return namedToken{name: "token-" + strconv.Itoa(n), digest: sha256.Sum256([]byte(entry))}, nil
	}
	if name == "" || secret == "" {
		return namedToken{}, fmt.Errorf("token %d: want name:secret, with neither empty", n)
	}
	if hexDigest, ok := strings.CutPrefix(secret, "sha256:"); ok {
		b, err := hex.DecodeString(hexDigest)
		if err != nil || len(b) != sha256.Size {
			return namedToken{}, fmt.Errorf("token %d (%s): sha256: must be followed by 64 hex digits", n, name)
		}
		t := namedToken{name: name}
		copy(t.digest[:], b)
		return t, nil
	}
	if c := utf8.RuneCountInString(secret); c < minTokenLength {
		return namedToken{}, fmt.Errorf("token %d (%s): the secret has %d characters; a token needs at least %d (use a random one)", n, name, c, minTokenLength)
	}
	return namedToken{name: name, digest: sha256.Sum256([]byte(secret))}, nil
}

// parseTokens reads entries, refusing two tokens of one name, so that the
// audit trail's names say who wrote.
func parseTokens(entries []string, where string) ([]namedToken, error) {
	var out []namedToken
	seen := map[string]bool{}
	for i, e := range entries {
		t, err := parseToken(e, i+1)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		if seen[t.name] {
			return nil, fmt.Errorf("%s: two tokens are named %q", where, t.name)
		}
		seen[t.name] = true
		out = append(out, t)
	}
	return out, nil
}

// tokenLines reads a tokens file's content: one entry a line, blank lines
// and lines starting with # ignored.
func tokenLines(b []byte) ([]string, error) {
	var entries []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			entries = append(entries, line)
		}
	}
	return entries, sc.Err()
}

// tokenSet is every token that may write: those of API_TOKENS and those of
// API_TOKENS_FILE, which is read again at most once a second, so that a
// newsroom adds or revokes a curator without a restart. A change is told
// by the content's hash, not by the file's size and modification time (an
// edit can keep both). A file that is deleted revokes its tokens; one that
// becomes unreadable or invalid keeps the last good set, and is logged.
type tokenSet struct {
	fixed []namedToken
	file  string
	log   *slog.Logger

	mu       sync.Mutex
	fromFile []namedToken
	hash     [sha256.Size]byte // of the content the tokens were read from; zero when the file is gone
	loaded   bool              // the file has been read once
	checked  time.Time         // when the file was last looked at
}

// newTokenSet builds the set from the configuration; a tokens file that
// cannot be read or parsed at start is an error.
func newTokenSet(entries []string, file string, log *slog.Logger) (*tokenSet, error) {
	fixed, err := parseTokens(entries, "API_TOKENS")
	if err != nil {
		return nil, err
	}
	s := &tokenSet{fixed: fixed, file: file, log: log}
	if file != "" {
		if err := s.reload(time.Now()); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// reload reads the file and takes its tokens when its content changed;
// when the file is gone, none of its tokens stays in force.
func (s *tokenSet) reload(now time.Time) error {
	s.checked = now
	b, err := os.ReadFile(s.file)
	if errors.Is(err, fs.ErrNotExist) && s.loaded { // at start, a missing file is an error
		if s.fromFile != nil || s.hash != ([sha256.Size]byte{}) {
			s.log.Warn("the tokens file is gone: its tokens are revoked", "file", s.file, "tokens", len(s.fromFile))
		}
		s.fromFile, s.hash = nil, [sha256.Size]byte{}
		return nil
	}
	if err != nil {
		return fmt.Errorf("API_TOKENS_FILE: %w", err)
	}
	hash := sha256.Sum256(b)
	if hash == s.hash {
		return nil
	}
	entries, err := tokenLines(b)
	if err != nil {
		return fmt.Errorf("API_TOKENS_FILE: %w", err)
	}
	tokens, err := parseTokens(entries, "API_TOKENS_FILE "+s.file)
	if err != nil {
		return err
	}
	for _, t := range tokens {
		for _, f := range s.fixed {
			if f.name == t.name {
				return fmt.Errorf("API_TOKENS_FILE %s: token %q is also named in API_TOKENS", s.file, t.name)
			}
		}
	}
	s.fromFile, s.hash, s.loaded = tokens, hash, true
	return nil
}

// current returns the tokens in force, re-reading the file when due.
func (s *tokenSet) current() []namedToken {
	if s.file == "" {
		return s.fixed
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if now := time.Now(); now.Sub(s.checked) >= time.Second {
		if err := s.reload(now); err != nil {
			s.log.Error("the tokens file could not be read again; the tokens read before stay in force", "err", err)
		}
	}
	return append(s.fixed[:len(s.fixed):len(s.fixed)], s.fromFile...)
}

// empty reports whether no token may write.
func (s *tokenSet) empty() bool { return len(s.current()) == 0 }

// lookup returns the name of the token an Authorization header carries.
// It compares the token's digest with every token's in constant time, so
// that neither the token's length nor its place shows in the timing.
func (s *tokenSet) lookup(authorization string) (string, bool) {
	scheme, token, ok := strings.Cut(strings.TrimSpace(authorization), " ")
	token = strings.TrimSpace(token)
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
		return "", false
	}
	d := sha256.Sum256([]byte(token))
	found := -1
	tokens := s.current()
	for i := range tokens {
		if subtle.ConstantTimeCompare(d[:], tokens[i].digest[:]) == 1 {
			found = i
		}
	}
	if found < 0 {
		return "", false
	}
	return tokens[found].name, true
}

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// runMakeRun runs scripts/run.sh from a copy of it in a fresh folder whose
// bin/counterpoint only prints its arguments and API_TOKENS, with NEO4J_URI
// set so that no Neo4j is started; it returns what was printed.
func runMakeRun(t *testing.T, root string, env ...string) string {
	t.Helper()
	script, err := os.ReadFile("../../scripts/run.sh")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"scripts", "bin"} {
		if err := os.MkdirAll(filepath.Join(root, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	fake := "#!/usr/bin/env bash\necho \"fake counterpoint $* API_TOKENS=${API_TOKENS:-}\"\n"
	if err := os.WriteFile(filepath.Join(root, "bin", "counterpoint"), []byte(fake), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "scripts", "run.sh"), script, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", filepath.Join(root, "scripts", "run.sh"))
	cmd.Env = append(os.Environ(), "NEO4J_URI=bolt://127.0.0.1:1", "LISTEN_ADDR=:18999", "API_TOKENS=", "API_TOKENS_FILE=")
	cmd.Env = append(cmd.Env, env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("scripts/run.sh: %v\n%s", err, out)
	}
	return string(out)
}

// TestMakeRunCuratorToken: without API_TOKENS or API_TOKENS_FILE, make run
// makes a local curator token once, keeps it in .neo4j/curator-token
// (mode 0600), serves with it, prints the studio's address and the token,
// and reuses it on the next run; with tokens of the operator's own, it
// makes and prints none.
func TestMakeRunCuratorToken(t *testing.T) {
	root := t.TempDir()
	first := runMakeRun(t, root)
	m := regexp.MustCompile(`(?m)^The studio: (\S+)\n  sign in with the local curator token (\S+)$`).FindStringSubmatch(first)
	if m == nil {
		t.Fatalf("make run printed no studio address and token:\n%s", first)
	}
	url, token := m[1], m[2]
	if url != "http://localhost:18999/?mode=curate" {
		t.Errorf("studio address %q, want http://localhost:18999/?mode=curate", url)
	}
	if len(token) < 32 {
		t.Errorf("token %q: %d characters, want at least 32", token, len(token))
	}
	if !strings.Contains(first, "fake counterpoint serve API_TOKENS=local-curator:"+token+"\n") {
		t.Errorf("serve did not get the token as a curator token:\n%s", first)
	}
	file := filepath.Join(root, ".neo4j", "curator-token")
	info, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("%s has mode %v, want 0600", file, info.Mode().Perm())
	}
	if b, _ := os.ReadFile(file); string(b) != token {
		t.Errorf("%s holds %q, want the printed token %q", file, b, token)
	}
	if again := runMakeRun(t, root); !strings.Contains(again, "local curator token "+token+"\n") {
		t.Errorf("a second make run did not reuse the token %q:\n%s", token, again)
	}

	own := t.TempDir()
	out := runMakeRun(t, own, "API_TOKENS=ana:an-operator-token-0123456789")
	if strings.Contains(out, "The studio:") || !strings.Contains(out, "serve API_TOKENS=ana:an-operator-token-0123456789\n") {
		t.Errorf("with API_TOKENS set, make run printed or served another token:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(own, ".neo4j", "curator-token")); err == nil {
		t.Errorf("with API_TOKENS set, make run made a token file")
	}
}

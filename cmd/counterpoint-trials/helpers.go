package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/counterpoint-news/counterpoint/format/datasetjson"

	"github.com/counterpoint-news/counterpoint/bench/gen"
	"github.com/counterpoint-news/counterpoint/store"
)

// versions are two versions of one generated dataset: v2 drops every third
// claim of v1 (with the relations that touch it) and rewords every fifth of
// the rest, so that loading one over the other creates, updates and
// removes, and the actors and sources, which no reload removes, are the
// same in both.
type versions struct {
	id     string
	files  [2]string
	claims [2]int
}

func makeVersions(dir string, elements int, seed int64) (versions, error) {
	cfg := gen.Config{Elements: elements, Seed: seed, ID: "trial"}
	r := gen.Generate(cfg)
	files, err := gen.Write(dir, cfg, r)
	if err != nil {
		return versions{}, err
	}
	v1 := r.Dataset
	v2 := *v1
	v2.Claims, v2.Relations = nil, nil
	dropped := map[string]bool{}
	for i, c := range v1.Claims {
		if i%3 == 0 {
			dropped[c.ID] = true
			continue
		}
		if i%5 == 0 {
			c.Text += " (revised)"
		}
		v2.Claims = append(v2.Claims, c)
	}
	for _, rel := range v1.Relations {
		if !dropped[rel.From] && !dropped[rel.To] {
			v2.Relations = append(v2.Relations, rel)
		}
	}
	file2 := filepath.Join(dir, "trial-v2.json")
	f, err := os.Create(file2)
	if err != nil {
		return versions{}, err
	}
	if err := datasetjson.Encode(f, &v2); err != nil {
		f.Close()
		return versions{}, err
	}
	if err := f.Close(); err != nil {
		return versions{}, err
	}
	return versions{id: cfg.ID, files: [2]string{files.Dataset, file2}, claims: [2]int{len(v1.Claims), len(v2.Claims)}}, nil
}

// loadRun is a `counterpoint load` child process.
type loadRun struct {
	cmd    *exec.Cmd
	out    bytes.Buffer
	start  time.Time
	done   chan struct{}
	err    error
	exited time.Time
}

func (c Common) startLoad(file string) (*loadRun, error) {
	l := &loadRun{done: make(chan struct{})}
	l.cmd = exec.Command(c.Bin, "load", file)
	l.cmd.Env = c.neo4jEnv()
	l.cmd.Stdout, l.cmd.Stderr = &l.out, &l.out
	l.start = time.Now()
	if err := l.cmd.Start(); err != nil {
		return nil, err
	}
	go func() {
		l.err = l.cmd.Wait()
		l.exited = time.Now()
		close(l.done)
	}()
	return l, nil
}

// finished reports whether the process has exited.
func (l *loadRun) finished() bool {
	select {
	case <-l.done:
		return true
	default:
		return false
	}
}

// kill sends SIGKILL unless the process has exited, and waits for it;
// it reports whether the process was still running.
func (l *loadRun) kill() bool {
	running := !l.finished()
	if running {
		_ = l.cmd.Process.Signal(syscall.SIGKILL)
	}
	<-l.done
	return running
}

// lastLine is the last line the process printed.
func (l *loadRun) lastLine() string {
	lines := strings.Split(strings.TrimSpace(l.out.String()), "\n")
	return lines[len(lines)-1]
}

// load runs `counterpoint load file` to the end.
func (c Common) load(file string) (time.Duration, error) {
	l, err := c.startLoad(file)
	if err != nil {
		return 0, err
	}
	<-l.done
	if l.err != nil {
		return 0, fmt.Errorf("counterpoint load %s: %v: %s", file, l.err, l.out.String())
	}
	return l.exited.Sub(l.start), nil
}

// quietDigest waits until Neo4j runs no other transaction (a killed
// client's may still be rolling back) and returns the graph's digest.
func quietDigest(ctx context.Context, db *store.DB) (string, error) {
	deadline := time.Now().Add(2 * time.Minute)
	for {
		n, err := db.OtherTransactions(ctx)
		if err == nil && n == 0 {
			break
		}
		if time.Now().After(deadline) {
			return "", fmt.Errorf("Neo4j still runs %d other transactions (%v) after 2 minutes", n, err)
		}
		select {
		case <-ctx.Done():
			return "", ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
	st, err := db.Stats(ctx)
	return st.Digest, err
}

// kill sends SIGKILL to the server of the pid file and waits until it is
// gone and its Bolt port (of uri) refuses connections.
func (n Neo4jControl) kill(uri string) error {
	u, err := url.Parse(uri)
	if err != nil {
		return fmt.Errorf("NEO4J_URI %q: %w", uri, err)
	}
	b, err := os.ReadFile(n.PIDFile)
	if err != nil {
		return err
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		return fmt.Errorf("%s: %w", n.PIDFile, err)
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		return fmt.Errorf("kill -9 %d: %w", pid, err)
	}
	// The process is gone, or a zombie its parent has not reaped, once
	// every thread has exited (the main thread turns zombie first); then
	// its listening socket is closed.
	for syscall.Kill(pid, 0) == nil {
		st, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
		if err != nil || (strings.Contains(string(st), "\nState:\tZ") && strings.Contains(string(st), "\nThreads:\t1\n")) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		conn, err := net.DialTimeout("tcp", u.Host, 200*time.Millisecond)
		if err != nil {
			return nil
		}
		conn.Close()
	}
	return fmt.Errorf("kill -9 %d: %s still accepts connections after 30s", pid, u.Host)
}

// start runs the start command; it returns once Neo4j answers.
func (n Neo4jControl) start(ctx context.Context) error {
	cmd := exec.CommandContext(ctx, "bash", "-c", n.Start)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %v\n%s", n.Start, err, out)
	}
	return nil
}

// waitPing waits until db answers a query.
func waitPing(ctx context.Context, db *store.DB, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for {
		pctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		err := db.Ping(pctx)
		cancel()
		if err == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("Neo4j did not answer within %s: %w", limit, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// serveRun is a `counterpoint serve` child process.
type serveRun struct {
	cmd  *exec.Cmd
	url  string
	log  *os.File
	done chan struct{}
}

// startServe starts `counterpoint serve` on 127.0.0.1:port with extra
// environment, and waits until it answers /healthz (not /readyz: Neo4j may
// be down on purpose).
func (c Common) startServe(port int, logFile string, extra ...string) (*serveRun, error) {
	log, err := os.Create(logFile)
	if err != nil {
		return nil, err
	}
	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	s := &serveRun{url: "http://" + addr, log: log, done: make(chan struct{})}
	s.cmd = exec.Command(c.Bin, "serve")
	s.cmd.Env = append(c.neo4jEnv(), append([]string{"LISTEN_ADDR=" + addr}, extra...)...)
	s.cmd.Stdout, s.cmd.Stderr = log, log
	if err := s.cmd.Start(); err != nil {
		log.Close()
		return nil, err
	}
	go func() { s.cmd.Wait(); close(s.done) }()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		select {
		case <-s.done:
			return nil, fmt.Errorf("counterpoint serve exited; see %s", logFile)
		default:
		}
		if resp, err := http.Get(s.url + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s, nil
			}
		}
	}
	s.stop()
	return nil, fmt.Errorf("counterpoint serve did not answer /healthz within 30s; see %s", logFile)
}

func (s *serveRun) stop() {
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(30 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.done
	}
	s.log.Close()
}

// waitReady waits until /readyz says 200.
func (s *serveRun) waitReady(limit time.Duration) error {
	for deadline := time.Now().Add(limit); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if status, _ := getStatus(s.url + "/readyz"); status == http.StatusOK {
			return nil
		}
	}
	return fmt.Errorf("%s/readyz did not say 200 within %s", s.url, limit)
}

func getStatus(url string) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

// answer is what one GraphQL request got: the HTTP status and the codes of
// its errors ("OK" for none), the data, and the Retry-After header.
type answer struct {
	status     int
	code       string
	data       json.RawMessage
	retryAfter string
	start, end time.Time
}

// codeOK stands for an answer without errors.
const codeOK = "OK"

// transportError is the code of a request that got no HTTP answer.
const transportError = "NO_ANSWER"

// post sends one GraphQL request and classifies the answer by its first
// error's code.
func post(ctx context.Context, client *http.Client, url, query string, vars map[string]any) answer {
	a := answer{start: time.Now()}
	defer func() { a.end = time.Now() }()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url+"/graphql", bytes.NewReader(body))
	if err != nil {
		a.code = transportError
		return a
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		a.code = transportError
		a.end = time.Now()
		return a
	}
	defer resp.Body.Close()
	a.status, a.retryAfter = resp.StatusCode, resp.Header.Get("Retry-After")
	var out struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Extensions struct {
				Code string `json:"code"`
			} `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		a.code = fmt.Sprintf("HTTP_%d_UNREADABLE", resp.StatusCode)
		a.end = time.Now()
		return a
	}
	a.data = out.Data
	switch {
	case len(out.Errors) == 0 && resp.StatusCode == http.StatusOK:
		a.code = codeOK
	case len(out.Errors) > 0 && out.Errors[0].Extensions.Code != "":
		a.code = out.Errors[0].Extensions.Code
	default:
		a.code = fmt.Sprintf("HTTP_%d", resp.StatusCode)
	}
	a.end = time.Now()
	return a
}

// isUnavailable reports whether a load's error says the store was
// unavailable, as the loader prints it.
func isUnavailable(out string) bool {
	return strings.Contains(out, "unavailable")
}

// sleepCtx sleeps for d unless ctx ends first.
func sleepCtx(ctx context.Context, d time.Duration) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(d):
		return nil
	}
}

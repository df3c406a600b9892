package mix

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"time"
)

// Client posts GraphQL requests to one server on this machine.
type Client struct {
	URL  string
	http *http.Client
}

// IsLoopbackHost reports whether host names this machine's loopback
// interface: the benchmark sends traffic and listens nowhere else.
func IsLoopbackHost(host string) bool {
	ip := net.ParseIP(host)
	return host == "localhost" || (ip != nil && ip.IsLoopback())
}

// NewClient returns a client for a GraphQL endpoint on the loopback
// interface; the benchmark sends traffic nowhere else.
func NewClient(endpoint string, conns int) (*Client, error) {
	u, err := url.Parse(endpoint)
	if err != nil {
		return nil, err
	}
	host := u.Hostname()
	if !IsLoopbackHost(host) {
		return nil, fmt.Errorf("%s: the benchmark only sends requests to 127.0.0.1 or localhost", endpoint)
	}
	tr := &http.Transport{
		MaxIdleConns: conns * 2, MaxIdleConnsPerHost: conns * 2, MaxConnsPerHost: 0,
		IdleConnTimeout: 90 * time.Second, DisableCompression: true,
	}
	return &Client{URL: endpoint, http: &http.Client{Transport: tr, Timeout: 60 * time.Second}}, nil
}

var errorsKey = []byte(`"errors":`)

// Post sends one request and returns the body; a non-200 status or a body
// with GraphQL errors is an error.
func (c *Client) Post(ctx context.Context, query string, vars map[string]any) ([]byte, error) {
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.URL, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/graphql-response+json, application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK || bytes.Contains(raw, errorsKey) {
		return raw, fmt.Errorf("%s: status %d: %.300s", c.URL, resp.StatusCode, raw)
	}
	return raw, nil
}

// Get fetches a URL on the same server (the peer's /bench/stats).
func (c *Client) Get(ctx context.Context, path string) ([]byte, error) {
	u, _ := url.Parse(c.URL)
	u.Path = path
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// Targets are the three implementations under test.
type Targets struct {
	CP   *Client // Counterpoint over HTTP
	Peer *Client // @neo4j/graphql over HTTP; nil when not run
	Raw  *Raw    // the limit
	// Cached is Counterpoint with its response cache on; nil when not run.
	Cached *Client
	// LimitHTTP is the limit behind LimitHandler; nil when not run.
	LimitHTTP *Client
}

// Available lists the implementations these targets can run.
func (t *Targets) Available() []string {
	var out []string
	for _, impl := range Impls {
		if (impl == Counterpoint && t.CP != nil) || (impl == Limit && t.Raw != nil) || (impl == Peer && t.Peer != nil) || (impl == Cached && t.Cached != nil) || (impl == LimitHTTP && t.LimitHTTP != nil) {
			out = append(out, impl)
		}
	}
	return out
}

// Do runs one request of q on impl, reading the whole answer but not
// decoding it further than needed to know it succeeded.
func (t *Targets) Do(ctx context.Context, impl string, q *Query, p Params) error {
	switch impl {
	case Counterpoint:
		_, err := t.CP.Post(ctx, q.CP, q.CPVars(p))
		return err
	case Cached:
		_, err := t.Cached.Post(ctx, q.CP, q.CPVars(p))
		return err
	case Peer:
		_, err := t.Peer.Post(ctx, q.Peer, q.PeerVars(p))
		return err
	case Limit:
		_, err := q.Raw(ctx, t.Raw, p)
		return err
	case LimitHTTP:
		_, err := t.LimitHTTP.Post(ctx, q.Name, p)
		return err
	}
	return fmt.Errorf("unknown implementation %q", impl)
}

// Answer runs one request of q on impl and returns its canonical form.
func (t *Targets) Answer(ctx context.Context, impl string, q *Query, p Params) ([]string, error) {
	switch impl {
	case Counterpoint, Peer, Cached:
		c, doc, vars := t.CP, q.CP, q.CPVars(p)
		if impl == Cached {
			c = t.Cached
		}
		if impl == Peer {
			c, doc, vars = t.Peer, q.Peer, q.PeerVars(p)
		}
		body, err := c.Post(ctx, doc, vars)
		if err != nil {
			return nil, err
		}
		data, err := Decode(body)
		if err != nil {
			return nil, err
		}
		if impl == Peer {
			return q.PeerNorm(data, p), nil
		}
		return q.CPNorm(data), nil
	case Limit:
		return q.Raw(ctx, t.Raw, p)
	case LimitHTTP:
		body, err := t.LimitHTTP.Post(ctx, q.Name, p)
		if err != nil {
			return nil, err
		}
		return limitLines(body)
	}
	return nil, fmt.Errorf("unknown implementation %q", impl)
}

// Equivalence is the result of checking one query on the three
// implementations.
type Equivalence struct {
	Query    string   `json:"query"`
	Checked  int      `json:"checked"`  // parameter sets asked
	Equal    int      `json:"equal"`    // all implementations gave the same answer
	Empty    int      `json:"empty"`    // of those, how many answers were empty
	Skipped  int      `json:"skipped"`  // answers not comparable (ties cut arbitrarily), with the reason in Notes
	Mismatch []string `json:"mismatch"` // what differed
	Notes    []string `json:"notes,omitempty"`
}

// OK reports whether nothing differed.
func (e Equivalence) OK() bool { return len(e.Mismatch) == 0 && e.Checked > 0 }

// Check asks every available implementation the same questions and
// compares the canonical answers.
func (t *Targets) Check(ctx context.Context, q *Query, params []Params) Equivalence {
	eq := Equivalence{Query: q.Name}
	impls := t.Available()
	for _, p := range params {
		eq.Checked++
		answers := map[string][]string{}
		failed := false
		for _, impl := range impls {
			a, err := t.Answer(ctx, impl, q, p)
			if err != nil {
				eq.Mismatch = append(eq.Mismatch, fmt.Sprintf("%v on %s: %v", p, impl, err))
				failed = true
				break
			}
			answers[impl] = a
		}
		if failed {
			continue
		}
		if q.Comparable != nil && t.Raw != nil {
			ok, why, err := q.Comparable(ctx, t.Raw, p)
			if err != nil {
				eq.Mismatch = append(eq.Mismatch, fmt.Sprintf("%v: %v", p, err))
				continue
			}
			if !ok {
				eq.Skipped++
				eq.Notes = appendOnce(eq.Notes, why)
				continue
			}
		}
		ref := answers[impls[0]]
		same := true
		for _, impl := range impls[1:] {
			if !slices.Equal(ref, answers[impl]) {
				same = false
				eq.Mismatch = append(eq.Mismatch, fmt.Sprintf("%v: %s and %s differ: %s", p, impls[0], impl, diff(ref, answers[impl])))
			}
		}
		if same {
			eq.Equal++
			if len(ref) == 0 {
				eq.Empty++
			}
		}
	}
	return eq
}

func appendOnce(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// diff describes the first few lines only one side has.
func diff(a, b []string) string {
	inA, inB := map[string]bool{}, map[string]bool{}
	for _, x := range a {
		inA[x] = true
	}
	for _, x := range b {
		inB[x] = true
	}
	var onlyA, onlyB []string
	for _, x := range a {
		if !inB[x] && len(onlyA) < 3 {
			onlyA = append(onlyA, x)
		}
	}
	for _, x := range b {
		if !inA[x] && len(onlyB) < 3 {
			onlyB = append(onlyB, x)
		}
	}
	return fmt.Sprintf("%d vs %d lines; only in the first: %q; only in the second: %q", len(a), len(b), onlyA, onlyB)
}

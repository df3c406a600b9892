package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/counterpoint-news/counterpoint"
)

// RaceCmd fires pairs of saves of one node, based on one version, at the
// same moment through the API, as two curators pressing save at once: of
// each pair exactly one must win and the other get CONFLICT, and the node
// and its history must hold the winner's edit (no edit lost). It writes
// only nodes of its own, under ids that start with race-<run>-, and
// deletes them again at the end.
type RaceCmd struct {
	Common
	Pairs int `default:"500" help:"Simultaneous pairs of each kind (upsert claim, upsert actor, create, delete vs edit, importSource)."`
	Wave  int `default:"16" help:"Pairs fired at once (each pair's two requests are released together)."`
	Port  int `default:"18094" help:"Port of the counterpoint serve."`
}

// The two curators' tokens (name:secret, as API_TOKENS takes them).
const (
	raceAna = "race-ana:race-trial-token-of-ana"
	raceBen = "race-ben:race-trial-token-of-ben"
)

// The text of the source every raced claim quotes, and the quoted words.
const (
	raceText  = `The council met on Monday. The mayor said: "We will not close the library."`
	raceWords = "We will not close the library."
)

// The mutations and the check the trial sends.
const (
	raceClaimMutation  = `mutation($in: ClaimInput!) { upsertClaim(input: $in) { id version } }`
	raceActorMutation  = `mutation($in: ActorInput!) { upsertActor(input: $in) { id version } }`
	raceImportMutation = `mutation($in: ImportSourceInput!) { importSource(input: $in) { source { id version } } }`
	raceDeleteClaim    = `mutation($id: ID!, $v: Int!) { deleteClaim(id: $id, version: $v) }`
	raceDeleteActor    = `mutation($id: ID!, $v: Int!) { deleteActor(id: $id, version: $v) }`
	raceDeleteSource   = `mutation($id: ID!, $v: Int!) { deleteSource(id: $id, version: $v) }`
	raceState          = `query($id: ID!) {
  node(id: $id) { __typename ... on Claim { text version } ... on Actor { name version } ... on Source { textHash version } }
  history(id: $id, first: 20) { entity action version after } }`
)

// raceSave is one of a pair's two writes: who sends it, the request, and
// the mark it leaves in the node (a claim's text, an actor's name, a
// text's hash); a delete leaves none.
type raceSave struct {
	who    *http.Client
	name   string
	query  string
	vars   map[string]any
	mark   string
	delete bool
}

// raceKind is one kind of pair: prepare writes the node id at version
// prepared (0: none is written), pair gives its two writes.
type raceKind struct {
	name     string
	prepared int
	prepare  func(id string) (query string, vars map[string]any)
	pair     func(id string) [2]raceSave
}

// raceTally counts the outcomes of one kind's pairs.
type raceTally struct {
	pairs, held, bothAccepted, lost int
	others                          map[string]int // what else the pairs got
}

// Run fires the pairs and checks each.
func (c *RaceCmd) Run(e *env) error {
	srv, err := c.startServe(c.Port, filepath.Join(c.Work, "race-serve.log"), "RATE_LIMIT=0", "API_TOKENS="+raceAna+","+raceBen)
	if err != nil {
		return err
	}
	defer srv.stop()
	if err := srv.waitReady(time.Minute); err != nil {
		return err
	}
	transport := &http.Transport{MaxIdleConnsPerHost: 4 * c.Wave}
	client := func(entry string) *http.Client {
		_, secret, _ := strings.Cut(entry, ":")
		return &http.Client{Timeout: 60 * time.Second, Transport: bearer{"Bearer " + secret, transport}}
	}
	r := &racer{env: e, url: srv.url, ana: client(raceAna), ben: client(raceBen),
		prefix: "race-" + strconv.FormatInt(time.Now().Unix(), 36) + "-"}
	if err := r.base(); err != nil {
		return err
	}
	var tallies []string
	trials, held, lost := 0, 0, 0
	for _, k := range r.kinds() {
		t := raceTally{others: map[string]int{}}
		for start := 0; start < c.Pairs; start += c.Wave {
			ids := make([]string, min(c.Wave, c.Pairs-start))
			for i := range ids {
				ids[i] = fmt.Sprintf("%s%s-%d", r.prefix, k.name, start+i)
			}
			if err := r.wave(k, ids, &t); err != nil {
				return err
			}
		}
		e.say("%s: %d pairs, %d held, %d both accepted, %d lost edits, other outcomes %v", k.name, t.pairs, t.held, t.bothAccepted, t.lost, t.others)
		trials, held, lost = trials+t.pairs, held+t.held, lost+t.lost
		tallies = append(tallies, fmt.Sprintf("%s %d/%d held (%d both accepted, %d lost edits%s)", k.name, t.held, t.pairs, t.bothAccepted, t.lost, otherOutcomes(t.others)))
	}
	if err := r.cleanUp(); err != nil {
		e.say("clean-up: %v", err)
	}
	return c.finish(e, Result{
		Trial: "race", Trials: trials, Held: held, Failed: trials - held,
		Measured:   fmt.Sprintf("%d lost edits; %s", lost, strings.Join(tallies, "; ")),
		Conditions: fmt.Sprintf("two curators' tokens, each pair's two saves of one node at one version released together, %d pairs at once, RATE_LIMIT=0; held: one OK, one CONFLICT, and the node and its history hold the winner's edit", c.Wave),
	})
}

// otherOutcomes lists outcomes other than held, both accepted and lost.
func otherOutcomes(m map[string]int) string {
	var parts []string
	for k, n := range m {
		parts = append(parts, fmt.Sprintf("%s %d", k, n))
	}
	slices.Sort(parts)
	if len(parts) == 0 {
		return ""
	}
	return "; other: " + strings.Join(parts, ", ")
}

// bearer sends every request with one Authorization header.
type bearer struct {
	header string
	next   http.RoundTripper
}

func (b bearer) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.Header.Set("Authorization", b.header)
	return b.next.RoundTrip(req)
}

// racer is one run of the trial: its API, its curators and its ids.
type racer struct {
	*env
	url      string
	ana, ben *http.Client
	prefix   string
	mu       sync.Mutex
	left     map[string]int // nodes to delete at the end: id -> version
	leftKind map[string]string
}

// must sends a request that must succeed.
func (r *racer) must(query string, vars map[string]any) (answer, error) {
	a := post(r.ctx, r.ana, r.url, query, vars)
	if a.code != codeOK {
		return a, fmt.Errorf("%s %v: %s (HTTP %d)", strings.Fields(query)[0], vars["in"], a.code, a.status)
	}
	return a, nil
}

// base writes the actor and the source every raced claim names.
func (r *racer) base() error {
	if _, err := r.must(raceActorMutation, map[string]any{"in": r.actor(r.prefix+"mayor", "The mayor", 0)}); err != nil {
		return err
	}
	_, err := r.must(raceImportMutation, map[string]any{"in": r.source(r.prefix+"source", raceText, 0)})
	r.keep(r.prefix+"source", "Source", 1)
	r.keep(r.prefix+"mayor", "Actor", 1)
	return err
}

// keep notes a node to delete at the end at version v.
func (r *racer) keep(id, kind string, v int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.left == nil {
		r.left, r.leftKind = map[string]int{}, map[string]string{}
	}
	r.left[id], r.leftKind[id] = v, kind
}

func (r *racer) actor(id, name string, version int) map[string]any {
	return map[string]any{"id": id, "name": name, "kind": "PERSON", "version": version}
}

func (r *racer) source(id, text string, version int) map[string]any {
	return map[string]any{"id": id, "title": "The council", "kind": "ARTICLE", "text": text, "version": version}
}

func (r *racer) claim(id, text string, version int) map[string]any {
	start := strings.Index(raceText, raceWords) // ASCII: bytes are code points
	return map[string]any{
		"id": id, "text": text, "dataset": "race-trial", "version": version,
		"assertions": []any{map[string]any{"actor": r.prefix + "mayor", "source": r.prefix + "source", "attribution": "ON_RECORD"}},
		"quotes":     []any{map[string]any{"text": raceWords, "kind": "DIRECT", "source": r.prefix + "source", "start": start, "end": start + len(raceWords)}},
	}
}

// kinds are the pairs the trial fires.
func (r *racer) kinds() []raceKind {
	claimEdit := func(who *http.Client, name, id, text string, version int) raceSave {
		return raceSave{who: who, name: name, query: raceClaimMutation, vars: map[string]any{"in": r.claim(id, text, version)}, mark: text}
	}
	textA, textB := raceText+" Edited by Ana.", raceText+" Edited by Ben."
	return []raceKind{
		{
			name: "upsert-claim", prepared: 1,
			prepare: func(id string) (string, map[string]any) {
				return raceClaimMutation, map[string]any{"in": r.claim(id, "The library stays.", 0)}
			},
			pair: func(id string) [2]raceSave {
				return [2]raceSave{claimEdit(r.ana, "ana's edit", id, "Ana: the library stays open.", 1), claimEdit(r.ben, "ben's edit", id, "Ben: the library stays open.", 1)}
			},
		},
		{
			name: "upsert-actor", prepared: 1,
			prepare: func(id string) (string, map[string]any) {
				return raceActorMutation, map[string]any{"in": r.actor(id, "The mayor", 0)}
			},
			pair: func(id string) [2]raceSave {
				return [2]raceSave{
					{who: r.ana, name: "ana's edit", query: raceActorMutation, vars: map[string]any{"in": r.actor(id, "Mayor Ana", 1)}, mark: "Mayor Ana"},
					{who: r.ben, name: "ben's edit", query: raceActorMutation, vars: map[string]any{"in": r.actor(id, "Mayor Ben", 1)}, mark: "Mayor Ben"},
				}
			},
		},
		{
			name: "create", prepared: 0,
			pair: func(id string) [2]raceSave {
				return [2]raceSave{claimEdit(r.ana, "ana's create", id, "Ana: a new claim.", 0), claimEdit(r.ben, "ben's create", id, "Ben: a new claim.", 0)}
			},
		},
		{
			name: "delete-vs-edit", prepared: 1,
			prepare: func(id string) (string, map[string]any) {
				return raceClaimMutation, map[string]any{"in": r.claim(id, "The library stays.", 0)}
			},
			pair: func(id string) [2]raceSave {
				return [2]raceSave{
					{who: r.ana, name: "ana's delete", query: raceDeleteClaim, vars: map[string]any{"id": id, "v": 1}, delete: true},
					claimEdit(r.ben, "ben's edit", id, "Ben: the library stays open.", 1),
				}
			},
		},
		{
			name: "import-source", prepared: 1,
			prepare: func(id string) (string, map[string]any) {
				return raceImportMutation, map[string]any{"in": r.source(id, raceText, 0)}
			},
			pair: func(id string) [2]raceSave {
				return [2]raceSave{
					{who: r.ana, name: "ana's import", query: raceImportMutation, vars: map[string]any{"in": r.source(id, textA, 1)}, mark: counterpoint.TextHash(textA)},
					{who: r.ben, name: "ben's import", query: raceImportMutation, vars: map[string]any{"in": r.source(id, textB, 1)}, mark: counterpoint.TextHash(textB)},
				}
			},
		},
	}
}

// wave prepares the nodes ids, fires their pairs together and checks each.
func (r *racer) wave(k raceKind, ids []string, t *raceTally) error {
	for _, id := range ids {
		if k.prepare != nil {
			if _, err := r.must(k.prepare(id)); err != nil {
				return fmt.Errorf("prepare %s: %w", id, err)
			}
		}
	}
	answers := make([][2]answer, len(ids))
	pairs := make([][2]raceSave, len(ids))
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i, id := range ids {
		pairs[i] = k.pair(id)
		for j, s := range pairs[i] {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				answers[i][j] = post(r.ctx, s.who, r.url, s.query, s.vars)
			}()
		}
	}
	close(start)
	wg.Wait()
	for i, id := range ids {
		t.pairs++
		verdict, err := r.check(k, id, pairs[i], answers[i])
		if err != nil {
			return err
		}
		switch verdict {
		case "held":
			t.held++
		case "both accepted":
			t.bothAccepted++
			t.lost++
		case "lost":
			t.lost++
		default:
			t.others[verdict]++
		}
		if verdict != "held" {
			r.say("%s: %s (%s: %s; %s: %s)", id, verdict, pairs[i][0].name, answers[i][0].code, pairs[i][1].name, answers[i][1].code)
		}
	}
	return r.ctx.Err()
}

// raceNode is what the check query reads of a node and its history.
type raceNode struct {
	Node    *raceNodeState `json:"node"`
	History []struct {
		Entity  string  `json:"entity"`
		Action  string  `json:"action"`
		Version *int    `json:"version"`
		After   *string `json:"after"`
	} `json:"history"`
}

// raceNodeState is a raced node as the check query reads it.
type raceNodeState struct {
	Typename string `json:"__typename"`
	Text     string `json:"text"`
	Name     string `json:"name"`
	TextHash string `json:"textHash"`
	Version  int    `json:"version"`
}

// mark is the field of the node that a raced save sets.
func (n *raceNodeState) mark() string {
	switch n.Typename {
	case "Claim":
		return n.Text
	case "Actor":
		return n.Name
	}
	return n.TextHash
}

// check says how one pair went: "held" (one OK, one CONFLICT, and the
// node and its history hold the winner's edit), "both accepted", "lost"
// (the node or its history disagree with the winner), or what else the
// pair got.
func (r *racer) check(k raceKind, id string, pair [2]raceSave, got [2]answer) (string, error) {
	a, err := r.must(raceState, map[string]any{"id": id})
	if err != nil {
		return "", err
	}
	var st raceNode
	if err := json.Unmarshal(a.data, &st); err != nil {
		return "", fmt.Errorf("the state of %s: %w", id, err)
	}
	if st.Node != nil {
		r.keep(id, st.Node.Typename, st.Node.Version)
	}
	var winner *raceSave
	switch {
	case got[0].code == codeOK && got[1].code == codeOK:
		return "both accepted", nil
	case got[0].code == codeOK && got[1].code == "CONFLICT":
		winner = &pair[0]
	case got[1].code == codeOK && got[0].code == "CONFLICT":
		winner = &pair[1]
	default:
		return got[0].code + " and " + got[1].code, nil
	}
	var own []int
	for i, ch := range st.History {
		if ch.Entity == id {
			own = append(own, i)
		}
	}
	if len(own) != k.prepared+1 {
		return "lost", nil
	}
	last := st.History[own[0]] // newest first
	if winner.delete {
		if st.Node != nil || last.Action != "DELETE" || last.After != nil {
			return "lost", nil
		}
		return "held", nil
	}
	if st.Node == nil || st.Node.mark() != winner.mark || st.Node.Version != k.prepared+1 ||
		last.After == nil || !strings.Contains(*last.After, winner.mark) || last.Version == nil || *last.Version != k.prepared+1 {
		return "lost", nil
	}
	return "held", nil
}

// cleanUp deletes the run's nodes: claims first, then what they named.
func (r *racer) cleanUp() error {
	var failed []string
	for _, kind := range []string{"Claim", "Actor", "Source"} {
		query := map[string]string{"Claim": raceDeleteClaim, "Actor": raceDeleteActor, "Source": raceDeleteSource}[kind]
		for id, v := range r.left {
			if r.leftKind[id] != kind {
				continue
			}
			if a := post(r.ctx, r.ana, r.url, query, map[string]any{"id": id, "v": v}); a.code != codeOK {
				failed = append(failed, id+": "+a.code)
			}
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("%d of the run's nodes not deleted: %s", len(failed), strings.Join(failed[:min(len(failed), 5)], "; "))
	}
	return nil
}

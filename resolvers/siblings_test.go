package resolvers_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/storetest"
)

// rendezvous is a store whose reads of one claim's quotes, asserters and
// relations each wait until all three have been asked (or a guard against
// a hang has passed): a claim whose fields asked the store one after
// another would have its first read give up waiting.
type rendezvous struct {
	*storetest.Store
	claim  string
	asked  atomic.Int32
	all    chan struct{}
	gaveUp atomic.Int32
}

func newRendezvous(s *storetest.Store, claim string) *rendezvous {
	return &rendezvous{Store: s, claim: claim, all: make(chan struct{})}
}

func (s *rendezvous) meet(ids []string) {
	if !slices.Contains(ids, s.claim) {
		return
	}
	if s.asked.Add(1) == 3 {
		close(s.all)
	}
	select {
	case <-s.all:
	case <-time.After(5 * time.Second):
		s.gaveUp.Add(1)
	}
}

func (s *rendezvous) QuotesByClaim(ctx context.Context, ids []string) ([]counterpoint.Quote, error) {
	s.meet(ids)
	return s.Store.QuotesByClaim(ctx, ids)
}

func (s *rendezvous) AssertionsByClaim(ctx context.Context, ids []string) ([]counterpoint.Assertion, []counterpoint.Actor, error) {
	s.meet(ids)
	return s.Store.AssertionsByClaim(ctx, ids)
}

func (s *rendezvous) RelationsOf(ctx context.Context, ids []string) ([]counterpoint.Relation, []counterpoint.Claim, error) {
	s.meet(ids)
	return s.Store.RelationsOf(ctx, ids)
}

// TestClaimFieldsAskTheStoreTogether: Claim's fields resolve one after
// another (internal/fieldorder), yet where no read-ahead primed them, the
// loads of a claim's quotes, asserters and rebuttals are asked side by
// side, one batch each, as they were when each field had a goroutine:
// in order, each would pay the loaders' batch wait and its round trip in
// turn.
func TestClaimFieldsAskTheStoreTogether(t *testing.T) {
	tests := []struct{ name, claim, query, want string }{
		{"a search hit", "a", `{ search(text: "text") { node { ... on Claim { id quotes { text } assertedBy { name } rebuttedBy { id } } } } }`,
			`"assertedBy":[{"name":"X"}],"id":"a","quotes":[{"text":"words of a"}],"rebuttedBy":[]`},
		{"two levels below a read-ahead", "c", `{ claim(id: "b") { rebuttedBy { supportedBy { id quotes { text } assertedBy { name } rebuttedBy { id } } } } }`,
			`"supportedBy":[{"assertedBy":[{"name":"Y"}],"id":"c","quotes":[{"text":"words of c"}],"rebuttedBy":[]}]`},
	}
	for _, tt := range tests {
		s := newRendezvous(MustSmallGraph(t), tt.claim)
		c := newClient(s)
		raw, err := c.RawPost(tt.query)
		if err != nil || len(raw.Errors) > 0 {
			t.Fatalf("%s: %v %s", tt.name, err, raw.Errors)
		}
		if got, _ := json.Marshal(raw.Data); !strings.Contains(string(got), tt.want) {
			t.Errorf("%s: answer %s does not hold %s", tt.name, got, tt.want)
		}
		if n := s.gaveUp.Load(); n > 0 {
			t.Errorf("%s: %d of the reads of quotes, asserters and relations waited for the others in vain (%d asked in all); want the three asked together",
				tt.name, n, s.asked.Load())
		}
		var methods []string
		for _, c := range s.Calls("QuotesByClaim", "AssertionsByClaim", "RelationsOf") {
			if slices.Contains(c.Args[0].([]string), tt.claim) {
				methods = append(methods, c.Method)
			}
		}
		slices.Sort(methods)
		if got := strings.Join(methods, " "); got != "AssertionsByClaim QuotesByClaim RelationsOf" {
			t.Errorf("%s: store calls %q, want one batch of each for claim %s", tt.name, got, tt.claim)
		}
	}
}

// TestClaimPlansUnderAList: the claims of a list that no read-ahead primed
// each answer their own quotes and relations when their loads are issued
// ahead from one plan (run it with -race too: every element resolves on a
// goroutine of its own).
func TestClaimPlansUnderAList(t *testing.T) {
	c := newClient(MustSmallGraph(t))
	var resp struct {
		Thread struct {
			Claims []struct {
				ID          string
				Quotes      []struct{ Text string }
				RebuttedBy  []struct{ ID string }
				SupportedBy []struct{ ID string }
				Qualifies   []struct{ ID string }
			}
		}
	}
	c.MustPost(`{ thread(claim: "a") { claims { id quotes { text } rebuttedBy { id } supportedBy { id } qualifies { id } } } }`, &resp)
	got := map[string]string{}
	for _, cl := range resp.Thread.Claims {
		var parts []string
		for _, q := range cl.Quotes {
			parts = append(parts, "quote:"+q.Text)
		}
		for _, r := range cl.RebuttedBy {
			parts = append(parts, "rebuttedBy:"+r.ID)
		}
		for _, s := range cl.SupportedBy {
			parts = append(parts, "supportedBy:"+s.ID)
		}
		for _, q := range cl.Qualifies {
			parts = append(parts, "qualifies:"+q.ID)
		}
		got[cl.ID] = strings.Join(parts, " ")
	}
	want := map[string]string{
		"a": "quote:words of a supportedBy:c qualifies:d",
		"b": "quote:words of b rebuttedBy:a",
		"c": "quote:words of c",
		"d": "quote:words of d",
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("thread claim %s: %q, want %q", id, got[id], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("thread claims %v, want %d", got, len(want))
	}
}

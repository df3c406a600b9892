package resolvers

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/suggest"
)

// TestPassCache: the suggestions pass runs once per text version, however
// many reads ask for it at once, keeps at most its bounds, and a read whose
// request is cut gets an error saying so and leaves nothing behind.
func TestPassCache(t *testing.T) {
	ctx := context.Background()
	texts := make([]*counterpoint.Text, 4)
	for i := range texts {
		texts[i] = counterpoint.NewText(strings.Repeat("x", i) + `“We will build it,” said Ana Ruiz. But Tom Hale disputed it.`)
	}
	c := newPassCache(2, 1<<20)

	// 16 concurrent reads of one text: one pass, the pass's answer.
	var wg sync.WaitGroup
	got := make([]*passResult, 16)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], _ = c.get(ctx, texts[0])
		}()
	}
	wg.Wait()
	qs, hs, _ := suggest.Suggestions(ctx, texts[0].String())
	for i, r := range got {
		if r == nil || !reflect.DeepEqual(r.quotes, qs) || !reflect.DeepEqual(r.hints, hs) || len(qs) != 1 || len(hs) != 1 {
			t.Fatalf("read %d: %+v, want the pass's %d quotes and %d hints", i, r, len(qs), len(hs))
		}
	}
	if c.runs != 1 {
		t.Errorf("16 concurrent reads of one text: %d passes, want 1", c.runs)
	}

	// Two entries at most, the least recently used out first.
	for _, step := range []struct {
		text int
		runs int
	}{
		{1, 2}, {0, 2}, {2, 3}, {0, 3}, {1, 4}, {3, 5}, {1, 5},
	} {
		if _, err := c.get(ctx, texts[step.text]); err != nil || c.runs != step.runs || c.order.Len() > 2 {
			t.Fatalf("read of text %d: error %v, %d passes and %d entries; want no error, %d passes, at most 2 entries", step.text, err, c.runs, c.order.Len(), step.runs)
		}
	}

	// A text over the byte bound is computed and not kept.
	small := newPassCache(2, 10)
	for range 2 {
		if _, err := small.get(ctx, texts[0]); err != nil {
			t.Fatal(err)
		}
	}
	if small.runs != 2 || small.order.Len() != 0 {
		t.Errorf("a text over the byte bound read twice: %d passes and %d entries, want 2 and 0", small.runs, small.order.Len())
	}

	// A cut request: an error wrapping ErrStopped and the context's, nothing kept.
	cut, cancel := context.WithCancel(ctx)
	cancel()
	long := counterpoint.NewText(strings.Repeat(`“We will build it,” said Ana Ruiz. `, 2000))
	if r, err := c.get(cut, long); r != nil || !errors.Is(err, suggest.ErrStopped) || !errors.Is(err, context.Canceled) {
		t.Errorf("a cut request: %v, error %v; want none and an error wrapping suggest.ErrStopped and context.Canceled", r, err)
	}
	if _, ok := c.byHash[long.Hash()]; ok || len(c.flights) != 0 {
		t.Errorf("a cut request left an entry (%v) or a pass under way (%d)", ok, len(c.flights))
	}
}

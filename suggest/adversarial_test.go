package suggest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// adversarialShapes are texts built to make a rule look far back or far
// ahead on every quotation, name or cue: each repeats its unit n times.
var adversarialShapes = []struct{ name, unit string }{
	{"quotes", `Ana Ruiz said, “We will build it.” Then Tom Hale said “No.” `},
	{"unclosed", `“word `},
	{"unclosedParagraphs", "“word said Ana Ruiz\n\n"},
	{"asciiMarks", `"a" said "b `},
	{"marks", "“"},
	{"longParagraph", "the council met on the budget and the mayor spoke of it, and then the aides left "},
	{"capitals", "Ana Bob Carl Dee Eve Fay "},
	{"capitalsQuotes", `Ana Bob Carl “we will do it now,” `},
	{"cues", "said told according to disputed took issue with but he said "},
	{"cuesQuotes", `he said “I will go there.” she said “You will not.” But they disputed it. `},
	{"counters", `“I will go there today,” Ana Ruiz said. But Tom Hale disputed it. `},
	{"pronouns", `“I will go there today,” he said. “You will not,” she said. `},
	{"they", `“We will go there today,” they said. `},
	{"it", `“We are going on,” it said. `},
	{"officials", `“We are going on,” the senior official said. `},
	{"firstOfficial", `A senior official spoke. “We go,” the first official said. `},
	{"colons", `The official: “we will go there today.” `},
	{"surnames", `“a b c d,” said Ms. Ana Ruiz. “e f g h,” Ruiz said. `},
}

// stepsOf runs the whole pass over text and returns its step count
// (doc.tick), the measure of work that TestLinear compares.
func stepsOf(tb testing.TB, text string) int {
	tb.Helper()
	d := newDoc(context.Background(), text)
	d.counterHints(d.quotes())
	return d.steps
}

// TestLinear: on every adversarial shape the pass's work grows linearly
// with the text: 8 times the text takes at most 8 times the steps, with a
// margin of a quarter (the smaller text is past the lookback windows, so
// every unit after the first few costs the same). The count is of the
// pass's own steps, not time, so that the test cannot be flaky.
func TestLinear(t *testing.T) {
	for _, sh := range adversarialShapes {
		t.Run(sh.name, func(t *testing.T) {
			small, large := 1000, 8000
			s := stepsOf(t, strings.Repeat(sh.unit, small))
			l := stepsOf(t, strings.Repeat(sh.unit, large))
			if limit := s * (large / small) * 5 / 4; l > limit {
				t.Errorf("%d units: %d steps; %d units: %d steps, want at most %d (linear)", small, s, large, l, limit)
			}
		})
	}
}

// TestStopped: a pass whose context is done stops with an error that
// says so and wraps the context's, and no result.
func TestStopped(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	text := strings.Repeat(adversarialShapes[0].unit, 2000)
	for name, run := range map[string]func() (int, error){
		"Suggestions":   func() (int, error) { qs, hs, err := Suggestions(ctx, text); return len(qs) + len(hs), err },
		"QuotesContext": func() (int, error) { qs, err := QuotesContext(ctx, text); return len(qs), err },
		"CounterHintsContext": func() (int, error) {
			hs, err := CounterHintsContext(ctx, text, Quotes(text))
			return len(hs), err
		},
	} {
		n, err := run()
		if !errors.Is(err, ErrStopped) || !errors.Is(err, context.Canceled) || n != 0 {
			t.Errorf("%s with a canceled context: %d items, error %v; want none and an error wrapping ErrStopped and context.Canceled", name, n, err)
		}
	}
	// A live context changes nothing.
	qs, hs, err := Suggestions(context.Background(), text)
	if want := Quotes(text); err != nil || !reflect.DeepEqual(qs, want) || !reflect.DeepEqual(hs, CounterHints(text, want)) {
		t.Errorf("Suggestions: error %v, or results that differ from Quotes and CounterHints", err)
	}
}

// BenchmarkAdversarial: the whole pass over each adversarial shape at 1×,
// 4× and 16× its size; ns/op should grow as the size does (MB/s flat).
//
//	go test ./suggest -run '^$' -bench Adversarial
func BenchmarkAdversarial(b *testing.B) {
	for _, sh := range adversarialShapes {
		for _, n := range []int{500, 2000, 8000} {
			text := strings.Repeat(sh.unit, n)
			b.Run(fmt.Sprintf("%s/%dx", sh.name, n/500), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					if _, _, err := Suggestions(context.Background(), text); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(stepsOf(b, text)), "steps")
			})
		}
	}
}

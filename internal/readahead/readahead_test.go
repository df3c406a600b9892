package readahead_test

import (
	"testing"

	"github.com/counterpoint-news/counterpoint/internal/readahead"
)

// TestClaimDetailOr: Or asks for every part either side asks for, and Any
// is false only for the empty detail.
func TestClaimDetailOr(t *testing.T) {
	tests := []struct {
		a, b, want readahead.ClaimDetail
	}{
		{readahead.ClaimDetail{}, readahead.ClaimDetail{}, readahead.ClaimDetail{}},
		{readahead.ClaimDetail{Quotes: true}, readahead.ClaimDetail{Relations: true, RelatedAssertions: true},
			readahead.ClaimDetail{Quotes: true, Relations: true, RelatedAssertions: true}},
		{readahead.ClaimDetail{Assertions: true, RelatedQuotes: true}, readahead.ClaimDetail{Assertions: true},
			readahead.ClaimDetail{Assertions: true, RelatedQuotes: true}},
	}
	for _, tt := range tests {
		got := tt.a.Or(tt.b)
		if got != tt.want {
			t.Errorf("%+v.Or(%+v) = %+v, want %+v", tt.a, tt.b, got, tt.want)
		}
		if got.Any() != (tt.want != readahead.ClaimDetail{}) {
			t.Errorf("%+v.Any() = %t", got, got.Any())
		}
	}
}

// TestActorDetailOr: the same for actors.
func TestActorDetailOr(t *testing.T) {
	tests := []struct {
		a, b, want readahead.ActorDetail
	}{
		{readahead.ActorDetail{}, readahead.ActorDetail{}, readahead.ActorDetail{}},
		{readahead.ActorDetail{Countered: true}, readahead.ActorDetail{CounteredBy: true, CounterAssertions: true},
			readahead.ActorDetail{Countered: true, CounteredBy: true, CounterAssertions: true}},
	}
	for _, tt := range tests {
		got := tt.a.Or(tt.b)
		if got != tt.want {
			t.Errorf("%+v.Or(%+v) = %+v, want %+v", tt.a, tt.b, got, tt.want)
		}
		if got.Any() != (tt.want != readahead.ActorDetail{}) {
			t.Errorf("%+v.Any() = %t", got, got.Any())
		}
	}
}

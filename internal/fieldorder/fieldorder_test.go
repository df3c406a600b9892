package fieldorder_test

import (
	"testing"

	"github.com/counterpoint-news/counterpoint/internal/fieldorder"
)

func TestSequential(t *testing.T) {
	tests := []struct {
		object  string
		loading int
		want    bool
	}{
		{"Relation", 0, true},
		{"Relation", 1, true}, // one load: nothing to overlap
		{"Actor", 5, false},   // several loads and no plan: side by side
		{"Claim", 11, true},   // several loads, planned together
		{"ClaimConnection", 2, false},
	}
	for _, tt := range tests {
		if got := fieldorder.Sequential(tt.object, tt.loading); got != tt.want {
			t.Errorf("Sequential(%q, %d) = %v, want %v", tt.object, tt.loading, got, tt.want)
		}
	}
}

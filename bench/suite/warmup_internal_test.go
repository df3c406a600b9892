package suite

import "testing"

func TestWarmupAgrees(t *testing.T) {
	tests := []struct {
		prev, cur float64
		want      bool
	}{
		{4.18, 1.65, false}, // the cold first load against the second: not settled
		{1.65, 1.50, true},
		{0.55, 0.65, true},  // within a fifth of the shorter
		{0.55, 0.67, false}, // just over
		{0.60, 0.45, false},
		{0, 0, false}, // a failed run says nothing
	}
	for _, tt := range tests {
		if got := warmupAgrees(tt.prev, tt.cur); got != tt.want {
			t.Errorf("warmupAgrees(%v, %v) = %v, want %v", tt.prev, tt.cur, got, tt.want)
		}
	}
}

package main

import (
	"math"
	"strings"
	"testing"
)

func TestParseCollectorSettings(t *testing.T) {
	limits := []struct {
		in   string
		want int64
		err  bool
	}{
		{"96MiB", 96 << 20, false},
		{"1GiB", 1 << 30, false},
		{"512KiB", 512 << 10, false},
		{"100000000", 100000000, false},
		{"2048B", 2048, false},
		{"off", math.MaxInt64, false},
		{"96MB", 0, true}, // Go's GOMEMLIMIT has no decimal units
		{"-1MiB", 0, true},
		{"lots", 0, true},
		{"9999999TiB", 0, true}, // overflows
	}
	for _, tt := range limits {
		got, err := parseMemoryLimit(tt.in)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("parseMemoryLimit(%q) = %d, %v; want %d, error %v", tt.in, got, err, tt.want, tt.err)
		}
		if err != nil && !strings.Contains(err.Error(), "GOMEMLIMIT") {
			t.Errorf("parseMemoryLimit(%q): error %q does not name GOMEMLIMIT", tt.in, err)
		}
	}
	percents := []struct {
		in   string
		want int
		err  bool
	}{
		{"300", 300, false},
		{"100", 100, false},
		{"off", -1, false},
		{"-5", 0, true},
		{"fast", 0, true},
	}
	for _, tt := range percents {
		got, err := parseGCPercent(tt.in)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("parseGCPercent(%q) = %d, %v; want %d, error %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

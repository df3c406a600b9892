package counterpoint_test

import (
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
)

// TestCheckVersion: an edit based on the node's version passes; any other
// is a conflict that says who changed it; no base skips the check.
func TestCheckVersion(t *testing.T) {
	v := func(n int) *int { return &n }
	tests := []struct {
		base     *int
		current  int
		wantCode string
		wantText string
	}{
		{nil, 7, "", ""},
		{v(3), 3, "", ""},
		{v(0), 0, "", ""},
		{v(2), 3, counterpoint.ECONFLICT, "based on version 2, it is now at version 3"},
		{v(0), 1, counterpoint.ECONFLICT, "already exists"},
		{v(2), 0, counterpoint.ECONFLICT, "no longer exists"},
		{v(-1), 0, counterpoint.EINVALID, "version must be"},
	}
	for _, tt := range tests {
		err := counterpoint.CheckVersion("claim", "c1", tt.base, tt.current, nil)
		var code string
		if e, ok := err.(*counterpoint.Error); ok {
			code = e.Code
		}
		if code != tt.wantCode || (tt.wantText != "" && !strings.Contains(err.Error(), tt.wantText)) {
			t.Errorf("CheckVersion(base %v, current %d) = %v; want code %q with %q", tt.base, tt.current, err, tt.wantCode, tt.wantText)
		}
	}
}

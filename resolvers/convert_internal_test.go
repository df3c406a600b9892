package resolvers

import (
	"testing"

	"github.com/counterpoint-news/counterpoint"
)

func TestParagraph(t *testing.T) {
	text := "First para.\n\nSecond “Really?” para\nstill second.\n\nThird."
	tests := []struct {
		start, end int
		want       string
	}{
		{21, 28, "Second “Really?” para\nstill second."},
		{0, 5, "First para."},
		{len([]rune(text)) - 6, len([]rune(text)), "Third."},
		{10, 200, ""},
	}
	for _, tt := range tests {
		if got := paragraph(counterpoint.NewText(text), tt.start, tt.end); got != tt.want {
			t.Errorf("paragraph(%d, %d) = %q, want %q", tt.start, tt.end, got, tt.want)
		}
	}
}

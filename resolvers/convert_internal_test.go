package resolvers

import (
	"testing"

	"github.com/counterpoint-news/counterpoint"
)

func TestParagraph(t *testing.T) {
	text := "First para.\n\nSecond “Really?” para\nstill second.\n\nThird.\n\n  Ünï 😀 two."
	tests := []struct {
		start, end int
		want       string
	}{
		{21, 28, "Second “Really?” para\nstill second."},
		{0, 5, "First para."},
		{50, 56, "Third."},
		{10, 200, ""},
		{64, 66, "Ünï 😀 two."},
	}
	for _, tt := range tests {
		if got := paragraph(counterpoint.NewText(text), tt.start, tt.end); got != tt.want {
			t.Errorf("paragraph(%d, %d) = %q, want %q", tt.start, tt.end, got, tt.want)
		}
		// paragraphSpan's offsets hold the same words in the text.
		span := paragraphSpan(counterpoint.NewText(text), tt.start, tt.end)
		switch {
		case tt.want == "" && span != nil:
			t.Errorf("paragraphSpan(%d, %d) = %+v, want nil", tt.start, tt.end, span)
		case tt.want != "" && (span == nil || span.Text != tt.want || string([]rune(text)[span.Start:span.End]) != tt.want):
			t.Errorf("paragraphSpan(%d, %d) = %+v, want the offsets of %q", tt.start, tt.end, span, tt.want)
		}
	}
}

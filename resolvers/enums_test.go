package resolvers_test

import (
	"slices"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/graph/model"
)

// TestEnumsMatchTheDomain: the resolvers translate the domain's suggestion
// statuses and date precisions to the schema's enums by their names, so
// both sides must name the same values.
func TestEnumsMatchTheDomain(t *testing.T) {
	var statuses []string
	for _, s := range model.AllSuggestionStatus {
		statuses = append(statuses, string(s))
	}
	var domainStatuses []string
	for _, s := range counterpoint.SuggestionStatuses {
		domainStatuses = append(domainStatuses, string(s))
	}
	var precisions []string
	for _, p := range model.AllDatePrecision {
		precisions = append(precisions, string(p))
	}
	domainPrecisions := []string{string(counterpoint.PrecisionYear), string(counterpoint.PrecisionMonth), string(counterpoint.PrecisionDay)}
	tests := []struct {
		name         string
		schema, want []string
	}{
		{"SuggestionStatus", statuses, domainStatuses},
		{"DatePrecision", precisions, domainPrecisions},
	}
	for _, tt := range tests {
		slices.Sort(tt.schema)
		slices.Sort(tt.want)
		if !slices.Equal(tt.schema, tt.want) {
			t.Errorf("schema enum %s = %v, domain has %v", tt.name, tt.schema, tt.want)
		}
	}
}

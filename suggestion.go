package counterpoint

import "slices"

// SuggestionStatus says where a suggestion of the suggestions pass (a
// quote or a counter hint) stands with the curators; the set is closed.
type SuggestionStatus string

// The statuses of a suggestion.
const (
	// SuggestionOpen: not reviewed yet, or reopened.
	SuggestionOpen SuggestionStatus = "OPEN"
	// SuggestionAccepted: a curator accepted it, or a quote now has exactly
	// its words.
	SuggestionAccepted SuggestionStatus = "ACCEPTED"
	// SuggestionDismissed: a curator dismissed it.
	SuggestionDismissed SuggestionStatus = "DISMISSED"
)

// SuggestionStatuses lists every status.
var SuggestionStatuses = []SuggestionStatus{SuggestionOpen, SuggestionAccepted, SuggestionDismissed}

// Valid reports whether s belongs to the closed set.
func (s SuggestionStatus) Valid() bool { return slices.Contains(SuggestionStatuses, s) }

// decisions maps a curator's decision to the change the audit trail
// records for it.
var decisions = map[SuggestionStatus]ChangeAction{
	SuggestionAccepted: ChangeAccept, SuggestionDismissed: ChangeDismiss, SuggestionOpen: ChangeReopen,
}

// Decision is the change that putting a suggestion at s records (REOPEN
// for OPEN), so that the audit trail keeps every decision; "" when s is
// not a status.
func (s SuggestionStatus) Decision() ChangeAction { return decisions[s] }

// SuggestionReviews is what the suggestions of one source are judged by:
// the curators' last decisions, by suggestion id, and the spans that the
// source's quotes hold. Its zero value (a source with no text) leaves every
// suggestion open.
type SuggestionReviews struct {
	decisions map[string]ChangeAction
	quoted    map[[2]int]bool
}

// NewSuggestionReviews judges by the last decision on each suggestion id
// (ACCEPT, DISMISS or REOPEN) and by the source's quotes.
func NewSuggestionReviews(decisions map[string]ChangeAction, quotes []Quote) SuggestionReviews {
	quoted := make(map[[2]int]bool, len(quotes))
	for _, q := range quotes {
		quoted[[2]int{q.Start, q.End}] = true
	}
	return SuggestionReviews{decisions: decisions, quoted: quoted}
}

// Status is where suggestion id, with parts at the given code-point
// ranges, stands: the curators' last decision, else ACCEPTED when a quote
// of the source has exactly one part's words (the suggestion was taken up
// in the studio), else OPEN.
func (r SuggestionReviews) Status(id string, parts ...[2]int) SuggestionStatus {
	switch r.decisions[id] {
	case ChangeAccept:
		return SuggestionAccepted
	case ChangeDismiss:
		return SuggestionDismissed
	case ChangeReopen:
		return SuggestionOpen
	}
	for _, p := range parts {
		if r.quoted[p] {
			return SuggestionAccepted
		}
	}
	return SuggestionOpen
}

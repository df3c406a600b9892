package counterpoint

// Claim is one proposition in neutral words, with a date as precise as the
// source allows and at least one quote that evidences it.
type Claim struct {
	ID         string
	Text       string
	Date       string
	Dataset    string
	About      []string
	Assertions []Assertion
	Quotes     []Quote
	Versioned
}

// NodeID implements Node.
func (c *Claim) NodeID() string { return c.ID }

// Validate checks a claim on its own: id, text, date, at least one
// assertion with a known attribution, and at least one quote with a unique
// id (QuoteID gives the default). Whether the quotes are verbatim needs
// their sources' texts: see Quote.Validate.
func (c *Claim) Validate() error { return c.validate(newIDs()).Err() }

func (c *Claim) validate(seen *ids) Problems {
	var ps Problems
	seen.define(&ps, "id", c.ID)
	if blank(c.Text) {
		ps = append(ps, Invalidf("text", "claim %q has no text", c.ID))
	}
	checkDate(&ps, "date", c.Date)
	if len(c.Assertions) == 0 {
		ps = append(ps, Invalidf("assertions", "claim %q is asserted by no one", c.ID))
	}
	for j := range c.Assertions {
		ps = append(ps, c.Assertions[j].validate().under(indexField("assertions", j))...)
	}
	if len(c.Quotes) == 0 {
		ps = append(ps, Invalidf("quotes", "claim %q has no quote; every claim needs at least one verbatim quote", c.ID))
	}
	for j, q := range c.Quotes {
		seen.define(&ps, joinField(indexField("quotes", j), "id"), q.ID)
		if q.Kind != "" && !q.Kind.Valid() {
			ps = append(ps, Invalidf(joinField(indexField("quotes", j), "kind"), "unknown quote kind %q (want one of %v)", q.Kind, QuoteKinds))
		}
	}
	return ps
}

// SetDefaults fills what a curator may leave out: a quote's id (QuoteID)
// and kind (Paraphrase: nothing is shown as someone's words unless the
// curator says so and the source bears it out), and an assertion's stance
// (Endorses).
func (c *Claim) SetDefaults() {
	for i := range c.Quotes {
		if c.Quotes[i].ID == "" {
			c.Quotes[i].ID = QuoteID(c.ID, i+1)
		}
		c.Quotes[i].Kind = c.Quotes[i].Kind.OrDefault()
	}
	for i := range c.Assertions {
		c.Assertions[i].Stance = c.Assertions[i].Stance.OrDefault()
	}
}

// ClaimFilter narrows a list of claims; zero fields do not filter.
type ClaimFilter struct {
	AssertedBy string
	Source     string
	DateFrom   string
	DateTo     string
	Dataset    string
	Datasets   Scope
}

// Validate checks a claim filter's dates.
func (f ClaimFilter) Validate() error {
	var ps Problems
	checkDate(&ps, "dateFrom", f.DateFrom)
	checkDate(&ps, "dateTo", f.DateTo)
	if p := f.Datasets.problem("datasets"); p != nil {
		ps = append(ps, p)
	}
	return ps.Err()
}

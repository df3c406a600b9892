package counterpoint

import "context"

// Progress hears how many more elements (nodes and relationships) a long
// write has done, so that a command can show how far it is.
type Progress func(n int)

type progressKey struct{}

// WithProgress makes the long writes done with ctx report to p.
func WithProgress(ctx context.Context, p Progress) context.Context {
	return context.WithValue(ctx, progressKey{}, p)
}

// ProgressOf is the Progress WithProgress put in ctx, or one that ignores
// what it hears.
func ProgressOf(ctx context.Context) Progress {
	if p, ok := ctx.Value(progressKey{}).(Progress); ok && p != nil {
		return p
	}
	return func(int) {}
}

// Elements counts the nodes and relationships writing d makes, the unit
// of a load's progress.
func (d *Dataset) Elements() int {
	n := len(d.Actors) + len(d.Sources) + len(d.Claims) + len(d.Relations)
	for _, a := range d.Actors {
		n += len(a.MemberOf)
	}
	for _, s := range d.Sources {
		n += len(s.Authors)
		if s.ReportedIn != "" {
			n++
		}
	}
	for _, c := range d.Claims {
		n += len(c.Assertions) + len(c.About) + 3*len(c.Quotes) // a quote, its EVIDENCED_BY and its FROM
		for _, q := range c.Quotes {
			if q.Document != "" {
				n++
			}
		}
	}
	return n
}

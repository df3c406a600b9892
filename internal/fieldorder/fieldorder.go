// Package fieldorder says which GraphQL objects have gqlgen resolve their
// fields one after another instead of each resolver field on a goroutine of
// its own. A goroutine per field pays only when two fields of one object
// wait on loads at once; otherwise it costs a goroutine start and a grown
// stack per field (resolving Claim's fields in order took an eighth off a
// page of 50 claims in memory, BenchmarkClaimsPageServer). The same holds
// for the goroutine gqlgen starts for each element of a list of objects:
// NeverWaits says which lists MarshalSlice runs in order instead. The
// generator (internal/generate) reads it.
package fieldorder

// Prefetching names the objects whose resolvers, at the first field that
// loads, issue the loads of every selected sibling field (for Claim,
// resolvers/siblings.go), so that their fields still share one batch wait
// when they run in order.
var Prefetching = []string{"Claim"}

// Sequential says whether an object's fields run in order: those of an
// object with at most one field that may load (a resolver or a method
// taking a context), which has nothing to overlap, and those of the
// prefetching objects. The root types keep gqlgen's own rule (queries'
// fields side by side, mutations' in order).
func Sequential(object string, loadingFields int) bool {
	if loadingFields <= 1 {
		return true
	}
	for _, p := range Prefetching {
		if p == object {
			return true
		}
	}
	return false
}

// Shape is what NeverWaits needs to know of one GraphQL object, interface
// or union.
type Shape struct {
	// Waits is true for an object with a field that may wait: a resolver,
	// a method taking a context, or a directive run at runtime.
	Waits bool
	// Refs names the types it leads to: an object's fields' types (lists
	// unwrapped), an interface's or union's possible types. Scalars and
	// enums may be left out.
	Refs []string
}

// NeverWaits says which types a value of can be marshalled without ever
// waiting: no field of it, or of anything it leads to, may wait. A list of
// such values gains nothing from a goroutine per element (MarshalSlice).
// Types that lead only to each other, and to nothing that waits, never wait.
func NeverWaits(shapes map[string]Shape) map[string]bool {
	never := make(map[string]bool, len(shapes))
	for name, s := range shapes {
		never[name] = !s.Waits
	}
	for changed := true; changed; {
		changed = false
		for name, s := range shapes {
			if !never[name] {
				continue
			}
			for _, ref := range s.Refs {
				if ok, known := never[ref]; known && !ok {
					never[name] = false
					changed = true
					break
				}
			}
		}
	}
	return never
}

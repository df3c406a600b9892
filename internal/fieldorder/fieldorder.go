// Package fieldorder says which GraphQL objects have gqlgen resolve their
// fields one after another instead of each resolver field on a goroutine of
// its own. A goroutine per field pays only when two fields of one object
// wait on loads at once; otherwise it costs a goroutine start and a grown
// stack per field (resolving Claim's fields in order took an eighth off a
// page of 50 claims in memory, BenchmarkClaimsPageServer). The same holds
// for the goroutine gqlgen starts for each element of a list of objects:
// Schema.NeverWaits and Schema.ListOf say which lists MarshalSlice runs in
// order instead. The generator (internal/generate) reads it.
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

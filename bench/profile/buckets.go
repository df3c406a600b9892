// Package profile records where the Counterpoint server's time and
// allocations go under each query of the benchmark's mix: a CPU and an
// allocation profile fetched from the server's PPROF_ADDR during the
// measurement, and the Neo4j round trips' time from its /metrics, grouped
// into the costs issue 23 names (HTTP, parsing and validation, complexity,
// field execution, marshalling, dataloaders, the driver, Neo4j's wait).
package profile

import "strings"

// The buckets, in report order.
const (
	HTTP       = "HTTP (server, transport, request decoding)"
	Parsing    = "parsing and validation"
	Complexity = "complexity and limits"
	Execution  = "field execution (resolvers, gqlgen executor, list goroutines)"
	Marshal    = "marshalling (JSON answer)"
	Loaders    = "dataloaders"
	Driver     = "driver (Bolt I/O, record decoding, store)"
	Runtime    = "GC and runtime (not attributable)"
	Other      = "other"
)

// Buckets lists the buckets in report order.
var Buckets = []string{HTTP, Parsing, Complexity, Execution, Marshal, Loaders, Driver, Runtime, Other}

// rule is one bucket's function-name prefixes (or, with a leading '*',
// substrings).
type rule struct {
	bucket   string
	prefixes []string
}

// rules are THE bucket rules, the only place they are written. A sample's
// stack is read from its leaf to its root, and the first frame that a rule
// owns decides the bucket; within a frame, rules are tried in this order,
// so the specific ones come first. Generic code (runtime, sync, reflect,
// encoding/json, syscall, net below net/http, ...) owns nothing: its cost
// goes to the first owning frame above it (json encoding called by the
// transport's readPOST is HTTP; a syscall under the driver is the driver's).
// Stacks no rule owns fall back to fallback.
var rules = []rule{
	{Loaders, []string{"github.com/vikstrous/dataloadgen", "*/resolvers.(*loaders)", "*/resolvers.newLoaders", "*/resolvers.withLoaders", "*/resolvers.byID", "*/resolvers.grouped", "*/resolvers.linkLoader", "*/resolvers.counterLoader", "*/resolvers.(*Resolver).loadersFor"}},
	{Driver, []string{"github.com/neo4j/neo4j-go-driver", "github.com/counterpoint-news/counterpoint/store."}},
	{Complexity, []string{"github.com/99designs/gqlgen/complexity", "github.com/99designs/gqlgen/graphql/handler/extension.(*ComplexityLimit)", "*/graph.(*executableSchema).Complexity", "*/resolvers.complexity", "*/resolvers.Complexity", "*/server.(*queryLimits)", "*/server.queryLimits"}},
	{Parsing, []string{"github.com/vektah/gqlparser", "github.com/99designs/gqlgen/graphql/executor.(*Executor).CreateOperationContext", "github.com/99designs/gqlgen/graphql/executor.(*Executor).parseQuery", "github.com/99designs/gqlgen/graphql/handler/lru", "github.com/99designs/gqlgen/graphql/handler/extension.AutomaticPersistedQuery"}},
	{Marshal, []string{"*MarshalGQL", "github.com/99designs/gqlgen/graphql.Marshal", "github.com/99designs/gqlgen/graphql.writeQuoted", "github.com/99designs/gqlgen/graphql.WriteQuoted", "*/server.encodeResponse", "*/server.(*Server).writeBody"}},
	{Execution, []string{"github.com/counterpoint-news/counterpoint/graph.", "github.com/counterpoint-news/counterpoint/resolvers.", "github.com/counterpoint-news/counterpoint/internal/readahead", "github.com/99designs/gqlgen/graphql", "github.com/counterpoint-news/counterpoint."}},
	{HTTP, []string{"net/http.", "github.com/counterpoint-news/counterpoint/server.", "github.com/counterpoint-news/counterpoint/internal/jsonutf8", "github.com/prometheus/"}},
}

// fallback buckets a stack no rule owns by its leaf.
func fallback(leaf string) string {
	switch {
	case strings.HasPrefix(leaf, "runtime.") || strings.HasPrefix(leaf, "internal/runtime") || strings.HasPrefix(leaf, "sync."):
		return Runtime
	case strings.HasPrefix(leaf, "net.") || strings.HasPrefix(leaf, "internal/poll") || strings.HasPrefix(leaf, "syscall."):
		return HTTP
	}
	return Other
}

// Classify returns the bucket of a stack of function names, leaf first.
func Classify(stack []string) string {
	for _, fn := range stack {
		for _, r := range rules {
			for _, p := range r.prefixes {
				if sub, ok := strings.CutPrefix(p, "*"); ok {
					if strings.Contains(fn, sub) {
						return r.bucket
					}
				} else if strings.HasPrefix(fn, p) {
					return r.bucket
				}
			}
		}
	}
	if len(stack) == 0 {
		return Other
	}
	return fallback(stack[0])
}

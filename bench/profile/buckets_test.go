package profile_test

import (
	"testing"

	"github.com/counterpoint-news/counterpoint/bench/profile"
)

func TestClassify(t *testing.T) {
	for _, c := range []struct {
		name  string
		stack []string // leaf first
		want  string
	}{
		{"a syscall under the driver is the driver's", []string{"syscall.Syscall", "internal/poll.(*FD).Write", "net.(*conn).Write", "github.com/neo4j/neo4j-go-driver/v5/neo4j/internal/bolt.(*bolt5).Run", "github.com/counterpoint-news/counterpoint/store.(*DB).read", "net/http.(*conn).serve"}, profile.Driver},
		{"a syscall under net/http is HTTP", []string{"syscall.Syscall", "internal/poll.(*FD).Write", "net.(*conn).Write", "net/http.(*response).finishRequest", "net/http.(*conn).serve"}, profile.HTTP},
		{"json decoding of the request is HTTP", []string{"encoding/json.(*decodeState).object", "github.com/counterpoint-news/counterpoint/server.httpTransport.readPOST", "net/http.(*conn).serve"}, profile.HTTP},
		{"the parser", []string{"runtime.mallocgc", "github.com/vektah/gqlparser/v2/parser.(*parser).parseField", "github.com/99designs/gqlgen/graphql/executor.(*Executor).CreateOperationContext", "github.com/counterpoint-news/counterpoint/server.httpTransport.Do"}, profile.Parsing},
		{"a field", []string{"runtime.newstack", "github.com/counterpoint-news/counterpoint/graph.(*executionContext)._Claim_quotes", "github.com/99designs/gqlgen/graphql.MarshalSliceConcurrently.func1"}, profile.Execution},
		{"the answer's JSON", []string{"github.com/99designs/gqlgen/graphql.writeQuotedString", "github.com/99designs/gqlgen/graphql.(*FieldSet).MarshalGQL", "github.com/99designs/gqlgen/graphql/executor.(*Executor).DispatchOperation.func1"}, profile.Marshal},
		{"a loader", []string{"sync.(*Mutex).Lock", "github.com/vikstrous/dataloadgen.(*Loader[...]).Load", "github.com/counterpoint-news/counterpoint/resolvers.(*claimResolver).Quotes"}, profile.Loaders},
		{"the complexity limit", []string{"github.com/99designs/gqlgen/complexity.Calculate", "github.com/99designs/gqlgen/graphql/handler/extension.(*ComplexityLimit).MutateOperationContext"}, profile.Complexity},
		{"the garbage collector", []string{"runtime.scanobject", "runtime.gcDrain", "runtime.gcBgMarkWorker"}, profile.Runtime},
		{"nothing known", []string{"crypto/sha256.block"}, profile.Other},
		{"no stack", nil, profile.Other},
	} {
		if got := profile.Classify(c.stack); got != c.want {
			t.Errorf("%s: Classify(%q) = %q, want %q", c.name, c.stack, got, c.want)
		}
	}
}

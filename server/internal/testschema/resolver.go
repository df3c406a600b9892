package testschema

// This file is hand-written: the resolvers of the test schema.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"

	"github.com/counterpoint-news/counterpoint"
)

// SecretDetail appears in the internal errors the resolvers return; tests
// check it never reaches a response.
const SecretDetail = "neo4j://admin:hunter2@10.0.0.7:7687 connection refused"

// Resolver is the root resolver. Mutations counts the mutations that reached
// a resolver, so tests can prove a refused mutation never ran.
type Resolver struct {
	Mutations atomic.Int64
}

// New returns the executable schema over r. Lists cost their length times
// their items' cost, as a real schema's complexity functions would say, so
// that gqlgen's complexity limit can trip before the plain field count does.
func New(r *Resolver) graphql.ExecutableSchema {
	var c ComplexityRoot
	c.Query.Things = func(child int, first *int) int { return listLen(first) * child }
	c.Thing.Children = func(child int, first *int) int { return listLen(first) * child }
	return NewExecutableSchema(Config{Resolvers: r, Complexity: c})
}

func listLen(first *int) int {
	if first == nil {
		return 3
	}
	return min(max(*first, 1), 100)
}

type middlewareKey struct{}

// Middleware stands in for the resolvers' per-request dataloaders: it puts a
// value in each request's context that the fromMiddleware field returns.
func Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(r.Context(), middlewareKey{}, "loaders for "+r.Method)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func (r *Resolver) Mutation() MutationResolver { return mutationResolver{r} }
func (r *Resolver) Query() QueryResolver       { return queryResolver{r} }
func (r *Resolver) Thing() ThingResolver       { return thingResolver{r} }

type mutationResolver struct{ *Resolver }

func (m mutationResolver) Rename(ctx context.Context, id string, name string) (*Thing, error) {
	m.Mutations.Add(1)
	return &Thing{ID: id, Name: name}, nil
}

type queryResolver struct{ *Resolver }

func (queryResolver) Hello(ctx context.Context, name *string) (string, error) {
	if name == nil {
		return "hello, world", nil
	}
	return "hello, " + *name, nil
}

func (queryResolver) Thing(ctx context.Context, id string) (*Thing, error) {
	if id == "missing" {
		return nil, nil
	}
	return &Thing{ID: id, Name: "thing " + id}, nil
}

func (queryResolver) Things(ctx context.Context, first *int) ([]*Thing, error) {
	return children("t", first), nil
}

func (queryResolver) Fail(ctx context.Context, kind FailKind) (*string, error) {
	switch kind {
	case FailKindInvalid:
		return nil, counterpoint.Errorf(counterpoint.EINVALID, "first must be at most 100, got 1000")
	case FailKindNotFound:
		return nil, counterpoint.Errorf(counterpoint.ENOTFOUND, "no actor has id %q", "nobody")
	case FailKindUnauthorized:
		return nil, counterpoint.Errorf(counterpoint.EUNAUTHORIZED, "this needs a token")
	case FailKindTooComplex:
		return nil, counterpoint.Errorf(counterpoint.ETOOCOMPLEX, "the subgraph asked for is too large")
	case FailKindUnavailable:
		return nil, fmt.Errorf("%w: %v", counterpoint.Errorf(counterpoint.EUNAVAILABLE, "the graph store is unavailable or too slow; try again"), errors.New(SecretDetail))
	case FailKindInternal:
		return nil, fmt.Errorf("reading claims: %s", SecretDetail)
	case FailKindPanic:
		panic("resolver exploded: " + SecretDetail)
	}
	return nil, nil
}

func (queryResolver) Slow(ctx context.Context) (*string, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

func (queryResolver) FromMiddleware(ctx context.Context) (*string, error) {
	v, _ := ctx.Value(middlewareKey{}).(string)
	if v == "" {
		return nil, nil
	}
	return &v, nil
}

func (queryResolver) HasDeadline(ctx context.Context) (bool, error) {
	_, ok := ctx.Deadline()
	return ok, nil
}

func (queryResolver) Double(ctx context.Context, n int) (int, error) { return 2 * n, nil }

type thingResolver struct{ *Resolver }

func (thingResolver) Parent(ctx context.Context, obj *Thing) (*Thing, error) {
	i := strings.LastIndexByte(obj.ID, '.')
	if i < 0 {
		return nil, nil
	}
	return &Thing{ID: obj.ID[:i], Name: "thing " + obj.ID[:i]}, nil
}

func (thingResolver) Children(ctx context.Context, obj *Thing, first *int) ([]*Thing, error) {
	return children(obj.ID, first), nil
}

func children(parent string, first *int) []*Thing {
	n := 3
	if first != nil {
		n = min(max(*first, 0), 100)
	}
	out := make([]*Thing, n)
	for i := range out {
		id := fmt.Sprintf("%s.%d", parent, i)
		out[i] = &Thing{ID: id, Name: "thing " + id}
	}
	return out
}

// Slug is the Slug scalar: lower-case letters, digits and dashes.
type Slug string

// UnmarshalGQL accepts only well-formed slugs.
func (s *Slug) UnmarshalGQL(v any) error {
	str, ok := v.(string)
	if !ok || str == "" || strings.Trim(str, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
		return fmt.Errorf("%q is not a slug: use lower-case letters, digits and dashes", fmt.Sprint(v))
	}
	*s = Slug(str)
	return nil
}

// MarshalGQL writes the slug as a string.
func (s Slug) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(s))) }

func (queryResolver) Slug(ctx context.Context, s Slug) (Slug, error) { return s, nil }

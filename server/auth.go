package server

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// mutationAuth is the one place that guards writes: a gqlgen operation
// interceptor that refuses a mutation operation, before any resolver runs,
// unless the request carries Authorization: Bearer <token> with one of the
// configured tokens. Queries pass untouched. With no tokens configured every
// mutation is refused.
type mutationAuth struct {
	digests [][sha256.Size]byte
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
} = mutationAuth{}

func newMutationAuth(tokens []string) mutationAuth {
	a := mutationAuth{}
	for _, t := range tokens {
		a.digests = append(a.digests, sha256.Sum256([]byte(t)))
	}
	return a
}

func (mutationAuth) ExtensionName() string                          { return "CounterpointMutationAuth" }
func (mutationAuth) Validate(schema graphql.ExecutableSchema) error { return nil }

func (a mutationAuth) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	opCtx := graphql.GetOperationContext(ctx)
	if opCtx.Operation == nil || opCtx.Operation.Operation != ast.Mutation {
		return next(ctx)
	}
	if msg := a.refuse(opCtx.Headers); msg != "" {
		err := &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": CodeUnauthenticated}}
		if pos := opCtx.Operation.Position; pos != nil {
			err.Locations = []gqlerror.Location{{Line: pos.Line, Column: pos.Column}}
		}
		return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{err}})
	}
	return next(ctx)
}

// refuse returns why the request may not mutate, or "" when it may.
func (a mutationAuth) refuse(h http.Header) string {
	if len(a.digests) == 0 {
		return "mutations are disabled: this server has no API tokens configured"
	}
	scheme, token, ok := strings.Cut(strings.TrimSpace(h.Get("Authorization")), " ")
	token = strings.TrimSpace(token)
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
		return "mutations need an Authorization: Bearer <token> header"
	}
	if !a.valid(token) {
		return "the bearer token is not valid"
	}
	return ""
}

// valid compares the token's digest with every configured digest in
// constant time, so neither the token's length nor its position in the list
// shows in the timing.
func (a mutationAuth) valid(token string) bool {
	d := sha256.Sum256([]byte(token))
	match := 0
	for i := range a.digests {
		match |= subtle.ConstantTimeCompare(d[:], a.digests[i][:])
	}
	return match == 1
}

package server

import (
	"context"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/counterpoint-news/counterpoint"
)

// mutationAuth is the one place that guards writes and names the writer:
// a gqlgen operation interceptor that puts the name of the request's token
// into the context (counterpoint.WithEditor: the audit trail records it,
// and the editor query answers it), and refuses a mutation operation, before
// any resolver runs, unless the request carries Authorization: Bearer
// <token> with one of the configured tokens. Queries pass with or without
// one. With no tokens configured every mutation is refused.
type mutationAuth struct {
	tokens *tokenSet
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
} = mutationAuth{}

func (mutationAuth) ExtensionName() string                          { return "CounterpointMutationAuth" }
func (mutationAuth) Validate(schema graphql.ExecutableSchema) error { return nil }

func (a mutationAuth) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	opCtx := graphql.GetOperationContext(ctx)
	name, valid := a.tokens.lookup(opCtx.Headers.Get("Authorization"))
	if valid {
		ctx = counterpoint.WithEditor(ctx, name)
	}
	if opCtx.Operation == nil || opCtx.Operation.Operation != ast.Mutation {
		return next(ctx)
	}
	if msg := a.refuse(opCtx.Headers, valid); msg != "" {
		err := &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": CodeUnauthenticated}}
		if pos := opCtx.Operation.Position; pos != nil {
			err.Locations = []gqlerror.Location{{Line: pos.Line, Column: pos.Column}}
		}
		return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{err}})
	}
	return next(ctx)
}

// refuse returns why the request may not mutate, or "" when it may.
func (a mutationAuth) refuse(h http.Header, valid bool) string {
	switch {
	case valid:
		return ""
	case a.tokens.empty():
		return "mutations are disabled: this server has no API tokens configured"
	}
	scheme, token, ok := strings.Cut(strings.TrimSpace(h.Get("Authorization")), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
		return "mutations need an Authorization: Bearer <token> header"
	}
	return "the bearer token is not valid"
}

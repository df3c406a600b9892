package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/counterpoint-news/counterpoint"
)

// The values of extensions.code. Every error the API returns carries one.
const (
	CodeBadUserInput        = "BAD_USER_INPUT"
	CodeNotFound            = "NOT_FOUND"
	CodeUnauthenticated     = "UNAUTHENTICATED"
	CodeQueryTooComplex     = "QUERY_TOO_COMPLEX"
	CodeStoreUnavailable    = "STORE_UNAVAILABLE"
	CodeRateLimited         = "RATE_LIMITED" // 429 with Retry-After: over RATE_LIMIT (ratelimit.go)
	CodeConflict            = "CONFLICT"     // a write based on a version the node no longer has
	CodeInternal            = "INTERNAL_SERVER_ERROR"
	CodeParseFailed         = errcode.ParseFailed      // GRAPHQL_PARSE_FAILED
	CodeValidationFailed    = errcode.ValidationFailed // GRAPHQL_VALIDATION_FAILED
	CodePersistedQueryMiss  = "PERSISTED_QUERY_NOT_FOUND"
	codeComplexityExceeded  = "COMPLEXITY_LIMIT_EXCEEDED" // gqlgen's ComplexityLimit; presented as QUERY_TOO_COMPLEX
	internalMessage         = "internal error"
	deadlineMessageTemplate = "the request did not finish within %s; try again or ask for less"
	// tokenLimitMessage is gqlparser's error for a document past
	// MAX_TOKENS (parser.go), which has no error value of its own.
	tokenLimitMessage = "exceeded token limit of %d"
)

// domainCodes maps the domain's error codes (error.go) to extensions.code.
var domainCodes = map[string]string{
	counterpoint.EINVALID:      CodeBadUserInput,
	counterpoint.ENOTFOUND:     CodeNotFound,
	counterpoint.EUNAUTHORIZED: CodeUnauthenticated,
	counterpoint.ETOOCOMPLEX:   CodeQueryTooComplex,
	counterpoint.EUNAVAILABLE:  CodeStoreUnavailable,
	counterpoint.ECONFLICT:     CodeConflict,
}

// keptCodes are the codes a *gqlerror.Error made by gqlgen, gqlparser or
// this package may carry through unchanged.
var keptCodes = map[string]string{
	CodeParseFailed:        CodeParseFailed,
	CodeValidationFailed:   CodeValidationFailed,
	CodePersistedQueryMiss: CodePersistedQueryMiss,
	codeComplexityExceeded: CodeQueryTooComplex,
	CodeQueryTooComplex:    CodeQueryTooComplex,
	CodeBadUserInput:       CodeBadUserInput,
	CodeUnauthenticated:    CodeUnauthenticated,
	CodeNotFound:           CodeNotFound,
	CodeStoreUnavailable:   CodeStoreUnavailable,
	CodeRateLimited:        CodeRateLimited,
	CodeConflict:           CodeConflict,
	CodeInternal:           CodeInternal,
}

// errPanic marks an error made from a recovered panic; the presenter turns
// it into INTERNAL_SERVER_ERROR like any other internal error.
var errPanic = errors.New("panic in resolver")

// presenter is the API's one error presenter: every GraphQL error passes
// through it on its way to a response. It decides extensions.code and the
// message; the message of anything internal is replaced with a generic one
// and the details are logged with the request id instead.
func (s *Server) presenter(ctx context.Context, err error) *gqlerror.Error {
	// gqlgen hands resolver errors over wrapped in a *gqlerror.Error that
	// carries the path; its own parse and validation errors are
	// *gqlerror.Error values without a wrapped error.
	var gqlErr *gqlerror.Error
	if !errors.As(err, &gqlErr) {
		gqlErr = gqlerror.WrapIfUnwrapped(err)
	}
	out := &gqlerror.Error{Path: gqlErr.Path, Locations: gqlErr.Locations}
	var domain *counterpoint.Error
	switch {
	case errors.As(err, &domain):
		code, ok := domainCodes[domain.Code]
		if !ok {
			return s.internal(ctx, out, err)
		}
		out.Message = domain.Message
		if code == CodeStoreUnavailable {
			s.logger(ctx).WarnContext(ctx, "graph store unavailable", "error", err.Error(), "path", pathString(out.Path))
		}
		out = withCode(out, code)
		if domain.Field != "" {
			// Where in the input, so that a studio can show it there.
			out.Extensions["field"] = domain.Field
		}
		return out
	case errors.Is(err, context.DeadlineExceeded):
		out.Message = fmt.Sprintf(deadlineMessageTemplate, s.cfg.RequestTimeout)
		s.logger(ctx).WarnContext(ctx, "request deadline exceeded", "error", err.Error(), "path", pathString(out.Path))
		return withCode(out, CodeStoreUnavailable)

	case errors.Is(err, context.Canceled):
		// The client went away; nobody reads this.
		out.Message = "the request was canceled"
		return withCode(out, CodeStoreUnavailable)

	case errors.Is(err, errPanic):
		// Logged with its stack by the recover func already.
		out.Message = internalMessage
		return withCode(out, CodeInternal)

	case gqlErr.Err == nil:
		// Made by gqlgen, gqlparser or this package: the message is safe.
		code, _ := gqlErr.Extensions["code"].(string)
		if kept, ok := keptCodes[code]; ok {
			code = kept
		} else if graphql.GetFieldContext(ctx) == nil {
			// Refused before execution (an APQ hash that does not match
			// the query, say): the client's request is at fault.
			code = CodeBadUserInput
		} else {
			// During execution, an uncoded gqlgen error ("must not be
			// null") means a resolver broke its contract.
			return s.internal(ctx, out, err)
		}
		if code == CodeParseFailed && gqlErr.Message == fmt.Sprintf(tokenLimitMessage, s.cfg.MaxTokens) {
			// Too long a document, not a malformed one (a flood of
			// aliases, say): refused as too complex, as one past the
			// other limits is.
			code = CodeQueryTooComplex
		}
		if code == CodeValidationFailed && isVariablePath(gqlErr.Path) {
			// Variable coercion ("variable.id must be defined").
			code = CodeBadUserInput
		}
		out.Message = gqlErr.Message
		out.Rule = gqlErr.Rule
		return withCode(out, code)

	case isArgumentError(ctx):
		// An argument value gqlgen could not coerce to its Go type. The
		// message names the value and the expected type.
		out.Message = gqlErr.Message
		return withCode(out, CodeBadUserInput)
	}
	return s.internal(ctx, out, err)
}

// internal logs err with the request id and returns a generic error.
func (s *Server) internal(ctx context.Context, out *gqlerror.Error, err error) *gqlerror.Error {
	s.logger(ctx).ErrorContext(ctx, "internal error", "error", err.Error(), "path", pathString(out.Path))
	out.Message = internalMessage
	return withCode(out, CodeInternal)
}

// recoverFunc turns a panic in a resolver into an error the presenter
// shows as INTERNAL_SERVER_ERROR, and logs the panic with its stack.
func (s *Server) recoverFunc(ctx context.Context, p any) error {
	s.logger(ctx).ErrorContext(ctx, "panic in resolver", "panic", fmt.Sprint(p), "path", pathString(graphql.GetPath(ctx)), "stack", string(debug.Stack()))
	return errPanic
}

// isArgumentError reports whether the error being presented arose while
// gqlgen coerced the current field's arguments: the field has arguments
// but they were never set.
func isArgumentError(ctx context.Context) bool {
	fc := graphql.GetFieldContext(ctx)
	return fc != nil && fc.Args == nil && fc.Field.Field != nil && len(fc.Field.Arguments) > 0
}

// isVariablePath reports whether a validation error concerns a variable's
// value: gqlparser puts such errors on the path variable.<name>.
func isVariablePath(p ast.Path) bool {
	if len(p) == 0 {
		return false
	}
	name, ok := p[0].(ast.PathName)
	return ok && name == "variable"
}

// httpStatus is the HTTP status of an answer refused with the given
// extensions.code: the one place where codes become statuses, for the
// GraphQL transports (statusFor), the rate limit and the downloads alike.
func httpStatus(code string) int {
	switch code {
	case CodeUnauthenticated:
		return http.StatusUnauthorized
	case CodeNotFound:
		return http.StatusNotFound
	case CodeConflict:
		return http.StatusConflict
	case CodeRateLimited:
		return http.StatusTooManyRequests
	case CodeStoreUnavailable:
		return http.StatusServiceUnavailable
	case CodeInternal:
		return http.StatusInternalServerError
	}
	return http.StatusBadRequest
}

// httpError answers a request outside GraphQL (a download) that failed
// with err, with the status of its code: the domain's message for a
// client's mistake, a generic one (and a log line) for anything internal.
func (s *Server) httpError(w http.ResponseWriter, r *http.Request, err error, what string, logAttrs ...any) {
	code := CodeInternal
	message := what + " failed"
	var domain *counterpoint.Error
	switch {
	case errors.As(err, &domain) && domainCodes[domain.Code] != "":
		code, message = domainCodes[domain.Code], domain.Message
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled):
		code = CodeStoreUnavailable
	}
	switch code {
	case CodeStoreUnavailable:
		message = "the graph store is unavailable; try again shortly"
		s.logger(r.Context()).WarnContext(r.Context(), "graph store unavailable", append([]any{"what", what, "error", err.Error()}, logAttrs...)...)
	case CodeInternal:
		s.logger(r.Context()).ErrorContext(r.Context(), what+" failed", append([]any{"error", err.Error()}, logAttrs...)...)
	}
	http.Error(w, message, httpStatus(code))
}

func withCode(e *gqlerror.Error, code string) *gqlerror.Error {
	e.Extensions = map[string]any{"code": code}
	return e
}

// codeOf returns an error's extensions.code.
func codeOf(e *gqlerror.Error) string {
	if e == nil {
		return ""
	}
	code, _ := e.Extensions["code"].(string)
	return code
}

func pathString(p ast.Path) string {
	if len(p) == 0 {
		return ""
	}
	return p.String()
}

// logger returns the request's logger (with its request id) when ctx has
// one, else the server's.
func (s *Server) logger(ctx context.Context) *slog.Logger {
	if info := requestInfoFrom(ctx); info != nil {
		return s.log.With("request_id", info.id)
	}
	return s.log
}

package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/counterpoint-news/counterpoint/internal/jsonutf8"
)

// The response media types of the GraphQL-over-HTTP specification.
const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// httpTransport is the GET and POST side of GraphQL over HTTP, written to the
// GraphQL-over-HTTP specification (the graphql-http audit passes every MUST,
// SHOULD and MAY). It replaces gqlgen's transport.GET and transport.POST,
// which answer 422 to parse and validation errors under application/json
// and always send "data": null.
//
// Status codes:
//
//   - A request that is not a well-formed GraphQL-over-HTTP request gets a
//     4xx whatever the media type: 400 for a body that is not a JSON object,
//     a missing query or parameters of the wrong type; 413 for a body over
//     MAX_BODY_BYTES; 415 for a POST that is not Content-Type:
//     application/json (UTF-8); 406 when Accept names neither response
//     media type; 405 for a mutation over GET (with Allow: POST) and for
//     methods other than GET, POST and OPTIONS. The body is a GraphQL
//     response with one error whose code is BAD_USER_INPUT, and no data.
//   - application/json: every well-formed request gets 200, whatever GraphQL
//     errors it raised (parse, validation, variable coercion, limits,
//     authentication, execution).
//   - application/graphql-response+json: 200 when the operation executed
//     (the response has data, even null); otherwise, by the first error's
//     code (client errors before server errors), as httpStatus maps codes:
//     UNAUTHENTICATED 401 (with WWW-Authenticate: Bearer), STORE_UNAVAILABLE
//     503, INTERNAL_SERVER_ERROR 500, anything else (parse, validation,
//     variable coercion, QUERY_TOO_COMPLEX, PERSISTED_QUERY_NOT_FOUND, ...) 400.
//
// A response never has a "data" entry unless the operation executed.
type httpTransport struct {
	method string // http.MethodGet or http.MethodPost
	srv    *Server
}

var _ graphql.Transport = httpTransport{}

func (t httpTransport) Supports(r *http.Request) bool { return r.Method == t.method }

func (t httpTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	ctx := r.Context()
	info := requestInfoFrom(ctx)
	w.Header().Add("Vary", "Accept")
	media, ok := negotiate(r.Header.Values("Accept"))
	if !ok {
		t.srv.writeRequestError(w, r, mediaJSON, http.StatusNotAcceptable,
			"none of the media types in the Accept header is available; accept application/graphql-response+json or application/json")
		return
	}

	start := graphql.Now()
	var raw *graphql.RawParams
	var perr *paramError
	if t.method == http.MethodGet {
		raw, perr = readGET(r)
	} else {
		raw, perr = t.readPOST(r)
	}
	if perr != nil {
		t.srv.writeRequestError(w, r, media, perr.status, perr.message)
		return
	}
	if bad := loneSurrogate(raw.Query); bad != "" {
		t.srv.writeRequestError(w, r, media, http.StatusBadRequest, "the query is not valid UTF-8: "+bad+" of the GraphQL document")
		return
	}
	raw.Headers = r.Header
	raw.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	if info != nil {
		info.operation = raw.OperationName
	}

	opCtx, errs := exec.CreateOperationContext(ctx, raw)
	if info != nil && opCtx != nil && opCtx.Operation != nil {
		info.operation = opCtx.Operation.Name
	}
	if errs != nil {
		t.srv.writeResponse(w, r, media, exec.DispatchError(graphql.WithOperationContext(ctx, opCtx), errs))
		return
	}
	if t.method == http.MethodGet && opCtx.Operation.Operation != ast.Query {
		w.Header().Set("Allow", http.MethodPost)
		t.srv.writeRequestError(w, r, media, http.StatusMethodNotAllowed,
			fmt.Sprintf("GET requests can only run queries; send the %s with POST", opCtx.Operation.Operation))
		return
	}

	// A query's answer may be in the response cache (respcache.go).
	var key cacheKey
	cacheable := false
	if c := t.srv.cache; c != nil && opCtx.Operation.Operation == ast.Query {
		scope, valid := t.srv.tokens.lookup(r.Header.Get("Authorization"))
		if !valid {
			scope = ""
		}
		if key, cacheable = c.key(ctx, opCtx.RawQuery, opCtx.OperationName, raw.Variables, scope); cacheable {
			if body, ok := c.get(key); ok {
				t.srv.writeBody(w, media, http.StatusOK, body)
				return
			}
		}
	}

	responses, ctx := exec.DispatchOperation(ctx, opCtx)
	resp := responses(ctx)
	if resp == nil {
		// The request's context ended before execution started.
		msg := "the request was canceled"
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			msg = fmt.Sprintf(deadlineMessageTemplate, t.srv.cfg.RequestTimeout)
		}
		resp = &graphql.Response{Errors: gqlerror.List{withCode(&gqlerror.Error{Message: msg}, CodeStoreUnavailable)}}
	}
	if cacheable && len(resp.Errors) == 0 && len(resp.Data) > 0 {
		buf := getBuffer()
		defer putBuffer(buf)
		if err := encodeResponse(buf, resp); err == nil {
			t.srv.cache.add(key, bytes.Clone(buf.Bytes()))
			t.srv.writeBody(w, media, http.StatusOK, buf.Bytes())
			return
		}
	}
	t.srv.writeResponse(w, r, media, resp)
}

// paramError is a request that is not a well-formed GraphQL-over-HTTP
// request.
type paramError struct {
	status  int
	message string
}

func badRequest(format string, args ...any) *paramError {
	return &paramError{status: http.StatusBadRequest, message: fmt.Sprintf(format, args...)}
}

func (t httpTransport) readPOST(r *http.Request) (*graphql.RawParams, *paramError) {
	ct := r.Header.Get("Content-Type")
	mt, params, err := mime.ParseMediaType(ct)
	if ct == "" || err != nil || mt != mediaJSON {
		return nil, &paramError{http.StatusUnsupportedMediaType, "send the request as JSON with Content-Type: application/json"}
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") && !strings.EqualFold(cs, "utf8") {
		return nil, &paramError{http.StatusUnsupportedMediaType, fmt.Sprintf("the request body must be UTF-8, not %s", cs)}
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return nil, &paramError{http.StatusRequestEntityTooLarge, fmt.Sprintf("the request body is larger than the limit of %d bytes", tooLarge.Limit)}
		}
		return nil, badRequest("the request body could not be read")
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, badRequest(`the request body is empty; send a JSON object such as {"query": "{ __typename }"}`)
	}
	// encoding/json would quietly turn invalid UTF-8 (and lone surrogate
	// escapes) in a variable into U+FFFD, and a mutation would store words
	// nobody sent.
	if bad := jsonutf8.Check(body); len(bad) > 0 {
		return nil, badRequest("the request body is not valid UTF-8: %s", bad[0])
	}
	var fields map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&fields); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return nil, badRequest("the request body must be a JSON object, not %s", typeErr.Value)
		}
		return nil, badRequest("the request body is not valid JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, badRequest("the request body must hold one JSON object and nothing after it")
	}
	if fields == nil {
		return nil, badRequest("the request body must be a JSON object, not null")
	}

	raw := &graphql.RawParams{}
	hasQuery := false
	if v, ok := fields["query"]; ok && !isNull(v) {
		if json.Unmarshal(v, &raw.Query) != nil {
			return nil, badRequest("query must be a string holding a GraphQL document")
		}
		hasQuery = true
	}
	if v, ok := fields["operationName"]; ok && !isNull(v) {
		if json.Unmarshal(v, &raw.OperationName) != nil {
			return nil, badRequest("operationName must be a string")
		}
	}
	if v, ok := fields["variables"]; ok {
		m, err := decodeObject(v)
		if err != nil {
			return nil, badRequest("variables must be a JSON object")
		}
		raw.Variables = m
	}
	if v, ok := fields["extensions"]; ok {
		m, err := decodeObject(v)
		if err != nil {
			return nil, badRequest("extensions must be a JSON object")
		}
		raw.Extensions = m
	}
	if !hasQuery && raw.Extensions["persistedQuery"] == nil {
		return nil, badRequest("the query parameter is missing: send the GraphQL document as a string in query")
	}
	return raw, nil
}

func readGET(r *http.Request) (*graphql.RawParams, *paramError) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, badRequest("the URL query is not valid application/x-www-form-urlencoded")
	}
	for _, name := range []string{"query", "operationName", "variables", "extensions"} {
		v := q.Get(name)
		if !utf8.ValidString(v) {
			return nil, badRequest("the URL parameter %s is not valid UTF-8", name)
		}
		if name == "variables" || name == "extensions" {
			if bad := jsonutf8.Check([]byte(v)); len(bad) > 0 {
				return nil, badRequest("the URL parameter %s is not valid UTF-8: %s", name, bad[0])
			}
		}
	}
	raw := &graphql.RawParams{Query: q.Get("query"), OperationName: q.Get("operationName")}
	if s := q.Get("variables"); s != "" {
		m, err := decodeObject([]byte(s))
		if err != nil {
			return nil, badRequest("variables must be a JSON object, URL-encoded")
		}
		raw.Variables = m
	}
	if s := q.Get("extensions"); s != "" {
		m, err := decodeObject([]byte(s))
		if err != nil {
			return nil, badRequest("extensions must be a JSON object, URL-encoded")
		}
		raw.Extensions = m
	}
	if !q.Has("query") && raw.Extensions["persistedQuery"] == nil {
		return nil, badRequest("the query parameter is missing: send the GraphQL document in the URL's query parameter")
	}
	return raw, nil
}

// decodeObject decodes a JSON object, or null (nil map), keeping numbers as
// json.Number as gqlgen expects of variables.
func decodeObject(b []byte) (map[string]any, error) {
	if isNull(b) {
		return nil, nil
	}
	b = bytes.TrimSpace(b)
	if len(b) == 0 || b[0] != '{' {
		return nil, errors.New("not an object")
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("trailing data")
	}
	return m, nil
}

func isNull(b []byte) bool { return bytes.Equal(bytes.TrimSpace(b), []byte("null")) }

// negotiate picks the response media type from the Accept header, following
// RFC 9110: each of the two media types gets the quality of the most
// specific range that matches it; the higher quality wins, then the range
// listed first; */* and application/* alone mean application/json. No
// Accept header (or an empty one) means application/json, as the graphql-http
// audit expects (SHOULD 80D8). ok is false when neither type is acceptable.
func negotiate(values []string) (media string, ok bool) {
	type match struct {
		q           float64
		specificity int // 0 none, 1 */*, 2 application/*, 3 exact
		pos         int
	}
	var best [2]match // 0: application/json, 1: application/graphql-response+json
	types := [2]string{mediaJSON, mediaGraphQLResponse}
	pos, seen := 0, false
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			seen = true
			pos++
			mt, params, err := mime.ParseMediaType(part)
			if err != nil {
				continue
			}
			q := 1.0
			if s, ok := params["q"]; ok {
				if q, err = strconv.ParseFloat(s, 64); err != nil || q < 0 || q > 1 {
					continue
				}
			}
			if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") && !strings.EqualFold(cs, "utf8") {
				continue // only UTF-8 is served
			}
			for i, t := range types {
				spec := 0
				switch mt {
				case t:
					spec = 3
				case "application/*":
					spec = 2
				case "*/*":
					spec = 1
				}
				if spec > best[i].specificity {
					best[i] = match{q: q, specificity: spec, pos: pos}
				}
			}
		}
	}
	if !seen {
		return mediaJSON, true
	}
	jsonOK := best[0].specificity > 0 && best[0].q > 0
	gqlOK := best[1].specificity > 0 && best[1].q > 0
	switch {
	case jsonOK && gqlOK:
		j, g := best[0], best[1]
		if g.q > j.q || g.q == j.q && g.pos < j.pos {
			return mediaGraphQLResponse, true
		}
		return mediaJSON, true
	case jsonOK:
		return mediaJSON, true
	case gqlOK:
		return mediaGraphQLResponse, true
	}
	return "", false
}

// methodNotAllowed answers 405 to every method but GET, POST and OPTIONS.
type methodNotAllowed struct{ srv *Server }

func (methodNotAllowed) Supports(r *http.Request) bool {
	switch r.Method {
	case http.MethodGet, http.MethodPost, http.MethodOptions:
		return false
	}
	return true
}

func (m methodNotAllowed) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	w.Header().Set("Allow", "GET, POST, OPTIONS")
	m.srv.writeRequestError(w, r, mediaJSON, http.StatusMethodNotAllowed,
		fmt.Sprintf("%s is not supported on this endpoint; use POST, or GET for queries", r.Method))
}

// writeRequestError answers a request that is not a well-formed
// GraphQL-over-HTTP request.
func (s *Server) writeRequestError(w http.ResponseWriter, r *http.Request, media string, status int, message string) {
	resp := &graphql.Response{Errors: gqlerror.List{withCode(&gqlerror.Error{Message: message}, CodeBadUserInput)}}
	s.write(w, r, media, status, resp)
}

// writeResponse answers a well-formed request with its GraphQL response,
// choosing the status code from the media type and the response.
func (s *Server) writeResponse(w http.ResponseWriter, r *http.Request, media string, resp *graphql.Response) {
	s.write(w, r, media, statusFor(media, resp), resp)
}

func statusFor(media string, resp *graphql.Response) int {
	if len(resp.Data) > 0 || media == mediaJSON || len(resp.Errors) == 0 {
		return http.StatusOK
	}
	status := 0
	for _, e := range resp.Errors {
		st := httpStatus(codeOf(e))
		if status == 0 || status >= 500 && st < 500 {
			status = st
		}
	}
	return status
}

func (s *Server) write(w http.ResponseWriter, r *http.Request, media string, status int, resp *graphql.Response) {
	info := requestInfoFrom(r.Context())
	for _, e := range resp.Errors {
		code := codeOf(e)
		if code == "" {
			code = CodeInternal
		}
		s.metrics.countError(code)
		if info != nil && len(info.errorCodes) < 10 {
			info.errorCodes = append(info.errorCodes, code)
		}
	}
	buf := getBuffer()
	defer putBuffer(buf)
	var body []byte
	if err := encodeResponse(buf, resp); err != nil {
		s.log.Error("encoding a GraphQL response", "error", err.Error())
		status = http.StatusInternalServerError
		body = []byte(`{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}`)
	} else {
		body = buf.Bytes()
	}
	s.writeBody(w, media, status, body)
}

// responseBuffers hold encoded answers between requests, so that an answer
// is written once into a buffer that has already grown to an answer's size.
var responseBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledBuffer is the largest buffer kept for reuse: one huge answer
// must not pin its memory.
const maxPooledBuffer = 1 << 20

func getBuffer() *bytes.Buffer { return responseBuffers.Get().(*bytes.Buffer) }

func putBuffer(b *bytes.Buffer) {
	if b.Cap() > maxPooledBuffer {
		return
	}
	b.Reset()
	responseBuffers.Put(b)
}

// writeBody sends an encoded GraphQL response.
func (s *Server) writeBody(w http.ResponseWriter, media string, status int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", media+"; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if status == http.StatusUnauthorized {
		h.Set("WWW-Authenticate", `Bearer realm="counterpoint"`)
	}
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// encodeResponse writes a GraphQL response with its errors first and with
// a data entry only when there is data (even null): a request that never
// reached execution must not have one.
func encodeResponse(buf *bytes.Buffer, resp *graphql.Response) error {
	buf.Reset()
	buf.Grow(len(resp.Data) + 64)
	buf.WriteByte('{')
	sep := func() {
		if buf.Len() > 1 {
			buf.WriteByte(',')
		}
	}
	if len(resp.Errors) > 0 {
		b, err := json.Marshal(resp.Errors)
		if err != nil {
			return err
		}
		buf.WriteString(`"errors":`)
		buf.Write(b)
	}
	if len(resp.Data) > 0 {
		sep()
		buf.WriteString(`"data":`)
		buf.Write(resp.Data)
	}
	if len(resp.Extensions) > 0 {
		b, err := json.Marshal(resp.Extensions)
		if err != nil {
			return err
		}
		sep()
		buf.WriteString(`"extensions":`)
		buf.Write(b)
	}
	buf.WriteByte('}')
	return nil
}

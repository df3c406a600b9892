package mix

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// limitRequestBytes bounds a request to the limit over HTTP: a query's
// name and a handful of arguments.
const limitRequestBytes = 1 << 16

// LimitHandler serves the limit over HTTP. A POST of {"query": NAME,
// "variables": PARAMS} (what Client.Post sends) runs query NAME of queries
// through r, as the limit does in the load generator's own process, and
// answers {"data": {"lines": [...]}}, the limit's canonical lines: the
// limit's work plus net/http and encoding/json on both ends, with no
// GraphQL, no loaders and no middleware. GET /healthz answers 200.
func LimitHandler(r *Raw, queries []*Query) http.Handler {
	byName := make(map[string]*Query, len(queries))
	for _, q := range queries {
		byName[q.Name] = q
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	mux.HandleFunc("POST /query", func(w http.ResponseWriter, req *http.Request) {
		var body struct {
			Query     string         `json:"query"`
			Variables map[string]any `json:"variables"`
		}
		dec := json.NewDecoder(http.MaxBytesReader(w, req.Body, limitRequestBytes))
		dec.UseNumber()
		if err := dec.Decode(&body); err != nil {
			limitError(w, http.StatusBadRequest, fmt.Errorf("request body: %v", err))
			return
		}
		q, ok := byName[body.Query]
		if !ok {
			limitError(w, http.StatusBadRequest, fmt.Errorf("no query %q in the mix", body.Query))
			return
		}
		lines, err := q.Raw(req.Context(), r, limitParams(body.Variables))
		if err != nil {
			limitError(w, http.StatusInternalServerError, fmt.Errorf("query %q: %v", body.Query, err))
			return
		}
		if lines == nil {
			lines = []string{}
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"data": map[string]any{"lines": lines}})
	})
	return mux
}

// limitParams turns the posted variables, decoded with UseNumber, back
// into the Params the mix drew: JSON has one number type, and the limit's
// queries take whole numbers as int.
func limitParams(vars map[string]any) Params {
	p := make(Params, len(vars))
	for k, v := range vars {
		if n, ok := v.(json.Number); ok {
			if i, err := n.Int64(); err == nil {
				v = int(i)
			} else if f, err := n.Float64(); err == nil {
				v = f
			}
		}
		p[k] = v
	}
	return p
}

func limitError(w http.ResponseWriter, status int, err error) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"errors": []map[string]string{{"message": err.Error()}}})
}

// limitLines reads the lines of an answer of LimitHandler.
func limitLines(body []byte) ([]string, error) {
	data, err := Decode(body)
	if err != nil {
		return nil, err
	}
	raw, ok := data["lines"].([]any)
	if !ok {
		return nil, fmt.Errorf("the limit over HTTP answered no lines: %.200s", body)
	}
	lines := make([]string, len(raw))
	for i, l := range raw {
		if lines[i], ok = l.(string); !ok {
			return nil, fmt.Errorf("the limit over HTTP answered a line that is not a string: %v", l)
		}
	}
	return lines, nil
}

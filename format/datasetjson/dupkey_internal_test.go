package datasetjson

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/counterpoint-news/counterpoint/loader"
)

// duplicateKeyByTokens is duplicateKey as it was written first, on
// encoding/json's tokenizer: slow, and plainly right, so the one-pass
// scanner is checked against it.
func duplicateKeyByTokens(b []byte) (string, string, bool) {
	type frame struct {
		path   loader.Path
		object bool
		keys   map[string]bool
		key    string // the object's key whose value comes next
		atKey  bool   // the object's next token is a key
		index  int    // the array's next index
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	var stack []*frame
	// child is the path of the value about to be read.
	child := func() loader.Path {
		if len(stack) == 0 {
			return loader.Root
		}
		top := stack[len(stack)-1]
		if top.object {
			return top.path.Field(top.key)
		}
		top.index++
		return top.path.Index(top.index - 1)
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			return "", "", false // the end, or a syntax error reported elsewhere
		}
		if len(stack) > 0 {
			if top := stack[len(stack)-1]; top.object && top.atKey {
				if k, ok := tok.(string); ok {
					if top.keys[k] {
						return string(top.path), k, true
					}
					top.keys[k], top.key, top.atKey = true, k, false
					continue
				}
			}
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{path: child(), object: true, keys: map[string]bool{}, atKey: true})
			continue
		case json.Delim('['):
			stack = append(stack, &frame{path: child()})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		default:
			child()
		}
		// A value has ended: the enclosing object waits for its next key.
		if len(stack) > 0 && stack[len(stack)-1].object {
			stack[len(stack)-1].atKey = true
		}
	}
}

// FuzzDuplicateKey: on any well-formed JSON, the one-pass scanner finds
// the same first key given twice, at the same place, as the tokenizer.
//
//	go test -run '^$' -fuzz FuzzDuplicateKey -fuzztime 1m ./format/datasetjson
func FuzzDuplicateKey(f *testing.F) {
	for _, s := range []string{
		`{}`, `[]`, `"x"`, `{"a":1,"a":2}`, `{"a":{"b":[1,{"c":1,"c":2}]}}`, `[{"a":1},{"a":1,"a":2}]`,
		`{"a\u0062":1,"ab":2}`, `{"a":"}\"{","a":1}`, "{\"\xff\":1,\"\xfe\":2}",
		`{"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":0,"k11":1,"k12":2,"k13":3,"k14":4,"k15":5,"k16":6,"k3":7}`,
		`{"id":"d","claims":[{"id":"c","assertions":"","assertions":[]}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if !json.Valid(b) {
			return
		}
		at, key, ok := duplicateKey(b)
		wantAt, wantKey, wantOK := duplicateKeyByTokens(b)
		if at != wantAt || key != wantKey || ok != wantOK {
			t.Errorf("duplicateKey(%q) = %q, %q, %v; the tokenizer says %q, %q, %v", b, at, key, ok, wantAt, wantKey, wantOK)
		}
	})
}

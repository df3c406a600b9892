package datasetjson

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// splitByTokens is how topLevel and elements split a document when they
// were written on encoding/json's tokenizer: slow, and plainly right, so
// the scanners are checked against it.
func splitByTokens(b []byte) (keys []string, values [][]byte, elems [][]byte) {
	b = bytes.TrimSpace(b)
	dec := json.NewDecoder(bytes.NewReader(b))
	tok, err := dec.Token()
	if err != nil {
		return nil, nil, nil
	}
	var raw json.RawMessage
	switch tok {
	case json.Delim('{'):
		for dec.More() {
			tok, _ := dec.Token()
			start := dec.InputOffset()
			if err := dec.Decode(&raw); err != nil {
				return nil, nil, nil
			}
			keys = append(keys, tok.(string))
			values = append(values, bytes.TrimLeft(b[start:dec.InputOffset()], " \t\r\n:"))
		}
	case json.Delim('['):
		for dec.More() {
			start := dec.InputOffset()
			if err := dec.Decode(&raw); err != nil {
				return nil, nil, nil
			}
			elems = append(elems, bytes.TrimLeft(b[start:dec.InputOffset()], " \t\r\n,"))
		}
	}
	return keys, values, elems
}

// FuzzSplit: on any well-formed JSON, topLevel gives the members of an
// object, and elements the elements of an array, byte for byte as the
// tokenizer does, keys decoded as encoding/json decodes them.
//
//	go test -run '^$' -fuzz FuzzSplit -fuzztime 1m ./format/datasetjson
func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		`{}`, `[]`, ` [ ] `, `"x"`, `12`, `{"a":1,"b":[1,2,{"c":"]"}],"d":null}`, "[ 1 ,\n\"a\\\"]\" , true,false,null,-1.5e3, {\"x\":[]} ]",
		`{"a\u0062":1,"\"":2, "k" : "v" }`, "{\"\xff\":1}", `[[],[[]],{},{"a":{}}]`, `{"id":"d","claims":[{"id":"c","text":"a \"quoted\" word"}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if !json.Valid(b) {
			return
		}
		wantKeys, wantValues, wantElems := splitByTokens(b)
		members, _ := topLevel(b)
		var keys []string
		var values [][]byte
		for _, m := range members {
			keys, values = append(keys, m.key), append(values, m.value)
		}
		if !reflect.DeepEqual(keys, wantKeys) || !reflect.DeepEqual(values, wantValues) {
			t.Errorf("topLevel(%q): keys %q, values %q; the tokenizer gives %q, %q", b, keys, values, wantKeys, wantValues)
		}
		if trimmed := bytes.TrimSpace(b); trimmed[0] == '[' {
			var elems [][]byte
			elements(trimmed, func(i int, el []byte) {
				if i != len(elems) {
					t.Errorf("elements(%q): element %d numbered %d", b, len(elems), i)
				}
				elems = append(elems, el)
			})
			if !reflect.DeepEqual(elems, wantElems) {
				t.Errorf("elements(%q) = %q; the tokenizer gives %q", b, elems, wantElems)
			}
		}
	})
}

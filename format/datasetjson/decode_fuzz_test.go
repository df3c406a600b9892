package datasetjson_test

import (
	"errors"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/format/datasetjson"
	"github.com/counterpoint-news/counterpoint/internal/datasettest"
	"github.com/counterpoint-news/counterpoint/loader"
)

// FuzzDecodeValidate: Reader.Decode and loader.Validate take any bytes without
// panicking; every problem says where it is (a JSON path, or a line and
// column), and a dataset comes back exactly when Decode found no problem
// that stops decoding.
//
//	go test -run '^$' -fuzz FuzzDecodeValidate -fuzztime 3m ./format/datasetjson
func FuzzDecodeValidate(f *testing.F) {
	const text = "Minister: “We will build it.” Critic: \"It will never pay.\"\n"
	for _, s := range []string{
		`{}`, `null`, `[]`, `{"id":"x"`, "\xff", `{"id":"\ud800"}`,
		`{"id":"d","title":"T","sources":[],"actors":[],"claims":[]}`,
		`{"id":"d","title":"T","sources":[{"id":"s","title":"S","kind":"ARTICLE","textFile":"t.txt"}],` +
			`"actors":[{"id":"a","name":"A","kind":"PERSON"},{"id":"b","name":"B","kind":"PERSON","memberOf":["zz"]}],` +
			`"claims":[{"id":"c","text":"We will build it.","assertions":[{"actor":"a","source":"s","attribution":"ON_RECORD"}],` +
			`"quotes":[{"text":"We will build it.","kind":"DIRECT","source":"s","start":11,"end":28}]},` +
			`{"id":"c2","text":"It will never pay.","assertions":[{"actor":"b","source":"s","attribution":"ON_RECORD"}],` +
			`"quotes":[{"text":"It will never pay","source":"s","start":40,"end":99}]}],` +
			`"relations":[{"kind":"REBUTS","from":"c2","to":"c","evidence":[{"text":"never","source":"s","start":-1,"end":3}]}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		readText := func(rel string) ([]byte, error) {
			if rel == "t.txt" {
				return []byte(text), nil
			}
			return nil, errors.New("no such file")
		}
		ds, problems := datasetjson.Reader.Decode("fuzz.json", b, readText)
		datasettest.CheckProblems(t, "fuzz.json", "Decode", problems)
		if ds == nil {
			if len(problems) == 0 {
				t.Fatalf("no dataset and no problem for %q", b)
			}
			return
		}
		datasettest.CheckProblems(t, "fuzz.json", "Validate", loader.Validate("fuzz.json", ds))
		// The domain's own error is a list of EINVALID problems, each with a
		// field, or nothing.
		if err := ds.Validate(); err != nil {
			var ps counterpoint.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("Dataset.Validate returned %T, not Problems: %v", err, err)
			}
			for _, p := range ps {
				if p.Code != counterpoint.EINVALID || p.Message == "" {
					t.Fatalf("Dataset.Validate: problem %+v", p)
				}
			}
		}
	})
}

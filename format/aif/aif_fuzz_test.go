package aif

import (
	"bytes"
	"slices"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/datasettest"
	"github.com/counterpoint-news/counterpoint/loader"
)

// FuzzDecodeAIF: the AIF format takes any bytes without panicking; every
// problem names the file and a place; what it returns, with the
// propositions no one puts forward left out as the loader does, passes the
// domain's checks, so that --skip-invalid can always load the rest; and a
// map it reads cleanly, written with Encode and read again, gives the
// same claims, quotes and relations. Seeds: testdata/fuzz/FuzzDecodeAIF.
//
//	go test -run '^$' -fuzz FuzzDecodeAIF -parallel 1 -fuzztime 10m ./loader
func FuzzDecodeAIF(f *testing.F) {
	f.Add([]byte(`{"nodes":[{"nodeID":1,"text":"Ed Park: The ferry should run every hour.","type":"L"},{"nodeID":"2","text":"Asserting","type":"YA"},{"nodeID":3,"text":"The ferry should run every hour.","type":"I"}],"edges":[{"fromID":1,"toID":"2"},{"fromID":2,"toID":3}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		ds, problems := Reader.Decode("fuzz.json", b, nil)
		datasettest.CheckProblems(t, "fuzz.json", "Decode", problems)
		if ds == nil {
			if len(problems) == 0 {
				t.Fatalf("no dataset and no problem for %q", b)
			}
			return
		}
		inputs, merged := Reader.(loader.Merger).Merge([]loader.Input{{File: "fuzz.json", Dataset: ds}})
		datasettest.CheckProblems(t, "fuzz.json", "merge", merged)
		ds = inputs[0].Dataset
		if err := ds.Validate(); err != nil {
			t.Fatalf("the AIF format returned a dataset that fails the domain's checks, which --skip-invalid would then refuse whole:\n%v\ninput: %q", err, b)
		}
		if len(problems)+len(merged) > 0 {
			return
		}
		var out bytes.Buffer
		if err := Encode(&out, ds); err != nil {
			t.Fatalf("Encode: %v", err)
		}
		again, ps := Reader.Decode("fuzz.json", out.Bytes(), nil)
		if len(ps) > 0 || again == nil {
			t.Fatalf("the export of a clean map does not read back: %v\ninput: %q\nexport: %s", ps, b, out.Bytes())
		}
		if got, want := aifShape(again), aifShape(ds); !slices.Equal(got, want) {
			t.Fatalf("read back after export:\n%q\nwant:\n%q\ninput: %q\nexport: %s", got, want, b, out.Bytes())
		}
	})
}

// aifShape lists what a round trip through AIF keeps: claims with their
// texts, quotes with their words and stances, relations with their notes.
func aifShape(ds *counterpoint.Dataset) []string {
	var out []string
	for _, c := range ds.Claims {
		out = append(out, "claim "+c.ID+" "+c.Text)
		for _, q := range c.Quotes {
			out = append(out, "quote "+q.ID+" "+q.Text)
		}
		for _, a := range c.Assertions {
			out = append(out, "assertion "+c.ID+" "+a.Actor+" "+string(a.Stance)+" "+string(a.Attribution)+" "+a.Date)
		}
	}
	for _, r := range ds.Relations {
		out = append(out, "relation "+r.Key()+" "+r.Note)
	}
	slices.Sort(out)
	return out
}

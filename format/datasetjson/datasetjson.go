// Package datasetjson is the project's own dataset format: JSON described
// by data/dataset.schema.json, each source's text in a file beside it. It
// reads what curators write (the seed, a backup) and writes what
// `counterpoint export` and the download give back, which loads again.
package datasetjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/data"
	"github.com/counterpoint-news/counterpoint/format/internal/jsontext"
	"github.com/counterpoint-news/counterpoint/internal/files"
	"github.com/counterpoint-news/counterpoint/loader"
)

// Reader reads the project's own dataset files, checking them against
// data/dataset.schema.json first.
var Reader loader.Reader = mustCompileSchema()

// jsonFormat checks a file against the whole schema with its lists
// (sources, actors, claims, relations) left empty, and each element of a
// list against the list's items schema on its own, as it streams past:
// memory for one element at a time, however many there are.
type jsonFormat struct {
	schema *jsonschema.Schema
	items  map[string]*jsonschema.Schema // a list's name: its items' schema
}

// lists are the dataset's lists and the schema's definition of an element.
var lists = map[string]string{"sources": "source", "actors": "actor", "claims": "claim", "relations": "relation"}

func mustCompileSchema() jsonFormat {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data.Schema))
	if err != nil {
		panic(fmt.Sprintf("datasetjson: the embedded dataset schema is not JSON: %v", err))
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(data.SchemaID, doc); err != nil {
		panic(fmt.Sprintf("datasetjson: the embedded dataset schema: %v", err))
	}
	f := jsonFormat{schema: c.MustCompile(data.SchemaID), items: map[string]*jsonschema.Schema{}}
	for list, def := range lists {
		f.items[list] = c.MustCompile(data.SchemaID + "#/$defs/" + def)
	}
	return f
}

// MaxElementValues caps the JSON values (roughly, its commas) of one
// element of a list (a claim, a source, an actor, a relation): a curated
// claim holds a few dozen, and one of millions (a 60 MB array inside a
// claim) would cost the schema check an error each before the cap on
// problems could count them.
const MaxElementValues = 20_000

func (jsonFormat) Name() string { return "json" }

// The file layout of the JSON format; field names are the schema's.
type (
	jsonDataset struct {
		Schema      string         `json:"$schema,omitempty"`
		ID          string         `json:"id"`
		Title       string         `json:"title"`
		Description string         `json:"description,omitempty"`
		Requires    []string       `json:"requires,omitempty"`
		Sources     []jsonSource   `json:"sources"`
		Actors      []jsonActor    `json:"actors"`
		Claims      []jsonClaim    `json:"claims"`
		Relations   []jsonRelation `json:"relations,omitempty"`
	}
	jsonSource struct {
		ID                 string   `json:"id"`
		Title              string   `json:"title"`
		TitleIsDescription bool     `json:"titleIsDescription,omitempty"`
		Kind               string   `json:"kind"`
		Date               string   `json:"date,omitempty"`
		Publisher          string   `json:"publisher,omitempty"`
		URL                string   `json:"url,omitempty"`
		Authors            []string `json:"authors,omitempty"`
		ReportedIn         string   `json:"reportedIn,omitempty"`
		TextFile           string   `json:"textFile,omitempty"`
	}
	jsonActor struct {
		ID          string   `json:"id"`
		Name        string   `json:"name"`
		Kind        string   `json:"kind"`
		Role        string   `json:"role,omitempty"`
		Description string   `json:"description,omitempty"`
		MemberOf    []string `json:"memberOf,omitempty"`
	}
	jsonAssertion struct {
		Actor       string `json:"actor"`
		Source      string `json:"source"`
		Date        string `json:"date,omitempty"`
		Attribution string `json:"attribution"`
		Stance      string `json:"stance,omitempty"`
		Inferred    bool   `json:"inferred,omitempty"`
		Note        string `json:"note,omitempty"`
	}
	jsonQuote struct {
		ID       string `json:"id,omitempty"`
		Text     string `json:"text"`
		Kind     string `json:"kind,omitempty"`
		Source   string `json:"source"`
		Document string `json:"document,omitempty"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
	}
	jsonClaim struct {
		ID           string          `json:"id"`
		Text         string          `json:"text"`
		Date         string          `json:"date,omitempty"`
		DateBound    string          `json:"dateBound,omitempty"`
		DateInferred bool            `json:"dateInferred,omitempty"`
		DateNote     string          `json:"dateNote,omitempty"`
		About        []string        `json:"about,omitempty"`
		Assertions   []jsonAssertion `json:"assertions"`
		Quotes       []jsonQuote     `json:"quotes"`
	}
	jsonRelation struct {
		Kind     string      `json:"kind"`
		From     string      `json:"from"`
		To       string      `json:"to"`
		Source   string      `json:"source,omitempty"`
		Evidence []jsonQuote `json:"evidence,omitempty"`
		Inferred bool        `json:"inferred,omitempty"`
		Note     string      `json:"note,omitempty"`
	}
)

// Encode writes ds in the project's own format, the inverse of
// Reader.Decode (source texts stay in their textFile, which the caller
// writes).
func Encode(w io.Writer, ds *counterpoint.Dataset) error {
	// The lists the format requires are written even when empty ([], not
	// null): a dataset of actors and sources alone is a file that loads.
	out := jsonDataset{ID: ds.ID, Title: ds.Title, Description: ds.Description, Requires: ds.Requires,
		Sources: []jsonSource{}, Actors: []jsonActor{}, Claims: []jsonClaim{}}
	for _, s := range ds.Sources {
		out.Sources = append(out.Sources, jsonSource{ID: s.ID, Title: s.Title, TitleIsDescription: s.TitleIsDescription, Kind: string(s.Kind), Date: s.Date,
			Publisher: s.Publisher, URL: s.URL, Authors: s.Authors, ReportedIn: s.ReportedIn, TextFile: s.TextFile})
	}
	for _, a := range ds.Actors {
		out.Actors = append(out.Actors, jsonActor{ID: a.ID, Name: a.Name, Kind: string(a.Kind), Role: a.Role,
			Description: a.Description, MemberOf: a.MemberOf})
	}
	for _, c := range ds.Claims {
		jc := jsonClaim{ID: c.ID, Text: c.Text, Date: c.Date, About: c.About, DateInferred: c.DateInferred, DateNote: c.DateNote}
		if c.DateBound.OrDefault() != counterpoint.DateIn {
			jc.DateBound = string(c.DateBound)
		}
		for _, a := range c.Assertions {
			jc.Assertions = append(jc.Assertions, jsonAssertion{Actor: a.Actor, Source: a.Source, Date: a.Date, Attribution: string(a.Attribution), Stance: string(a.Stance),
				Inferred: a.Inferred, Note: a.Note})
		}
		for _, q := range c.Quotes {
			jc.Quotes = append(jc.Quotes, encodeQuote(q))
		}
		out.Claims = append(out.Claims, jc)
	}
	for _, r := range ds.Relations {
		jr := jsonRelation{Kind: string(r.Kind), From: r.From, To: r.To, Source: r.Source, Inferred: r.Inferred, Note: r.Note}
		for _, q := range r.Evidence {
			jr.Evidence = append(jr.Evidence, encodeQuote(q))
		}
		out.Relations = append(out.Relations, jr)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// TextDir is the folder, beside a dataset file, in which WriteFile puts
// the source texts: sources/<source id>.txt.
const TextDir = "sources"

// WriteFile writes ds to file in the project's own format, indented as
// the curated files are, and the text of each source that has one to
// TextDir/<source id>.txt beside it, which its textFile names (a source id
// is a slug, so the path stays in that folder). The dataset file is written
// to a temporary file and renamed, so a reader never sees half of it. ds is
// not changed.
func WriteFile(file string, ds *counterpoint.Dataset) error {
	indented, texts, err := encodeWithTexts(ds)
	if err != nil {
		return err
	}
	dir := filepath.Dir(file)
	for _, t := range texts {
		if err := os.MkdirAll(filepath.Join(dir, TextDir), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(t.path)), []byte(t.text), 0o644); err != nil {
			return err
		}
	}
	return files.WriteAtomic(file, indented)
}

// Files are the files of what WriteFile writes, for a zip archive:
// <dataset id>.json and its TextDir, so that one download unpacks into a
// dataset that `counterpoint load` reads.
func Files(ds *counterpoint.Dataset) ([]files.File, error) {
	indented, texts, err := encodeWithTexts(ds)
	if err != nil {
		return nil, err
	}
	var out []files.File
	for _, f := range append([]textFile{{ds.ID + ".json", string(indented)}}, texts...) {
		out = append(out, files.File{Name: f.path, Write: func(w io.Writer) error {
			_, err := io.WriteString(w, f.text)
			return err
		}})
	}
	return out, nil
}

// textFile is a file of an export: its slash-separated path and content.
type textFile struct{ path, text string }

// encodeWithTexts encodes ds, indented, with each source's textFile set to
// TextDir/<source id>.txt, and returns those texts.
func encodeWithTexts(ds *counterpoint.Dataset) ([]byte, []textFile, error) {
	out := *ds
	out.Sources = slices.Clone(ds.Sources)
	var texts []textFile
	for i, s := range out.Sources {
		out.Sources[i].TextFile = ""
		if s.Text == "" {
			continue
		}
		rel := TextDir + "/" + s.ID + ".txt"
		texts = append(texts, textFile{rel, s.Text})
		out.Sources[i].TextFile = rel
	}
	var compact, indented bytes.Buffer
	if err := Encode(&compact, &out); err != nil {
		return nil, nil, err
	}
	if err := json.Indent(&indented, compact.Bytes(), "", "  "); err != nil {
		return nil, nil, err
	}
	return indented.Bytes(), texts, nil
}

func (f jsonFormat) Decode(file string, b []byte, readText func(string) ([]byte, error)) (*counterpoint.Dataset, loader.Problems) {
	if problems := jsontext.Check(file, b, "a dataset is one JSON object"); problems != nil {
		return nil, problems
	}
	if !json.Valid(b) {
		// Unmarshal checks the syntax before it builds anything.
		var v any
		err := json.Unmarshal(b, &v)
		return nil, loader.Problems{{File: file, Path: jsontext.SyntaxPosition(b, err), Message: "malformed JSON: " + err.Error()}}
	}
	// A key given twice would be checked by the schema with one value and
	// decoded with the other: refuse it, saying where, whatever else is
	// wrong. The search runs beside the rest of the reading.
	twice := make(chan loader.Problems, 1)
	go func() {
		if at, key, ok := duplicateKey(b); ok {
			twice <- loader.Problems{{File: file, Path: at, Message: fmt.Sprintf("malformed JSON: key %q is given twice", key)}}
		}
		close(twice)
	}()
	ds, problems := f.decodeMembers(file, b, readText)
	if ps, ok := <-twice; ok {
		return nil, ps
	}
	return ds, problems
}

// decodeMembers is Decode once the file is known to be well-formed JSON.
func (f jsonFormat) decodeMembers(file string, b []byte, readText func(string) ([]byte, error)) (*counterpoint.Dataset, loader.Problems) {
	members, top := topLevel(b)
	var problems loader.ProblemList
	// The whole schema sees the file with its lists empty, and every
	// other value as it is, or, for an array or object where the schema
	// wants a string, an empty one of its kind (the same error, without
	// its bytes).
	if err := f.schema.Validate(top); err != nil {
		problems.AddErr(file, loader.Root, err, schemaProblems)
	}
	if _, ok := top.(map[string]any); !ok {
		return nil, problems.Problems()
	}
	ds := &counterpoint.Dataset{}
	ds.ID, _ = top.(map[string]any)["id"].(string)
	ds.Title, _ = top.(map[string]any)["title"].(string)
	ds.Description, _ = top.(map[string]any)["description"].(string)
	if req, ok := top.(map[string]any)["requires"].([]any); ok {
		for _, id := range req {
			if id, ok := id.(string); ok {
				ds.Requires = append(ds.Requires, id)
			}
		}
	}
	schemaOK := problems.Len() == 0
	for _, m := range members {
		item, ok := f.items[m.key]
		if !ok || len(m.value) == 0 || m.value[0] != '[' {
			continue
		}
		// Elements are checked and decoded a chunk at a time, each on its
		// own, so the work is shared among the cores; what they give is
		// then taken in order, as one pass would take it. A chunk bounds
		// what is held at once (a file of a million broken elements).
		var chunk [][]byte
		results := make([]element, 0, elementChunk)
		done := 0
		take := func() {
			results = results[:len(chunk)]
			loader.EachParallel(len(chunk), func(i int) { results[i] = checkElement(item, m.key, chunk[i]) })
			for i := range results {
				r := &results[i]
				at := loader.Root.Field(m.key).Index(done + i)
				switch {
				case r.values > MaxElementValues:
					problems.Add(loader.Problem{File: file, Path: string(at), Message: fmt.Sprintf("schema: one element holding more than %d JSON values (%d); a %s holds far fewer", MaxElementValues, r.values, lists[m.key])})
					schemaOK = false
				case r.schemaErr != nil:
					problems.AddErr(file, at, r.schemaErr, schemaProblems)
					schemaOK = false
				case !schemaOK:
					// the file is refused: keep nothing of it
				case r.decodeErr != nil:
					// The schema has accepted it, so this is a bug in the struct tags.
					problems.Add(loader.Problem{File: file, Path: string(at), Message: "decode: " + r.decodeErr.Error()})
					schemaOK = false
				default:
					// Texts are read here, in the file's order: readText
					// counts what it has read against a cap.
					if src := r.source; src != nil && src.TextFile != "" {
						text, err := readText(src.TextFile)
						if err != nil {
							problems.Add(loader.Problem{File: file, Path: string(at.Field("textFile")), Message: fmt.Sprintf("cannot read source text %q: %v", src.TextFile, err)})
						}
						src.Text = string(text)
					}
					r.addTo(ds)
				}
				results[i] = element{}
			}
			done += len(chunk)
			chunk = chunk[:0]
		}
		elements(m.value, func(_ int, el []byte) {
			if chunk = append(chunk, el); len(chunk) == elementChunk {
				take()
			}
		})
		take()
	}
	if !schemaOK {
		return nil, problems.Problems()
	}
	return ds, problems.Problems()
}

// elementChunk is how many elements of a list are checked at once.
const elementChunk = 256

// element is what checking and decoding one element of a list gave.
type element struct {
	values    int   // JSON values counted in it
	schemaErr error // the element schema's verdict
	decodeErr error
	source    *counterpoint.Source
	actor     *counterpoint.Actor
	claim     *counterpoint.Claim
	relation  *counterpoint.Relation
}

// checkElement checks el against its list's schema and, when it passes,
// decodes it.
func checkElement(item *jsonschema.Schema, list string, el []byte) element {
	var r element
	if r.values = countValues(el); r.values > MaxElementValues {
		return r
	}
	if r.schemaErr = item.Validate(decodeValue(el)); r.schemaErr != nil {
		return r
	}
	r.decodeErr = decodeElement(&r, list, el)
	return r
}

// addTo appends the decoded element to its list in ds.
func (r *element) addTo(ds *counterpoint.Dataset) {
	switch {
	case r.source != nil:
		ds.Sources = append(ds.Sources, *r.source)
	case r.actor != nil:
		ds.Actors = append(ds.Actors, *r.actor)
	case r.claim != nil:
		ds.Claims = append(ds.Claims, *r.claim)
	case r.relation != nil:
		ds.Relations = append(ds.Relations, *r.relation)
	}
}

// member is one member of the file's top-level object: its key, and its
// value's bytes (a slice of the file's, not a copy).
type member struct {
	key   string
	value []byte
}

// topLevel splits well-formed JSON into its top-level object's members,
// and returns what the whole schema checks: the object with each value as
// it is, but arrays and objects (a list, or a value of the wrong kind)
// empty; a file that is not an object is an empty value of its kind.
func topLevel(b []byte) ([]member, any) {
	b = bytes.TrimSpace(b)
	if b[0] != '{' {
		return nil, standIn(b)
	}
	var members []member
	top := map[string]any{}
	for i := skipSpace(b, 1); b[i] == '"'; {
		end := stringEnd(b, i)
		key := decodeKey(b[i:end])
		i = skipSpace(b, skipSpace(b, end)+1) // past the colon
		next := valueEnd(b, i)
		value := b[i:next]
		members = append(members, member{key, value})
		top[key] = standIn(value)
		if key == "requires" && value[0] == '[' && len(value) <= maxRequiresBytes {
			// The one short list the whole schema checks as it is.
			top[key] = decodeValue(value)
		}
		if i = skipSpace(b, next); b[i] == ',' {
			i = skipSpace(b, i+1)
		}
	}
	return members, top
}

// maxRequiresBytes bounds the requires list the whole schema decodes: 100
// dataset ids of 200 characters, with room to spare; a longer one is
// checked as an empty list, and refused by the domain's rule on its ids.
const maxRequiresBytes = 64 << 10

// standIn is a JSON value as the whole schema sees it: scalars as they
// are, arrays and objects empty.
func standIn(value []byte) any {
	switch value[0] {
	case '[':
		return []any{}
	case '{':
		return map[string]any{}
	}
	return decodeValue(value)
}

// decodeValue decodes one well-formed JSON value for the schema.
func decodeValue(value []byte) any {
	switch value[0] {
	case 't':
		return true
	case 'f':
		return false
	case 'n':
		return nil
	case '"', '[', '{':
		var v any
		if err := json.Unmarshal(value, &v); err != nil {
			return nil // cannot happen: value is well-formed
		}
		return v
	}
	return json.Number(value)
}

// elements calls each with every element of a well-formed JSON array, as
// a slice of its bytes.
func elements(array []byte, each func(i int, el []byte)) {
	for i, n := skipSpace(array, 1), 0; array[i] != ']'; n++ {
		end := valueEnd(array, i)
		each(n, array[i:end])
		if i = skipSpace(array, end); array[i] == ',' {
			i = skipSpace(array, i+1)
		}
	}
}

// The scanners below walk JSON known to be well-formed, so they check
// nothing: encoding/json's tokenizer, which checks everything again, took
// a sixth of a large file's decoding on the one core that splits it.

// valueEnd returns the index just past the value that starts at b[i].
func valueEnd(b []byte, i int) int {
	switch b[i] {
	case '"':
		return stringEnd(b, i)
	case '{', '[':
		for depth := 0; ; i++ {
			switch b[i] {
			case '"':
				i = stringEnd(b, i) - 1
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return i + 1
				}
			}
		}
	}
	// a number, true, false or null: up to the next delimiter
	for ; i < len(b); i++ {
		switch b[i] {
		case ',', ']', '}', ' ', '\t', '\r', '\n':
			return i
		}
	}
	return i
}

// stringEnd returns the index just past the string that starts at b[i].
func stringEnd(b []byte, i int) int {
	for i++; b[i] != '"'; i++ {
		if b[i] == '\\' {
			i++
		}
	}
	return i + 1
}

// skipSpace returns the index of the first byte at or after i that is not
// JSON white space.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

// decodeKey decodes a member's key (a quoted string, escapes and all) as
// encoding/json reads it.
func decodeKey(quoted []byte) string {
	if bytes.IndexByte(quoted, '\\') < 0 && utf8.Valid(quoted) {
		return string(quoted[1 : len(quoted)-1])
	}
	var key string
	_ = json.Unmarshal(quoted, &key) // cannot fail: the string is well-formed
	return key
}

// countValues counts the values of well-formed JSON roughly: one more than
// its commas outside strings.
func countValues(b []byte) int {
	n, inString, escaped := 1, false, false
	for _, c := range b {
		switch {
		case escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case !inString && c == ',':
			n++
		}
	}
	return n
}

// decodeElement decodes one element of list, which the schema has
// accepted, into ds; a source's text is read through readText, and a text
// that cannot be read is a problem at its textFile.
func decodeElement(out *element, list string, el []byte) error {
	switch list {
	case "sources":
		var s jsonSource
		if err := json.Unmarshal(el, &s); err != nil {
			return err
		}
		src := counterpoint.Source{
			ID: s.ID, Title: s.Title, TitleIsDescription: s.TitleIsDescription, Kind: counterpoint.SourceKind(s.Kind), Date: s.Date,
			Publisher: s.Publisher, URL: s.URL, Authors: s.Authors, ReportedIn: s.ReportedIn, TextFile: s.TextFile,
		}
		out.source = &src
	case "actors":
		var a jsonActor
		if err := json.Unmarshal(el, &a); err != nil {
			return err
		}
		out.actor = &counterpoint.Actor{
			ID: a.ID, Name: a.Name, Kind: counterpoint.ActorKind(a.Kind), Role: a.Role,
			Description: a.Description, MemberOf: a.MemberOf,
		}
	case "claims":
		var c jsonClaim
		if err := json.Unmarshal(el, &c); err != nil {
			return err
		}
		claim := counterpoint.Claim{ID: c.ID, Text: c.Text, Date: c.Date, About: c.About,
			DateBound: counterpoint.DateBound(c.DateBound), DateInferred: c.DateInferred, DateNote: c.DateNote}
		for _, a := range c.Assertions {
			claim.Assertions = append(claim.Assertions, counterpoint.Assertion{
				Actor: a.Actor, Source: a.Source, Date: a.Date, Attribution: counterpoint.Attribution(a.Attribution),
				Stance: counterpoint.Stance(a.Stance), Inferred: a.Inferred, Note: a.Note,
			})
		}
		for _, q := range c.Quotes {
			claim.Quotes = append(claim.Quotes, decodeQuote(q))
		}
		claim.SetDefaults()
		out.claim = &claim
	case "relations":
		var r jsonRelation
		if err := json.Unmarshal(el, &r); err != nil {
			return err
		}
		rel := counterpoint.Relation{
			Kind: counterpoint.RelationKind(r.Kind), From: r.From, To: r.To, Source: r.Source, Inferred: r.Inferred, Note: r.Note,
		}
		for _, q := range r.Evidence {
			rel.Evidence = append(rel.Evidence, decodeQuote(q))
		}
		out.relation = &rel
	}
	return nil
}
func encodeQuote(q counterpoint.Quote) jsonQuote {
	return jsonQuote{ID: q.ID, Text: q.Text, Kind: string(q.Kind), Source: q.Source, Document: q.Document, Start: q.Start, End: q.End}
}

func decodeQuote(q jsonQuote) counterpoint.Quote {
	return counterpoint.Quote{ID: q.ID, Text: q.Text, Kind: counterpoint.QuoteKind(q.Kind), Source: q.Source, Document: q.Document, Start: q.Start, End: q.End}
}

// schemaProblems flattens a schema validation error of the value at into
// one problem per failing leaf, sorted by path, with English messages;
// with count, it only counts them.
func schemaProblems(file string, at loader.Path, err error, count bool) (loader.Problems, int) {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return loader.Problems{{File: file, Path: string(at), Message: "schema: " + err.Error()}}, 1
	}
	if count {
		var leaves func(e *jsonschema.ValidationError) int
		leaves = func(e *jsonschema.ValidationError) int {
			if len(e.Causes) == 0 {
				return 1
			}
			n := 0
			for _, c := range e.Causes {
				n += leaves(c)
			}
			return n
		}
		return nil, leaves(ve)
	}
	printer := message.NewPrinter(language.English)
	var problems loader.Problems
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			problems = append(problems, loader.Problem{File: file, Path: pointerToPath(at, e.InstanceLocation), Message: "schema: " + e.ErrorKind.LocalizedString(printer)})
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	sort.SliceStable(problems, func(i, j int) bool { return problems[i].Path < problems[j].Path })
	return problems, len(problems)
}

// duplicateKey finds the first object of a well-formed JSON document that
// gives a key twice, and returns the object's JSON path and the key.
func duplicateKey(b []byte) (string, string, bool) {
	// One pass over the bytes (the document is known to be well-formed):
	// the tokenizer of encoding/json took a quarter of a large file's
	// decoding. A path is made only for the object that is found.
	type frame struct {
		object bool
		keys   []string        // the object's keys, while they are few
		set    map[string]bool // and once they are many
		key    string          // the object's key whose value is being read
		index  int             // the array's element being read
	}
	var stack []frame
	atKey := false
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '{':
			stack = append(stack, frame{object: true})
			atKey = true
		case '[':
			stack = append(stack, frame{})
			atKey = false
		case '}', ']':
			stack = stack[:len(stack)-1]
		case ',':
			if top := &stack[len(stack)-1]; top.object {
				atKey = true
			} else {
				top.index++
			}
		case '"':
			end := stringEnd(b, i)
			if atKey {
				top := &stack[len(stack)-1]
				key := decodeKey(b[i:end])
				if slices.Contains(top.keys, key) || top.set[key] {
					at := loader.Root
					for _, f := range stack[:len(stack)-1] {
						if f.object {
							at = at.Field(f.key)
						} else {
							at = at.Index(f.index)
						}
					}
					return string(at), key, true
				}
				switch {
				case top.set != nil:
					top.set[key] = true
				case len(top.keys) < 16:
					top.keys = append(top.keys, key)
				default:
					top.set = map[string]bool{key: true}
					for _, k := range top.keys {
						top.set[k] = true
					}
					top.keys = nil
				}
				top.key, atKey = key, false
			}
			i = end - 1
		}
	}
	return "", "", false
}

// pointerToPath turns JSON Schema instance-location tokens, relative to
// the value at p, into a JSON path.
func pointerToPath(p loader.Path, tokens []string) string {
	for _, t := range tokens {
		if n, err := strconv.Atoi(t); err == nil {
			p = p.Index(n)
		} else {
			p = p.Field(t)
		}
	}
	return string(p)
}

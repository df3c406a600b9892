// Package loader reads dataset files in one of the input formats (the
// readers in format/ meet its Reader contract), checks everything about
// them before anything is written, and hands them to the store.
package loader

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	slashpath "path"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/counterpoint-news/counterpoint"
)

// Writer is the part of the store the loader needs: it writes one dataset
// atomically and idempotently, and says what changed; progress (nil for
// none) hears how many more elements it has written.
type Writer interface {
	WriteDataset(ctx context.Context, ds *counterpoint.Dataset, progress func(elements int)) (counterpoint.WriteSummary, error)
}

// Reader reads one input format into the domain's Dataset: the contract of
// every reader in format/ (the dataset JSON, AIF). Adding a format means
// adding a Reader (and an entry in format's registry); the checks in
// Validate and the store stay as they are.
type Reader interface {
	// Name is the format's name on the command line.
	Name() string
	// Decode parses the file's bytes; readText reads a source text named
	// relative to the file. Every problem found is returned at once.
	Decode(file string, b []byte, readText func(rel string) ([]byte, error)) (*counterpoint.Dataset, Problems)
}

// Merger is a Reader whose files may share nodes (AIF corpora reuse node
// ids across maps): Merge joins the datasets that do, and reports shared
// nodes that differ.
type Merger interface {
	Merge(inputs []Input) ([]Input, Problems)
}

// Input is one dataset read and checked, with the file it came from.
type Input struct {
	File    string
	Dataset *counterpoint.Dataset
	// Place names, for an input merged from several files (AIF maps that
	// share nodes), the file that first defines an element (a claim,
	// quote, actor or source id, or a relation's Key) and how many others
	// repeat it, so that a problem names that file rather than the group;
	// nil, or "" for an element, means File.
	Place func(elementID string) string
}

// fileOf is the file a problem with element id of in names.
func (in Input) fileOf(id string) string {
	if in.Place != nil {
		if f := in.Place(id); f != "" {
			return f
		}
	}
	return in.File
}

// DefaultMaxBytes is the default cap on the size of a dataset file and of
// each source text it names: far above any curated dataset (the article's
// is about 100 KB), and low enough that refusing a file costs little
// memory.
const DefaultMaxBytes int64 = 64 << 20

// Limits bound what reading datasets takes in. The zero value applies the
// defaults.
type Limits struct {
	// MaxBytes caps the size of a dataset file, of each source text file,
	// and of all of a dataset's source texts together; a larger one is
	// refused before anything of it is decoded. Zero or less means
	// DefaultMaxBytes.
	MaxBytes int64
	// ReadTimeout bounds how long Interruptible waits for a read: the
	// read deadline of validate and load. Zero or less means
	// DefaultReadTimeout.
	ReadTimeout time.Duration
}

// DefaultReadTimeout is the default read deadline: far above what
// checking a dataset at the size cap takes (under a minute on a busy
// machine), far below forever.
const DefaultReadTimeout = 10 * time.Minute

// Interruptible runs read (a read of dataset files) and returns its error,
// but returns at once when ctx is done (SIGINT or SIGTERM to a command) or
// ReadTimeout passes, saying so; the read is then left to run on in the
// background, which ends with the command that gave up on it.
func (l Limits) Interruptible(ctx context.Context, read func() error) error {
	timeout := l.ReadTimeout
	if timeout <= 0 {
		timeout = DefaultReadTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- read() }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return counterpoint.Errorf(counterpoint.EINVALID, "reading the datasets took longer than the read deadline of %s (--read-timeout, DATASET_READ_TIMEOUT); nothing was written", timeout)
		}
		return fmt.Errorf("stopped while reading the datasets (%w); nothing was written", context.Cause(ctx))
	}
}

func (l Limits) maxBytes() int64 {
	if l.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return l.MaxBytes
}

// ReadFiles reads datasets from the operating system's file system, with
// the default Limits.
func ReadFiles(format Reader, files ...string) ([]Input, error) {
	return Limits{}.ReadFiles(format, files...)
}

// ReadFS reads datasets from fsys (the embedded seed data, say), with the
// default Limits.
func ReadFS(format Reader, fsys fs.FS, files ...string) ([]Input, error) {
	return Limits{}.ReadFS(format, fsys, files...)
}

// ReadFiles reads datasets from the operating system's file system. A
// source text must be a regular file inside the dataset file's folder: its
// textFile is relative, has no "..", and no symbolic link may lead out of
// the folder.
func (l Limits) ReadFiles(format Reader, files ...string) ([]Input, error) {
	inputs, _, err := read(format, osFiles{max: l.maxBytes()}, files, Options{})
	return inputs, err
}

// ReadFilesSkipInvalid is ReadFiles for --skip-invalid: what has problems
// is left out (the element a problem names and what needs it, never more
// than the problem touches) and listed in skipped, and the rest is
// returned.
func (l Limits) ReadFilesSkipInvalid(format Reader, files ...string) (inputs []Input, skipped Problems, err error) {
	inputs, rep, err := read(format, osFiles{max: l.maxBytes()}, files, Options{SkipInvalid: true})
	return inputs, rep.Skipped, err
}

// Options say how Read treats what is wrong or spelt several ways.
type Options struct {
	// SkipInvalid leaves out what has problems instead of failing.
	SkipInvalid bool
	// Aliases merges the actors named by a name's variants into one.
	Aliases *Aliases
}

// Report is what a read found besides the datasets: the problems that
// --skip-invalid skipped, each with what was done, and notices (names
// spelt several ways) that change nothing.
type Report struct {
	Skipped Problems
	Notices Problems
}

// Read reads datasets from the operating system's file system with the
// given options.
func (l Limits) Read(format Reader, opt Options, files ...string) ([]Input, Report, error) {
	return read(format, osFiles{max: l.maxBytes()}, files, opt)
}

// ReadFS reads datasets from fsys; source texts are named relative to the
// dataset file's folder in fsys, without "..".
func (l Limits) ReadFS(format Reader, fsys fs.FS, files ...string) ([]Input, error) {
	inputs, _, err := read(format, fsFiles{fsys: fsys, max: l.maxBytes()}, files, Options{})
	return inputs, err
}

// files is where datasets and their texts come from.
type files interface {
	// dataset reads a dataset file, refusing one over the size cap.
	dataset(name string) ([]byte, error)
	// texts returns the reader of the source texts of dataset file name,
	// and a function that releases what it holds.
	texts(name string) (readText func(rel string) ([]byte, error), release func())
}

// read decodes and validates every file, then checks them against each
// other; it returns Problems listing everything wrong in all of them. With
// opt.SkipInvalid, the problems are listed in the report's Skipped
// instead, and only what each concerns is left out.
func read(format Reader, src files, names []string, opt Options) ([]Input, Report, error) {
	var inputs []Input
	var problems ProblemList
	var rep Report
	namer, _ := format.(NodeNamer)
	report := func(ps Problems) {
		for _, p := range ps {
			switch {
			case p.Action == Noted:
				rep.Notices = append(rep.Notices, p)
			case opt.SkipInvalid:
				rep.Skipped = append(rep.Skipped, p)
			default:
				problems.Add(p)
			}
		}
	}
	decoded := decodeAll(format, src, names)
	for i, file := range names {
		ds, ps, err := decoded[i].ds, decoded[i].ps, decoded[i].err
		if err != nil {
			report(Problems{{File: file, Message: err.Error(), Kind: "unreadable", Action: "file skipped"}})
			continue
		}
		if ds == nil {
			for i := range ps {
				if ps[i].Action == "" {
					ps[i].Action = "file skipped"
				}
			}
		}
		report(ps)
		if ds == nil {
			continue
		}
		inputs = append(inputs, Input{File: file, Dataset: ds})
	}
	// Aliases and spellings before merging, so that each spelling is
	// placed in the file that uses it.
	if opt.Aliases != nil {
		report(opt.Aliases.apply(inputs))
	}
	report(spellings(inputs))
	if m, ok := format.(Merger); ok {
		var ps Problems
		inputs, ps = m.Merge(inputs)
		report(ps)
	}
	kept := inputs[:0]
	for _, in := range inputs {
		if !opt.SkipInvalid {
			problems.Add(Validate(in.File, in.Dataset)...)
			kept = append(kept, in)
			continue
		}
		ps, ok := prune(in, namer)
		rep.Skipped = append(rep.Skipped, ps...)
		if !ok {
			rep.Skipped = append(rep.Skipped, Problem{File: in.File, Kind: "dataset-invalid", Action: "dataset skipped", Message: fmt.Sprintf("dataset %q is not loaded", in.Dataset.ID)})
			continue
		}
		kept = append(kept, in)
	}
	inputs = kept
	if opt.SkipInvalid {
		var ps Problems
		inputs, ps = resolveConflicts(inputs, namer)
		rep.Skipped = append(rep.Skipped, ps...)
	} else {
		problems.Add(crossCheck(inputs)...)
	}
	if problems.Len() > 0 {
		return nil, rep, problems.Problems()
	}
	return inputs, rep, nil
}

// ParallelReader is a Reader whose Decode may run on several files at
// once (it keeps no state between files): a corpus of many small files
// then reads on every core.
type ParallelReader interface {
	Reader
	DecodesInParallel()
}

// decoded is one file's Decode, or why it could not be read.
type decoded struct {
	ds  *counterpoint.Dataset
	ps  Problems
	err error
}

// decodeAll reads and decodes every file, on every core when format is a
// ParallelReader; the results are in the files' order either way.
func decodeAll(format Reader, src files, names []string) []decoded {
	out := make([]decoded, len(names))
	one := func(i int) {
		b, err := src.dataset(names[i])
		if err != nil {
			out[i].err = err
			return
		}
		// A byte-order mark says only that the file is UTF-8, which every
		// dataset is; editors on Windows write one. The mark is not part of
		// the JSON: read what follows it.
		b = bytes.TrimPrefix(b, utf8BOM)
		readText, release := src.texts(names[i])
		out[i].ds, out[i].ps = format.Decode(names[i], b, readText)
		release()
	}
	workers := runtime.GOMAXPROCS(0)
	if _, ok := format.(ParallelReader); !ok || workers < 2 || len(names) < 2 {
		for i := range names {
			one(i)
		}
		return out
	}
	EachParallel(len(names), one)
	return out
}

// EachParallel calls do for 0 ... n-1 on as many goroutines as there are
// cores (inline when there is one, or one item); do must touch only what
// belongs to its i. Readers share it to check a large file's elements.
func EachParallel(n int, do func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			do(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				do(i)
			}
		})
	}
	wg.Wait()
}

// utf8BOM is the UTF-8 encoding of U+FEFF, the byte-order mark.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// ExpandDirs replaces each folder among paths by the *.json files in it, in
// name order (not its subfolders), so that a corpus of maps loads by its
// folder's name; files stay as they are.
func ExpandDirs(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil || !fi.IsDir() {
			out = append(out, p) // reading it reports what is wrong
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		n := len(out)
		for _, e := range entries {
			if !e.IsDir() && strings.HasSuffix(strings.ToLower(e.Name()), ".json") && e.Name() != "dataset.schema.json" {
				out = append(out, filepath.Join(p, e.Name()))
			}
		}
		if len(out) == n {
			return nil, counterpoint.Errorf(counterpoint.EINVALID, "%s is a folder without *.json files", p)
		}
	}
	return out, nil
}

// osFiles reads from the operating system's file system.
type osFiles struct{ max int64 }

func (o osFiles) dataset(name string) ([]byte, error) {
	// O_NONBLOCK: opening a named pipe must not wait for a writer before
	// readCapped sees it is no regular file.
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	defer f.Close()
	return readCapped(f, o.max, "the dataset file", true)
}

func (o osFiles) texts(name string) (func(string) ([]byte, error), func()) {
	root, err := os.OpenRoot(filepath.Dir(name))
	if err != nil {
		return func(string) ([]byte, error) { return nil, fmt.Errorf("cannot open the dataset's folder: %w", err) }, func() {}
	}
	var used int64 // the bytes of this dataset's texts read so far
	return func(rel string) ([]byte, error) {
		if err := checkTextPath(rel); err != nil {
			return nil, err
		}
		// os.Root refuses any path, symbolic links included, that leads
		// out of the folder. O_NONBLOCK: opening a named pipe must not wait
		// for a writer before readText sees it is no regular file.
		f, err := root.OpenFile(filepath.FromSlash(rel), os.O_RDONLY|syscall.O_NONBLOCK, 0)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return readText(f, o.max, &used)
	}, func() { root.Close() }
}

// fsFiles reads from an fs.FS.
type fsFiles struct {
	fsys fs.FS
	max  int64
}

func (o fsFiles) dataset(name string) ([]byte, error) {
	f, err := o.fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	defer f.Close()
	return readCapped(f, o.max, "the dataset file", true)
}

func (o fsFiles) texts(name string) (func(string) ([]byte, error), func()) {
	var used int64 // the bytes of this dataset's texts read so far
	return func(rel string) ([]byte, error) {
		if err := checkTextPath(rel); err != nil {
			return nil, err
		}
		p := slashpath.Join(slashpath.Dir(name), slashpath.Clean(rel))
		if !fs.ValidPath(p) {
			return nil, fmt.Errorf("%q is not a valid path inside the dataset's folder", rel)
		}
		f, err := o.fsys.Open(p)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return readText(f, o.max, &used)
	}, func() {}
}

// checkTextPath refuses a textFile that is absolute or climbs with "..":
// a source text lives in the dataset's folder or below it.
func checkTextPath(rel string) error {
	switch {
	case rel == "":
		return fmt.Errorf("textFile is empty")
	case filepath.IsAbs(rel) || strings.HasPrefix(rel, "/") || strings.HasPrefix(rel, `\`) || filepath.VolumeName(rel) != "":
		return fmt.Errorf("textFile must be relative to the dataset file's folder, not absolute")
	}
	for _, el := range strings.FieldsFunc(rel, func(r rune) bool { return r == '/' || r == '\\' }) {
		if el == ".." {
			return fmt.Errorf("textFile must stay inside the dataset file's folder: \"..\" is not allowed")
		}
	}
	return nil
}

// readText reads one source text: a regular file within the size cap,
// valid UTF-8, that keeps the dataset's texts together (used, before it)
// within the cap too: eight sources naming one text of nearly the cap are
// refused by its size before it is read a second time.
func readText(f fs.File, max int64, used *int64) ([]byte, error) {
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	if fi.Mode().IsRegular() && fi.Size() <= max && *used+fi.Size() > max {
		return nil, textsTooLarge(*used, fi.Size(), max)
	}
	b, err := readCapped(f, max, "the source text", true)
	if err != nil {
		return nil, err
	}
	*used += int64(len(b))
	if !utf8.Valid(b) {
		return nil, invalidUTF8(b)
	}
	return b, nil
}

func textsTooLarge(used, size, max int64) error {
	return fmt.Errorf("the dataset's source texts together would be %d bytes (%d read before this one of %d), larger than the limit of %d bytes for all of a dataset's texts (--max-bytes, MAX_DATASET_BYTES); split the dataset, or name each text once", used+size, used, size, max)
}

// readCapped reads f, refusing more than max bytes: a regular file by its
// size before reading anything, anything else by reading at most max+1
// bytes. With regularOnly (every caller now: a named pipe could keep a
// read waiting forever, a device never end), anything but a regular file
// is refused unread.
func readCapped(f fs.File, max int64, what string, regularOnly bool) ([]byte, error) {
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	switch {
	case fi.IsDir():
		return nil, fmt.Errorf("%s is a folder, not a file", what)
	case regularOnly && !fi.Mode().IsRegular():
		return nil, fmt.Errorf("%s is not a regular file (%s); give the path of a file", what, kind(fi.Mode()))
	case fi.Mode().IsRegular() && fi.Size() > max:
		return nil, tooLarge(what, fi.Size(), max)
	}
	var b []byte
	if fi.Mode().IsRegular() {
		// Read into a buffer of the file's size, not one grown by doubling:
		// the memory a read takes is the file's, once.
		b = make([]byte, 0, fi.Size()+1)
	}
	for int64(len(b)) <= max {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := f.Read(b[len(b):min(int64(cap(b)), max+1)])
		b = b[:len(b)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("cannot read: %w", err)
		}
	}
	if int64(len(b)) > max {
		return nil, tooLarge(what, -1, max)
	}
	return b, nil
}

// kind names a file type that is not a regular file.
func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeIrregular != 0:
		return "an irregular file"
	}
	return m.Type().String()
}

func tooLarge(what string, size, max int64) error {
	if size < 0 {
		return fmt.Errorf("%s is larger than the limit of %d bytes (--max-bytes, MAX_DATASET_BYTES)", what, max)
	}
	return fmt.Errorf("%s is %d bytes, larger than the limit of %d bytes (--max-bytes, MAX_DATASET_BYTES)", what, size, max)
}

// invalidUTF8 says where b first stops being UTF-8, by line and column.
func invalidUTF8(b []byte) error {
	i := 0
	for i < len(b) {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		i += size
	}
	line := 1 + bytes.Count(b[:i], []byte{'\n'})
	col := utf8.RuneCount(b[bytes.LastIndexByte(b[:i], '\n')+1:i]) + 1
	return fmt.Errorf("the source text is not valid UTF-8: byte 0x%02x at line %d, column %d (byte offset %d); save it as UTF-8", b[i], line, col, i)
}

// crossCheck finds conflicts between datasets loaded together: the same
// dataset twice, a claim or quote id in two datasets (they belong to one),
// and an actor or source defined differently in two.
func crossCheck(inputs []Input) Problems {
	var problems Problems
	type def struct {
		file string
		path string
		v    any
	}
	datasets := map[string]string{}
	owned := map[string]def{}
	shared := map[string]def{}
	for _, in := range inputs {
		ds := in.Dataset
		if first, ok := datasets[ds.ID]; ok {
			problems = append(problems, Problem{File: in.File, Path: "$.id", Message: fmt.Sprintf("dataset %q is also in %s", ds.ID, first)})
		}
		datasets[ds.ID] = in.File
		for i, c := range ds.Claims {
			p := Root.Field("claims").Index(i)
			ids := map[string]Path{c.ID: p.Field("id")}
			for j, q := range c.Quotes {
				ids[q.ID] = p.Field("quotes").Index(j).Field("id")
			}
			for id, p := range ids {
				if first, ok := owned[id]; ok && first.file != in.File {
					problems = append(problems, Problem{File: in.File, Path: string(p), Message: fmt.Sprintf("id %q is also defined in %s at %s", id, first.file, first.path)})
				}
				owned[id] = def{in.File, string(p), nil}
			}
		}
		check := func(id string, p Path, v any) {
			if first, ok := shared[id]; ok && first.file != in.File && !reflect.DeepEqual(first.v, v) {
				problems = append(problems, Problem{File: in.File, Path: string(p), Message: fmt.Sprintf("%q is defined differently in %s at %s; the same id is the same node, so the definitions must agree", id, first.file, first.path)})
			}
			shared[id] = def{in.File, string(p), v}
		}
		for i, a := range ds.Actors {
			check(a.ID, Root.Field("actors").Index(i), a)
		}
		for i, s := range ds.Sources {
			s.TextFile = "" // the same text may sit at different relative paths
			check(s.ID, Root.Field("sources").Index(i), s)
		}
	}
	return problems
}

// Result says what loading one dataset did.
type Result struct {
	File    string
	Dataset string
	Summary counterpoint.WriteSummary
}

// Progress hears how far a load is; either field may be nil.
type Progress struct {
	// Elements hears how many more elements (nodes and relationships) the
	// store has written, as it writes them.
	Elements func(n int)
	// Dataset hears that one more dataset is written.
	Dataset func()
}

// Graph is what the loader asks of the graph about the claims a dataset's
// relations point to in other datasets: which dataset owns each claim, and
// which datasets the graph holds. The store meets it; a Writer without it
// may only relate claims within the load.
type Graph interface {
	ClaimDatasets(ctx context.Context, ids []string) (map[string]string, error)
	Datasets(ctx context.Context) ([]string, error)
	// RelationsInto lists the relations other datasets own that end at a
	// claim of these datasets: a reload that drops the claim cuts them.
	RelationsInto(ctx context.Context, datasets []string) ([]counterpoint.OwnedRelation, error)
}

// LoadOptions say what a load may do to other datasets.
type LoadOptions struct {
	// CutRelations lets a reload drop a claim that relations of other
	// datasets (not in the load) end at, removing those relations; without
	// it such a load is refused, naming them.
	CutRelations bool
}

// Load writes datasets that ReadFiles or ReadFS has checked, one transaction
// each, telling progress how far it is. Before writing anything it finds
// every relation's claim of another dataset in the load or in the graph
// (crossDataset). Relations both ways between two datasets of one load are
// a cycle, so a relation to a claim that a later dataset of the load
// creates is written once that dataset is: the dataset is written without
// it first, and again whole after every dataset (an unchanged write of the
// rest). It stops at the first failure; the dataset that failed leaves
// nothing behind.
func Load(ctx context.Context, w Writer, inputs []Input, progress Progress) ([]Result, error) {
	return LoadOptions{}.Load(ctx, w, inputs, progress)
}

// Load is Load with options: a reload that would cut relations of other
// datasets is refused unless o.CutRelations.
func (o LoadOptions) Load(ctx context.Context, w Writer, inputs []Input, progress Progress) ([]Result, error) {
	later, err := crossDataset(ctx, w, inputs)
	if err != nil {
		return nil, err
	}
	if !o.CutRelations {
		if err := wouldCut(ctx, w, inputs, "load"); err != nil {
			return nil, err
		}
	}
	var results []Result
	for i, in := range inputs {
		ds := in.Dataset
		if len(later[i]) > 0 {
			partial := *ds
			partial.Relations = slices.DeleteFunc(slices.Clone(ds.Relations), func(r counterpoint.Relation) bool { return later[i][r.To] })
			ds = &partial
		}
		sum, err := w.WriteDataset(ctx, ds, progress.Elements)
		if err != nil {
			return results, fmt.Errorf("%s: load dataset %q: %w", in.File, in.Dataset.ID, err)
		}
		results = append(results, Result{File: in.File, Dataset: in.Dataset.ID, Summary: sum})
		if progress.Dataset != nil {
			progress.Dataset()
		}
	}
	for i, in := range inputs {
		if len(later[i]) == 0 {
			continue
		}
		sum, err := w.WriteDataset(ctx, in.Dataset, nil)
		if err != nil {
			return results, fmt.Errorf("%s: load dataset %q (its relations to the other datasets of the load): %w", in.File, in.Dataset.ID, err)
		}
		for _, m := range []struct{ into, from map[string]int }{{results[i].Summary.Created, sum.Created}, {results[i].Summary.Updated, sum.Updated}, {results[i].Summary.Removed, sum.Removed}} {
			for k, n := range m.from {
				if m.into != nil {
					m.into[k] += n
				}
			}
		}
	}
	return results, nil
}

// crossDataset checks each relation that ends at a claim its dataset does
// not hold: the claim must be in another dataset of the load or in the
// graph, and that dataset among those the file requires. It returns, for
// each input, the claims of later inputs not yet in the graph, whose
// relations wait until those are written; or Problems naming every
// relation whose claim is missing, and the required dataset not loaded.
func crossDataset(ctx context.Context, w Writer, inputs []Input) ([]map[string]bool, error) {
	refs := make([][]counterpoint.ExternalRef, len(inputs))
	inLoad := map[string]int{} // a claim of the load: its input
	loaded := map[string]bool{}
	var ids []string
	for i, in := range inputs {
		loaded[in.Dataset.ID] = true
		for _, c := range in.Dataset.Claims {
			inLoad[c.ID] = i
		}
	}
	for i, in := range inputs {
		refs[i] = in.Dataset.ExternalRefs()
		for _, r := range refs[i] {
			ids = append(ids, r.Claim)
		}
	}
	later := make([]map[string]bool, len(inputs))
	if len(ids) == 0 {
		return later, nil
	}
	inGraph := map[string]string{}
	if g, ok := w.(Graph); ok {
		var err error
		if inGraph, err = g.ClaimDatasets(ctx, ids); err != nil {
			return nil, fmt.Errorf("find the claims of other datasets: %w", err)
		}
		datasets, err := g.Datasets(ctx)
		if err != nil {
			return nil, fmt.Errorf("find the claims of other datasets: %w", err)
		}
		for _, id := range datasets {
			loaded[id] = true
		}
	}
	var problems Problems
	for i, in := range inputs {
		ds := in.Dataset
		for _, r := range refs[i] {
			at := "$." + r.Field
			owner, ok := "", false
			if j, found := inLoad[r.Claim]; found {
				owner, ok = inputs[j].Dataset.ID, true
				if _, there := inGraph[r.Claim]; j > i && !there {
					if later[i] == nil {
						later[i] = map[string]bool{}
					}
					later[i][r.Claim] = true
				}
			} else if owner, ok = inGraph[r.Claim]; ok && owner != ds.ID && inLoadDataset(inputs, owner) {
				problems = append(problems, Problem{File: in.File, Path: at, Message: fmt.Sprintf("unknown claim %s: dataset %q of this load no longer holds it (the graph's earlier version did)", counterpoint.Echo(r.Claim), owner)})
				continue
			}
			switch {
			case ok && owner == ds.ID:
				// A claim the graph holds in this dataset's earlier
				// version, which this file no longer has.
				problems = append(problems, Problem{File: in.File, Path: at, Message: fmt.Sprintf("unknown claim %s: this file does not hold it (the graph's earlier version of dataset %q did)", counterpoint.Echo(r.Claim), ds.ID)})
			case ok && !slices.Contains(ds.Requires, owner):
				problems = append(problems, Problem{File: in.File, Path: at, Message: fmt.Sprintf("claim %s is in dataset %q, which this file does not require; add %q to requires", counterpoint.Echo(r.Claim), owner, owner)})
			case !ok:
				var missing []string
				for _, req := range ds.Requires {
					if !loaded[req] {
						missing = append(missing, fmt.Sprintf("%q", req))
					}
				}
				msg := fmt.Sprintf("unknown claim %s: it is in no dataset of this load nor in the graph", counterpoint.Echo(r.Claim))
				switch len(missing) {
				case 0:
					msg += fmt.Sprintf(", though every dataset this file requires (%s) is loaded", strings.Join(ds.Requires, ", "))
				case 1:
					msg += fmt.Sprintf("; dataset %s, which this file requires, is not loaded: load it first or in the same load", missing[0])
				default:
					msg += fmt.Sprintf("; datasets %s, which this file requires, are not loaded: load them first or in the same load", strings.Join(missing, ", "))
				}
				problems = append(problems, Problem{File: in.File, Path: at, Message: msg})
			}
		}
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return later, nil
}

// inLoadDataset says whether dataset id is one of the load's.
func inLoadDataset(inputs []Input, id string) bool {
	return slices.ContainsFunc(inputs, func(in Input) bool { return in.Dataset.ID == id })
}

// maxCutListed is how many relations a refused reload names.
const maxCutListed = 20

// wouldCut refuses a reload that drops a claim which relations of a
// dataset outside the load end at, naming them (dataset, from, kind, to):
// the reload would remove them from a dataset no one is loading.
func wouldCut(ctx context.Context, w any, inputs []Input, what string) error {
	g, ok := w.(Graph)
	if !ok {
		return nil
	}
	ids := make([]string, 0, len(inputs))
	kept := map[string]bool{}
	for _, in := range inputs {
		ids = append(ids, in.Dataset.ID)
		for _, c := range in.Dataset.Claims {
			kept[c.ID] = true
		}
	}
	into, err := g.RelationsInto(ctx, ids)
	if err != nil {
		return fmt.Errorf("find the relations of other datasets into these: %w", err)
	}
	var cut []string
	n := 0
	for _, r := range into {
		if kept[r.To] || slices.Contains(ids, r.Dataset) {
			continue // the claim stays, or its owner's new file decides
		}
		if n++; len(cut) < maxCutListed {
			cut = append(cut, fmt.Sprintf("%s: %s %s %s (of dataset %q)", r.ToDataset, r.From, r.Kind, r.To, r.Dataset))
		}
	}
	if n == 0 {
		return nil
	}
	more := ""
	if n > len(cut) {
		more = fmt.Sprintf("\n  … and %d more", n-len(cut))
	}
	return counterpoint.Errorf(counterpoint.EINVALID, "this %s drops claims that relations of other datasets end at (%d), and would remove those relations; nothing was written. Take the relations out of those datasets (or %s them too), or give --cut-relations to remove them:\n  %s%s", what, n, what, strings.Join(cut, "\n  "), more)
}

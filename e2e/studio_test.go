package e2e_test

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
)

// studioText is a short article written for these tests: an emoji, a CJK
// extension B character and a combining accent before the quotation, so
// that code-point offsets differ from UTF-16 and byte offsets.
const studioText = "Café talks 🙂 in 𠀀 Springfield\n\n" +
	"The mayor said: \"We will not close the library.\" Council members disagreed.\n\n" +
	"A second senior official, who spoke on condition of anonymity, said the library would close in May."

// codePoints returns the code-point offsets of the first occurrence of
// words in text.
func codePoints(tb testing.TB, text, words string) (int, int) {
	tb.Helper()
	i := strings.Index(text, words)
	if i < 0 {
		tb.Fatalf("%q is not in the text", words)
	}
	start := len([]rune(text[:i]))
	return start, start + len([]rune(words))
}

// data returns the response's data, failing the test on any error.
func data(tb testing.TB, what string, r Response) map[string]any {
	tb.Helper()
	if len(r.Errors()) > 0 {
		tb.Fatalf("%s: %v", what, r.Errors())
	}
	d, _ := r.Body["data"].(map[string]any)
	return d
}

// oneError returns the response's only error's code, field and message.
func oneError(tb testing.TB, what string, r Response) (code, field, message string) {
	tb.Helper()
	errs := r.Errors()
	if len(errs) != 1 {
		tb.Fatalf("%s: %d errors (%s), want one", what, len(errs), r.Raw)
	}
	ext, _ := errs[0]["extensions"].(map[string]any)
	code, _ = ext["code"].(string)
	field, _ = ext["field"].(string)
	message, _ = errs[0]["message"].(string)
	return code, field, message
}

const (
	importMutation = `mutation Import($in: ImportSourceInput!) { importSource(input: $in) {
  source { id version textHash text paragraphs { start end text } }
  moved { id start end anchor claim { id } source { id } } orphaned { id start end anchor claim { id } } } }`
	claimMutation = `mutation Save($in: ClaimInput!) { upsertClaim(input: $in) { id version dataset
  quotes { id kind start end text prefix suffix anchor sourceHash } } }`
)

// studioClaim is the input of a claim by the mayor quoting studioText.
func studioClaim(tb testing.TB, text string, version any) map[string]any {
	words := "We will not close the library."
	start, end := codePoints(tb, text, words)
	in := map[string]any{
		"id": "studio-library-stays", "text": "The library will stay open.", "date": "2026-11", "dataset": "studio-test",
		"assertions": []any{map[string]any{"actor": "studio-mayor", "source": "studio-source", "attribution": "ON_RECORD"}},
		"quotes":     []any{map[string]any{"text": words, "kind": "DIRECT", "source": "studio-source", "start": start, "end": end}},
	}
	if version != nil {
		in["version"] = version
	}
	return in
}

// TestStudioWritePath runs the studio's writes through the API, as two
// curators would: import a text, create actors and a claim quoting it,
// edit, meet a conflict, read the history, replace the text, delete.
func TestStudioWritePath(t *testing.T) {
	api := MustStartAPI(t)
	ana := []string{"Authorization", "Bearer " + testToken}
	ben := []string{"Authorization", "Bearer " + secondToken}

	// The sign-in check names the token, and nothing without one.
	if d := data(t, "editor", api.Post(t, `{ editor }`, nil, ana...)); d["editor"] != "ana" {
		t.Errorf("editor with ana's token = %v, want ana", d["editor"])
	}
	if d := data(t, "editor", api.Post(t, `{ editor }`, nil)); d["editor"] != nil {
		t.Errorf("editor without a token = %v, want null", d["editor"])
	}

	// Import: the text is stored whole, hashed, and split in paragraphs.
	in := map[string]any{"id": "studio-source", "title": "Library row", "kind": "ARTICLE", "date": "2026-11-30",
		"url": "https://news.example/library", "text": studioText, "version": 0}
	src := data(t, "importSource", api.Post(t, importMutation, map[string]any{"in": in}, ana...))["importSource"].(map[string]any)["source"].(map[string]any)
	sum := sha256.Sum256([]byte(studioText))
	if src["text"] != studioText || src["textHash"] != hex.EncodeToString(sum[:]) || src["version"] != 1.0 {
		t.Errorf("imported source: version %v, hash %v, text %q; want version 1, the text's SHA-256, the text", src["version"], src["textHash"], src["text"])
	}
	if paras := src["paragraphs"].([]any); len(paras) != 3 || paras[1].(map[string]any)["start"] != 31.0 {
		t.Errorf("paragraphs = %v; want 3, the second starting at code point 31", paras)
	}
	qs, qe := codePoints(t, studioText, "We will not close the library.")
	quotations := data(t, "quotations", api.Post(t, `{ source(id: "studio-source") { quotations { start end } } }`, nil))["source"].(map[string]any)["quotations"].([]any)
	if len(quotations) != 1 || quotations[0].(map[string]any)["start"] != float64(qs) || quotations[0].(map[string]any)["end"] != float64(qe) {
		t.Errorf("quotations = %v; want the mayor's words at %d..%d", quotations, qs, qe)
	}
	// Importing it again as new is a conflict, not an overwrite.
	if code, field, _ := oneError(t, "import again as new", api.Post(t, importMutation, map[string]any{"in": in}, ben...)); code != "CONFLICT" || field != "input.version" {
		t.Errorf("importing an existing source with version 0: %s at %s, want CONFLICT at input.version", code, field)
	}

	for _, a := range []string{
		`mutation { upsertActor(input: {id: "studio-mayor", name: "the mayor", kind: PERSON, version: 0}) { version } }`,
		`mutation { upsertActor(input: {id: "studio-second-official", name: "a second senior official", kind: ANONYMOUS, version: 0}) { version } }`,
	} {
		data(t, "upsertActor", api.Post(t, a, nil, ana...))
	}

	// The claim: offsets in code points, the quote keeps its context.
	claim := data(t, "upsertClaim", api.Post(t, claimMutation, map[string]any{"in": studioClaim(t, studioText, 0)}, ana...))["upsertClaim"].(map[string]any)
	q := claim["quotes"].([]any)[0].(map[string]any)
	runes := []rune(studioText)
	wantPrefix, wantSuffix := string(runes[qs-32:qs]), string(runes[qe:qe+32])
	if claim["version"] != 1.0 || q["kind"] != "DIRECT" || q["anchor"] != "ANCHORED" || q["prefix"] != wantPrefix || q["suffix"] != wantSuffix {
		t.Errorf("the new claim: version %v, quote %v; want version 1, a DIRECT anchored quote with 32 characters of context", claim["version"], q)
	}

	// ben edits from version 1; ana's edit, also from version 1, is refused
	// and changes nothing.
	edit := studioClaim(t, studioText, 1)
	edit["text"] = "The library will not close."
	if c := data(t, "ben's edit", api.Post(t, claimMutation, map[string]any{"in": edit}, ben...))["upsertClaim"].(map[string]any); c["version"] != 2.0 {
		t.Errorf("after ben's edit the claim is at version %v, want 2", c["version"])
	}
	before := neo4jtest.MustStats(t, api.DB)
	stale := studioClaim(t, studioText, 1)
	stale["text"] = "The library stays."
	code, field, msg := oneError(t, "ana's stale edit", api.Post(t, claimMutation, map[string]any{"in": stale}, ana...))
	if code != "CONFLICT" || field != "input.version" || !strings.Contains(msg, "ben") || !strings.Contains(msg, "version 2") {
		t.Errorf("a stale edit: %s at %s: %q; want CONFLICT at input.version naming ben and version 2", code, field, msg)
	}
	if after := neo4jtest.MustStats(t, api.DB); after.Digest != before.Digest {
		t.Errorf("a refused edit changed the graph")
	}

	// The history says who did what, newest first, with the node before and after.
	hist := data(t, "history", api.Post(t, `{ history(id: "studio-library-stays") { action by version before after } }`, nil))["history"].([]any)
	var got []string
	for _, h := range hist {
		h := h.(map[string]any)
		got = append(got, h["action"].(string)+" by "+h["by"].(string))
	}
	if strings.Join(got, ", ") != "UPDATE by ben, CREATE by ana" {
		t.Errorf("history = %v, want UPDATE by ben, CREATE by ana", got)
	} else {
		var b, a map[string]any
		upd := hist[0].(map[string]any)
		if json.Unmarshal([]byte(upd["before"].(string)), &b) != nil || json.Unmarshal([]byte(upd["after"].(string)), &a) != nil ||
			b["text"] != "The library will stay open." || a["text"] != "The library will not close." {
			t.Errorf("the update's before and after: %v / %v; want the two texts", upd["before"], upd["after"])
		}
	}

	// A corrected text with a line added on top: the quote follows its
	// words. A text without them: the quote is orphaned, not moved.
	corrected := "Correction appended on Tuesday.\n\n" + studioText
	in["text"], in["version"] = corrected, 1
	res := data(t, "corrected import", api.Post(t, importMutation, map[string]any{"in": in}, ana...))["importSource"].(map[string]any)
	wantStart, _ := codePoints(t, corrected, "We will not close the library.")
	if moved := res["moved"].([]any); len(moved) != 1 || moved[0].(map[string]any)["start"] != float64(wantStart) || moved[0].(map[string]any)["anchor"] != "MOVED" {
		t.Errorf("after a correction, moved = %v; want the quote at %d, MOVED", moved, wantStart)
	}
	in["text"], in["version"] = strings.Replace(corrected, "We will not close", "We shall not close", 1), 2
	res = data(t, "rewritten import", api.Post(t, importMutation, map[string]any{"in": in}, ana...))["importSource"].(map[string]any)
	if orphaned := res["orphaned"].([]any); len(orphaned) != 1 || orphaned[0].(map[string]any)["start"] != float64(wantStart) {
		t.Errorf("after the words changed, orphaned = %v; want the quote, left at %d", orphaned, wantStart)
	}
	srcQuotes := data(t, "source quotes", api.Post(t, `{ source(id: "studio-source") { version quotes { id anchor claim { id } } } }`, nil))["source"].(map[string]any)
	if qs := srcQuotes["quotes"].([]any); srcQuotes["version"] != 3.0 || len(qs) != 1 || qs[0].(map[string]any)["anchor"] != "ORPHANED" {
		t.Errorf("the source after two imports: %v; want version 3 and its one quote ORPHANED", srcQuotes)
	}

	// Deletes: an actor still asserting is kept; a stale delete is refused;
	// the right one removes the claim with its quote.
	if code, _, _ := oneError(t, "delete a busy actor", api.Post(t, `mutation { deleteActor(id: "studio-mayor", version: 1) }`, nil, ana...)); code != "BAD_USER_INPUT" {
		t.Errorf("deleting an actor that still asserts a claim: %s, want BAD_USER_INPUT", code)
	}
	if code, _, _ := oneError(t, "stale delete", api.Post(t, `mutation { deleteClaim(id: "studio-library-stays", version: 1) }`, nil, ana...)); code != "CONFLICT" {
		t.Errorf("deleting from a stale version: %s, want CONFLICT", code)
	}
	quotesBefore := neo4jtest.MustStats(t, api.DB).Nodes["Quote"]
	if d := data(t, "delete", api.Post(t, `mutation { deleteClaim(id: "studio-library-stays", version: 2) }`, nil, ana...)); d["deleteClaim"] != true {
		t.Errorf("deleteClaim = %v, want true", d["deleteClaim"])
	}
	if st := neo4jtest.MustStats(t, api.DB); st.Nodes["Quote"] != quotesBefore-1 {
		t.Errorf("after deleting the claim, %d quotes, want %d", st.Nodes["Quote"], quotesBefore-1)
	}
	if code, _, _ := oneError(t, "delete a quoted source", api.Post(t, `mutation { deleteSource(id: "wapo-2015-encryption", version: 1) }`, nil, ana...)); code != "BAD_USER_INPUT" {
		t.Errorf("deleting a source that quotes are cut from: %s, want BAD_USER_INPUT", code)
	}
	if d := data(t, "delete the source", api.Post(t, `mutation { deleteSource(id: "studio-source", version: 3) }`, nil, ana...)); d["deleteSource"] != true {
		t.Errorf("deleting the studio source once its claim is gone = %v, want true", d["deleteSource"])
	}
	hist = data(t, "history after delete", api.Post(t, `{ history(id: "studio-library-stays", first: 1) { action by version after } }`, nil))["history"].([]any)
	if len(hist) != 1 || hist[0].(map[string]any)["action"] != "DELETE" || hist[0].(map[string]any)["after"] != nil {
		t.Errorf("the last change after a delete: %v, want a DELETE with no after", hist)
	}
}

// TestStudioWritesNeedAToken: reads pass without a token; every studio
// write is refused without one, and changes nothing.
func TestStudioWritesNeedAToken(t *testing.T) {
	api := MustStartAPI(t)
	before := neo4jtest.MustStats(t, api.DB)
	for _, m := range []string{
		`mutation { importSource(input: {id: "x-source", title: "X", kind: ARTICLE, text: "words"}) { source { id } } }`,
		`mutation { deleteClaim(id: "policy-is-hard-to-reach", version: 1) }`,
		`mutation { deleteActor(id: "james-comey", version: 1) }`,
	} {
		if code, _, _ := oneError(t, m, api.Post(t, m, nil, "Authorization", "Bearer wrong-token")); code != "UNAUTHENTICATED" {
			t.Errorf("%s with a wrong token: %s, want UNAUTHENTICATED", m, code)
		}
	}
	if after := neo4jtest.MustStats(t, api.DB); after.Digest != before.Digest {
		t.Errorf("refused writes changed the graph")
	}
}

// TestStudioExportReloads: what the studio wrote exports to a dataset file
// that, loaded into an empty graph, gives the same graph.
func TestStudioExportReloads(t *testing.T) {
	api := MustStartAPI(t)
	ana := []string{"Authorization", "Bearer " + testToken}
	in := map[string]any{"id": "studio-source", "title": "Library row", "kind": "ARTICLE", "url": "https://news.example/library", "text": studioText}
	data(t, "importSource", api.Post(t, importMutation, map[string]any{"in": in}, ana...))
	data(t, "upsertActor", api.Post(t, `mutation { upsertActor(input: {id: "studio-mayor", name: "the mayor", kind: PERSON}) { id } }`, nil, ana...))
	data(t, "upsertClaim", api.Post(t, claimMutation, map[string]any{"in": studioClaim(t, studioText, nil)}, ana...))
	original := neo4jtest.MustStats(t, api.DB)

	// The studio's dataset as the download button fetches it.
	if resp, err := http.Get(strings.TrimSuffix(api.URL, "/graphql") + "/export/datasets/no-such-dataset.zip"); err != nil || resp.StatusCode != http.StatusNotFound {
		t.Errorf("downloading an unknown dataset: %v %v, want 404", resp.StatusCode, err)
	}
	resp, err := http.Get(strings.TrimSuffix(api.URL, "/graphql") + "/export/datasets/studio-test.zip")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/zip" {
		t.Fatalf("GET /export/datasets/studio-test.zip: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	studioFile := mustUnzip(t, body, t.TempDir(), "studio-test.json")
	files := []string{MustExport(t, api.DB, "wapo-2015-encryption", t.TempDir()), studioFile}
	if err := api.DB.DeleteAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	MustLoadFiles(t, api.DB, files...)
	if got := neo4jtest.MustStats(t, api.DB); got.Digest != original.Digest {
		t.Errorf("the exports loaded into an empty graph: nodes %v, relationships %v; the original: nodes %v, relationships %v",
			got.Nodes, got.Relationships, original.Nodes, original.Relationships)
	}
}

// TestStudioSuggestions: an imported text lists its quotations as open
// suggestions with their speakers; a decision is recorded with the
// curator's name and changes the status; an unknown id is refused.
func TestStudioSuggestions(t *testing.T) {
	api := MustStartAPI(t)
	ana := []string{"Authorization", "Bearer " + testToken}
	in := map[string]any{"id": "studio-source", "title": "Library row", "kind": "ARTICLE", "text": studioText}
	data(t, "importSource", api.Post(t, importMutation, map[string]any{"in": in}, ana...))
	const list = `{ source(id: "studio-source") { suggestions(status: null) { id text speaker status parts { start end } } } }`
	sugg := data(t, "suggestions", api.Post(t, list, nil))["source"].(map[string]any)["suggestions"].([]any)
	start, end := codePoints(t, studioText, "We will not close the library.")
	if len(sugg) != 1 {
		t.Fatalf("suggestions of the studio text = %v, want the mayor's one quotation", sugg)
	}
	s := sugg[0].(map[string]any)
	part := s["parts"].([]any)[0].(map[string]any)
	if part["start"] != float64(start) || part["end"] != float64(end) || s["speaker"] != "The mayor" || s["status"] != "OPEN" {
		t.Errorf("the suggestion = %v; want the words at %d..%d by The mayor, OPEN", s, start, end)
	}
	id := s["id"].(string)
	review := `mutation R($id: ID!, $d: SuggestionStatus!) { reviewSuggestion(source: "studio-source", id: $id, decision: $d) }`
	data(t, "dismiss", api.Post(t, review, map[string]any{"id": id, "d": "DISMISSED"}, ana...))
	if got := data(t, "open suggestions", api.Post(t, `{ source(id: "studio-source") { suggestions { id } } }`, nil))["source"].(map[string]any)["suggestions"].([]any); len(got) != 0 {
		t.Errorf("after the dismissal the open suggestions are %v, want none", got)
	}
	hist := data(t, "history", api.Post(t, `{ history(id: "studio-source", first: 1) { action by note } }`, nil))["history"].([]any)
	if len(hist) != 1 || hist[0].(map[string]any)["action"] != "DISMISS" || hist[0].(map[string]any)["by"] != "ana" || hist[0].(map[string]any)["note"] != id {
		t.Errorf("the source's last change = %v, want ana's DISMISS of %s", hist, id)
	}
	if code, field, _ := oneError(t, "unknown suggestion", api.Post(t, review, map[string]any{"id": "q0-1", "d": "ACCEPTED"}, ana...)); code != "BAD_USER_INPUT" || field != "id" {
		t.Errorf("reviewing an unknown suggestion: %s at %s, want BAD_USER_INPUT at id", code, field)
	}
}

// mustUnzip writes the archive's files under dir and returns the path of
// the one named main.
func mustUnzip(tb testing.TB, archive []byte, dir, main string) string {
	tb.Helper()
	z, err := zip.NewReader(bytes.NewReader(archive), int64(len(archive)))
	if err != nil {
		tb.Fatalf("the download is not a zip archive: %v", err)
	}
	found := false
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			tb.Fatal(err)
		}
		path := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			tb.Fatal(err)
		}
		found = found || f.Name == main
	}
	if !found {
		tb.Fatalf("the archive has no %s", main)
	}
	return filepath.Join(dir, main)
}

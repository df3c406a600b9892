package webanno_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/format/aif"
	"github.com/counterpoint-news/counterpoint/format/webanno"
	"github.com/counterpoint-news/counterpoint/internal/datasettest"
)

func mustAIF(t *testing.T) *counterpoint.Dataset {
	t.Helper()
	return datasettest.MustRead(t, aif.Reader, "../aif/testdata/aif/harbour-street.json", "../aif/testdata/aif/harbour-street-followup.json")
}

// TestWebAnnotations: one annotation per quote, with the W3C model's
// required keys (@context, id, type Annotation, target), a
// TextQuoteSelector whose prefix, exact words and suffix are the source's
// text around the TextPositionSelector's code-point offsets.
func TestWebAnnotations(t *testing.T) {
	for _, ds := range []*counterpoint.Dataset{datasettest.MustArticle(t), mustAIF(t)} {
		var b bytes.Buffer
		if err := webanno.Write(&b, ds); err != nil {
			t.Fatal(err)
		}
		var coll map[string]any
		if err := json.Unmarshal(b.Bytes(), &coll); err != nil {
			t.Fatalf("%s: not JSON: %v", ds.ID, err)
		}
		if coll["@context"] != "http://www.w3.org/ns/anno.jsonld" || coll["type"] != "AnnotationCollection" {
			t.Errorf("%s: collection @context %v, type %v", ds.ID, coll["@context"], coll["type"])
		}
		items := coll["first"].(map[string]any)["items"].([]any)
		quotes := 0
		texts := map[string]*counterpoint.Text{}
		for _, s := range ds.Sources {
			if s.Text != "" {
				texts[webanno.SourceIRI(&s)] = counterpoint.NewText(s.Text)
			}
		}
		for _, c := range ds.Claims {
			quotes += len(c.Quotes)
		}
		if len(items) != quotes || coll["total"] != float64(quotes) {
			t.Errorf("%s: %d annotations (total %v), want one per quote (%d)", ds.ID, len(items), coll["total"], quotes)
		}
		for _, it := range items {
			a := it.(map[string]any)
			for _, key := range []string{"@context", "id", "type", "target"} {
				if _, ok := a[key]; !ok {
					t.Errorf("%s: annotation %v lacks %q", ds.ID, a["id"], key)
				}
			}
			if a["type"] != "Annotation" || !strings.HasPrefix(a["id"].(string), "urn:counterpoint:quote:") {
				t.Errorf("%s: annotation type %v, id %v", ds.ID, a["type"], a["id"])
			}
			target := a["target"].(map[string]any)
			text := texts[target["source"].(string)]
			if text == nil {
				t.Errorf("%s: annotation %v targets %v, which is no source with a text", ds.ID, a["id"], target["source"])
				continue
			}
			var quote, position map[string]any
			for _, s := range target["selector"].([]any) {
				switch s := s.(map[string]any); s["type"] {
				case "TextQuoteSelector":
					quote = s
				case "TextPositionSelector":
					position = s
				}
			}
			if quote == nil || position == nil {
				t.Errorf("%s: annotation %v: selectors %v, want a TextQuoteSelector and a TextPositionSelector", ds.ID, a["id"], target["selector"])
				continue
			}
			start, end := int(position["start"].(float64)), int(position["end"].(float64))
			exact, _ := text.Slice(start, end)
			prefix, _ := text.Slice(max(0, start-counterpoint.ContextLength), start)
			suffix, _ := text.Slice(end, min(text.Len(), end+counterpoint.ContextLength))
			if quote["exact"] != exact || quote["prefix"] != prefix || quote["suffix"] != suffix {
				t.Errorf("%s: annotation %v: %q|%q|%q, want %q|%q|%q at [%d, %d)", ds.ID, a["id"], quote["prefix"], quote["exact"], quote["suffix"], prefix, exact, suffix, start, end)
			}
		}
	}
}

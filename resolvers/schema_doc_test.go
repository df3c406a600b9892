package resolvers_test

import (
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint/internal/storetest"
	"github.com/counterpoint-news/counterpoint/resolvers"
)

// TestSchemaIsDocumented: every type, field and enum value of
// the contract in schema.graphqls carries a doc string, since notebooks and
// GraphiQL users read the contract through introspection.
func TestSchemaIsDocumented(t *testing.T) {
	schema := resolvers.NewAPI(storetest.New()).Schema.Schema()
	builtin := map[string]bool{"String": true, "Int": true, "Float": true, "Boolean": true, "ID": true}
	var missing []string
	for name, def := range schema.Types {
		if strings.HasPrefix(name, "__") || builtin[name] || def.BuiltIn {
			continue
		}
		if strings.TrimSpace(def.Description) == "" {
			missing = append(missing, "type "+name)
		}
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			if strings.TrimSpace(f.Description) == "" {
				missing = append(missing, name+"."+f.Name)
			}
		}
		for _, v := range def.EnumValues {
			if strings.TrimSpace(v.Description) == "" {
				missing = append(missing, name+"."+v.Name)
			}
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d parts of schema.graphqls have no doc string: %s", len(missing), strings.Join(missing, ", "))
	}
}

package counterpoint_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestComposeFile checks docker-compose.yml where no Docker engine runs:
// it parses, uses the official image with a healthcheck the image can run,
// binds ports to loopback only, keeps data in a named volume, and orders
// the seed between Neo4j and the API.
func TestComposeFile(t *testing.T) {
	b, err := os.ReadFile("docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	var compose struct {
		Services map[string]struct {
			Image       string         `yaml:"image"`
			Build       any            `yaml:"build"`
			Command     []string       `yaml:"command"`
			Ports       []string       `yaml:"ports"`
			Volumes     []string       `yaml:"volumes"`
			Environment map[string]any `yaml:"environment"`
			Healthcheck struct {
				Test []string `yaml:"test"`
			} `yaml:"healthcheck"`
			DependsOn map[string]struct {
				Condition string `yaml:"condition"`
			} `yaml:"depends_on"`
		} `yaml:"services"`
		Volumes map[string]any `yaml:"volumes"`
	}
	if err := yaml.Unmarshal(b, &compose); err != nil {
		t.Fatalf("docker-compose.yml does not parse: %v", err)
	}
	neo, seed, api := compose.Services["neo4j"], compose.Services["seed"], compose.Services["api"]
	if neo.Image != "neo4j:5.26-community" {
		t.Errorf("neo4j image = %q, want the official neo4j:5.26-community", neo.Image)
	}
	hc := strings.Join(neo.Healthcheck.Test, " ")
	if !(strings.Contains(hc, "wget") || strings.Contains(hc, "cypher-shell")) || strings.Contains(hc, "curl") {
		t.Errorf("neo4j healthcheck %q must use wget or cypher-shell (the image has no curl)", hc)
	}
	if _, ok := compose.Volumes["neo4j-data"]; !ok || !slices.Contains(neo.Volumes, "neo4j-data:/data") {
		t.Errorf("neo4j data must live in the named volume neo4j-data; volumes %v", neo.Volumes)
	}
	for name, svc := range compose.Services {
		for _, p := range svc.Ports {
			if !strings.HasPrefix(p, "127.0.0.1:") {
				t.Errorf("service %s publishes %q beyond loopback", name, p)
			}
		}
	}
	if seed.DependsOn["neo4j"].Condition != "service_healthy" || !slices.Contains(seed.Command, "load") {
		t.Errorf("seed must load once Neo4j is healthy: command %v, depends_on %v", seed.Command, seed.DependsOn)
	}
	if api.DependsOn["seed"].Condition != "service_completed_successfully" || !slices.Contains(api.Command, "serve") {
		t.Errorf("api must serve after the seed completed: command %v, depends_on %v", api.Command, api.DependsOn)
	}
	for _, key := range []string{"NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"} {
		if _, ok := api.Environment[key]; !ok {
			t.Errorf("api environment lacks %s", key)
		}
	}
}

package loader

import (
	"errors"

	"github.com/counterpoint-news/counterpoint"
)

// Validate checks a decoded dataset with the domain's rules
// ((*counterpoint.Dataset).Validate, the same the API's mutations run),
// whatever format it came from, and names file and JSON path in each
// problem.
func Validate(file string, ds *counterpoint.Dataset) Problems {
	return fromDomain(file, ds.Validate())
}

// fromDomain turns the domain's problems into the loader's, with the file
// and the field as a JSON path.
func fromDomain(file string, err error) Problems {
	var ps counterpoint.Problems
	if err == nil || !errors.As(err, &ps) {
		if err != nil {
			return Problems{{File: file, Message: err.Error()}}
		}
		return nil
	}
	out := make(Problems, len(ps))
	for i, p := range ps {
		out[i] = Problem{File: file, Path: fieldPath(p.Field), Message: p.Message, unlisted: p.Unlisted()}
	}
	return out
}

// fieldPath writes a domain field ("claims[3].quotes[0]") as a JSON path
// ("$.claims[3].quotes[0]").
func fieldPath(field string) string {
	if field == "" {
		return string(Root)
	}
	return string(Root) + "." + field
}

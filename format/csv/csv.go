// Package csv writes the graphs of format/network as CSV node and edge
// tables, which spreadsheets, pandas and R read.
package csv

import (
	stdcsv "encoding/csv"
	"io"

	"github.com/counterpoint-news/counterpoint/format/network"
)

// Write writes g as two tables: nodes (id, then one column per node key)
// and edges (id, source, target, then one column per edge key), each with
// a header row.
func Write(nodes, edges io.Writer, g network.Graph) error {
	if err := g.Check(); err != nil {
		return err
	}
	write := func(w io.Writer, head []string, keys []network.Key, rows []network.Element, cols func(network.Element) []string) error {
		cw := stdcsv.NewWriter(w)
		for _, k := range keys {
			head = append(head, k.Name)
		}
		if err := cw.Write(head); err != nil {
			return err
		}
		for _, r := range rows {
			if err := cw.Write(append(cols(r), r.Values...)); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	}
	if err := write(nodes, []string{"id"}, g.NodeKeys, g.Nodes, func(e network.Element) []string { return []string{e.ID} }); err != nil {
		return err
	}
	return write(edges, []string{"id", "source", "target"}, g.EdgeKeys, g.Edges, func(e network.Element) []string { return []string{e.ID, e.Source, e.Target} })
}

// Package files writes what an export makes: a file replaced whole, so
// that a reader never sees half of it, and a zip archive of several files
// for a download. Every writer of export files (the CLI, the HTTP
// download) goes through it.
package files

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// File is one file of an export: its slash-separated name and the writer
// of its bytes.
type File struct {
	Name  string
	Write func(io.Writer) error
}

// WriteAtomic writes b to a temporary file beside path and renames it
// over path, so that a reader never sees half of it.
func WriteAtomic(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after the rename, there is nothing to remove
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// Zip writes fs as one zip archive, in order, for a download.
func Zip(w io.Writer, fs []File) error {
	z := zip.NewWriter(w)
	for _, f := range fs {
		fw, err := z.Create(f.Name)
		if err != nil {
			return err
		}
		if err := f.Write(fw); err != nil {
			return fmt.Errorf("write %s: %w", f.Name, err)
		}
	}
	return z.Close()
}

package golden

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

type vectors struct {
	Source string
	Cases  []struct {
		Name string
		X    float64
	}
}

func TestRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v.json")
	if err := os.WriteFile(path, []byte(`{"source":"test","cases":[{"name":"a","x":0.1}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	v := Read[vectors](t, path)
	if v.Source != "test" || len(v.Cases) != 1 || v.Cases[0].X != 0.1 {
		t.Fatalf("%+v", v)
	}
}

// An unknown key, a missing file and bad JSON fail the test.
func TestReadFails(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"unknown key": `{"source":"test","casez":[]}`,
		"bad json":    `{"source":`,
	} {
		path := filepath.Join(dir, name+".json")
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if !fails(func(tb testing.TB) { Read[vectors](tb, path) }) {
			t.Errorf("%s: Read did not fail", name)
		}
	}
	if !fails(func(tb testing.TB) { Read[vectors](tb, filepath.Join(dir, "missing.json")) }) {
		t.Error("missing file: Read did not fail")
	}
}

// fails reports whether f fails the test it is given.
func fails(f func(testing.TB)) bool {
	r := &recorder{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(r)
	}()
	<-done
	return r.failed
}

// recorder is a testing.TB that records a Fatalf and stops its goroutine.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Helper() {}
func (r *recorder) Fatalf(string, ...any) {
	r.failed = true
	runtime.Goexit()
}

// CheckEncodings freezes encodings and then holds values to them.
func TestCheckEncodings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "enc.json")
	at := time.Date(2026, 12, 2, 6, 0, 0, 0, time.UTC)
	values := []Named[*time.Time]{{"epoch", new(time.Time)}, {"at", &at}}
	CheckEncodings(t, path, "time.Time", values, true)
	f := Read[Encodings](t, path)
	if len(f.Cases) != 2 || f.Cases[1].JSON != `"2026-12-02T06:00:00Z"` || f.Source != "time.Time" {
		t.Fatalf("%+v", f)
	}
	CheckEncodings(t, path, "time.Time", values, false)
}

//go:build unix

package csvrow

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/rapportkit/rapport/row"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A FIFO streams like any reader: rows as the writer sends them, the end
// when it closes; a writer that sends NUL bytes forever ends the stream
// at the first one.
func TestFIFO(t *testing.T) {
	for _, c := range []struct {
		name  string
		write func(f *os.File)
		want  []record
	}{
		{"rows", func(f *os.File) {
			f.WriteString("a,b\n")
			time.Sleep(10 * time.Millisecond)
			f.WriteString("1,2\n3,")
			time.Sleep(10 * time.Millisecond)
			f.WriteString("4\n")
		}, []record{{Fields: []string{"a", "b"}, Line: 1}, {Fields: []string{"1", "2"}, Line: 2}, {Fields: []string{"3", "4"}, Line: 3}}},
		{"zeros", func(f *os.File) {
			zero := make([]byte, 1<<16)
			for range 1 << 10 {
				if _, err := f.Write(zero); err != nil {
					return // the reader has gone
				}
			}
		}, []record{{Line: 1, Err: row.ErrEncoding.Error(), Fatal: true}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "fifo")
			require.NoError(t, syscall.Mkfifo(path, 0o600))
			done := make(chan struct{})
			go func() {
				defer close(done)
				f, err := os.OpenFile(path, os.O_WRONLY, 0)
				if err != nil {
					return
				}
				defer f.Close()
				c.write(f)
			}()
			f, err := os.Open(path)
			require.NoError(t, err)
			start := time.Now()
			got := scanAll(t, f)
			f.Close()
			<-done
			assert.Equal(t, c.want, got)
			assert.Less(t, time.Since(start), 10*time.Second)
		})
	}
}

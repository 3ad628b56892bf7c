package blob

import (
	"errors"
	"io"
)

// Exact returns a reader of exactly size bytes from r, which fails when r
// ends early or goes on: a Store reads through it before anything is put
// in place, so a reader that does not match its size stores nothing.
func Exact(r io.Reader, size int64) io.Reader {
	return &exactReader{r: r, left: size}
}

type exactReader struct {
	r    io.Reader
	left int64
}

func (e *exactReader) Read(p []byte) (int, error) {
	if e.left <= 0 {
		// One more byte means the reader is longer than promised.
		var b [1]byte
		if n, _ := io.ReadFull(e.r, b[:]); n > 0 {
			return 0, errors.New("blob: more bytes than the size given")
		}
		return 0, io.EOF
	}
	if int64(len(p)) > e.left {
		p = p[:e.left]
	}
	n, err := e.r.Read(p)
	e.left -= int64(n)
	if err == io.EOF && e.left > 0 {
		return n, io.ErrUnexpectedEOF
	}
	if err == io.EOF {
		err = nil
	}
	return n, err
}

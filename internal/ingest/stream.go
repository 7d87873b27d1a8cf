package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
)

// Files of many articles (JSON Lines, Reuters SGML) may be far larger than
// MaxBytes, which bounds one article. When such a file is over the limit it
// is streamed: each line or element is read, checked against MaxBytes and
// yielded on its own, so memory stays bounded by one item.

// streamable reports whether the file at path (of size over the limit) is
// a multi-article format that can be streamed, judged by extension or by
// its first bytes.
func streamable(path string, head []byte) inputFormat {
	switch f := formatByExt(path); f {
	case formatJSONL, formatReuters:
		return f
	case formatUnknown, formatText, formatJSON:
		if s := sniff(head); s == formatJSONL || s == formatReuters {
			return s
		}
	}
	return formatUnknown
}

// streamFile reads a large JSON Lines or SGML file item by item.
func (r *Reader) streamFile(path string, f inputFormat, yield func(Item) bool) bool {
	fh, err := os.Open(path)
	if err != nil {
		return yield(itemErr(path, err))
	}
	defer fh.Close()
	if f == formatJSONL {
		return r.streamJSONL(path, fh, yield)
	}
	return r.streamReuters(path, fh, yield)
}

func (r *Reader) streamJSONL(origin string, in io.Reader, yield func(Item) bool) bool {
	br := bufio.NewReaderSize(in, 64<<10)
	any := false
	for ln := 1; ; ln++ {
		line, tooLong, err := readLine(br, r.opts.MaxBytes)
		if err != nil && !errors.Is(err, io.EOF) {
			return yield(itemErr(itemOrigin(origin, ln), fmt.Errorf("read: %w", err)))
		}
		switch {
		case tooLong:
			any = true
			if !yield(itemErr(itemOrigin(origin, ln), fmt.Errorf("%w (line longer than %d bytes)", ErrTooLarge, r.opts.MaxBytes))) {
				return false
			}
		case !jsonlLine(origin, ln, line, &any, yield):
			return false
		}
		if errors.Is(err, io.EOF) {
			break
		}
	}
	if !any {
		return yield(itemErr(origin, fmt.Errorf("%w: no JSON lines", ErrEmpty)))
	}
	return true
}

// readLine reads one line without its '\n'. A line over max bytes is
// consumed and reported as tooLong, without keeping it.
func readLine(br *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(line)+len(chunk)) > max+1 { // +1: the '\n' itself
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimSuffix(line, []byte("\n")), tooLong, err
	}
}

func (r *Reader) streamReuters(origin string, in io.Reader, yield func(Item) bool) bool {
	const chunkSize = 256 << 10
	var buf []byte
	chunk := make([]byte, chunkSize)
	n := 0
	skipping := false // inside an element over the limit, until its end tag
	for {
		k, err := io.ReadFull(in, chunk)
		buf = append(buf, chunk[:k]...)
		if skipping {
			if i := bytes.Index(buf, reutersClose); i >= 0 {
				buf = append([]byte(nil), buf[i+len(reutersClose):]...)
				skipping = false
			} else {
				buf = append([]byte(nil), buf[max(0, len(buf)-len(reutersClose)):]...)
			}
		}
		if !skipping {
			if last := bytes.LastIndex(buf, reutersClose); last >= 0 {
				end := last + len(reutersClose)
				if !readReuters(origin, buf[:end], &n, int(min(r.opts.MaxBytes, math.MaxInt)), yield) {
					return false
				}
				// A fresh buffer: yielded articles keep their Raw slices.
				buf = append([]byte(nil), buf[end:]...)
			}
			if int64(len(buf)) > r.opts.MaxBytes {
				if i := bytes.Index(buf, reutersOpen); i >= 0 {
					n++
					if !yield(itemErr(itemOrigin(origin, n), fmt.Errorf("%w (<REUTERS> element over %d bytes)", ErrTooLarge, r.opts.MaxBytes))) {
						return false
					}
					skipping = true
				}
				buf = append([]byte(nil), buf[max(0, len(buf)-len(reutersClose)):]...)
			}
		}
		if err != nil {
			if !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
				return yield(itemErr(origin, fmt.Errorf("read: %w", err)))
			}
			break
		}
	}
	if !skipping && !readReuters(origin, buf, &n, int(min(r.opts.MaxBytes, math.MaxInt)), yield) {
		return false
	}
	if n == 0 {
		return yield(itemErr(origin, fmt.Errorf("%w SGML: no <REUTERS> elements", ErrMalformed)))
	}
	return true
}

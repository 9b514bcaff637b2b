package csvrow

// chunkLen is the length of a Chunks' chunks.
const chunkLen = 1 << 16

// Chunks collects values in chunks, so that a growing collection never
// copies what it holds; Flatten copies it once into a slice of the exact
// length, or returns its only chunk as it is. Collecting n values costs n
// values of memory and one chunk of slack, and Flatten twice that at its
// peak unless Grow made the one chunk they fill, where growing a slice by
// append copies the values over and over and holds up to three times
// them.
type Chunks[T any] struct {
	full [][]T
	cur  []T
	n    int
}

// Grow makes room for n more values in one chunk, so that Flatten
// need not copy them when n is right.
func (c *Chunks[T]) Grow(n int) {
	if n <= cap(c.cur)-len(c.cur) {
		return
	}
	if len(c.cur) > 0 {
		c.full = append(c.full, c.cur)
	}
	c.cur = make([]T, 0, n)
}

// Append adds v.
func (c *Chunks[T]) Append(v T) {
	if len(c.cur) == cap(c.cur) {
		if c.cur != nil {
			c.full = append(c.full, c.cur)
		}
		c.cur = make([]T, 0, chunkLen)
	}
	c.cur = append(c.cur, v)
	c.n++
}

// Len returns the number of values.
func (c *Chunks[T]) Len() int { return c.n }

// Each calls f with a pointer to every value, in order.
func (c *Chunks[T]) Each(f func(*T)) {
	for _, ch := range c.full {
		for i := range ch {
			f(&ch[i])
		}
	}
	for i := range c.cur {
		f(&c.cur[i])
	}
}

// Flatten returns the values in one slice and empties c, letting each
// chunk go as soon as it is copied.
func (c *Chunks[T]) Flatten() []T {
	if c.n == 0 {
		return nil
	}
	if len(c.full) == 0 {
		out := c.cur
		*c = Chunks[T]{}
		return out
	}
	out := make([]T, 0, c.n)
	for i, ch := range c.full {
		out = append(out, ch...)
		c.full[i] = nil
	}
	out = append(out, c.cur...)
	*c = Chunks[T]{}
	return out
}

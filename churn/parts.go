package churn

// parts holds hashes partitioned by their top bits, each part in chunks
// of a fixed size that are never copied to grow.
type parts struct {
	shift uint                  // a hash h is in part h >> shift
	fill  []uint32              // the hashes in the open chunk of each part
	open  []*[chunkLen]uint64   // the open chunk of each part
	full  [][]*[chunkLen]uint64 // the full chunks of each part
	// The hashes of a part go first to its line, a cache line: the lines
	// of all parts fit in the cache, where the open chunks do not, and a
	// full line is copied to its chunk whole.
	line  [][lineLen]uint64
	lined []uint8 // the hashes in each line
}

// lineLen is the number of hashes in a cache line.
const lineLen = 8

// chunkLen is the length of a chunk, 2 KiB.
const chunkLen = 1 << 8

// newParts returns 2^bits empty parts.
func newParts(bits uint) *parts {
	n := 1 << bits
	ps := &parts{shift: 64 - bits, fill: make([]uint32, n), open: make([]*[chunkLen]uint64, n), full: make([][]*[chunkLen]uint64, n),
		line: make([][lineLen]uint64, n), lined: make([]uint8, n)}
	for p := range ps.open {
		ps.open[p] = new([chunkLen]uint64)
	}
	return ps
}

// add adds hashes to their parts.
func (ps *parts) add(hs []uint64) {
	line, lined := ps.line, ps.lined
	for _, h := range hs {
		p := h >> ps.shift
		f := lined[p]
		line[p][f%lineLen] = h
		f++
		lined[p] = f
		if f == lineLen {
			ps.flush(int(p))
		}
	}
}

// flush moves the line of part p to its open chunk.
func (ps *parts) flush(p int) {
	f := ps.fill[p]
	for k, h := range ps.line[p][:ps.lined[p]] {
		ps.open[p][(int(f)+k)%chunkLen] = h
	}
	ps.fill[p] = f + uint32(ps.lined[p])
	ps.lined[p] = 0
	if ps.fill[p] == chunkLen {
		ps.next(p)
	}
}

// next closes the open chunk of part p, which is full.
func (ps *parts) next(p int) {
	ps.full[p] = append(ps.full[p], ps.open[p])
	ps.open[p] = new([chunkLen]uint64)
	ps.fill[p] = 0
}

// all returns every part as its chunks, the open one last.
func (ps *parts) all() [][][]uint64 {
	for p := range ps.lined {
		ps.flush(p)
	}
	out := make([][][]uint64, len(ps.open))
	for p := range out {
		chunks := make([][]uint64, 0, len(ps.full[p])+1)
		for _, c := range ps.full[p] {
			chunks = append(chunks, c[:])
		}
		out[p] = append(chunks, ps.open[p][:ps.fill[p]])
	}
	return out
}

package segment

import "slices"

// pair is a sort key and the customer it belongs to.
type pair struct {
	key uint64
	idx uint32
}

// sortPairs sorts p by key, by counting when the keys span a range not
// much larger than their number and by an LSD radix sort on the bytes
// that vary otherwise: O(n) either way.
func sortPairs(p []pair) []pair {
	if len(p) < 2 {
		return p
	}
	lo, hi := p[0].key, p[0].key
	for _, x := range p {
		lo, hi = min(lo, x.key), max(hi, x.key)
	}
	span := hi - lo
	if span < uint64(4*len(p)+1024) {
		return countingSort(p, lo, int(span)+1)
	}
	if len(p) < 256 {
		slices.SortFunc(p, func(a, b pair) int {
			switch {
			case a.key < b.key:
				return -1
			case a.key > b.key:
				return 1
			}
			return 0
		})
		return p
	}
	buf := make([]pair, len(p))
	for shift := uint(0); shift < 64 && span>>shift != 0; shift += 8 {
		var count [256]int
		for _, x := range p {
			count[byte((x.key-lo)>>shift)]++
		}
		if count[byte((p[0].key-lo)>>shift)] == len(p) {
			continue // every key has this byte: the pass would not move anything
		}
		pos := 0
		for i, c := range count {
			count[i] = pos
			pos += c
		}
		for _, x := range p {
			d := byte((x.key - lo) >> shift)
			buf[count[d]] = x
			count[d]++
		}
		p, buf = buf, p
	}
	return p
}

func countingSort(p []pair, lo uint64, span int) []pair {
	count := make([]int, span+1)
	for _, x := range p {
		count[x.key-lo+1]++
	}
	for i := 1; i <= span; i++ {
		count[i] += count[i-1]
	}
	out := make([]pair, len(p))
	for _, x := range p {
		out[count[x.key-lo]] = x
		count[x.key-lo]++
	}
	return out
}

// quantileScores gives customer scored[j], whose key is keys[j], the
// score 1 + ⌊k·L/n⌋, L the number of customers with a strictly smaller key,
// and returns, for j = 1..k−1, the smallest key that scores at least j+1
// (cut j), stopping at the first score nobody reaches. Keys spanning a
// range not much larger than their number are counted (a histogram: no
// sort); others are sorted.
func quantileScores(keys []uint64, scored []uint32, k int, scores []uint8) []uint64 {
	if len(keys) == 0 {
		return nil
	}
	lo, hi := keys[0], keys[0]
	for _, x := range keys {
		lo, hi = min(lo, x), max(hi, x)
	}
	if span := hi - lo; span < uint64(2*len(keys)+1024) {
		count := make([]int, span+1)
		for _, x := range keys {
			count[x-lo]++
		}
		score := make([]uint8, span+1)
		b := newBinner(len(keys), k)
		for v, c := range count {
			if c > 0 {
				score[v] = b.next(lo+uint64(v), c)
			}
		}
		for j, i := range scored {
			scores[i] = score[keys[j]-lo]
		}
		return b.cuts
	}
	p := make([]pair, len(keys))
	for j, x := range keys {
		p[j] = pair{key: x, idx: scored[j]}
	}
	p = sortPairs(p)
	b := newBinner(len(keys), k)
	for g := 0; g < len(p); {
		e := g + 1
		for e < len(p) && p[e].key == p[g].key {
			e++
		}
		s := b.next(p[g].key, e-g)
		for _, x := range p[g:e] {
			scores[x.idx] = s
		}
		g = e
	}
	return b.cuts
}

// binner scores the groups of equal keys in ascending order.
type binner struct {
	n, k, below int // below: customers in the groups so far
	cuts        []uint64
}

func newBinner(n, k int) *binner { return &binner{n: n, k: k, cuts: []uint64{}} }

// next returns the score of the next group, key with count customers.
func (b *binner) next(key uint64, count int) uint8 {
	s := 1 + uint64(b.k)*uint64(b.below)/uint64(b.n)
	for len(b.cuts) < b.k-1 && uint64(len(b.cuts))+1 < s {
		b.cuts = append(b.cuts, key)
	}
	b.below += count
	return uint8(s)
}

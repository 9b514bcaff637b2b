package segment

import "slices"

// pair is a sort key and the customer it belongs to.
type pair struct {
	key uint64
	idx uint32
}

// sortPairs sorts p by key, by counting when the keys span a range not
// much larger than their number and by an LSD radix sort on the bytes
// that vary otherwise: O(n) either way. Equal keys may come in any
// order; nothing downstream depends on it.
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

// quantileBins gives every customer of the sorted pairs the score
// 1 + ⌊k·L/n⌋, L the number of customers with a strictly smaller key, and
// returns, for j = 1..k−1, the index of a customer holding the smallest key
// that scores at least j+1 (cut j), stopping at the first score nobody
// reaches.
func quantileBins(sorted []pair, k int, scores []uint8) []uint32 {
	n := uint64(len(sorted))
	var cuts []uint32
	start := 0
	for p := range sorted {
		if p > 0 && sorted[p].key != sorted[p-1].key {
			start = p
		}
		s := 1 + uint64(k)*uint64(start)/n
		scores[sorted[p].idx] = uint8(s)
		for len(cuts) < k-1 && uint64(len(cuts))+1 < s {
			cuts = append(cuts, sorted[p].idx)
		}
	}
	return cuts
}

package pagecache

// CRC-32 (IEEE) combination, after zlib's crc32_combine_op: the CRC of
// A‖B from the CRCs of A and B and an operator that depends only on B's
// length. A cached page keeps its static parts compressed only, with
// each part's CRC and operator, so a response's CRC costs a few dozen
// operations per part instead of a pass over the uncompressed page.

const crcPoly = 0xedb88320 // IEEE, reflected

// multModP multiplies a and b modulo the CRC polynomial (reflected).
func multModP(a, b uint32) uint32 {
	m := uint32(1) << 31
	var p uint32
	for {
		if a&m != 0 {
			p ^= b
			if a&(m-1) == 0 {
				break
			}
		}
		m >>= 1
		if b&1 != 0 {
			b = b>>1 ^ crcPoly
		} else {
			b >>= 1
		}
	}
	return p
}

// x2nTable[k] is x^(2^k) modulo the polynomial.
var x2nTable = func() (t [32]uint32) {
	p := uint32(1) << 30 // x^1
	for n := range t {
		t[n] = p
		p = multModP(p, p)
	}
	return t
}()

// crcShiftOp returns the operator that moves a CRC past n more bytes:
// x^(8n) modulo the polynomial.
func crcShiftOp(n int) uint32 {
	p := uint32(1) << 31 // x^0
	k := 3               // 8 bits per byte
	for ; n > 0; n >>= 1 {
		if n&1 != 0 {
			p = multModP(x2nTable[k&31], p)
		}
		k++
	}
	return p
}

// crcCombine returns the CRC of A‖B, given the CRC of A, the CRC of B and
// crcShiftOp(len(B)).
func crcCombine(crcA, crcB, op uint32) uint32 { return multModP(op, crcA) ^ crcB }

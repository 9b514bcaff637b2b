"""Reference values for internal/stat/counts.go, independent of the Go code.

Run: /usr/bin/python3 internal/stat/testdata/counts.py   

Means and variances are exact rationals (fractions.Fraction) from the raw
sums, rounded once to float64; the t interval is in counts.R.
"""
from fractions import Fraction

def mean_var(counts, lo):
    n = sum(counts)
    s1 = sum((lo + i) * c for i, c in enumerate(counts))
    mean = Fraction(s1, n)
    ss = sum(c * (lo + i - mean) ** 2 for i, c in enumerate(counts))
    var = ss / (n - 1) if n > 1 else None
    return float(mean), (float(var) if var is not None else None)

print("# counts min -> mean, variance (exact, then rounded)")
for counts, lo in [([190, 240, 110, 330, 140], 1), ([3, 0, 4], 0), ([1, 2, 3, 4, 5, 6, 7], 1),
                   ([5, 1, 0, 2], -2), ([2**62, 2**62 + 1], 1), ([2**63, 1, 2**63 - 7], 3),
                   ([7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2**40], 0), ([1], 4)]:
    print(counts, lo, *(repr(x) for x in mean_var(counts, lo)))

print("# ratio k*x/n")
for x, n, k in [(29, 100, 100), (1, 3, 100), (2**62 + 1, 2**63, 100), (7, 7, 100), (0, 5, 100), (123456789, 987654321, 1)]:
    print(x, n, k, repr(float(Fraction(x * k, n))))

# The t interval vectors come from R (counts.R): scipy 1.10's t.ppf(0.95, 1)
# is 6.313751514800932, 2e-11 off tan(0.45π) = 6.313751514675041.

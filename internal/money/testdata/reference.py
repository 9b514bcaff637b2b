#!/usr/bin/python3
"""Reference sums for internal/money, computed independently of Go.

Each line of sums.txt is a case: the terms as decimal strings, then "=",
then the exact sum as "coefficient exponent" with the exponent of a Sum:
min(0, exponents of the terms). The sum is computed twice, with Python's
decimal (a context wide enough to be exact) and with fractions.Fraction,
and the two must agree.

Run: /usr/bin/python3 internal/money/testdata/reference.py > internal/money/testdata/sums.txt
"""
import random
from decimal import Decimal, Context, localcontext
from fractions import Fraction

rng = random.Random(20250601)

B127 = 2**127
B64 = 2**63

def term():
    k = rng.randrange(10)
    if k == 0:   # near the int64 bounds
        c = rng.choice([B64 - 1, -B64, B64 - 1 - rng.randrange(1000), -B64 + rng.randrange(1000)])
    elif k == 1: # near the 128-bit bounds
        c = rng.choice([B127 - 1, -B127, B127 - 1 - rng.randrange(10**6), -B127 + rng.randrange(10**6), B127, -B127 - 1])
    elif k == 2: # past 128 bits
        c = rng.randrange(-10**60, 10**60)
    elif k == 3:
        c = 0
    else:        # ordinary amounts
        c = rng.randrange(-10**rng.randrange(1, 19), 10**rng.randrange(1, 19))
    e = rng.choice([0, -1, -2, -2, -2, -3, -6, -18, -30, 1, 2, 5, 20])
    return Decimal(c).scaleb(e, context=Context(prec=200))

def exact_sum(terms):
    with localcontext(Context(prec=1000)) as ctx:
        s = Decimal(0)
        for t in terms:
            s = ctx.add(s, t)
    e = min([0] + [t.as_tuple().exponent for t in terms])
    q = s.quantize(Decimal(1).scaleb(e), context=Context(prec=1000))
    assert q == s
    f = sum((Fraction(t) for t in terms), Fraction(0))
    assert Fraction(q) == f, (terms, q, f)
    sign, digits, exp = q.as_tuple()
    assert exp == e
    coef = int("".join(map(str, digits)) or "0") * (-1 if sign else 1)
    return coef, e

def text(d):
    # Go's decimal.NewFromString reads "c e" written as "cEe".
    sign, digits, exp = d.as_tuple()
    c = int("".join(map(str, digits)) or "0") * (-1 if sign else 1)
    return f"{c}e{exp}"

cases = [
    ["0.1", "0.2"],
    ["1e3", "-0.3", "0.0000001"],
    ["0.00"],
    ["5e2"],
    [str(B127 - 1), "1"],
    [str(-B127), "-1"],
    [str(-B127)],
    [str(B64 - 1), "1"],
]
for _ in range(400):
    cases.append([text(term()) for _ in range(rng.randrange(1, 12))])
for ts in cases:
    terms = [Decimal(t.replace("e", "E")) for t in ts]
    coef, e = exact_sum(terms)
    print(" ".join(ts), "=", coef, e)

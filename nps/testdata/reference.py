"""Reference NPS intervals, independent of the Go code.

Run: /usr/bin/python3 nps/testdata/reference.py   (Debian python3-scipy)

Tango's interval is found here by brute force: the constrained maximum
likelihood is found numerically (scipy.optimize.minimize_scalar), not
from the closed-form root the Go code uses, and the bounds by brentq.
"""
import math
from scipy import optimize, stats

def wald(p, d, n, z):
    s = (p - d) / n
    v = p / n + d / n - s * s
    h = z * math.sqrt(max(v, 0) / n)
    return max(-1, s - h), min(1, s + h)

def constrained_q(p, d, n, delta):
    zc = n - p - d
    lo, hi = max(0.0, -delta), (1 - delta) / 2
    def nll(q):
        ll = 0.0
        for count, prob in ((p, q + delta), (d, q), (zc, 1 - 2 * q - delta)):
            if count > 0:
                if prob <= 0:
                    return 1e300
                ll += count * math.log(prob)
        return -ll
    r = optimize.minimize_scalar(nll, bounds=(lo, hi), method="bounded",
                                 options={"xatol": 1e-14, "maxiter": 10000})
    # compare with the bounds themselves (the optimum may sit on one)
    best = min((r.x, lo, hi), key=nll)
    return best

def T(p, d, n, delta):
    q = constrained_q(p, d, n, delta)
    v = 2 * q + delta - delta * delta
    num = p - d - n * delta
    if num == 0:
        return 0.0
    if v <= 0:
        return math.copysign(math.inf, num)
    return num / math.sqrt(n * v)

def tango(p, d, n, z):
    s = (p - d) / n
    lo = -1.0 if d == n else optimize.brentq(lambda x: T(p, d, n, x) - z, -1 + 1e-12, s, xtol=1e-13)
    hi = 1.0 if p == n else optimize.brentq(lambda x: T(p, d, n, x) + z, s, 1 - 1e-12, xtol=1e-13)
    return lo, hi

cases = [(60, 25, 15, 0.95), (40, 100, 20, 0.95), (30, 50, 20, 0.90), (10, 0, 0, 0.95),
         (0, 0, 10, 0.95), (5, 0, 5, 0.95), (8, 2, 0, 0.95), (1, 1, 1, 0.99), (412, 301, 287, 0.95)]
for p, pas, d, level in cases:
    n = p + pas + d
    z = stats.norm.ppf(1 - (1 - level) / 2)
    w = wald(p, d, n, z)
    aw = wald(p + 0.75, d + 0.75, n + 3, z)
    t = tango(p, d, n, z)
    print(f"{{{p}, {pas}, {d}, {level}, [2]float64{{{w[0]!r}, {w[1]!r}}}, [2]float64{{{aw[0]!r}, {aw[1]!r}}}, [2]float64{{{t[0]!r}, {t[1]!r}}}}},")

print("# compare a=(60,25,15) b=(40,100,20) and a=(412,301,287) b=(380,320,300), 95%")
def compare(a, b, level=0.95):
    (pa, _, da), (pb, _, db) = a, b
    na, nb = sum(a), sum(b)
    sa, sb = (pa - da) / na, (pb - db) / nb
    va = pa / na + da / na - sa ** 2
    vb = pb / nb + db / nb - sb ** 2
    se = math.sqrt(va / na + vb / nb)
    z = (sa - sb) / se
    p = 2 * stats.norm.sf(abs(z))
    c = stats.norm.ppf(1 - (1 - level) / 2)
    return sa - sb, se, z, p, sa - sb - c * se, sa - sb + c * se
for a, b in [((60, 25, 15), (40, 100, 20)), ((412, 301, 287), (380, 320, 300))]:
    print(a, b, [repr(x) for x in compare(a, b)])

print("# sample size: ceil(z^2 v / m^2), FPC n0/(1+(n0-1)/N)")
for pp, pd, m, level, pop in [(0.5, 0.2, 0.05, 0.95, 0), (0.5, 0.2, 0.05, 0.95, 500), (0.3, 0.3, 0.1, 0.9, 0), (0.45, 0.15, 0.03, 0.99, 0)]:
    z = stats.norm.ppf(1 - (1 - level) / 2)
    v = pp + pd - (pp - pd) ** 2
    n0 = z * z * v / m / m
    n = n0 / (1 + (n0 - 1) / pop) if pop else n0
    print(pp, pd, m, level, pop, repr(n), math.ceil(n))

print("# weighted: scores/weights -> score, linearised SE")
scores = [10, 9, 9, 8, 7, 6, 3, 0, 10, 5]
weights = [1.2, 0.8, 1.0, 2.0, 0.5, 1.5, 0.7, 1.1, 0.9, 1.3]
c = [1 if s >= 9 else (0 if s >= 7 else -1) for s in scores]
W = sum(weights)
m = sum(w * ci for w, ci in zip(weights, c)) / W
se = math.sqrt(sum(w * w * (ci - m) ** 2 for w, ci in zip(weights, c))) / W
neff = W * W / sum(w * w for w in weights)
print(repr(m), repr(se), repr(neff))

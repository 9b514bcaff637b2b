#!/usr/bin/python3
"""Reference values for package clv, written to golden.json.

Run from this directory with Debian's Python (python3-mpmath, python3-scipy,
python3-numpy, python3-pandas):

    /usr/bin/python3 reference.py            # everything, ~10 minutes
    /usr/bin/python3 reference.py dert clv   # these sections only

Every value is computed independently of the Go code, from the papers'
closed forms:

  * BG/NBD: Fader, Hardie & Lee (2005), "Counting your customers the easy
    way", Marketing Science 24(2): the likelihood (eq. 6), P(X(t) = x)
    (eq. 8), E[X(t)] (eq. 9), P(alive) and E[Y(t) | x, t_x, T] (eq. 10),
    with mpmath's hypergeometric function at 40 digits.
  * MBG/NBD: Batislam, Denizel & Filiztekin (2007) as implemented in
    lifetimes' ModifiedBetaGeoFitter (the same closed forms with b+1).
  * Pareto/NBD: Fader & Hardie (2005), "A note on deriving the Pareto/NBD
    model and related expressions": the likelihood with A0 written with
    2F1 (eqs. 22-24), P(alive) (eq. 18), the expectations (eqs. 17, 21);
    Fader & Hardie (2006), "Deriving an expression for P(X(t) = x) under
    the Pareto/NBD model" (eq. 16), checked against mpmath.quad of the
    mixture over lifetimes.
  * Gamma-Gamma: Fader, Hardie & Lee (2005), "RFM and CLV: using iso-value
    curves", Journal of Marketing Research 42(4), and Fader & Hardie
    (2013), "The Gamma-Gamma model of monetary value": the likelihood and
    E[M | x, zbar].
  * DERT: the Pareto/NBD's discounted expected residual transactions of
    Fader, Hardie & Lee (2005, RFM and CLV, eq. 2) with Tricomi's U,
    checked against mpmath.quad.
  * CLV: lifetimes' customer_lifetime_value loop (steps of 4.345 weeks,
    (1 + d)^-i), the undiscounted expectation, and continuous discounting
    e^(-delta H) E(H) + delta * integral of e^(-delta u) E(u) du (mpmath.quad).
  * Maximum likelihood on CDNOW: numpy/scipy implementations of the same
    likelihoods (scipy.special, lifetimes' log-space Pareto/NBD with
    scipy's hyp2f1), maximised by scipy.optimize (Nelder-Mead, then BFGS),
    the maximum re-evaluated in mpmath.
  * Summaries of transactions: pandas, following lifetimes'
    summary_data_from_transaction_data (distinct days, repeat mean of the
    days' totals) on a seeded set of orders written to orders.csv.

Sanity checks of the references themselves (sum of P(X(t) = n) = 1, its
mean = E[X(t)], closed form = quadrature) are asserted as they are built.
"""

import csv
import decimal
import json
import math
import random

import mpmath as mp
import numpy as np
import pandas as pd
import scipy
from scipy import optimize, special

mp.mp.dps = 40
F = mp.mpf


def num(v):
    """A float for JSON, from an mpf."""
    return float(v)


# ---------------------------------------------------------------- models

def bg_ll(p, x, tx, T, modified=False):
    r, al, a, b = map(F, p)
    x, tx, T = F(x), F(tx), F(T)
    m = 1 if modified else 0
    head = mp.loggamma(r + x) - mp.loggamma(r) + r * mp.log(al)
    alive = mp.beta(a, b + x + m) / mp.beta(a, b) * (al + T) ** (-(r + x))
    dead = 0
    if x > 0 or modified:
        dead = mp.beta(a + 1, b + x - 1 + m) / mp.beta(a, b) * (al + tx) ** (-(r + x))
    return head + mp.log(alive + dead)


def bg_palive(p, x, tx, T, modified=False):
    r, al, a, b = map(F, p)
    x, tx, T = F(x), F(tx), F(T)
    if modified:
        return 1 / (1 + a / (b + x) * ((al + T) / (al + tx)) ** (r + x))
    if x == 0:
        return F(1)
    return 1 / (1 + a / (b + x - 1) * ((al + T) / (al + tx)) ** (r + x))


def bg_expected(p, x, tx, T, t, modified=False):
    """FHL (2005) eq. 10; MBG/NBD with b + 1 (lifetimes)."""
    r, al, a, b = map(F, p)
    x, tx, T, t = F(x), F(tx), F(T), F(t)
    z = t / (al + T + t)
    if modified:
        core = (a + b + x) / (a - 1) * (1 - ((al + T) / (al + T + t)) ** (r + x) * mp.hyp2f1(r + x, b + x + 1, a + b + x, z))
    else:
        core = (a + b + x - 1) / (a - 1) * (1 - ((al + T) / (al + T + t)) ** (r + x) * mp.hyp2f1(r + x, b + x, a + b + x - 1, z))
    return core * bg_palive(p, x, tx, T, modified)


def bg_expected_new(p, t, modified=False):
    r, al, a, b = map(F, p)
    t = F(t)
    z = t / (al + t)
    if modified:
        return b / (a - 1) * (1 - (al / (al + t)) ** r * mp.hyp2f1(r, b + 1, a + b, z))
    return (a + b - 1) / (a - 1) * (1 - (al / (al + t)) ** r * mp.hyp2f1(r, b, a + b - 1, z))


def nbd(r, al, t, n):
    r, al, t = F(r), F(al), F(t)
    return mp.gamma(r + n) / (mp.gamma(r) * mp.factorial(n)) * (al / (al + t)) ** r * (t / (al + t)) ** n


def bg_pnew(p, n, t, modified=False):
    """FHL (2005) eq. 8; the MBG/NBD one from its death at time 0. The
    difference 1 - P(N < n) cancels to the tail, so it runs at 120 digits."""
    with mp.workdps(120):
        return +_bg_pnew(p, n, t, modified)


def _bg_pnew(p, n, t, modified):
    r, al, a, b = map(F, p)
    if modified:
        tail = 1 - mp.fsum(nbd(r, al, t, j) for j in range(n + 1))
        return mp.beta(a, b + n) / mp.beta(a, b) * nbd(r, al, t, n) + mp.beta(a + 1, b + n) / mp.beta(a, b) * tail
    v = mp.beta(a, b + n) / mp.beta(a, b) * nbd(r, al, t, n)
    if n > 0:
        v += mp.beta(a + 1, b + n - 1) / mp.beta(a, b) * (1 - mp.fsum(nbd(r, al, t, j) for j in range(n)))
    return v


def pnbd_A0(p, x, tx, T):
    """Fader & Hardie (2005) note, eqs. 22-23."""
    r, al, s, be = map(F, p)
    x, tx, T = F(x), F(tx), F(T)
    k = r + s + x
    if al >= be:
        f1 = mp.hyp2f1(k, s + 1, k + 1, (al - be) / (al + tx)) / (al + tx) ** k
        f2 = mp.hyp2f1(k, s + 1, k + 1, (al - be) / (al + T)) / (al + T) ** k
    else:
        f1 = mp.hyp2f1(k, r + x, k + 1, (be - al) / (be + tx)) / (be + tx) ** k
        f2 = mp.hyp2f1(k, r + x, k + 1, (be - al) / (be + T)) / (be + T) ** k
    return f1 - f2


def pnbd_ll(p, x, tx, T):
    r, al, s, be = map(F, p)
    x, tx, T = F(x), F(tx), F(T)
    head = mp.loggamma(r + x) - mp.loggamma(r) + r * mp.log(al) + s * mp.log(be)
    return head + mp.log((al + T) ** (-(r + x)) * (be + T) ** (-s) + s / (r + s + x) * pnbd_A0(p, x, tx, T))


def pnbd_palive(p, x, tx, T):
    r, al, s, be = map(F, p)
    x, tx, T = F(x), F(tx), F(T)
    return 1 / (1 + s / (r + s + x) * (al + T) ** (r + x) * (be + T) ** s * pnbd_A0(p, x, tx, T))


def pnbd_expected(p, x, tx, T, t):
    r, al, s, be = map(F, p)
    x, tx, T, t = F(x), F(tx), F(T), F(t)
    if s == 1:
        core = (r + x) * (be + T) / (al + T) * mp.log((be + T + t) / (be + T))
    else:
        core = (r + x) * (be + T) / ((al + T) * (s - 1)) * (1 - ((be + T) / (be + T + t)) ** (s - 1))
    return core * pnbd_palive(p, x, tx, T)


def pnbd_expected_new(p, t):
    r, al, s, be = map(F, p)
    t = F(t)
    if s == 1:
        return r * be / al * mp.log((be + t) / be)
    return r * be / (al * (s - 1)) * (1 - (be / (be + t)) ** (s - 1))


def pnbd_pnew_closed(p, n, t):
    """Fader & Hardie (2006), eq. 16. B1 minus the sum cancels to the
    result, so it runs at 120 digits."""
    with mp.workdps(120):
        return +_pnbd_pnew_closed(p, n, t)


def _pnbd_pnew_closed(p, n, t):
    r, al, s, be = map(F, p)
    t = F(t)
    first = nbd(r, al, t, n) * (be / (be + t)) ** s
    if al >= be:
        b1 = mp.hyp2f1(r + s, s + 1, r + s + n + 1, (al - be) / al) / al ** (r + s)
        b2 = lambda i: mp.hyp2f1(r + s + i, s + 1, r + s + n + 1, (al - be) / (al + t)) / (al + t) ** (r + s + i)
    else:
        b1 = mp.hyp2f1(r + s, r + n, r + s + n + 1, (be - al) / be) / be ** (r + s)
        b2 = lambda i: mp.hyp2f1(r + s + i, r + n, r + s + n + 1, (be - al) / (be + t)) / (be + t) ** (r + s + i)
    total = b1 - mp.fsum(mp.gamma(r + s + i) / (mp.gamma(r + s) * mp.factorial(i)) * t ** i * b2(i) for i in range(n + 1))
    return first + al ** r * be ** s * mp.beta(r + n, s + 1) / mp.beta(r, s) * total


def pnbd_pnew_quad(p, n, t):
    """The mixture over lifetimes, by mpmath.quad at 60 digits on four
    pieces (the integrand rises like tau^n)."""
    with mp.workdps(60):
        r, al, s, be = map(F, p)
        t = F(t)
        f = lambda tau: s * be ** s / (be + tau) ** (s + 1) * nbd(r, al, tau, n)
        return +((be / (be + t)) ** s * nbd(r, al, t, n) + mp.quad(f, [0, t / 2, 3 * t / 4, 7 * t / 8, t]))


def gg_ll(p, x, z):
    pp, q, v = map(F, p)
    x, z = F(x), F(z)
    px = pp * x
    return (mp.loggamma(px + q) - mp.loggamma(px) - mp.loggamma(q) + q * mp.log(v)
            + (px - 1) * mp.log(z) + px * mp.log(x) - (px + q) * mp.log(v + x * z))


def gg_spend(p, x, z):
    pp, q, v = map(F, p)
    x, z = F(x), F(z)
    return pp * (v + x * z) / (pp * x + q - 1)


# ---------------------------------------------------------------- data

def cdnow():
    with open("cdnow_customers_summary_with_transactions.csv") as f:
        return [(int(r["x"]), float(r["t_x"]), float(r["T"]), float(r["zbar"])) for r in csv.DictReader(f)]


def grouped(rows):
    counts = {}
    for x, tx, T, _ in rows:
        counts[(x, tx, T)] = counts.get((x, tx, T), 0) + 1
    return counts


def total_ll(ll, p, counts):
    return mp.fsum(c * ll(p, x, tx, T) for (x, tx, T), c in counts.items())


# ---------------------------------------------------------------- scipy fits

def np_bg(theta, x, tx, T, w, modified=False):
    r, al, a, b = np.exp(theta)
    m = 1.0 if modified else 0.0
    head = special.gammaln(r + x) - special.gammaln(r) + r * np.log(al) + special.betaln(a, b + x + m) - special.betaln(a, b)
    alive = -(r + x) * np.log(al + T)
    with np.errstate(divide="ignore", invalid="ignore"):
        dead = np.log(a) - np.log(b + x - 1 + m) - (r + x) * np.log(al + tx)
    if not modified:
        dead = np.where(x > 0, dead, -np.inf)
    return -np.sum(w * (head + np.logaddexp(alive, dead)))


def np_pnbd(theta, x, tx, T, w):
    """lifetimes' ParetoNBDFitter likelihood, in log space with scipy's hyp2f1."""
    r, al, s, be = np.exp(theta)
    if al < be:
        mn, mx, t = al, be, r + x
    else:
        mn, mx, t = be, al, s + 1
    k = r + s + x
    p1 = special.hyp2f1(k, t, k + 1, (mx - mn) / (mx + tx))
    p2 = special.hyp2f1(k, t, k + 1, (mx - mn) / (mx + T))
    q1, q2 = mx + tx, mx + T
    # log A0 = log(p1 / q1^k - p2 / q2^k), computed stably
    a1 = np.log(p1) - k * np.log(q1)
    a2 = np.log(p2) - k * np.log(q2)
    with np.errstate(divide="ignore", invalid="ignore"):
        la0 = a1 + np.log1p(-np.exp(a2 - a1))
    head = special.gammaln(r + x) - special.gammaln(r) + r * np.log(al) + s * np.log(be)
    alive = -(r + x) * np.log(al + T) - s * np.log(be + T)
    dead = np.where(tx < T, np.log(s) + la0 - np.log(k), -np.inf)
    return -np.sum(w * (head + np.logaddexp(alive, dead)))


def np_gg(theta, x, z, w):
    p, q, v = np.exp(theta)
    px = p * x
    ll = (special.gammaln(px + q) - special.gammaln(px) - special.gammaln(q) + q * np.log(v)
          + (px - 1) * np.log(z) + px * np.log(x) - (px + q) * np.log(v + x * z))
    return -np.sum(w * ll)


def scipy_fit(f, theta0, args):
    res = optimize.minimize(f, theta0, args=args, method="Nelder-Mead",
                            options={"xatol": 1e-12, "fatol": 1e-12, "maxiter": 40000, "maxfev": 40000})
    res = optimize.minimize(f, res.x, args=args, method="BFGS", options={"gtol": 1e-8})
    return np.exp(res.x)


def fits(rows):
    counts = grouped(rows)
    keys = list(counts)
    x = np.array([k[0] for k in keys], float)
    tx = np.array([k[1] for k in keys])
    T = np.array([k[2] for k in keys])
    w = np.array([counts[k] for k in keys], float)
    out = {}
    start = np.log([0.5, 5.0, 0.5, 2.0])
    for name, f, args, ll in [
        ("BGNBD", np_bg, (x, tx, T, w, False), lambda p, x, tx, T: bg_ll(p, x, tx, T)),
        ("MBGNBD", np_bg, (x, tx, T, w, True), lambda p, x, tx, T: bg_ll(p, x, tx, T, True)),
        ("ParetoNBD", np_pnbd, (x, tx, T, w), pnbd_ll),
    ]:
        p = scipy_fit(f, start, args)
        out[name] = {"params": [float(v) for v in p], "log_likelihood": num(total_ll(ll, list(p), counts))}
    rep = [(xx, z) for xx, _, _, z in rows if xx > 0]
    gc = {}
    for k in rep:
        gc[k] = gc.get(k, 0) + 1
    gx = np.array([k[0] for k in gc], float)
    gz = np.array([k[1] for k in gc])
    gw = np.array([gc[k] for k in gc], float)
    p = scipy_fit(np_gg, np.log([1.0, 1.0, 1.0]), (gx, gz, gw))
    out["GammaGamma"] = {"params": [float(v) for v in p],
                         "log_likelihood": num(mp.fsum(c * gg_ll(list(p), k[0], k[1]) for k, c in gc.items())),
                         "correlation": float(np.corrcoef([k[0] for k in rep], [k[1] for k in rep])[0, 1])}
    return out


# ---------------------------------------------------------------- points

BG_PARAMS = {
    "cdnow": [0.243, 4.414, 0.793, 2.426],
    "a near 1": [2.0, 50.0, 1.000000001, 3.0],
    "small shapes": [0.05, 0.3, 0.02, 0.5],
    "large shapes": [5.0, 2.0, 10.0, 50.0],
}
PNBD_PARAMS = {
    "cdnow": [0.553, 10.58, 0.606, 11.67],
    "alpha >> beta, s = 1": [1.0, 100.0, 1.0, 1.0],
    "beta >> alpha": [0.3, 1.0, 2.5, 50.0],
    "s integer": [0.8, 3.0, 2.0, 20.0],
}
SUMMARIES = [(0, 0.0, 38.86), (2, 30.43, 38.86), (1, 1.71, 38.86), (20, 35.0, 38.86),
             (5, 0.0, 10.0), (3, 10.0, 10.0), (200, 300.0, 365.0), (1000, 500.0, 520.0)]
HORIZONS = [0.5, 39.0, 52.0, 520.0]


def points():
    out = []
    for model, params in [("BGNBD", BG_PARAMS), ("MBGNBD", BG_PARAMS), ("ParetoNBD", PNBD_PARAMS)]:
        mod = model == "MBGNBD"
        for label, p in params.items():
            for x, tx, T in SUMMARIES:
                if model == "ParetoNBD":
                    ll, pa = pnbd_ll(p, x, tx, T), pnbd_palive(p, x, tx, T)
                    ex = [pnbd_expected(p, x, tx, T, t) for t in HORIZONS]
                else:
                    ll, pa = bg_ll(p, x, tx, T, mod), bg_palive(p, x, tx, T, mod)
                    ex = [bg_expected(p, x, tx, T, t, mod) for t in HORIZONS]
                out.append({"model": model, "params_label": label, "params": p, "x": x, "t_x": tx, "T": T,
                            "log_likelihood": num(ll), "p_alive": num(pa),
                            "horizons": HORIZONS, "expected": [num(e) for e in ex]})
    return out


def new_customers():
    out = []
    for model, params in [("BGNBD", BG_PARAMS), ("MBGNBD", BG_PARAMS), ("ParetoNBD", PNBD_PARAMS)]:
        mod = model == "MBGNBD"
        for label, p in params.items():
            for t in [1.0, 39.0, 520.0]:
                if model == "ParetoNBD":
                    e = pnbd_expected_new(p, t)
                    pn = lambda n: pnbd_pnew_closed(p, n, t)
                else:
                    e = bg_expected_new(p, t, mod)
                    pn = lambda n: bg_pnew(p, n, t, mod)
                ns = [0, 1, 2, 5, 20]
                probs = [pn(n) for n in ns]
                if model == "ParetoNBD":
                    for n, v in zip(ns, probs):
                        q = pnbd_pnew_quad(p, n, t)
                        assert abs(q - v) < mp.mpf(10) ** -20 * abs(v), (p, n, t, q, v)
                if t <= 39 and label != "small shapes" and (model != "ParetoNBD" or t == 1):
                    # the distribution adds up and its mean is E[X(t)]
                    full = [pn(n) for n in range(400 if model != "ParetoNBD" else 60)]
                    assert abs(mp.fsum(full) - 1) < 1e-10, (model, label, t, mp.fsum(full))
                    assert abs(mp.fsum(n * v for n, v in enumerate(full)) - e) < 1e-8 * e, (model, label, t)
                out.append({"model": model, "params_label": label, "params": p, "t": t,
                            "expected_new": num(e), "n": ns, "p_new": [num(v) for v in probs]})
    return out


def series():
    """E[min(N, D)] of the beta-geometric/NBD family over a grid, from the
    closed form (a+b-1)/(a-1) [1 - (1-z)^n 2F1(n, b; a+b-1; z)] at 60
    digits (a = 1 nudged by 1e-45), and the NBD's ln P(N = k) and P(N > k)
    at 60 digits."""
    rnd = random.Random(7)
    dropout, counts = [], []
    with mp.workdps(60):
        for _ in range(300):
            r, a, b = 10 ** rnd.uniform(-2, 1.5), 10 ** rnd.uniform(-2, 1.5), 10 ** rnd.uniform(-2, 1.5)
            if rnd.random() < 0.2:
                a = 1 + rnd.choice([0, 1e-9, 1e-6, -1e-6, 1e-3, -1e-3])
            x = rnd.choice([0, 1, 2, 5, 10, 30, 100, 1000])
            c = 10 ** rnd.uniform(-4, 3)
            n, bb = F(r + x), F(b + x)
            aa = F(a) + (F(10) ** -45 if a == 1 else 0)
            z = F(c) / (1 + F(c))
            k = (aa + bb - 1) / (aa - 1) * (1 - (1 - z) ** n * mp.hyp2f1(n, bb, aa + bb - 1, z))
            dropout.append({"n": r + x, "c": c, "a": a, "b": b + x, "mean": num(k)})
        for _ in range(200):
            r = 10 ** rnd.uniform(-2, 3)
            c = 10 ** rnd.uniform(-4, 3)
            k = rnd.choice([0, 1, 2, 5, 20, 100, 1000, 10000])
            P = lambda j: mp.gamma(r + j) / (mp.gamma(r) * mp.factorial(j)) * (1 + F(c)) ** (-r) * (F(c) / (1 + F(c))) ** j
            lp = mp.loggamma(r + k) - mp.loggamma(r) - mp.loggamma(k + 1) - r * mp.log1p(c) + k * (mp.log(c) - mp.log1p(c))
            tail = mp.betainc(k + 1, r, 0, F(c) / (1 + F(c)), regularized=True)
            counts.append({"r": r, "c": c, "k": k, "ln_p": num(lp), "tail": num(tail)})
    return {"dropout": dropout, "nbd": counts}


def spends():
    out = []
    p = [6.25, 3.74, 15.44]
    for x, z in [(1, 11.77), (2, 22.35), (10, 40.1), (50, 300.0), (1000, 5.5)]:
        out.append({"params": p, "x": x, "spend": z, "log_likelihood": num(gg_ll(p, x, z)),
                    "expected_spend": num(gg_spend(p, x, z))})
    return out


def clv():
    """Values under each convention for the CDNOW models at the published
    parameters, per customer."""
    bg = BG_PARAMS["cdnow"]
    pn = PNBD_PARAMS["cdnow"]
    gg = [6.25, 3.74, 15.44]
    customers = [(0, 0.0, 38.86, 0.0), (1, 1.71, 38.86, 11.77), (2, 30.43, 38.86, 22.35), (10, 35.0, 38.86, 40.1)]
    cases = [
        # lifetimes: customer_lifetime_value(bgf, ggf, ..., time=12, discount_rate=0.01, freq="W")
        {"convention": "stepwise", "rate": 0.01, "step": 4.345, "horizon": 12 * 4.345},
        # pymc-marketing's default: no discount over 12 months of 4.345 weeks
        {"convention": "none", "rate": 0, "step": 0, "horizon": 12 * 4.345},
        # FHL (2005) RFM and CLV: 15 % a year, continuously compounded weekly
        {"convention": "continuous", "rate": math.log(1.15) / 52, "step": 0, "horizon": 520.0},
    ]
    out = []
    for model, p, expected in [("BGNBD", bg, lambda x, tx, T, t: bg_expected(bg, x, tx, T, t)),
                               ("ParetoNBD", pn, lambda x, tx, T, t: pnbd_expected(pn, x, tx, T, t))]:
        for case in cases:
            for x, tx, T, z in customers:
                H = F(case["horizon"])
                E = lambda t: expected(x, tx, T, t) if t > 0 else F(0)
                if case["convention"] == "stepwise":
                    d, st = F(case["rate"]), F(case["step"])
                    steps = int(mp.ceil(H / st))
                    disc = mp.fsum((E(min(i * st, H)) - E(min((i - 1) * st, H))) / (1 + d) ** i for i in range(1, steps + 1))
                elif case["convention"] == "none":
                    disc = E(H)
                else:
                    dl = F(case["rate"])
                    disc = mp.exp(-dl * H) * E(H) + dl * mp.quad(lambda u: mp.exp(-dl * u) * E(u), [0, H / 8, H / 2, H])
                spend = gg_spend(gg, x, z) if x > 0 else F(gg[0]) * gg[2] / (gg[1] - 1)
                out.append({"model": model, "params": p, "spend_params": gg, **case,
                            "x": x, "t_x": tx, "T": T, "spend": z,
                            "expected": num(E(H)), "discounted": num(disc),
                            "expected_spend": num(spend), "clv": mp.nstr(spend * disc, 20)})
    return out


def dert():
    """The Pareto/NBD's discounted expected residual transactions over an
    unlimited horizon, Fader, Hardie & Lee (2005, RFM and CLV, eq. 2),
    with Tricomi's U (mpmath.hyperu), at the CDNOW parameters and 15 % a
    year compounded continuously per week; checked against mpmath.quad
    of e^(-delta u) dE/du over [0, inf)."""
    p = PNBD_PARAMS["cdnow"]
    r, al, s, be = map(F, p)
    delta = mp.log(F("1.15")) / 52
    out = []
    for x, tx, T in [(0, 0.0, 38.86), (1, 1.71, 38.86), (2, 30.43, 38.86), (10, 35.0, 38.86)]:
        xm, txm, Tm = F(x), F(tx), F(T)
        L = mp.exp(pnbd_ll(p, x, tx, T))
        closed = al ** r * be ** s * delta ** (s - 1) * mp.gamma(r + xm + 1) * mp.hyperu(s, s, delta * (be + Tm)) / (mp.gamma(r) * (al + Tm) ** (r + xm + 1) * L)
        rate = pnbd_palive(p, x, tx, T) * (r + xm) / (al + Tm)
        quad = rate * mp.quad(lambda u: mp.exp(-delta * u) * ((be + Tm) / (be + Tm + u)) ** s, [0, 1 / delta, 10 / delta, mp.inf])
        assert abs(closed - quad) < F(10) ** -25 * closed, (x, closed, quad)
        out.append({"params": p, "rate": float(delta), "x": x, "t_x": tx, "T": T, "dert": num(closed)})
    return out


# ---------------------------------------------------------------- summaries

def orders():
    """Seeded orders of 40 customers in 2023-2024 at UTC+11, written to
    orders.csv, summarised with pandas as lifetimes does."""
    rnd = random.Random(20261201)
    rows = []
    for c in range(40):
        first = pd.Timestamp("2023-01-01T00:00:00+11:00") + pd.Timedelta(minutes=rnd.randrange(400 * 24 * 60))
        k = rnd.choice([1, 1, 2, 3, 5, 8])
        for j in range(k):
            at = first if j == 0 else first + pd.Timedelta(minutes=rnd.randrange(300 * 24 * 60))
            if rnd.random() < 0.2:
                at = at.normalize() + pd.Timedelta(hours=23, minutes=30)  # a late order, the day before in UTC+0
            amount = decimal.Decimal(rnd.randrange(1, 30000)).scaleb(-2)
            rows.append((f"c{c:02d}", at, amount))
            if rnd.random() < 0.2:
                rows.append((f"c{c:02d}", at + pd.Timedelta(minutes=5), decimal.Decimal(rnd.randrange(0, 5000)).scaleb(-2)))
    with open("orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["customer_id", "at", "amount"])
        for cid, at, amount in rows:
            w.writerow([cid, at.isoformat(), str(amount)])
    df = pd.DataFrame(rows, columns=["id", "at", "amount"])
    df["date"] = df["at"].map(lambda t: t.date())
    q = decimal.Decimal(1).scaleb(-16)

    def summarise(g, end, each_order):
        days = g.groupby("date").agg(orders=("amount", "size"), amount=("amount", lambda a: sum(a, decimal.Decimal(0))))
        days = days.sort_index()
        first, last = days.index[0], days.index[-1]
        total = sum(days["amount"], decimal.Decimal(0))
        if each_order:
            x = int(days["orders"].sum()) - 1
            k = int(days["orders"].iloc[0])
            spend = ((total * k - days["amount"].iloc[0]) / (k * x)).quantize(q, decimal.ROUND_HALF_UP) if x > 0 else decimal.Decimal(0)
        else:
            x = len(days) - 1
            spend = ((total - days["amount"].iloc[0]) / x).quantize(q, decimal.ROUND_HALF_UP) if x > 0 else decimal.Decimal(0)
        return {"x": x, "t_x_days": (last - first).days, "T_days": (end - first).days, "spend": str(spend)}

    as_of = pd.Timestamp("2024-12-31").date()
    cut, end = pd.Timestamp("2023-12-31").date(), pd.Timestamp("2024-12-31").date()
    out = {"as_of": str(as_of), "cut": str(cut), "end": str(end), "customers": []}
    for cid, g in sorted(df.groupby("id"), key=lambda kv: kv[0]):
        entry = {"customer_id": cid, "orders": len(g), "days": int(g["date"].nunique()),
                 "daily": summarise(g, as_of, False), "each_order": summarise(g, as_of, True)}
        cal = g[g["date"] <= cut]
        if len(cal):
            hold = g[(g["date"] > cut) & (g["date"] <= end)]
            entry["holdout"] = {"calibration": summarise(cal, cut, False), "x": int(hold["date"].nunique()),
                                "amount": str(sum(hold["amount"], decimal.Decimal(0)))}
        out["customers"].append(entry)
    return out


SECTIONS = {
    "cdnow_published": None, "cdnow_customer_1": None, "cdnow_mle": None,
    "points": points, "new_customers": new_customers, "spend": spends,
    "series": series, "clv": clv, "dert": dert, "summaries": orders,
}


def main(only):
    """Writes golden.json; with section names as arguments, recomputes
    those only and keeps the others from the existing file."""
    golden = {}
    if only:
        with open("golden.json") as f:
            golden = json.load(f)
    golden["source"] = "testdata/reference.py; mpmath %s, scipy %s, numpy %s, pandas %s" % (mp.__version__, scipy.__version__, np.__version__, pd.__version__)
    want = lambda name: not only or name in only
    rows = cdnow()
    if want("cdnow_published"):
        counts = grouped(rows)
        published = {
            "BGNBD": {"params": BG_PARAMS["cdnow"], "log_likelihood": num(total_ll(lambda p, x, tx, T: bg_ll(p, x, tx, T), BG_PARAMS["cdnow"], counts))},
            "ParetoNBD": {"params": PNBD_PARAMS["cdnow"], "log_likelihood": num(total_ll(pnbd_ll, PNBD_PARAMS["cdnow"], counts))},
        }
        gg = [6.25, 3.74, 15.44]
        published["GammaGamma"] = {"params": gg, "log_likelihood": num(mp.fsum(gg_ll(gg, x, z) for x, _, _, z in rows if x > 0))}
        golden["cdnow_published"] = published
    if want("cdnow_customer_1"):
        golden["cdnow_customer_1"] = {"x": 2, "t_x": 30.43, "T": 38.86, "t": 39.0, "expected": num(bg_expected(BG_PARAMS["cdnow"], 2, 30.43, 38.86, 39.0))}
    if want("cdnow_mle"):
        golden["cdnow_mle"] = fits(rows)
    for name, f in SECTIONS.items():
        if f is not None and want(name):
            golden[name] = f()
    with open("golden.json", "w") as f:
        json.dump(golden, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    import sys
    main(sys.argv[1:])

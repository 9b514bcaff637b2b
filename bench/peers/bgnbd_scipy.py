"""BG/NBD with numpy and scipy, the way lifetimes computes it.

Usage: bgnbd_scipy.py MODE DATA_DIR REPS -> one JSON line on stdout.

  fit          maximum likelihood on every customer (lifetimes' BetaGeoFitter
               without weights): the vectorised log-likelihood of Fader,
               Hardie & Lee (2005) and its exact gradient, scipy BFGS on the
               logarithms of the parameters; digest: the parameters to 3
               significant digits.
  fit-grouped  the same on the distinct (x, t_x, T) weighted by their counts
               (np.unique, timed), as rapport does.
  predict      P(alive) and E[Y(39 weeks) | x, t_x, T] at the CDNOW
               parameters with scipy.special.hyp2f1 (eq. 10); digest: their
               sums to 6 significant digits.

Only the computation is timed, after one warm-up run, as in Go.
"""
import sys
import numpy as np
from scipy import optimize, special
from timing import measure

mode, data, reps = sys.argv[1], sys.argv[2], int(sys.argv[3])
raw = np.loadtxt(f"{data}/bgnbd.csv", delimiter=",", skiprows=1, dtype=np.int64)
X = raw[:, 0].astype(float)
TX = raw[:, 1] / 7.0
T = raw[:, 2] / 7.0


def negll(theta, x, tx, T, w, n):
    r, al, a, b = np.exp(theta)
    lnT, lnTx = np.log(al + T), np.log(al + tx)
    alive = -(r + x) * lnT
    with np.errstate(divide="ignore", invalid="ignore"):
        dead = np.where(x > 0, np.log(a) - np.log(b + x - 1) - (r + x) * lnTx, -np.inf)
    lse = np.logaddexp(alive, dead)
    wd = np.exp(dead - lse)
    ll = special.gammaln(r + x) - special.gammaln(r) + r * np.log(al) + special.gammaln(a + b) + special.gammaln(b + x) - special.gammaln(b) - special.gammaln(a + b + x) + lse
    dr = special.digamma(r + x) - special.digamma(r) + np.log(al) - (1 - wd) * lnT - wd * lnTx
    dal = r / al - (r + x) * ((1 - wd) / (al + T) + wd / (al + tx))
    da = special.digamma(a + b) - special.digamma(a + b + x) + wd / a
    with np.errstate(divide="ignore", invalid="ignore"):
        db = special.digamma(a + b) + special.digamma(b + x) - special.digamma(b) - special.digamma(a + b + x) - np.where(x > 0, wd / (b + x - 1), 0)
    g = np.array([r * np.dot(w, dr), al * np.dot(w, dal), a * np.dot(w, da), b * np.dot(w, db)])
    return -np.dot(w, ll) / n, -g / n


def fit(grouped):
    if grouped:
        keys, counts = np.unique(raw, axis=0, return_counts=True)
        x, tx, t, w = keys[:, 0].astype(float), keys[:, 1] / 7.0, keys[:, 2] / 7.0, counts.astype(float)
    else:
        x, tx, t, w = X, TX, T, np.ones(len(X))
    theta0 = np.array([0.0, np.log(np.dot(w, t) / np.dot(w, x)), 0.0, 0.0])
    res = optimize.minimize(negll, theta0, args=(x, tx, t, w, w.sum()), jac=True, method="BFGS", options={"gtol": 1e-9})
    return np.exp(res.x)


def predict():
    r, al, a, b = 0.243, 4.414, 0.793, 2.426
    t = 39.0
    with np.errstate(divide="ignore", invalid="ignore"):
        odds = np.where(X > 0, a / (b + X - 1) * ((al + T) / (al + TX)) ** (r + X), 0.0)
    alive = 1 / (1 + odds)
    z = t / (al + T + t)
    e = (a + b + X - 1) / (a - 1) * (1 - ((al + T) / (al + T + t)) ** (r + X) * special.hyp2f1(r + X, b + X, a + b + X - 1, z))
    return alive, alive * e


if mode == "predict":
    compute = predict
    def digest(v):
        return "%.6g,%.6g" % (v[0].sum(), v[1].sum())
else:
    compute = lambda: fit(mode == "fit-grouped")
    def digest(p):
        return ",".join("%.3g" % v for v in p)

task = "bgnbd-predict" if mode == "predict" else "bgnbd-fit"
measure(task, reps, compute, digest)

#!/usr/bin/python3
"""Reference values for package forecast, computed independently of Go.

Run: /usr/bin/python3 forecast/testdata/reference.py
     (Debian bookworm: python3-statsmodels 0.13.5, python3-scipy 1.10.1,
     python3-numpy 1.24.2). It rewrites holtwinters.json next to it.

For each case, a daily series of 8 to 16 weeks is drawn from a seeded
numpy generator (Poisson counts around a level with a trend and a weekly
shape), and:

  init      the initial state by the rule documented in holtwinters.go
            (classical decomposition of the first min(4, n/7) weeks),
            implemented here from its description;
  fitted    one-step forecasts and SSE of Holt-Winters with the case's
            fixed parameters and that initial state: statsmodels
            ExponentialSmoothing(initialization_method="known")
            .fit(optimized=False), statsmodels' own recursion;
  forecast  its forecast of the next 21 days by the textbook formula
            (Hyndman & Athanasopoulos §8.3: l_T + (phi + ... + phi^h) b_T
            with s_{T+h-7(k+1)}, k = (h-1)//7) applied to statsmodels'
            final states (results .level, .trend, .season); checked
            against statsmodels' .forecast for h not a multiple of 7 and,
            for the additive models, against ETSModel's forecast for every
            h. (statsmodels 0.13.5 ExponentialSmoothing.forecast gives, for
            h = 7, 14, 21, the seasonal state of the cycle before the last:
            _predict overwrites s[nobs+m-1] with s[nobs-1]; ETSModel and the
            formula use the last one.)
  variance  for the additive cases, the relative forecast variance
            v_h = var_h / mse of statsmodels ETSModel with the same
            state (smoothing_trend = alpha * beta, the ETS form), from
            get_prediction().var_pred_mean / mse: Hyndman et al. (2008)
            class-1 formulas as statsmodels implements them;
  sm_fit    for the additive cases, statsmodels' fit of the smoothing
            parameters from the same initial state: ETSModel(error="add",
            initialization_method="known").fit(), maximum likelihood with
            Gaussian errors, which for fixed initial states is least
            squares, over exactly our ranges (its smoothing_trend =
            alpha*beta <= alpha, gamma <= 1-alpha, 0.8 <= phi <= 0.98):
            SSE and parameters. (ExponentialSmoothing.fit re-estimates a
            "known" initial level and season, and ETSModel's multiplicative
            season is another recursion, so neither serves here.);
  best_sse  the best SSE scipy.optimize (Nelder-Mead from a 4x3x3x2 grid
            of starts, in our ranges 0<alpha<1, 0<=beta<=1,
            0<=gamma<=1-alpha, 0.8<=phi<=0.98) finds with statsmodels'
            recursion, a second opinion on the optimum;
  skip      for the cases with days left out (holidays, excluded days):
            a plain-Python recursion that replaces a skipped day by its
            one-step forecast (checked here against statsmodels on the
            same series without skips), its fitted values, SSE, forecast;
  ratios    for the multiplicative cases, the in-sample h-step ratios
            actual / forecast from every origin past day 13 and their
            2.5 % and 97.5 % quantiles by numpy.quantile (linear).
"""
import json
import math
import os
import warnings

import numpy as np
import pandas as pd
import scipy.optimize
import statsmodels
from statsmodels.tsa.exponential_smoothing.ets import ETSModel
from statsmodels.tsa.holtwinters import ExponentialSmoothing

warnings.simplefilter("ignore")
M = 7
HORIZON = 21


def series(seed, weeks, level, slope, shape, closed=False):
    rng = np.random.default_rng(seed)
    n = 7 * weeks
    t = np.arange(n)
    mean = (level + slope * t) * np.array([shape[i % 7] for i in t])
    y = rng.poisson(np.maximum(mean, 0)).astype(float)
    return y


def initial(y, skip, trend, season):
    """The documented initial state (holtwinters.go, func initial)."""
    n = len(y)
    w = min(4, n // 7)
    assert w >= 2
    x = np.zeros((w, 7))
    for j in range(7):
        vals = [y[v * 7 + j] for v in range(w) if not skip[v * 7 + j]]
        fill = sum(vals) / len(vals)
        for v in range(w):
            x[v, j] = fill if skip[v * 7 + j] else y[v * 7 + j]
    mean = [sum(x[v]) / 7 for v in range(w)]
    b = (mean[w - 1] - mean[0]) / (7 * (w - 1)) if trend != "none" else 0.0
    l = mean[0] - 4 * b
    s = []
    for j in range(7):
        acc = 0.0
        for v in range(w):
            tr = mean[v] + (j - 3) * b
            acc += x[v, j] / tr if season == "mul" else x[v, j] - tr
        s.append(acc / w)
    avg = sum(s) / 7
    s = [c / avg if season == "mul" else c - avg for c in s]
    return l, b, s


def step(state, t, v, skipped, trend, season, p):
    """One day of Holt-Winters; a skipped day moves as forecast."""
    a, beta, g, phi = p["alpha"], p["beta"], p["gamma"], p["phi"]
    l, b, s = state
    s = list(s)
    j = t % 7
    base = l + phi * b
    if skipped:
        return base, phi * b, s
    if season == "mul":
        ln = base if s[j] == 0 else a * v / s[j] + (1 - a) * base
        s[j] = g * v / base + (1 - g) * s[j]
    else:
        ln = a * (v - s[j]) + (1 - a) * base
        s[j] = g * (v - base) + (1 - g) * s[j]
    b = 0.0 if trend == "none" else beta * (ln - l) + (1 - beta) * phi * b
    return ln, b, s


def recursion(y, skip, trend, season, p, l, b, s):
    """Holt-Winters in plain Python. Returns fitted, sse, the final state."""
    state = (l, b, list(s))
    fitted, sse = [], 0.0
    for t, v in enumerate(y):
        base = state[0] + p["phi"] * state[1]
        f = base * state[2][t % 7] if season == "mul" else base + state[2][t % 7]
        fitted.append(f)
        if not skip[t]:
            sse += (v - f) ** 2
        state = step(state, t, v, skip[t], trend, season, p)
    return fitted, sse, state


def ahead(state, n, h, trend, season, phi):
    l, b, s = state
    out, damp, pw = [], 0.0, 1.0
    for k in range(1, h + 1):
        pw *= phi
        damp += pw
        base = l + damp * b
        j = (n + k - 1) % 7
        out.append(base * s[j] if season == "mul" else base + s[j])
    return out


def sm_model(y, trend, season, init):
    l, b, s = init
    kw = dict(initialization_method="known", initial_level=l, initial_seasonal=s, seasonal="add" if season == "add" else "mul", seasonal_periods=M)
    if trend != "none":
        kw.update(trend="add", initial_trend=b, damped_trend=(trend == "damped"))
    return ExponentialSmoothing(y, **kw)


def sm_fixed(y, trend, season, init, p):
    kw = dict(smoothing_level=p["alpha"], smoothing_seasonal=p["gamma"], optimized=False)
    if trend != "none":
        kw["smoothing_trend"] = p["beta"]
    if trend == "damped":
        kw["damping_trend"] = p["phi"]
    return sm_model(y, trend, season, init).fit(**kw)


def formula(res, trend, season, phi):
    """The h-step forecasts from statsmodels' final states."""
    lvl, sea = np.asarray(res.level), np.asarray(res.season)
    b = np.asarray(res.trend)[-1] if trend != "none" else 0.0
    T = len(lvl) - 1
    out, damp = [], 0.0
    for h in range(1, HORIZON + 1):
        damp += phi ** h if trend == "damped" else 1.0
        k = (h - 1) // 7
        sv = sea[T + h - 7 * (k + 1)]
        base = lvl[-1] + (damp * b if trend != "none" else 0.0)
        out.append(float(base * sv if season == "mul" else base + sv))
    return out


def ets_model(y, trend, init):
    l, b, s = init
    kw = dict(error="add", seasonal="add", seasonal_periods=M, initialization_method="known", initial_level=l, initial_seasonal=s)
    if trend != "none":
        kw.update(trend="add", damped_trend=(trend == "damped"), initial_trend=b)
    return ETSModel(y, **kw)


def ets_form(y, trend, init, p):
    params = [p["alpha"]]
    if trend != "none":
        params.append(p["alpha"] * p["beta"])
    params.append(p["gamma"])
    if trend == "damped":
        params.append(p["phi"])
    return ets_model(y, trend, init).smooth(params)


def ets_forecast(y, trend, init, p):
    return list(ets_form(y, trend, init, p).forecast(HORIZON))


def variance(y, trend, init, p, h):
    res = ets_form(pd.Series(y, index=pd.date_range("2026-01-05", periods=len(y), freq="D")), trend, init, p)
    pred = res.get_prediction(start=len(y), end=len(y) + h - 1)
    return [float(v) for v in np.asarray(pred.var_pred_mean) / res.mse], float(res.mse)


def best_sse(y, trend, season, init):
    def unpack(u):
        a = min(max(u[0], 1e-9), 1 - 1e-9)
        g = min(max(u[1], 0), 1) * (1 - a)
        beta = min(max(u[2], 0), 1) if trend != "none" else 0.0
        phi = 0.8 + 0.18 * min(max(u[3], 0), 1) if trend == "damped" else 1.0
        return dict(alpha=a, beta=beta, gamma=g, phi=phi)

    def sse(u):
        _, v, _ = recursion(y, [False] * len(y), trend, season, unpack(u), *init)
        return v if math.isfinite(v) else 1e300

    best = math.inf
    for a in (0.05, 0.2, 0.5, 0.8):
        for g in (0.01, 0.1, 0.4):
            for beta in ((0.01, 0.1, 0.3) if trend != "none" else (0,)):
                for phi01 in ((0.25, 0.8) if trend == "damped" else (0,)):
                    r = scipy.optimize.minimize(sse, [a, g, beta, phi01], method="Nelder-Mead",
                                                options=dict(xatol=1e-10, fatol=1e-10, maxiter=20000, maxfev=20000))
                    best = min(best, r.fun)
    return best


def quantile_ratios(y, skip, trend, season, p, init, h):
    n = len(y)
    ratios = [[] for _ in range(h)]
    state = (init[0], init[1], list(init[2]))
    for t in range(n):
        state = step(state, t, y[t], skip[t], trend, season, p)
        if t < 13:
            continue
        fc = ahead(state, t + 1, h, trend, season, p["phi"])
        for k in range(1, h + 1):
            u = t + k
            if u >= n or skip[u]:
                continue
            if fc[k - 1] > 0:
                ratios[k - 1].append(y[u] / fc[k - 1])
    return ratios


CASES = [
    # name, seed, weeks, level, slope/day, weekly shape, trend, season, params, skipped days
    ("ana", 11, 12, 400, 0.0, [1.3, 1.2, 1.1, 1.0, 0.9, 0.4, 0.1], "none", "add",
     dict(alpha=0.3, beta=0.0, gamma=0.1, phi=1.0), []),
    ("aaa", 12, 12, 300, 1.5, [1.3, 1.2, 1.1, 1.0, 1.0, 0.8, 0.6], "add", "add",
     dict(alpha=0.4, beta=0.05, gamma=0.15, phi=1.0), []),
    ("aada", 13, 16, 250, 2.0, [1.2, 1.1, 1.1, 1.0, 0.9, 0.9, 0.8], "damped", "add",
     dict(alpha=0.35, beta=0.1, gamma=0.2, phi=0.9), []),
    ("anm", 14, 10, 500, 0.0, [1.4, 1.2, 1.0, 1.0, 0.9, 0.3, 0.2], "none", "mul",
     dict(alpha=0.25, beta=0.0, gamma=0.2, phi=1.0), []),
    ("aam", 15, 12, 200, 1.0, [1.3, 1.2, 1.1, 1.0, 1.0, 0.8, 0.6], "add", "mul",
     dict(alpha=0.3, beta=0.08, gamma=0.1, phi=1.0), []),
    ("aadm", 16, 14, 350, 1.2, [1.2, 1.2, 1.1, 1.0, 0.9, 0.7, 0.5], "damped", "mul",
     dict(alpha=0.2, beta=0.15, gamma=0.25, phi=0.93), []),
    ("ana-skip", 17, 10, 300, 0.0, [1.3, 1.2, 1.1, 1.0, 0.9, 0.5, 0.2], "none", "add",
     dict(alpha=0.3, beta=0.0, gamma=0.1, phi=1.0), [3, 20, 21, 40, 66]),
    ("aadm-skip", 18, 12, 300, 1.0, [1.2, 1.2, 1.1, 1.0, 0.9, 0.7, 0.5], "damped", "mul",
     dict(alpha=0.3, beta=0.1, gamma=0.2, phi=0.9), [1, 30, 31, 32, 60]),
    ("aaa-skip", 19, 8, 200, 2.0, [1.3, 1.2, 1.1, 1.0, 1.0, 0.8, 0.6], "add", "add",
     dict(alpha=0.5, beta=0.2, gamma=0.3, phi=1.0), [9, 10, 50]),
]


def main():
    out = {"generator": "forecast/testdata/reference.py",
           "statsmodels": statsmodels.__version__, "numpy": np.__version__, "scipy": scipy.__version__,
           "horizon": HORIZON, "cases": []}
    for name, seed, weeks, level, slope, shape, trend, season, p, skipped in CASES:
        y = series(seed, weeks, level, slope, shape)
        skip = [t in skipped for t in range(len(y))]
        init = initial(y, skip, trend, season)
        c = {"name": name, "trend": trend, "season": season, "params": p, "y": list(y), "skip": skipped,
             "init": {"level": init[0], "trend": init[1], "season": init[2]}}
        fitted, sse, state = recursion(y, skip, trend, season, p, *init)
        fc = ahead(state, len(y), HORIZON, trend, season, p["phi"])
        if not skipped:
            res = sm_fixed(y, trend, season, init, p)
            # the plain recursion is statsmodels' recursion
            assert np.allclose(fitted, res.fittedvalues, rtol=1e-12, atol=1e-9), name
            textbook = formula(res, trend, season, p["phi"])
            smf = res.forecast(HORIZON)
            for h in range(1, HORIZON + 1):
                if h % 7 != 0:
                    assert abs(textbook[h - 1] - smf[h - 1]) <= 1e-9 * abs(smf[h - 1]), (name, h)
            if season == "add":
                ets = ets_forecast(y, trend, init, p)
                assert np.allclose(textbook, ets, rtol=1e-12, atol=1e-9), name
            assert np.allclose(fc, textbook, rtol=1e-12, atol=1e-9), name
            c["source"] = "statsmodels ExponentialSmoothing known init, fit(optimized=False); forecast: textbook formula on its final states"
            c["fitted"], c["sse"], c["forecast"] = list(res.fittedvalues), float(res.sse), textbook
            if season == "add":
                fit = ets_model(y, trend, init).fit(disp=False)
                names = list(fit.model.param_names)
                par = dict(zip(names, fit.params))
                a = float(par["smoothing_level"])
                c["sm_fit"] = {"sse": float(fit.sse), "alpha": a,
                               "beta": float(par.get("smoothing_trend", 0.0)) / a,
                               "gamma": float(par["smoothing_seasonal"]),
                               "phi": float(par.get("damping_trend", 1.0))}
            c["best_sse"] = best_sse(y, trend, season, init)
            if season == "add":
                v, mse = variance(y, trend, init, p, HORIZON)
                assert abs(mse - sse / len(y)) < 1e-9 * mse, name
                c["variance"] = v
        else:
            c["source"] = "plain-Python recursion, skipped days replaced by their forecast"
            c["fitted"], c["sse"], c["forecast"] = fitted, sse, fc
        if season == "mul":
            r = quantile_ratios(y, skip, trend, season, p, init, HORIZON)
            c["ratios"] = {"lo": [float(np.quantile(x, 0.025)) if len(x) >= 20 else None for x in r],
                           "hi": [float(np.quantile(x, 0.975)) if len(x) >= 20 else None for x in r],
                           "count": [len(x) for x in r]}
        out["cases"].append(c)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "holtwinters.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

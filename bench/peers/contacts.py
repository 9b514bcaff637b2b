"""Contact-centre KPIs with pandas and numpy, as a pandas user writes them
at their best: categorical columns, times as int64 seconds, and first-
contact resolution by one stable sort of (customer, reason, arrival) and
vectorised comparisons with the previous and next contact.

Usage: contacts.py kpi|aht|csv DATA_DIR REPS -> one JSON line.
kpi: the KPIs of contacts already loaded; csv: the same with read_csv and
the time parsing timed; aht: handle time per agent. (contacts.py cache
DATA_DIR only writes the pickle of the loaded contacts that kpi and aht
load.) The digests are the
Go program's (contacts.go): the same counts, rates to 9 decimals and means
rounded half up to the nanosecond.

MarkFCR's rules (operations/fcr.go): of the handled contacts (answered or
deflected) in order of arrival, ties by id, a contact repeats when the
previous one of the same customer and reason arrived at most 7 days
before; otherwise it opens an issue, unresolved if a repeat follows or it
is not flagged resolved, unknown if it arrived less than 7 days before the
as-of date. The generated ids grow with the row, so the stable sort's ties
by position are ties by id. Every generated contact has a customer.
"""
import os, sys
import numpy as np
import pandas as pd
from timing import measure

mode, data, reps = sys.argv[1], sys.argv[2], int(sys.argv[3])
FILE = f"{data}/contacts.csv"
ASOF = 1767225600
WINDOW = 7 * 86400
CATS = ["customer_id", "reason", "channel", "outcome", "agent"]


def seconds(col):
    return pd.to_datetime(col, format="%Y-%m-%dT%H:%M:%SZ").to_numpy().astype("datetime64[s]").astype(np.int64)


def load():
    df = pd.read_csv(FILE, usecols=["id", "customer_id", "reason", "channel", "agent", "arrived", "answered",
                                    "talk_s", "hold_s", "wrap_s", "outcome", "resolved", "complaint", "cost"],
                     dtype={c: "category" for c in CATS} | {"id": str, "arrived": str, "answered": str,
                                                             "talk_s": np.int64, "hold_s": np.int64, "wrap_s": np.int64,
                                                             "resolved": bool, "complaint": bool, "cost": np.float64})
    df["arrived"] = seconds(df["arrived"])
    df["answered"] = seconds(df["answered"])
    df["cost"] = np.rint(df["cost"].to_numpy() * 100).astype(np.int64)
    return df


def codes(df, col, *names):
    cats = list(df[col].cat.categories)
    return [cats.index(n) if n in cats else -1 for n in names]


def kpi(df):
    out = df["outcome"].cat.codes.to_numpy()
    ch = df["channel"].cat.codes.to_numpy()
    answered, abandoned, deflected = codes(df, "outcome", "answered", "abandoned", "deflected")
    phone, chat = codes(df, "channel", "phone", "chat")
    is_ans, is_ab = out == answered, out == abandoned
    # First-contact resolution.
    idx = np.flatnonzero(is_ans | (out == deflected))
    cust = df["customer_id"].cat.codes.to_numpy()[idx]
    reason = df["reason"].cat.codes.to_numpy()[idx]
    arr = df["arrived"].to_numpy()[idx]
    order = np.lexsort((arr, reason, cust))  # stable
    cust, reason, arr = cust[order], reason[order], arr[order]
    flagged = df["resolved"].to_numpy()[idx][order]
    rep = np.zeros(len(arr), dtype=bool)
    rep[1:] = (cust[1:] == cust[:-1]) & (reason[1:] == reason[:-1]) & (arr[1:] - arr[:-1] <= WINDOW)
    followed = np.zeros(len(arr), dtype=bool)
    followed[:-1] = rep[1:]
    judged = ~rep & (ASOF - arr >= WINDOW)
    resolved = int(np.count_nonzero(judged & ~followed & flagged))
    issues = int(np.count_nonzero(judged))
    repeats = int(np.count_nonzero(rep))
    # The tally.
    live = (ch == phone) | (ch == chat)
    wait = (df["answered"].to_numpy() - df["arrived"].to_numpy())[live & is_ans]
    n_live = len(wait) + int(np.count_nonzero(live & is_ab))
    handle = (df["talk_s"].to_numpy() + df["hold_s"].to_numpy() + df["wrap_s"].to_numpy())[is_ans]
    return dict(n=len(df), answered=int(np.count_nonzero(is_ans)), abandoned=int(np.count_nonzero(is_ab)),
                within=int(np.count_nonzero(wait <= 20)), live=n_live, waits=len(wait), wait_s=int(wait.sum()),
                handled=len(handle), handle_s=int(handle.sum()), issues=issues, resolved=resolved, repeats=repeats,
                complaints=int(np.count_nonzero(df["complaint"].to_numpy())), cost=int(df["cost"].to_numpy().sum()))


def mean_ns(total_s, n):
    return (2 * total_s * 10**9 + n) // (2 * n)  # half up, as Go's exact mean


def kpi_digest(k):
    return (f"n={k['n']} answered={k['answered']} abandoned={k['abandoned']} sl20={k['within'] / k['live']:.9f} "
            f"asa_ns={mean_ns(k['wait_s'], k['waits'])} aht_ns={mean_ns(k['handle_s'], k['handled'])} "
            f"issues={k['issues']} fcr={k['resolved'] / k['issues']:.9f} "
            f"repeat={k['repeats'] / (k['issues'] + k['repeats']):.9f} complaints={k['complaints']} "
            f"cost={k['cost'] // 100}.{k['cost'] % 100:02d}")


def aht(df):
    ans = df[df["outcome"] == "answered"]
    handle = ans["talk_s"] + ans["hold_s"] + ans["wrap_s"]
    return handle.groupby(ans["agent"], observed=True).agg(["size", "sum"])


def aht_digest(g):
    return "".join(f"{a},{n},{mean_ns(int(s), int(n))}\n" for a, n, s in sorted(zip(g.index.astype(str), g["size"], g["sum"])))


def cached():
    """The loaded contacts of the kernel tasks (untimed), kept in a pickle
    next to the file: parsing 10M rows takes pandas minutes, its pickle
    seconds."""
    cache = FILE + ".pandas.pkl"
    if os.path.exists(cache) and os.path.getmtime(cache) >= os.path.getmtime(FILE):
        return pd.read_pickle(cache)
    df = load()
    df.to_pickle(cache + ".tmp")
    os.replace(cache + ".tmp", cache)
    return df


if mode == "csv":
    measure("csv-contacts", reps, lambda: kpi(load()), kpi_digest)
elif mode == "cache":
    cached()
else:
    df = cached()
    if mode == "kpi":
        measure("contacts", reps, lambda: kpi(df), kpi_digest)
    else:
        measure("aht-agent", reps, lambda: aht(df), aht_digest)

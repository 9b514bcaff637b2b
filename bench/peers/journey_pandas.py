"""The journey task (../journey.go) with pandas and numpy, as a pandas
user writes it at their best: categorical columns, one stable lexsort of
(case, customer, reason, arrival) — the customer and reason left out for
a step with a case — then vectorised comparisons with the previous and
next step: a step starts a journey when its group differs from the
previous step's, or, without a case, when it arrives more than 48 h after
it; reduceat over the journeys' starts gives the journey figures. The
stable sort breaks ties of arrival by row, as journey.Linker does.

Usage: journey_pandas.py DATA_DIR REPS -> one JSON line. The digest is
journeyDigest's text.
"""
import sys
import numpy as np
import pandas as pd
from timing import measure

data, reps = sys.argv[1], int(sys.argv[2])
WINDOW = 48 * 3600
CHANNELS = ["phone", "chatbot", "faq", "customer-space", "chat", "form", "callback", "email", "letter", "messaging",
            "social", "sms"]

df = pd.read_csv(f"{data}/journey.csv", dtype={"seq": np.int64, "customer": np.int64, "reason": np.int8, "case": "Int64",
                                               "channel": pd.CategoricalDtype(CHANNELS),
                                               "handler": pd.CategoricalDtype(["bot", "agent", "self"]),
                                               "outcome": "category", "arrived": np.int64, "resolved": bool,
                                               "tier": np.int8, "transfer": str})
df["case"] = df["case"].fillna(-1).astype(np.int64)
df["transfer"] = df["transfer"].notna()
ANSWERED = list(df["outcome"].cat.categories).index("answered")
BOT, AGENT, SELF = 0, 1, 2
NOT_DIGITAL = np.array([CHANNELS.index("phone"), CHANNELS.index("letter")])


def compute(df):
    case = df["case"].to_numpy()
    cased = case >= 0
    cust = np.where(cased, -1, df["customer"].to_numpy())
    reason = np.where(cased, -1, df["reason"].to_numpy())
    arr = df["arrived"].to_numpy()
    o = np.lexsort((arr, reason, cust, case))  # stable: ties by row
    case, cust, reason, arr, cased = case[o], cust[o], reason[o], arr[o], cased[o]
    ch = df["channel"].cat.codes.to_numpy()[o]
    h = df["handler"].cat.codes.to_numpy()[o]
    out = df["outcome"].cat.codes.to_numpy()[o]
    res = df["resolved"].to_numpy()[o]
    tier = df["tier"].to_numpy()[o]
    tr = df["transfer"].to_numpy()[o]
    n = len(arr)
    new = np.ones(n, dtype=bool)
    new[1:] = (case[1:] != case[:-1]) | (cust[1:] != cust[:-1]) | (reason[1:] != reason[:-1]) | \
        (~cased[1:] & (arr[1:] - arr[:-1] > WINDOW))
    more = np.zeros(n, dtype=bool)
    more[:-1] = ~new[1:]
    # Each step with the next one of its journey.
    m = more[:-1]
    agent, nagent = h[:-1] == AGENT, h[1:] == AGENT
    a2a = tr[:-1] & m & agent & nagent
    b2a = tr[:-1] & m & (h[:-1] == BOT) & nagent
    pairs = m & agent & nagent & (tier[:-1] > 0) & (tier[1:] > 0)
    steps = dict(steps=n, transfers=int(tr.sum()), a2a=int(a2a.sum()), b2a=int(b2a.sum()),
                 taken=int((b2a & (out[1:] == ANSWERED)).sum()), tier_pairs=int(pairs.sum()),
                 tier_up=int((pairs & (tier[1:] > tier[:-1])).sum()),
                 digital=int((~np.isin(ch, NOT_DIGITAL)).sum()), self_service=int((h != AGENT).sum()))
    # Repeat contacts: the steps not transferred, by channel and the next
    # step's channel (len(CHANNELS) when none).
    nxt = np.full(n, len(CHANNELS), dtype=np.int64)
    nxt[:-1] = np.where(m, ch[1:], len(CHANNELS))
    k = len(CHANNELS) + 1
    matrix = np.bincount(ch[~tr].astype(np.int64) * k + nxt[~tr], minlength=len(CHANNELS) * k).reshape(len(CHANNELS), k)
    # The journeys.
    starts, lasts = np.flatnonzero(new), np.flatnonzero(~more)
    automated = h[starts] != AGENT
    with_agent = np.logical_or.reduceat(h == AGENT, starts)
    resolved = res[lasts]
    journeys = dict(journeys=len(starts), resolved=int(resolved.sum()),
                    transferred=int(np.logical_or.reduceat(tr, starts).sum()), automated=int(automated.sum()),
                    contained=int((automated & ~with_agent & resolved).sum()), escalated=int((automated & with_agent).sum()),
                    switched=int((ch[starts] != ch[lasts]).sum()))
    return steps, journeys, matrix


def digest(r):
    s, j, matrix = r
    text = (f"journeys={j['journeys']} steps={s['steps']} resolved={j['resolved']} transfers={s['transfers']} "
            f"agent_to_agent={s['a2a']} bot_to_agent={s['b2a']} taken_over={s['taken']} transferred={j['transferred']} "
            f"tier_pairs={s['tier_pairs']} tier_up={s['tier_up']} automated={j['automated']} contained={j['contained']} "
            f"escalated={j['escalated']} stranded={j['automated'] - j['contained'] - j['escalated']} "
            f"switched={j['switched']} digital={s['digital']} self_service={s['self_service']}\n")
    for f, name in enumerate(CHANNELS):
        ended = int(matrix[f].sum())
        if ended:
            text += f"{name} ended={ended}" + "".join(
                f" {CHANNELS[t]}={int(matrix[f, t])}" for t in range(len(CHANNELS)) if matrix[f, t]) + "\n"
    return text


measure("journey", reps, lambda: compute(df), digest)

#!/usr/bin/python3
"""Reference values for package journey, computed with pandas,
independently of the Go code.

It generates a deterministic steps file (steps.csv: customers with
requests of one to four contacts across bots, self-service and agents,
some filed under a case, rows shuffled) and computes, for two linker
settings, the journeys (by case, else by customer [and reason] within a
window of the previous arrival) and the KPIs of journey.Tally as the
package documentation defines them, written to golden.json.

Run from this directory: /usr/bin/python3 reference.py
(Debian: apt-get install python3-pandas python3-numpy.)
"""
import json

import numpy as np
import pandas as pd

CHANNELS = ["phone", "chatbot", "faq", "customer-space", "chat", "form",
            "callback", "email", "letter", "messaging", "social", "sms"]
BOT_CH = ["chatbot", "phone", "messaging"]
AGENT_CH = ["phone", "chat", "email", "messaging", "letter", "social"]
SELF_CH = ["faq", "customer-space"]
REASONS = ["billing", "move", "fault", "offer"]


def generate(seed=20260302):
    rng = np.random.default_rng(seed)
    t0 = pd.Timestamp("2026-03-02T08:00:00Z")
    rows = []
    n_case = 0
    for k in range(300):
        cust = f"k{k:03d}"
        at = t0 + pd.Timedelta(minutes=int(rng.integers(0, 60 * 24 * 10)))
        for _ in range(int(rng.integers(1, 5))):
            reason = REASONS[int(rng.integers(len(REASONS)))]
            case = ""
            if rng.random() < 0.3:
                n_case += 1
                case = f"K{n_case:04d}"
            for _ in range(int(rng.integers(1, 5))):
                rows.append(step(rng, cust, case, reason, at))
                # gaps: mostly within a day, sometimes days (breaks chains)
                at += pd.Timedelta(minutes=int(rng.choice([rng.integers(0, 60 * 30), rng.integers(0, 60 * 24 * 6)], p=[0.8, 0.2])))
            at += pd.Timedelta(minutes=int(rng.integers(0, 60 * 24 * 8)))
    for a in range(40):  # anonymous contacts, no case
        rows.append(step(rng, "", "", REASONS[a % 4], t0 + pd.Timedelta(minutes=int(rng.integers(0, 60 * 24 * 20)))))
    df = pd.DataFrame(rows)
    df = df.sample(frac=1.0, random_state=7).reset_index(drop=True)
    df.insert(0, "id", [f"s{i:05d}" for i in range(len(df))])
    return df


def step(rng, cust, case, reason, at):
    h = ["bot", "agent", "self"][int(rng.choice(3, p=[0.3, 0.55, 0.15]))]
    r = dict(case=case, customer_id=cust, reason=reason, agent="", queue="", channel="", outcome="",
             arrived=at, answered=pd.NaT, resolved=False, handler=h, tier="", transferred_to="")
    if h == "self":
        r["channel"] = SELF_CH[int(rng.integers(2))]
        r["outcome"] = ["deflected", "abandoned"][int(rng.integers(2))]
        r["resolved"] = r["outcome"] == "deflected" and rng.random() < 0.5
    elif h == "bot":
        r["channel"] = BOT_CH[int(rng.integers(3))]
        r["queue"] = "bot"
        r["outcome"] = ["deflected", "abandoned", "unreached"][int(rng.integers(3))]
        r["resolved"] = r["outcome"] == "deflected" and rng.random() < 0.5
        if not r["resolved"] and rng.random() < 0.5:
            r["transferred_to"] = "agents"
    else:
        r["channel"] = AGENT_CH[int(rng.integers(len(AGENT_CH)))]
        r["queue"] = "agents"
        r["tier"] = int(rng.integers(0, 4))
        if rng.random() < 0.2:
            r["outcome"] = "abandoned"
        else:
            r["outcome"] = "answered"
            r["answered"] = at + pd.Timedelta(seconds=int(rng.integers(0, 300)))
            r["agent"] = f"a{int(rng.integers(6))}"
            r["resolved"] = rng.random() < 0.5
            if not r["resolved"] and rng.random() < 0.35:
                r["transferred_to"] = ["a0", "a1", "a2", "a3", "a4", "a5", "tier2"][int(rng.integers(7))]
                if r["transferred_to"] == r["agent"]:
                    r["transferred_to"] = "tier2"
    return r


def inferred(channel, outcome):
    """journey.HandlerOf."""
    if channel == "chatbot":
        return "bot"
    if channel in ("faq", "customer-space"):
        return "self"
    if outcome == "deflected":
        return "bot"
    return "agent"


def write_csv(df, path):
    out = df.copy()
    out["arrived"] = out["arrived"].dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    out["answered"] = out["answered"].dt.strftime("%Y-%m-%dT%H:%M:%SZ").fillna("")
    out["resolved"] = np.where(out["resolved"], "yes", "no")
    # leave the handler blank where HandlerOf infers it, on every third row
    blank = (out.index % 3 == 0) & (out.apply(lambda r: inferred(r["channel"], r["outcome"]) == r["handler"], axis=1))
    out.loc[blank, "handler"] = ""
    out.to_csv(path, index=False)


def link(df, window, by_reason):
    d = df.copy()
    d["pos"] = np.arange(len(d))
    has_case = d["case"] != ""
    chained = ~has_case & (d["customer_id"] != "") & (window > pd.Timedelta(0))
    gcols = ["customer_id", "reason"] if by_reason else ["customer_id"]
    d["kind"] = np.where(has_case, 0, np.where(chained, 1, 2))
    d["jid"] = ""
    d.loc[has_case, "jid"] = "case:" + d.loc[has_case, "case"]
    c = d[chained].sort_values(gcols + ["arrived", "pos"])
    gap = c.groupby(gcols)["arrived"].diff()
    new = gap.isna() | (gap > window)
    seq = new.groupby([c[g] for g in gcols]).cumsum()
    d.loc[c.index, "jid"] = "cust:" + c["customer_id"] + "|" + (c["reason"] if by_reason else "") + "|" + seq.astype(str)
    alone = ~has_case & ~chained
    d.loc[alone, "jid"] = "alone:" + d.loc[alone, "pos"].astype(str)
    return d.sort_values(["jid", "arrived", "pos"]).reset_index(drop=True)


def pct(num, den):
    return None if den == 0 else 100.0 * num / den


def ratio(num, den):
    return None if den == 0 else num / den


def kpis(d):
    g = d.groupby("jid", sort=False)
    d["next_handler"] = g["handler"].shift(-1)
    d["next_channel"] = g["channel"].shift(-1)
    d["next_outcome"] = g["outcome"].shift(-1)
    d["next_tier"] = g["tier"].shift(-1)
    d["tier_n"] = pd.to_numeric(d["tier"].replace("", 0)).astype(int)
    d["next_tier_n"] = pd.to_numeric(d["next_tier"].replace("", 0)).fillna(0).astype(int)
    transfer = d["transferred_to"] != ""
    has_next = d["next_handler"].notna()
    a2a = transfer & (d["handler"] == "agent") & (d["next_handler"] == "agent")
    b2a = transfer & (d["handler"] == "bot") & (d["next_handler"] == "agent")
    taken = b2a & (d["next_outcome"] == "answered")
    tier_pair = (d["handler"] == "agent") & (d["next_handler"] == "agent") & (d["tier_n"] > 0) & (d["next_tier_n"] > 0)
    tier_up = tier_pair & (d["next_tier_n"] > d["tier_n"])
    j = pd.DataFrame({
        "first_handler": g["handler"].first(),
        "first_channel": g["channel"].first(),
        "last_channel": g["channel"].last(),
        "last_resolved": g["resolved"].last(),
        "any_agent": g["handler"].agg(lambda h: (h == "agent").any()),
        "any_transfer": transfer.groupby(d["jid"], sort=False).any(),
    })
    n = len(j)
    steps = len(d)
    automated = j["first_handler"].isin(["bot", "self"])
    escalated = automated & j["any_agent"]
    contained = automated & ~j["any_agent"] & j["last_resolved"]
    stranded = automated & ~escalated & ~contained
    switched = j["first_channel"] != j["last_channel"]
    digital = ~d["channel"].isin(["phone", "letter"])
    selfserv = d["handler"].isin(["bot", "self"])
    r = {
        "n": n, "steps": steps, "steps_per_journey_ratio": ratio(steps, n),
        "resolved": int(j["last_resolved"].sum()), "resolution_pct": pct(j["last_resolved"].sum(), n),
        "transfers": int(transfer.sum()), "agent_to_agent": int(a2a.sum()), "bot_to_agent": int(b2a.sum()),
        "taken_over": int(taken.sum()), "transferred": int(j["any_transfer"].sum()),
        "transferred_pct": pct(j["any_transfer"].sum(), n),
        "transfers_per_journey_ratio": ratio(transfer.sum(), n),
        "agent_to_agent_per_journey_ratio": ratio(a2a.sum(), n),
        "bot_to_agent_per_journey_ratio": ratio(b2a.sum(), n),
        "takeover_pct": pct(taken.sum(), b2a.sum()),
        "tier_pairs": int(tier_pair.sum()), "tier_escalations": int(tier_up.sum()),
        "tier_escalation_pct": pct(tier_up.sum(), tier_pair.sum()),
        "tier_escalations_per_journey_ratio": ratio(tier_up.sum(), n),
        "automated": int(automated.sum()), "contained": int(contained.sum()), "escalated": int(escalated.sum()),
        "stranded": int(stranded.sum()),
        "containment_pct": pct(contained.sum(), automated.sum()),
        "escalation_pct": pct(escalated.sum(), automated.sum()),
        "stranded_pct": pct(stranded.sum(), automated.sum()),
        "switched": int(switched.sum()), "channel_switch_pct": pct(switched.sum(), n),
        "digital_steps": int(digital.sum()), "digital_share_pct": pct(digital.sum(), steps),
        "self_service_steps": int(selfserv.sum()), "self_service_share_pct": pct(selfserv.sum(), steps),
    }
    ended = d[~transfer]
    rep = d[~transfer & has_next]
    matrix = pd.crosstab(rep["channel"], rep["next_channel"])
    base = ended["channel"].value_counts()
    chans = []
    for ch in CHANNELS:
        if base.get(ch, 0) == 0:
            continue
        e = int(base[ch])
        nxt = []
        for to in CHANNELS:
            k = int(matrix.loc[ch, to]) if ch in matrix.index and to in matrix.columns else 0
            if k:
                nxt.append({"to": to, "repeats": k, "repeat_pct": pct(k, e)})
        rep = sum(p["repeats"] for p in nxt)
        chans.append({"channel": ch, "ended": e, "repeats": rep, "repeat_pct": pct(rep, e), "next": nxt})
    r["channels"] = chans
    return r


def main():
    df = generate()
    write_csv(df, "steps.csv")
    configs = []
    for hours, by_reason in [(48, True), (24, False), (0, False)]:
        d = link(df, pd.Timedelta(hours=hours), by_reason)
        configs.append({"window_hours": hours, "by_reason": by_reason, "result": kpis(d)})
    with open("golden.json", "w") as f:
        json.dump({"source": "testdata/reference.py (pandas " + pd.__version__ + ")", "configs": configs}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

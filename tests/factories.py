"""Builders shared by the test files: hand-made tables and graphs (the fixtures that wrap them are in conftest.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis import networks


# --------------------------------------------------------------------------- networks: toy tables
def toy_actors() -> pd.DataFrame:
    return pd.DataFrame({
        "actor_id": ["host", "groups", "pko", "council", "court", "idle"],
        "name": ["Host / territorial State", "Armed groups", "UN mission", "UN Security Council",
                 "International Criminal Court", "Idle body"],
        "kind": ["state", "non_state_armed_group", "un_mission", "un_organ", "court", "civil_society"],
    })


def toy_obligations() -> pd.DataFrame:
    rows = [
        # obligation_id, actor, norm, level, instrument, sources
        ("host_ihl", "host", "POC", "primary", "gc", "gc-1949"),
        ("host_protect", "host", "R2P", "primary", "wso", "wso-2005"),
        ("host_punish", "host", "both", "primary", "gc", "gc-1949"),
        ("groups_ihl", "groups", "POC", "primary", "gc", "gc-1949"),
        ("pko_protect", "pko", "POC", "backup", "mandate", "res-1"),
        ("council_measures", "council", "both", "failsafe", "charter", "charter-1945"),
        ("council_r2p", "council", "R2P", "failsafe", "wso", "wso-2005"),
        ("council_poc", "council", "POC", "failsafe", "mandate", "res-1"),
        ("council_referral", "council", "both", "failsafe", "s_res_1970", "s-res-1970-2011"),
        ("court_try", "court", "both", "failsafe", "statute", "statute-1998"),
    ]
    frame = pd.DataFrame(rows, columns=["obligation_id", "actor_id", "norm", "level", "instrument_id", "sources"])
    frame["description"] = "duty " + frame["obligation_id"]
    frame["provision"] = "art 1"
    frame["r2p_pillar"] = np.where(frame["norm"] == "R2P", "I", "")
    frame["poc_tier"] = ""
    return frame


def toy_instruments() -> pd.DataFrame:
    ids = ["gc", "wso", "mandate", "charter", "s_res_1970", "statute"]
    return pd.DataFrame({"instrument_id": ids, "title": [i.upper() for i in ids], "year": [1949, 2005, 1999, 1945,
                                                                                          2011, 1998],
                         "kind": ["treaty", "outcome_document", "resolution", "treaty", "resolution", "statute"],
                         "citation": ids})


def toy_graph():
    """The toy normative graph (no instrument layer)."""
    return networks.normative_graph(toy_obligations(), toy_actors())
# --------------------------------------------------------------------------- networks: real data
#: situations whose graphs the real-data tests examine
REAL_CASES = ["syr-2011", "lby-2011", "lby-2011-crackdown", "ken-2007", "ssd-2013", "prk-1948", "phl-2016-drugwar",
              "mmr-2008-nargis", "irq-2003"]


def real_cases() -> dict:
    """The graphs of :data:`REAL_CASES` from the project's data (needs data/external)."""
    return networks.situation_graphs(REAL_CASES)

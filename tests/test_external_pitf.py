"""analysis.external.pitf: PITF's ongoing episodes and the adapter."""

from __future__ import annotations

from analysis.external import pitf
from conftest import read_as_loaded

PITF_HEAD = "COUNTRY,SCODE,CCODE,YEAR,MOBEGIN,YRBEGIN,MOEND,YREND,PTYPE,DEATHMAG\n"


def test_pitf_yrend_9999_is_ongoing(tmp_path):
    frame = read_as_loaded(tmp_path, "pitf", PITF_HEAD + "Iraq,IRQ,645,2014,6,2014,99,9999,1,1.0\n"
                                                         "Rwanda,RWA,517,1994,4,1994,7,1994,3,5.0\n")
    assert frame["YREND"].isna().tolist() == [True, False]
    assert frame["YREND"].iloc[1] == 1994
    assert frame["ongoing"].tolist() == [True, False]
    assert frame.attrs["notes"] == ["YREND: 9999 (ongoing) set to missing in 1 rows; see column 'ongoing'"]


def test_pitf_episodes_rwanda_1994():
    """Formerly the example of analysis.panel.pitf_episodes."""
    p = pitf.pitf_episodes(1994, 1994)
    assert p[p.gwno == 517].deathmag.tolist() == [5.0]

"""A classroom exercise: code a situation's facts, see its category, reasons and activated actors.

Students take a real situation from the dataset, code its facts themselves
(context, violence, missions, evidence per crime), and see what the suite makes
of their coding: the category under the chosen reading, the rules that fired,
and the actors whose duties it activates. They then compare their coding with
the dataset's, fact by fact, and read the worked answer (the dataset's notes and
sources).

The answer also says what the Security Council did in the situation
(:func:`council_text`): acted, with its resolutions and their content flags;
blocked, with the vetoed drafts; or silent.

The functions work without widgets (:func:`answer`, :func:`compare`,
:func:`worked_answer`, :func:`worksheet`); :func:`form` adds an interactive
ipywidgets form for a live notebook. A student's coding is checked with the
same validator as a user's situations file, so an impossible combination (war
crimes outside an armed conflict, say) gets the same clear message.

Examples
--------
>>> needs_external_data()  # the situation's actors come from UCDP (make data)
>>> result = answer("ken-2007", context="internal_disturbance", conflict_type="none",
...                 civilian_violence="widespread", crimes_against_humanity="ngo")
>>> result["category"]
'poc_only'
>>> for part in result["reasons"].split("; "):
...     print(part)
POC: internal disturbance with widespread violence against civilians
R2P prevention: crimes against humanity (ngo) below the un threshold
>>> table = compare("ken-2007", context="internal_disturbance", conflict_type="none",
...                 civilian_violence="widespread", crimes_against_humanity="ngo")
>>> table.loc[["crimes_against_humanity", "category"]].values.tolist()
[['ngo', 'judicial', False], ['poc_only', 'both', False]]
"""

from __future__ import annotations

import pandas as pd

from . import council, data, networks, schema, scope
from .validation import LINE, list_items

#: the facts a student codes, in the order of the codebook
FACTS = ("context", "conflict_type", "civilian_violence", "poc_missions", "genocide", "crimes_against_humanity",
         "war_crimes", "ethnic_cleansing", "war_crimes_scale")
#: a neutral starting point: nothing happened
BLANK = {"context": "peace", "conflict_type": "none", "civilian_violence": "none", "poc_missions": "",
         **{crime: "none" for crime in schema.CRIMES}, "war_crimes_scale": "none"}
#: contrasting cases for the exercise, one per lesson
CASES = {
    "ken-2007": "a peacetime atrocity response without a war: Kenya's post-election violence",
    "lby-2011": "both norms at once, and the Council acting: Libya 2011",
    "syr-2011": "both norms, and the failsafe blocked by vetoes: Syria",
    "ssd-2013": "a POC mission in an atrocity situation: South Sudan",
    "prk-1948": "R2P without a war: North Korea",
    "mmr-2008-nargis": "a disaster is neither: Cyclone Nargis",
}


def choices() -> dict[str, tuple[str, ...]]:
    """The allowed values of each fact (missions: '' for none, or one of the 16 POC-mandated operations)."""
    out = {}
    for fact in FACTS:
        if fact == "poc_missions":
            out[fact] = ("",) + tuple(sorted(data.load_missions()["acronym"]))
        else:
            out[fact] = tuple(next(c for c in schema.SITUATIONS.columns if c.name == fact).allowed)
    return out


def _case(situation_id: str, situations: pd.DataFrame | None = None) -> pd.Series:
    situations = data.load_situations() if situations is None else situations
    hit = situations[situations["situation_id"] == situation_id]
    if hit.empty:
        raise KeyError(f"situation '{situation_id}' is not in data/raw/situations.csv")
    return hit.iloc[0]


def student_case(situation_id: str, situations: pd.DataFrame | None = None, **facts) -> pd.DataFrame:
    """The dataset's row for *situation_id* with the student's *facts* in place of the coded ones.

    Facts not given start from :data:`BLANK` (nothing happened), not from the
    dataset's answer. The identity columns (country, years, UCDP conflicts,
    sources) are the dataset's, so the actors present are those of the real
    situation.

    Raises
    ------
    ValueError
        For a fact that is not one of :data:`FACTS`.
    """
    unknown = sorted(set(facts) - set(FACTS))
    if unknown:
        raise ValueError(f"unknown fact(s) {', '.join(unknown)}; the facts are: {', '.join(FACTS)}")
    row = _case(situation_id, situations).drop(labels=[LINE], errors="ignore")
    for fact in FACTS:
        row[fact] = str(facts.get(fact, BLANK[fact]))
    return pd.DataFrame([row]).reset_index(drop=True)


def answer(situation_id: str, rules: scope.ScopeRules = scope.ScopeRules(), situations: pd.DataFrame | None = None,
           **facts) -> dict:
    """Classify the student's coding of a situation and list the actors it activates.

    Returns
    -------
    dict
        ``category``, ``poc``, ``r2p``, ``r2p_prevention``, ``reasons``,
        ``actors``: a frame of the actors present with the number of duties
        the category activates for each (``duties``), sorted by level and name,
        and ``council``: what the Security Council did in the situation
        (:func:`council_text`; the facts, not the student's coding).

    Raises
    ------
    analysis.validation.ValidationError
        If the coding breaks a rule of the codebook (every problem listed).
    """
    case = student_case(situation_id, situations, **facts)
    result = scope.classify(case, rules, label=f"your coding of {situation_id}").iloc[0]
    G = networks.situation_graph(situation_id, rules=rules, situations=case)
    rows = []
    for node in networks.nodes_of(G, "actor"):
        attrs = G.nodes[node]
        duties = [G.nodes[o] for o in G.neighbors(node) if G.nodes[o].get("layer") == "obligation"]
        rows.append({"actor": attrs.get("name", node), "role": attrs.get("role", ""),
                     "duties": len(duties),
                     "levels": ", ".join(level for level in schema.LEVELS
                                         if any(d.get("level") == level for d in duties)),
                     "blocked": bool(attrs.get("blocked", False))})
    actors = pd.DataFrame(rows, columns=["actor", "role", "duties", "levels", "blocked"])
    actors = actors.sort_values(["duties", "actor"], ascending=[False, True], ignore_index=True)
    unsc = next(G.nodes[n] for n in networks.nodes_of(G, "actor") if G.nodes[n].get("role") == "Security Council")
    statements = council.situation_record(situation_id, case)
    return {"category": result["category"], "poc": bool(result["poc"]), "r2p": bool(result["r2p"]),
            "r2p_prevention": bool(result["r2p_prevention"]), "reasons": result["reasons"], "actors": actors,
            "council": council_text(unsc, int((statements["kind"] == "statement").sum()))}


def council_text(node: dict, statements: int = 0, shown: int = 6) -> str:
    """What the Security Council did in a situation, as a short text, from its node in the situation graph.

    *node* carries the status the Council's records give (:func:`analysis.council_practice.council_action`:
    acted, blocked or silent), its resolutions with their content flags and the vetoed drafts; *statements*
    counts the presidential statements naming the country (:func:`analysis.council.situation_record`). At most
    *shown* resolutions are listed; ``python -m analysis council show SITUATION_ID`` prints them all.

    Examples
    --------
    >>> node = {"status": "acted", "status_evidence": "2 resolution(s) on LBY 2011-2011",
    ...         "council_resolutions": "S/RES/1970 (2011);S/RES/2017 (2011)",
    ...         "council_flags": "S/RES/1970 (2011): chapter_vii, icc_referral", "council_vetoed": ""}
    >>> print(council_text(node, statements=1))
    Security Council: acted (2 resolution(s) on LBY 2011-2011)
      S/RES/1970 (2011): chapter_vii, icc_referral
      S/RES/2017 (2011)
      presidential statements: 1
    >>> print(council_text({"status": "silent", "status_evidence": "no resolution or vetoed draft on KEN 2007-2008",
    ...                     "council_resolutions": "", "council_flags": "", "council_vetoed": ""}))
    Security Council: silent (no resolution or vetoed draft on KEN 2007-2008)
    """
    flags = dict(item.split(": ", 1) for item in node["council_flags"].split("; ") if item)
    resolutions = [r for r in list_items(node["council_resolutions"]) if r]
    lines = [f"Security Council: {node['status']} ({node['status_evidence']})"]
    lines += [f"  {r}: {flags[r]}" if r in flags else f"  {r}" for r in resolutions[:shown]]
    if len(resolutions) > shown:
        lines.append(f"  ... and {len(resolutions) - shown} more resolution(s)")
    if node["council_vetoed"]:
        lines.append(f"  vetoed drafts: {node['council_vetoed'].replace(';', ', ')}")
    if statements:
        lines.append(f"  presidential statements: {statements}")
    return "\n".join(lines)


def compare(situation_id: str, rules: scope.ScopeRules = scope.ScopeRules(), situations: pd.DataFrame | None = None,
            **facts) -> pd.DataFrame:
    """The student's coding beside the dataset's, fact by fact, then the two categories.

    Returns a frame indexed by ``fact`` with ``student``, ``dataset`` and ``match``.
    """
    situations = data.load_situations() if situations is None else situations
    case = student_case(situation_id, situations, **facts)
    coded = situations[situations["situation_id"] == situation_id]
    mine = scope.classify(case, rules, label=f"your coding of {situation_id}").iloc[0]
    theirs = scope.classify(coded, rules, validate=False).iloc[0]
    rows = [(fact, str(mine[fact]), str(theirs[fact])) for fact in FACTS]
    rows.append(("category", mine["category"], theirs["category"]))
    table = pd.DataFrame(rows, columns=["fact", "student", "dataset"]).set_index("fact")
    table["match"] = table["student"] == table["dataset"]
    return table


def worked_answer(situation_id: str, rules: scope.ScopeRules = scope.ScopeRules()) -> str:
    """The dataset's coding of a situation as a short text: facts, category, reasons, the text read behind each
    tier (``evidence.csv``: citation, where in it, what it finds), notes and sources."""
    row = scope.classify(data.load_situations(), rules).set_index("situation_id").loc[situation_id]
    sources = data.load_sources().set_index("source_id")
    cited = [f"  - {sources.loc[s, 'citation']}" for s in list_items(row["sources"]) if s in sources.index]
    evidence = data.load_evidence().query("situation_id == @situation_id")
    backing = [f"  {e.crime} `{e.tier}`: {sources.loc[e.source_id, 'citation']}, {e.locator}: {e.finding}"
               for e in evidence.itertuples()] or ["  (no crime coded above none)"]
    facts = "\n".join(f"  {fact}: {row[fact] or '(none)'}" for fact in FACTS)
    end = row["end_year"] if pd.notna(row["end_year"]) and row["end_year"] != "" else "ongoing"
    years = f"{row['start_year']}-{end}"
    return (f"{row['name']} ({situation_id}, {years})\n{facts}\n"
            f"category ({rules.describe()}): {row['category']}\nreasons: {row['reasons']}\n"
            "evidence (the text read behind each tier):\n" + "\n".join(backing) + "\n"
            f"coding note: {row['notes']}\nsources:\n" + "\n".join(cited))


def worksheet(situation_id: str) -> str:
    """A printable worksheet: the facts to code and their allowed values (the static fallback of :func:`form`)."""
    case = _case(situation_id)
    lines = [f"Worksheet: {case['name']} ({situation_id}), {case['country']}",
             "Code each fact, then call analysis.classroom.answer(...) and compare(...) with your choices."]
    for fact, allowed in choices().items():
        shown = ", ".join(v if v else "'' (none)" for v in allowed)
        lines.append(f"  {fact}: {shown}")
    return "\n".join(lines)


def form(situation_id: str, rules: scope.ScopeRules = scope.ScopeRules()):
    """An ipywidgets form: one dropdown per fact, a button, and the answer below it.

    Falls back to the printable :func:`worksheet` (returned as a string) when
    ipywidgets is not installed.
    """
    try:  # optional: only the interactive form needs ipywidgets and IPython
        import ipywidgets as widgets
        from IPython.display import display
    except ImportError:
        return worksheet(situation_id)
    pickers = {fact: widgets.Dropdown(options=[(v or "(none)", v) for v in allowed], value=BLANK[fact],
                                      description=fact.replace("_", " "), style={"description_width": "14em"},
                                      layout=widgets.Layout(width="32em"))
               for fact, allowed in choices().items()}
    button = widgets.Button(description="Classify my coding")
    output = widgets.Output()

    def show(_):
        output.clear_output()
        with output:
            facts = {fact: picker.value for fact, picker in pickers.items()}
            try:
                result = answer(situation_id, rules, **facts)
            except Exception as err:  # noqa: BLE001 - show the validator's message to the student
                print(err)
                return
            print(f"category: {result['category']}\nreasons: {result['reasons']}")
            display(result["actors"])
            display(compare(situation_id, rules, **facts))

    button.on_click(show)
    return widgets.VBox([widgets.HTML(f"<b>{_case(situation_id)['name']}</b>"), *pickers.values(), button, output])

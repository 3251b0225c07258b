"""analysis.external.fetch: the mirror or download, the checks, and the provenance table.

The download route is tested against a server on the loopback address started here
(:func:`loopback`), serving files and zips built in the test under URL paths like the
publishers'; :data:`analysis.external.fetch.BASE_URLS` sends every registered URL to it.
No test reaches the internet.
"""

from __future__ import annotations

import hashlib
import http.server
import io
import re
import socket
import threading
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pyreadr
import pytest

from analysis import paths
from analysis.cli import main
from analysis.external import countries, ewp, fetch, ucdp
from analysis.external.registry import REGISTRY, DataError, Dataset, Link, Source

#: The data mirror (DATA_MIRROR, else where CI puts it: shared/ beside the project).
MIRROR = paths.data_mirror() or paths.ROOT.parent / "shared" / "data" / "external"

CSV = b"a,b\n1,2\n3,4\n"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --------------------------------------------------------------------------- the loopback server

class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes: dict[str, bytes] = {}  # URL path -> body
        self.errors: dict[str, int] = {}  # URL path -> how many requests get a 503 first
        self.cuts: dict[str, int] = {}  # URL path -> how many transfers stop short of Content-Length
        self.log: list[str] = []

    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"


class _Handler(http.server.BaseHTTPRequestHandler):
    timeout = 5

    def do_GET(self):  # noqa: N802 - the name http.server calls
        server: _Server = self.server
        server.log.append(self.path)
        body = server.routes.get(self.path)
        if body is None:
            self.send_error(404)
        elif server.errors.get(self.path, 0) > 0:
            server.errors[self.path] -= 1
            self.send_error(503)
        else:
            cut = server.cuts.get(self.path, 0) > 0
            if cut:
                server.cuts[self.path] -= 1
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2] if cut else body)
            if cut:
                self.close_connection = True

    def log_message(self, *args):  # quiet
        pass


@pytest.fixture
def loopback(tmp_path, monkeypatch):
    """A server on 127.0.0.1 standing in for the internet, an empty data/external, no mirror, fast retries."""
    server = _Server()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    monkeypatch.setattr(fetch, "BASE_URLS", {"https://": server.base(), "http://": server.base()})
    monkeypatch.setattr(fetch, "BACKOFF", 0.0)
    monkeypatch.setattr(fetch, "TIMEOUT", 5.0)
    monkeypatch.setattr(paths, "DATA_EXTERNAL", tmp_path / "external")
    monkeypatch.delenv("DATA_MIRROR", raising=False)
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def _path(url: str) -> str:
    """The loopback path of a registered URL: the host becomes the first folder."""
    return "/" + url.split("://", 1)[1]


def _demo(*links: Link, data: bytes = CSV, convert=None) -> tuple[Dataset, Source]:
    source = Source("demo/demo.csv", links, _sha(data), convert)
    dataset = Dataset("demo", "Demo", "1", "demo/demo.csv", "P", "https://example.org", "CC0", "@misc{demo,}",
                      ("a", "b"), (2, 3), sources=(source,))
    return dataset, source


def _zip(member: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, data)
    return buffer.getvalue()


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) \
        if folder.exists() else []


PUBLISHER = Link("https://publisher.example/data/demo.csv", "publisher")
COPY = Link("https://raw.githubusercontent.com/owner/repo/0123abcd/demo.csv", "third_party_copy")


# --------------------------------------------------------------------------- the download route

def test_download_writes_the_file_and_records_the_url(loopback):
    loopback.routes[_path(PUBLISHER.url)] = CSV
    dataset, source = _demo(PUBLISHER, COPY)
    row, written = fetch.fetch(dataset, source)
    assert source.path.read_bytes() == CSV and written == len(CSV)
    assert row["origin"] == loopback.base() + "publisher.example/data/demo.csv"
    assert row["sha256"] == _sha(CSV)
    assert _files(paths.DATA_EXTERNAL) == ["demo/demo.csv"]


def test_a_file_present_and_correct_is_not_downloaded_again(loopback):
    loopback.routes[_path(PUBLISHER.url)] = CSV
    dataset, source = _demo(PUBLISHER)
    fetch.fetch(dataset, source)
    assert fetch.fetch(dataset, source)[1] == 0
    assert loopback.log == ["/publisher.example/data/demo.csv"]


def test_zip_member(loopback):
    link = Link("https://publisher.example/downloads/demo-csv.zip", "publisher", "demo.csv")
    loopback.routes[_path(link.url)] = _zip("demo-1.0/demo.csv", CSV)
    data, url = fetch.download(*_demo(link))
    assert data == CSV and url.endswith("demo-csv.zip")


def test_xlsx_sheet_conversion(loopback):
    events = pd.DataFrame({"country": ["Rwanda", "Sudan"], "startyear": [1994, 2003], "endyear": [1994.0, None]})
    workbook = io.BytesIO()
    with pd.ExcelWriter(workbook) as writer:
        pd.DataFrame({"x": [1]}).to_excel(writer, sheet_name="notes", index=False)
        events.to_excel(writer, sheet_name="mk_events", index=False)
    expected = b"country,startyear,endyear\nRwanda,1994,1994.0\nSudan,2003,\n"
    link = Link("https://raw.githubusercontent.com/owner/repo/0123abcd/master%20list.xlsx", "publisher_github")
    loopback.routes[_path(link.url)] = workbook.getvalue()
    source = Source("demo/events.csv", (link,), _sha(expected), ewp.mk_events_csv)
    dataset = Dataset("demo", "Demo", "1", "demo/events.csv", "P", "p", "CC0", "@misc{d,}", ("country",), (2, 2),
                      sources=(source,))
    assert fetch.download(dataset, source)[0] == expected


def test_wrong_hash_falls_back_to_the_pinned_copy(loopback):
    loopback.routes[_path(PUBLISHER.url)] = b"a,b\n1,2\n3,5\n"  # another release: right shape, other bytes
    loopback.routes[_path(COPY.url)] = CSV
    data, url = fetch.download(*_demo(PUBLISHER, COPY))
    assert data == CSV and url.endswith("0123abcd/demo.csv")


def test_wrong_hash_everywhere_names_file_urls_and_what_to_do(loopback):
    loopback.routes[_path(PUBLISHER.url)] = b"a,b\n1,2\n3,5\n"
    dataset, source = _demo(PUBLISHER, COPY)  # the copy is not served: 404
    with pytest.raises(DataError) as err:
        fetch.fetch(dataset, source)
    message = str(err.value)
    assert message.startswith(f"{paths.relative(source.path)}: download failed; tried ")
    assert "publisher.example/data/demo.csv (sha256 " in message and "is not the pinned" in message
    assert "0123abcd/demo.csv (HTTP 404" in message
    assert "run 'make data' again, or download https://publisher.example/data/demo.csv by hand" in message
    assert "\n" not in message and not isinstance(err.value, fetch.Offline)
    assert _files(paths.DATA_EXTERNAL) == []


def test_truncated_file_fails_the_content_checks_and_leaves_nothing(loopback):
    rows = b"a,b\n" + b"".join(b"%d,%d\n" % (i, i) for i in range(3))
    loopback.routes[_path(PUBLISHER.url)] = rows[: len(rows) // 2]  # complete transfer of a cut file
    dataset, source = _demo(PUBLISHER, data=rows)
    with pytest.raises(DataError, match=r"\(1 rows, expected 2-3 \(truncated or another release\?\)\)"):
        fetch.fetch(dataset, source)
    assert _files(paths.DATA_EXTERNAL) == []


def test_server_error_is_retried(loopback):
    loopback.routes[_path(PUBLISHER.url)] = CSV
    loopback.errors[_path(PUBLISHER.url)] = 1  # first request 503, then 200
    assert fetch.download(*_demo(PUBLISHER))[0] == CSV
    assert loopback.log == ["/publisher.example/data/demo.csv"] * 2


def test_server_error_gives_up_after_the_tries(loopback, monkeypatch):
    monkeypatch.setattr(fetch, "TRIES", 2)
    loopback.routes[_path(PUBLISHER.url)] = CSV
    loopback.errors[_path(PUBLISHER.url)] = 5
    with pytest.raises(DataError, match=r"demo\.csv \(HTTP 503 Service Unavailable after 2 tries\)"):
        fetch.download(*_demo(PUBLISHER))
    assert len(loopback.log) == 2


def test_interrupted_transfer_is_retried(loopback):
    loopback.routes[_path(PUBLISHER.url)] = CSV
    loopback.cuts[_path(PUBLISHER.url)] = 1  # Content-Length larger than the body, once
    dataset, source = _demo(PUBLISHER)
    fetch.fetch(dataset, source)
    assert source.path.read_bytes() == CSV and len(loopback.log) == 2


def test_interrupted_transfer_every_time_leaves_no_partial_file(loopback):
    loopback.routes[_path(PUBLISHER.url)] = CSV
    loopback.cuts[_path(PUBLISHER.url)] = 10
    dataset, source = _demo(PUBLISHER)
    with pytest.raises(DataError, match=r"transfer cut short \(6 bytes, 6 more expected\) after 3 tries"):
        fetch.fetch(dataset, source)
    assert _files(paths.DATA_EXTERNAL) == []


def test_offline_lists_every_missing_file_exit_2_and_touches_nothing(loopback, monkeypatch, capsys):
    with socket.socket() as probe:  # a port nobody listens on: connection refused, as offline
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}/"
    monkeypatch.setattr(fetch, "BASE_URLS", {"https://": closed})
    assert main(["data"]) == 2
    out, err = capsys.readouterr()
    files = [source.file for dataset in REGISTRY.values() for source in dataset.sources]
    assert err.startswith("error: offline: no download could be made (")
    assert f"{len(files)} files of data/external are missing:\n" in err
    assert all(f"\n  {file}\n" in err for file in files)
    assert err.endswith("or set DATA_MIRROR to a folder holding a copy (the layout of data/external)\n")
    assert "Traceback" not in err and out == ""
    assert not paths.DATA_EXTERNAL.exists()


# --------------------------------------------------------------------------- end to end: every registered file

def _termination_xlsx(csv: bytes) -> bytes:
    """The Conflict Termination workbook as the publisher made it: a 'dataset' sheet, dates as dates."""
    frame = pd.read_csv(io.BytesIO(csv), parse_dates=["ependdate", "start_date", "start_date2"])
    book = openpyxl.Workbook(write_only=True)  # twice as fast as DataFrame.to_excel
    sheet = book.create_sheet("dataset")
    sheet.append(list(frame.columns))
    for row in frame.astype(object).where(frame.notna(), None).itertuples(index=False):
        sheet.append([v.to_pydatetime() if isinstance(v, pd.Timestamp) else v for v in row])
    workbook = io.BytesIO()
    book.save(workbook)
    return workbook.getvalue()


def _gw_states_rda(csv: bytes, folder: Path) -> bytes:
    """peacesciencer's gw_states.rda: the object 'gw_states', codes as doubles, dates as R dates."""
    frame = pd.read_csv(io.BytesIO(csv))
    for column in ("startdate", "enddate"):
        frame[column] = pd.to_datetime(frame[column]).dt.date
    pyreadr.write_rdata(str(folder / "gw_states.rda"), frame, df_name="gw_states")
    return (folder / "gw_states.rda").read_bytes()


@pytest.mark.skipif(not MIRROR.is_dir(), reason=f"the data mirror {MIRROR} is absent")
def test_every_registered_file_downloads_converts_and_equals_the_mirror(loopback, tmp_path, capsys):
    builders = {ucdp.termination_csv: _termination_xlsx,
                countries.gw_states_csv: lambda csv: _gw_states_rda(csv, tmp_path)}
    plan = [(source, link) for dataset in REGISTRY.values() for source in dataset.sources for link in source.links]
    for source, link in sorted(plan, key=lambda item: item[0].convert is not None):
        path, mirrored = _path(link.url), (MIRROR / source.file).read_bytes()
        if link.member:
            loopback.routes[path] = _zip(link.member, mirrored)
        elif source.convert is None:
            loopback.routes[path] = mirrored
        elif path not in loopback.routes:  # a workbook not itself registered: built from the mirror's CSV
            loopback.routes[path] = builders[source.convert](mirrored)
    acd = REGISTRY["ucdp_acd"].source
    del loopback.routes[_path(acd.links[0].url)]  # the publisher's zip out of reach: the pinned copy is used
    loopback.errors[_path(REGISTRY["ucdp_osv"].url)] = 1

    assert main(["data"]) == 0  # make data, DATA_MIRROR unset

    table = pd.read_csv(fetch.provenance())
    files = sorted(source.file for dataset in REGISTRY.values() for source in dataset.sources)
    assert sorted(table["file"]) == files == sorted(set(_files(paths.DATA_EXTERNAL)) - {"PROVENANCE.csv"})
    for file in files:
        assert (paths.DATA_EXTERNAL / file).read_bytes() == (MIRROR / file).read_bytes(), file
    origin = table.set_index("file")["origin"]
    assert origin[acd.file] == loopback.base() + acd.links[1].url.split("://", 1)[1]
    assert origin[REGISTRY["ucdp_osv"].file].endswith("ucdp-onesided-261-csv.zip")
    lines = capsys.readouterr().out.splitlines()
    # the Council texts are not part of the download route: without a mirror, one line says so
    assert lines[-1].startswith("--  unsc_texts/ not in DATA_MIRROR"), lines[-1]
    lines = lines[:-1]
    assert len(lines) == len(files) + 2 and lines[-1] == "wrote data/external/PROVENANCE.csv"
    assert all(re.fullmatch(r"\[ ?\d+/\d+\] \S+: [\d,]+ bytes written, downloaded from http://127\.0\.0\.1:\d+/\S+, "
                            r"sha256 ok", line) for line in lines[:-2]), lines
    written = sum((MIRROR / file).stat().st_size for file in files)
    assert lines[-2] == f"{len(files)} of {len(files)} files in place: {len(files)} fetched ({written:,} bytes " \
                        "written), 0 already present, 0 failed"
    # a second run downloads nothing
    before = len(loopback.log)
    progress = []
    fetch.fetch_all(progress=progress.append)
    assert len(loopback.log) == before
    assert progress[-1] == f"{len(files)} of {len(files)} files in place: 0 fetched (0 bytes written), " \
                           f"{len(files)} already present, 0 failed"


def test_progress_one_line_per_file_and_a_total(loopback, monkeypatch):
    loopback.routes[_path(PUBLISHER.url)] = CSV
    dataset, source = _demo(PUBLISHER)
    monkeypatch.setattr(fetch, "REGISTRY", {"demo": dataset})
    lines = []
    fetch.fetch_all(progress=lines.append)
    assert lines == [f"[1/1] demo/demo.csv: 12 bytes written, downloaded from {loopback.base()}publisher.example/"
                     "data/demo.csv, sha256 ok",
                     "1 of 1 files in place: 1 fetched (12 bytes written), 0 already present, 0 failed"]


# --------------------------------------------------------------------------- the mirror route and the table

def test_provenance_written():
    table = pd.read_csv(paths.DATA_EXTERNAL / "PROVENANCE.csv")
    assert set(table["dataset"]) == set(REGISTRY)
    assert table["sha256"].str.fullmatch(r"[0-9a-f]{64}").all()
    registered = {source.file: source.sha256 for dataset in REGISTRY.values() for source in dataset.sources}
    assert dict(zip(table["file"], table["sha256"])) == registered


def test_missing_mirror_is_refused(tmp_path):
    with pytest.raises(DataError, match="no such folder"):
        fetch.fetch_all(tmp_path / "nowhere")


def test_missing_file_in_mirror_names_how_to_obtain(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "DATA_EXTERNAL", tmp_path / "external")
    with pytest.raises(DataError) as err:
        fetch.fetch_all(tmp_path)
    assert "ucdp_acd/UcdpPrioConflict_v25_1.csv" in str(err.value)
    assert "https://ucdp.uu.se/downloads/ucdpprio/ucdp-prio-acd-251-csv.zip" in str(err.value)
    assert not (tmp_path / "external" / "PROVENANCE.csv").exists()


def test_mirror_copy_with_another_hash_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "DATA_EXTERNAL", tmp_path / "external")
    dataset = REGISTRY["unsc_vetoes"]
    licence = next(s for s in dataset.sources if s.file != dataset.file)
    (tmp_path / "mirror" / "unsc").mkdir(parents=True)
    (tmp_path / "mirror" / licence.file).write_text("MIT License (edited)\n")
    with pytest.raises(DataError, match=r"LICENSE_MIT_world-politics-datalab\.txt: sha256 [0-9a-f]{12}\.\.\. of 21 "
                                        r"bytes is not the pinned 0d1751e7ca42\.\.\."):
        fetch.fetch(dataset, licence, tmp_path / "mirror")
    assert _files(paths.DATA_EXTERNAL) == []

"""The built book in a real browser (``make test-book``): headless Chromium opens every page.

``make test-book`` builds the book (``make book``), then runs this file with
``BOOK_HTML`` naming the site. The site is served on 127.0.0.1 by
``http.server`` in a thread; Debian's Chromium, driven by its ChromeDriver
through Selenium, opens every page once and the tests check what a reader
would see: no console errors, every image loaded and described, every internal
link answering 200, headings in order, the network views drawn inside their
iframes, the classroom worksheet on its page. Screenshots of the home page and
of one network view are saved under ``book/_build/screenshots`` for review.

Skipped, with the reason, outside ``make test-book`` or where Chromium or
ChromeDriver is not installed (``apt-get install chromium chromium-driver``;
``.ci/run`` installs both).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urldefrag

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from analysis import paths

HTML = Path(os.environ["BOOK_HTML"]).resolve() if os.environ.get("BOOK_HTML") else None
SCREENSHOTS = paths.ROOT / "book" / "_build" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
#: the flags that keep headless Chromium off the network (this machine has none but the registries)
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
         "--window-size=1280,900")

pytestmark = [
    pytest.mark.skipif(HTML is None, reason="the browser test runs under `make test-book` (it builds the book and "
                                            "sets BOOK_HTML)"),
    pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="Chromium or ChromeDriver is not installed: "
                                                               "apt-get install chromium chromium-driver"),
]

IMAGES_NOT_LOADED = """return Array.from(document.images)
    .filter(img => !(img.complete && img.naturalWidth > 0)).map(img => img.currentSrc || img.src);"""
IMAGES_WITHOUT_ALT = """return Array.from(document.images)
    .filter(img => !(img.getAttribute('alt') || '').trim()).map(img => img.currentSrc || img.src);"""
LINKS = """return Array.from(document.querySelectorAll('a[href], iframe[src], img[src], link[href], script[src]'))
    .map(el => el.href || el.src);"""
HEADINGS = """const article = document.querySelector('article');
    return article ? Array.from(article.querySelectorAll('h1, h2, h3, h4, h5, h6'))
        .map(h => [Number(h.tagName[1]), h.textContent.trim()]) : null;"""
#: inside a network view: the number of nodes and of painted pixels of the vis-network canvas (null: none yet)
NETWORK_DRAWN = """const canvas = document.querySelector('#mynetwork canvas');
    if (!canvas || !canvas.width || !canvas.height || typeof nodes === 'undefined') return null;
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
    return [nodes.length, painted];"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def base_url():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(HTML)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def pages() -> list[str]:
    """Every HTML page of the site, relative to its root."""
    found = (p.relative_to(HTML).as_posix() for p in HTML.rglob("*.html"))
    return sorted(page for page in found if not page.startswith(("_static/", "_sources/", "_downloads/")))


def open_page(driver, url: str) -> list[dict]:
    """Load *url*, wait until it is complete, and return the console's entries of level SEVERE."""
    driver.get_log("browser")  # empty the console of the previous page
    driver.get(url)
    deadline = time.monotonic() + 30
    while driver.execute_script("return document.readyState") != "complete" and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.3)  # scripts run on load (search index, theme)
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


@pytest.fixture(scope="module")
def visits(browser, base_url):
    """Open every page once and record what each shows: console errors, images, links, headings."""
    seen = {}
    for page in pages():
        errors = open_page(browser, base_url + page)
        seen[page] = {
            "errors": [entry["message"] for entry in errors],
            "not_loaded": browser.execute_script(IMAGES_NOT_LOADED),
            "no_alt": browser.execute_script(IMAGES_WITHOUT_ALT),
            "links": browser.execute_script(LINKS),
            "headings": browser.execute_script(HEADINGS),
        }
    return seen


def test_the_site_has_every_page(visits):
    expected = {"index.html", "gallery.html", "networks.html", "data.html", "references.html",
                "decisions/index.html"}
    expected |= {f"notebooks/{p.stem}.html" for p in paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")
                 if p.stem != "00-index"}
    expected |= {f"decisions/{p.stem}.html" for p in (paths.DOCS / "decisions").glob("[0-9][0-9][0-9]-*.md")}
    assert expected <= set(visits)


def test_no_page_logs_a_console_error(visits):
    assert {page: seen["errors"] for page, seen in visits.items() if seen["errors"]} == {}


def test_every_image_is_loaded_and_described(visits):
    assert {page: seen["not_loaded"] for page, seen in visits.items() if seen["not_loaded"]} == {}
    assert {page: seen["no_alt"] for page, seen in visits.items() if seen["no_alt"]} == {}
    assert sum(len(seen["links"]) for seen in visits.values()) > 0


def test_every_internal_link_resolves(visits, base_url):
    internal = {urldefrag(link).url for seen in visits.values() for link in seen["links"]
                if link and link.startswith(base_url)}
    broken = {}
    for url in sorted(internal):
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                status = response.status
        except urllib.error.HTTPError as err:
            status = err.code
        if status != 200:
            broken[url] = status
    assert len(internal) > 50
    assert broken == {}


def test_external_links_load_nothing(visits, base_url):
    """Nothing a page loads (script, style, image, frame) comes from outside the site: the book works offline."""
    loaded = {link for seen in visits.values() for link in seen["links"]
              if link and not link.startswith(base_url) and not link.startswith(("mailto:", "javascript:"))}
    assert {link for link in loaded if link.endswith((".js", ".css", ".woff", ".woff2", ".png", ".svg"))} == set()


def test_headings_are_in_order(visits):
    """Each article starts with one h1, and no heading skips a level on the way down."""
    problems = {}
    for page, seen in visits.items():
        levels = [level for level, _ in seen["headings"] or []]
        if seen["headings"] is None:
            continue
        jumps = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
        if not levels or levels[0] != 1 or levels.count(1) != 1 or jumps:
            problems[page] = seen["headings"]
    assert problems == {}


def test_every_network_view_draws_its_nodes(browser, base_url):
    open_page(browser, base_url + "networks.html")
    frames = browser.find_elements(By.CSS_SELECTOR, "iframe.network-view")
    assert len(frames) == len(list((paths.FIGURES / "networks").glob("*.html")))
    drawn = {}
    for frame in frames:
        name = frame.get_attribute("src").rsplit("/", 1)[-1]
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", frame)
        browser.switch_to.frame(frame)
        deadline, state = time.monotonic() + 20, None
        while time.monotonic() < deadline:
            state = browser.execute_script(NETWORK_DRAWN)
            if state and state[0] > 0 and state[1] > 1000:
                break
            time.sleep(0.2)
        browser.switch_to.default_content()
        drawn[name] = state
        if len(drawn) == 1:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            browser.save_screenshot(str(SCREENSHOTS / f"network-{Path(name).stem}.png"))
    assert all(state and state[0] > 0 and state[1] > 1000 for state in drawn.values()), drawn


def test_the_classroom_page_shows_the_worksheet(browser, base_url):
    nb = json.loads((paths.NOTEBOOKS / "07-classroom.ipynb").read_text(encoding="utf-8"))
    worksheet = next("".join(out["text"]) for cell in nb["cells"] if "classroom.worksheet(" in "".join(cell["source"])
                     for out in cell["outputs"] if out.get("name") == "stdout")
    open_page(browser, base_url + "notebooks/07-classroom.html")
    heading = browser.find_element(By.XPATH, "//h2[contains(., 'the worksheet')]")
    shown = [block for block in browser.find_elements(By.CSS_SELECTOR, "div.cell_output pre")
             if block.text.startswith(worksheet.splitlines()[0])]
    assert heading.is_displayed()
    assert shown and shown[0].is_displayed()
    assert shown[0].text.strip() == worksheet.strip()


def test_screenshot_of_the_home_page(browser, base_url):
    open_page(browser, base_url + "index.html")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / "home.png"
    assert browser.save_screenshot(str(path))
    assert path.stat().st_size > 10_000
    assert "what this suite answers" in browser.find_element(By.TAG_NAME, "h1").text

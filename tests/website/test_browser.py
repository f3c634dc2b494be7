"""The generated site in a real browser: headless Chromium driven by Selenium.

The site is served over HTTP on 127.0.0.1 from the test's own folder. Every page must load
without console errors, every link inside the site must reach a file (and an anchor, when it
names one), minute references must land on their minute, the search must find a known
phrase and no exempt text, the pages must fit a phone's width, and axe-core (vendored from
the npm registry in ``vendor/axe-core``) must find no serious or critical WCAG 2.1 A/AA
violation. Skipped, with the reason, where Debian's ``chromium`` and ``chromium-driver``
are not installed (``.ci/run`` installs them).
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest

from tests.website.sitekit import CIRCULATED, SENTINELS

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
_CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
_DRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    not (_CHROMIUM and _DRIVER),
    reason="headless Chromium is not installed (apt-get install chromium chromium-driver)",
)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server(built_site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service as DriverService

    profile = tempfile.mkdtemp(prefix="minutebook-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = _CHROMIUM or ""
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                 f"--user-data-dir={profile}", "--window-size=1280,900"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=DriverService(executable_path=_DRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def _open(driver: object, url: str) -> list[dict[str, str]]:
    """Load a page; the console messages it logged (the log is emptied by reading it)."""
    driver.get_log("browser")  # type: ignore[attr-defined]
    driver.get(url)  # type: ignore[attr-defined]
    return driver.get_log("browser")  # type: ignore[attr-defined]


def _ids(page: Path) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', page.read_text()))


def test_every_page_loads_without_console_errors_and_its_links_resolve(
        browser: object, server: str, built_site: Path) -> None:
    checked = 0
    for page in _pages(built_site):
        errors = [m for m in _open(browser, server + page) if m["level"] == "SEVERE"]
        assert errors == [], f"{page}: {errors}"
        hrefs = browser.execute_script(  # type: ignore[attr-defined]
            "return Array.from(document.querySelectorAll('a[href], link[href]'), a => a.href)")
        for href in hrefs:
            if not href.startswith(server):
                assert href.startswith(("data:", "mailto:")), f"{page} links outside the site: {href}"
                continue
            url, fragment = urldefrag(href)
            target = built_site / urlsplit(url).path.removeprefix("/")
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{page} links to a missing {href}"
            if fragment:
                assert fragment in _ids(target), f"{page} links to a missing anchor {href}"
            checked += 1
    assert checked > 200


def test_a_minute_reference_lands_on_its_minute(browser: object, server: str) -> None:
    from selenium.webdriver.common.by import By

    _open(browser, f"{server}meetings/{CIRCULATED}/minutes.html")
    browser.find_element(By.LINK_TEXT, "Minute 3/26").click()  # type: ignore[attr-defined]
    assert browser.current_url.endswith(  # type: ignore[attr-defined]
        "meetings/children-scrutiny-board/2026-09-17/minutes.html#minute-3-26")
    heading = browser.execute_script(  # type: ignore[attr-defined]
        "return document.querySelector(':target').textContent")
    assert heading == "3. Corporate Parenting Annual Report 2025-26"
    _open(browser, f"{server}meetings/{CIRCULATED}/index.html")
    browser.find_element(By.LINK_TEXT, "Minute 12/26").click()  # type: ignore[attr-defined]
    assert browser.execute_script(  # type: ignore[attr-defined]
        "return document.querySelector(':target').id") == "minute-12-26"


def _search(driver: object, server: str, query: str) -> str:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    errors = [m for m in _open(driver, server + "search.html") if m["level"] == "SEVERE"]
    assert errors == []
    box = driver.find_element(By.ID, "q")  # type: ignore[attr-defined]
    box.send_keys(query)
    driver.find_element(By.CSS_SELECTOR, "form.search button").click()  # type: ignore[attr-defined]
    WebDriverWait(driver, 20).until(ready.presence_of_element_located((By.CSS_SELECTOR,
                                                                        "#results h2")))
    return driver.find_element(By.ID, "results").text  # type: ignore[attr-defined]


def test_search_finds_a_known_phrase_and_follows_to_it(browser: object, server: str) -> None:
    from selenium.webdriver.common.by import By

    found = _search(browser, server, '"independent travel training"')
    assert found.startswith("1 result for")
    assert "12. Home to School Transport Review" in found
    browser.find_element(By.LINK_TEXT, "12. Home to School Transport Review").click()  # type: ignore[attr-defined]
    assert browser.current_url.endswith(f"{CIRCULATED}/minutes.html#minute-12-26")  # type: ignore[attr-defined]


def test_search_finds_no_exempt_text(browser: object, server: str) -> None:
    for sentinel in SENTINELS[:3] + ("Oakfield",):
        assert _search(browser, server, f'"{sentinel}"').startswith("No results")


def test_pages_fit_a_phone(browser: object, server: str) -> None:
    browser.set_window_size(375, 800)  # type: ignore[attr-defined]
    try:
        for page in ("index.html", f"meetings/{CIRCULATED}/minutes.html",
                     "committees/children-scrutiny-board/index.html", "search.html"):
            _open(browser, server + page)
            wide = browser.execute_script(  # type: ignore[attr-defined]
                "return document.documentElement.scrollWidth - window.innerWidth")
            assert wide <= 0, f"{page} is {wide}px wider than a phone"
    finally:
        browser.set_window_size(1280, 900)  # type: ignore[attr-defined]


_AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                   resultTypes: ['violations']})
  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                          nodes: v.nodes.map(n => n.target.join(' '))}))))
  .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
"""


def test_axe_finds_no_serious_accessibility_violations(browser: object, server: str,
                                                       built_site: Path) -> None:
    script = AXE.read_text()
    pages = ["index.html", "search.html", "committees/children-scrutiny-board/index.html",
             f"meetings/{CIRCULATED}/index.html", f"meetings/{CIRCULATED}/agenda.html",
             f"meetings/{CIRCULATED}/minutes.html",
             "meetings/children-scrutiny-board/2027-01-14/agenda.html"]
    assert all((built_site / p).is_file() for p in pages)
    for page in pages:
        _open(browser, server + page)
        browser.execute_script(script)  # type: ignore[attr-defined]
        violations = browser.execute_async_script(_AXE_RUN)  # type: ignore[attr-defined]
        serious = [v for v in violations if v["impact"] in ("serious", "critical")]
        assert serious == [], f"{page}: {serious}"
    # The check can fail: a page with text too faint to read is reported.
    browser.execute_script(  # type: ignore[attr-defined]
        "document.querySelector('h1').style.color = '#ddd'")
    violations = browser.execute_async_script(_AXE_RUN)  # type: ignore[attr-defined]
    assert "color-contrast" in [v["id"] for v in violations]

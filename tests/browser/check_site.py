"""Load pages of a built site in headless Chromium (Debian's chromium and chromium-driver,
driven by Selenium) and check what a reader sees: no console errors; the headline, byline,
body and bios visible. Saves a phone and a desktop screenshot of each page.

    python tests/browser/check_site.py SITE_DIR SHOTS_DIR

Run by ``make validate``; not part of ``make test`` (it needs a browser).
"""

from __future__ import annotations

import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

CHROMIUM = "/usr/bin/chromium"
DRIVER = "/usr/bin/chromedriver"
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def driver() -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(DRIVER), options=options)


def visible(browser: webdriver.Chrome, css: str) -> bool:
    found = browser.find_elements(By.CSS_SELECTOR, css)
    return bool(found) and all(e.is_displayed() and e.text.strip() for e in found)


def main(site: Path, shots: Path) -> int:
    stories = [p for p in site.glob("*/index.html") if 'class="story"' in p.read_text()]
    article = max(stories, key=lambda p: p.stat().st_size).parent.name  # the fullest page
    author = next(p.parent.name for p in sorted((site / "authors").glob("*/index.html")))
    pages = {
        "article": (
            f"{article}/index.html",
            ["article.story h1", ".story .meta a[rel=author]", ".story .body p", ".bios .bio"],
        ),
        "index": ("index.html", ["main h1", ".teaser h2 a", ".teaser .meta"]),
        "author": (f"authors/{author}/index.html", ["#author-name", ".profile p", ".teaser h2 a"]),
    }
    handler = functools.partial(Quiet, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    shots.mkdir(parents=True, exist_ok=True)
    failures = []
    browser = driver()
    try:
        for name, (path, selectors) in pages.items():
            for width_name, (width, height) in WIDTHS.items():
                browser.set_window_size(width, height)
                browser.get(base + path)
                errors = [
                    e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")
                ]
                if errors:
                    failures.append(f"{path} ({width_name}): console errors: {errors}")
                for css in selectors:
                    if not visible(browser, css):
                        failures.append(f"{path} ({width_name}): {css} is not visible")
                overflow = browser.execute_script(
                    "return document.documentElement.scrollWidth > window.innerWidth + 1"
                )
                if overflow:
                    failures.append(f"{path} ({width_name}): the page scrolls sideways")
                shot = shots / f"{name}-{width_name}.png"
                browser.save_full_page_screenshot(shot) if hasattr(
                    browser, "save_full_page_screenshot"
                ) else browser.save_screenshot(str(shot))
                print(f"ok   {path} at {width}px -> {shot}")
    finally:
        browser.quit()
        server.shutdown()
    for failure in failures:
        print(f"FAIL {failure}")
    print(f"{len(pages) * len(WIDTHS) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))

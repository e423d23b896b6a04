"""A real headless browser for the page tests: Debian's chromium driven by selenium + chromedriver.

``chrome()`` installs ``chromium`` and ``chromium-driver`` with apt-get when they are absent (as
root; CI runs as root) and skips with the reason when no browser can be had. The browser runs
offline: every host name resolves to nothing (``--host-resolver-rules``), and :func:`requests`
lists every URL the page asked for (from chromedriver's performance log) so that a test can
check that none leaves the machine. Selenium Manager is switched off (``SE_OFFLINE``): the
driver is the one apt installed, never a download.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
WINDOW = (1400, 1000)


def _has_chinese_font() -> bool:
    if shutil.which("fc-list") is None:
        return False
    listed = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True)
    return bool(listed.stdout.strip())


def _install() -> str | None:
    """Install chromium with apt-get when absent (and a small Chinese font, so that screenshots
    show the names); the reason the browser cannot be had, or None."""
    if Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists():
        if not _has_chinese_font() and shutil.which("apt-get") and os.geteuid() == 0:
            subprocess.run(["apt-get", "install", "-y", "-q", "fonts-wqy-microhei"], capture_output=True,
                           env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
        return None
    if shutil.which("apt-get") is None:
        return "no chromium at /usr/bin/chromium and no apt-get to install it"
    if os.geteuid() != 0:
        return "no chromium at /usr/bin/chromium, and installing it with apt-get needs root"
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    command = ["apt-get", "install", "-y", "-q", "chromium", "chromium-driver"]
    if not _has_chinese_font():
        command.append("fonts-wqy-microhei")
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:  # the package lists may be missing on a fresh machine
        subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True, text=True)
        done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0 or not Path(CHROMEDRIVER).exists():
        return f"apt-get could not install chromium: {done.stderr.strip()[-300:]}"
    return None


def chrome() -> Any:
    """A headless chromium (selenium WebDriver) that logs console messages and requests."""
    reason = _install()
    if reason:
        pytest.skip(reason)
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:  # pragma: no cover - selenium is in the test extra
        pytest.skip("selenium is not installed (pip install -e '.[test]')")
    os.environ["SE_OFFLINE"] = "true"
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        f"--window-size={WINDOW[0]},{WINDOW[1]}", "--host-resolver-rules=MAP * ~NOTFOUND",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-default-apps", "--allow-file-access-from-files",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def console_errors(driver: Any) -> list[str]:
    """The console's SEVERE messages since the last call."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def requests(driver: Any) -> list[str]:
    """URLs the page asked for since the last call (from the performance log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def outside(urls: list[str]) -> list[str]:
    """The URLs that would leave the machine (anything but file:, data:, blob:, about:)."""
    return [u for u in urls if not u.startswith(("file:", "data:", "blob:", "about:"))]


def open_page(driver: Any, path: Path, *, timeout: float = 60) -> None:
    """Open ``path`` and wait until the page says its layout is done (``body[data-ready]``)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(path.resolve().as_uri())
    WebDriverWait(driver, timeout).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "body[data-ready='1']")))

"""Fixtures for the browser tests: the real `kith demo` server, Debian's Chromium driven by Playwright, numbered
full-page screenshots, and an axe-core accessibility check of every page visited.

Run from the package folder after `swift build`:

    KITH_BINARY=.build/debug/kith python3 -m pytest -q Tests/Browser

Screenshots and the downloaded contact lists go to `.build/browser-screenshots/`.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / ".build" / "browser-screenshots"
# Debian's Chromium: Playwright's own browser download does not work on Kith's machines.
CHROMIUM = os.environ.get("KITH_CHROMIUM", "/usr/bin/chromium")
# How long `kith demo --people 3000` may take to generate, import, link, score and start serving (a debug build).
DEMO_TIMEOUT = float(os.environ.get("KITH_DEMO_TIMEOUT", "600"))

SERVING = re.compile(r"Kith is serving the demo at (http://\S+?)/? ")
# "  Analyst         demo-analyst       abcde-fghij-klmno-pqrst   sees every resident"
SIGN_IN = re.compile(
    r"^\s+(?P<role>\S.*?)\s+(?P<name>demo-[a-z]+)\s+(?P<password>[A-Za-z0-9]{5}(?:-[A-Za-z0-9]{5}){3})\s+sees (?P<scope>.+)$"
)


@dataclass
class DemoAccount:
    role: str
    name: str
    password: str
    scope: str


@dataclass
class DemoServer:
    base_url: str
    folder: Path
    accounts: dict[str, DemoAccount]
    output: list[str]


def kith_binary() -> Path:
    given = Path(os.environ.get("KITH_BINARY", ".build/debug/kith"))
    if given.is_absolute():
        return given
    # Relative to where pytest was started, else to the package folder; absolute, as the demo runs in its own folder.
    return (given if given.exists() else REPO / given).resolve()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop(process: subprocess.Popen) -> None:
    """Ctrl-C first, as a person would; then SIGTERM, then SIGKILL."""
    for signal_number in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):
        if process.poll() is not None:
            return
        process.send_signal(signal_number)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="session")
def kith(tmp_path_factory) -> DemoServer:
    """`kith demo --people 3000` as a new user runs it, on a free port; stopped at the end, whatever happened."""
    binary = kith_binary()
    if not binary.is_file():
        pytest.fail(f"{binary} is missing: build Kith first with `swift build` (or set KITH_BINARY)")
    work = tmp_path_factory.mktemp("kith")
    folder = work / "demo"
    port = free_port()
    command = [str(binary), "demo", "--people", "3000", "--dir", str(folder), "--port", str(port)]
    process = subprocess.Popen(
        command, cwd=work, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True, bufsize=1
    )
    output: list[str] = []
    serving = threading.Event()
    found: dict[str, str] = {}

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            output.append(line.rstrip("\n"))
            match = SERVING.search(line)
            if match:
                found["url"] = match.group(1)
                serving.set()
        serving.set()  # the process ended: stop waiting

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        if not serving.wait(DEMO_TIMEOUT) or "url" not in found:
            tail = "\n".join(output[-40:])
            pytest.fail(f"`{' '.join(command)}` did not start serving in {DEMO_TIMEOUT:.0f} s (exit code {process.poll()}):\n{tail}")
        accounts = {}
        for line in output:
            match = SIGN_IN.match(line)
            if match:
                accounts[match.group("name")] = DemoAccount(**match.groupdict())
        expected = {"demo-admin", "demo-analyst", "demo-caseworker", "demo-foodbank", "demo-school"}
        assert expected <= set(accounts), f"demo sign-ins not all printed; found {sorted(accounts)} in:\n" + "\n".join(output[-20:])
        base_url = found["url"].rstrip("/")
        # The line is printed just before the server binds: wait until it answers.
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base_url + "/sign-in", timeout=5) as answer:
                    if answer.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail("the demo server printed its address but never answered:\n" + "\n".join(output[-20:]))
            time.sleep(0.2)
        print(f"\nkith demo is serving at {base_url} from {folder}")
        yield DemoServer(base_url=base_url, folder=folder, accounts=accounts, output=output)
    finally:
        stop(process)
        reader.join(timeout=5)


@pytest.fixture(scope="session")
def browser() -> Browser:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (bash scripts/test does)")
    with sync_playwright() as playwright:
        # Debian's Chromium, headless; Playwright runs it without its sandbox, which root needs.
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield browser
        browser.close()


def open_browser_context(browser: Browser, kith: DemoServer) -> BrowserContext:
    context = browser.new_context(base_url=kith.base_url, accept_downloads=True, viewport={"width": 1280, "height": 900}, locale="en-GB")
    context.set_default_timeout(30_000)
    return context


@pytest.fixture
def new_context(browser, kith):
    """Opens browser contexts (a fresh set of cookies each: one person at one browser) and closes them after the test."""
    opened: list[BrowserContext] = []

    def open_context() -> BrowserContext:
        context = open_browser_context(browser, kith)
        opened.append(context)
        return context

    yield open_context
    for context in opened:
        context.close()


def sign_in(page: Page, account: DemoAccount) -> None:
    """Signs in through the form, as a person does."""
    page.goto("/sign-in")
    page.get_by_label("Account name").fill(account.name)
    page.get_by_label("Password", exact=True).fill(account.password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/sign-in" not in url)


# Screenshots -------------------------------------------------------------------------------------------------------

_shots: list[Path] = []


@pytest.fixture(scope="session")
def screenshot_folder() -> Path:
    if SCREENSHOTS.exists():
        for old in SCREENSHOTS.iterdir():
            if old.is_file():
                old.unlink()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def shoot(screenshot_folder):
    """`shoot(page, "name")` saves a full-page screenshot as NN-name.png, numbered across the whole run."""

    def take(page: Page, name: str) -> Path:
        path = screenshot_folder / f"{len(_shots) + 1:02d}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        _shots.append(path)
        return path

    return take


# Accessibility -----------------------------------------------------------------------------------------------------

# Every page checked, with what axe found: for the summary at the end of the run.
_axe_log: list[tuple[str, str, list[dict]]] = []
BLOCKING = {"serious", "critical"}


@dataclass
class AccessibilityCheck:
    """Runs axe-core in the page as it is, prints every violation, and keeps the serious and critical ones so the test
    fails with all of them at its end (a functional failure still stops the test where it happens)."""

    axe: Axe = field(default_factory=Axe)
    problems: list[str] = field(default_factory=list)

    def __call__(self, page: Page, name: str) -> list[dict]:
        # Playwright evaluates axe's script over the DevTools protocol, which the pages' strict CSP
        # (script-src 'self') does not govern, so no bypass_csp is needed.
        results = self.axe.run(page)
        violations = results.response["violations"]
        _axe_log.append((name, page.url, violations))
        for violation in violations:
            targets = [", ".join(map(str, node["target"])) for node in violation["nodes"]]
            line = f"axe {name} ({page.url}): {violation['id']} [{violation['impact']}] {violation['help']} — {len(targets)} node(s): " + "; ".join(
                targets[:8]
            )
            print(line)
            if violation["impact"] in BLOCKING:
                self.problems.append(line)
        return violations

    def assert_clean(self) -> None:
        assert not self.problems, "serious or critical accessibility violations:\n" + "\n".join(self.problems)


@pytest.fixture
def axe() -> AccessibilityCheck:
    return AccessibilityCheck()


def pytest_terminal_summary(terminalreporter) -> None:
    if _axe_log:
        terminalreporter.section("axe-core accessibility check")
        for name, url, violations in _axe_log:
            found = ", ".join(f"{v['id']} [{v['impact']}] x{len(v['nodes'])}" for v in violations) or "no violations"
            terminalreporter.write_line(f"{name:<28} {found}")
    if _shots:
        terminalreporter.section("browser screenshots")
        terminalreporter.write_line(f"{len(_shots)} screenshots and the downloaded lists are in {SCREENSHOTS}")

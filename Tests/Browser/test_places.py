"""Browser tests of places, the dashboard and the weekly report on the real `kith demo` server in Debian's Chromium:
the map of the index of need and of helpline calls against need (drawn by Kith as SVG, with its table), an area's
profile, the low engagement zones, the figures downloaded, the dashboard, and the weekly report printed to PDF and
its pages turned into PNG. axe-core checks every page."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from playwright.sync_api import Page, expect

from conftest import DemoServer, sign_in


def analyst(new_context, kith: DemoServer) -> Page:
    page = new_context().new_page()
    sign_in(page, kith.accounts["demo-analyst"])
    return page


def test_an_analyst_maps_need_and_demand_and_opens_an_area(new_context, kith: DemoServer, shoot, axe):
    page = analyst(new_context, kith)
    page.get_by_role("navigation", name="Sections").get_by_role("link", name="Places").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Places")
    index_map = page.get_by_role("img", name=re.compile("Index of need by neighbourhood"))
    expect(index_map).to_be_visible()
    # The table beside the map holds every area the map shows, most need first.
    rows = page.locator("main table tbody tr")
    expect(rows.first).to_contain_text("Kithmoor")
    assert rows.count() == page.locator("svg.kith-map path.kith-map-area").count()
    shoot(page, "places-index")
    axe(page, "places: index of need")

    page.get_by_label("Show").select_option("overlay")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("img", name=re.compile("Helpline calls against need"))).to_be_visible()
    expect(page.locator("main")).to_contain_text("Calls over expected")
    shoot(page, "places-overlay")
    axe(page, "places: calls against need")

    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    first_line = Path(download.value.path()).read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith("area_code,area_name,need_rank,population,expected_calls,observed_calls")

    page.get_by_role("link", name=re.compile("low engagement zone")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Low engagement zones")
    axe(page, "low engagement zones")

    page.goto(kith.base_url + "/places")
    page.locator("main table tbody tr").first.get_by_role("link").click()
    expect(page.locator("main")).to_contain_text("Percentile rank")
    expect(page.locator("main")).to_contain_text("Kith's own figures, now")
    expect(page.get_by_role("img", name=re.compile("percentile rank of need for each indicator"))).to_be_visible()
    shoot(page, "place-profile")
    axe(page, "area profile")


def test_the_dashboard_and_the_weekly_report_printed_to_pdf(new_context, kith: DemoServer, shoot, axe, tmp_path):
    page = analyst(new_context, kith)
    page.get_by_role("navigation", name="Sections").get_by_role("link", name="Dashboard").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard")
    expect(page.locator(".summary-list").first).to_contain_text("Residents identified")
    expect(page.get_by_role("img", name=re.compile("Activity week by week"))).to_be_visible()
    page.get_by_label("Area").select_option(label="Ashbrook")
    page.get_by_role("button", name="Show").click()
    expect(page.locator(".caption-l")).to_contain_text("Ashbrook")
    shoot(page, "dashboard")
    axe(page, "dashboard")

    page.get_by_role("navigation", name="Sections").get_by_role("link", name="Weekly report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Weekly strategic report")
    expect(page.locator("main")).to_contain_text("Capacity gaps")
    axe(page, "weekly report")
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("link", name=re.compile("PDF, partners")).click()
    pdf = Path(download.value.path())
    assert pdf.read_bytes()[:5] == b"%PDF-"
    # Turn the pages into pictures, as someone opening the PDF would see them.
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "page")], check=True)
        pages = sorted(tmp_path.glob("page-*.png"))
        assert pages, "the PDF has pages"
        assert all(picture.stat().st_size > 2_000 for picture in pages), "every page shows something"

"""Kith's web app in a real browser: Debian's Chromium, headless, driven by Playwright, against the server that
`kith demo` starts for a new user. Signs in, finds a resident, records a contact, settles a review pair, downloads
contact lists, uploads a list, checks what a VCS partner may see and the security headers, and runs axe-core on
every page visited. Every step is saved as a full-page screenshot in `.build/browser-screenshots/`.
"""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import parse_qs, urlparse

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from conftest import SCREENSHOTS, DemoServer, open_browser_context, sign_in


# The analyst's session and contact list, shared by the tests that act as the analyst ----------------------------------


@pytest.fixture(scope="module")
def analyst(browser, kith: DemoServer) -> Page:
    context = open_browser_context(browser, kith)
    page = context.new_page()
    sign_in(page, kith.accounts["demo-analyst"])
    yield page
    context.close()


def contact_list_rows(page: Page) -> list[dict]:
    """The rows of the contact list on the page: person id, name, band (as written, not as styled) and 'Known to'."""
    headers = [cell.strip() for cell in page.locator("table.table thead th").all_text_contents()]
    rows = []
    for row in page.locator("table.table tbody tr").all():
        cells = row.locator("td").all_text_contents()
        link = row.locator("td a[href^='/persons/']").first
        entry = {
            "id": link.get_attribute("href").removeprefix("/persons/"),
            "name": link.text_content().strip(),
        }
        for header, cell in zip(headers, cells):
            entry[header] = " ".join(cell.split())
        rows.append(entry)
    return rows


@pytest.fixture(scope="module")
def analyst_contact_list(analyst: Page) -> list[dict]:
    analyst.goto("/outreach")
    rows = contact_list_rows(analyst)
    assert len(rows) > 20, "the demo's contact list is nearly empty"
    return rows


def with_typo(word: str) -> str:
    """One letter in the middle changed: the kind of slip a person makes typing a name."""
    middle = len(word) // 2
    replacement = "e" if word[middle].lower() != "e" else "a"
    return word[:middle] + replacement + word[middle + 1 :]


def header(response, name: str) -> str:
    return response.headers.get(name.lower(), "")


def partner_organisation(kith: DemoServer) -> str:
    """The demo partner's organisation: the directory's organisation that runs the food bank."""
    return kith.accounts["demo-foodbank"].scope.removeprefix("residents on the lists of ").strip()


# Signing in --------------------------------------------------------------------------------------------------------


def test_sign_in_shows_errors_then_signs_in(new_context, kith: DemoServer, shoot, axe):
    page = new_context().new_page()
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/sign-in$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    shoot(page, "sign-in")
    axe(page, "sign-in")

    account = kith.accounts["demo-analyst"]
    page.get_by_label("Account name").fill(account.name)
    page.get_by_label("Password", exact=True).fill(account.password + "-wrong")
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Sign in").click()
    assert navigation.value.status == 422
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    expect(summary.get_by_role("link")).to_have_text("The account name or password is not right. Check them and try again.")
    expect(summary).to_be_focused()  # kith.js moves focus to the summary, as the GOV.UK pattern does
    expect(page).to_have_title(re.compile(r"^Error: Sign in"))
    expect(page.get_by_label("Account name")).to_have_value(account.name)
    expect(page.get_by_label("Password", exact=True)).to_have_value("")
    shoot(page, "sign-in-wrong-password")
    axe(page, "sign-in with errors")

    # The summary's link goes to the field.
    summary.get_by_role("link").click()
    expect(page.get_by_label("Account name")).to_be_focused()

    page.get_by_label("Password", exact=True).fill(account.password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(kith.base_url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your work in Kith")
    expect(page.get_by_text("Signed in as demo-analyst, who can see every resident.")).to_be_visible()
    navigation_links = page.get_by_role("navigation", name="Sections").get_by_role("link").all_text_contents()
    assert navigation_links == [
        "Residents", "Help requests", "Contact lists", "Places", "Dashboard", "Weekly report", "Review matches", "Imports", "Services", "Volunteers"
    ], navigation_links
    shoot(page, "home-analyst")
    axe(page, "home")
    axe.assert_clean()


def test_security_headers_and_session_cookie(new_context, kith: DemoServer):
    context = new_context()
    page = context.new_page()
    for path in ["/sign-in"]:
        response = page.goto(path)
        policy = header(response, "Content-Security-Policy")
        assert "frame-ancestors 'none'" in policy, policy
        assert "script-src 'self'" in policy, policy
        assert header(response, "X-Content-Type-Options") == "nosniff"
        assert header(response, "Referrer-Policy"), "no Referrer-Policy"
    sign_in(page, kith.accounts["demo-analyst"])
    response = page.goto("/outreach")
    assert response.status == 200
    policy = header(response, "Content-Security-Policy")
    assert "frame-ancestors 'none'" in policy, policy
    assert header(response, "X-Content-Type-Options") == "nosniff"
    assert header(response, "Referrer-Policy") in {"same-origin", "no-referrer", "strict-origin", "strict-origin-when-cross-origin"}
    assert "no-store" in header(response, "Cache-Control"), "a page about residents must not be cached"
    cookies = {cookie["name"]: cookie for cookie in context.cookies()}
    session = cookies.get("kith_session")
    assert session, f"no session cookie among {sorted(cookies)}"
    assert session["httpOnly"] is True
    assert session["sameSite"] in {"Lax", "Strict"}, session
    assert session["path"] == "/"


# Finding a resident and recording a contact ------------------------------------------------------------------------


def test_find_a_resident_with_a_typo_and_record_a_contact(analyst: Page, analyst_contact_list, shoot, axe):
    # A resident from the top of the contact list whose family name is long enough to misspell.
    person = next(
        row
        for row in analyst_contact_list
        if len(row["name"].split()) >= 2 and len(row["name"].split()[-1]) >= 5 and row["name"].replace(" ", "").isalpha()
    )
    words = person["name"].split()
    query = " ".join(words[:-1] + [with_typo(words[-1])])
    assert query != person["name"]

    analyst.goto("/persons")
    analyst.get_by_label("Name, date of birth, NHS number or postcode").fill(query)
    analyst.get_by_role("button", name="Search").click()
    expect(analyst).to_have_url(re.compile(r"/persons\?q="))
    expect(analyst.get_by_role("heading", level=2, name=re.compile(r"found$"))).to_be_visible()
    result = analyst.locator(f"table a[href='/persons/{person['id']}']")
    expect(result).to_be_visible()
    shoot(analyst, "persons-search-with-typo")
    axe(analyst, "persons with results")

    result.click()
    expect(analyst).to_have_url(re.compile(f"/persons/{person['id']}$"))
    expect(analyst.get_by_role("heading", level=1)).to_have_text(person["name"])
    expect(analyst.get_by_role("heading", name="Details and where they came from")).to_be_visible()
    band = analyst.locator(".inset-text .tag").first
    expect(band).to_be_visible()
    # The tag is styled in capitals; its text is the band's name, as on the contact list.
    assert band.text_content().strip().lower() == person["Band"].lower(), (band.text_content(), person["Band"])
    shoot(analyst, "person")
    axe(analyst, "person")

    analyst.get_by_label("Reached", exact=True).check()
    analyst.get_by_label("Note (optional)").fill("Spoke to them; food parcel arranged. (browser test)")
    analyst.get_by_role("button", name="Record contact").click()
    notice = analyst.get_by_role("status")
    expect(notice).to_have_text("Contact recorded.")
    contacts = analyst.get_by_role("table", name="Contacts recorded in Kith, latest first")
    expect(contacts).to_contain_text("Reached")
    expect(contacts).to_contain_text("demo-analyst")
    expect(contacts).to_contain_text("food parcel arranged")
    last_contact = analyst.locator(".summary-list__row", has=analyst.locator("dt", has_text="Last contact"))
    expect(last_contact.locator("dd")).to_contain_text("Kith: reached")
    shoot(analyst, "person-contact-recorded")
    axe(analyst, "person after a contact")
    axe.assert_clean()


# Reviewing a pair --------------------------------------------------------------------------------------------------


def test_review_a_pair_with_the_keyboard_and_skip_one(analyst: Page, shoot, axe):
    analyst.goto("/review")
    expect(analyst.get_by_role("heading", level=1)).to_have_text("Are these the same person?")
    caption = analyst.locator(".caption-l")
    match = re.fullmatch(r"Pair 1 of (\d+) waiting", caption.text_content().strip())
    assert match, caption.text_content()
    waiting = int(match.group(1))
    assert waiting >= 3, "the demo should leave a few pairs for review"
    shoot(analyst, "review")
    axe(analyst, "review")

    # S is the shortcut for "Same person" (kith.js clicks the button); the focus must not be in the note field.
    analyst.locator("h1").click()
    with analyst.expect_navigation():
        analyst.keyboard.press("s")
    expect(analyst.get_by_role("status")).to_have_text("Recorded: the same person.")
    expect(caption).to_have_text(f"Pair 1 of {waiting - 1} waiting")
    shoot(analyst, "review-after-same-person")
    axe(analyst, "review after a decision")

    analyst.get_by_role("button", name="Skip", exact=True).click()
    expect(caption).to_have_text(f"Pair 2 of {waiting - 1} waiting")
    assert parse_qs(urlparse(analyst.url).query).get("skip") == ["1"], analyst.url
    shoot(analyst, "review-after-skip")
    axe.assert_clean()


# Downloading contact lists -----------------------------------------------------------------------------------------


def test_filter_and_download_contact_lists(analyst: Page, shoot, axe):
    analyst.goto("/outreach")
    expect(analyst.get_by_role("heading", level=1)).to_have_text("Contact list")
    shoot(analyst, "outreach")
    axe(analyst, "outreach")

    analyst.get_by_label("Purple", exact=True).check()
    analyst.get_by_label("Red", exact=True).check()
    analyst.get_by_role("button", name="Apply filters").click()
    expect(analyst).to_have_url(re.compile(r"band=purple.*band=red|band=red.*band=purple"))
    expect(analyst.get_by_label("Purple", exact=True)).to_be_checked()
    expect(analyst.get_by_label("Red", exact=True)).to_be_checked()
    expect(analyst.get_by_label("Amber", exact=True)).not_to_be_checked()
    heading = analyst.get_by_role("heading", level=2, name=re.compile(r"people:"))
    count = int(re.match(r"([\d,]+) people", heading.text_content().strip()).group(1).replace(",", ""))
    assert count > 0
    bands = {row["Band"].lower() for row in contact_list_rows(analyst)}
    assert bands <= {"purple", "red"}, bands
    shoot(analyst, "outreach-purple-and-red")
    axe(analyst, "outreach filtered")

    with analyst.expect_download() as download:
        analyst.get_by_role("link", name="Download Excel (XLSX)").click()
    xlsx = SCREENSHOTS / ("analyst-" + download.value.suggested_filename)
    download.value.save_as(xlsx)
    assert xlsx.suffix == ".xlsx"
    workbook = openpyxl.load_workbook(xlsx, read_only=True)
    rows = list(workbook.active.iter_rows(values_only=True))
    assert str(rows[0][0]).startswith("OFFICIAL-SENSITIVE"), rows[0]
    assert rows[1][0] == "person_id", rows[1]
    columns = list(rows[1])
    assert "reasons" in columns and "band" in columns
    data = [row for row in rows[2:] if any(cell not in (None, "") for cell in row)]
    assert len(data) == count, (len(data), count)
    assert {row[columns.index("band")] for row in data} <= {"Purple", "Red"}

    with analyst.expect_download() as download:
        analyst.get_by_role("link", name="Download CSV").click()
    csv_file = SCREENSHOTS / ("analyst-" + download.value.suggested_filename)
    download.value.save_as(csv_file)
    raw = csv_file.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "the CSV should be UTF-8 with a byte-order mark, for Excel"
    lines = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert lines[0][0].startswith("OFFICIAL-SENSITIVE"), lines[0]
    assert lines[1][0] == "person_id", lines[1]
    assert lines[1] == [str(cell) for cell in columns]
    assert len([line for line in lines[2:] if line]) == count
    axe.assert_clean()


# Uploading a list (the imports pages are being built on another branch) ---------------------------------------------


def test_upload_a_list(analyst: Page, kith: DemoServer, shoot, axe):
    response = analyst.goto("/imports")
    if response.status == 404:
        # Like pytest.mark.skipif, decided when the server answers: the imports pages come with their own branch.
        pytest.skip("/imports answers 404: the upload pages are not in this build yet")
    assert response.status == 200
    expect(analyst.get_by_role("heading", level=1)).to_be_visible()
    shoot(analyst, "imports")
    axe(analyst, "imports")

    # A list the demo generated, uploaded under a new source name.
    upload = kith.folder / "lists" / "food-bank-referrals.csv"
    assert upload.is_file(), sorted(p.name for p in (kith.folder / "lists").iterdir())
    source = "Food bank referrals (browser test)"
    analyst.get_by_label(re.compile(r"Which partner list is this|Source|List name", re.I)).fill(source)
    analyst.get_by_label(re.compile(r"Upload a file|File", re.I)).set_input_files(upload)
    shoot(analyst, "imports-file-chosen")
    # (The file input is a button too, "Upload a file": take the form's submit button.)
    analyst.locator("button[type=submit]").filter(has_text=re.compile(r"^\s*Upload")).click()

    # An optional step for the list's name and sheet.
    details = analyst.get_by_role("button", name="Save and continue")
    if details.count():
        details.click()

    # The tags page: each column with Kith's suggested tag.
    expect(analyst.get_by_role("heading", level=1)).to_contain_text(re.compile(r"tag", re.I))
    expect(analyst.get_by_text(upload.name).first).to_be_visible()
    shoot(analyst, "imports-tags")
    axe(analyst, "imports tags")
    analyst.get_by_role("button", name=re.compile(r"check the data|continue", re.I)).first.click()

    # The Data Checker's findings, then Import.
    expect(analyst.get_by_text(re.compile(r"Data Checker")).first).to_be_visible()
    shoot(analyst, "imports-data-checker")
    axe(analyst, "imports data checker")
    # The demo imported this very file already (under its own name): Kith says so and asks before storing it again.
    again = analyst.get_by_label("Import it anyway")
    if again.count():
        again.check()
    analyst.get_by_role("button", name="Import", exact=True).click()

    expect(analyst.get_by_text(re.compile(rf"\d[\d,]* rows from {re.escape(upload.name)}"))).to_be_visible()
    shoot(analyst, "imports-imported")
    axe(analyst, "imported")

    analyst.goto("/imports")
    expect(analyst.get_by_role("table").first).to_contain_text(source)
    axe.assert_clean()


# What a VCS partner may see ----------------------------------------------------------------------------------------


def test_partner_sees_only_its_own_residents(new_context, kith: DemoServer, analyst: Page, analyst_contact_list, shoot, axe):
    imports_built = analyst.goto("/imports").status != 404
    page = new_context().new_page()
    sign_in(page, kith.accounts["demo-foodbank"])
    organisation = partner_organisation(kith)
    expect(page.get_by_text(f"Signed in as demo-foodbank, who can see residents on the lists of {organisation}.")).to_be_visible()
    navigation_links = page.get_by_role("navigation", name="Sections").get_by_role("link").all_text_contents()
    assert navigation_links == ["Residents", "Contact lists", "Places", "Dashboard", "Weekly report", "Referrals", "Services"], navigation_links
    shoot(page, "home-partner")
    axe(page, "home (partner)")

    for path in ["/review", "/audit"] + (["/imports"] if imports_built else []):
        response = page.goto(path)
        assert response.status == 403, (path, response.status)
        expect(page.get_by_role("heading", level=1)).to_have_text("You cannot do this")
    if not imports_built:
        assert page.goto("/imports").status == 404
        print("/imports is not built yet: it answers 404 to everyone, so the partner's 403 there is not checked")
    page.goto("/review")
    shoot(page, "partner-forbidden")
    axe(page, "403 page")

    response = page.goto("/outreach")
    assert response.status == 200
    column_headers = [text.strip() for text in page.locator("table.table thead th").all_text_contents()]
    assert "Main reasons" not in column_headers, column_headers
    assert "Known to" not in column_headers, column_headers
    own = contact_list_rows(page)
    assert own, "the food bank's contact list is empty"
    shoot(page, "outreach-partner")
    axe(page, "outreach (partner)")

    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    partner_csv = SCREENSHOTS / ("partner-" + download.value.suggested_filename)
    download.value.save_as(partner_csv)
    lines = list(csv.reader(io.StringIO(partner_csv.read_text(encoding="utf-8-sig"), newline="")))
    assert lines[1][0] == "person_id"
    assert "reasons" not in lines[1] and "services" not in lines[1], lines[1]
    partner_ids = {line[0] for line in lines[2:] if line}

    # Its own resident opens.
    response = page.goto(f"/persons/{own[0]['id']}")
    assert response.status == 200
    expect(page.get_by_role("heading", name="Details and where they came from")).to_be_visible()
    expect(page.get_by_text("Only the lists your account may see are shown.")).to_be_visible()
    shoot(page, "person-partner")
    axe(page, "person (partner)")

    # Someone from the analyst's list who is on no food bank list looks as if they did not exist.
    outsider = next(
        row for row in analyst_contact_list if row["id"] not in partner_ids and "food bank" not in row.get("Known to", "").lower()
    )
    response = page.goto(f"/persons/{outsider['id']}")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.get_by_text(outsider["name"])).to_have_count(0)
    shoot(page, "partner-person-not-found")
    axe(page, "404 page")
    axe.assert_clean()


# Caseworkers and schools: contact lists held to their area or school ----------------------------------------------


@pytest.mark.parametrize("name, fixed", [("demo-caseworker", "your area"), ("demo-school", None)])
def test_scoped_contact_lists(new_context, kith: DemoServer, name, fixed, shoot, axe):
    page = new_context().new_page()
    sign_in(page, kith.accounts[name])
    assert page.goto("/outreach").status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Contact list")
    if fixed:
        # The caseworker's area is stated, not offered as a choice.
        expect(page.get_by_text(re.compile(rf"\({fixed}\)"))).to_be_visible()
        expect(page.locator("select#area")).to_have_count(0)
    else:
        expect(page.locator("select#school")).to_have_count(0)
    assert contact_list_rows(page), f"{name}'s contact list is empty"
    shoot(page, f"outreach-{name.removeprefix('demo-')}")
    axe(page, f"outreach ({name.removeprefix('demo-')})")
    axe.assert_clean()


# The audit trail, as an administrator ------------------------------------------------------------------------------


def test_audit_trail_as_admin(new_context, kith: DemoServer, shoot, axe):
    page = new_context().new_page()
    sign_in(page, kith.accounts["demo-admin"])
    page.goto("/audit")
    expect(page.get_by_role("heading", level=1)).to_have_text("Audit trail")
    expect(page.get_by_role("table", name="Audit entries, latest first")).to_contain_text("sign-in")
    shoot(page, "audit")
    axe(page, "audit")

    page.get_by_label("Who", exact=True).fill("demo-analyst")
    page.get_by_label("What", exact=True).select_option("review-decision")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"actor=demo-analyst"))
    rows = page.get_by_role("table", name="Audit entries, latest first").locator("tbody tr")
    expect(rows.first).to_contain_text("the same person")
    for row in rows.all():
        cells = row.locator("td").all_text_contents()
        assert cells[1] == "demo-analyst" and cells[2] == "review-decision", cells
    shoot(page, "audit-filtered")
    axe(page, "audit filtered")

    # The partner's refused visits are on the trail too.
    page.goto("/audit?actor=demo-foodbank&action=denied-access")
    expect(page.get_by_role("table", name="Audit entries, latest first")).to_contain_text("/review")
    axe.assert_clean()


# Reflow: a phone's width, no sideways scrolling (WCAG 1.4.10) -------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/", "/persons?q=smith", "/outreach", "/review", "/imports", "/audit", "/directory?need=Food", "/directory/gaps", "/directory/manage"]
)
def test_pages_reflow_at_a_phones_width(browser, kith: DemoServer, path, shoot):
    context = browser.new_context(base_url=kith.base_url, viewport={"width": 390, "height": 844}, locale="en-GB")
    try:
        page = context.new_page()
        sign_in(page, kith.accounts["demo-admin"])
        assert page.goto(path).status == 200
        widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], f"{path} is {widths[0]} px wide at a 390 px window: it scrolls sideways"
        shoot(page, "reflow-390" + path.replace("/", "-").replace("?", "-").replace("=", "-").rstrip("-"))
    finally:
        context.close()


# The public services directory -----------------------------------------------------------------------------------


def test_anyone_finds_a_service_in_the_public_directory(new_context, kith: DemoServer, shoot, axe):
    page = new_context().new_page()
    assert page.goto("/directory").status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Find help near you")
    expect(page.get_by_text("PUBLIC", exact=True)).to_be_visible()
    assert page.get_by_text("OFFICIAL-SENSITIVE").count() == 0
    axe(page, "directory")

    page.get_by_label("Help with").select_option("Food")
    page.get_by_label("Taking referrals now").check()
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/directory\?.*need=Food"))
    count = page.get_by_role("heading", level=2, name=re.compile(r"found$"))
    expect(count).to_be_visible()
    results = page.locator(".result-list__item")
    assert results.count() > 0, "the demo borough has food services taking referrals"
    for index in range(results.count()):
        expect(results.nth(index).locator(".tag")).to_have_text("Taking referrals")
    shoot(page, "directory-food-taking-referrals")
    axe(page, "directory results")

    results.first.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/directory/services/"))
    expect(page.get_by_role("heading", level=2, name="When")).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="Get in touch")).to_be_visible()
    shoot(page, "directory-service")
    axe(page, "directory service")

    page.goto("/directory?age=old")
    expect(page.locator(".error-summary")).to_contain_text("Enter an age in whole years")
    axe(page, "directory with an error")

    # Near a postcode: `kith demo` stored the generated postcodes' centroids; typed as a resident might.
    centroids = next(kith.folder.rglob("postcode-centroids.csv"))
    postcode = centroids.read_text().splitlines()[1].split(",")[0]
    page.goto("/directory")
    page.get_by_label("Your postcode").fill(postcode.lower().replace(" ", ""))
    page.get_by_label("Within").select_option("2")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/directory\?.*within=2"))
    near = page.locator(".result-list__item")
    assert near.count() > 0, f"services within 2 miles of {postcode}, where one of them is"
    miles = []
    for index in range(near.count()):
        distance = near.nth(index).locator(".summary-list__row", has_text="How far").locator("dd").inner_text()
        miles.append(0.0 if distance.startswith("less than") else float(distance.split()[0]))
    assert miles == sorted(miles) and miles[-1] <= 2, f"nearest first, all within 2 miles: {miles}"
    shoot(page, "directory-near-a-postcode")
    axe(page, "directory near a postcode")

    page.get_by_label("Your postcode").fill("not a postcode")
    page.get_by_role("button", name="Search").click()
    expect(page.locator(".error-summary")).to_contain_text("Enter a full postcode")
    expect(page.locator("#postcode-error")).to_be_visible()
    axe(page, "directory with a postcode error")
    axe.assert_clean()


def test_a_resident_asks_the_food_bank_to_ring_back_and_its_partner_answers(new_context, kith: DemoServer, shoot, axe):
    """A resident finds the food bank, asks for a call back without an account; its partner sees the request, closes
    it, says the food bank has a waiting list now in one step, and the public page shows it with today's date."""
    partner = new_context().new_page()
    sign_in(partner, kith.accounts["demo-foodbank"])
    partner.goto("/directory/manage")
    expect(partner.get_by_role("heading", level=1)).to_have_text("Your services")
    card = partner.locator("section.card", has=partner.get_by_role("heading", level=2, name="Food Bank", exact=True))
    expect(card).to_have_count(1)
    service_path = card.get_by_role("link", name="Food Bank", exact=True).get_attribute("href")
    # The resident may only ask services that take callbacks: the partner says this one does.
    card.get_by_role("link", name=re.compile("Change details")).click()
    partner.get_by_label("Residents may ask us to ring them back").check()
    partner.get_by_role("button", name="Save").click()
    expect(partner.locator(".notification-banner")).to_contain_text("Food Bank saved.")
    shoot(partner, "directory-manage")
    axe(partner, "directory manage")

    resident = new_context().new_page()
    resident.goto(service_path)
    resident.get_by_role("link", name="Ask them to ring you back").click()
    expect(resident.get_by_role("heading", level=1)).to_have_text("Ask Food Bank to ring you")
    axe(resident, "callback form")
    resident.get_by_label("Your name").fill("Jo Generated")
    resident.get_by_label("Phone number").fill("0770")
    resident.wait_for_timeout(3200)  # a person takes longer than the form's quickest time
    resident.get_by_role("button", name="Send request").click()
    expect(resident.locator(".error-summary")).to_contain_text("Enter a UK phone number")
    axe(resident, "callback form with an error")
    resident.get_by_label("Phone number").fill("07700 900456")
    resident.get_by_label("Best time to ring (optional)").fill("Weekday mornings")
    resident.wait_for_timeout(3200)
    resident.get_by_role("button", name="Send request").click()
    expect(resident.get_by_role("heading", level=1)).to_have_text("Request sent")
    shoot(resident, "callback-sent")

    partner.goto("/directory/callbacks")
    request = partner.locator("section.card", has_text="Jo Generated")
    expect(request).to_contain_text("07700 900456")
    expect(request).to_contain_text("Weekday mornings")
    shoot(partner, "directory-callbacks")
    axe(partner, "directory callbacks")
    request.get_by_label("What came of it").select_option("rang back")
    request.get_by_role("button", name=re.compile("Close request")).click()
    expect(partner.get_by_text("No one is waiting for a call.")).to_be_visible()

    partner.goto("/directory/manage")
    card = partner.locator("section.card", has=partner.get_by_role("heading", level=2, name="Food Bank", exact=True))
    card.get_by_label("Referrals").select_option("waiting_list")
    card.get_by_label("Places free (optional)").fill("0")
    card.get_by_label("Usual wait in days (optional)").fill("5")
    card.get_by_role("button", name=re.compile("Save capacity")).click()
    expect(partner.locator(".notification-banner")).to_contain_text("Capacity of Food Bank saved.")
    resident.goto(service_path)
    expect(resident.locator(".tag", has_text="Waiting list")).to_be_visible()
    expect(resident.get_by_text("usually a wait of 5 days")).to_be_visible()
    axe.assert_clean()


def test_a_worker_sends_a_shortlist_and_an_analyst_sees_the_gaps(new_context, kith: DemoServer, shoot, axe):
    page = new_context().new_page()
    page.goto("/directory?need=Food")
    picks = page.get_by_role("checkbox", name=re.compile("Add to shortlist"))
    picks.nth(0).check()
    picks.nth(1).check()
    page.get_by_role("button", name="Make a shortlist").click()
    expect(page).to_have_url(re.compile(r"/directory/shortlist\?s="))
    text = page.get_by_label("As a text message or WhatsApp").input_value()
    assert text.startswith("1. ") and "\n\n2. " in text and "/directory/services/" in text
    assert page.get_by_label("Link to this list").input_value() == page.url
    shoot(page, "directory-shortlist")
    axe(page, "shortlist")

    analyst = new_context().new_page()
    sign_in(analyst, kith.accounts["demo-analyst"])
    analyst.goto("/directory/gaps")
    expect(analyst.get_by_role("row", name=re.compile("^Food"))).to_be_visible()
    assert analyst.locator(".gap-table__gap").count() > 0, "the generated borough has gaps"
    shoot(analyst, "directory-gaps")
    axe(analyst, "gaps")
    analyst.goto("/directory/reminders")
    expect(analyst.get_by_role("heading", level=1)).to_have_text("Services not confirmed lately")
    axe(analyst, "reminders")
# Referrals with feedback: a caseworker refers, the food bank's partner answers ---------------------------------------


def test_a_caseworker_refers_and_the_partner_declines_then_accepts_and_completes(new_context, kith: DemoServer, shoot, axe):
    organisation = partner_organisation(kith)
    caseworker = new_context().new_page()
    sign_in(caseworker, kith.accounts["demo-caseworker"])
    assert caseworker.goto("/outreach").status == 200
    person = contact_list_rows(caseworker)[0]

    # "Refer" beside the resident on the contact list; a form sent empty comes back with each error on its field.
    caseworker.get_by_role("link", name=f"Refer {person['name']} to a service").first.click()
    expect(caseworker).to_have_url(re.compile(r"/referrals/new\?person="))
    expect(caseworker.get_by_role("heading", level=1)).to_have_text("Refer a resident to a service")
    expect(caseworker.get_by_label("Name", exact=True)).to_be_checked()
    expect(caseworker.get_by_label("Phone", exact=True)).to_be_checked()
    expect(caseworker.get_by_label("Date of birth")).not_to_be_checked()
    caseworker.get_by_label("Who gave consent?").fill("")
    caseworker.get_by_role("button", name="Send the referral").click()
    summary = caseworker.locator(".error-summary")
    for message in ["Choose the service to refer to", "Say why the resident is referred", "Say who gave consent"]:
        expect(summary).to_contain_text(message)
    expect(caseworker.locator("#reason-error")).to_be_visible()
    shoot(caseworker, "referral-form-errors")
    axe(caseworker, "referral form with errors")

    def refer(reason: str) -> str:
        options = caseworker.locator("select#service option").all_text_contents()
        food_bank = next(option for option in options if option.startswith(f"Food Bank — {organisation}"))
        caseworker.locator("select#service").select_option(label=food_bank)
        caseworker.locator("select#need").select_option("Food")
        caseworker.get_by_label("Why are you referring them?").fill(reason)
        caseworker.get_by_label("Urgent: today").check()
        caseworker.get_by_label("Who gave consent?").fill("The resident")
        caseworker.get_by_label("Spoken", exact=True).check()
        shoot(caseworker, "referral-form")
        axe(caseworker, "referral form")
        caseworker.get_by_role("button", name="Send the referral").click()
        expect(caseworker).to_have_url(re.compile(r"/referrals/KR-"))
        expect(caseworker.get_by_text("Referral sent.")).to_be_visible()
        expect(caseworker.get_by_text("Waiting for an answer").first).to_be_visible()
        return urlparse(caseworker.url).path

    first = refer("No food in the house until payday; two children.")
    shoot(caseworker, "referral-sent")
    axe(caseworker, "referral sent")

    # The food bank's partner sees it with only the shared details, and declines it with a reason.
    partner = new_context().new_page()
    sign_in(partner, kith.accounts["demo-foodbank"])
    partner.get_by_role("navigation", name="Sections").get_by_role("link", name="Referrals").click()
    expect(partner.get_by_role("heading", level=2, name=f"To {organisation}")).to_be_visible()
    expect(partner.locator(f"a[href='{first}']")).to_be_visible()
    shoot(partner, "referrals-partner")
    axe(partner, "referrals (partner)")
    partner.locator(f"a[href='{first}']").click()
    expect(partner.get_by_role("heading", name="What the service was sent")).to_be_visible()
    expect(partner.locator(f"a[href='/persons/{person['id']}']")).to_have_count(0)
    partner.get_by_role("button", name="Decline").click()
    expect(partner.locator(".error-summary")).to_contain_text("Say why the service cannot help")
    axe(partner, "referral decline error")
    partner.get_by_label("Why you cannot help").fill("No parcels left until Monday.")
    partner.get_by_role("button", name="Decline").click()
    expect(partner.get_by_text("Referral updated.")).to_be_visible()
    expect(partner.get_by_text("No parcels left until Monday.")).to_be_visible()
    shoot(partner, "referral-declined")

    # The caseworker sees why, and other services with capacity for food.
    caseworker.goto(first)
    expect(caseworker.get_by_role("heading", name="Other services for Food")).to_be_visible()
    suggestions = caseworker.locator("#suggestions ~ ul .result-list__item")
    assert suggestions.count() > 0, "the demo borough has other food services with capacity"
    shoot(caseworker, "referral-declined-suggestions")
    axe(caseworker, "referral declined (caseworker)")

    # It refers again from the person page, and the partner accepts, then completes with an outcome.
    caseworker.goto(f"/persons/{person['id']}")
    caseworker.get_by_role("link", name="Refer to a service").click()
    second = refer("Still no food; the food bank has parcels again from Monday.")
    partner.goto(second)
    partner.get_by_role("button", name="Accept").click()
    expect(partner.get_by_text("Accepted").first).to_be_visible()
    partner.get_by_label("Outcome").fill("Parcels for four weeks; now a member of the pantry.")
    partner.get_by_role("button", name="Complete").click()
    expect(partner.get_by_text("Parcels for four weeks; now a member of the pantry.")).to_be_visible()
    shoot(partner, "referral-completed")
    axe(partner, "referral completed")

    # The person page shows both referrals and each step.
    caseworker.goto(f"/persons/{person['id']}")
    referrals = caseworker.locator("#referrals ~ .card")
    expect(referrals).to_have_count(2)
    for text in ["Declined", "No parcels left until Monday.", "Accepted", "Completed", "Parcels for four weeks; now a member of the pantry."]:
        expect(caseworker.get_by_text(text, exact=False).first).to_be_visible()
    caseworker.locator("#referrals").scroll_into_view_if_needed()
    shoot(caseworker, "person-referrals")
    axe(caseworker, "person with referrals")

    # The service's page shows staff the counts, small numbers hidden; the public sees none.
    service_link = caseworker.locator("#referrals ~ .card a").first.get_attribute("href")
    caseworker.goto(service_link)
    caseworker.get_by_role("link", name="Food Bank").first.click()
    expect(caseworker.get_by_role("heading", name="Referrals in the last 90 days")).to_be_visible()
    expect(caseworker.get_by_text("Received: fewer than 5")).to_be_visible()
    shoot(caseworker, "service-referral-counts")
    axe(caseworker, "service with referral counts")
    anyone = new_context().new_page()
    anyone.goto(caseworker.url)
    expect(anyone.get_by_role("heading", name="Referrals in the last 90 days")).to_have_count(0)
    axe.assert_clean()

"""Browser tests of the helpline, hubs and the volunteer bureau, on the real `kith demo` server in Debian's Chromium:
a call handler takes a call for a resident found with the search, a new caller's request goes to a volunteer who sees
only their own task (the address once they say they will go) and marks it done, a resident asks for help and someone
offers to volunteer without an account, and a day's deliveries are matched in one go. axe-core checks every page."""

from __future__ import annotations

import csv
import re

from playwright.sync_api import Page, expect

from conftest import DemoServer, sign_in


def first_listed_resident(kith: DemoServer) -> dict:
    with open(kith.folder / "lists" / "nhs-shielding-list.csv", newline="", encoding="utf-8") as file:
        return next(csv.DictReader(file))


def section(page: Page, name: str):
    """A section's link in the navigation."""
    return page.get_by_role("navigation", name="Sections").get_by_role("link", name=name)


def handler(new_context, kith: DemoServer) -> Page:
    page = new_context().new_page()
    sign_in(page, kith.accounts["demo-callhandler"])
    return page


def test_a_call_handler_takes_a_call_for_a_resident_found_with_the_search(new_context, kith: DemoServer, shoot, axe):
    page = handler(new_context, kith)
    resident = first_listed_resident(kith)
    section(page, "Help requests").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Help requests")
    axe(page, "help requests")
    page.get_by_role("link", name="Take a call").click()
    page.get_by_label("Name, date of birth, NHS number or postcode").fill(f"{resident['Forename']} {resident['Surname']} {resident['Postcode']}")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name=re.compile(f"Take a request for {resident['Forename']}")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Take a request for help")
    expect(page.locator(".summary-list")).to_contain_text(resident["Surname"])
    axe(page, "take a call")
    page.get_by_role("button", name="Save the request").click()
    expect(page.locator(".error-summary")).to_contain_text("Choose at least one kind of help.")
    expect(page.locator(".error-summary")).to_contain_text("Ask whether partners may be told")
    axe(page, "take a call with errors")
    page.get_by_label("Food").check()
    page.get_by_label("Prescription collection").check()
    page.get_by_label("Today").check()
    page.get_by_label("Dietary needs and allergies (optional)").fill("Diabetic")
    page.get_by_label("Yes: partners may be told what they need to help").check()
    page.get_by_role("button", name="Save the request").click()
    expect(page.locator(".notification-banner")).to_contain_text("Request taken and sent to its hub.")
    expect(page.locator("main")).to_contain_text("Diabetic")
    expect(page.locator("main")).to_contain_text("Food, Prescription collection")
    reference = page.get_by_role("heading", level=1).inner_text()
    shoot(page, "help-request")
    axe(page, "help request")
    page.get_by_role("button", name="Pick it up").click()
    expect(page.locator("main")).to_contain_text("Picked up by demo-callhandler")
    page.get_by_label("Note (optional)").fill("Rang back: parcel wanted after 2pm")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#history + table")).to_contain_text("parcel wanted after 2pm")
    # The hub's queue shows it, picked up.
    section(page, "Help requests").click()
    page.locator("#hubs + table a").first.click()
    axe(page, "hub queue")
    hub_row = page.locator("tr", has_text=reference)
    if hub_row.count() == 0:
        page.goto("/requests")
        expect(page.locator("#mine ~ .table-scroll")).to_contain_text(reference)
    shoot(page, "hub-queue")
    axe.assert_clean()


def test_a_new_callers_request_goes_to_a_volunteer_who_sees_only_their_task(new_context, kith: DemoServer, shoot, axe):
    volunteer_ref = re.search(r"V-\d{5}", kith.accounts["demo-volunteer"].scope).group(0)
    page = handler(new_context, kith)
    page.goto(f"/volunteers/{volunteer_ref}")
    axe(page, "volunteer record")
    postcode = page.locator(".summary-list__row", has_text="Postcode").locator("dd").inner_text().split(" (")[0]
    name = page.get_by_role("heading", level=1).inner_text()
    offers = page.locator(".summary-list__row", has_text="Offers").locator("dd").inner_text().split(", ")
    page.goto("/requests/new")
    page.get_by_label("First name").fill("Edith")
    page.get_by_label("Last name").fill("Generated")
    page.get_by_label("Phone number").fill("07700 900777")
    page.get_by_label("Address", exact=True).fill("12 Quiet Row")
    page.get_by_label("Postcode", exact=True).fill(postcode)
    page.get_by_label(offers[0], exact=True).check()
    page.get_by_label("This week").check()
    page.get_by_label("Yes: partners may be told what they need to help").check()
    page.get_by_role("button", name="Save the request").click()
    expect(page.locator(".notification-banner")).to_contain_text("Request taken")
    expect(page.locator("main")).to_contain_text("Not linked to a resident yet")
    page.get_by_role("link", name=f"Find volunteers for {offers[0]}").click()
    choice = page.locator(".result-list__item", has_text=name)
    expect(choice).to_contain_text("m away")
    shoot(page, "help-matching")
    axe(page, "matching volunteers")
    choice.get_by_role("button", name=f"Give to {name}").click()
    expect(page.locator(".notification-banner")).to_contain_text("Volunteer given the task.")
    expect(page.locator("#volunteers ~ table").first).to_contain_text("Assigned")

    volunteer = new_context().new_page()
    sign_in(volunteer, kith.accounts["demo-volunteer"])
    section(volunteer, "Your tasks").click()
    card = volunteer.locator("section.task-card", has_text="Edith")
    expect(card).to_contain_text("the address shows once you say you will go")
    expect(card).not_to_contain_text("12 Quiet Row")
    expect(card).not_to_contain_text("Generated")
    axe(volunteer, "volunteer tasks")
    for path in ["/requests", "/persons", "/volunteers", "/outreach"]:
        response = volunteer.goto(path)
        assert response.status == 403, path
    volunteer.goto("/tasks")
    card = volunteer.locator("section.task-card", has_text="Edith")
    card.get_by_role("button", name="I will go").click()
    card = volunteer.locator("section.task-card", has_text="Edith")
    expect(card).to_contain_text("12 Quiet Row")
    card.get_by_label("How did it go?").fill("Dropped round, all well")
    card.get_by_label("Hours given (optional)").fill("1.5")
    shoot(volunteer, "volunteer-task-confirmed")
    card.get_by_role("button", name="Mark as done").click()
    expect(volunteer.locator(".notification-banner")).to_contain_text("Thank you")
    expect(volunteer.locator("section.task-card", has_text="Edith")).to_contain_text("Completed")
    axe(volunteer, "volunteer tasks after done")
    page.reload()
    expect(page.locator("main")).to_contain_text("Done")
    expect(page.locator("#history + table")).to_contain_text("Dropped round, all well")
    axe.assert_clean()


def test_anyone_asks_for_help_or_offers_to_volunteer_without_an_account(new_context, kith: DemoServer, shoot, axe):
    resident = new_context().new_page()
    resident.goto("/ask")
    expect(resident.get_by_role("heading", level=1)).to_have_text("Ask for help")
    axe(resident, "ask for help")
    resident.get_by_label("First name").fill("Ivy")
    resident.wait_for_timeout(3200)  # a person takes longer than the form's quickest time
    resident.get_by_role("button", name="Send").click()
    expect(resident.locator(".error-summary")).to_contain_text("Enter the caller's last name.")
    expect(resident.get_by_label("First name")).to_have_value("Ivy")
    axe(resident, "ask for help with errors")
    resident.get_by_label("Last name").fill("Generated")
    resident.get_by_label("Phone number").fill("07700 900888")
    resident.get_by_label("Address", exact=True).fill("4 Hill View")
    resident.get_by_label("Postcode", exact=True).fill(first_listed_resident(kith)["Postcode"])
    resident.get_by_label("Food").check()
    resident.get_by_label("Within 3 days").check()
    resident.get_by_label("Yes, they may be told").check()
    resident.wait_for_timeout(3200)
    resident.get_by_role("button", name="Send").click()
    expect(resident.get_by_role("heading", level=1)).to_have_text("Thank you: your request has been sent")
    reference = re.search(r"HR-\d{6}", resident.locator("main").inner_text()).group(0)
    shoot(resident, "ask-sent")

    offer = new_context().new_page()
    offer.goto("/volunteer")
    axe(offer, "volunteer form")
    offer.get_by_label("Your name").fill("Olu Generated")
    offer.get_by_label("Phone number").fill("07700 900999")
    offer.get_by_label("Your postcode").fill(first_listed_resident(kith)["Postcode"])
    offer.get_by_label("Shopping").check()
    offer.get_by_label("Saturday morning").check()
    offer.get_by_label("No", exact=True).check()
    offer.wait_for_timeout(3200)
    offer.get_by_role("button", name="Send").click()
    expect(offer.locator(".error-summary")).to_contain_text("Agree to the bureau keeping what you tell it")
    axe(offer, "volunteer form with errors")
    offer.get_by_label(re.compile("The volunteer bureau may keep")).check()
    offer.wait_for_timeout(3200)
    offer.get_by_role("button", name="Send").click()
    expect(offer.get_by_role("heading", level=1)).to_have_text("Thank you for offering to help")

    page = handler(new_context, kith)
    page.goto(f"/requests/{reference}")
    expect(page.locator("main")).to_contain_text("Online form")
    page.goto("/volunteers?status=applied")
    expect(page.locator("main")).to_contain_text("Olu Generated")
    shoot(page, "volunteers-applied")
    axe(page, "volunteers")
    page.goto("/requests")
    page.locator("#hubs + table a").first.click()
    page.get_by_role("link", name="Match a day's deliveries in one go").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Food for")
    shoot(page, "deliveries")
    axe(page, "deliveries")
    axe.assert_clean()

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KithAccess
import KithConnect
import KithDirectory
import KithSpreadsheet
import KithStore
import KithSynthetic
import Testing

@testable import KithWeb

/// A partner keeps its own services from the web (capacity in one step, details), and no other's; residents ask a
/// service to ring them back without an account, guarded against bots and floods; a worker makes a shortlist; the
/// gap view and the reminders' overview.
struct ServiceKeepingPagesTests {
    static let keeper = "foodbank-keeper"

    /// The generated borough's directory, and a partner account of its food bank.
    static func fixture() async throws -> (WebFixture, [Service]) {
        let (fixture, services) = try await DirectoryPagesTests.fixture()
        try AccountBook(database: fixture.database, hasher: PasswordHasher(cost: 4)).add(
            name: keeper, role: .partner, password: WebFixture.password, organisation: DirectoryGenerator.demoFoodBank, by: "test")
        return (fixture, services)
    }

    static func stored(_ id: String, in fixture: WebFixture) throws -> DirectoryServiceRecord {
        try #require(try fixture.database.directory.service(id: id))
    }

    @Test func aPartnerUpdatesItsOwnServicesCapacityInOneStepAndNoOtherOrganisations() async throws {
        let (fixture, services) = try await Self.fixture()
        let own = services.filter { $0.organization?.name == DirectoryGenerator.demoFoodBank }
        let other = try #require(services.first { $0.organization?.name != DirectoryGenerator.demoFoodBank })
        #expect(own.map(\.name).sorted() == ["Community Pantry", "Food Bank"])
        try await fixture.run { client in
            let browser = try await fixture.signIn(client, as: Self.keeper)
            let page = try await browser.get("/directory/manage")
            #expect(page.status == .ok)
            for service in own { #expect(page.text.contains("/directory/manage/\(service.id)/capacity")) }
            #expect(!page.text.contains(other.id))

            let saved = try await browser.post(
                "/directory/manage/\(own[0].id)/capacity", form: [("accepting", "waiting_list"), ("places-free", "0"), ("wait-days", "9")])
            #expect(saved.status == .seeOther)
            let record = try Self.stored(own[0].id, in: fixture)
            #expect(record.acceptingReferrals == "waiting_list" && record.placesFree == 0 && record.typicalWaitDays == 9)
            #expect(record.capacityUpdatedBy == Self.keeper)
            let service = try await client.execute(uri: "/directory/services/\(own[0].id)", method: .get)
            #expect(service.text.contains("Waiting list") && service.text.contains("usually a wait of 9 days"))

            let before = try Self.stored(other.id, in: fixture)
            let refused = try await browser.post("/directory/manage/\(other.id)/capacity", form: [("accepting", "no")])
            #expect(refused.status == .forbidden)
            #expect(try Self.stored(other.id, in: fixture) == before)

            let wrong = try await browser.post("/directory/manage/\(own[0].id)/capacity", form: [("accepting", "maybe")])
            #expect(wrong.status == .seeOther && wrong.location?.contains("Not%20saved") == true)
            #expect(try fixture.auditEvents(.updateCapacity, by: Self.keeper).count == 1)
        }
    }

    @Test func aPartnerEditsItsServicesDetailsWithEveryMistakeNamed() async throws {
        let (fixture, services) = try await Self.fixture()
        let own = try #require(services.first { $0.organization?.name == DirectoryGenerator.demoFoodBank })
        try await fixture.run { client in
            let browser = try await fixture.signIn(client, as: Self.keeper)
            let form = try await browser.get("/directory/manage/\(own.id)/edit")
            #expect(form.status == .ok && form.text.contains("value=\"\(own.name)\""))
            let bad = try await browser.post(
                "/directory/manage/\(own.id)/edit", form: [("name", own.name), ("status", "active"), ("email", "nope"), ("minimum-age", "200")])
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("Enter an email address") && bad.text.contains("Enter an age in whole years"))
            let good = try await browser.post(
                "/directory/manage/\(own.id)/edit",
                form: [("name", own.name), ("status", "active"), ("alert", "Closed on 25 and 26 December"), ("callbacks", "yes")])
            #expect(good.status == .seeOther)
            let page = try await client.execute(uri: "/directory/services/\(own.id)", method: .get)
            #expect(page.text.contains("Closed on 25 and 26 December") && page.text.contains("Ask them to ring you back"))
        }
    }

    @Test func onlyPartnersAdministratorsAndAnalystsKeepServices() async throws {
        let (fixture, _) = try await Self.fixture()
        try await fixture.run { client in
            let caseworker = try await fixture.signIn(client, as: WebFixture.caseworker)
            #expect(try await caseworker.get("/directory/manage").status == .forbidden)
            let partner = try await fixture.signIn(client, as: Self.keeper)
            #expect(try await partner.get("/directory/reminders").status == .forbidden)
            let admin = try await fixture.signIn(client, as: WebFixture.admin)
            // Every service of the borough is too long a page: an administrator sees the stale ones, or one organisation's.
            let stale = try await admin.get("/directory/manage")
            #expect(stale.status == .ok && stale.text.contains("services of the borough not confirmed lately"))
            let foodBank = try #require(try fixture.database.directory.organizations().first { $0.name == DirectoryGenerator.demoFoodBank })
            let one = try await admin.get("/directory/manage?organisation=\(foodBank.id)")
            #expect(one.text.contains("Every service of Borough Food Bank") && one.text.contains(">Community Pantry</a>"))
            let reminders = try await admin.get("/directory/reminders")
            #expect(reminders.status == .ok && reminders.text.contains("Organisations behind"))
            let signedOut = try await client.execute(uri: "/directory/manage", method: .get)
            #expect(signedOut.status == .seeOther)
        }
    }

    @Test func aResidentAsksForACallbackWithoutAnAccountAndTheServiceSeesIt() async throws {
        let (fixture, services) = try await Self.fixture()
        let service = try #require(services.first { $0.acceptsCallbacks == true && $0.status == .active })
        let path = "/directory/services/\(service.id)/callback"
        let stamp = fixture.app.formStamps.stamp(for: service.id, at: Date().addingTimeInterval(-30))
        try await fixture.run { client in
            let resident = BrowserSession(client: client)
            let form = try await resident.get(path)
            #expect(form.status == .ok && form.text.contains("name=\"stamp\"") && form.text.contains("PUBLIC"))

            let fields = [("name", "Amina Hussain"), ("phone", "07700 900123"), ("best-time", "Mornings"), ("need", "Food this week")]
            let quick = try await resident.post(path, form: fields + [("stamp", fixture.app.formStamps.stamp(for: service.id))])
            #expect(quick.status == .badRequest && quick.text.contains("sent very quickly"))
            let forged = try await resident.post(path, form: fields + [("stamp", "1700000000.abc")])
            #expect(forged.status == .badRequest)
            let bot = try await resident.post(path, form: fields + [("stamp", stamp), ("website", "http://spam.example")])
            #expect(bot.status == .ok && bot.text.contains("Request sent"))
            let badPhone = try await resident.post(path, form: [("name", "Amina"), ("phone", "12"), ("stamp", stamp)])
            #expect(badPhone.status == .badRequest && badPhone.text.contains("Enter a UK phone number"))
            #expect(try fixture.database.directory.callbacks(toServices: nil, openOnly: false).isEmpty, "nothing kept yet")

            let sent = try await resident.post(path, form: fields + [("stamp", stamp)])
            #expect(sent.status == .ok && sent.text.contains("Request sent"))
            let stored = try fixture.database.directory.callbacks(toServices: nil, openOnly: true)
            #expect(stored.map(\.name) == ["Amina Hussain"] && stored.first?.phone == "07700 900123")

            let admin = try await fixture.signIn(client, as: WebFixture.admin)
            let queue = try await admin.get("/directory/callbacks")
            #expect(queue.text.contains("Amina Hussain") && queue.text.contains("07700 900123"))
            let id = try #require(stored.first?.id)
            let closed = try await admin.post("/directory/callbacks/\(id)/close", form: [("outcome", "rang back"), ("note", "Parcel booked")])
            #expect(closed.status == .seeOther)
            #expect(try await admin.get("/directory/callbacks").text.contains("No one is waiting for a call."))
            #expect(try fixture.auditEvents(.requestCallback).count == 1)
            #expect(try fixture.auditEvents(.closeCallback).count == 1)
        }
    }

    @Test func aPartnersHomePageSaysWhatItsServicesNeed() async throws {
        let (fixture, services) = try await Self.fixture()
        let own = try #require(services.first { $0.organization?.name == DirectoryGenerator.demoFoodBank })
        let account = try #require(try fixture.database.access.account(named: Self.keeper))
        var edit = ServiceEdit(own)
        edit.acceptsCallbacks = true
        try ServiceKeeper(database: fixture.database).edit(serviceID: own.id, edit, by: account, through: .web)
        try CallbackDesk(database: fixture.database).leave(
            CallbackRequest(
                serviceID: own.id, name: "Sam Generated", phone: "01632 960001", bestTime: nil, need: nil, requestedAt: "2026-12-04T09:00:00Z"))
        let stale = try StaleProfileNotices(database: fixture.database).staleCount(keptBy: account, today: .today)
        try await fixture.run { client in
            let home = try await fixture.signIn(client, as: Self.keeper).get("/")
            #expect(home.text.contains("1 resident is waiting for a call back.") && home.text.contains("href=\"/directory/callbacks\""))
            #expect(home.text.contains("not been confirmed in 30 days") == (stale > 0))
            let admin = try await fixture.signIn(client, as: WebFixture.admin).get("/")
            #expect(!admin.text.contains("1 resident is waiting"), "the borough's whole queue is not an administrator's nudge")
        }
    }

    @Test func oneAddressLeavesAFewRequestsAnHourAndNoMore() async throws {
        let (fixture, services) = try await Self.fixture()
        let service = try #require(services.first { $0.acceptsCallbacks == true && $0.status == .active })
        let path = "/directory/services/\(service.id)/callback"
        let stamp = fixture.app.formStamps.stamp(for: service.id, at: Date().addingTimeInterval(-30))
        try await fixture.run { client in
            let resident = BrowserSession(client: client)
            for index in 0..<PublicFormLimiter.mostPerAddressPerHour {
                let sent = try await resident.post(path, form: [("name", "Resident \(index)"), ("phone", "07700 900123"), ("stamp", stamp)])
                #expect(sent.status == .ok)
            }
            let refused = try await resident.post(path, form: [("name", "One more"), ("phone", "07700 900123"), ("stamp", stamp)])
            #expect(refused.status == .tooManyRequests && refused.text.contains("ring the service instead"))
            #expect(try fixture.database.directory.callbacks(toServices: nil, openOnly: true).count == PublicFormLimiter.mostPerAddressPerHour)
        }
    }

    @Test func aWorkerMakesAShortlistToSendAsALinkOrText() async throws {
        let (fixture, services) = try await Self.fixture()
        let picked = Array(services.filter { $0.status == .active }.prefix(2))
        try await fixture.run { client in
            let page = try await client.execute(uri: "/directory/shortlist?s=\(picked[0].id)&s=\(picked[1].id)&s=no-such-id", method: .get)
            #expect(page.status == .ok && page.text.contains("PUBLIC"))
            #expect(page.text.contains("1. \(picked[0].name)") && page.text.contains("2. \(picked[1].name)"))
            #expect(page.text.contains("/directory/shortlist?s=\(picked[0].id)&amp;s=\(picked[1].id)\""))
            let empty = try await client.execute(uri: "/directory/shortlist", method: .get)
            #expect(empty.text.contains("Make a shortlist"))
        }
    }

    @Test func theGapViewMarksNeedsWithNoServiceInANeighbourhood() async throws {
        let (fixture, _) = try await Self.fixture()
        try await fixture.run { client in
            #expect(try await client.execute(uri: "/directory/gaps", method: .get).status == .seeOther)
            let analyst = try await fixture.signIn(client, as: WebFixture.analyst)
            let page = try await analyst.get("/directory/gaps")
            #expect(page.status == .ok && page.text.contains("<th scope=\"row\">Food</th>") && page.text.contains("gap-table__gap"))
        }
    }
}

import Foundation
import KithAccess
import KithDirectory
import KithStore
import Testing

@testable import KithConnect

/// Partners keep their own services up to date, in one step for capacity; nobody changes another organisation's;
/// each change is in the service's ORUK history and the audit trail.
struct ServiceKeeperTests {
    @Test func aPartnerKeepsOnlyItsOwnOrganisationsServicesAndAnAdministratorKeepsEveryOne() throws {
        let fixture = try ConnectFixture()
        let keeper = ServiceKeeper(database: fixture.database)
        #expect(try keeper.services(keptBy: fixture.foodBankPartner).map(\.service.name) == ["Community pantry", "Food parcels"])
        #expect(try keeper.services(keptBy: fixture.advicePartner).map(\.service.name) == ["Debt advice"])
        #expect(try keeper.services(keptBy: fixture.admin).count == 3)
        #expect(try keeper.services(keptBy: fixture.caseworker).isEmpty)
    }

    @Test func capacityIsUpdatedInOneStepWithItsDateHistoryAndAuditEntry() throws {
        let fixture = try ConnectFixture()
        let keeper = ServiceKeeper(database: fixture.database)
        let changed = try keeper.updateCapacity(
            ofService: ConnectFixture.parcelsID, to: CapacityChange(acceptingReferrals: "waiting_list", placesFree: "0", typicalWaitDays: "5"),
            by: fixture.foodBankPartner, through: .web)
        #expect(changed.capacity?.acceptingReferrals == .waitingList)
        let (record, service) = try fixture.stored(ConnectFixture.parcelsID)
        #expect(record.acceptingReferrals == "waiting_list" && record.placesFree == 0 && record.typicalWaitDays == 5)
        #expect(record.capacityUpdatedBy == "sue" && record.capacityUpdatedAt == service.capacity?.updatedAt)
        #expect(service.capacity?.updatedBy == "sue")
        let history = try #require(service.metadata)
        #expect(history.map(\.fieldName).contains("kith_capacity"))
        #expect(history.first { $0.fieldName == "kith_capacity" }?.previousValue == "yes, 4 places free, 1 days' wait")
        let entry = try #require(try fixture.audited(.updateCapacity).first)
        #expect(entry.actor == "sue" && entry.subject == "service \(ConnectFixture.parcelsID)")
        #expect(entry.detail.contains("kith_capacity") && entry.detail.contains("through the web"))
    }

    @Test func sayingTheSameCapacityAgainRenewsItsDate() throws {
        let fixture = try ConnectFixture()
        let keeper = ServiceKeeper(database: fixture.database)
        try keeper.updateCapacity(
            ofService: ConnectFixture.parcelsID, to: CapacityChange(acceptingReferrals: "yes", placesFree: "4", typicalWaitDays: "1"),
            by: fixture.foodBankPartner, through: .web)
        let (record, _) = try fixture.stored(ConnectFixture.parcelsID)
        #expect(record.capacityUpdatedAt != "2026-09-01T09:00:00Z")
    }

    @Test func aPartnerCannotChangeAnotherOrganisationsServiceAndNothingIsStored() throws {
        let fixture = try ConnectFixture()
        let keeper = ServiceKeeper(database: fixture.database)
        let before = try fixture.stored(ConnectFixture.debtID).record
        #expect(throws: ConnectError.notYours(service: "Debt advice")) {
            try keeper.updateCapacity(
                ofService: ConnectFixture.debtID, to: CapacityChange(acceptingReferrals: "no"), by: fixture.foodBankPartner, through: .web)
        }
        #expect(throws: ConnectError.notAllowed("change the services directory")) {
            try keeper.confirm(serviceID: ConnectFixture.debtID, by: fixture.caseworker, through: .web)
        }
        #expect(try fixture.stored(ConnectFixture.debtID).record == before)
        #expect(try fixture.audited(.updateCapacity).isEmpty)
    }

    @Test func anEditIsCheckedFieldByFieldAndAGoodOneIsStoredWithItsHistory() throws {
        let fixture = try ConnectFixture()
        let keeper = ServiceKeeper(database: fixture.database)
        var edit = ServiceEdit(try fixture.stored(ConnectFixture.debtID).service)
        edit.email = "not an address"
        edit.minimumAge = "40"
        edit.maximumAge = "18"
        edit.name = " "
        #expect(throws: ServiceEditProblems.self) {
            try keeper.edit(serviceID: ConnectFixture.debtID, edit, by: fixture.advicePartner, through: .web)
        }
        do {
            try keeper.edit(serviceID: ConnectFixture.debtID, edit, by: fixture.advicePartner, through: .web)
        } catch let problems as ServiceEditProblems {
            #expect(Set(problems.problems.map(\.field)) == ["email", "maximum-age", "name"])
        }
        edit = ServiceEdit(try fixture.stored(ConnectFixture.debtID).service)
        edit.name = "Debt and money advice"
        edit.phone = "01632 960123"
        edit.alert = "Closed on 24 December"
        try keeper.edit(serviceID: ConnectFixture.debtID, edit, by: fixture.advicePartner, through: .api)
        let (record, service) = try fixture.stored(ConnectFixture.debtID)
        #expect(record.name == "Debt and money advice" && service.name == "Debt and money advice")
        #expect(service.phones?.first?.number == "01632 960123" && service.alert == "Closed on 24 December")
        #expect(Set(service.metadata?.map(\.fieldName) ?? []) == ["name", "phone", "alert"])
        #expect(service.metadata?.allSatisfy { $0.updatedBy == "raj" && $0.resourceId == ConnectFixture.debtID } == true)
        #expect(try fixture.audited(.editService).first?.detail.contains("through the API") == true)
    }

    @Test func anEditThatChangesNothingStoresAndAuditsNothing() throws {
        let fixture = try ConnectFixture()
        let keeper = ServiceKeeper(database: fixture.database)
        let before = try fixture.stored(ConnectFixture.pantryID)
        try keeper.edit(serviceID: ConnectFixture.pantryID, ServiceEdit(before.service), by: fixture.foodBankPartner, through: .web)
        #expect(try fixture.stored(ConnectFixture.pantryID).record == before.record)
        #expect(try fixture.audited(.editService).isEmpty)
    }

    @Test func confirmingAServiceSetsItsAssuredDateToToday() throws {
        let fixture = try ConnectFixture()
        try ServiceKeeper(database: fixture.database).confirm(serviceID: ConnectFixture.parcelsID, by: fixture.admin, through: .commandLine)
        let (record, service) = try fixture.stored(ConnectFixture.parcelsID)
        #expect(record.assuredDate == String(AuditTrail.now().prefix(10)) && service.assuredDate == record.assuredDate)
        #expect(try fixture.audited(.confirmService).count == 1)
    }
}

import Foundation
import Testing

@testable import KithDirectory

/// Editing a service: every wrong field named at once; each change in the ORUK change history.
struct ServiceEditTests {
    static func service() -> Service {
        var service = Service(id: "6a1f0c2e-1111-4a7e-9f00-0000000000a1", organizationId: "org", name: "Food parcels")
        service.minimumAge = 18
        service.capacity = Capacity(acceptingReferrals: .yes, placesFree: 4, updatedAt: "2026-11-01T09:00:00Z", updatedBy: "Sue")
        return service
    }

    @Test func everyWrongFieldIsNamedAtOnce() {
        var edit = ServiceEdit(Self.service())
        edit.name = ""
        edit.url = "kithmoor food bank"
        edit.minimumAge = "two"
        edit.status = "open"
        let error = #expect(throws: ServiceEditProblems.self) { try Self.service().applying(edit, by: "sue", at: "2026-12-03T10:00:00Z") }
        #expect(Set(error?.problems.map(\.field) ?? []) == ["name", "url", "minimum-age", "status"])
    }

    @Test func eachChangedFieldIsRecordedWithItsOldAndNewValue() throws {
        var edit = ServiceEdit(Self.service())
        edit.minimumAge = "16"
        edit.email = "food@example.org.uk"
        let (changed, changes) = try Self.service().applying(edit, by: "sue", at: "2026-12-03T10:00:00Z")
        #expect(changed.minimumAge == 16 && changed.email == "food@example.org.uk" && changed.lastModified == "2026-12-03T10:00:00Z")
        #expect(changes.map(\.fieldName) == ["email", "minimum_age"])
        #expect(changes.last?.previousValue == "18" && changes.last?.replacementValue == "16")
        #expect(changes.allSatisfy { $0.updatedBy == "sue" && $0.lastActionType == "update" && $0.resourceType == "service" })
        #expect(changed.metadata == changes)
    }

    @Test func anEditThatChangesNothingLeavesTheServiceAsItWas() throws {
        let (same, changes) = try Self.service().applying(ServiceEdit(Self.service()), by: "sue", at: "2026-12-03T10:00:00Z")
        #expect(changes.isEmpty && same == Self.service())
    }

    @Test func capacityNeedsAnAnswerAndWholeNumbers() throws {
        #expect(throws: ServiceEditProblems.self) {
            try Self.service().applying(CapacityChange(acceptingReferrals: "maybe", placesFree: "-1"), by: "sue", at: "2026-12-03T10:00:00Z")
        }
        let (changed, changes) = try Self.service().applying(
            CapacityChange(acceptingReferrals: "no", placesFree: "", typicalWaitDays: "14"), by: "sue", at: "2026-12-03T10:00:00Z")
        #expect(changed.capacity == Capacity(acceptingReferrals: .no, typicalWaitDays: 14, updatedAt: "2026-12-03T10:00:00Z", updatedBy: "sue"))
        #expect(changes.map(\.fieldName) == ["kith_capacity", "kith_capacity.updated_at"])
        #expect(changes.first?.replacementValue == "no, 14 days' wait")
    }
}

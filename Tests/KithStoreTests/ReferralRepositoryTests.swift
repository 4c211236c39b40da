import Foundation
import GRDB
import Testing

@testable import KithStore

/// Referrals and their steps in a real SQLite file: a referral is stored with its contact and audit entry, a step
/// moves it on only from where it was, steps are never changed, and each write is stored with its entry or not at all.
struct ReferralRepositoryTests {
    static func referral(_ id: String, person: String = "KP-0000001", by referrer: String = "amira", at time: String = "2026-11-20T10:00:00Z")
        -> ReferralRecord
    {
        ReferralRecord(
            id: id, personId: person, serviceId: "s-1", organizationId: DirectoryRepositoryTests.organizationID,
            organizationName: "Kithmoor Food Bank", need: "Food", reason: "No food in the house", urgency: "urgent", consentGivenBy: "the resident",
            consentWay: "spoken", consentRecordedBy: referrer, consentRecordedAt: time, sharedDetails: "{\"name\":\"Ann Smith\"}",
            referredBy: referrer,
            referredAt: time, status: "sent")
    }

    static func contact(for referral: ReferralRecord) -> ContactRecord {
        ContactRecord(
            personId: referral.personId, outcome: .referred, contactedOn: "2026-11-20", note: "Referred to Food parcels",
            recordedBy: referral.referredBy, recordedAt: referral.referredAt)
    }

    static func note(_ action: AuditTrail.Action, _ subject: String) -> AuditNote {
        AuditTrail.note(action, by: "tester", subject: subject, personIDs: ["KP-0000001"], detail: "")
    }

    /// A store with two persons and a directory with one service, as referrals need.
    static func withStore(_ body: (KithDatabase) throws -> Void) throws {
        try LinkageRepositoryTests.withStore { database in
            _ = try LinkageRepositoryTests.firstRun(in: database)
            _ = try database.directory.importDirectory(
                DirectoryRepositoryTests.batch([DirectoryRepositoryTests.service("s-1", name: "Food parcels")]), audit: DirectoryRepositoryTests.note)
            try body(database)
        }
    }

    @Test func aReferralIsStoredWithItsContactAndFoundByPersonReferrerAndOrganisation() throws {
        try Self.withStore { database in
            let referral = Self.referral("R-1")
            let contact = try database.referrals.createReferral(referral, contact: Self.contact(for: referral), audit: Self.note(.refer, "R-1"))
            #expect(contact.id != nil)
            #expect(try database.outreach.contacts(ofPersons: ["KP-0000001"]).map(\.outcome) == [.referred])
            #expect(try database.referrals.referral(id: "R-1") == referral)
            #expect(try database.referrals.referrals(ofPersons: ["KP-0000001"]).map(\.id) == ["R-1"])
            #expect(try database.referrals.referrals(referredBy: "amira").map(\.id) == ["R-1"])
            #expect(try database.referrals.referrals(toOrganization: "kithmoor food bank").map(\.id) == ["R-1"])
            #expect(try database.referrals.referrals(toOrganization: DirectoryRepositoryTests.organizationID).map(\.id) == ["R-1"])
            #expect(try database.referrals.referrals(toOrganization: "Another Trust").isEmpty)
            #expect(try database.referrals.referrals(toService: "s-1").map(\.id) == ["R-1"])
        }
    }

    @Test func aStepMovesTheReferralOnlyFromWhereItWasAndIsNeverChanged() throws {
        try Self.withStore { database in
            let referral = Self.referral("R-1")
            _ = try database.referrals.createReferral(referral, contact: Self.contact(for: referral), audit: Self.note(.refer, "R-1"))
            var service = try #require(try database.directory.service(id: "s-1"))
            service.placesFree = 2
            let step = try database.referrals.recordStep(
                ReferralStepRecord(referralId: "R-1", status: "accepted", at: "2026-11-21T09:00:00Z", by: "sarah", note: nil), from: "sent",
                service: service, audit: Self.note(.referralStep, "R-1"))
            #expect(step.id != nil)
            #expect(try database.referrals.referral(id: "R-1")?.status == "accepted")
            #expect(try database.directory.service(id: "s-1")?.placesFree == 2)
            #expect(throws: ReferralStoreError.moved(referral: "R-1", now: "accepted")) {
                try database.referrals.recordStep(
                    ReferralStepRecord(referralId: "R-1", status: "declined", at: "2026-11-21T09:01:00Z", by: "joe", note: "Full"), from: "sent",
                    service: nil, audit: Self.note(.referralStep, "R-1"))
            }
            #expect(try database.referrals.steps(ofReferrals: ["R-1"]).map(\.status) == ["accepted"])
            #expect(throws: DatabaseError.self) {
                try database.writer.write { db in try db.execute(sql: "UPDATE referralStep SET note = 'changed'") }
            }
        }
    }
}

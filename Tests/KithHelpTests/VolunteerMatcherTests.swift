import Foundation
import KithDirectory
import KithSpreadsheet
import Testing

@testable import KithHelp

/// Matching volunteers to a request: who cannot take it is left out, the rest ranked nearest and least busy first,
/// each with the reasons a person assigning would want.
struct VolunteerMatcherTests {
    static let today = CivilDate(year: 2026, month: 12, day: 4)!
    /// A resident in the middle of a generated borough, and points about 0.5, 1.5 and 5 km north of them.
    static let resident = GeoPoint(latitude: 53.5700, longitude: -2.0900)
    static func north(_ metres: Double) -> GeoPoint { GeoPoint(latitude: 53.5700 + metres / 111_195, longitude: -2.0900) }
    static let food = HelpNeed.standard[0]
    static let befriending = HelpNeed.standard.first { $0.id == "befriending" }!
    static let checked = DBSCheck(level: .enhancedWithBarredLists, number: "001234567890", validUntil: CivilDate(year: 2027, month: 6, day: 1)!)

    static func volunteer(
        _ id: String, offers: Set<String> = ["food"], at metres: Double? = 500, travel: Double = 3_000, dbs: DBSCheck? = checked,
        status: VolunteerStatus = .active, tasks: Int = 0, languages: Set<String> = [], drives: Bool = false, availability: [Availability] = []
    ) -> Volunteer {
        Volunteer(
            id: id, name: id, offers: offers, availability: availability, home: metres.map(north), travelMetres: travel, languages: languages,
            drives: drives, dbs: dbs, status: status, openTasks: tasks)
    }

    @Test func whoCannotTakeTheTaskIsLeftOut() {
        let task = HelpTask(need: Self.food, place: Self.resident, today: Self.today)
        let expired = DBSCheck(level: .enhancedWithBarredLists, number: "1", validUntil: CivilDate(year: 2026, month: 12, day: 3)!)
        let volunteers = [
            Self.volunteer("ok"),
            Self.volunteer("paused", status: .paused),
            Self.volunteer("applied", status: .applied),
            Self.volunteer("no-food", offers: ["befriending"]),
            Self.volunteer("no-dbs", dbs: nil),
            Self.volunteer("basic-dbs", dbs: DBSCheck(level: .enhanced, number: "2", validUntil: CivilDate(year: 2027, month: 1, day: 1)!)),
            Self.volunteer("expired-dbs", dbs: expired),
            Self.volunteer("too-far", at: 5_000, travel: 3_000),
        ]
        #expect(VolunteerMatcher.rank(task, among: volunteers).map(\.volunteer.id) == ["ok"])
    }

    @Test func aCallNeedsNoDBSCheckButAVisitDoes() {
        let call = HelpTask(need: Self.befriending, place: Self.resident, today: Self.today)
        let volunteer = Self.volunteer("caller", offers: ["befriending"], dbs: nil)
        #expect(VolunteerMatcher.rank(call, among: [volunteer]).count == 1)
        #expect(HelpNeed.standard.filter(\.involvesVisit).map(\.id).contains("welfare-check"))
    }

    @Test func theNearestAndLeastBusyComeFirstAndLanguageCounts() {
        let task = HelpTask(need: Self.food, place: Self.resident, language: "Polish", today: Self.today)
        let ranked = VolunteerMatcher.rank(
            task,
            among: [
                Self.volunteer("far", at: 2_500),
                Self.volunteer("near-busy", at: 400, tasks: 4),
                Self.volunteer("near", at: 600),
                Self.volunteer("polish", at: 1_500, languages: ["polish"]),
                Self.volunteer("unknown-home", at: nil),
            ])
        #expect(ranked.map(\.volunteer.id) == ["polish", "near", "near-busy", "far", "unknown-home"])
        let polish = ranked[0]
        #expect(polish.speaksLanguage && polish.reasons.contains("speaks Polish") && polish.reasons.contains("1.5 km away"))
        #expect(ranked[1].reasons == ["offers Food", "enhanced DBS with barred lists, valid until 2027-06-01", "600 m away", "no tasks now"])
        #expect(ranked[2].reasons.last == "4 tasks now")
    }

    @Test func aTimeAskedForAndACarNeededNarrowTheList() {
        // 4 December 2026 is a Friday.
        let friday10 = LocalMoment(date: Self.today, minutes: 10 * 60)
        let task = HelpTask(
            need: HelpNeed(id: "transport", label: "Transport", involvesVisit: true), place: Self.resident, at: friday10,
            needsDriver: true, today: Self.today)
        let mornings = [Availability(day: .friday, from: 9 * 60, to: 12 * 60)]
        let volunteers = [
            Self.volunteer("driver", offers: ["transport"], drives: true, availability: mornings),
            Self.volunteer("walker", offers: ["transport"], drives: false, availability: mornings),
            Self.volunteer("afternoons", offers: ["transport"], drives: true, availability: [Availability(day: .friday, from: 13 * 60, to: 17 * 60)]),
            Self.volunteer("mondays", offers: ["transport"], drives: true, availability: [Availability(day: .monday, from: 9 * 60, to: 12 * 60)]),
        ]
        let ranked = VolunteerMatcher.rank(task, among: volunteers)
        #expect(ranked.map(\.volunteer.id) == ["driver"])
        #expect(ranked.first?.reasons.contains("drives") == true && ranked.first?.reasons.contains("free then") == true)
    }

    @Test func theListIsCutAtTheLimitAndTiesGoByID() {
        let task = HelpTask(need: Self.food, today: Self.today)
        let volunteers = (0..<30).map { Self.volunteer(String(format: "v%02d", 29 - $0), at: nil) }
        let ranked = VolunteerMatcher.rank(task, among: volunteers, limit: 5)
        #expect(ranked.map(\.volunteer.id) == ["v00", "v01", "v02", "v03", "v04"])
    }
}

import KithSpreadsheet
import Testing

@testable import KithHelp

/// Taking a request: every wrong field named at once; due dates and the queue's words for them.
struct HelpRequestTests {
    @Test func aGoodRequestIsRead() throws {
        let request = try HelpRequest(
            .init(
                needs: ["food", "prescription", "food"], urgency: "today", details: " Lives alone, no lift ", dietaryNeeds: "Halal; nut allergy",
                language: "Urdu", contactBy: "interpreter", consentToShare: "yes", channel: "phone"))
        #expect(request.needs.map(\.id) == ["food", "prescription"])
        #expect(request.details == "Lives alone, no lift" && request.dietaryNeeds == "Halal; nut allergy" && request.culturalPreferences == nil)
        #expect(request.contactBy == .interpreter && request.consentToShare && request.channel == .phone)
        #expect(request.due(madeOn: CivilDate(year: 2026, month: 12, day: 4)!) == CivilDate(year: 2026, month: 12, day: 4)!)
    }

    @Test func everyWrongFieldIsNamedAtOnce() {
        let error = #expect(throws: HelpRequestProblems.self) {
            try HelpRequest(.init(needs: ["food", "jetpack"], urgency: "soonish", contactBy: "pigeon", consentToShare: "", channel: "fax"))
        }
        #expect(Set(error?.problems.map(\.field) ?? []) == ["needs", "urgency", "contact-by", "channel", "consent"])
        let nothing = #expect(throws: HelpRequestProblems.self) {
            try HelpRequest(.init(needs: ["other"], urgency: "this-week", consentToShare: "no", channel: "online-form"))
        }
        #expect(nothing?.problems.map(\.field) == ["details"], "Other needs its words")
    }

    @Test func aCouncilsOwnListOfNeedsIsUsed() throws {
        let own = [HelpNeed(id: "fuel", label: "Fuel vouchers", involvesVisit: false)]
        #expect(try HelpRequest(.init(needs: ["fuel"], urgency: "within-3-days", consentToShare: "no", channel: "referral"), needs: own).needs == own)
        #expect(throws: HelpRequestProblems.self) {
            try HelpRequest(.init(needs: ["food"], urgency: "today", consentToShare: "no", channel: "phone"), needs: own)
        }
    }

    @Test func dueDatesReadAsTheQueueSaysThem() {
        let today = CivilDate(year: 2026, month: 12, day: 4)!
        func label(_ days: Int) -> DueLabel { DueLabel(due: CivilDate(daysSinceEpoch: today.daysSinceEpoch + days), today: today) }
        #expect([label(-1), label(0), label(1), label(2), label(7), label(8)] == [.overdue, .today, .tomorrow, .thisWeek, .thisWeek, .later])
        #expect([DueLabel.later, .today, .overdue, .tomorrow].sorted() == [.overdue, .today, .tomorrow, .later])
        let request = try? HelpRequest(.init(needs: ["shopping"], urgency: "within-3-days", consentToShare: "yes", channel: "online-form"))
        #expect(request?.due(madeOn: today).daysSinceEpoch == today.daysSinceEpoch + 3)
    }
}

import Foundation
import KithSpreadsheet
import Testing

@testable import KithHelp

/// The help desk's figures, worked by hand: counts per day (London's day), need, hub and channel; waits as median
/// and 90th percentile; what is open and overdue; volunteers and hours.
struct HelpFiguresTests {
    static let day = CivilDate(year: 2026, month: 11, day: 2)!

    func request(
        hoursAfterMidnight: Double, day offset: Int = 0, needs: [String] = ["food"], hub: String? = "north", channel: String = "phone",
        status: RequestStatus = .done, contactAfter: Double? = 2, doneAfter: Double? = 24
    ) -> HelpFigures.Request {
        let created = Date(timeIntervalSince1970: Double(Self.day.daysSinceEpoch + offset) * 86_400 + hoursAfterMidnight * 3_600)
        return HelpFigures.Request(
            createdAt: created, needs: needs, hub: hub, area: hub == "north" ? "HY1" : "HY2", channel: channel, status: status,
            dueOn: Self.day.adding(days: offset), firstContactAt: contactAfter.map { created.addingTimeInterval($0 * 3_600) },
            closedAt: status == .done ? doneAfter.map { created.addingTimeInterval($0 * 3_600) } : nil)
    }

    @Test func countsAndWaitsAreWorkedOutAsByHand() {
        let requests = [
            request(hoursAfterMidnight: 9, needs: ["food", "prescription"], contactAfter: 1, doneAfter: 10),
            request(hoursAfterMidnight: 10, contactAfter: 2, doneAfter: 20),
            request(hoursAfterMidnight: 11, hub: "south", channel: "online-form", contactAfter: 3, doneAfter: 30),
            request(hoursAfterMidnight: 12, day: 1, status: .inProgress, contactAfter: 4),
            // 23:30 UTC on 2 November is still 2 November in London (GMT in winter).
            request(hoursAfterMidnight: 23.5, hub: nil, status: .toDo, contactAfter: nil),
        ]
        let tasks = [
            HelpFigures.Task(volunteer: 1, completed: true, hours: 1.5), HelpFigures.Task(volunteer: 1, completed: true, hours: 2),
            HelpFigures.Task(volunteer: 2, completed: false, hours: nil),
        ]
        let figures = HelpFigures(
            from: Self.day, to: Self.day.adding(days: 2), requests: requests, open: requests, tasks: tasks, volunteersActive: 7,
            today: Self.day.adding(days: 1), needLabels: ["food": "Food"], hubNames: ["north": "North hub"])
        #expect(figures.total == 5)
        #expect(figures.perDay.map(\.count) == [4, 1, 0])
        #expect(figures.perNeed.map { "\($0.label) \($0.count)" } == ["Food 5", "prescription 1"])
        #expect(figures.perHub.map { "\($0.label) \($0.count)" } == ["North hub 3", "Not routed 1", "south 1"])
        #expect(figures.perChannel.map { "\($0.label) \($0.count)" } == ["phone 4", "online-form 1"])
        // First contact after 1, 2, 3 and 4 hours: the median is the 2nd of 4, the 90th percentile the 4th.
        #expect(figures.toFirstContact == .init(requests: 4, medianHours: 2, ninetiethHours: 4))
        #expect(figures.toCompletion == .init(requests: 3, medianHours: 20, ninetiethHours: 30))
        #expect(figures.openNow == 2 && figures.overdueNow == 1, "the to-do of 2 November is overdue on the 3rd; the one due the 3rd is not")
        #expect(figures.volunteersActive == 7 && figures.volunteersWhoHelped == 1 && figures.hoursGiven == 3.5)
        #expect(figures.rows.first == ["Section", "What", "Value"] && figures.rows.contains(["Per hub", "North hub", "3"]))
    }

    @Test func noRequestsMeanNoWaits() {
        let figures = HelpFigures(from: Self.day, to: Self.day, requests: [], open: [], tasks: [], volunteersActive: 0, today: Self.day)
        #expect(figures.total == 0 && figures.toFirstContact.medianHours == nil && figures.perDay.map(\.count) == [0])
    }
}

import Foundation
/// Matches a day's tasks (the food deliveries) in one go: most pressing first, each to the best volunteer who can
/// take it, counting what they were given earlier in the same run, and never giving one volunteer more than
/// `mostPerVolunteer` open tasks in all. What cannot be matched is said, with why.
public enum BulkMatcher {
    /// One task to match: the request it is for and what it needs. Tasks are matched in the order given.
    public struct Item: Sendable, Equatable {
        public var requestID: String
        public var task: HelpTask

        public init(requestID: String, task: HelpTask) {
            self.requestID = requestID
            self.task = task
        }
    }

    public struct Proposal: Sendable, Equatable {
        public var requestID: String
        public var match: VolunteerMatch?
        /// Why no one was proposed, when no one was.
        public var unmatched: String?
    }

    public static func propose(_ items: [Item], volunteers: [Volunteer], mostPerVolunteer: Int = 3) -> [Proposal] {
        var pool = volunteers
        var proposals: [Proposal] = []
        for item in items {
            var best: (index: Int, match: VolunteerMatch)?
            var anyone = false
            for index in pool.indices {
                guard let match = VolunteerMatcher.match(item.task, pool[index]) else { continue }
                anyone = true
                guard pool[index].openTasks < mostPerVolunteer else { continue }
                if best == nil || (match.cost, match.volunteer.id) < (best!.match.cost, best!.match.volunteer.id) { best = (index, match) }
            }
            guard let best else {
                let why =
                    anyone
                    ? "Everyone who could take it already has \(mostPerVolunteer) tasks."
                    : "No active volunteer offers \(item.task.need.label.lowercased()) within reach\(item.task.need.involvesVisit ? " with a valid enhanced DBS check" : "")."
                proposals.append(Proposal(requestID: item.requestID, match: nil, unmatched: why))
                continue
            }
            pool[best.index].openTasks += 1
            proposals.append(Proposal(requestID: item.requestID, match: best.match, unmatched: nil))
        }
        return proposals
    }
}

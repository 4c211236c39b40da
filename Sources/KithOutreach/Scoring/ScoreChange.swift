import KithVulnerability

/// How a person's rating moved between two score runs.
public struct ScoreChange: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case movedUp = "moved up a band"
        case movedDown = "moved down a band"
        case newlyIdentified = "newly identified"
        case noLongerOnAnyList = "no longer on any list"
    }

    public var kind: Kind
    public var personID: String
    /// The band before; nil for someone newly identified.
    public var from: Band?
    /// The band now; nil for someone no longer on any list.
    public var to: Band?

    public init(kind: Kind, personID: String, from: Band?, to: Band?) {
        self.kind = kind
        self.personID = personID
        self.from = from
        self.to = to
    }

    /// Compares the previous run's bands with the current ones. People whose ids were merged into someone still
    /// scored are not "no longer on any list": `merges` maps each merged id to the id it went into.
    public static func changes(previous: [String: Band], current: [String: Band], merges: [String: String]) -> [ScoreChange] {
        var changes: [ScoreChange] = []
        for (person, band) in current {
            guard let before = previous[person] else {
                changes.append(ScoreChange(kind: .newlyIdentified, personID: person, from: nil, to: band))
                continue
            }
            if band > before { changes.append(ScoreChange(kind: .movedUp, personID: person, from: before, to: band)) }
            if band < before { changes.append(ScoreChange(kind: .movedDown, personID: person, from: before, to: band)) }
        }
        let merged = PersonMerges(into: merges)
        for (person, band) in previous where current[person] == nil {
            if current[merged.current(person)] != nil { continue }
            changes.append(ScoreChange(kind: .noLongerOnAnyList, personID: person, from: band, to: nil))
        }
        return changes.sorted { ($0.to ?? $0.from ?? .green, $1.personID) > ($1.to ?? $1.from ?? .green, $0.personID) }
    }
}

import KithVulnerability

/// How a contact list is ordered: by priority (Purple first, then the least recent contact, the highest score), by
/// the least recent contact first, or by the highest score first. Each order breaks its ties by the others', then by
/// person id. The one rule every contact list (kept, rebuilt, on the page or in a download) sorts by.
public enum OutreachSort: String, Sendable, CaseIterable, Equatable {
    case priority
    case leastRecentContact = "least-recent-contact"
    case score

    public var label: String {
        switch self {
        case .priority: "Priority: highest band, then least recent contact"
        case .leastRecentContact: "Least recent contact first"
        case .score: "Highest score first"
        }
    }

    /// What a person is sorted by: the band, the day of the last contact (`Int.min` for never), the score, and the
    /// person's place in id order.
    public struct Key<Tie: Comparable> {
        public var band: Band
        public var lastContact: Int
        public var score: Int
        public var tie: Tie

        public init(band: Band, lastContact: Int, score: Int, tie: Tie) {
            self.band = band
            self.lastContact = lastContact
            self.score = score
            self.tie = tie
        }
    }

    /// Whether `lhs` comes before `rhs` in this order.
    public func isBefore<Tie>(_ lhs: Key<Tie>, _ rhs: Key<Tie>) -> Bool {
        let band = lhs.band == rhs.band ? nil : lhs.band > rhs.band
        let contact = lhs.lastContact == rhs.lastContact ? nil : lhs.lastContact < rhs.lastContact
        let score = lhs.score == rhs.score ? nil : lhs.score > rhs.score
        let order: [Bool?] =
            switch self {
            case .priority: [band, contact, score]
            case .leastRecentContact: [contact, band, score]
            case .score: [score, band, contact]
            }
        for decided in order { if let decided { return decided } }
        return lhs.tie < rhs.tie
    }
}

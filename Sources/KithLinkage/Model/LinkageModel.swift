import Foundation

/// A trained match model: for every field and level the chance of that level among pairs that are one person (m),
/// among random pairs of different people (u), and among different people who share a home (household u); and the
/// chance that two records drawn at random are one person.
///
/// A pair's match weight is the prior's log-odds plus, for every field, log2(m / u) at the pair's level. When two
/// records share a home, names and date of birth are weighed against the household u instead: a shared surname or
/// birthday says little there (families share a surname, twins a birthday), so the household counts once, and a
/// shared first name says more (parents rarely give two children one name). Exact names are weighed by how common the name is (term frequency): Smith agreeing says less than
/// Przybylski agreeing.
public struct LinkageModel: Sendable, Codable, Equatable {
    /// m[field][level − 1].
    public var m: [[Double]]
    /// u[field][level − 1] among random pairs.
    public var u: [[Double]]
    /// u[field][level − 1] among different people who share a home; used for ``LinkageModel/householdConditioned`` fields.
    public var householdU: [[Double]]
    /// The chance that two records drawn at random are one person.
    public var prior: Double
    /// The number of records the term frequencies were counted over.
    public var recordCount: Int
    /// Pairs the model was trained on: candidates, trusted pairs (the same NHS number), random pairs.
    public var trainingFigures: TrainingFigures

    /// What the model was estimated from, reported with every run.
    public struct TrainingFigures: Sendable, Codable, Equatable {
        public var candidatePairs: Int
        public var trustedPairs: Int
        public var randomPairs: Int
        public var iterations: Int
        public var candidateMatchShare: Double
        /// Among candidate pairs sharing a home, the share that are different people: how far household u applies.
        public var householdShare: Double
        /// Where m came from: "pairs sharing an NHS number or UPN", "expectation maximisation" or "typical values".
        public var mSource: String = ""
        /// What the sanity checks found and corrected in the model, in words a person can act on.
        public var warnings: [String] = []

        public init(
            candidatePairs: Int, trustedPairs: Int, randomPairs: Int, iterations: Int, candidateMatchShare: Double,
            householdShare: Double, mSource: String = "", warnings: [String] = []
        ) {
            self.candidatePairs = candidatePairs
            self.trustedPairs = trustedPairs
            self.randomPairs = randomPairs
            self.iterations = iterations
            self.candidateMatchShare = candidateMatchShare
            self.householdShare = householdShare
            self.mSource = mSource
            self.warnings = warnings
        }

        enum CodingKeys: String, CodingKey {
            case candidatePairs, trustedPairs, randomPairs, iterations, candidateMatchShare, householdShare, mSource, warnings
        }

        /// Models saved before the sanity checks have no source or warnings.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            candidatePairs = try container.decode(Int.self, forKey: .candidatePairs)
            trustedPairs = try container.decode(Int.self, forKey: .trustedPairs)
            randomPairs = try container.decode(Int.self, forKey: .randomPairs)
            iterations = try container.decode(Int.self, forKey: .iterations)
            candidateMatchShare = try container.decode(Double.self, forKey: .candidateMatchShare)
            householdShare = try container.decode(Double.self, forKey: .householdShare)
            mSource = try container.decodeIfPresent(String.self, forKey: .mSource) ?? ""
            warnings = try container.decodeIfPresent([String].self, forKey: .warnings) ?? []
        }
    }

    /// Fields weighed against household u when two records share a home.
    public static let householdConditioned: [LinkageField] = [.givenName, .familyName, .birthDate]

    /// The least a term frequency is taken to be, so that a name seen once does not outweigh everything else.
    static let minimumTermFrequency = 1e-5

    /// Log-probabilities by field and level (index 0 = level 1), worked out once for scoring.
    struct Logs: Sendable {
        var m: [[Double]]
        var u: [[Double]]
        var householdU: [[Double]]
        var priorLogOdds: Double
    }

    var logs: Logs {
        Logs(
            m: m.map { $0.map(log2) }, u: u.map { $0.map(log2) }, householdU: householdU.map { $0.map(log2) },
            priorLogOdds: log2(prior / (1 - prior))
        )
    }
}

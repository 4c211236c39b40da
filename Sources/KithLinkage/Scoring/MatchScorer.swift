import Foundation

/// Weighs compared pairs with a trained ``LinkageModel``: a match weight and probability for each, and on request
/// each field's part in it, so a person can see why two rows are thought to be one resident.
public struct MatchScorer: Sendable {
    public let model: LinkageModel
    let logs: LinkageModel.Logs
    let records: EncodedRecords

    public init(model: LinkageModel, records: EncodedRecords) {
        self.model = model
        logs = model.logs
        self.records = records
    }

    /// The pair's match weight: the prior's log-odds plus every field's contribution.
    @inline(__always)
    public func weight(_ levels: PackedLevels, _ i: Int, _ j: Int) -> Double {
        var total = logs.priorLogOdds
        let sharedHome = LinkageField.sharedHomeLevels.contains(levels[.household])
        for field in LinkageField.allCases {
            total += contribution(field, levels[field], i, j, sharedHome: sharedHome, levels: levels)
        }
        return total
    }

    /// Whether a shared home is left out of the weight, because the rest of the pair says "two members of one
    /// household" far more often than "one person", so sharing a home must never link them: different first names,
    /// or one first name with dates of birth more than 15 years apart (a father and the son named after him).
    @inline(__always)
    static func householdSetAside(_ levels: PackedLevels) -> Bool {
        guard LinkageField.sharedHomeLevels.contains(levels[.household]) else { return false }
        return levels[.givenName] == LinkageField.givenName.differentLevel
            || levels[.birthDate] == LinkageField.birthDate.differentLevel
    }

    /// The probability that a pair with this weight is one person.
    @inline(__always)
    public static func probability(weight: Double) -> Double {
        1 / (1 + exp2(-weight))
    }

    /// One field's contribution at a level.
    @inline(__always)
    func contribution(_ field: LinkageField, _ level: UInt8, _ i: Int, _ j: Int, sharedHome: Bool, levels: PackedLevels) -> Double {
        guard level != 0 else { return 0 }
        let index = Int(level) - 1
        let f = field.rawValue
        if field == .household, Self.householdSetAside(levels) {
            return min(logs.m[f][index] - logs.u[f][index], 0)
        }
        if sharedHome, LinkageModel.householdConditioned.contains(field) {
            return logs.m[f][index] - logs.householdU[f][index]
        }
        if level == 1, let frequency = termFrequency(field, i) {
            return logs.m[f][index] - log2(max(frequency, LinkageModel.minimumTermFrequency))
        }
        return logs.m[f][index] - logs.u[f][index]
    }

    /// How common record `i`'s name is in the field, for names agreeing exactly.
    @inline(__always)
    func termFrequency(_ field: LinkageField, _ i: Int) -> Double? {
        switch field {
        case .givenName:
            guard records.givenTotal > 0 else { return nil }
            return Double(records.givenCounts[Int(records.given[i])]) / Double(records.givenTotal)
        case .familyName:
            guard records.familyTotal > 0 else { return nil }
            return Double(records.familyCounts[Int(records.family[i])]) / Double(records.familyTotal)
        default:
            return nil
        }
    }

    /// Each field's level and contribution, in field order.
    public func evidence(_ levels: PackedLevels, _ i: Int, _ j: Int) -> [FieldEvidence] {
        let sharedHome = LinkageField.sharedHomeLevels.contains(levels[.household])
        return LinkageField.allCases.map { field in
            let level = levels[field]
            guard level != 0 else { return FieldEvidence(field: field.columnName, level: "missing", weight: 0) }
            let weight = contribution(field, level, i, j, sharedHome: sharedHome, levels: levels)
            var note: String?
            if field == .household, Self.householdSetAside(levels) {
                note =
                    levels[.givenName] == LinkageField.givenName.differentLevel
                    ? "not counted: first names differ, as in a household"
                    : "not counted: born more than 15 years apart, as a parent and child"
            } else if sharedHome, LinkageModel.householdConditioned.contains(field) {
                note = "weighed as in one household"
            } else if level == 1, termFrequency(field, i) != nil {
                let plain = logs.m[field.rawValue][0] - logs.u[field.rawValue][0]
                note = weight < plain - 0.5 ? "common name" : weight > plain + 0.5 ? "rare name" : nil
            }
            return FieldEvidence(field: field.columnName, level: field.levels[Int(level) - 1], weight: weight, note: note)
        }
    }
}

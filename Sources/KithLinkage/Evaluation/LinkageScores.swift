/// How well a linkage grouped records into persons, against known truth: pairwise precision, recall and F1
/// (over every pair of records placed in one person) and their B-cubed counterparts (per record, so that one
/// large wrongly merged cluster cannot hide behind many right small ones).
///
/// Scores are computed from counts in a contingency table of predicted and true groups, so a million records
/// cost a dictionary pass, never a pass over pairs.
public struct LinkageScores: Sendable, Equatable {
    /// Pairs placed in one person that truly are one person.
    public var truePositivePairs: Int
    /// Pairs placed in one person.
    public var predictedPairs: Int
    /// Pairs that truly are one person.
    public var truePairs: Int
    public var bCubedPrecision: Double
    public var bCubedRecall: Double

    public var pairwisePrecision: Double { predictedPairs == 0 ? 1 : Double(truePositivePairs) / Double(predictedPairs) }
    public var pairwiseRecall: Double { truePairs == 0 ? 1 : Double(truePositivePairs) / Double(truePairs) }
    public var pairwiseF1: Double { Self.harmonicMean(pairwisePrecision, pairwiseRecall) }
    public var bCubedF1: Double { Self.harmonicMean(bCubedPrecision, bCubedRecall) }

    /// Scores a grouping.
    /// - Parameters:
    ///   - predicted: the person each record was placed in, by record.
    ///   - truth: the true person of each record, by record. Records missing from `predicted` count as alone.
    public init<Record: Hashable, Person: Hashable, TruePerson: Hashable>(
        predicted: [Record: Person], truth: [Record: TruePerson]
    ) {
        var cells: [Pair<PredictedGroup<Record, Person>, TruePerson>: Int] = [:]
        var predictedSizes: [PredictedGroup<Record, Person>: Int] = [:]
        var trueSizes: [TruePerson: Int] = [:]
        for (record, truePerson) in truth {
            let group = predicted[record].map(PredictedGroup.placed) ?? .alone(record)
            cells[Pair(first: group, second: truePerson), default: 0] += 1
            predictedSizes[group, default: 0] += 1
            trueSizes[truePerson, default: 0] += 1
        }
        truePositivePairs = cells.values.reduce(0) { $0 + Self.pairs($1) }
        predictedPairs = predictedSizes.values.reduce(0) { $0 + Self.pairs($1) }
        truePairs = trueSizes.values.reduce(0) { $0 + Self.pairs($1) }
        // B-cubed: each record's share of its predicted group that is truly it, and of its true group that was found.
        var precisionSum = 0.0
        var recallSum = 0.0
        for (cell, count) in cells {
            precisionSum += Double(count) * Double(count) / Double(predictedSizes[cell.first]!)
            recallSum += Double(count) * Double(count) / Double(trueSizes[cell.second]!)
        }
        let records = Double(max(truth.count, 1))
        bCubedPrecision = truth.isEmpty ? 1 : precisionSum / records
        bCubedRecall = truth.isEmpty ? 1 : recallSum / records
    }

    private static func pairs(_ size: Int) -> Int { size * (size - 1) / 2 }

    private static func harmonicMean(_ a: Double, _ b: Double) -> Double {
        a + b == 0 ? 0 : 2 * a * b / (a + b)
    }

    /// One line for a report: "pairwise P 0.998 R 0.995 F1 0.996 · B-cubed F1 0.997".
    public var summary: String {
        func format(_ value: Double) -> String {
            let thousandths = Int((value * 1000).rounded())
            return "\(thousandths / 1000).\(String(thousandths % 1000).leftPadded(to: 3))"
        }
        return "pairwise P \(format(pairwisePrecision)) R \(format(pairwiseRecall)) F1 \(format(pairwiseF1)) · B-cubed F1 \(format(bCubedF1))"
    }
}

/// The group a record was placed in; records the linkage did not place are persons of their own.
enum PredictedGroup<Record: Hashable, Person: Hashable>: Hashable {
    case placed(Person)
    case alone(Record)
}

/// Two values as one dictionary key.
struct Pair<First: Hashable, Second: Hashable>: Hashable {
    var first: First
    var second: Second
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

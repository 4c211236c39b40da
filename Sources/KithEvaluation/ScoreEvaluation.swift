import Foundation
import KithOutreach
import KithSpreadsheet
import KithVulnerability

/// How well scores find a generated borough's truly high-need residents: the generator gives everyone a hidden
/// need (`truth/people.csv`, `latent_need`) that the lists only hint at. Real lists have no such truth.
///
/// The truly high-need are the tenth of residents with the highest hidden need among those on at least one
/// list (no score can find someone no list knows). A linked person stands for the true resident most of their
/// rows belong to; when linkage split a resident, their highest score counts.
public struct ScoreEvaluation: Sendable {
    /// Residents on at least one list.
    public var residentsOnLists: Int
    /// The truly high-need among them.
    public var highNeedCount: Int
    /// Share of the truly high-need whose score is in the top tenth of scores.
    public var shareInTopDecile: Double
    /// Share of the truly high-need rated Purple or Red.
    public var shareInPurpleOrRed: Double
    /// Share of everyone on the lists rated Purple or Red, for comparison.
    public var purpleOrRedShareOverall: Double
    /// Spearman's rank correlation between score and hidden need.
    public var rankCorrelation: Double

    public static func evaluate(
        persons: [PersonAssessment], profiles: [String: PersonProfile], truthDirectory: URL
    ) throws -> ScoreEvaluation {
        let truth = try BoroughTruth(directory: truthDirectory)
        let need = try latentNeed(truthDirectory)
        var best: [String: (score: Int, band: Band)] = [:]
        for person in persons {
            guard let profile = profiles[person.personID] else { continue }
            var votes: [String: Int] = [:]
            for row in profile.rows {
                if let id = truth.personByRow[BoroughTruth.key(fileName: row.fileName, rowNumber: row.rowNumber)] { votes[id, default: 0] += 1 }
            }
            guard let resident = votes.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { continue }
            if let current = best[resident], (current.score, current.band) >= (person.score, person.band) { continue }
            best[resident] = (person.score, person.band)
        }
        let onLists = Set(truth.personByRow.values)
        let population = onLists.compactMap { id in need[id].map { (id, $0, best[id]?.score ?? 0, best[id]?.band ?? .green) } }
        guard !population.isEmpty else {
            return ScoreEvaluation(
                residentsOnLists: 0, highNeedCount: 0, shareInTopDecile: 0, shareInPurpleOrRed: 0, purpleOrRedShareOverall: 0, rankCorrelation: 0
            )
        }
        let tenth = max(1, population.count / 10)
        let highNeed = Set(population.sorted { ($0.1, $0.0) > ($1.1, $1.0) }.prefix(tenth).map(\.0))
        let topScored = Set(population.sorted { ($0.2, $0.0) > ($1.2, $1.0) }.prefix(tenth).map(\.0))
        let urgent = Set(population.filter { $0.3 >= .red }.map(\.0))
        return ScoreEvaluation(
            residentsOnLists: population.count, highNeedCount: highNeed.count,
            shareInTopDecile: Double(highNeed.intersection(topScored).count) / Double(highNeed.count),
            shareInPurpleOrRed: Double(highNeed.intersection(urgent).count) / Double(highNeed.count),
            purpleOrRedShareOverall: Double(urgent.count) / Double(population.count),
            rankCorrelation: spearman(population.map { Double($0.2) }, population.map(\.1))
        )
    }

    /// `latent_need` by true person id, from `truth/people.csv`.
    static func latentNeed(_ directory: URL) throws -> [String: Double] {
        let reader = try TableReader(url: directory.appendingPathComponent("truth/people.csv"))
        var need: [String: Double] = [:]
        var id = -1
        var value = -1
        try reader.read(sheet: nil) { layout in
            id = layout.columnNames.firstIndex(of: "person_id") ?? -1
            value = layout.columnNames.firstIndex(of: "latent_need") ?? -1
        } onRow: { row in
            guard id >= 0, value >= 0, row.cells.count > max(id, value), let number = Double(row.cells[value]) else { return }
            need[row.cells[id]] = number
        }
        return need
    }

    /// Spearman's rho with average ranks for ties.
    static func spearman(_ x: [Double], _ y: [Double]) -> Double {
        let rx = ranks(x)
        let ry = ranks(y)
        let n = Double(x.count)
        let mx = rx.reduce(0, +) / n
        let my = ry.reduce(0, +) / n
        var covariance = 0.0
        var vx = 0.0
        var vy = 0.0
        for index in rx.indices {
            covariance += (rx[index] - mx) * (ry[index] - my)
            vx += (rx[index] - mx) * (rx[index] - mx)
            vy += (ry[index] - my) * (ry[index] - my)
        }
        return vx > 0 && vy > 0 ? covariance / (vx * vy).squareRoot() : 0
    }

    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = Array(repeating: 0.0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let average = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = average }
            start = end + 1
        }
        return ranks
    }

    /// The figures in a sentence each.
    public var text: String {
        """
        Residents on at least one list: \(residentsOnLists); truly high-need (top tenth of hidden need among them): \(highNeedCount).
        Of the truly high-need, \(Self.percent(shareInTopDecile)) are in the top tenth of scores and \(Self.percent(shareInPurpleOrRed)) are rated Purple or Red (against \(Self.percent(purpleOrRedShareOverall)) of everyone on the lists).
        Rank correlation of score with hidden need: \(String(format: "%.2f", rankCorrelation)).
        """
    }

    static func percent(_ value: Double) -> String { String(format: "%.0f%%", value * 100) }
}

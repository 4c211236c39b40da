import KithStore
import KithVulnerability

/// `kith score`'s report: people and households by band, the factors found, changes since the last run and the
/// most urgent people.
public enum ScoreSummaryText {
    public static func render(_ summary: VulnerabilityScoring.Summary, matrix: VulnerabilityMatrix, top: Int = 10) -> String {
        var lines: [String] = []
        let run = summary.run
        lines.append(
            "Scored \(summary.persons.count) people and \(summary.households.count) households with \(matrix.name) \(matrix.version), as of \(run.referenceDate): score run \(run.id ?? 0)."
        )
        if summary.unlinkedRowCount > 0 {
            lines.append("\(summary.unlinkedRowCount) rows imported since the last `kith link` are not scored: run `kith link`, then `kith score`.")
        }
        lines.append("")
        var table = [["band", "people", "children", "adults", "older adults", "households"]]
        for band in Band.allCases {
            let people = summary.persons.filter { $0.band == band }
            table.append(
                [band.label, String(people.count)] + Cohort.allCases.map { cohort in String(people.count { $0.cohort == cohort }) }
                    + [String(summary.householdCount(in: band))]
            )
        }
        lines += TextTable.render(table)
        lines.append("")
        var counts: [String: Int] = [:]
        for person in summary.persons { for reason in person.reasons { counts[reason.factor, default: 0] += 1 } }
        lines.append("Factors found (people):")
        let found = matrix.factors.filter { counts[$0.id] != nil }.sorted { counts[$0.id]! > counts[$1.id]! }
        lines += TextTable.render(found.map { [$0.label, String(counts[$0.id]!)] })
        let unused = matrix.factors.filter { counts[$0.id] == nil }
        if !unused.isEmpty {
            lines.append("  Not found on anyone (no list carries them yet, or no one has them): " + unused.map(\.id).joined(separator: ", "))
        }
        lines.append("")
        if summary.isFirstRun {
            lines.append("This is the first score run: the next one will list who moved between bands.")
        } else {
            lines.append("Changes since the previous score run:")
            lines += TextTable.render(ScoreChange.Kind.allCases.map { kind in [kind.rawValue, String(summary.changes.count { $0.kind == kind })] })
            let moves = summary.changes.filter { $0.kind == .movedUp || ($0.kind == .newlyIdentified && ($0.to ?? .green) >= .red) }.prefix(top)
            for change in moves {
                let name = summary.names[change.personID] ?? ""
                lines.append("  \(change.personID) \(name): \(change.from?.label ?? "new") → \(change.to?.label ?? "off the lists")")
            }
        }
        guard top > 0 else { return lines.joined(separator: "\n") }
        lines.append("")
        lines.append("Most urgent:")
        let urgent = summary.persons.sorted { ($0.band, $0.score, $1.personID) > ($1.band, $1.score, $0.personID) }.prefix(top)
        lines += TextTable.render(
            urgent.map { person in
                [
                    person.personID, person.band.label, String(person.score), person.cohort.label,
                    person.reasons.prefix(3).map(\.text).joined(separator: "; "),
                ]
            })
        return lines.joined(separator: "\n")
    }
}

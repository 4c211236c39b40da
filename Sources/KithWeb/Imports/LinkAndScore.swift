import Foundation
import KithOutreach
import KithPersons
import KithStore
import KithVulnerability

/// "Link and score now" after an import: links the store's rows into persons as `kith link` does (the snapshot
/// beside the store file), then scores everyone under the standard matrix as `kith score` does. Blocking: run it
/// with ``offload(_:)``.
struct LinkAndScore: Sendable {
    let database: any Store
    let configuration: WebConfiguration

    /// Links and scores as `account` (each records itself in the audit trail); returns the link run's id, or nil when
    /// the store has no rows to link.
    func run(by account: String) throws -> Int64? {
        guard try database.imports.rowCount() > 0 else { return nil }
        let index = PersonIndex(
            database: database, referenceDate: configuration.today,
            snapshotFile: configuration.storePath.map(PersonIndex.snapshotFile(forStoreAt:))
        )
        try index.link(by: account)
        guard let run = try database.linkage.latestRunID() else { return nil }
        _ = try VulnerabilityScoring(database: database, matrix: .standard, referenceDate: configuration.today).run(scoredBy: account)
        return run
    }
}

extension ImportController {
    /// The notice after "Link and score now", from the run `linked` names (`none` when there was nothing to link).
    func linkNotice(_ linked: String?) async throws -> String? {
        if linked == "none" { return "There was nothing to link: import a partner's list first." }
        guard let runID = linked.flatMap({ Int64($0) }) else { return nil }
        return try await notice(forLinkRun: runID)
    }

    /// What the imports page says after a run, read back from the store: the link run `runID` and the scoring of it.
    /// Pairs waiting for review are the review queue as the home page counts it (undecided pairs of every run), not
    /// the run's own uncertain pairs, some of which people have already decided.
    private func notice(forLinkRun runID: Int64) async throws -> String? {
        let status = try await linkage.status()
        guard let run = status.latestRun, run.id == runID else { return nil }
        let report = try? JSONDecoder().decode(NewPersons.self, from: Data(run.report.utf8))
        var text =
            "Linked \(ImportWording.plural(run.newRecordCount, "new record")) (\(run.recordCount.formatted()) in all): "
            + "\(ImportWording.plural(run.personCount, "person")) (\((report?.newPersons ?? 0).formatted()) new or changed), "
            + "\(ImportWording.plural(status.reviewWaiting, "pair")) waiting for review."
        if let scoreRun = try await outreach.latestScoreRun(), scoreRun.linkRunId == runID, let scoreID = scoreRun.id {
            let bands = try await outreach.bandCounts(inRun: scoreID)
            let purple = bands[Band.purple.rawValue] ?? 0
            let red = bands[Band.red.rawValue] ?? 0
            text += " Scored \(ImportWording.plural(scoreRun.personCount, "person")): \(purple.formatted()) Purple, \(red.formatted()) Red."
        }
        return text
    }
}

/// The one figure of a run's saved report that its record does not hold.
private struct NewPersons: Decodable {
    var newPersons: Int
}

import Foundation
import KithLinkage

/// The summary of a linkage run that `kith link` prints.
public enum LinkSummaryText {
    public static func render(_ report: LinkageReport) -> String {
        var lines: [String] = []
        let mode =
            report.mode == .incremental
            ? "Linked \(report.newRecords) new records onto \(report.records - report.newRecords)" : "Linked \(report.records) records"
        lines.append(String(format: "%@ in %.1f s: %d persons.", mode, report.seconds, report.persons))
        lines.append(
            "Links: \(report.automaticLinks) automatic (match probability ≥ \(report.thresholds.link)), \(report.ruleLinks) by rule "
                + "(same NHS number, UPN or partner id), \(report.decidedLinks) by people's decisions. "
                + "\(report.reviewPairs) pairs for review (≥ \(report.thresholds.review))."
        )
        lines.append("Blocking: \(report.candidatePairs) pairs compared, blocks capped at \(report.blocking.maximumBlockSize) records.")
        for rule in report.blocking.rules {
            var line =
                "  " + rule.rule.padding(toLength: 44, withPad: " ", startingAt: 0)
                + String(format: "%10d new pairs, largest block %d", rule.newPairs, rule.largestBlock)
            if rule.cappedBlocks > 0 { line += ", \(rule.cappedBlocks) blocks skipped (\(rule.cappedRecords) records)" }
            lines.append(line)
        }
        if let training = report.training {
            lines.append(
                String(
                    format:
                        "Model: trained on %d candidate pairs (%d share an NHS number or UPN) and %d random pairs; %.0f%% of candidates are matches.",
                    training.candidatePairs, training.trustedPairs, training.randomPairs, training.candidateMatchShare * 100
                ) + (training.mSource.isEmpty ? "" : " Agreement among matches learned from " + training.mSource + ".")
            )
            for warning in training.warnings { lines.append("Warning: " + warning) }
        }
        if !report.splits.isEmpty {
            lines.append("Split \(report.splits.count) groups that broke a rule:")
            for split in report.splits.prefix(10) {
                lines.append("  \(split.recordKeys.count) records into \(split.persons) persons: \(split.reasons.joined(separator: "; "))")
            }
        }
        if !report.merges.isEmpty {
            lines.append("Merged \(report.merges.count) persons into others (their old ids still lead there).")
        }
        lines.append(
            "Stages: " + report.stageSeconds.map { String(format: "%@ %.2f s", $0.stage, $0.seconds) }.joined(separator: ", ")
        )
        return lines.joined(separator: "\n")
    }
}

import Foundation
import KithSpreadsheet

/// Writes a Data Checker report for people (text), programs (JSON) or spreadsheets (CSV).
public enum CheckReportRenderer {
    /// The forms a report can take.
    public enum Format: String, CaseIterable, Sendable {
        case text, json, csv
    }

    public static func render(_ report: CheckReport, as format: Format) throws -> String {
        switch format {
        case .text: text(report)
        case .json: try json(report)
        case .csv: csv(report)
        }
    }

    static func json(_ report: CheckReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }

    /// One row per finding. Values are the partner's own, so any that a spreadsheet would run as a formula
    /// (starting with = + - @, a tab or a carriage return) is written with a leading apostrophe.
    static func csv(_ report: CheckReport) -> String {
        var lines = ["severity,row,column,header,tag,value,check,message,suggestion"]
        for finding in report.findings {
            let fields = [
                finding.severity.rawValue, finding.row.map(String.init) ?? "", finding.column ?? "", finding.header ?? "",
                finding.tag ?? "", finding.value ?? "", finding.check, finding.message, finding.suggestion ?? "",
            ]
            lines.append(fields.map { quote(FormulaGuard.neutralise($0)) }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    static func text(_ report: CheckReport) -> String {
        var lines: [String] = []
        lines.append(
            "Data Checker: \(report.file)\(report.sheet.map { ", sheet \"\($0)\"" } ?? ""), \(report.rows) rows, \(report.columns.count) columns")
        lines.append("")
        lines.append("Columns:")
        for column in report.columns {
            let tag = column.tag.map { "\($0) (\(column.label ?? "not in the dictionary"), \(column.origin))" } ?? "not tagged"
            lines.append(
                "  \(column.letter.padding(toLength: 3, withPad: " ", startingAt: 0)) \(column.header.isEmpty ? "(no header)" : column.header) → \(tag)"
            )
        }
        lines.append("")
        if report.findings.isEmpty {
            lines.append("No findings: the list passed every check.")
        } else {
            lines.append("Findings:")
            for finding in report.findings {
                var place: [String] = []
                if let row = finding.row { place.append("row \(row)") }
                if let column = finding.column { place.append("column \(column)" + (finding.header.map { " (\($0))" } ?? "")) }
                var line =
                    "  \(finding.severity.rawValue.uppercased()) \(place.isEmpty ? "whole list" : place.joined(separator: ", ")): \(finding.message)"
                if let value = finding.value { line += " Value: \"\(value)\"." }
                if let suggestion = finding.suggestion { line += " Suggestion: \(suggestion)" }
                line += " [\(finding.check)]"
                lines.append(line)
            }
        }
        lines.append("")
        lines.append("Summary by check:")
        for (check, count) in report.summary.byCheck.sorted(by: {
            ($0.value.severity, $0.value.count, $1.key) > ($1.value.severity, $1.value.count, $0.key)
        }) {
            lines.append(
                "  \(count.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(String(count.count).padding(toLength: 7, withPad: " ", startingAt: 0)) \(check)"
            )
        }
        if report.summary.notListed > 0 {
            lines.append(
                "  (\(report.summary.notListed) findings are counted here but not listed above: at most \(DataChecker.findingsListedPerCheck) per check and column are listed.)"
            )
        }
        lines.append(
            "\(count(report.summary.errors, "error")), \(count(report.summary.warnings, "warning")), \(count(report.summary.info, "note")). "
                + (report.hasErrors ? "Fix the errors before relying on this list." : "No errors.")
        )
        return lines.joined(separator: "\n")
    }
}

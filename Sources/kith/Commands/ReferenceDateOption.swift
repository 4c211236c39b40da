import ArgumentParser
import KithSpreadsheet

/// The `--as-of DATE` option: the date lists are checked against (dates of birth after it are in the future).
struct ReferenceDateOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "Check dates against this day (yyyy-mm-dd) instead of today.")
    var asOf: String?

    func date() throws -> CivilDate {
        guard let asOf else { return .today }
        guard let date = CivilDate(iso: asOf) else { throw ValidationError("--as-of must be a date such as 2026-11-16.") }
        return date
    }
}

/// Neutralises spreadsheet formula injection in exported cells.
///
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return may run as a formula when a CSV or
/// workbook is opened in Excel (OWASP "CSV injection"). Such a value is written with a leading apostrophe,
/// which spreadsheets show as text and do not run.
public enum FormulaGuard {
    public static func neutralise(_ value: String) -> String {
        guard let first = value.utf8.first else { return value }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return "'" + value
        default: return value
        }
    }

    /// The value ``neutralise(_:)`` was given, from what it returned: a value read back from a file Kith wrote.
    /// Text that `neutralise` would not have written comes back unchanged.
    public static func original(_ written: String) -> String {
        guard written.hasPrefix("'") else { return written }
        let rest = String(written.dropFirst())
        return neutralise(rest) == written ? rest : written
    }
}

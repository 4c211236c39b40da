import Foundation

/// One problem found in a directory item, in words a volunteer can act on: which item, which field, what is
/// wrong and what to do.
public struct DirectoryFinding: Sendable, Equatable, CustomStringConvertible {
    /// An error keeps the item out; a warning lets it in but should be fixed.
    public enum Severity: String, Sendable, Equatable {
        case error
        case warning
    }

    public var severity: Severity
    /// What kind of item: `service`, `organization`, `location`, `taxonomy term`, or `file`.
    public var itemKind: String
    /// The item's id, when it has one that could be read.
    public var itemID: String?
    /// The item's place in its file or sheet, from 1, when that is how it is best found.
    public var position: Int?
    /// The field, as a path into the ORUK JSON: `service_at_locations[0].location.latitude`.
    public var field: String
    public var problem: String
    public var remedy: String
    /// Where a template's cell is, for findings from a spreadsheet.
    public var cell: TemplateCell?

    public init(
        severity: Severity = .error, itemKind: String, itemID: String?, position: Int? = nil, field: String, problem: String,
        remedy: String, cell: TemplateCell? = nil
    ) {
        self.severity = severity
        self.itemKind = itemKind
        self.itemID = itemID
        self.position = position
        self.field = field
        self.problem = problem
        self.remedy = remedy
        self.cell = cell
    }

    /// `Error: service 3f7b… (item 2), field status: "closed" is not a service status. Use one of: …`
    public var description: String {
        var whereText = itemKind
        if let itemID, !itemID.isEmpty { whereText += " " + itemID }
        if let position { whereText += itemID == nil ? " number \(position)" : " (number \(position))" }
        if let cell { whereText += " (sheet \"\(cell.sheet)\", row \(cell.row), column \"\(cell.column)\")" }
        let label = severity == .error ? "Error" : "Warning"
        return "\(label): \(whereText), field \(field.isEmpty ? "(the whole item)" : field): \(problem) \(remedy)"
    }
}

/// A cell of a filled-in directory template: its sheet, its row as Excel numbers it, its column's header.
public struct TemplateCell: Sendable, Equatable {
    public var sheet: String
    public var row: Int
    public var column: String

    public init(sheet: String, row: Int, column: String) {
        self.sheet = sheet
        self.row = row
        self.column = column
    }
}

import Foundation
import KithSpreadsheet
import KithStore

/// The audit trail's filters as a request gives them (`actor`, `action`, `person`, `from`, `until`), for the audit
/// page, its download and the API.
enum AuditFilter {
    /// The audit filter a request asks for, and what is wrong with it: a date or action that cannot be read is
    /// named rather than ignored, which would show every entry as if filtered.
    static func query(_ query: FormFields) -> (query: AuditQuery, errors: [PageRenderer.FieldError]) {
        var errors: [PageRenderer.FieldError] = []
        var dates: [String: String] = [:]
        for (name, label) in [("from", "From"), ("until", "Until")] {
            guard let text = query.text(name) else { continue }
            if CivilDate(iso: text) != nil {
                dates[name] = text
            } else {
                errors.append(.init(field: name, message: "Enter the \(label.lowercased()) date as a date, like 2026-11-16"))
            }
        }
        var action = query.text("action")
        if let given = action, AuditTrail.Action(rawValue: given) == nil {
            errors.append(.init(field: "action", message: "Choose what from the list (\"\(given.prefix(40))\" is not an action Kith records)"))
            action = nil
        }
        let filter = AuditQuery(
            actor: query.text("actor"), action: action, personId: query.text("person"), from: dates["from"], until: dates["until"]
        )
        return (filter, errors)
    }

    /// The filters given, as a query string for the page's links (`actor=admin&action=search`).
    static func queryString(_ query: FormFields) -> String {
        ["actor", "action", "person", "from", "until"].compactMap { name in
            query.text(name).map { name + "=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }
        }.joined(separator: "&")
    }
}

import Foundation
import Hummingbird
import KithAccess
import KithSpreadsheet
import KithStore

extension WebApp {
    /// `/audit`: the audit trail for admins, filtered by who, what, which resident and when, and its CSV export.
    func addAuditRoutes(to router: RouterGroup<WebRequestContext>) {
        router.get("audit") { request, context -> Response in
            let signedIn = try require(.readAudit, request, context)
            let query = FormFields.query(of: request)
            let page = max(1, query.text("page").flatMap(Int.init) ?? 1)
            var (filter, filterErrors) = Self.auditQuery(query)
            filter.limit = Self.auditPageSize
            filter.offset = (page - 1) * Self.auditPageSize
            let total = try database.audit.count(filter)
            let events = try database.audit.events(filter)
            let persons = try database.audit.personIds(ofEvents: events.compactMap(\.id))
            let pageCount = max(1, (total + Self.auditPageSize - 1) / Self.auditPageSize)
            let filterQuery = Self.auditQueryString(query)
            let values: [String: Any] = [
                "total": total == 1 ? "1 entry" : "\(total.formatted()) entries", "page": page, "pageCount": pageCount,
                "previous": page > 1 ? "/audit?\(filterQuery)&page=\(page - 1)" : nil as String? as Any,
                "next": page < pageCount ? "/audit?\(filterQuery)&page=\(page + 1)" : nil as String? as Any,
                "exportQuery": filterQuery,
                "actor": query.text("actor") ?? "", "person": query.text("person") ?? "",
                "from": query.text("from") ?? "", "until": query.text("until") ?? "",
                "actions": AuditTrail.Action.allCases.map { ["value": $0.rawValue, "selected": $0.rawValue == query.text("action")] },
                "events": events.map { event in
                    let residents = persons[event.id ?? 0] ?? []
                    return [
                        "at": DisplayTime.text(event.at), "actor": event.actor, "action": event.action, "subject": event.subject,
                        "personCount": event.personCount, "detail": event.detail,
                        "residents": residents.prefix(5).map { ["id": $0] },
                        "moreResidents": residents.count > 5 ? "and \(residents.count - 5) more" : "",
                    ] as [String: Any]
                },
            ]
            return pages.page(
                "audit", title: "Audit trail", values: values, signedIn: signedIn, path: request.uri.path, errors: filterErrors,
                status: filterErrors.isEmpty ? .ok : .badRequest
            )
        }
        router.get("audit/export") { request, context -> Response in
            let signedIn = try require(.readAudit, request, context)
            var (filter, filterErrors) = Self.auditQuery(FormFields.query(of: request))
            if let problem = filterErrors.first { throw WebError.badRequest(problem.message + ".") }
            filter.limit = 1_000_000
            let events = try database.audit.events(filter)
            let persons = try database.audit.personIds(ofEvents: events.compactMap(\.id))
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("kith-audit-\(UUID().uuidString).csv")
            defer { try? FileManager.default.removeItem(at: file) }
            let writer = try CSVWriter(url: file, delimiter: ",", encoding: .utf8WithBOM)
            try writer.appendRow(["id", "at", "actor", "action", "subject", "person_count", "person_ids", "detail"])
            for event in events {
                try writer.appendRow(
                    [
                        String(event.id ?? 0), event.at, event.actor, event.action, event.subject, String(event.personCount),
                        (persons[event.id ?? 0] ?? []).joined(separator: " "), event.detail,
                    ].map(FormulaGuard.neutralise)
                )
            }
            try writer.finish()
            try AuditTrail(database: database).record(
                .exportAudit, by: signedIn.name, subject: "audit trail", personCount: 0, detail: "\(events.count) events"
            )
            return Response(
                status: .ok,
                headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"kith-audit-\(CivilDate.today).csv\""],
                body: .init(byteBuffer: ByteBuffer(bytes: try Data(contentsOf: file)))
            )
        }
    }

    static let auditPageSize = 100

    /// The audit filter a request asks for, and what is wrong with it: a date or action that cannot be read is
    /// named rather than ignored, which would show every entry as if filtered.
    static func auditQuery(_ query: FormFields) -> (query: AuditQuery, errors: [PageRenderer.FieldError]) {
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

    static func auditQueryString(_ query: FormFields) -> String {
        ["actor", "action", "person", "from", "until"].compactMap { name in
            query.text(name).map { name + "=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }
        }.joined(separator: "&")
    }
}

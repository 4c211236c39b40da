import Foundation
import Hummingbird
import KithAccess
import KithSpreadsheet
import KithStore

/// `/audit`: the audit trail for admins, filtered by who, what, which resident and when, and its CSV download.
struct AuditController<Audit: AuditRepository>: Sendable {
    typealias Context = WebRequestContext

    let audit: Audit
    /// Writes the download and audits it, as any door that exports the trail does.
    let export: AuditExport
    let roles: RoleCheck
    let pages: PageRenderer

    /// Entries on one page of the trail.
    static var pageSize: Int { 100 }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("audit", use: list)
        group.get("audit/export", use: download)
    }

    /// One page of the entries the filters select, latest first; a filter that cannot be read is named (400).
    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.readAudit, request, context)
        let query = FormFields.query(of: request)
        let page = max(1, query.text("page").flatMap(Int.init) ?? 1)
        var (filter, filterErrors) = AuditFilter.query(query)
        filter.limit = Self.pageSize
        filter.offset = (page - 1) * Self.pageSize
        let read = try await audit.eventPage(filter)
        let pageCount = max(1, (read.total + Self.pageSize - 1) / Self.pageSize)
        return pages.page(
            "audit", title: "Audit trail", model: AuditPage(read, page: page, pageCount: pageCount, filters: query), signedIn: signedIn,
            path: request.uri.path, errors: filterErrors, status: filterErrors.isEmpty ? .ok : .badRequest
        )
    }

    /// Every entry the filters select, as a CSV file; the download is audited by ``AuditExport``.
    @Sendable func download(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.readAudit, request, context)
        let (filter, filterErrors) = AuditFilter.query(FormFields.query(of: request))
        if let problem = filterErrors.first { throw WebError.badRequest(problem.message + ".") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kith-audit-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try await export.write(filter, to: file, by: signedIn.name)
        return Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"kith-audit-\(CivilDate.today).csv\""],
            body: .init(byteBuffer: ByteBuffer(bytes: try Data(contentsOf: file)))
        )
    }
}

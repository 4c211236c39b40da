import Hummingbird
import KithAccess
import KithStore

extension WebApp {
    /// `/audit`, over the store's audit repository, opened from its existential here so that the controller is
    /// specialised for the store's own type.
    func addAuditController(to group: RouterGroup<WebRequestContext>) {
        func add(_ audit: some AuditRepository) {
            AuditController(audit: audit, export: AuditExport(audit: AuditTrail(database: database)), roles: roles, pages: pages)
                .addRoutes(to: group)
        }
        add(database.audit)
    }

    /// The audit filter a request asks for, and what is wrong with it (see ``AuditFilter``): for the API's route until
    /// it moves into a controller; removed after that.
    static func auditQuery(_ query: FormFields) -> (query: AuditQuery, errors: [PageRenderer.FieldError]) {
        AuditFilter.query(query)
    }
}

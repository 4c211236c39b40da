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
}

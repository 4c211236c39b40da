import Hummingbird
import KithAccess
import KithOutreach
import KithPersons
import KithStore

extension WebApp {
    /// `/persons` and `/persons/{id}`, over the store's linkage and outreach repositories, opened from their
    /// existentials here so that the controller is specialised for the store's own types.
    func addPersonController(to group: RouterGroup<WebRequestContext>) {
        func add(_ linkage: some LinkageRepository, _ outreach: some OutreachRepository) {
            let contacts = ContactRecorder(database: database)
            PersonController(
                linkage: linkage, outreach: outreach, search: residentSearch, viewer: residentViewer, contacts: contacts, profiles: profiles,
                roles: roles, residents: residentCheck, pages: pages
            ).addRoutes(to: group)
        }
        add(database.linkage, database.outreach)
    }

    /// The person search, for the search page and the API.
    var residentSearch: ResidentSearch {
        let search = PersonSearch(audit: AuditTrail(database: database))
        return ResidentSearch(index: searchIndex, residents: residentCheck, search: search, configuration: configuration)
    }

    /// One resident as an account may see them, for the person page and the API.
    var residentViewer: ResidentViewer {
        ResidentViewer(database: database, residents: residentCheck, configuration: configuration)
    }
}

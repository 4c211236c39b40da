import Foundation
import Hummingbird
import KithAccess
import KithStore

extension WebApp {
    /// `/`: where an account's work starts.
    func addHomeRoutes(to router: RouterGroup<WebRequestContext>) {
        router.get("/") { request, context -> Response in
            let signedIn = try requireSignedIn(request, context)
            let sections: [(href: String, label: String, about: String, capability: Capability)] = [
                ("/persons", "Find a resident", "Search by name, date of birth, NHS number or postcode, and see one view of a person.", .searchPersons),
                ("/outreach", "Contact lists", "Who to contact first: highest risk and least recent contact. Download, and record outcomes.", .viewOutreach),
                ("/review", "Review matches", "Pairs of records Kith is unsure about, side by side, for a person to decide.", .reviewMatches),
                ("/imports", "Imports", "Upload a partner's list, check its tags and data, import it; see every import.", .importLists),
                ("/audit", "Audit trail", "Every sign-in, search, view, export, import and decision.", .readAudit),
            ]
            var values: [String: Any] = [
                "account": signedIn.name, "scope": signedIn.scope.description,
                "sections": sections.filter { signedIn.can($0.capability) }.map { ["href": $0.href, "label": $0.label, "about": $0.about] },
            ]
            if signedIn.role.seesEveryone {
                let linkRun = try database.linkage.latestRun()
                let scoreRun = try database.outreach.scoreRuns(limit: 1).first
                values["latest"] = [
                    "rows": try database.imports.rowCount().formatted(), "linkedAt": linkRun.map { DisplayTime.text($0.finishedAt) } ?? "never",
                    "scoredAt": scoreRun.map { DisplayTime.text($0.scoredAt) } ?? "never", "scoredAsOf": scoreRun?.referenceDate ?? "-",
                    "reviewCount": try database.linkage.reviewQueueCount().formatted(),
                ]
            }
            return pages.page("home", title: "Your work in Kith", values: values, signedIn: signedIn, path: request.uri.path)
        }
    }
}

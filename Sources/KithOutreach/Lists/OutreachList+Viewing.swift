import KithSpreadsheet
import KithStore

extension OutreachList {
    /// Reads `count` people of the list in `order`, from its `start`th (counting from 0), for `viewer` to look at,
    /// and writes the view to the audit trail: who looked, through which door, at which persons, and how many the
    /// whole list holds. The contact list page and the API show lists through this, so both are audited alike and
    /// in one place; a download or `kith outreach` is audited as the export it is (``OutreachExport``) instead.
    public static func view(
        _ order: Order, from start: Int = 0, reading count: Int, filter: OutreachFilter, database: any Store,
        referenceDate: CivilDate, viewedBy viewer: String, through door: AuditTrail.Door
    ) throws -> OutreachList {
        var shown = order
        if start > 0 { shown.personIDs = Array(order.personIDs.dropFirst(start)) }
        var list = try make(database: database, order: shown, referenceDate: referenceDate, reading: count)
        list.listedCount = order.personIDs.count
        // The API's views are marked as its person views are ("api: person"), so the trail tells the doors apart.
        try AuditTrail(database: database).record(
            .viewOutreach, by: viewer, subject: door == .api ? "api: contact list" : "contact list",
            personIDs: list.entries.map(\.profile.personID),
            detail: filter.description + "; \(list.listedCount) listed, \(list.entries.count) shown" + (start > 0 ? " from \(start + 1)" : "")
        )
        return list
    }
}

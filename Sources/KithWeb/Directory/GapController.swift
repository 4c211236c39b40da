import Foundation
import Hummingbird
import KithConnect
import KithDirectory
import KithStore

/// `/directory/gaps`: needs against neighbourhoods, with the services and capacity in each and the empty cells
/// marked. It shows services, not residents, but the neighbourhoods come from the residents' lists, so it is for
/// signed-in accounts.
struct GapController: Sendable {
    typealias Context = WebRequestContext

    let gaps: DirectoryGaps
    let roles: RoleCheck
    let pages: PageRenderer

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("directory/gaps", use: show)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try roles.signedIn(request, context)
        let table = try await offload { [gaps] in try gaps.table() }
        return pages.page("directory-gaps", title: "Gaps: needs by neighbourhood", model: GapPage(table), signedIn: signedIn, path: request.uri.path)
    }
}

/// What `directory-gaps.mustache` shows.
struct GapPage {
    struct Cell {
        var count: Int
        var isEmpty: Bool
        var taking: Int
        var places: Int
        var services: String
        var label: String
    }

    struct Row {
        var need: String
        var cells: [Cell]
    }

    var neighbourhoods: [String]
    var rows: [Row]
    var gapCount: Int
    var hasNeighbourhoods: Bool

    init(_ table: GapTable) {
        neighbourhoods = table.neighbourhoods
        rows = table.needs.enumerated().map { row, need in
            Row(
                need: need,
                cells: table.cells[row].enumerated().map { column, cell in
                    Cell(
                        count: cell.services.count, isEmpty: cell.isEmpty, taking: cell.taking, places: cell.placesFree,
                        services: cell.services.joined(separator: ", "),
                        label: cell.isEmpty
                            ? "No service for \(need) in \(table.neighbourhoods[column])"
                            : "\(cell.services.count) for \(need) in \(table.neighbourhoods[column]), \(cell.taking) taking referrals")
                })
        }
        gapCount = table.gaps.count
        hasNeighbourhoods = !table.neighbourhoods.isEmpty
    }
}

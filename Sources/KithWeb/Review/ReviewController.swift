import Foundation
import Hummingbird
import KithAccess
import KithPersons
import KithStandard
import KithStore

/// `/review`: the uncertain pairs, one at a time, side by side, with "Same person", "Not the same person" and
/// "Skip" (and the keys S, N and K).
struct ReviewController<Linkage: LinkageRepository>: Sendable {
    typealias Context = WebRequestContext

    /// The queue, which audits each pair it shows.
    let queue: ReviewQueue<Linkage>
    /// Records a verdict and audits it, as `kith review --decide` and the API do.
    let decisions: MatchReview
    let roles: RoleCheck
    let pages: PageRenderer

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("review", use: show)
        group.post("review", use: decide)
    }

    /// The pair `skip` places into the queue, or the page that says none are left; viewing a pair is audited.
    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.reviewMatches, request, context)
        let query = FormFields.query(of: request)
        let skipped = max(0, query.text("skip").flatMap(Int.init) ?? 0)
        let notice = query.text("decided").map { $0 == "same" ? "Recorded: the same person." : "Recorded: not the same person." }
        let entry = try await queue.entry(at: skipped, viewedBy: signedIn.name)
        guard let pair = entry.pair else {
            return pages.page(
                "review-done", title: "Review matches",
                model: ReviewDonePage(waiting: entry.waiting, skipped: skipped > 0 ? skipped : nil, decisions: entry.decided),
                signedIn: signedIn, path: request.uri.path, notice: notice
            )
        }
        guard entry.rows.count == 2 else { throw WebError.notFound }
        let review = ReviewPair(left: entry.rows[0], right: entry.rows[1], pair: pair, columns: entry.columns, dictionary: .standard)
        return pages.page(
            "review", title: "Review matches", model: ReviewPage(review, position: skipped + 1, waiting: entry.waiting, skip: skipped),
            signedIn: signedIn, path: request.uri.path, notice: notice
        )
    }

    /// Records "same" or "different" and shows the same place in the queue (now the next pair), or skips one on.
    @Sendable func decide(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.reviewMatches, request, context)
        var request = request
        let form = try await FormFields.read(&request, context: context)
        let skipped = max(0, form.text("skip").flatMap(Int.init) ?? 0)
        guard let left = form.text("left").flatMap(Int64.init), let right = form.text("right").flatMap(Int64.init),
            let verdict = form.text("verdict")
        else { throw WebError.badRequest("The decision is missing its pair or verdict. Go back to the review page and choose again.") }
        switch verdict {
        case "skip":
            return WebApp.redirect(to: "/review?skip=\(skipped + 1)")
        case "same", "different":
            let (decisions, note) = (decisions, form.text("note"))
            try await offload {
                try decisions.decide(
                    leftRowId: left, rightRowId: right, verdict: verdict == "same" ? .same : .different, by: signedIn.name, note: note,
                    through: .web
                )
            }
            return WebApp.redirect(to: "/review?skip=\(skipped)&decided=\(verdict)")
        default:
            throw WebError.badRequest("The verdict must be same, different or skip.")
        }
    }
}

import Foundation
import Hummingbird
import KithAccess
import KithLinkage
import KithPersons
import KithStandard
import KithStore

extension WebApp {
    /// `/review`: the uncertain pairs, one at a time, side by side, with "Same person", "Not the same person" and
    /// "Skip" (and the keys S, N and K).
    func addReviewRoutes(to router: RouterGroup<WebRequestContext>) {
        router.get("review") { request, context -> Response in
            let signedIn = try require(.reviewMatches, request, context)
            let query = FormFields.query(of: request)
            let skipped = max(0, query.text("skip").flatMap(Int.init) ?? 0)
            let waiting = try database.linkage.reviewQueueCount()
            let notice = query.text("decided").map { $0 == "same" ? "Recorded: the same person." : "Recorded: not the same person." }
            guard let pair = try database.linkage.reviewQueue(limit: 1, offset: skipped).first else {
                return pages.page(
                    "review-done", title: "Review matches",
                    values: ["waiting": waiting, "skipped": skipped, "decisions": try database.linkage.decisions().count],
                    signedIn: signedIn, path: request.uri.path, notice: notice
                )
            }
            let rows = try database.linkage.linkableRows(ids: [pair.leftRowId, pair.rightRowId])
            guard rows.count == 2 else { throw WebError.notFound }
            let review = ReviewPair(
                left: rows[0], right: rows[1], pair: pair, columns: try database.linkage.linkableColumns(), dictionary: .standard
            )
            let persons = try [pair.leftRowId, pair.rightRowId].compactMap { try database.linkage.personOfRow($0) }
            try AuditTrail(database: database).record(
                .viewReviewPair, by: signedIn.name, subject: "rows \(pair.leftRowId) and \(pair.rightRowId)", personIDs: persons, detail: ""
            )
            let values: [String: Any] = [
                "position": skipped + 1, "waiting": waiting, "skip": skipped,
                "leftRowId": pair.leftRowId, "rightRowId": pair.rightRowId,
                "probability": String(format: "%.0f%%", pair.matchProbability * 100), "weight": String(format: "%.1f", pair.matchWeight),
                "left": ["source": review.left.sourceName, "row": review.left.rowNumber],
                "right": ["source": review.right.sourceName, "row": review.right.rowNumber],
                "lines": review.lines.map { line in
                    ["label": line.label, "left": line.left, "right": line.right, "differs": line.differs, "oneSided": line.isOneSided, "evidence": line.evidence] as [String: Any]
                },
                "leftOthers": review.leftOthers.map { ["header": $0.header, "value": $0.value] },
                "rightOthers": review.rightOthers.map { ["header": $0.header, "value": $0.value] },
                "reason": review.reason ?? "",
                "evidence": review.evidence.map { item in
                    ["field": item.field.replacingOccurrences(of: "_", with: " "), "level": item.level,
                     "weight": String(format: "%+.2f", item.weight), "note": item.note ?? ""]
                },
            ]
            return pages.page("review", title: "Review matches", values: values, signedIn: signedIn, path: request.uri.path, notice: notice)
        }
        router.post("review") { request, context -> Response in
            let signedIn = try require(.reviewMatches, request, context)
            var request = request
            let form = try await FormFields.read(&request, context: context)
            let skipped = max(0, form.text("skip").flatMap(Int.init) ?? 0)
            guard let left = form.text("left").flatMap(Int64.init), let right = form.text("right").flatMap(Int64.init),
                let verdict = form.text("verdict")
            else { throw WebError.badRequest("The decision is missing its pair or verdict. Go back to the review page and choose again.") }
            switch verdict {
            case "skip":
                return Self.redirect(to: "/review?skip=\(skipped + 1)")
            case "same", "different":
                try MatchReview(database: database).decide(
                    leftRowId: left, rightRowId: right, verdict: verdict == "same" ? .same : .different, by: signedIn.name,
                    note: form.text("note"), through: .web
                )
                return Self.redirect(to: "/review?skip=\(skipped)&decided=\(verdict)")
            default:
                throw WebError.badRequest("The verdict must be same, different or skip.")
            }
        }
    }
}

import Foundation
import KithLinkage
import KithStore

/// What `review.mustache` shows: one pair side by side, the evidence for each field, and the form that decides it.
struct ReviewPage {
    /// One of the two rows, as its column heading names it.
    struct Side {
        var source: String
        var row: Int
    }

    /// One detail of both rows, aligned.
    struct Line {
        var label: String
        var left: String
        var right: String
        var differs: Bool
        var oneSided: Bool
        var evidence: String
    }

    /// A column no tag aligns, with what one row says in it.
    struct Other {
        var header: String
        var value: String
    }

    /// How linkage weighed one field.
    struct Evidence {
        var field: String
        var level: String
        var weight: String
        var note: String
    }

    /// The pair's place in the queue, counting from 1.
    var position: Int
    var waiting: Int
    /// Pairs skipped so far, sent back with the decision so that the next page keeps its place.
    var skip: Int
    var leftRowId: Int64
    var rightRowId: Int64
    /// `87%`.
    var probability: String
    /// `6.3`.
    var weight: String
    var left: Side
    var right: Side
    var lines: [Line]
    var leftOthers: [Other]
    var rightOthers: [Other]
    /// Why a rule decided the pair; empty when none did.
    var reason: String?
    var evidence: [Evidence]

    init(_ review: ReviewPair, position: Int, waiting: Int, skip: Int) {
        self.position = position
        self.waiting = waiting
        self.skip = skip
        leftRowId = review.pair.leftRowId
        rightRowId = review.pair.rightRowId
        probability = String(format: "%.0f%%", review.pair.matchProbability * 100)
        weight = String(format: "%.1f", review.pair.matchWeight)
        left = Side(source: review.left.sourceName, row: review.left.rowNumber)
        right = Side(source: review.right.sourceName, row: review.right.rowNumber)
        lines = review.lines.map {
            Line(label: $0.label, left: $0.left, right: $0.right, differs: $0.differs, oneSided: $0.isOneSided, evidence: $0.evidence)
        }
        leftOthers = review.leftOthers.map { Other(header: $0.header, value: $0.value) }
        rightOthers = review.rightOthers.map { Other(header: $0.header, value: $0.value) }
        reason = review.reason
        evidence = review.evidence.map { item in
            Evidence(
                field: item.field.replacingOccurrences(of: "_", with: " "), level: item.level,
                weight: String(format: "%+.2f", item.weight), note: item.note ?? ""
            )
        }
    }
}

/// What `review-done.mustache` shows when no pair is left at this place in the queue.
struct ReviewDonePage {
    var waiting: Int
    /// Pairs skipped in this round; the page mentions them only when there are some.
    var skipped: Int?
    /// Pairs decided so far.
    var decisions: Int
}

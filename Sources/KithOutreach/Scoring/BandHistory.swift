import KithStore

/// A person's band over score runs with repeats folded: runs in a row that gave the same band and score (scoring
/// again on the same lists, "Link and score now" twice) make one period, from its first run's date to its last's.
public struct BandHistory: Sendable, Equatable {
    /// One stretch of runs with the same band and score.
    public struct Period: Sendable, Equatable {
        public var band: String
        public var score: Int
        /// The first and last run's reference dates (`yyyy-mm-dd`); equal for a single run or repeats of one day.
        public var from: String
        public var until: String
        /// When the latest run of the period was made (ISO 8601).
        public var lastScoredAt: String
        public var runCount: Int
    }

    /// Newest first.
    public private(set) var periods: [Period] = []

    /// - Parameter runs: a person's scores, newest run first, as `OutreachRepository.scoreHistory` gives them.
    public init(_ runs: [(run: ScoreRun, score: PersonScore)]) {
        for (run, score) in runs {
            if var last = periods.last, last.band == score.band, last.score == score.score {
                last.from = min(last.from, run.referenceDate)
                last.runCount += 1
                periods[periods.count - 1] = last
            } else {
                periods.append(
                    Period(
                        band: score.band, score: score.score, from: run.referenceDate, until: run.referenceDate, lastScoredAt: run.scoredAt,
                        runCount: 1)
                )
            }
        }
    }
}

/// Where linkage stands, read in one snapshot: the latest run, if any, and the pairs waiting for a reviewer.
public struct LinkageStatus: Sendable {
    public var latestRun: LinkRun?
    /// Undecided pairs of every run, as the review queue counts them.
    public var reviewWaiting: Int

    public init(latestRun: LinkRun?, reviewWaiting: Int) {
        self.latestRun = latestRun
        self.reviewWaiting = reviewWaiting
    }
}

import Foundation
import KithEvaluation
import KithLinkage
import KithPersons
import KithSynthetic
import KithTestSupport
import Testing

/// Accuracy against known truth, so that a change to the engine cannot silently make linking worse.
struct LinkageAccuracyTests {
    @Test func febrl3DeduplicationStaysAbovePointNineNine() throws {
        let file = try TestData.url("febrl/febrl3.csv")
        let outcome = try LinkageEvaluation.febrl(files: [file])
        #expect(outcome.records == 5_000)
        #expect(outcome.scores.pairwiseF1 > 0.99, "pairwise F1 \(outcome.scores.pairwiseF1)")
        #expect(outcome.scores.pairwisePrecision > 0.995)
        #expect(outcome.blockingRecall > 0.98)
    }

    @Test func febrl4ListsLinkAcrossTwoSources() throws {
        let a = try TestData.url("febrl/febrl4a.csv")
        let b = try TestData.url("febrl/febrl4b.csv")
        let outcome = try LinkageEvaluation.febrl(files: [a, b])
        #expect(outcome.scores.pairwiseF1 > 0.99, "pairwise F1 \(outcome.scores.pairwiseF1)")
    }

    @Test(arguments: [UInt64(11), 12])
    func generatedBoroughLinksAccuratelyDespiteHouseholds(seed: UInt64) throws {
        let folder = try TemporaryFolder()
        _ = try BoroughGenerator(configuration: BoroughConfiguration(people: 4_000, seed: seed)).write(to: folder.url)
        let outcome = try LinkageEvaluation.borough(directory: folder.url)
        #expect(outcome.records > 800)
        #expect(outcome.scores.pairwisePrecision > 0.98, "precision \(outcome.scores.pairwisePrecision)")
        #expect(outcome.scores.pairwiseF1 > 0.95, "pairwise F1 \(outcome.scores.pairwiseF1)")
        #expect(outcome.scores.bCubedF1 > 0.98, "B-cubed F1 \(outcome.scores.bCubedF1)")
    }
}

import Testing

@testable import KithLinkage

struct LinkageScoresTests {
    @Test func scoresAPerfectLinkageAsOne() {
        let truth = ["a": 1, "b": 1, "c": 2, "d": 3]
        let scores = LinkageScores(predicted: ["a": "x", "b": "x", "c": "y", "d": "z"], truth: truth)
        #expect(scores.truePositivePairs == 1)
        #expect(scores.pairwiseF1 == 1)
        #expect(scores.bCubedF1 == 1)
    }

    @Test func countsPairsAndRecordsAsTheTextbookDoes() {
        // Truth: {a,b,c} and {d,e}. Predicted: {a,b} and {c,d,e}.
        let truth = ["a": 1, "b": 1, "c": 1, "d": 2, "e": 2]
        let scores = LinkageScores(predicted: ["a": 10, "b": 10, "c": 20, "d": 20, "e": 20], truth: truth)
        // Predicted pairs: ab, cd, ce, de = 4; true pairs: ab, ac, bc, de = 4; right: ab, de = 2.
        #expect(scores.predictedPairs == 4)
        #expect(scores.truePairs == 4)
        #expect(scores.truePositivePairs == 2)
        #expect(scores.pairwisePrecision == 0.5)
        #expect(scores.pairwiseRecall == 0.5)
        // B-cubed precision: a 1, b 1, c 1/3, d 2/3, e 2/3 → 11/15; recall: a 2/3, b 2/3, c 1/3, d 1, e 1 → 11/15.
        #expect(abs(scores.bCubedPrecision - 11.0 / 15.0) < 1e-12)
        #expect(abs(scores.bCubedRecall - 11.0 / 15.0) < 1e-12)
        #expect(scores.summary == "pairwise P 0.500 R 0.500 F1 0.500 · B-cubed F1 0.733")
    }

    @Test func treatsUnplacedRecordsAsAlone() {
        let truth = ["a": 1, "b": 1, "c": 2]
        let scores = LinkageScores(predicted: [String: Int](), truth: truth)
        #expect(scores.predictedPairs == 0)
        #expect(scores.pairwisePrecision == 1)
        #expect(scores.pairwiseRecall == 0)
        #expect(scores.pairwiseF1 == 0)
        #expect(abs(scores.bCubedRecall - (0.5 + 0.5 + 1) / 3) < 1e-12)
    }
}

import Testing

@testable import KithPlaces

/// Round ticks: steps of 1, 2 or 5 times a power of ten, covering the values.
struct AxisTicksTests {
    @Test func ticksAreRoundAndCoverTheValues() {
        #expect(AxisTicks(from: 0, through: 100).values == [0, 20, 40, 60, 80, 100])
        #expect(AxisTicks(from: 0, through: 87).values == [0, 20, 40, 60, 80, 100])
        #expect(AxisTicks(from: 0, through: 7).values == [0, 2, 4, 6, 8])
        #expect(AxisTicks(from: 0, through: 3).values == [0, 1, 2, 3])
        #expect(AxisTicks(from: -12, through: 40).values == [-20, 0, 20, 40])
        #expect(AxisTicks(from: 0, through: 12_500).values == [0, 5_000, 10_000, 15_000])
    }

    @Test func smallStepsAreExactDecimals() {
        let ticks = AxisTicks(from: 0, through: 0.3)
        #expect(ticks.values == [0, 0.1, 0.2, 0.3])
        #expect(ticks.values.map(ticks.label) == ["0.0", "0.1", "0.2", "0.3"])
        #expect(AxisTicks(from: 0, through: 1_000).values.map(AxisTicks(from: 0, through: 1_000).label).last == "1,000")
    }

    @Test func aSingleValueOrNothingStillGivesAnAxis() {
        #expect(AxisTicks(from: 0, through: 0).values == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(AxisTicks(from: 5, through: 5).values == [0, 1, 2, 3, 4, 5])
        #expect(AxisTicks(from: .nan, through: .infinity).values == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(AxisTicks(from: -7, through: -7).values == [-8, -6, -4, -2, 0])
        #expect(AxisTicks(from: -Double.greatestFiniteMagnitude, through: .greatestFiniteMagnitude).values.count > 1)
    }

    @Test func countsHaveWholeSteps() {
        #expect(AxisTicks(from: 0, through: 2, wholeNumbers: true).values == [0, 1, 2])
        #expect(AxisTicks(from: 0, through: 0, wholeNumbers: true).values == [0, 1])
        #expect(AxisTicks(from: 0, through: 0, wholeNumbers: true).label(1) == "1")
        #expect(AxisTicks(from: 0, through: 2).values == [0, 0.5, 1, 1.5, 2])
        #expect(AxisTicks(from: 0, through: 100, wholeNumbers: true).values == [0, 20, 40, 60, 80, 100])
    }

    @Test func positionRunsFromLowerToUpper() {
        let ticks = AxisTicks(from: -20, through: 60)
        #expect(ticks.position(-20) == 0 && ticks.position(60) == 1 && ticks.position(20) == 0.5)
    }
}

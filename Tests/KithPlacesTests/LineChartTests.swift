import Foundation
import Testing

@testable import KithPlaces

/// Trend lines: round ticks from 0, series told apart by more than colour, gaps for missing weeks, tooltips, labels
/// thinned to fit, and zero or one week.
struct LineChartTests {
    static let weeks = ["2026-W45", "2026-W46", "2026-W47", "2026-W48"]

    static func chart(labels: [String] = weeks, series: [LineChart.Series]) -> LineChart {
        LineChart(
            title: "Requests a week by hub", description: "Requests rose at both hubs.", idPrefix: "trend", labels: labels, series: series,
            valueLabel: "Requests")
    }

    static let hubs = [
        LineChart.Series(name: "Ashbrook hub", values: [12, 18, 25, 31]),
        LineChart.Series(name: "Kithmoor hub", values: [5, nil, 9, 14]),
    ]

    @Test func theValueAxisStartsAtZeroWithRoundTicks() throws {
        let root = try #require(parseSVG(Self.chart(series: Self.hubs).svg()))
        #expect(root["role"] == "img" && root["aria-labelledby"] == "trend-title trend-desc")
        let texts = try #require(root.all(class: "kith-chart-axis").first).all("text").map(\.text)
        #expect(Array(texts.prefix(6)) == ["Requests", "0", "10", "20", "30", "40"])
        #expect(Array(texts.suffix(4)) == Self.weeks)
    }

    @Test func seriesDifferInDashesAndShapesAsWellAsColour() throws {
        let root = try #require(parseSVG(Self.chart(series: Self.hubs).svg()))
        let lines = root.all(class: "kith-line")
        #expect(lines.count == 2)
        #expect(lines[0]["stroke"] != lines[1]["stroke"])
        #expect(lines[0]["stroke-dasharray"] == nil && lines[1]["stroke-dasharray"] == "8 4")
        let series = root.all(class: "kith-line-series")
        #expect(series[0].all("circle").count == 4 && series[1].all("rect").count == 3)
        // The legend shows each series' line, dashes and shape beside its name.
        let legend = try #require(root.all(class: "kith-chart-legend").first)
        #expect(legend.all("text").map(\.text) == ["Ashbrook hub", "Kithmoor hub"])
        #expect(legend.all("line")[1]["stroke-dasharray"] == "8 4" && legend.all("rect").count == 1)
        #expect(LineChart.Style.all.count == Set(LineChart.Style.all.map(\.dashes)).count)
    }

    @Test func aMissingWeekBreaksTheLine() throws {
        let root = try #require(parseSVG(Self.chart(series: Self.hubs + [.init(name: "Wenlow", values: [1, .nan, 2])]).svg()))
        let paths = root.all(class: "kith-line").compactMap { $0["d"] }
        #expect(paths[0].filter { $0 == "M" }.count == 1 && paths[0].filter { $0 == "L" }.count == 3)
        #expect(paths[1].filter { $0 == "M" }.count == 2 && paths[1].filter { $0 == "L" }.count == 1)
        // A series shorter than the labels has nothing for the last weeks.
        #expect(paths[2].filter { $0 == "M" }.count == 2 && paths[2].filter { $0 == "L" }.count == 0)
    }

    @Test func everyPointHasATooltip() throws {
        let root = try #require(parseSVG(Self.chart(series: Self.hubs).svg()))
        let points = root.all(class: "kith-line-points").flatMap(\.children)
        #expect(points.count == 7)
        #expect(points.first?.children.first?.text == "Ashbrook hub, 2026-W45: 12")
        #expect(points.last?.children.first?.text == "Kithmoor hub, 2026-W48: 14")
    }

    @Test func labelsAreThinnedWhenTheyWouldOverlap() throws {
        let year = (1...52).map { String(format: "2026-W%02d", $0) }
        let root = try #require(parseSVG(Self.chart(labels: year, series: [.init(name: "All", values: year.indices.map { Double($0) })]).svg()))
        let shown = root.all(class: "kith-chart-axis").first!.all("text").map(\.text).filter { $0.hasPrefix("2026-W") }
        #expect(shown.first == "2026-W01" && shown.count < 52 && shown.count >= 4)
        let positions = root.all(class: "kith-chart-axis").first!.all("text").filter { $0.text.hasPrefix("2026-W") }.compactMap {
            $0["x"].flatMap(Double.init)
        }
        #expect(zip(positions, positions.dropFirst()).allSatisfy { $1 - $0 >= TextWidth.of("2026-W01", size: 12) })
    }

    @Test func zeroOrOneWeekStillDraws() throws {
        let none = try #require(parseSVG(Self.chart(labels: [], series: Self.hubs).svg()))
        #expect(none.all(class: "kith-no-data").first?.text == "No data")
        let nothing = try #require(parseSVG(Self.chart(series: [.init(name: "Empty", values: [nil, .nan])]).svg()))
        #expect(nothing.all(class: "kith-no-data").first?.text == "No data")
        #expect(parseSVG(Self.chart(series: []).svg())?.all(class: "kith-no-data").count == 1)
        let one = try #require(parseSVG(Self.chart(labels: ["2026-W45"], series: [.init(name: "Ashbrook hub", values: [7])]).svg()))
        #expect(one.all(class: "kith-line-point").count == 2, "the point and the legend's")
        #expect(one.all(class: "kith-line").first?["d"]?.hasPrefix("M") == true)
    }

    @Test func theSameChartGivesTheSameBytes() {
        #expect(Self.chart(series: Self.hubs).svg() == Self.chart(series: Self.hubs).svg())
        #expect(Self.chart(series: Self.hubs).svg() != Self.chart(series: Array(Self.hubs.reversed())).svg())
        #expect(!Self.chart(series: Self.hubs).svg().contains("style"))
    }
}

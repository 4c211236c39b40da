import Testing

@testable import KithPlaces

/// Bar charts: round ticks, negative bars left of zero, missing figures said, long names wrapped, highlights not by
/// colour alone, and zero or one bar.
struct BarChartTests {
    static func chart(_ bars: [BarChart.Bar], reference: BarChart.Reference? = nil) -> BarChart {
        BarChart(
            title: "Requests per 1,000 residents by ward", description: "Ashbrook has the most.", idPrefix: "wards", bars: bars,
            reference: reference, axisLabel: "Per 1,000 residents")
    }

    static let wards = [
        BarChart.Bar(label: "Ashbrook", value: 87.5), BarChart.Bar(label: "Kithmoor Central", value: 42, highlighted: true),
        BarChart.Bar(label: "Little Wenlow", value: 12.25),
    ]

    @Test func ticksAreRoundAndBarsAreToScale() throws {
        let root = try #require(parseSVG(Self.chart(Self.wards).svg()))
        #expect(root["role"] == "img" && root["aria-labelledby"] == "wards-title wards-desc")
        let axis = try #require(root.all(class: "kith-chart-axis").first)
        #expect(axis.all("text").map(\.text) == ["0", "20", "40", "60", "80", "100", "Per 1,000 residents"])
        let bars = root.all(class: "kith-bar")
        #expect(bars.count == 3)
        let widths = bars.compactMap { $0["width"].flatMap(Double.init) }
        #expect(abs(widths[0] / widths[2] - 87.5 / 12.25) < 0.05)
        #expect(Set(bars.compactMap { $0["x"] }).count == 1, "every bar starts at zero")
        #expect(root.all(class: "kith-bar-value").map(\.text) == ["87.5", "42.0", "12.3"])
        #expect(bars.first?.children.first?.text == "Ashbrook: 87.5")
    }

    @Test func aHighlightedBarDiffersByMoreThanColour() throws {
        let root = try #require(parseSVG(Self.chart(Self.wards).svg()))
        let bars = root.all(class: "kith-bar")
        #expect(bars[1]["class"] == "kith-bar kith-bar--highlighted" && bars[1]["fill"] != bars[0]["fill"])
        let labels = root.all(class: "kith-bar-label")
        #expect(labels[1]["font-weight"] == "bold" && labels[0]["font-weight"] == nil)
    }

    @Test func negativeValuesDrawLeftOfTheZeroLine() throws {
        let root = try #require(
            parseSVG(Self.chart([.init(label: "Rising", value: 30), .init(label: "Falling", value: -15, valueLabel: "−15%")]).svg()))
        let zero = try #require(root.all(class: "kith-chart-axis").first?.all("line").first { $0["stroke"] == "#0b0c0c" })
        let zeroX = try #require(zero["x1"].flatMap(Double.init))
        let bars = root.all(class: "kith-bar")
        let rising = (x: Double(bars[0]["x"]!)!, width: Double(bars[0]["width"]!)!)
        let falling = (x: Double(bars[1]["x"]!)!, width: Double(bars[1]["width"]!)!)
        #expect(rising.x == zeroX && abs(falling.x + falling.width - zeroX) < 0.11)
        #expect(abs(rising.width / falling.width - 2) < 0.05)
        let values = root.all(class: "kith-bar-value")
        #expect(values[1].text == "−15%" && values[1]["text-anchor"] == "end")
        #expect(root.all(class: "kith-chart-axis").first?.all("text").first?.text == "-20")
    }

    @Test func missingFiguresSayNoData() throws {
        let root = try #require(
            parseSVG(
                Self.chart([.init(label: "Ashbrook", value: .nan), .init(label: "Kithmoor", value: nil), .init(label: "Wenlow", value: .infinity)])
                    .svg()))
        #expect(root.all(class: "kith-bar").isEmpty)
        #expect(root.all(class: "kith-bar-value--missing").map(\.text) == ["No data", "No data", "No data"])
        #expect(root.all(class: "kith-bar-label").count == 3)
    }

    @Test func longNamesWrapAndShortenWithTheWholeNameInTheTooltip() throws {
        let long = "The Kithmoor and Little Wenlow Community Association Food Bank and Advice Centre at the Old Library on Station Road"
        let root = try #require(parseSVG(Self.chart([.init(label: long, value: 5), .init(label: "Ashbrook", value: 3)]).svg()))
        let label = try #require(root.all(class: "kith-bar-label").first)
        let lines = label.all("tspan").map(\.text)
        #expect(lines.count == 2 && lines[1].hasSuffix("…"))
        #expect(lines.allSatisfy { TextWidth.of($0, size: 14) <= 640 * 0.35 })
        #expect(root.all(class: "kith-bar").first?.children.first?.text == "\(long): 5")
    }

    @Test func aReferenceLineIsDrawnAtItsValue() throws {
        let root = try #require(parseSVG(Self.chart(Self.wards, reference: .init(value: 50, label: "Borough average: 50.0")).svg()))
        let reference = try #require(root.all(class: "kith-chart-reference").first)
        #expect(reference.all("text").first?.text == "Borough average: 50.0")
        let line = try #require(reference.all("line").first)
        let ticks = root.all(class: "kith-chart-axis").first!.all("line")
        let at40 = Double(ticks[2]["x1"]!)!
        let at60 = Double(ticks[3]["x1"]!)!
        #expect(abs(Double(line["x1"]!)! - (at40 + at60) / 2) < 0.11)
        #expect(line["stroke-dasharray"] != nil)
    }

    @Test func zeroOrOneBarStillDraws() throws {
        let none = try #require(parseSVG(Self.chart([]).svg()))
        #expect(none.all(class: "kith-no-data").first?.text == "No data" && none.children.first?.name == "title")
        let one = try #require(parseSVG(Self.chart([.init(label: "Ashbrook", value: 0)]).svg()))
        #expect(one.all(class: "kith-bar").count == 1)
        #expect(one.all(class: "kith-chart-axis").first?.all("text").map(\.text).first == "0")
    }

    @Test func theSameChartGivesTheSameBytes() {
        let reference = BarChart.Reference(value: 30, label: "Average")
        #expect(Self.chart(Self.wards, reference: reference).svg() == Self.chart(Self.wards, reference: reference).svg())
        #expect(!Self.chart(Self.wards).svg().contains("style"))
    }
}

import Foundation

/// Trend lines: one or more series over ordered labels along the bottom (weeks, "2026-W45"), as one accessible SVG.
///
/// Each series differs from the others in colour (the Okabe–Ito colour-blind-safe set), dash pattern and point shape,
/// so none rests on colour alone; the legend above shows all three. Every point has a tooltip. The value axis has
/// round ticks and starts at 0 (or below, when a value is negative). A missing value (nil, NaN or infinite) breaks
/// the line rather than being drawn as 0. Labels along the bottom are thinned to every second, third… when they would
/// overlap.
public struct LineChart: Sendable, Equatable {
    /// One line.
    public struct Series: Sendable, Equatable {
        public var name: String
        /// A value for each of the chart's labels, in their order; nil where there is none.
        public var values: [Double?]

        public init(name: String, values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    /// How a series is drawn, the first series in the first style; after the last style they come round again.
    public struct Style: Sendable, Equatable {
        public enum Marker: Sendable, Equatable {
            case circle, square, triangle, diamond
        }

        public var colour: String
        /// SVG's `stroke-dasharray`; empty for a solid line.
        public var dashes: String
        public var marker: Marker

        public static let all: [Style] = [
            Style(colour: "#0072b2", dashes: "", marker: .circle),
            Style(colour: "#d55e00", dashes: "8 4", marker: .square),
            Style(colour: "#009e73", dashes: "2 3", marker: .triangle),
            Style(colour: "#0b0c0c", dashes: "10 3 2 3", marker: .diamond),
            Style(colour: "#cc79a7", dashes: "4 4", marker: .circle),
            Style(colour: "#e69f00", dashes: "12 3", marker: .square),
        ]
    }

    public var title: String
    public var description: String
    /// Makes the SVG's ids unique on a page holding more than one drawing.
    public var idPrefix: String
    /// The labels along the bottom, in order.
    public var labels: [String]
    public var series: [Series]
    /// What the values are, over the value axis: "Requests a week".
    public var valueLabel: String?
    /// Decimal places of the values in tooltips; nil for none when every value is whole and one otherwise.
    public var decimals: Int?
    public var width: Double
    public var height: Double

    public init(
        title: String, description: String, idPrefix: String, labels: [String], series: [Series], valueLabel: String? = nil,
        decimals: Int? = nil, width: Double = 640, height: Double = 360
    ) {
        self.title = title
        self.description = description
        self.idPrefix = idPrefix
        self.labels = labels
        self.series = series
        self.valueLabel = valueLabel
        self.decimals = decimals
        self.width = width
        self.height = height
    }

    static let padding = 8.0

    /// The chart as one `<svg>` element, the same bytes for the same chart.
    public func svg() -> String {
        let width = max(240, width.isFinite ? width : 640)
        // Each series' values lined up with the labels, missing ones nil.
        let lines = series.map { series in
            labels.indices.map { index in index < series.values.count ? series.values[index].flatMap { $0.isFinite ? $0 : nil } : nil }
        }
        let present = lines.flatMap { $0.compactMap { $0 } }
        guard !labels.isEmpty, !present.isEmpty else {
            return SVGMarkup.noData(
                idPrefix: idPrefix, className: "kith-chart kith-line-chart", width: width, title: title, description: description,
                message: "No data")
        }
        let decimals = self.decimals ?? (present.allSatisfy { $0 == $0.rounded() } ? 0 : 1)
        let ticks = AxisTicks(
            from: min(0, present.min() ?? 0), through: max(0, present.max() ?? 0), wholeNumbers: present.allSatisfy { $0 == $0.rounded() })

        // The legend, flowing onto as many rows as it needs.
        var legend: [(series: Int, x: Double, row: Int)] = []
        var legendX = Self.padding
        var row = 0
        for (index, series) in series.enumerated() {
            let entryWidth = 38 + TextWidth.of(series.name, size: 14) + 20
            if legendX > Self.padding, legendX + entryWidth > width - Self.padding {
                row += 1
                legendX = Self.padding
            }
            legend.append((index, legendX, row))
            legendX += entryWidth
        }
        let legendHeight = Double(row + 1) * 22

        let labelWidth = (labels.map { TextWidth.of($0, size: 12) }.max() ?? 0) + 10
        let tickWidth = (ticks.values.map { TextWidth.of(ticks.label($0), size: 12) }.max() ?? 0) + 8
        let plotLeft = Self.padding + tickWidth
        let plotRight = width - Self.padding - max(0, labelWidth / 2 - 10)
        let plotTop = Self.padding + legendHeight + (valueLabel == nil ? 0 : 20) + 8
        let plotBottom = max(plotTop + 100, height - Self.padding - 20)
        let height = (plotBottom + 20 + Self.padding).rounded(.up)
        let band = (plotRight - plotLeft) / Double(labels.count)
        let every = max(1, Int((labelWidth / band).rounded(.up)))
        let markerSize = max(2, min(4.5, band * 0.35))
        func x(_ index: Int) -> Double { plotLeft + (Double(index) + 0.5) * band }
        func y(_ value: Double) -> Double { plotBottom - ticks.position(value) * (plotBottom - plotTop) }

        return SVGMarkup.document(
            idPrefix: idPrefix, className: "kith-chart kith-line-chart", width: width, height: height, title: title, description: description
        ) { markup in
            markup.open("g", [("class", "kith-chart-legend"), ("fill", SVGMarkup.textColour)])
            for entry in legend {
                let style = Self.style(entry.series)
                let middle = Self.padding + Double(entry.row) * 22 + 9
                markup.element(
                    "line",
                    Self.stroke(style) + [
                        ("x1", SVG.number(entry.x)), ("y1", SVG.number(middle)), ("x2", SVG.number(entry.x + 30)), ("y2", SVG.number(middle)),
                    ])
                Self.marker(into: &markup, style, x: entry.x + 15, y: middle, size: 4.5, title: nil)
                markup.element("text", [("x", SVG.number(entry.x + 38)), ("y", SVG.number(middle + 5))], content: series[entry.series].name)
            }
            markup.close("g")

            markup.open("g", [("class", "kith-chart-axis"), ("fill", SVGMarkup.secondaryTextColour), ("font-size", "12")])
            if let valueLabel {
                markup.element("text", [("x", SVG.number(Self.padding)), ("y", SVG.number(plotTop - 14)), ("font-size", "14")], content: valueLabel)
            }
            for tick in ticks.values {
                let position = SVG.number(y(tick))
                markup.element(
                    "line",
                    [
                        ("x1", SVG.number(plotLeft)), ("y1", position), ("x2", SVG.number(plotRight)), ("y2", position),
                        ("stroke", tick == 0 ? SVGMarkup.textColour : SVGMarkup.ruleColour), ("stroke-width", "1"),
                    ])
                markup.element(
                    "text", [("x", SVG.number(plotLeft - 6)), ("y", SVG.number(y(tick) + 4)), ("text-anchor", "end")], content: ticks.label(tick))
            }
            for index in labels.indices where index % every == 0 {
                markup.element(
                    "text", [("x", SVG.number(x(index))), ("y", SVG.number(plotBottom + 16)), ("text-anchor", "middle")], content: labels[index])
            }
            markup.close("g")

            for (index, values) in lines.enumerated() {
                let style = Self.style(index)
                var path = ""
                var previous: Double? = nil
                for (position, value) in values.enumerated() {
                    guard let value else {
                        previous = nil
                        continue
                    }
                    path += (previous == nil ? "M" : "L") + SVG.number(x(position)) + " " + SVG.number(y(value))
                    previous = value
                }
                markup.open("g", [("class", "kith-line-series")])
                markup.element("path", [("class", "kith-line"), ("d", path), ("fill", "none")] + Self.stroke(style))
                markup.open("g", [("class", "kith-line-points")])
                for (position, value) in values.enumerated() {
                    guard let value else { continue }
                    Self.marker(
                        into: &markup, style, x: x(position), y: y(value), size: markerSize,
                        title: "\(series[index].name), \(labels[position]): \(SVG.figure(value, decimals: decimals))")
                }
                markup.close("g")
                markup.close("g")
            }
        }
    }

    static func style(_ index: Int) -> Style { Style.all[index % Style.all.count] }

    private static func stroke(_ style: Style) -> [(String, String)] {
        [("stroke", style.colour), ("stroke-width", "2.5"), ("stroke-linejoin", "round")]
            + (style.dashes.isEmpty ? [] : [("stroke-dasharray", style.dashes)])
    }

    /// A point in the series' shape, filled with its colour and ringed in white so it stands clear of the lines it sits on.
    private static func marker(into markup: inout SVGMarkup, _ style: Style, x: Double, y: Double, size: Double, title: String?) {
        let paint: [(String, String)] = [("class", "kith-line-point"), ("fill", style.colour), ("stroke", "#ffffff"), ("stroke-width", "1")]
        let element: String
        var attributes: [(String, String)]
        switch style.marker {
        case .circle:
            element = "circle"
            attributes = [("cx", SVG.number(x)), ("cy", SVG.number(y)), ("r", SVG.number(size))]
        case .square:
            let side = size * 1.7
            element = "rect"
            attributes = [
                ("x", SVG.number(x - side / 2)), ("y", SVG.number(y - side / 2)), ("width", SVG.number(side)), ("height", SVG.number(side)),
            ]
        case .triangle:
            let r = size * 1.25
            element = "path"
            attributes = [("d", polygon([(x, y - r), (x + r * 0.87, y + r / 2), (x - r * 0.87, y + r / 2)]))]
        case .diamond:
            let r = size * 1.25
            element = "path"
            attributes = [("d", polygon([(x, y - r), (x + r, y), (x, y + r), (x - r, y)]))]
        }
        attributes += paint
        guard let title else {
            markup.element(element, attributes)
            return
        }
        markup.open(element, attributes)
        markup.element("title", content: title)
        markup.close(element)
    }

    private static func polygon(_ corners: [(x: Double, y: Double)]) -> String {
        corners.enumerated().map { ($0 == 0 ? "M" : "L") + SVG.number($1.x) + " " + SVG.number($1.y) }.joined() + "Z"
    }
}

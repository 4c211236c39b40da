/// Horizontal bars, one a category (a ward, a hub, an indicator), as one accessible SVG: the category's name beside its
/// bar (wrapped onto a second line or shortened with "…", the whole name kept in the tooltip), its figure at the bar's
/// end, round ticks along the bottom, and an optional line at a value to compare with (the borough's average).
///
/// Negative values draw left of the zero line. A bar with no figure (nil, NaN or infinite) says "No data" where its bar
/// would start. A highlighted bar is drawn in a second colour and its name in bold, so it does not rest on colour alone.
public struct BarChart: Sendable, Equatable {
    /// One category's bar.
    public struct Bar: Sendable, Equatable {
        public var label: String
        /// The figure; nil, NaN and infinity are no data.
        public var value: Double?
        /// The figure as shown at the bar's end and in its tooltip; the value with the chart's decimal places when nil.
        public var valueLabel: String?
        public var highlighted: Bool

        public init(label: String, value: Double?, valueLabel: String? = nil, highlighted: Bool = false) {
            self.label = label
            self.value = value
            self.valueLabel = valueLabel
            self.highlighted = highlighted
        }
    }

    /// A value to compare every bar with, drawn as a dashed line across them.
    public struct Reference: Sendable, Equatable {
        public var value: Double
        /// Shown over the line: "Borough average: 12.3".
        public var label: String

        public init(value: Double, label: String) {
            self.value = value
            self.label = label
        }
    }

    public var title: String
    public var description: String
    /// Makes the SVG's ids unique on a page holding more than one drawing.
    public var idPrefix: String
    /// The bars, top first.
    public var bars: [Bar]
    public var reference: Reference?
    /// What the values are, under the axis: "Per 1,000 residents".
    public var axisLabel: String?
    /// Decimal places of the figures at the bars' ends; nil for none when every value is whole and one otherwise.
    public var decimals: Int?
    public var width: Double

    public init(
        title: String, description: String, idPrefix: String, bars: [Bar], reference: Reference? = nil, axisLabel: String? = nil,
        decimals: Int? = nil, width: Double = 640
    ) {
        self.title = title
        self.description = description
        self.idPrefix = idPrefix
        self.bars = bars
        self.reference = reference
        self.axisLabel = axisLabel
        self.decimals = decimals
        self.width = width
    }

    static let padding = 8.0
    static let barThickness = 20.0
    static let barColour = "#1d70b8"
    static let highlightColour = "#b35806"

    /// The chart as one `<svg>` element, the same bytes for the same chart.
    public func svg() -> String {
        let width = max(240, width.isFinite ? width : 640)
        guard !bars.isEmpty else {
            return SVGMarkup.noData(
                idPrefix: idPrefix, className: "kith-chart kith-bar-chart", width: width, title: title, description: description,
                message: "No data")
        }
        let values = bars.map { bar in bar.value.flatMap { $0.isFinite ? $0 : nil } }
        let present = values.compactMap { $0 }
        let decimals = self.decimals ?? (present.allSatisfy { $0 == $0.rounded() } ? 0 : 1)
        let figures = zip(bars, values).map { bar, value in value.map { bar.valueLabel ?? SVG.figure($0, decimals: decimals) } ?? "No data" }
        let referenceValue = reference.flatMap { $0.value.isFinite ? $0.value : nil }
        let extremes = present + (referenceValue.map { [$0] } ?? [])
        let ticks = AxisTicks(
            from: min(0, extremes.min() ?? 0), through: max(0, extremes.max() ?? 0), wholeNumbers: extremes.allSatisfy { $0 == $0.rounded() })

        // Across: names, then room for the figures of bars going left, the plot, and room for those going right.
        let names = bars.map { TextWidth.lines($0.label, size: 14, width: width * 0.35, maxLines: 2, bold: $0.highlighted) }
        let nameWidth = zip(bars, names).map { bar, lines in lines.map { TextWidth.of($0, size: 14, bold: bar.highlighted) }.max() ?? 0 }
        let nameColumn = max(40, (nameWidth.max() ?? 0) + 10)
        let figureWidths = figures.map { TextWidth.of($0, size: 14) + 6 }
        let leftRoom = zip(values, figureWidths).compactMap { value, room in (value ?? 0) < 0 ? room : nil }.max() ?? 0
        let rightRoom = max(
            zip(values, figureWidths).compactMap { value, room in (value ?? 0) >= 0 ? room : nil }.max() ?? 0,
            TextWidth.of(ticks.label(ticks.upper), size: 12) / 2)
        let plotLeft = Self.padding + nameColumn + leftRoom
        let plotRight = max(plotLeft + 40, width - Self.padding - rightRoom)
        func x(_ value: Double) -> Double { plotLeft + ticks.position(value) * (plotRight - plotLeft) }

        // Down: the reference's label, a row a bar, then the ticks' labels and the axis's.
        let plotTop = Self.padding + (reference == nil ? 0 : 20)
        var rowTops: [Double] = []
        var rowHeights: [Double] = []
        var y = plotTop
        for lines in names {
            let height = max(Self.barThickness, Double(lines.count) * 16) + 10
            rowTops.append(y)
            rowHeights.append(height)
            y += height
        }
        let plotBottom = y
        let height = (plotBottom + 24 + (axisLabel == nil ? 0 : 20) + Self.padding).rounded(.up)

        return SVGMarkup.document(
            idPrefix: idPrefix, className: "kith-chart kith-bar-chart", width: width, height: height, title: title, description: description
        ) { markup in
            markup.open("g", [("class", "kith-chart-axis"), ("fill", SVGMarkup.secondaryTextColour), ("font-size", "12")])
            for tick in ticks.values {
                let position = SVG.number(x(tick))
                markup.element(
                    "line",
                    [
                        ("x1", position), ("y1", SVG.number(plotTop)), ("x2", position), ("y2", SVG.number(plotBottom)),
                        ("stroke", tick == 0 ? SVGMarkup.textColour : SVGMarkup.ruleColour), ("stroke-width", "1"),
                    ])
                markup.element(
                    "text", [("x", position), ("y", SVG.number(plotBottom + 16)), ("text-anchor", "middle")], content: ticks.label(tick))
            }
            if let axisLabel {
                markup.element(
                    "text",
                    [
                        ("x", SVG.number((plotLeft + plotRight) / 2)), ("y", SVG.number(plotBottom + 38)), ("text-anchor", "middle"),
                        ("font-size", "14"),
                    ],
                    content: axisLabel)
            }
            markup.close("g")

            markup.open("g", [("class", "kith-bars"), ("fill", SVGMarkup.textColour)])
            for (index, bar) in bars.enumerated() {
                let top = rowTops[index]
                let middle = top + rowHeights[index] / 2
                let weight: [(String, String)] = bar.highlighted ? [("font-weight", "bold")] : []
                markup.lines(
                    names[index], x: plotLeft - leftRoom - 10, y: middle + 5 - Double(names[index].count - 1) * 8, lineHeight: 16,
                    [("class", "kith-bar-label"), ("text-anchor", "end")] + weight)
                guard let value = values[index] else {
                    markup.element(
                        "text",
                        [
                            ("class", "kith-bar-value kith-bar-value--missing"), ("x", SVG.number(x(0) + 5)), ("y", SVG.number(middle + 5)),
                            ("fill", SVGMarkup.secondaryTextColour),
                        ], content: figures[index])
                    continue
                }
                let (start, end) = (min(x(0), x(value)), max(x(0), x(value)))
                markup.open(
                    "rect",
                    [
                        ("class", bar.highlighted ? "kith-bar kith-bar--highlighted" : "kith-bar"), ("x", SVG.number(start)),
                        ("y", SVG.number(middle - Self.barThickness / 2)), ("width", SVG.number(end - start)),
                        ("height", SVG.number(Self.barThickness)), ("fill", bar.highlighted ? Self.highlightColour : Self.barColour),
                    ])
                markup.element("title", content: "\(bar.label): \(figures[index])")
                markup.close("rect")
                markup.element(
                    "text",
                    [
                        ("class", "kith-bar-value"), ("x", SVG.number(value < 0 ? start - 5 : end + 5)), ("y", SVG.number(middle + 5)),
                        ("text-anchor", value < 0 ? "end" : "start"),
                    ] + weight, content: figures[index])
            }
            markup.close("g")

            if let reference, let referenceValue {
                let position = x(referenceValue)
                markup.open("g", [("class", "kith-chart-reference"), ("fill", SVGMarkup.textColour)])
                markup.element(
                    "line",
                    [
                        ("x1", SVG.number(position)), ("y1", SVG.number(plotTop - 4)), ("x2", SVG.number(position)),
                        ("y2", SVG.number(plotBottom)), ("stroke", SVGMarkup.textColour), ("stroke-width", "2"), ("stroke-dasharray", "6 4"),
                    ])
                // Kept inside the drawing when the line is near an edge.
                let labelWidth = TextWidth.of(reference.label, size: 13)
                let centre = min(max(position, labelWidth / 2 + Self.padding), width - Self.padding - labelWidth / 2)
                markup.element(
                    "text", [("x", SVG.number(centre)), ("y", SVG.number(plotTop - 8)), ("text-anchor", "middle"), ("font-size", "13")],
                    content: reference.label)
                markup.close("g")
            }
        }
    }
}

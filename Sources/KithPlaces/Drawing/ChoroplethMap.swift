/// A map of areas coloured by class (an index's deciles, an indicator's quintiles, an overlay's ratio bands), drawn as
/// one accessible SVG with nothing fetched from elsewhere: no tiles, no scripts, no inline styles.
///
/// Each area is a `<path>` with a `<title>` tooltip and, when it links somewhere, a `data-href` for the page's script
/// to follow on a click (an image may hold no link of its own); an area without a class
/// is hatched grey; highlighted areas (low engagement zones, say) are drawn last with a heavy outline that shows on light
/// and dark fills alike; the legend is drawn beside the map in text. The SVG is `role="img"`, named by its `<title>` and
/// `<desc>`: the table the page shows beside it is how the figures are read without sight, and holds the same links
/// for keyboards and screen readers (hundreds of tab stops on a map would only be in the way).
public struct ChoroplethMap: Sendable, Equatable {
    /// One area on the map.
    public struct Region: Sendable, Equatable {
        public var area: Area
        /// The area's class in the colour scale, 0 the lightest; nil (or a class the scale lacks) for no data.
        public var classIndex: Int?
        /// The tooltip: "Kithmoor 007C: index rank 3 of 100, decile 1".
        public var label: String
        /// Where clicking the area goes, if anywhere.
        public var link: String?

        /// - Parameter label: the tooltip; the area's name when nil.
        public init(area: Area, classIndex: Int?, label: String? = nil, link: String? = nil) {
            self.area = area
            self.classIndex = classIndex
            self.label = label ?? area.name
            self.link = link
        }
    }

    /// The key drawn beside the map.
    public struct Legend: Sendable, Equatable {
        /// One class's swatch and what it means; a class the colour scale lacks is not listed.
        public struct Entry: Sendable, Equatable {
            public var classIndex: Int
            public var label: String

            public init(classIndex: Int, label: String) {
                self.classIndex = classIndex
                self.label = label
            }
        }

        public var title: String
        /// The classes in the order they are listed, top first.
        public var entries: [Entry]
        /// The label of the hatched swatch, listed when an area has no data.
        public var noData: String
        /// The label of the outlined swatch, listed when an area is highlighted ("Low engagement zone").
        public var highlighted: String

        public init(title: String, entries: [Entry], noData: String = "No data", highlighted: String = "Highlighted") {
            self.title = title
            self.entries = entries
            self.noData = noData
            self.highlighted = highlighted
        }

        /// A legend listing every class in order, `labels[0]` for class 0.
        public init(title: String, labels: [String], noData: String = "No data", highlighted: String = "Highlighted") {
            self.init(
                title: title, entries: labels.enumerated().map { Entry(classIndex: $0.offset, label: $0.element) }, noData: noData,
                highlighted: highlighted)
        }
    }

    /// Names the SVG for assistive technology (its `<title>`) and in the tooltip over its background.
    public var title: String
    /// What the map shows, for those who cannot see it (its `<desc>`).
    public var description: String
    /// Makes the SVG's ids unique on a page holding more than one drawing (`index-map`, `overlay-map`).
    public var idPrefix: String
    public var regions: [Region]
    public var colours: ColourScale
    public var legend: Legend
    /// The codes of areas to outline heavily.
    public var highlighted: Set<String>
    /// A line of small print under the map: the boundaries' copyright, which their licence asks to be shown.
    public var attribution: String?
    /// The drawing's width, legend included, in the SVG's units (CSS pixels when shown at its own size).
    public var width: Double
    /// The tallest the map may be; a wide borough's map is less tall.
    public var maximumHeight: Double

    public init(
        title: String, description: String, idPrefix: String, regions: [Region], colours: ColourScale, legend: Legend,
        highlighted: Set<String> = [], attribution: String? = nil, width: Double = 720, maximumHeight: Double = 560
    ) {
        self.title = title
        self.description = description
        self.idPrefix = idPrefix
        self.regions = regions
        self.colours = colours
        self.legend = legend
        self.highlighted = highlighted
        self.attribution = attribution
        self.width = width
        self.maximumHeight = maximumHeight
    }

    static let padding = 8.0
    /// Grey rather than white, so an area as pale as the page (the diverging scale's middle) still shows its edges.
    static let areaStroke = "#8b9094"
    static let noDataFill = "#f3f2f1"
    static let hatchStroke = "#8b9094"
    static let highlightHalo = "#ffffff"
    static let highlightOutline = "#0b0c0c"

    /// The map as one `<svg>` element, the same bytes for the same map.
    public func svg() -> String {
        let width = max(200, width.isFinite ? width : 720)
        let shapes = regions.compactMap(\.area.shape)
        guard let bounds = MapProjection.Bounds(shapes: shapes) else {
            return SVGMarkup.noData(
                idPrefix: idPrefix, className: "kith-map", width: width, title: title, description: description, message: "No data")
        }
        let legendWidth = self.legendWidth(total: width)
        let mapWidth = width - legendWidth - 2 * Self.padding
        let projection = MapProjection(
            bounds: bounds, width: mapWidth, maximumHeight: max(100, maximumHeight.isFinite ? maximumHeight : 560), padding: Self.padding)
        // Each drawable area with its path and fill (nil: no data), in the order given; highlighted ones after.
        let drawn = regions.compactMap { region -> (region: Region, path: String, fill: String?)? in
            guard let shape = region.area.shape else { return nil }
            let path = projection.path(shape)
            return path.isEmpty ? nil : (region, path, region.classIndex.flatMap { colours.colour(forClass: $0) })
        }
        guard !drawn.isEmpty else {
            return SVGMarkup.noData(
                idPrefix: idPrefix, className: "kith-map", width: width, title: title, description: description, message: "No data")
        }
        let ordinary = drawn.filter { !highlighted.contains($0.region.area.code) }
        let standingOut = drawn.filter { highlighted.contains($0.region.area.code) }
        let anyNoData = drawn.contains { $0.fill == nil }

        var legendMarkup = SVGMarkup()
        let legendBottom = drawLegend(
            into: &legendMarkup, x: mapWidth + Self.padding, width: legendWidth, noData: anyNoData, highlighted: !standingOut.isEmpty)
        let small = attribution.map { TextWidth.lines($0, size: 11, width: width - 2 * Self.padding, maxLines: 2) } ?? []
        let height = (max(projection.height, legendBottom + Self.padding) + Double(small.count) * 14).rounded(.up)
        let hatch = SVG.identifier(idPrefix) + "-no-data"

        return SVGMarkup.document(
            idPrefix: idPrefix, className: "kith-map", width: width, height: height, title: title, description: description
        ) { markup in
            if anyNoData {
                markup.open("defs")
                markup.open(
                    "pattern",
                    [("id", hatch), ("patternUnits", "userSpaceOnUse"), ("width", "6"), ("height", "6"), ("patternTransform", "rotate(45)")])
                markup.element("rect", [("width", "6"), ("height", "6"), ("fill", Self.noDataFill)])
                markup.element("line", [("x1", "0"), ("y1", "0"), ("x2", "0"), ("y2", "6"), ("stroke", Self.hatchStroke), ("stroke-width", "1.5")])
                markup.close("pattern")
                markup.close("defs")
            }
            markup.open(
                "g",
                [
                    ("class", "kith-map-areas"), ("stroke", Self.areaStroke), ("stroke-width", "0.6"), ("stroke-linejoin", "round"),
                    ("fill-rule", "evenodd"),
                ])
            for item in ordinary {
                area(into: &markup, item.region, path: item.path, fill: item.fill ?? "url(#\(hatch))", className: "kith-map-area")
            }
            markup.close("g")
            if !standingOut.isEmpty {
                // A white halo under a dark line: one of the two shows against any fill.
                markup.open(
                    "g",
                    [
                        ("class", "kith-map-highlights"), ("stroke", Self.highlightHalo), ("stroke-width", "4.5"), ("stroke-linejoin", "round"),
                        ("fill-rule", "evenodd"),
                    ])
                for item in standingOut {
                    area(
                        into: &markup, item.region, path: item.path, fill: item.fill ?? "url(#\(hatch))",
                        className: "kith-map-area kith-map-area--highlighted")
                }
                markup.close("g")
                markup.open(
                    "g",
                    [
                        ("class", "kith-map-highlight-outlines"), ("fill", "none"), ("stroke", Self.highlightOutline), ("stroke-width", "2"),
                        ("stroke-linejoin", "round"), ("pointer-events", "none"),
                    ])
                for item in standingOut {
                    markup.element("path", [("d", item.path)])
                }
                markup.close("g")
            }
            markup.append(legendMarkup)
            if !small.isEmpty {
                markup.lines(
                    small, x: Self.padding, y: height - Double(small.count - 1) * 14 - 5, lineHeight: 14,
                    [("class", "kith-map-attribution"), ("font-size", "11"), ("fill", SVGMarkup.secondaryTextColour)])
            }
        }
    }

    private func area(into markup: inout SVGMarkup, _ region: Region, path: String, fill: String, className: String) {
        // A link is a `data-href` the page's script follows on a click, not an `<a>`: an image (role="img") may hold
        // nothing interactive, and the table beside the map has the same links for keyboards and screen readers.
        let link = region.link.flatMap { SVG.isSafeLink($0) ? $0 : nil }
        var attributes = [("class", className + (link == nil ? "" : " kith-map-area--linked")), ("data-area", region.area.code)]
        if let link { attributes.append(("data-href", link)) }
        markup.open("path", attributes + [("d", path), ("fill", fill)])
        markup.element("title", content: region.label)
        markup.close("path")
    }

    static let swatchWidth = 22.0
    static let swatchHeight = 15.0
    static let swatchGap = 8.0

    /// Room for the legend's longest label (up to a third of the drawing), its lines wrapped to fit.
    private func legendWidth(total: Double) -> Double {
        let labels = legend.entries.map(\.label) + [legend.noData, legend.highlighted]
        let widest = labels.map { TextWidth.of($0, size: 14) }.max() ?? 0
        let title = TextWidth.of(legend.title, size: 14, bold: true)
        let wanted = max(widest + Self.swatchWidth + Self.swatchGap, min(title, 200))
        return min(max(120, wanted), (total / 3).rounded())
    }

    /// Draws the legend from the top of the drawing; returns where it ends.
    private func drawLegend(into markup: inout SVGMarkup, x: Double, width: Double, noData: Bool, highlighted: Bool) -> Double {
        var y = Self.padding
        markup.open("g", [("class", "kith-map-legend"), ("fill", SVGMarkup.textColour)])
        if !legend.title.isEmpty {
            let lines = TextWidth.lines(legend.title, size: 14, width: width, maxLines: 3, bold: true)
            markup.lines(lines, x: x, y: y + 13, lineHeight: 17, [("font-weight", "bold")])
            y += Double(lines.count) * 17 + 8
        }
        let labelX = x + Self.swatchWidth + Self.swatchGap
        let labelWidth = width - Self.swatchWidth - Self.swatchGap
        func entry(_ label: String, swatch: (inout SVGMarkup, Double) -> Void) {
            swatch(&markup, y)
            let lines = TextWidth.lines(label, size: 14, width: labelWidth, maxLines: 2)
            markup.lines(lines, x: labelX, y: y + 12.5, lineHeight: 16)
            y += max(Self.swatchHeight, Double(lines.count) * 16) + 7
        }
        func rectangle(_ top: Double) -> [(String, String)] {
            [("x", SVG.number(x)), ("y", SVG.number(top)), ("width", SVG.number(Self.swatchWidth)), ("height", SVG.number(Self.swatchHeight))]
        }
        for item in legend.entries {
            guard let fill = colours.colour(forClass: item.classIndex) else { continue }
            entry(item.label) { markup, top in
                markup.element("rect", rectangle(top) + [("fill", fill), ("stroke", SVGMarkup.secondaryTextColour), ("stroke-width", "0.5")])
            }
        }
        if noData {
            let hatch = SVG.identifier(idPrefix) + "-no-data"
            entry(legend.noData) { markup, top in
                markup.element(
                    "rect", rectangle(top) + [("fill", "url(#\(hatch))"), ("stroke", SVGMarkup.secondaryTextColour), ("stroke-width", "0.5")])
            }
        }
        if highlighted {
            entry(legend.highlighted) { markup, top in
                markup.element(
                    "rect", rectangle(top) + [("fill", "#ffffff"), ("stroke", Self.highlightOutline), ("stroke-width", "2")])
            }
        }
        markup.close("g")
        return y
    }
}

import Foundation
import Testing

@testable import KithPlaces

/// Choropleth maps: accessible, well formed, escaped, deterministic, with no-data hatching, highlights on top and
/// nothing the site's Content-Security-Policy would block.
struct ChoroplethMapTests {
    /// Six square areas in a 3 × 2 grid near Coventry, a hundredth of a degree apart.
    static func grid() -> [Area] {
        (0..<6).map { index in
            let west = -1.5 + Double(index % 3) * 0.01
            let south = 52.4 + Double(index / 3) * 0.01
            return Area(
                code: "E0100000\(index + 1)", name: "Kithmoor 00\(index + 1)A", level: .lsoa,
                shape: AreaShape(polygons: [.init(outer: MapProjectionTests.square(west: west, south: south, size: 0.01))]))
        }
    }

    static func map(
        classes: [Int?] = [0, 1, 2, 3, 4, 4], highlighted: Set<String> = [], areas: [Area] = grid(), links: Bool = false
    ) -> ChoroplethMap {
        let regions = zip(areas, classes).map { area, decile in
            ChoroplethMap.Region(
                area: area, classIndex: decile, label: "\(area.name): quintile \(decile.map { String(5 - $0) } ?? "none")",
                link: links ? "/places/\(area.code)" : nil)
        }
        return ChoroplethMap(
            title: "Index of need by LSOA", description: "Quintiles of the index; darker is more need.", idPrefix: "index-map",
            regions: regions, colours: .sequential(classes: 5),
            legend: .init(title: "Index quintile", labels: ["5: least need", "4", "3", "2", "1: most need"], highlighted: "Low engagement zone"),
            highlighted: highlighted, attribution: "Contains OS data © Crown copyright and database right 2026")
    }

    @Test func theMapIsWellFormedAndNamedForAssistiveTechnology() throws {
        let svg = Self.map().svg()
        let root = try #require(parseSVG(svg))
        #expect(root.name == "svg" && root["xmlns"] == "http://www.w3.org/2000/svg" && root["role"] == "img")
        #expect(root["aria-labelledby"] == "index-map-title index-map-desc")
        #expect(root.children.first?.name == "title" && root.children.first?["id"] == "index-map-title")
        #expect(root.children.first?.text == "Index of need by LSOA")
        #expect(root.children.dropFirst().first?.name == "desc" && root.children.dropFirst().first?["id"] == "index-map-desc")
        let viewBox = try #require(root["viewBox"]).split(separator: " ").compactMap { Double($0) }
        #expect(viewBox.count == 4 && viewBox[2] == 720 && viewBox[3] > 100)
        // Every area drawn, each with its tooltip, filled with its class's colour.
        let areas = root.all(class: "kith-map-area")
        #expect(areas.map { $0["data-area"] } == (1...6).map { "E0100000\($0)" })
        #expect(areas.allSatisfy { $0.children.first?.name == "title" })
        #expect(areas.first?.children.first?.text == "Kithmoor 001A: quintile 5")
        #expect(areas.map { $0["fill"] } == [0, 1, 2, 3, 4, 4].map { ColourScale.sequential(classes: 5).colours[$0] })
        // The legend, in text.
        let legend = try #require(root.all(class: "kith-map-legend").first)
        #expect(legend.allText.contains("Index quintile") && legend.allText.contains("1: most need"))
        #expect(legend.all("rect").count == 5)
        #expect(root.all(class: "kith-map-attribution").first?.allText == "Contains OS data © Crown copyright and database right 2026")
    }

    @Test func nothingTheContentSecurityPolicyWouldBlock() {
        let svg = Self.map(classes: [0, nil, 2, 3, 4, 4], highlighted: ["E01000002"], links: true).svg()
        #expect(!svg.contains("style="))
        #expect(!svg.contains("<style"))
        #expect(!svg.contains("<script"))
        // Nothing fetched from elsewhere: the namespace is the only address.
        #expect(!svg.replacingOccurrences(of: SVG.namespace, with: "").contains("//"))
    }

    @Test func namesAreEscaped() throws {
        var areas = Self.grid()
        areas[0].name = #"Tom's <"Farm"> & Mill"#
        var map = Self.map(areas: areas)
        map.title = #"Need in <Kithmoor> & "friends'""#
        map.legend.entries[0].label = "<least> & 'lowest'"
        let svg = map.svg()
        #expect(!svg.contains("<Kithmoor>") && !svg.contains("<\"Farm\">") && !svg.contains("<least>"))
        #expect(svg.contains("Tom&#39;s &lt;&quot;Farm&quot;&gt; &amp; Mill"))
        let root = try #require(parseSVG(svg))
        #expect(root.children.first?.text == #"Need in <Kithmoor> & "friends'""#)
        #expect(root.all(class: "kith-map-area").first?.children.first?.text == #"Tom's <"Farm"> & Mill: quintile 5"#)
        #expect(root.all(class: "kith-map-legend").first?.allText.contains("<least> & 'lowest'") == true)
    }

    @Test func highlightedAreasComeAfterOrdinaryOnes() throws {
        let root = try #require(parseSVG(Self.map(highlighted: ["E01000001", "E01000004"]).svg()))
        let order = root.all(class: "kith-map-area").compactMap { $0["data-area"] }
        #expect(order == ["E01000002", "E01000003", "E01000005", "E01000006", "E01000001", "E01000004"])
        let highlighted = root.all(class: "kith-map-area--highlighted").compactMap { $0["data-area"] }
        #expect(highlighted == ["E01000001", "E01000004"])
        // Their heavy outlines are drawn over everything, and the legend says what they mean.
        let outlines = try #require(root.all(class: "kith-map-highlight-outlines").first)
        #expect(outlines.all("path").count == 2 && outlines["fill"] == "none")
        let groups = root.children.map { $0["class"] ?? $0.name }
        #expect(groups.firstIndex(of: "kith-map-areas")! < groups.firstIndex(of: "kith-map-highlight-outlines")!)
        #expect(root.all(class: "kith-map-legend").first?.allText.contains("Low engagement zone") == true)
        // Not listed in the legend when nothing is highlighted.
        #expect(parseSVG(Self.map().svg())?.all(class: "kith-map-legend").first?.allText.contains("Low engagement zone") == false)
    }

    @Test func anAreaWithNoDataIsHatched() throws {
        // Class nil, and a class the five-colour scale does not have.
        let root = try #require(parseSVG(Self.map(classes: [0, nil, 2, 7, 4, 4]).svg()))
        let pattern = try #require(root.all("pattern").first)
        #expect(pattern["id"] == "index-map-no-data")
        let fills = Dictionary(uniqueKeysWithValues: root.all(class: "kith-map-area").map { ($0["data-area"]!, $0["fill"]!) })
        #expect(fills["E01000002"] == "url(#index-map-no-data)" && fills["E01000004"] == "url(#index-map-no-data)")
        #expect(fills["E01000001"] == "#ffffd9")
        #expect(root.all(class: "kith-map-legend").first?.allText.contains("No data") == true)
        // No pattern, and no "No data" in the legend, when every area has a class.
        let full = try #require(parseSVG(Self.map().svg()))
        #expect(full.all("pattern").isEmpty && full.all(class: "kith-map-legend").first?.allText.contains("No data") == false)
    }

    @Test func linkedAreasCarryTheirLinkForTheScriptNotAnInteractiveElement() throws {
        var map = Self.map(links: true)
        map.regions[1].link = "javascript:alert(1)"
        let root = try #require(parseSVG(map.svg()))
        #expect(root.all("a").isEmpty, "an image holds nothing interactive")
        let linked = root.all(class: "kith-map-area--linked")
        #expect(linked.count == 5)
        #expect(linked.first?["data-href"] == "/places/E01000001" && linked.first?["data-area"] == "E01000001")
        #expect(!map.svg().contains("javascript"))
    }

    @Test func theSameMapGivesTheSameBytes() {
        let first = Self.map(classes: [0, nil, 2, 3, 4, 4], highlighted: ["E01000003", "E01000001", "E01000005"], links: true).svg()
        let second = Self.map(classes: [0, nil, 2, 3, 4, 4], highlighted: ["E01000005", "E01000001", "E01000003"], links: true).svg()
        #expect(first == second)
        #expect(first != Self.map(classes: [0, nil, 2, 3, 4, 3], highlighted: ["E01000003"], links: true).svg())
    }

    @Test func aMapWithNothingToDrawSaysNoData() throws {
        let empty = Self.map(areas: [])
        let root = try #require(parseSVG(empty.svg()))
        #expect(root["role"] == "img" && root.children.first?.text == "Index of need by LSOA")
        #expect(root.all(class: "kith-no-data").first?.text == "No data")
        let shapeless = Self.map(areas: Self.grid().map { Area(code: $0.code, name: $0.name, level: $0.level) })
        #expect(parseSVG(shapeless.svg())?.all(class: "kith-no-data").first?.text == "No data")
    }

    @Test func oneAreaIsDrawnAlone() throws {
        let root = try #require(parseSVG(Self.map(classes: [2], areas: [Self.grid()[0]]).svg()))
        #expect(root.all(class: "kith-map-area").count == 1)
    }

    @Test func anIndexsDecilesMapDarkestForMostNeed() throws {
        let codes = (1...10).map { "A\($0)" }
        let values = codes.enumerated().map { IndicatorValue(area: $1, value: Double($0 * 10), denominator: 1_000) }
        let index = try PlaceIndex(
            areas: codes, indicators: [Indicator(id: "uc", name: "UC", domain: "income", denominator: "residents")],
            values: ["uc": values],
            method: IndexMethod(domains: [.init(id: "income", name: "Income", weight: 1, indicators: [.init(id: "uc")])]))
        let areas = codes.enumerated().map { offset, code in
            Area(
                code: code, name: code, level: .lsoa,
                shape: AreaShape(polygons: [.init(outer: MapProjectionTests.square(west: Double(offset) * 0.01, south: 52, size: 0.01))]))
        }
        let byCode = Dictionary(uniqueKeysWithValues: index.areas.map { ($0.code, $0) })
        // Decile 1 (most need) is the darkest class, 9.
        let regions = areas.map { area in
            ChoroplethMap.Region(
                area: area, classIndex: byCode[area.code].map { 10 - $0.decile },
                label: "\(area.name): rank \(byCode[area.code]!.rank) of 10, decile \(byCode[area.code]!.decile)")
        }
        let map = ChoroplethMap(
            title: "Index", description: "Deciles", idPrefix: "deciles", regions: regions, colours: .sequential(classes: 10),
            legend: .init(title: "Decile", labels: (1...10).reversed().map { "Decile \($0)" }))
        let root = try #require(parseSVG(map.svg()))
        let fills = Dictionary(uniqueKeysWithValues: root.all(class: "kith-map-area").map { ($0["data-area"]!, $0["fill"]!) })
        #expect(fills["A10"] == "#081d58" && fills["A1"] == "#ffffd9")
    }
}

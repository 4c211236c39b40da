import Testing

@testable import KithPlaces

/// The helpers every drawing writes with: escaping, numbers, ids and links.
struct SVGTests {
    @Test func markupCharactersAreEscapedAndForbiddenControlsDropped() {
        #expect(SVG.escape("Tom & Jerry's <\"home\">") == "Tom &amp; Jerry&#39;s &lt;&quot;home&quot;&gt;")
        #expect(SVG.escape("bell\u{7}ring\ttab") == "bellring\ttab")
        #expect(SVG.escape("Ynys Môn") == "Ynys Môn")
    }

    @Test func numbersHaveNoExponentAndNoNegativeZero() {
        #expect(SVG.number(12.0) == "12")
        #expect(SVG.number(12.345) == "12.3")
        #expect(SVG.number(-0.04) == "0")
        #expect(SVG.number(-0.0) == "0")
        #expect(SVG.number(1e-7) == "0")
        #expect(SVG.number(0.05) == "0.1")
        #expect(SVG.number(-3.26) == "-3.3")
        #expect(SVG.number(1_234_567.891) == "1234567.9")
        #expect(SVG.number(2.5e20) == "250000000000000000000")
        #expect(SVG.number(.nan) == "0" && SVG.number(.infinity) == "0")
        #expect(SVG.number(0.125, decimals: 2) == "0.13" && SVG.number(7, decimals: 0) == "7")
    }

    @Test func figuresHaveThousandsSeparatorsAndFixedPlaces() {
        #expect(SVG.figure(12_345.6, decimals: 1) == "12,345.6")
        #expect(SVG.figure(1_000) == "1,000" && SVG.figure(999) == "999" && SVG.figure(-1_234_567) == "-1,234,567")
        #expect(SVG.figure(8, decimals: 1) == "8.0" && SVG.figure(0.05, decimals: 2) == "0.05")
        #expect(SVG.figure(-0.01, decimals: 1) == "0.0")
        #expect(SVG.figure(-0.5, decimals: 1) == "-0.5")
    }

    @Test func idPrefixesAreMadeValidNames() {
        #expect(SVG.identifier("index-map") == "index-map")
        #expect(SVG.identifier("index map <1>") == "index-map--1-")
        #expect(SVG.identifier("2026") == "svg-2026")
        #expect(SVG.identifier("") == "svg-")
    }

    @Test func onlyRelativeAndWebLinksAreSafe() {
        #expect(SVG.isSafeLink("/places/E01000001"))
        #expect(SVG.isSafeLink("areas/E01000001?from=map"))
        #expect(SVG.isSafeLink("https://example.org/a:b"))
        #expect(SVG.isSafeLink("/search?q=a:b"))
        #expect(!SVG.isSafeLink("javascript:alert(1)"))
        #expect(!SVG.isSafeLink(" JavaScript:alert(1)"))
        #expect(!SVG.isSafeLink("data:text/html,hi"))
        #expect(!SVG.isSafeLink(""))
    }
}

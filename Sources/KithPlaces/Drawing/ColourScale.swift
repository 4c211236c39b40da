import Foundation

/// The fill colours of a map's classes, lightest (class 0) first, as `#rrggbb`.
///
/// The palettes are ColorBrewer's colour-blind-safe ones, spread evenly over as many classes as asked for: a
/// sequential one for amounts (light for the least need, dark for the most) and a diverging one for a ratio either side
/// of what was expected.
public struct ColourScale: Sendable, Equatable {
    public var colours: [String]

    public init(colours: [String]) {
        self.colours = colours
    }

    public var count: Int { colours.count }

    /// ColorBrewer's YlGnBu: pale yellow for class 0 through green to dark blue for the last, for deciles, quintiles or
    /// any number of classes from 1.
    public static func sequential(classes: Int) -> ColourScale {
        ColourScale(colours: spread(yellowGreenBlue, classes: classes))
    }

    /// ColorBrewer's RdBu: dark red for class 0 (far below what was expected), near white in the middle and dark blue
    /// for the last (far above). With an odd number of classes the middle one is the neutral colour.
    public static func diverging(classes: Int) -> ColourScale {
        ColourScale(colours: spread(redBlue, classes: classes))
    }

    /// The same colours the other way round, for when a low value is the one to stand out.
    public var reversed: ColourScale { ColourScale(colours: colours.reversed()) }

    /// The colour of a class, or nil for a class the scale does not have.
    public func colour(forClass index: Int) -> String? {
        colours.indices.contains(index) ? colours[index] : nil
    }

    /// The site's text colour or white, whichever stands out more on `background` (WCAG contrast).
    public static func textColour(on background: String) -> String {
        contrast(SVGMarkup.textColour, background) >= contrast("#ffffff", background) ? SVGMarkup.textColour : "#ffffff"
    }

    /// The WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white).
    public static func contrast(_ first: String, _ second: String) -> Double {
        let (a, b) = (luminance(first), luminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// WCAG relative luminance of `#rrggbb`; anything unreadable counts as black.
    static func luminance(_ colour: String) -> Double {
        let (red, green, blue) = rgb(colour)
        func linear(_ channel: Double) -> Double {
            let c = channel / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    static let yellowGreenBlue = ["#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#253494", "#081d58"]
    static let redBlue = [
        "#67001f", "#b2182b", "#d6604d", "#f4a582", "#fddbc7", "#f7f7f7", "#d1e5f0", "#92c5de", "#4393c3", "#2166ac", "#053061",
    ]

    /// `classes` colours evenly spaced along the palette, mixed in RGB between its stops (exactly its stops when the
    /// counts agree).
    static func spread(_ stops: [String], classes: Int) -> [String] {
        guard classes > 0 else { return [] }
        guard classes > 1 else { return [mix(stops, at: 0.5)] }
        return (0..<classes).map { mix(stops, at: Double($0) / Double(classes - 1)) }
    }

    private static func mix(_ stops: [String], at position: Double) -> String {
        let place = position * Double(stops.count - 1)
        let lower = min(Int(place.rounded(.down)), stops.count - 1)
        let upper = min(lower + 1, stops.count - 1)
        let fraction = place - Double(lower)
        let (r1, g1, b1) = rgb(stops[lower])
        let (r2, g2, b2) = rgb(stops[upper])
        func channel(_ from: Double, _ to: Double) -> String {
            let value = Int((from + (to - from) * fraction).rounded())
            let hex = String(max(0, min(255, value)), radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }
        return "#" + channel(r1, r2) + channel(g1, g2) + channel(b1, b2)
    }

    private static func rgb(_ colour: String) -> (Double, Double, Double) {
        let hex = colour.hasPrefix("#") ? String(colour.dropFirst()) : colour
        guard hex.count == 6, let value = UInt32(hex, radix: 16) else { return (0, 0, 0) }
        return (Double(value >> 16 & 0xFF), Double(value >> 8 & 0xFF), Double(value & 0xFF))
    }
}

import Testing

@testable import KithPlaces

/// The palettes: ColorBrewer's stops where the counts agree, evenly spread otherwise, light to dark, and text that
/// stands out on them.
struct ColourScaleTests {
    @Test func nineSequentialClassesAreColorBrewersOwn() {
        #expect(ColourScale.sequential(classes: 9).colours == ColourScale.yellowGreenBlue)
    }

    @Test func decilesRunFromLightToDarkAndDiffer() {
        let deciles = ColourScale.sequential(classes: 10)
        #expect(deciles.count == 10)
        #expect(deciles.colours.first == "#ffffd9" && deciles.colours.last == "#081d58")
        #expect(Set(deciles.colours).count == 10)
        let luminances = deciles.colours.map(ColourScale.luminance)
        #expect(zip(luminances, luminances.dropFirst()).allSatisfy { $0 > $1 }, "each class darker than the one before")
        #expect(deciles.colours.allSatisfy { $0.count == 7 && $0.hasPrefix("#") })
    }

    @Test func theDivergingScaleIsNeutralInTheMiddle() {
        let ratio = ColourScale.diverging(classes: 5)
        #expect(ratio.colours.first == "#67001f" && ratio.colours[2] == "#f7f7f7" && ratio.colours.last == "#053061")
        #expect(ColourScale.diverging(classes: 11).colours == ColourScale.redBlue)
        #expect(ratio.reversed.colours.first == "#053061")
    }

    @Test func classesOutsideTheScaleHaveNoColour() {
        let quintiles = ColourScale.sequential(classes: 5)
        #expect(quintiles.colour(forClass: 0) == "#ffffd9" && quintiles.colour(forClass: 4) == "#081d58")
        #expect(quintiles.colour(forClass: 5) == nil && quintiles.colour(forClass: -1) == nil)
        #expect(ColourScale.sequential(classes: 0).colours.isEmpty && ColourScale.sequential(classes: 1).count == 1)
    }

    @Test func textStandsOutOnEveryFill() {
        #expect(ColourScale.textColour(on: "#081d58") == "#ffffff")
        #expect(ColourScale.textColour(on: "#ffffd9") == "#0b0c0c")
        for colour in ColourScale.sequential(classes: 10).colours + ColourScale.diverging(classes: 11).colours {
            #expect(ColourScale.contrast(ColourScale.textColour(on: colour), colour) >= 4.5, "\(colour)")
        }
        #expect(abs(ColourScale.contrast("#000000", "#ffffff") - 21) < 1e-9)
    }
}

import Testing

@testable import KithStandard

struct HXLTagTests {
    @Test func matchesWhateverTheCaseSpacingAndAttributeOrder() {
        let a = HXLTag(parsing: "#Contact+Mobile +PHONE")
        let b = HXLTag(parsing: "  #contact +phone+mobile ")
        #expect(a != nil)
        #expect(a == b)
        #expect(a?.description == "#contact +mobile +phone")
        #expect(a?.has("phone") == true)
        #expect(a?.has("email") == false)
    }

    @Test(arguments: ["contact", "#", "#1abc", "#contact +", "#contact +ph-one", "#con tact", "#café"])
    func refusesWhatIsNotATag(text: String) {
        #expect(HXLTag(parsing: text) == nil)
    }

    @Test func acceptsCustomHashtags() {
        #expect(HXLTag(parsing: "#x_person +name +given")?.hashtag == "x_person")
    }
}

import Testing

@testable import KithLinkage

/// An address's numbers put the flat first however the flat is written (`Flat 2, 34 Oak Road`, `34 Oak Road, Flat 2`,
/// `2/34 Oak Road`), and a flat named by a letter keeps its letter.
struct AddressWordsTests {
    @Test(arguments: [
        "Flat 2, 34 Oak Road", "34 Oak Road, Flat 2", "2/34 Oak Road", "2 / 34 Oak Road", "Flat 2 34 Oak Road",
        "34 Oak Road Flat 2", "Apartment 2, 34 Oak Road", "34 Oak Road, Apt 2", "Flat No. 2, 34 Oak Road", "2, 34 Oak Road",
        "flat 2, 34 oak rd",
    ])
    func theFlatComesFirstHoweverItIsWritten(_ address: String) {
        let words = AddressWords(address)
        #expect(words.numbers == ["2", "34"])
        #expect(words.words == ["OAK"])
    }

    @Test(arguments: [
        ("Flat B, 34 Oak Road", ["B", "34"]), ("34 Oak Road, Flat B", ["B", "34"]), ("flat b 34 Oak Road", ["B", "34"]),
        ("Flat 2A, 34 Oak Road", ["2A", "34"]), ("34 Oak Road, Flat 2a", ["2A", "34"]),
        ("Flat 2/1, 34 Oak Street", ["2", "1", "34"]), ("34 Oak Street, Flat 2/1", ["2", "1", "34"]),
        ("Flat 34, 2 Oak Road", ["34", "2"]), ("34 Oak Road", ["34"]), ("34B Oak Road", ["34B"]),
        ("Flat B, Oak Court", ["B"]), ("Flat, 34 Oak Road", ["34"]),
    ])
    func numbersAndLettersOfFlats(_ address: String, numbers: [String]) {
        #expect(AddressWords(address).numbers == numbers, "\(address)")
    }

    @Test func aLetterThatIsNotAFlatIsLeftOut() {
        // A lone letter names a flat only after FLAT, APARTMENT…; elsewhere it tells nothing apart (`J Smith & Sons`).
        #expect(AddressWords("34 A Oak Road").numbers == ["34"])
        #expect(AddressWords("34 A Oak Road").words == ["OAK"])
    }

    @Test func streetTypesAreKeptAside() {
        let gardens = AddressWords("9 Ivy Gdns Upper")
        #expect(gardens.words == ["IVY"])
        #expect(gardens.streetTypes == AddressWords.streetTypeBits["GARDENS"])
        #expect(
            AddressWords("Flat 2, Mill Court, 34 Oak Rd").streetTypes
                == AddressWords.streetTypeBits["COURT"]! | AddressWords.streetTypeBits["ROAD"]!)
        // Park, Hill, Green and View name streets as often as they type them.
        #expect(AddressWords("12 Sefton Park").streetTypes == 0)
    }
}

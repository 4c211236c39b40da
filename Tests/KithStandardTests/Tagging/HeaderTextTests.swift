import Testing

@testable import KithStandard

struct HeaderTextTests {
    @Test(arguments: [
        ("Caller_First-Name:", "caller first name"), ("CALLER FIRST NAME", "caller first name"), ("  NHS No. ", "nhs no"),
        ("FirstName", "first name"), ("D.O.B", "d o b"), ("Post Code", "post code"),
    ])
    func normalisesHeaders(header: String, expected: String) {
        #expect(HeaderText.normalise(header) == expected)
    }

    @Test func dropsOwnerWords() {
        #expect(HeaderText.withoutOwnerWords("caller first name") == "first name")
        #expect(HeaderText.withoutOwnerWords("client dob") == "dob")
        #expect(HeaderText.withoutOwnerWords("child") == "child")
    }

    @Test func measuresJaroWinklerAsTheReferenceLibrariesDo() {
        // Tests/Data/name-vectors.csv conventions: MARTHA/MARHTA is the textbook case.
        #expect(abs(StringSimilarity.jaroWinkler("MARTHA", "MARHTA") - 0.961111) < 0.000_001)
        #expect(abs(StringSimilarity.jaroWinkler("LEIGH", "LEE") - 0.688889) < 0.000_001)
        #expect(StringSimilarity.jaroWinkler("", "") == 1)
        #expect(StringSimilarity.jaroWinkler("A", "") == 0)
    }
}

import KithStandard
import Testing

extension Values {
    /// Full names from one column split into given, middle and family name, one way for linkage, profiles and review.
    @Suite struct PersonNameTests {
        /// (full name, given, middle, family, title).
        @Test(
            arguments: [
                ("GILL, Savita", "Savita", nil, "GILL", nil),
                ("RODRÍGUEZ, BEATRIZ", "BEATRIZ", nil, "RODRÍGUEZ", nil),
                ("Smith, John Paul", "John", "Paul", "Smith", nil),
                ("SMITH, Mrs Jane", "Jane", nil, "SMITH", "Mrs"),
                ("Mrs SMITH, Jane", "Jane", nil, "SMITH", "Mrs"),
                ("de la Cruz, Juan", "Juan", nil, "de la Cruz", nil),
                ("Smith,", nil, nil, "Smith", nil),
                ("Zuzanna Dąbrowska", "Zuzanna", nil, "Dąbrowska", nil),
                ("Mrs Ann Marie O'Neill", "Ann", "Marie", "O'Neill", "Mrs"),
                ("Dr. Mary O' Brien", "Mary", nil, "O'Brien", "Dr"),
                ("Angus Mc Donald", "Angus", nil, "Mc Donald", nil),
                ("Angus Mac Donald", "Angus", nil, "Mac Donald", nil),
                ("Ludwig van Beethoven", "Ludwig", nil, "van Beethoven", nil),
                ("Juan de la Cruz", "Juan", nil, "de la Cruz", nil),
                ("Siobhán Ní Bhriain", "Siobhán", nil, "Ní Bhriain", nil),
                ("Mary Smith-Jones", "Mary", nil, "Smith-Jones", nil),
                ("Mary Smith - Jones", "Mary", nil, "Smith-Jones", nil),
                ("Savita GILL", "Savita", nil, "GILL", nil),
                ("GILL Savita Kaur", "Savita", "Kaur", "GILL", nil),
                ("Mary Ann SMITH JONES", "Mary", "Ann", "SMITH JONES", nil),
                ("John A SMITH", "John", "A", "SMITH", nil),
                ("JOHN SMITH", "JOHN", nil, "SMITH", nil),
                ("  Xiu   Ying Chen ", "Xiu", "Ying", "Chen", nil),
                ("Madonna", "Madonna", nil, nil, nil),
                ("Mrs Smith", nil, nil, "Smith", "Mrs"),
                ("Sir John", "John", nil, nil, "Sir"),
            ] as [(String, String?, String?, String?, String?)])
        func splitsAFullName(_ full: String, given: String?, middle: String?, family: String?, title: String?) throws {
            let name = try #require(PersonName(fullName: full))
            #expect(name.givenName == given, "\(full)")
            #expect(name.middleNames == middle, "\(full)")
            #expect(name.familyName == family, "\(full)")
            #expect(name.title == title, "\(full)")
        }

        @Test(arguments: ["", "   ", ",", " , ", "Mrs", "Dr."])
        func aBlankNameOrATitleAloneIsNoName(_ full: String) {
            #expect(PersonName(fullName: full) == nil)
        }

        @Test func tidyingGivesEachPartTheDisplayFormAndTheKeyIgnoresCaseAndAccents() throws {
            let gill = try #require(PersonName(fullName: "GILL, Savita")).tidied()
            #expect(gill == PersonName(givenName: "Savita", familyName: "Gill"))
            #expect(gill.shortName == "Savita Gill")
            let rodriguez = try #require(PersonName(fullName: "RODRÍGUEZ, BEATRIZ")).tidied()
            #expect(rodriguez.givenName == "Beatriz" && rodriguez.familyName == "Rodríguez")
            #expect(rodriguez.key == PersonName(givenName: "Beatriz", familyName: "Rodriguez").key)
            #expect(rodriguez.key == "BEATRIZ RODRIGUEZ")
            #expect(gill.key != rodriguez.key)
            let middle = try #require(PersonName(fullName: "Mary Ann SMITH JONES")).tidied()
            #expect(middle.fullName == "Mary Ann Smith Jones")
            #expect(middle.key == "MARY SMITHJONES", "middle names are left out of the key, as lists often leave them out")
        }
    }
}

import Testing

@testable import KithLinkage

/// Sharing a home is evidence of one person only when the first names agree and the dates of birth are not a generation
/// apart: brothers Craig and Duncan Wright, at one address with one phone, were once linked at 0.995 on the strength
/// of their home.
struct HouseholdEvidenceTests {
    static func levels(given: UInt8, birth: UInt8, household: UInt8) -> PackedLevels {
        var levels = PackedLevels(rawValue: 0)
        levels.set(.givenName, given)
        levels.set(.familyName, 1)
        levels.set(.birthDate, birth)
        levels.set(.sex, 1)
        levels.set(.household, household)
        return levels
    }

    @Test(arguments: [UInt8(1), 2, 3])
    func aSharedHomeAddsNothingWhenFirstNamesDiffer(household: UInt8) throws {
        let scorer = MatchScorer(model: ModelSanityTests.typicalModel(), records: EncodedRecords())
        let brothers = Self.levels(given: LinkageField.givenName.differentLevel, birth: 4, household: household)
        let evidence = scorer.evidence(brothers, 0, 0)
        let home = try #require(evidence.first { $0.field == LinkageField.household.columnName })
        #expect(home.weight <= 0)
        #expect(home.note == "not counted: first names differ, as in a household")
        #expect(MatchScorer.probability(weight: scorer.weight(brothers, 0, 0)) < 0.01)
    }

    /// Seán Murphy born 1977 and Seán Murphy born 2009, at one address with one phone, were linked at 0.93: a father
    /// and the son named after him share a name and a home, so the home says nothing about whether they are one.
    @Test(arguments: [UInt8(1), 2, 3])
    func aSharedHomeAddsNothingForOneNameBornGenerationsApart(household: UInt8) throws {
        let scorer = MatchScorer(model: ModelSanityTests.typicalModel(), records: EncodedRecords())
        let fatherAndSon = Self.levels(given: 1, birth: LinkageField.birthDate.differentLevel, household: household)
        let evidence = scorer.evidence(fatherAndSon, 0, 0)
        let home = try #require(evidence.first { $0.field == LinkageField.household.columnName })
        #expect(home.weight <= 0)
        #expect(home.note == "not counted: born more than 15 years apart, as a parent and child")
        #expect(MatchScorer.probability(weight: scorer.weight(fatherAndSon, 0, 0)) < 0.5)
        // Born 5 to 15 years apart is not a generation apart: the home still counts (the dates weigh on their own).
        let nearer = Self.levels(given: 1, birth: LinkageField.birthDate.differentLevel - 1, household: household)
        let nearerHome = try #require(scorer.evidence(nearer, 0, 0).first { $0.field == LinkageField.household.columnName })
        #expect(nearerHome.weight > 0)
    }

    @Test func aSharedHomeStillCountsForOnePersonWrittenTwoWays() {
        let scorer = MatchScorer(model: ModelSanityTests.typicalModel(), records: EncodedRecords())
        let samePerson = Self.levels(given: 1, birth: 1, household: 1)
        let home = scorer.evidence(samePerson, 0, 0).first { $0.field == LinkageField.household.columnName }
        #expect((home?.weight ?? 0) > 10)
        #expect(MatchScorer.probability(weight: scorer.weight(samePerson, 0, 0)) > 0.99)
    }
}

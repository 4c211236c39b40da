import Testing

@testable import KithLinkage

/// The checks a trained model must pass before it links anything.
struct ModelSanityTests {
    /// A model from the trainer's typical values at the prior of a list of `records`.
    static func typicalModel(records: Int = 1_000_000, m: [[Double]]? = nil) -> LinkageModel {
        let u = LinkageField.allCases.map(ModelTrainer.typicalRandomU)
        let householdU = LinkageField.allCases.map { field in
            LinkageModel.householdConditioned.contains(field) ? ModelTrainer.typicalHouseholdU(field) : u[field.rawValue]
        }
        let pairs = Double(records) * Double(records - 1) / 2
        return LinkageModel(
            m: m ?? ModelTrainer.flooredM(LinkageField.allCases.map(ModelTrainer.typicalM)), u: u, householdU: householdU,
            prior: Double(records) * 0.5 / pairs, recordCount: records,
            trainingFigures: LinkageModel.TrainingFigures(
                candidatePairs: 0, trustedPairs: 0, randomPairs: 0, iterations: 0, candidateMatchShare: 0, householdShare: 1
            )
        )
    }

    @Test(arguments: [1_000, 100_000, 1_000_000, 5_000_000])
    func typicalValuesPassAtEverySize(records: Int) {
        #expect(ModelSanity(reviewThreshold: 0.5).failures(Self.typicalModel(records: records)) == [])
    }

    /// What expectation maximisation learned at a million records: matches whose names and addresses often
    /// differ, so a shared date of birth alone carried the pair.
    @Test func refusesAModelThatLinksOnADateOfBirthAlone() {
        var m = LinkageField.allCases.map(ModelTrainer.typicalM)
        m[LinkageField.givenName.rawValue] = [0.4, 0.02, 0.02, 0.01, 0.01, 0.01, 0.001, 0.529]
        m[LinkageField.familyName.rawValue] = [0.4, 0.02, 0.02, 0.01, 0.01, 0.001, 0.539]
        m[LinkageField.household.rawValue] = [0.05, 0.05, 0.01, 0.02, 0.02, 0.05, 0.8]
        var model = Self.typicalModel(m: m)
        // It also expected far too many matches (55% of candidates where 24% were), and dates of birth spread over
        // ninety years agree by chance about once in 30,000 pairs.
        model.prior = 2e-4
        model.u[LinkageField.birthDate.rawValue] = [0.00003, 0.00001, 0.005, 0.1, 0.2, 0.69496]
        let failures = ModelSanity(reviewThreshold: 0.5).failures(model)
        #expect(failures.contains { $0.hasPrefix("two records that agree on date of birth alone") })
    }

    @Test func everyArchetypeIsAPairOfDifferentPeople() {
        for archetype in ModelSanity.archetypes {
            let levels = archetype.levels
            #expect(
                levels[.givenName] == LinkageField.givenName.differentLevel
                    || levels[.familyName] == LinkageField.familyName.differentLevel,
                "\(archetype.description)"
            )
        }
    }

    /// FEBRL holds one person per address: there sharing an address is what duplicates do, and a model that links
    /// "twins" at one address is right, not broken.
    @Test func householdArchetypesApplyOnlyWhereTheListsHoldHouseholds() {
        var model = Self.typicalModel(records: 10_000)
        model.householdU = model.u
        model.trainingFigures.householdShare = 1
        #expect(ModelSanity(reviewThreshold: 0.5).failures(model).contains { $0.hasPrefix("twins") })
        model.trainingFigures.householdShare = 0
        #expect(ModelSanity(reviewThreshold: 0.5).failures(model) == [])
    }
}

/// Checks a trained model against pairs whose answer is known without data: two people who agree on one field and
/// differ on the others are different people, and so are two members of one household with different first names.
///
/// A model that would send any of them to review (or link them) has learned something wrong from the lists: at a
/// million records with a small pool of names, expectation maximisation once learned that a shared date of birth
/// alone made two records one person. ``ModelTrainer`` replaces such a model with typical values.
struct ModelSanity {
    /// Archetypes must score below this probability.
    var reviewThreshold: Double

    /// One pair of different people as levels, with what it is called in a warning.
    struct Archetype {
        var description: String
        var levels: PackedLevels
        /// Two people in one home: checked only where the lists hold households.
        var inOneHome = false
    }

    /// Below this share of different people among random pairs sharing a home, the lists hold one person per
    /// address (FEBRL, say), sharing an address is what duplicates do, and household archetypes do not apply.
    static let householdShareForHomes = 0.5

    /// Pairs of different people that no model may link.
    static let archetypes: [Archetype] = {
        var archetypes: [Archetype] = []
        // Strangers agreeing on one field: the rest differ, sex agrees (half of strangers do), nothing else known.
        let alone: [(LinkageField, String)] = [
            (.givenName, "first name"), (.familyName, "surname"), (.birthDate, "date of birth"),
            (.otherIdentifier, "another identifier"),
        ]
        for (field, name) in alone {
            var levels = PackedLevels(rawValue: 0)
            for other in [LinkageField.givenName, .familyName, .birthDate] { levels.set(other, other.differentLevel) }
            levels.set(.household, LinkageField.household.differentLevel)
            levels.set(.sex, 1)
            levels.set(field, 1)
            archetypes.append(Archetype(description: "two records that agree on \(name) alone", levels: levels))
        }
        // Household members: one address and phone, one surname, different first names.
        let members: [(UInt8, String)] = [
            (1, "twins (same address, surname and date of birth, different first names)"),
            (4, "siblings (same address and surname, born within 5 years, different first names)"),
            (6, "a parent and child (same address and surname, different first names)"),
        ]
        for (birth, description) in members {
            var levels = PackedLevels(rawValue: 0)
            levels.set(.givenName, LinkageField.givenName.differentLevel)
            levels.set(.familyName, 1)
            levels.set(.birthDate, birth)
            levels.set(.household, 1)
            levels.set(.sex, 1)
            archetypes.append(Archetype(description: description, levels: levels, inOneHome: true))
        }
        return archetypes
    }()

    /// The archetypes the model would review or link, each with its probability.
    func failures(_ model: LinkageModel) -> [String] {
        let scorer = MatchScorer(model: model, records: EncodedRecords())
        let listsHoldHouseholds = model.trainingFigures.householdShare >= Self.householdShareForHomes
        return Self.archetypes.compactMap { archetype in
            guard listsHoldHouseholds || !archetype.inOneHome else { return nil }
            let probability = MatchScorer.probability(weight: scorer.weight(archetype.levels, 0, 0))
            guard probability >= reviewThreshold else { return nil }
            return archetype.description + " (probability " + String(Int((probability * 1000).rounded())) + "‰)"
        }
    }
}

import KithSpreadsheet

/// The whole synthetic borough: places, schools, households and residents, before any list is written.
struct Borough: Sendable {
    var configuration: BoroughConfiguration
    var neighbourhoods: [Neighbourhood]
    var smallAreas: [SmallArea]
    var schools: [School]
    var households: [Household]
    var residents: [Resident]
    /// The small area of every postcode the borough's addresses and sites use.
    var postcodeAreas: [String: Int]

    var extractDate: CivilDate { configuration.extractDate }

    /// Builds the borough for a configuration; the same configuration always gives the same borough.
    init(configuration: BoroughConfiguration) {
        self.configuration = configuration
        let seed = configuration.seed
        let people = max(1, configuration.people)
        var places = RandomSource(seed: seed, stream: "places")

        var neighbourhoods: [Neighbourhood] = []
        for (index, entry) in PlaceNames.neighbourhoods.enumerated() {
            let surgery = "The " + places.pick(PlaceNames.streetStems) + " Surgery"
            neighbourhoods.append(
                Neighbourhood(
                    name: entry.name,
                    postcodeDistrict: PlaceNames.postcodeArea + String(index + 1),
                    deprivation: entry.deprivation,
                    diversity: entry.diversity,
                    gpPractices: [entry.name + " Medical Centre", surgery, entry.name + " Family Practice"]
                )
            )
        }

        let areaCount = max(neighbourhoods.count * 2, (people + 250) / 500)
        var smallAreas: [SmallArea] = []
        var perNeighbourhood = Array(repeating: 0, count: neighbourhoods.count)
        for index in 0..<areaCount {
            let neighbourhood = index * neighbourhoods.count / areaCount
            let letter = Character(Unicode.Scalar(UInt8(65 + index % 4)))
            smallAreas.append(
                SmallArea(
                    code: "E019" + zeroPad(index + 1, width: 5),
                    name: PlaceNames.borough + " " + zeroPad(index / 4 + 1, width: 3) + String(letter),
                    neighbourhood: neighbourhood,
                    need: clamp(neighbourhoods[neighbourhood].deprivation + places.normal(deviation: 0.12), 0.02, 0.98),
                    sectorDigit: perNeighbourhood[neighbourhood] % 10
                )
            )
            perNeighbourhood[neighbourhood] += 1
        }
        // From a stream of its own, so that choosing them moves nothing else.
        for (area, factor) in UnderservedAreas.choose(smallAreas, seed: seed) { smallAreas[area].callFactor = factor }

        var addressBook = AddressBook(
            neighbourhoods: neighbourhoods,
            areas: smallAreas,
            random: RandomSource(seed: seed, stream: "addresses")
        )
        var schoolRandom = RandomSource(seed: seed, stream: "school-names")
        let schools = SchoolDirectory.make(
            people: people,
            neighbourhoods: neighbourhoods,
            areas: smallAreas,
            addressBook: &addressBook,
            random: &schoolRandom
        )

        var builder = PopulationBuilder(people: people, extractDate: configuration.extractDate, seed: seed)
        builder.build(neighbourhoods: neighbourhoods, areas: smallAreas, addressBook: &addressBook)
        var households = builder.households
        var residents = builder.residents
        CareAssignment.assign(households: &households, residents: &residents, extractDate: configuration.extractDate, seed: seed)
        SchoolAssignment.assign(
            households: &households,
            residents: &residents,
            schools: schools,
            areas: smallAreas,
            neighbourhoods: neighbourhoods.count,
            extractDate: configuration.extractDate,
            seed: seed
        )

        self.neighbourhoods = neighbourhoods
        self.smallAreas = smallAreas
        self.schools = schools
        self.households = households
        self.residents = residents
        postcodeAreas = addressBook.postcodeAreas
    }

    /// The adults (18 and over) of a household, oldest role first as created.
    func adults(of household: Household) -> [Int] {
        household.members.filter { residents[$0].age(on: extractDate) >= 18 }
    }

    /// The adult a partner would treat as the household's main contact: usually the woman of a family.
    func mainContact(of household: Household) -> Int {
        let adults = adults(of: household)
        guard !adults.isEmpty else { return household.members[0] }
        if household.members.contains(where: { residents[$0].role == .child }),
            let mother = adults.first(where: { residents[$0].sex == .female && residents[$0].role != .grandparent })
        {
            return mother
        }
        return adults[0]
    }
}

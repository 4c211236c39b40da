/// Places the borough's primary and secondary schools in its neighbourhoods and names them.
enum SchoolDirectory {
    /// How many primaries and secondaries a borough of `people` has: 40 and 8 for 50,000.
    static func counts(people: Int, neighbourhoods: Int) -> (primaries: Int, secondaries: Int) {
        (max(neighbourhoods, (people + 625) / 1_250), max(2, (people + 3_125) / 6_250))
    }

    /// About 40 primaries and 8 secondaries for 50,000 people; at least one primary per neighbourhood.
    static func make(
        people: Int,
        neighbourhoods: [Neighbourhood],
        areas: [SmallArea],
        addressBook: inout AddressBook,
        random: inout RandomSource
    ) -> [School] {
        let (primaryCount, secondaryCount) = counts(people: people, neighbourhoods: neighbourhoods.count)
        var areasByNeighbourhood = Array(repeating: [Int](), count: neighbourhoods.count)
        for (index, area) in areas.enumerated() { areasByNeighbourhood[area.neighbourhood].append(index) }

        var schools: [School] = []
        var usedURNs: Set<Int> = []
        var usedNames: Set<String> = []
        func newURN() -> Int {
            while true {
                let urn = random.int(in: 180_000...199_999)
                if usedURNs.insert(urn).inserted { return urn }
            }
        }

        // Primaries: spread over neighbourhoods in proportion to their small areas, each in its own area.
        for index in 0..<primaryCount {
            let neighbourhood = index % neighbourhoods.count
            let local = areasByNeighbourhood[neighbourhood]
            let area = local.isEmpty ? 0 : local[(index / neighbourhoods.count) * 3 % local.count]
            let place = neighbourhoods[neighbourhood].name
            let name = uniqueName(number: index + 1, used: &usedNames, random: &random) { random in
                let stem = random.pick(PlaceNames.schoolStems)
                return [
                    "\(place) Primary School", "\(random.pick(PlaceNames.saints)) RC Primary School",
                    "\(stem) Community Primary School", "\(stem) C of E Primary School", "\(stem) Primary Academy",
                    "\(stem) Junior and Infant School", "\(place) Community Primary School",
                ]
            }
            schools.append(
                School(
                    urn: newURN(),
                    establishment: Self.primaryEstablishment(index),
                    name: name,
                    phase: .primary,
                    neighbourhood: neighbourhood,
                    smallArea: area,
                    postcode: addressBook.sitePostcode(inArea: area)
                )
            )
        }

        // Secondaries: one per neighbourhood where there are enough, the rest in the largest neighbourhoods.
        for index in 0..<secondaryCount {
            let neighbourhood = (index * neighbourhoods.count / secondaryCount) % neighbourhoods.count
            let local = areasByNeighbourhood[neighbourhood]
            let area = local.isEmpty ? 0 : local[(local.count / 2 + index) % local.count]
            let place = neighbourhoods[neighbourhood].name
            let name = uniqueName(number: index + 1, used: &usedNames, random: &random) { random in
                let stem = random.pick(PlaceNames.schoolStems)
                return [
                    "\(place) High School", "\(random.pick(PlaceNames.saints)) Catholic High School", "\(place) Academy",
                    "\(stem) School", "\(stem) Community College",
                ]
            }
            schools.append(
                School(
                    urn: newURN(),
                    establishment: Self.secondaryEstablishment(index),
                    name: name,
                    phase: .secondary,
                    neighbourhood: neighbourhood,
                    smallArea: area,
                    postcode: addressBook.sitePostcode(inArea: area)
                )
            )
        }
        return schools
    }

    /// A school name not used yet: candidates are drawn up to 50 times, and the last draw is numbered if all were taken.
    private static func uniqueName(
        number: Int, used: inout Set<String>, random: inout RandomSource, candidates: (inout RandomSource) -> [String]
    ) -> String {
        var name = ""
        for attempt in 0..<50 {
            name = random.pick(candidates(&random))
            if attempt == 49 { name += " (\(number))" }
            if used.insert(name).inserted { break }
        }
        return name
    }

    /// DfE establishment numbers stay four digits: primaries 2001, 2004, … 3999 (as a borough of any size had them),
    /// then 5001 onwards (the range of other maintained schools); secondaries 4001, 4006, … 4996, then 8001 onwards.
    /// Very large boroughs (over about 3.3 million residents) reach the second ranges.
    static func primaryEstablishment(_ index: Int) -> Int {
        index <= 666 ? 2_001 + index * 3 : 5_001 + (index - 667)
    }

    static func secondaryEstablishment(_ index: Int) -> Int {
        index <= 199 ? 4_001 + index * 5 : 8_001 + (index - 200)
    }
}

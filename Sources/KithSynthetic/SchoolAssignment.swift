import KithSpreadsheet

/// Puts school-age children on the roll of a school near home and gives them Unique Pupil Numbers.
enum SchoolAssignment {
    /// The first September of the school year that contains `date`.
    static func academicYearStart(for date: CivilDate) -> Int {
        date.month >= 9 ? date.year : date.year - 1
    }

    /// Reception is 0 … Year 11 is 11; other values are outside compulsory school years.
    static func yearGroup(dateOfBirth: CivilDate, on date: CivilDate) -> Int {
        let birthCohort = dateOfBirth.month >= 9 ? dateOfBirth.year : dateOfBirth.year - 1
        return academicYearStart(for: date) - 5 - birthCohort
    }

    static func assign(
        households: inout [Household],
        residents: inout [Resident],
        schools: [School],
        areas: [SmallArea],
        neighbourhoods: Int,
        extractDate: CivilDate,
        seed: UInt64
    ) {
        var random = RandomSource(seed: seed, stream: "schools")
        let primaries = schools.indices.filter { schools[$0].phase == .primary }
        let secondaries = schools.indices.filter { schools[$0].phase == .secondary }
        let primaryCatchment = Catchment(candidates: primaries, schools: schools, areas: areas, neighbourhoods: neighbourhoods)
        let secondaryCatchment = Catchment(
            candidates: secondaries,
            schools: schools,
            areas: areas,
            neighbourhoods: neighbourhoods
        )
        var serials: [Int: Int] = [:]
        for householdIndex in households.indices {
            let household = households[householdIndex]
            let primary = primaryCatchment.choose(area: household.smallArea, schools: schools, random: &random)
            let secondary = secondaryCatchment.choose(area: household.smallArea, schools: schools, random: &random)
            households[householdIndex].primarySchool = primary
            households[householdIndex].secondarySchool = secondary
            for member in household.members {
                let group = yearGroup(dateOfBirth: residents[member].dateOfBirth, on: extractDate)
                guard (0...11).contains(group) else { continue }
                // A few are educated at home, privately or outside the borough.
                let onRoll = !random.chance(0.04 + 0.04 * household.latentNeed)
                // The UPN comes from the school where the child started, usually the household's primary.
                let starter = random.chance(0.9) ? primary : primaries[random.below(primaries.count)]
                let entryYear = academicYearStart(for: extractDate) - group
                let key = schools[starter].establishment * 100 + entryYear % 100
                let serial = (serials[key] ?? 0) + 1
                serials[key] = serial
                residents[member].upn = UniquePupilNumber.make(
                    localAuthority: PlaceNames.localAuthorityNumber,
                    establishment: schools[starter].establishment,
                    year: entryYear,
                    serial: serial
                )
                guard onRoll else { continue }
                residents[member].school = group <= 6 ? primary : secondary
                residents[member].yearGroup = group
            }
        }
    }

    /// The schools of one phase near each small area: the nearest (same neighbourhood first, then the closest area)
    /// and the others in its neighbourhood, so choosing costs nothing per household.
    struct Catchment {
        /// Per small area, the index of its nearest school.
        var nearest: [Int]
        /// Per neighbourhood, the indices of its schools.
        var local: [[Int]]

        init(candidates: [Int], schools: [School], areas: [SmallArea], neighbourhoods: Int) {
            local = Array(repeating: [], count: neighbourhoods)
            for index in candidates { local[schools[index].neighbourhood].append(index) }
            nearest = areas.indices.map { area in
                var best = candidates[0]
                var bestDistance = Int.max
                for index in candidates {
                    let school = schools[index]
                    let distance =
                        abs(school.neighbourhood - areas[area].neighbourhood) * 1_000 + abs(school.smallArea - area)
                    if distance < bestDistance {
                        best = index
                        bestDistance = distance
                    }
                }
                return best
            }
        }

        /// Usually the nearest school; one time in four another school in the same neighbourhood.
        func choose(area: Int, schools: [School], random: inout RandomSource) -> Int {
            let best = nearest[area]
            if random.chance(0.25) {
                let others = local[schools[best].neighbourhood]
                return others[random.below(others.count)]
            }
            return best
        }
    }
}

/// The neighbourhoods' indicators as figures: for each small area its denominators, counted from the generated
/// residents, and the thirty ``PlaceIndicator``s, each drawn from a stream of its own ("indicators/<id>"), so that
/// adding or changing one moves no other and nothing else the generator writes.
struct PlaceIndicatorTable: Sendable {
    /// The columns after the area's code and name: the denominators, then the indicators.
    static var columns: [String] { PlaceIndicator.denominators.map(\.id) + PlaceIndicator.all.map(\.id) }

    /// One row per small area, as written: every column's figure.
    var rows: [[String]]

    init(_ borough: Borough) {
        let extract = borough.extractDate
        var householdsOfArea = Array(repeating: [Int](), count: borough.smallAreas.count)
        for (index, household) in borough.households.enumerated() { householdsOfArea[household.smallArea].append(index) }

        var columns: [[String]] = []
        for group in [PlaceIndicator.Group.population, .households, .children, .olderPeople, .workingAge] {
            columns.append(
                householdsOfArea.map { households in
                    String(Self.size(of: group, in: households, borough))
                })
        }
        for indicator in PlaceIndicator.all {
            var random = RandomSource(seed: borough.configuration.seed, stream: "indicators/" + indicator.id)
            columns.append(
                borough.smallAreas.indices.map { area in
                    let households = householdsOfArea[area].map { borough.households[$0] }
                    switch indicator.measure {
                    case .score(let base, let slope, let limits):
                        let value = base + slope * (borough.smallAreas[area].need + random.normal(deviation: indicator.noise))
                        return DecimalText.fixed(clamp(value, limits.lowerBound, limits.upperBound), places: 1)
                    case .residents(let group, let chance):
                        let factor = max(0.2, 1 + random.normal(deviation: indicator.noise))
                        var count = 0
                        for household in households {
                            for member in household.members where group.includes(age: borough.residents[member].age(on: extract)) {
                                if random.chance(min(1, chance(borough.residents[member], household, borough) * factor)) { count += 1 }
                            }
                        }
                        return String(count)
                    case .households(let chance):
                        let factor = max(0.2, 1 + random.normal(deviation: indicator.noise))
                        var count = 0
                        for household in households where random.chance(min(1, chance(household, borough) * factor)) { count += 1 }
                        return String(count)
                    case .recorded(let group, let recorded):
                        var count = 0
                        for household in households {
                            for member in household.members
                            where group.includes(age: borough.residents[member].age(on: extract)) && recorded(borough.residents[member]) {
                                count += 1
                            }
                        }
                        return String(count)
                    }
                })
        }
        rows = borough.smallAreas.indices.map { area in columns.map { $0[area] } }
    }

    /// The size of a denominator's group among some households.
    static func size(of group: PlaceIndicator.Group, in households: [Int], _ borough: Borough) -> Int {
        guard group != .households else { return households.count }
        var count = 0
        for household in households {
            for member in borough.households[household].members where group.includes(age: borough.residents[member].age(on: borough.extractDate)) {
                count += 1
            }
        }
        return count
    }
}

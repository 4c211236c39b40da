/// Hands out dwellings street by street in each small area: house numbers in order, a new postcode every
/// dozen or so doors, blocks of flats sharing one postcode, and a few empty dwellings that movers left.
struct AddressBook {
    private struct Cursor {
        var street = ""
        var streetRemaining = 0
        var nextNumber = 1
        var skipsThirteen = false
        var postcode = ""
        var postcodeRemaining = 0
        var blockName = ""
        var blockStreet = ""
        var blockPostcode = ""
        var nextFlat = 1
        var blockRemaining = 0
    }

    /// The 20 letters a postcode's inward code may use (never C I K M O V).
    static let inwardLetters = Array("ABDEFGHJLNPQRSTUWXYZ")

    private var random: RandomSource
    private let neighbourhoods: [Neighbourhood]
    private let areas: [SmallArea]
    private var cursors: [Cursor]
    private var streetNames: [String]
    private var nextStreetName = 0
    private var usedPostcodes: Set<String> = []
    /// Postcodes handed out in each district; a full district overflows into `HY11`, `HY21`… for neighbourhood 1.
    private var postcodesPerDistrict: [String: Int] = [:]
    private var nextUPRN = 10_094_100_000
    /// Dwellings left empty, from which recent movers' previous addresses are taken.
    private(set) var vacant: [Address] = []
    /// The small area of every postcode handed out (homes, empty dwellings and sites alike): each postcode lies in one.
    private(set) var postcodeAreas: [String: Int] = [:]

    init(neighbourhoods: [Neighbourhood], areas: [SmallArea], random: RandomSource) {
        self.random = random
        self.neighbourhoods = neighbourhoods
        self.areas = areas
        cursors = Array(repeating: Cursor(), count: areas.count)
        var names: [String] = []
        for stem in PlaceNames.streetStems {
            for kind in PlaceNames.streetKinds { names.append(stem + " " + kind) }
        }
        self.random.shuffle(&names)
        streetNames = names
    }

    /// An occupied dwelling in a small area.
    mutating func dwelling(inArea area: Int) -> Address {
        let flatChance = 0.1 + 0.25 * areas[area].need
        while true {
            let address = random.chance(flatChance) ? flat(inArea: area) : house(inArea: area)
            if random.chance(0.07) {
                vacant.append(address)
                continue
            }
            return address
        }
    }

    /// Takes one empty dwelling, anywhere in the borough, for a household's previous address.
    mutating func takeVacant(avoidingArea area: Int) -> Address {
        if vacant.isEmpty {
            vacant.append(house(inArea: (area + 1) % areas.count))
        }
        var index = random.below(vacant.count)
        if vacant[index].smallArea == area, vacant.count > 1 { index = (index + 1) % vacant.count }
        let address = vacant[index]
        vacant.swapAt(index, vacant.count - 1)
        vacant.removeLast()
        return address
    }

    /// A new postcode in an area's sector, for a school or other non-residential site.
    mutating func sitePostcode(inArea area: Int) -> String {
        newPostcode(inArea: area)
    }

    private mutating func house(inArea area: Int) -> Address {
        if cursors[area].streetRemaining <= 0 {
            cursors[area].street = newStreetName()
            cursors[area].streetRemaining = random.int(in: 16...90)
            cursors[area].nextNumber = random.chance(0.2) ? random.int(in: 2...40) : 1
            cursors[area].skipsThirteen = random.chance(0.3)
            cursors[area].postcodeRemaining = 0
        }
        if cursors[area].postcodeRemaining <= 0 {
            cursors[area].postcode = newPostcode(inArea: area)
            cursors[area].postcodeRemaining = random.int(in: 6...18)
        }
        var number = cursors[area].nextNumber
        if number == 13, cursors[area].skipsThirteen { number = 14 }
        cursors[area].nextNumber = number + 1
        cursors[area].streetRemaining -= 1
        cursors[area].postcodeRemaining -= 1
        return Address(
            flat: nil,
            building: nil,
            number: number,
            street: cursors[area].street,
            locality: neighbourhoods[areas[area].neighbourhood].name,
            postcode: cursors[area].postcode,
            uprn: newUPRN(),
            neighbourhood: areas[area].neighbourhood,
            smallArea: area
        )
    }

    private mutating func flat(inArea area: Int) -> Address {
        if cursors[area].blockRemaining <= 0 {
            cursors[area].blockName = random.pick(PlaceNames.buildingStems) + " " + random.pick(PlaceNames.buildingKinds)
            cursors[area].blockStreet = cursors[area].street.isEmpty ? newStreetName() : cursors[area].street
            cursors[area].blockPostcode = newPostcode(inArea: area)
            cursors[area].nextFlat = 1
            cursors[area].blockRemaining = random.int(in: 8...40)
        }
        let flat = cursors[area].nextFlat
        cursors[area].nextFlat += 1
        cursors[area].blockRemaining -= 1
        return Address(
            flat: flat,
            building: cursors[area].blockName,
            number: nil,
            street: cursors[area].blockStreet,
            locality: neighbourhoods[areas[area].neighbourhood].name,
            postcode: cursors[area].blockPostcode,
            uprn: newUPRN(),
            neighbourhood: areas[area].neighbourhood,
            smallArea: area
        )
    }

    private mutating func newStreetName() -> String {
        let prefixes = ["", "Upper ", "Lower ", "Old ", "New ", "North ", "South ", "East ", "West "]
        let round = nextStreetName / streetNames.count
        let name = streetNames[nextStreetName % streetNames.count]
        nextStreetName += 1
        return round < prefixes.count ? prefixes[round] + name : name + " " + String(round)
    }

    private mutating func newPostcode(inArea area: Int) -> String {
        let neighbourhood = areas[area].neighbourhood
        var district = neighbourhoods[neighbourhood].postcodeDistrict
        var overflow = 0
        // Each district has 10 sectors of 400 units; keep a tenth free so random draws stay quick.
        while postcodesPerDistrict[district, default: 0] >= 3_600 {
            overflow += 1
            district = PlaceNames.postcodeArea + String(neighbourhood + 1 + overflow * 10)
        }
        postcodesPerDistrict[district, default: 0] += 1
        for attempt in 0..<100_000 {
            // The area's own sector first; once that looks full, any sector of the district.
            let sector = attempt < 60 ? areas[area].sectorDigit : random.below(10)
            let inward =
                String(sector) + String(random.pick(Self.inwardLetters)) + String(random.pick(Self.inwardLetters))
            let postcode = district + " " + inward
            if usedPostcodes.insert(postcode).inserted {
                postcodeAreas[postcode] = area
                return postcode
            }
        }
        preconditionFailure("postcode district \(district) is full")
    }

    private mutating func newUPRN() -> Int {
        nextUPRN += 1 + random.below(4)
        return nextUPRN
    }
}

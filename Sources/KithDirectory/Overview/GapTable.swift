/// Needs against neighbourhoods: in each, the services that meet the need there and how many are taking referrals,
/// so that a commissioner sees where nobody offers food or debt advice (the empty cells). A service is in a
/// neighbourhood when one of its locations' postcodes is (else its address's locality or town line names it), or a
/// service area names it.
public struct GapTable: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        public var services: [String]
        /// Of those, how many say they are taking referrals now.
        public var taking: Int
        /// Places free, summed over those that count them.
        public var placesFree: Int
        public var isEmpty: Bool { services.isEmpty }
    }

    public var needs: [String]
    public var neighbourhoods: [String]
    /// By need, then neighbourhood, in the order given.
    public var cells: [[Cell]]

    /// - Parameters:
    ///   - needs: the needs as terms ("Food"), in the order to show them.
    ///   - neighbourhoodOf: the neighbourhood of a postcode, if the borough has it.
    public init(_ services: [Service], needs: [String], neighbourhoods: [String], neighbourhoodOf: (String) -> String?) {
        self.needs = needs
        self.neighbourhoods = neighbourhoods
        let index = Dictionary(neighbourhoods.enumerated().map { (DirectorySearch.folded($1), $0) }, uniquingKeysWith: { first, _ in first })
        var cells = needs.map { _ in neighbourhoods.map { _ in Cell(services: [], taking: 0, placesFree: 0) } }
        for service in services where service.status == .active {
            var places = Set<Int>()
            for location in service.locations {
                for address in location.addresses ?? [] {
                    if let name = neighbourhoodOf(address.postalCode), let place = index[DirectorySearch.folded(name)] {
                        places.insert(place)
                    } else if let place = [address.address2, address.city].compactMap({ $0 }).lazy.compactMap({ index[DirectorySearch.folded($0)] })
                        .first
                    {
                        // An address whose locality line names the neighbourhood ("Hollin").
                        places.insert(place)
                    }
                }
            }
            for area in service.serviceAreas ?? [] {
                if let name = area.name, let place = index[DirectorySearch.folded(name)] { places.insert(place) }
            }
            let terms = DirectorySearch.terms(of: service)
            for (row, need) in needs.enumerated() where terms.contains(DirectorySearch.folded(need)) {
                for place in places {
                    cells[row][place].services.append(service.name)
                    if service.capacity?.acceptingReferrals == .yes { cells[row][place].taking += 1 }
                    cells[row][place].placesFree += service.capacity?.placesFree ?? 0
                }
            }
        }
        self.cells = cells
    }

    /// The empty cells, as (need, neighbourhood).
    public var gaps: [(need: String, neighbourhood: String)] {
        needs.indices.flatMap { row in
            neighbourhoods.indices.filter { cells[row][$0].isEmpty }.map { (needs[row], neighbourhoods[$0]) }
        }
    }
}

import Foundation

/// A directory's services made ready for many searches: each service's folded words, needs, languages, access notes,
/// schedules and points worked out once, and the services kept in name order, so that a search only compares.
/// ``DirectorySearch`` builds one for a single search; a server keeps one until the directory changes.
public struct DirectoryIndex: Sendable {
    /// What a search reads of one service, worked out once.
    struct Entry: Sendable {
        var service: Service
        var isActive: Bool
        var isTakingReferrals: Bool
        var minimumAge: Double?
        var maximumAge: Double?
        var nameWords: [String]
        var textWords: [String]
        var terms: Set<String>
        var languages: Set<String>
        var accessWords: [String]
        var schedules: [Schedule]
        /// The service's located places: their position in `service.locations`, and where they are.
        var points: [(location: Int, point: GeoPoint)]
    }

    /// In name order (then id): an entry's place is its rank.
    let entries: [Entry]
    private let positions: [String: Int]

    public init(services: [Service]) {
        let sorted = services.sorted { a, b in
            let order = a.name.localizedCaseInsensitiveCompare(b.name)
            return order == .orderedSame ? a.id < b.id : order == .orderedAscending
        }
        entries = sorted.map { service in
            let languages = ((service.languages ?? []) + service.locations.flatMap { $0.languages ?? [] })
                .flatMap { [$0.code, $0.name] }.compactMap { $0.map(DirectorySearch.folded) }
            return Entry(
                service: service, isActive: service.status == .active, isTakingReferrals: service.capacity?.acceptingReferrals == .yes,
                minimumAge: service.minimumAge, maximumAge: service.maximumAge, nameWords: DirectorySearch.words(service.name),
                textWords: DirectorySearch.words(DirectorySearch.searchText(of: service)), terms: DirectorySearch.terms(of: service),
                languages: Set(languages),
                accessWords: DirectorySearch.words(
                    service.locations.flatMap { $0.accessibility ?? [] }.map(DirectorySearch.accessText).joined(separator: " ")),
                schedules: DirectorySearch.schedules(of: service),
                points: service.locations.enumerated().compactMap { place, location in location.point.map { (place, $0) } }
            )
        }
        var positions: [String: Int] = [:]
        for (index, entry) in entries.enumerated() { positions[entry.service.id] = index }
        self.positions = positions
    }

    /// Every service, in name order.
    public var services: [Service] { entries.map(\.service) }

    public var count: Int { entries.count }

    /// One service by id.
    public func service(id: String) -> Service? {
        positions[id].map { entries[$0].service }
    }

    /// The services that answer the query: nearest first when it gives a place, else those whose name holds the
    /// words first, then by name.
    public func search(_ query: DirectoryQuery) -> [DirectoryMatch] {
        hits(query).map(match)
    }

    /// The same answer as ``search(_:)``, as positions in ``services`` with what the search worked out: cheap to
    /// count and to cut into pages, for the services themselves are not copied.
    public func hits(_ query: DirectoryQuery) -> [DirectoryHit] {
        let words = DirectorySearch.words(query.words ?? "")
        let needs = Set(query.needs.map(DirectorySearch.folded))
        let language = query.language.map(DirectorySearch.folded).flatMap { $0.isEmpty || $0 == "en" || $0 == "english" ? nil : $0 }
        let access = query.access.flatMap(DirectorySearch.words)
        var found: [(hit: DirectoryHit, nameHits: Int)] = []
        for position in entries.indices {
            if !query.includeClosed, !entries[position].isActive { continue }
            if query.acceptingReferralsOnly, !entries[position].isTakingReferrals { continue }
            if let age = query.age.map(Double.init) {
                if let minimum = entries[position].minimumAge, age < minimum { continue }
                if let maximum = entries[position].maximumAge, age > maximum { continue }
            }
            if !needs.isEmpty, !entries[position].terms.contains(where: needs.contains) { continue }
            if let language, !entries[position].languages.contains(language) { continue }
            if !access.isEmpty, !access.allSatisfy({ word in Self.anyStarts(entries[position].accessWords, with: word) }) { continue }
            var nameHits = 0
            if !words.isEmpty {
                let inName = words.map { word in Self.anyStarts(entries[position].nameWords, with: word) }
                guard zip(words, inName).allSatisfy({ word, named in named || Self.anyStarts(entries[position].textWords, with: word) })
                else { continue }
                nameHits = inName.filter { $0 }.count
            }
            var hit = DirectoryHit(position: position)
            if let near = query.near {
                var nearest: (place: Int, metres: Double)?
                for (place, point) in entries[position].points.enumerated() {
                    let metres = near.metres(to: point.point)
                    if metres < nearest?.metres ?? .infinity { nearest = (place, metres) }
                }
                hit.metres = nearest?.metres
                hit.nearestPlace = nearest.map { entries[position].points[$0.place].location }
                if let within = query.withinMetres, (hit.metres ?? .infinity) > within { continue }
            }
            if let moment = query.openAt {
                guard entries[position].schedules.contains(where: { $0.isOpen(at: moment) }) else { continue }
                hit.isOpen = true
            }
            found.append((hit, nameHits))
        }
        if query.near == nil && words.isEmpty { return found.map(\.hit) }
        return found.sorted { a, b in
            if query.near != nil, a.hit.metres != b.hit.metres {
                return (a.hit.metres ?? .infinity) < (b.hit.metres ?? .infinity)
            }
            if a.nameHits != b.nameHits { return a.nameHits > b.nameHits }
            return a.hit.position < b.hit.position
        }.map(\.hit)
    }

    /// The service a hit names, with what the search worked out about it.
    public func match(_ hit: DirectoryHit) -> DirectoryMatch {
        let service = entries[hit.position].service
        return DirectoryMatch(
            service: service, metres: hit.metres, nearestLocation: hit.nearestPlace.map { service.locations[$0] }, isOpen: hit.isOpen)
    }

    /// The service at a position of ``services``.
    public func service(at position: Int) -> Service {
        entries[position].service
    }

    /// Whether any of the folded words starts with `prefix`, compared byte by byte (both are folded already).
    static func anyStarts(_ words: [String], with prefix: String) -> Bool {
        words.contains { $0.utf8.starts(with: prefix.utf8) }
    }
}

/// One service that answered a search, by its position in the index, with what the search worked out about it.
public struct DirectoryHit: Sendable, Equatable {
    /// Its position in ``DirectoryIndex/services``.
    public var position: Int
    /// The distance to its nearest located place, when the search gave a place.
    public var metres: Double?
    /// That place's position in the service's ``Service/locations``.
    public var nearestPlace: Int?
    /// True when the search asked for services open at a moment.
    public var isOpen: Bool?

    public init(position: Int, metres: Double? = nil, nearestPlace: Int? = nil, isOpen: Bool? = nil) {
        self.position = position
        self.metres = metres
        self.nearestPlace = nearestPlace
        self.isOpen = isOpen
    }
}

import Foundation

/// A directory's services made ready for many searches: each service's folded words, needs, languages, access notes,
/// schedules and points worked out once, and the services kept in name order, so that a search only compares.
/// ``DirectorySearch`` builds one for a single search; a server keeps one until the directory changes.
public struct DirectoryIndex: Sendable {
    /// What a search reads of one service, worked out once.
    struct Entry: Sendable {
        var service: Service
        var nameWords: [String]
        var textWords: [String]
        var terms: Set<String>
        var languages: Set<String>
        var accessWords: [String]
        var schedules: [Schedule]
        var places: [(location: Location, point: GeoPoint)]
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
                service: service, nameWords: DirectorySearch.words(service.name),
                textWords: DirectorySearch.words(DirectorySearch.searchText(of: service)), terms: DirectorySearch.terms(of: service),
                languages: Set(languages),
                accessWords: DirectorySearch.words(
                    service.locations.flatMap { $0.accessibility ?? [] }.map(DirectorySearch.accessText).joined(separator: " ")),
                schedules: DirectorySearch.schedules(of: service),
                places: service.locations.compactMap { location in location.point.map { (location, $0) } }
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
        let words = DirectorySearch.words(query.words ?? "")
        let needs = Set(query.needs.map(DirectorySearch.folded))
        let language = query.language.map(DirectorySearch.folded).flatMap { $0.isEmpty ? nil : $0 }
        let access = query.access.flatMap(DirectorySearch.words)
        var found: [(match: DirectoryMatch, nameHits: Int, rank: Int)] = []
        for (rank, entry) in entries.enumerated() {
            let service = entry.service
            guard query.includeClosed || service.status == .active else { continue }
            if query.acceptingReferralsOnly, service.capacity?.acceptingReferrals != .yes { continue }
            if let age = query.age {
                if let minimum = service.minimumAge, Double(age) < minimum { continue }
                if let maximum = service.maximumAge, Double(age) > maximum { continue }
            }
            if !needs.isEmpty, !entry.terms.contains(where: needs.contains) { continue }
            if let language, language != "en", language != "english", !entry.languages.contains(language) { continue }
            if !access.isEmpty, !access.allSatisfy({ word in Self.anyStarts(entry.accessWords, with: word) }) { continue }
            var nameHits = 0
            if !words.isEmpty {
                let inName = words.map { word in Self.anyStarts(entry.nameWords, with: word) }
                guard zip(words, inName).allSatisfy({ word, named in named || Self.anyStarts(entry.textWords, with: word) }) else { continue }
                nameHits = inName.filter { $0 }.count
            }
            var match = DirectoryMatch(service: service, metres: nil, nearestLocation: nil, isOpen: nil)
            if let near = query.near {
                if let nearest = entry.places.map({ ($0.location, near.metres(to: $0.point)) }).min(by: { $0.1 < $1.1 }) {
                    match.nearestLocation = nearest.0
                    match.metres = nearest.1
                }
                if let within = query.withinMetres, (match.metres ?? .infinity) > within { continue }
            }
            if let moment = query.openAt {
                guard entry.schedules.contains(where: { $0.isOpen(at: moment) }) else { continue }
                match.isOpen = true
            }
            found.append((match, nameHits, rank))
        }
        if query.near == nil && words.isEmpty { return found.map(\.match) }
        return found.sorted { a, b in
            if query.near != nil, a.match.metres != b.match.metres {
                return (a.match.metres ?? .infinity) < (b.match.metres ?? .infinity)
            }
            if a.nameHits != b.nameHits { return a.nameHits > b.nameHits }
            return a.rank < b.rank
        }.map(\.match)
    }

    /// Whether any of the folded words starts with `prefix`, compared byte by byte (both are folded already).
    static func anyStarts(_ words: [String], with prefix: String) -> Bool {
        words.contains { $0.utf8.starts(with: prefix.utf8) }
    }
}

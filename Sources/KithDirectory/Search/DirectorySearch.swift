import Foundation

/// A service that matched a search, with what the search worked out about it.
public struct DirectoryMatch: Sendable, Equatable {
    public var service: Service
    /// The distance to its nearest location that says where it is; nil when the search gave no place or the
    /// service gives no coordinates.
    public var metres: Double?
    /// That nearest location.
    public var nearestLocation: Location?
    /// Whether it is open at the search's moment; nil when the search asked nothing of time.
    public var isOpen: Bool?
}

/// Finds the services that answer a ``DirectoryQuery`` among a directory's services, nearest first when the search
/// gives a place, else those whose name holds the words first, then by name. Pure: the store hands it the services.
public enum DirectorySearch {
    public static func search(_ services: [Service], _ query: DirectoryQuery) -> [DirectoryMatch] {
        let words = Self.words(query.words ?? "")
        let needs = Set(query.needs.map(Self.folded))
        let language = query.language.map(Self.folded).flatMap { $0.isEmpty ? nil : $0 }
        let access = query.access.flatMap(Self.words)
        var matches: [(match: DirectoryMatch, nameHits: Int)] = []
        for service in services {
            guard query.includeClosed || service.status == .active else { continue }
            if query.acceptingReferralsOnly, service.capacity?.acceptingReferrals != .yes { continue }
            if let age = query.age {
                if let minimum = service.minimumAge, Double(age) < minimum { continue }
                if let maximum = service.maximumAge, Double(age) > maximum { continue }
            }
            if !needs.isEmpty, !Self.terms(of: service).contains(where: needs.contains) { continue }
            if let language, !Self.speaks(service, language) { continue }
            if !access.isEmpty {
                let notes = Self.words(service.locations.flatMap { $0.accessibility ?? [] }.map(Self.accessText).joined(separator: " "))
                guard access.allSatisfy({ word in notes.contains { $0.hasPrefix(word) } }) else { continue }
            }
            var nameHits = 0
            if !words.isEmpty {
                let name = Self.words(service.name)
                let text = name + Self.words(Self.searchText(of: service))
                guard words.allSatisfy({ word in text.contains { $0.hasPrefix(word) } }) else { continue }
                nameHits = words.filter { word in name.contains { $0.hasPrefix(word) } }.count
            }
            var match = DirectoryMatch(service: service, metres: nil, nearestLocation: nil, isOpen: nil)
            if let near = query.near {
                let placed = service.locations.compactMap { location in location.point.map { (location, near.metres(to: $0)) } }
                if let nearest = placed.min(by: { $0.1 < $1.1 }) {
                    match.nearestLocation = nearest.0
                    match.metres = nearest.1
                }
                if let within = query.withinMetres, (match.metres ?? .infinity) > within { continue }
            }
            if let moment = query.openAt {
                let open = Self.schedules(of: service).contains { $0.isOpen(at: moment) }
                guard open else { continue }
                match.isOpen = open
            }
            matches.append((match, nameHits))
        }
        return matches.sorted { a, b in
            if query.near != nil, a.match.metres != b.match.metres {
                return (a.match.metres ?? .infinity) < (b.match.metres ?? .infinity)
            }
            if a.nameHits != b.nameHits { return a.nameHits > b.nameHits }
            let order = a.match.service.name.localizedCaseInsensitiveCompare(b.match.service.name)
            return order == .orderedSame ? a.match.service.id < b.match.service.id : order == .orderedAscending
        }.map(\.match)
    }

    /// The service's needs: its attributes' term ids, terms and names, folded.
    static func terms(of service: Service) -> Set<String> {
        var terms: Set<String> = []
        for attribute in service.attributes ?? [] {
            for value in [attribute.taxonomyTermId, attribute.taxonomyTerm?.id, attribute.taxonomyTerm?.term, attribute.taxonomyTerm?.name] {
                if let value { terms.insert(Self.folded(value)) }
            }
        }
        return terms
    }

    /// English, or a language the service or one of its locations names by code or name.
    static func speaks(_ service: Service, _ language: String) -> Bool {
        if language == "en" || language == "english" { return true }
        let languages = (service.languages ?? []) + service.locations.flatMap { $0.languages ?? [] }
        return languages.contains { known in
            [known.code, known.name].contains { $0.map(Self.folded) == language }
        }
    }

    /// Every schedule of the service: its own and its locations'.
    public static func schedules(of service: Service) -> [Schedule] {
        (service.schedules ?? []) + (service.serviceAtLocations ?? []).flatMap { $0.schedules ?? [] }
    }

    static func searchText(of service: Service) -> String {
        var parts = [service.description, service.organization?.name, service.eligibilityDescription]
        for attribute in service.attributes ?? [] {
            parts += [attribute.taxonomyTerm?.term, attribute.taxonomyTerm?.name]
        }
        return parts.compactMap { $0 }.joined(separator: " ")
    }

    static func accessText(_ accessibility: Accessibility) -> String {
        [accessibility.description, accessibility.details, accessibility.accessibility].compactMap { $0 }.joined(separator: " ")
    }

    /// Lower case, without accents, for comparing what people type with what services say.
    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).trimmingCharacters(in: .whitespaces)
    }

    /// The folded words of a text: runs of letters and digits ("step-free" is "step" and "free").
    static func words(_ text: String) -> [String] {
        Self.folded(text).split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }
}

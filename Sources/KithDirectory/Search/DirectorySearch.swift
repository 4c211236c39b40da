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
        DirectoryIndex(services: services).search(query)
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

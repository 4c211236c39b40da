import Foundation

/// Where requests are worked: a neighbourhood hub, which takes the requests of residents living in its areas, or a
/// named team (the council's welfare rights team), which takes those routed to it by hand. A council configures its
/// own (`kith hubs add`).
public struct Hub: Sendable, Equatable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case hub, team
    }

    /// A short id for addresses: `north`, `welfare-rights`.
    public var id: String
    public var name: String
    public var kind: Kind
    /// The areas a hub covers: postcode districts (`HY3`) or area names as the lists give them, upper case.
    public var areas: [String]
    /// How long an urgent request may wait for someone to pick it up before the queue flags it.
    public var urgentPickupMinutes: Int

    public init(id: String, name: String, kind: Kind = .hub, areas: [String] = [], urgentPickupMinutes: Int = 120) {
        self.id = id
        self.name = name
        self.kind = kind
        self.areas = areas.map { $0.uppercased() }
        self.urgentPickupMinutes = urgentPickupMinutes
    }

    /// Whether the id is one an address can carry: 2 to 40 lower-case letters, digits and dashes.
    public static func isValidID(_ id: String) -> Bool {
        (2...40).contains(id.count) && id.allSatisfy { ($0.isLetter && $0.isLowercase && $0.isASCII) || $0.isNumber || $0 == "-" }
    }
}

/// Routes a request to the hub of the resident's address: the hub covering the postcode's district, else the one
/// covering the area the lists give the person; nil when no hub covers either, for a coordinator to route by hand.
public struct HubRouter: Sendable {
    private let byArea: [String: Hub]

    public init(hubs: [Hub]) {
        var byArea: [String: Hub] = [:]
        for hub in hubs where hub.kind == .hub {
            for area in hub.areas where byArea[area] == nil { byArea[area] = hub }
        }
        self.byArea = byArea
    }

    public func hub(postcode: String?, area: String?) -> Hub? {
        if let postcode, let district = Self.district(of: postcode), let hub = byArea[district] { return hub }
        if let area, let hub = byArea[area.uppercased()] { return hub }
        return nil
    }

    /// The outward code of a postcode, `HY3` of `HY3 4AB`.
    public static func district(of postcode: String) -> String? {
        let trimmed = postcode.trimmingCharacters(in: .whitespaces).uppercased()
        guard !trimmed.isEmpty else { return nil }
        if let space = trimmed.firstIndex(of: " ") { return String(trimmed[..<space]) }
        return trimmed.count > 3 ? String(trimmed.dropLast(3)) : trimmed
    }
}

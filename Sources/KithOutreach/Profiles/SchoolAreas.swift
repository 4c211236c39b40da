/// The area each school's pupils mostly live in, so that a child whom only the school list knows (no address, no
/// postcode: the most urgent welfare checks were such children) still falls in a caseworker's area and reaches a
/// team, marked as placed by their school rather than by an address. Anyone still without an area (a school none of
/// whose pupils has an address on any list, an adult on lists without postcodes) is put in the area
/// ``noAddressArea``, which the area filter offers and a caseworker account can be given, so that a team owns them.
public struct SchoolAreas: Sendable, Equatable {
    /// The area of people no list gives a postcode or area for, and whose school lends none.
    public static let noAddressArea = "Area not known"

    /// The area most of each school's pupils with a known area live in, by URN (or by name where a list gives none).
    public private(set) var areaBySchool: [String: String]

    /// Learns each school's area from the profiles that have both a school and an area of their own.
    public init(profiles: [PersonProfile]) {
        var counts: [String: [String: Int]] = [:]
        for profile in profiles where !profile.areaFromSchool {
            guard let area = profile.area, !area.isEmpty, area != Self.noAddressArea, let school = Self.key(of: profile) else { continue }
            counts[school, default: [:]][area, default: 0] += 1
        }
        // The commonest area; ties go to the first in order, so that the answer never depends on hashing.
        areaBySchool = counts.mapValues { areas in areas.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "" }
    }

    /// Learns each school's area from counts of pupils with an area of their own, by school key and area.
    public init(counts: [String: [String: Int]]) {
        let counts = counts.mapValues { $0.filter { !$0.key.isEmpty && $0.key != Self.noAddressArea } }.filter { !$0.value.isEmpty }
        areaBySchool = counts.mapValues { areas in areas.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "" }
    }

    /// Where someone with no area of their own and this school key is placed, and whether by their school.
    public func place(schoolKey: String?) -> (area: String, fromSchool: Bool) {
        if let schoolKey, let area = areaBySchool[schoolKey] { return (area, true) }
        return (Self.noAddressArea, false)
    }

    /// The school's area for a profile with no area of its own, else ``noAddressArea``; the profile unchanged when
    /// it has an area.
    public func placing(_ profile: PersonProfile) -> PersonProfile {
        guard profile.area?.isEmpty ?? true else { return profile }
        var placed = profile
        if let school = Self.key(of: profile), let area = areaBySchool[school] {
            placed.area = area
            placed.areaFromSchool = true
        } else {
            placed.area = Self.noAddressArea
        }
        return placed
    }

    private static func key(of profile: PersonProfile) -> String? {
        profile.schoolURN.flatMap { $0.isEmpty ? nil : $0 } ?? profile.school?.lowercased()
    }
}

import Foundation
import KithDirectory
import KithOutreach
import KithSpreadsheet
import KithStandard
import KithStore

/// The gap view's table: the directory's needs against the borough's neighbourhoods, with the services in each cell
/// and how many are taking referrals, so that a commissioner sees where nobody offers food or debt advice. The
/// neighbourhoods are those the residents' lists give (their areas: a neighbourhood's name or a postcode district); a
/// directory without residents yet uses the localities its own addresses name.
public struct DirectoryGaps: Sendable {
    public let database: any Store

    public init(database: any Store) {
        self.database = database
    }

    public func table() throws -> GapTable {
        let decoder = JSONDecoder()
        let services = try database.directory.services().compactMap { try? decoder.decode(Service.self, from: Data($0.json.utf8)) }
        let needs = try database.directory.taxonomyTerms().map(\.term).filter { !$0.isEmpty }
        // "Area not known" holds the residents without an address: no service can be placed in it.
        var neighbourhoods = try database.profiles.areasAndSchools(among: nil).areas.filter { $0 != SchoolAreas.noAddressArea }
        if neighbourhoods.isEmpty {
            let localities = services.flatMap(\.locations).flatMap { $0.addresses ?? [] }.compactMap(\.address2).filter { !$0.isEmpty }
            neighbourhoods = Array(Set(localities)).sorted()
        }
        // Residents' areas are often postcode districts (HY5): a service's postcode then places it by its own district.
        return GapTable(services, needs: needs, neighbourhoods: neighbourhoods, neighbourhoodOf: Self.district)
    }

    /// A postcode's district, its outward code (`HY5` of `HY5 2AB`), as KithStandard's postcode reader gives it.
    static func district(_ postcode: String) -> String? {
        PostcodeReader().read(postcode, context: readingContext).facts["district"]
    }

    /// Postcodes read the same on any date.
    private static let readingContext = ReadingContext(referenceDate: CivilDate(year: 2000, month: 1, day: 1)!)
}

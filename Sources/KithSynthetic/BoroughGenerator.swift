import Foundation
import KithDirectory
import KithSpreadsheet

/// Generates a synthetic borough and the messy lists its partners would send, for demos, tests and benchmarks.
///
/// Nothing it writes is real personal data: every name, date, address and number is generated.
///
/// ## The borough
/// Kithmoor has `people` residents in households — singles, couples, families, lone parents, multi-generational
/// households, older people living alone and house shares — across seven neighbourhood hub areas and about one
/// LSOA-like small area per 500 residents (codes `E019xxxxx`, far above any real LSOA). Addresses are house
/// numbers on invented streets or flats in named blocks; postcodes all sit in the invented area `HY` (districts
/// `HY1`–`HY7`, one per neighbourhood, overflowing to `HY11`… past ~700,000 residents), valid in format but not
/// real. Each dwelling has a UPRN. Names follow the heritage mix of an English metropolitan borough (White British,
/// Irish, Polish, Romanian, Pakistani, Indian, Bangladeshi, Somali, Nigerian, Caribbean, Chinese, Arab, Southern
/// European) by sex and period of birth. NHS numbers pass Modulus 11 in the 4xx/6xx/7xx ranges; UPNs carry valid
/// check letters; mobiles sit in the `07700` block of Ofcom's drama range, landlines in Ofcom's fictional `01632`
/// code, emails at RFC 2606 example domains. There are about 40 primary and 8 secondary schools per 50,000 people.
///
/// Hard cases for matching are built in: twins (same birthday and surname), sons named after their fathers,
/// women who changed family name on marriage (some lists still hold the old one), households that moved
/// (some lists hold the previous address), Polish `-ski`/`-ska` surnames and women who keep their own names.
///
/// ## Need
/// Every small area, household and person has a hidden latent need from 0 to 1. Need drives who appears where:
/// shielding (illness, age), adult social care, children in need / on a protection plan / looked after, food
/// bank referrals, helpline calls and school absence all become more likely as need rises. A vulnerability
/// score computed from the lists can be tested against `truth/people.csv`'s `latent_need`.
///
/// ## Files
/// `lists/` holds what partners send, each with its own headers, date style, delimiter and encoding:
/// - `nhs-shielding-list.csv` — UTF-8, comma, `dd/mm/yyyy`, NHS numbers (a few missing, mistyped or 9999999999);
/// - `adult-social-care.xlsx`, sheet "Clients" — date cells, a TRUE/FALSE "Lives Alone" column, a few duplicate clients;
/// - `childrens-services.xlsx`, sheet "Open cases" — a merged title, an extract-date line and a blank row above the header;
/// - `school-attendance.csv` — UTF-8 with BOM, semicolons, ISO dates, one row per pupil on roll;
/// - `helpline-calls.csv` — Windows-1252, `05-Nov-2026` call dates, `d/m/yy` birth dates, multi-line quoted notes;
/// - `food-bank-referrals.csv` — pipe-delimited, US `mm/dd/yyyy` dates, full names in one column.
///
/// Each list carries realistic mess at a few per cent: typos, nicknames, initials, lost accents, ALL CAPS and
/// lower case, stray spaces, day/month swaps, postcodes without spaces, phone numbers in many spellings.
///
/// `truth/` holds `people.csv`, `households.csv`, `records.csv` (which person each list row describes; row
/// numbers as Excel shows them), `areas.csv`, `schools.csv` and `underserved-areas.csv`.
///
/// ## Places
/// The borough has an invented map (``BoroughMap``): a roughly round town about 8.5 km across around 53.55° N,
/// 2.1° W, its seven hub areas the wandering Voronoi regions of hub centres on a ring 3 km out, each divided into its
/// own small areas, which are the neighbourhoods of the neighbourhood index (dense central ones small, outlying ones
/// large; the neediest where homes are densest). `places/` holds:
/// - `boundaries.geojson` — a GeoJSON FeatureCollection with a Polygon for every neighbourhood (properties `code`,
///   `name`, `level` "neighbourhood", `parent` its hub area's code) and every hub area (`level` "hub", code the help
///   hub's id such as `calder-vale`, `parent` null); a hub area's outline is exactly its neighbourhoods' together;
/// - `postcodes.csv` — `pcds,lat,long,neighbourhood,hub` in the manner of the ONS Postcode Directory: every postcode
///   the generator used, its centroid inside its neighbourhood's outline (the same point the directory's
///   `postcode-centroids.csv` gives);
/// - `indicators.csv` — one row per neighbourhood: `area_code,area_name`, the denominators `population`,
///   `households`, `children`, `older_people` and `working_age` counted from the residents, then 30 indicators in
///   seven domains (income, employment, health, education, housing, crime and safety, community and access), each
///   following hidden need with noise, counts drawn from the residents themselves (see ``PlaceIndicator``);
/// - `indicators-metadata.csv` — `id,name,domain,source,date,unit,denominator,higher_is_more_need` for every column.
///
/// ## Under-served neighbourhoods
/// About one neighbourhood in twelve with need in the upper half (8 of the default 100, spread over the hub areas;
/// see ``UnderservedAreas``) is hidden as under-served: its residents ask the help desk (`help/requests.csv`) and
/// ring the helpline (the helpline call log) only 25–35% as often as others of the same need. Nothing else about
/// them changes: their residents are on every other list as before. `truth/underserved-areas.csv` names them
/// (`code,name,hub,need,call_factor`), for measuring whether an overlay of demand on need finds them.
///
/// ## Repeatability
/// Every choice comes from a seeded xoshiro256** generator, split into named streams, with no clock and no
/// platform maths library, so the same configuration gives byte-identical files: workbooks are stamped with
/// the extract date, not the time they were written.
///
/// ```swift
/// let generator = BoroughGenerator(configuration: BoroughConfiguration(people: 2_000, seed: 7))
/// let summary = try generator.write(to: URL(fileURLWithPath: "borough"))
/// for list in summary.lists { print(list.source, list.rows) }
/// ```
public struct BoroughGenerator: Sendable {
    /// What to generate.
    public let configuration: BoroughConfiguration

    /// A generator for one configuration; nothing is built until ``write(to:)``.
    public init(configuration: BoroughConfiguration) {
        self.configuration = configuration
    }

    /// Writes DIR/lists/* (what partners send), DIR/truth/* (known only to the generator), DIR/directory/* (the
    /// borough's services directory, see ``DirectoryGenerator``), DIR/help/* (the help desk's hubs, volunteers and
    /// requests) and DIR/places/* (outlines, postcodes and indicators); returns what it wrote.
    public func write(to directory: URL) throws -> BoroughSummary {
        let borough = Borough(configuration: configuration)
        let tables = Self.makeLists(borough)
        let fileManager = FileManager.default
        let listsDirectory = directory.appendingPathComponent("lists", isDirectory: true)
        let truthDirectory = directory.appendingPathComponent("truth", isDirectory: true)
        try fileManager.createDirectory(at: listsDirectory, withIntermediateDirectories: true)
        try fileManager.createDirectory(at: truthDirectory, withIntermediateDirectories: true)

        var lists: [GeneratedList] = []
        for table in tables {
            let url = listsDirectory.appendingPathComponent(table.fileName)
            try ListFileWriter.write(table, to: url, timestamp: configuration.extractTimestamp)
            lists.append(GeneratedList(source: table.source, file: url, sheet: table.sheet, rows: table.rows.count))
        }
        try Truth.write(borough, tables: tables, to: truthDirectory)
        let map = BoroughMap(borough: borough)
        var directoryOutput = DirectoryGenerator(configuration: configuration).generate(for: borough, map: map)
        // Every home's postcode is placed too, so that volunteers can be matched to residents by distance.
        for household in borough.households where directoryOutput.postcodeCentroids[household.address.postcode] == nil {
            directoryOutput.postcodeCentroids[household.address.postcode] = map.centroid(of: household.address.postcode)
        }
        let directoryFile = try Self.writeDirectory(directoryOutput, to: directory.appendingPathComponent("directory", isDirectory: true))
        let help = try HelpGenerator.write(borough, to: directory.appendingPathComponent("help", isDirectory: true))
        // Every postcode used: homes, empty dwellings (some movers' previous addresses), schools and the directory's sites.
        let places = try PlacesWriter.write(
            borough, map: map, postcodes: Array(borough.postcodeAreas.keys) + Array(directoryOutput.postcodeCentroids.keys),
            to: directory.appendingPathComponent("places", isDirectory: true))
        return BoroughSummary(
            people: borough.residents.count,
            households: borough.households.count,
            neighbourhoods: borough.neighbourhoods.count,
            smallAreas: borough.smallAreas.count,
            lists: lists,
            directory: directoryFile,
            help: help,
            places: places
        )
    }

    /// Writes the borough's services directory as one ORUK 3.0 `/services` page (`services.json`, every service fully
    /// nested) and its postcodes' invented centroids (`postcode-centroids.csv`); returns the page's file.
    static func writeDirectory(_ output: DirectoryGenerator.Output, to folder: URL) throws -> GeneratedDirectory {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let services = folder.appendingPathComponent("services.json")
        let page = ORUKPage(paging: output.services, pageNumber: 1, perPage: max(1, output.services.count))
        try ORUKWriter.json(page: page).write(to: services, options: .atomic)
        var centroids = "postcode,latitude,longitude\n"
        for postcode in output.postcodeCentroids.keys.sorted() {
            let point = output.postcodeCentroids[postcode]!
            centroids += "\(postcode),\(point.latitude),\(point.longitude)\n"
        }
        try Data(centroids.utf8).write(to: folder.appendingPathComponent("postcode-centroids.csv"), options: .atomic)
        return GeneratedDirectory(file: services, services: output.services.count, organizations: output.organizations.count)
    }

    /// Every partner list, in memory, in the order they are written.
    static func makeLists(_ borough: Borough) -> [ListTable] {
        [
            ShieldingListWriter.make(borough),
            AdultSocialCareWriter.make(borough),
            ChildrensServicesWriter.make(borough),
            SchoolAttendanceWriter.make(borough),
            HelplineWriter.make(borough),
            FoodBankWriter.make(borough),
        ]
    }
}

import Foundation

/// What ``BoroughGenerator/write(to:)`` produced: the size of the borough and the lists it wrote.
public struct BoroughSummary: Sendable {
    /// Residents in the borough.
    public var people: Int
    /// Households (one per occupied dwelling).
    public var households: Int
    /// Neighbourhood hub areas (always seven).
    public var neighbourhoods: Int
    /// LSOA-like small areas.
    public var smallAreas: Int
    /// The partner lists, in the order they were written.
    public var lists: [GeneratedList]
    /// The borough's services directory, as ORUK JSON; nil when none was written.
    public var directory: GeneratedDirectory?
    /// The help desk's hubs, volunteer bureau and eight weeks of requests; nil when none were written.
    public var help: GeneratedHelp?
    /// The neighbourhoods' and hub areas' outlines, the postcode lookup and the indicators; nil when none were written.
    public var places: GeneratedPlaces?

    /// A summary of a written borough.
    public init(
        people: Int, households: Int, neighbourhoods: Int, smallAreas: Int, lists: [GeneratedList], directory: GeneratedDirectory? = nil,
        help: GeneratedHelp? = nil, places: GeneratedPlaces? = nil
    ) {
        self.people = people
        self.households = households
        self.neighbourhoods = neighbourhoods
        self.smallAreas = smallAreas
        self.lists = lists
        self.directory = directory
        self.help = help
        self.places = places
    }
}

/// The services directory written beside a borough's lists.
public struct GeneratedDirectory: Sendable {
    /// The ORUK 3.0 JSON file: one `/services` page holding every service.
    public var file: URL
    public var services: Int
    public var organizations: Int

    public init(file: URL, services: Int, organizations: Int) {
        self.file = file
        self.services = services
        self.organizations = organizations
    }
}

/// One partner list written to disk.
public struct GeneratedList: Sendable {
    /// The partner's name for it, such as "NHS shielding list".
    public var source: String
    /// The file written.
    public var file: URL
    /// The worksheet holding the table, for XLSX files; nil for CSV.
    public var sheet: String?
    /// Data rows, not counting headers or title rows.
    public var rows: Int

    /// A record of one written list.
    public init(source: String, file: URL, sheet: String?, rows: Int) {
        self.source = source
        self.file = file
        self.sheet = sheet
        self.rows = rows
    }
}

/// The places written beside a borough's lists (`places/`).
public struct GeneratedPlaces: Sendable {
    /// `boundaries.geojson`: a FeatureCollection of every neighbourhood and hub area's outline.
    public var boundaries: URL
    /// `postcodes.csv`: `pcds,lat,long,neighbourhood,hub`, every postcode the borough uses.
    public var postcodes: URL
    /// `indicators.csv`: one row per neighbourhood, its denominators and indicators.
    public var indicators: URL
    /// `indicators-metadata.csv`: what each column of the indicators file is.
    public var indicatorMetadata: URL
    /// Neighbourhoods (the small areas), each with an outline and a row of indicators.
    public var neighbourhoods: Int
    /// Hub areas (always seven).
    public var hubAreas: Int
    public var postcodeCount: Int
    /// Indicators, not counting the five denominators.
    public var indicatorCount: Int

    public init(
        boundaries: URL, postcodes: URL, indicators: URL, indicatorMetadata: URL, neighbourhoods: Int, hubAreas: Int, postcodeCount: Int,
        indicatorCount: Int
    ) {
        self.boundaries = boundaries
        self.postcodes = postcodes
        self.indicators = indicators
        self.indicatorMetadata = indicatorMetadata
        self.neighbourhoods = neighbourhoods
        self.hubAreas = hubAreas
        self.postcodeCount = postcodeCount
        self.indicatorCount = indicatorCount
    }
}

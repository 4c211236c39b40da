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

    /// A summary of a written borough.
    public init(
        people: Int, households: Int, neighbourhoods: Int, smallAreas: Int, lists: [GeneratedList], directory: GeneratedDirectory? = nil,
        help: GeneratedHelp? = nil
    ) {
        self.people = people
        self.households = households
        self.neighbourhoods = neighbourhoods
        self.smallAreas = smallAreas
        self.lists = lists
        self.directory = directory
        self.help = help
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

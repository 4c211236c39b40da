import Foundation

/// One column of a template sheet: the header a partner reads and the HXL-style tag Kith reads it by.
public struct TemplateColumn: Sendable, Equatable {
    public var header: String
    public var tag: String
    /// A short hint shown in the header cell's note: what to write.
    public var hint: String

    public init(_ header: String, _ tag: String, _ hint: String = "") {
        self.header = header
        self.tag = tag
        self.hint = hint
    }
}

/// One sheet of the directory template: one ORUK table, one row per item.
public struct TemplateSheet: Sendable, Equatable {
    public var name: String
    /// Which ORUK table the sheet fills.
    public var table: String
    public var columns: [TemplateColumn]

    public init(name: String, table: String, columns: [TemplateColumn]) {
        self.name = name
        self.table = table
        self.columns = columns
    }
}

/// The spreadsheet a VCS partner fills in to describe its services: one sheet per ORUK table, a row of headers
/// and under it a row of tags, then one row per item. ``DirectoryTemplateWriter`` writes it (blank or filled)
/// and ``DirectoryTemplateReader`` reads it back into the model.
public enum DirectoryTemplate {
    public static let organizations = TemplateSheet(
        name: "Organisations", table: "organization",
        columns: [
            TemplateColumn("Organisation id", "#org +id", "A UUID; keep it the same every time"),
            TemplateColumn("Name", "#org +name"),
            TemplateColumn("What it does", "#org +description"),
            TemplateColumn("Email", "#org +email"),
            TemplateColumn("Website", "#org +url"),
            TemplateColumn("Registered number id", "#org +identifier +id", "Blank: Kith makes one"),
            TemplateColumn("Kind of number", "#org +identifier +type", "Charity number, Company number"),
            TemplateColumn("Scheme", "#org +identifier +scheme", "GB-CHC, GB-COH"),
            TemplateColumn("Number", "#org +identifier"),
        ])

    public static let services = TemplateSheet(
        name: "Services", table: "service",
        columns: [
            TemplateColumn("Service id", "#x_service +id", "A UUID; keep it the same every time"),
            TemplateColumn("Organisation id", "#org +id"),
            TemplateColumn("Name", "#x_service +name"),
            TemplateColumn("Description", "#x_service +description"),
            TemplateColumn("Web page", "#x_service +url"),
            TemplateColumn("Email", "#x_service +email"),
            TemplateColumn("Status", "#x_service +status", "active, inactive, defunct, temporarily closed"),
            TemplateColumn("Minimum age", "#x_service +age +min"),
            TemplateColumn("Maximum age", "#x_service +age +max"),
            TemplateColumn("Who it is for", "#x_service +eligibility"),
            TemplateColumn("Last checked", "#x_service +date +assured", "YYYY-MM-DD"),
            TemplateColumn("Last changed", "#x_service +date +modified", "2026-11-16T09:30:00Z"),
            TemplateColumn("Alert", "#x_service +alert"),
            TemplateColumn("Accepting referrals", "#x_service +capacity +accepting", "yes, waiting_list, no"),
            TemplateColumn("Places free", "#x_service +capacity +places"),
            TemplateColumn("Typical wait (days)", "#x_service +capacity +wait"),
            TemplateColumn("Capacity updated at", "#x_service +capacity +updated", "2026-11-16T09:30:00Z"),
            TemplateColumn("Capacity updated by", "#x_service +capacity +by"),
            TemplateColumn("Volunteer roles wanted", "#x_service +volunteers +roles", "Separate with ;"),
            TemplateColumn("Volunteer skills wanted", "#x_service +volunteers +skills", "Separate with ;"),
            TemplateColumn("Space to share", "#x_service +space"),
            TemplateColumn("Space for how many", "#x_service +space +people"),
            TemplateColumn("Safety notes", "#x_service +safety"),
            TemplateColumn("Callback requests", "#x_service +callbacks", "yes or no"),
        ])

    public static let locations = TemplateSheet(
        name: "Locations", table: "location",
        columns: [
            TemplateColumn("Location id", "#loc +id", "A UUID"),
            TemplateColumn("Name", "#loc +name"),
            TemplateColumn("Description", "#loc +description"),
            TemplateColumn("Address id", "#loc +address +id", "Blank: Kith makes one"),
            TemplateColumn("Address line 1", "#loc +address +line1"),
            TemplateColumn("Address line 2", "#loc +address +line2"),
            TemplateColumn("Town", "#loc +address +town"),
            TemplateColumn("County", "#loc +address +county"),
            TemplateColumn("Postcode", "#loc +address +postcode"),
            TemplateColumn("Country", "#loc +address +country", "GB"),
            TemplateColumn("Latitude", "#geo +lat"),
            TemplateColumn("Longitude", "#geo +lon"),
            TemplateColumn("UPRN", "#loc +uprn"),
            TemplateColumn("Accessibility id", "#loc +access +id", "Blank: Kith makes one"),
            TemplateColumn("Accessibility", "#loc +access", "Step-free entrance, hearing loop…"),
        ])

    public static let serviceLocations = TemplateSheet(
        name: "Service locations", table: "service_at_location",
        columns: [
            TemplateColumn("Service location id", "#x_service +loc +id", "A UUID"),
            TemplateColumn("Service id", "#x_service +id"),
            TemplateColumn("Location id", "#loc +id"),
        ])

    public static let schedules = TemplateSheet(
        name: "Opening times", table: "schedule",
        columns: [
            TemplateColumn("Opening time id", "#x_schedule +id", "A UUID"),
            TemplateColumn("Service id", "#x_service +id"),
            TemplateColumn("Service location id", "#x_service +loc +id", "Blank when it applies everywhere"),
            TemplateColumn("Repeats", "#x_schedule +freq", "WEEKLY or MONTHLY"),
            TemplateColumn("Every", "#x_schedule +interval", "1 every week, 2 fortnightly"),
            TemplateColumn("Days", "#x_schedule +byday", "MO,WE or 2TU (second Tuesday)"),
            TemplateColumn("Opens", "#x_schedule +opens", "09:30"),
            TemplateColumn("Closes", "#x_schedule +closes", "16:00"),
            TemplateColumn("Valid from", "#x_schedule +date +from", "YYYY-MM-DD"),
            TemplateColumn("Valid to", "#x_schedule +date +to", "YYYY-MM-DD"),
            TemplateColumn("How to attend", "#x_schedule +attending", "drop in, by appointment, online"),
            TemplateColumn("Description", "#x_schedule +description"),
        ])

    public static let languages = TemplateSheet(
        name: "Languages", table: "language",
        columns: [
            TemplateColumn("Language id", "#language +id", "A UUID"),
            TemplateColumn("Service id", "#x_service +id"),
            TemplateColumn("Language", "#language +name"),
            TemplateColumn("Code", "#language +code", "ISO 639: pl, pa, ur"),
        ])

    public static let contacts = TemplateSheet(
        name: "Contacts", table: "contact",
        columns: [
            TemplateColumn("Contact id", "#contact +id", "A UUID"),
            TemplateColumn("Service id", "#x_service +id"),
            TemplateColumn("Name", "#contact +name"),
            TemplateColumn("Job title", "#contact +title"),
            TemplateColumn("Email", "#contact +email"),
            TemplateColumn("Phone id", "#contact +phone +id", "Blank: Kith makes one"),
            TemplateColumn("Phone", "#contact +phone"),
        ])

    public static let needs = TemplateSheet(
        name: "Needs", table: "attribute",
        columns: [
            TemplateColumn("Tag id", "#x_attribute +id", "A UUID"),
            TemplateColumn("Service id", "#x_service +id"),
            TemplateColumn("Taxonomy term id", "#x_term +id"),
            TemplateColumn("Kind", "#x_attribute +type", "need, eligibility, circumstance"),
        ])

    public static let taxonomyTerms = TemplateSheet(
        name: "Taxonomy terms", table: "taxonomy_term",
        columns: [
            TemplateColumn("Taxonomy term id", "#x_term +id", "A UUID"),
            TemplateColumn("Term", "#x_term +name"),
            TemplateColumn("Description", "#x_term +description"),
            TemplateColumn("Parent term id", "#x_term +parent"),
            TemplateColumn("Taxonomy", "#x_term +taxonomy"),
            TemplateColumn("Taxonomy id", "#x_term +taxonomy +id"),
        ])

    public static let costs = TemplateSheet(
        name: "Costs", table: "cost_option",
        columns: [
            TemplateColumn("Cost id", "#x_cost +id", "A UUID"),
            TemplateColumn("Service id", "#x_service +id"),
            TemplateColumn("For whom or when", "#x_cost +option"),
            TemplateColumn("Amount", "#x_cost +amount", "0 for free"),
            TemplateColumn("Currency", "#x_cost +currency", "GBP"),
            TemplateColumn("Per", "#x_cost +description", "per session"),
        ])

    /// Every sheet, in the order a partner fills them in.
    public static let sheets: [TemplateSheet] = [
        organizations, services, locations, serviceLocations, schedules, languages, contacts, needs, taxonomyTerms, costs,
    ]
}

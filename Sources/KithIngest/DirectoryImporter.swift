import Foundation
import KithDirectory
import KithStore

/// Imports the services directory into the store: an ORUK 3.0 JSON feed (a `/services` page or a folder of pages,
/// a single nested service, a list of services) or a partner's filled-in template (XLSX or CSV). The good services
/// are stored in one transaction with the import's audit entry, each by its id, so a feed imported again updates its
/// services in place; each bad item is reported with its id, field and reason.
///
/// It lives in KithIngest, not KithDirectory, because it writes to the store and KithDirectory stays pure: it is the
/// directory's "partner's file to stored rows", beside ``Importer``, and the web's upload can call it as the command
/// line does.
public struct DirectoryImporter: Sendable {
    public let repository: any DirectoryRepository

    public init(repository: any DirectoryRepository) {
        self.repository = repository
    }

    public init(database: any Store) {
        self.init(repository: database.directory)
    }

    /// Reads the file or folder, stores what is good, and says what happened. Throws ``DirectoryReadError`` for a
    /// file that cannot be read at all (nothing is stored); returns a summary with nothing stored, and writes no audit
    /// entry, when no service in it could be imported.
    public func run(file: URL, importedBy: String, through door: AuditTrail.Door = .commandLine) throws -> DirectoryImportSummary {
        let started = Date()
        let isTemplate = ["xlsx", "csv"].contains(file.pathExtension.lowercased())
        // A service may name an organisation already stored without nesting it: it is checked against the stored
        // ones, and stored with that organisation nested, so that its JSON (and so its pages and exports) is whole.
        let decoder = JSONDecoder()
        let stored = try repository.organizations().compactMap { try? decoder.decode(Organization.self, from: Data($0.json.utf8)) }
        var validator = DirectoryValidator()
        validator.knownOrganizations = stored
        var reading =
            isTemplate ? try DirectoryTemplateReader(validator: validator).read(url: file) : try ORUKReader(validator: validator).read(url: file)
        let storedByID = Dictionary(stored.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for index in reading.services.indices where reading.services[index].organization == nil {
            reading.services[index].organization = reading.services[index].organizationId.flatMap { storedByID[$0] }
        }
        var summary = DirectoryImportSummary(
            file: file.lastPathComponent, format: isTemplate ? "directory template" : "ORUK JSON", itemsRead: reading.itemsRead,
            refused: max(0, reading.itemsRead - reading.services.count), findings: reading.findings)
        guard !reading.services.isEmpty else {
            summary.seconds = Date().timeIntervalSince(started)
            return summary
        }
        let batch = try Self.batch(
            reading.services, storedTermIDs: Set(try repository.taxonomyTerms().map(\.id)), by: importedBy, at: AuditTrail.now())
        let refused = summary.refused
        let result = try repository.importDirectory(batch) { result in
            AuditTrail.note(
                .importDirectory, by: importedBy, subject: file.lastPathComponent,
                detail: "\(file.lastPathComponent) (\(summary.format)) through \(door.rawValue): \(result.addedServiceIds.count) services added, "
                    + "\(result.updatedServiceIds.count) updated, \(refused) refused; \(batch.organizations.count) organisations"
            )
        }
        summary.result = result
        summary.organizations = batch.organizations.count
        summary.taxonomyTerms = batch.taxonomyTerms.count
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// The rows that store these services: their organisations and terms each once (the first seen), and each service
    /// with its JSON, capacity, terms and postcodes. A term a service names but the feed does not give, and the store
    /// does not hold, is left out of the service's terms (the service's JSON keeps it).
    static func batch(_ services: [Service], storedTermIDs: Set<String>, by person: String, at time: String) throws -> DirectoryBatch {
        var organizations: [DirectoryOrganizationRecord] = []
        var seenOrganizations: Set<String> = []
        var terms: [DirectoryTaxonomyTermRecord] = []
        var seenTerms: Set<String> = []
        for service in services {
            if let organization = service.organization, seenOrganizations.insert(organization.id).inserted {
                organizations.append(
                    DirectoryOrganizationRecord(id: organization.id, name: organization.name, json: try text(organization), storedAt: time))
            }
            for term in (service.attributes ?? []).compactMap(\.taxonomyTerm) where seenTerms.insert(term.id).inserted {
                terms.append(DirectoryTaxonomyTermRecord(id: term.id, term: term.label ?? "", taxonomy: term.taxonomy, json: try text(term)))
            }
        }
        let knownTerms = seenTerms.union(storedTermIDs)
        let entries = try services.map { service in
            let capacity = service.capacity
            let record = DirectoryServiceRecord(
                id: service.id, organizationId: service.organizationId ?? service.organization?.id ?? "", name: service.name,
                status: service.status.rawValue, lastModified: service.lastModified, assuredDate: service.assuredDate,
                acceptingReferrals: capacity?.acceptingReferrals.rawValue, placesFree: capacity?.placesFree,
                typicalWaitDays: capacity?.typicalWaitDays, capacityUpdatedAt: capacity?.updatedAt, capacityUpdatedBy: capacity?.updatedBy,
                json: String(decoding: try ORUKWriter.json(service: service), as: UTF8.self), storedAt: time, storedBy: person)
            var termIDs: [String] = []
            for attribute in service.attributes ?? [] {
                guard let id = attribute.taxonomyTermId ?? attribute.taxonomyTerm?.id, knownTerms.contains(id), !termIDs.contains(id) else {
                    continue
                }
                termIDs.append(id)
            }
            var postcodes: [String] = []
            for postcode in service.locations.flatMap({ $0.addresses ?? [] }).map(\.postalCode).compactMap(Self.postcode)
            where !postcodes.contains(postcode) {
                postcodes.append(postcode)
            }
            return DirectoryServiceEntry(service: record, taxonomyTermIds: termIDs, postcodes: postcodes)
        }
        return DirectoryBatch(organizations: organizations, taxonomyTerms: terms, services: entries)
    }

    /// A postcode as the store keeps it: upper case, one space before the three-character inward code; nil for one too
    /// short to be a postcode.
    static func postcode(_ text: String) -> String? {
        let compact = text.uppercased().filter { $0.isLetter || $0.isNumber }
        guard compact.count >= 5, compact.count <= 7 else { return nil }
        return String(compact.dropLast(3)) + " " + String(compact.suffix(3))
    }

    private static func text<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try ORUKWriter.json(value), as: UTF8.self)
    }
}

/// What a directory import read, stored and refused, for the person who ran it.
public struct DirectoryImportSummary: Sendable {
    public var file: String
    /// `ORUK JSON` or `directory template`.
    public var format: String
    /// How many services the file held, good and bad.
    public var itemsRead: Int
    /// How many were left out for errors.
    public var refused: Int
    /// Every finding: errors for the services left out, warnings for services kept.
    public var findings: [DirectoryFinding]
    /// What was stored; nil when nothing was.
    public var result: DirectoryWriteResult?
    public var organizations = 0
    public var taxonomyTerms = 0
    public var seconds = 0.0

    public init(file: String, format: String, itemsRead: Int, refused: Int, findings: [DirectoryFinding]) {
        self.file = file
        self.format = format
        self.itemsRead = itemsRead
        self.refused = refused
        self.findings = findings
    }

    /// How many services were stored, added or updated.
    public var stored: Int { (result?.addedServiceIds.count ?? 0) + (result?.updatedServiceIds.count ?? 0) }

    public var errors: [DirectoryFinding] { findings.filter { $0.severity == .error } }
    public var warnings: [DirectoryFinding] { findings.filter { $0.severity == .warning } }

    /// "1 service", "2 services".
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// A few lines for the terminal: the counts, every error, and the first `warningsShown` warnings.
    public func text(warningsShown: Int = 10) -> String {
        var lines: [String] = []
        if let result {
            lines.append(
                "Imported \(file) (\(format)): \(Self.count(result.addedServiceIds.count, "service")) added, "
                    + "\(result.updatedServiceIds.count) updated in place, \(refused) refused, of \(itemsRead) read"
                    + String(format: " (%.2f s).", seconds))
            lines.append(
                "  \(Self.count(organizations, "organisation")) (\(result.addedOrganizations) new), \(Self.count(taxonomyTerms, "taxonomy term")).")
        } else {
            lines.append("Nothing was imported from \(file) (\(format)): \(refused) of \(Self.count(itemsRead, "service")) refused.")
        }
        for finding in errors {
            lines.append("  " + finding.description)
        }
        let warnings = self.warnings
        for finding in warnings.prefix(warningsShown) {
            lines.append("  " + finding.description)
        }
        if warnings.count > warningsShown {
            lines.append(
                "  \(warnings.count - warningsShown) \(warningsShown > 0 ? "more " : "")warnings; warned services are imported "
                    + "(`kith directory import --warnings` lists every warning).")
        }
        return lines.joined(separator: "\n")
    }
}

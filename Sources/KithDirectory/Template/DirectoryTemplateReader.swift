import Foundation
import KithSpreadsheet

/// Reads a filled-in directory template (XLSX, or a CSV of one sheet) back into services, each nested as ORUK
/// nests it, with findings by sheet, row and column.
///
/// ```swift
/// let reading = try DirectoryTemplateReader().read(url: filledIn)
/// ```
public struct DirectoryTemplateReader: Sendable {
    public var limits: ReadLimits
    public var validator: DirectoryValidator

    public init(limits: ReadLimits = ReadLimits(), validator: DirectoryValidator = DirectoryValidator()) {
        self.limits = limits
        self.validator = validator
    }

    /// The rows of one sheet, each value under its column's tag.
    struct Row {
        var sheet: TemplateSheet
        var number: Int
        var values: [String: String]
    }

    /// Reads every sheet the workbook has; the Services sheet is required.
    public func read(url: URL) throws -> ORUKReader.Reading {
        let reader = try TableReader(url: url, limits: limits)
        var sheets: [String: [Row]] = [:]
        let present = Set(reader.sheetNames)
        guard present.isEmpty || present.contains(DirectoryTemplate.services.name) else {
            throw DirectoryReadError(
                file: url.lastPathComponent, problem: "has no sheet named \"\(DirectoryTemplate.services.name)\".",
                remedy: "Fill in Kith's directory template (kith directory template --out FILE.xlsx); keep its sheet names.")
        }
        for sheet in DirectoryTemplate.sheets where present.isEmpty ? sheet == DirectoryTemplate.services : present.contains(sheet.name) {
            var columnTags: [String?] = []
            var rows: [Row] = []
            try reader.read(sheet: present.isEmpty ? nil : sheet.name) { layout in
                let byHeader = Dictionary(sheet.columns.map { (Self.normalise($0.header), $0.tag) }, uniquingKeysWith: { first, _ in first })
                let knownTags = Set(sheet.columns.map { Self.normalise($0.tag) })
                let tags = layout.hashtagRow?.cells ?? []
                columnTags = layout.columnNames.indices.map { index in
                    if index < tags.count, knownTags.contains(Self.normalise(tags[index])) { return Self.normalise(tags[index]) }
                    return byHeader[Self.normalise(layout.columnNames[index])].map(Self.normalise)
                }
            } onRow: { row in
                guard !row.isBlank else { return }
                var values: [String: String] = [:]
                for (index, cell) in row.cells.enumerated() where index < columnTags.count {
                    let value = cell.trimmingCharacters(in: .whitespacesAndNewlines)
                    if let tag = columnTags[index], !value.isEmpty, values[tag] == nil { values[tag] = value }
                }
                rows.append(Row(sheet: sheet, number: row.number, values: values))
            }
            sheets[sheet.name] = rows
        }
        return assemble(sheets)
    }

    static func normalise(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Builds the services from the sheets' rows, then checks them.
    func assemble(_ sheets: [String: [Row]]) -> ORUKReader.Reading {
        var cells = CellReader()
        var organizations: [String: Organization] = [:]
        for row in sheets[DirectoryTemplate.organizations.name] ?? [] {
            guard let id = cells.required(row, "#org +id", "Give the organisation's id.") else { continue }
            var organization = Organization(id: id, name: row.values["#org +name"] ?? "", description: row.values["#org +description"] ?? "")
            organization.email = row.values["#org +email"]
            organization.website = row.values["#org +url"]
            if row.values["#org +identifier"] != nil || row.values["#org +identifier +type"] != nil {
                var identifier = OrganizationIdentifier(
                    id: row.values["#org +identifier +id"] ?? DerivedID.make("identifier of " + id),
                    identifierScheme: row.values["#org +identifier +scheme"], identifierType: row.values["#org +identifier +type"] ?? "",
                    identifier: row.values["#org +identifier"] ?? "")
                identifier.organizationId = id
                organization.organizationIdentifiers = [identifier]
            }
            organizations[id] = organization
        }
        var locations: [String: Location] = [:]
        for row in sheets[DirectoryTemplate.locations.name] ?? [] {
            guard let id = cells.required(row, "#loc +id", "Give the location's id.") else { continue }
            var location = Location(id: id, name: row.values["#loc +name"])
            location.description = row.values["#loc +description"]
            if row.values["#loc +address +line1"] != nil || row.values["#loc +address +postcode"] != nil {
                var address = Address(
                    id: row.values["#loc +address +id"] ?? DerivedID.make("address of " + id), address1: row.values["#loc +address +line1"] ?? "",
                    city: row.values["#loc +address +town"] ?? "", stateProvince: row.values["#loc +address +county"] ?? "",
                    postalCode: row.values["#loc +address +postcode"] ?? "", country: row.values["#loc +address +country"] ?? "GB")
                address.address2 = row.values["#loc +address +line2"]
                address.locationId = id
                location.addresses = [address]
            }
            location.latitude = cells.number(row, "#geo +lat")
            location.longitude = cells.number(row, "#geo +lon")
            if let uprn = row.values["#loc +uprn"] {
                location.externalIdentifier = uprn
                location.externalIdentifierType = "UPRN"
            }
            if let description = row.values["#loc +access"] {
                var access = Accessibility(id: row.values["#loc +access +id"] ?? DerivedID.make("accessibility of " + id), description: description)
                access.locationId = id
                location.accessibility = [access]
            }
            locations[id] = location
        }
        var terms: [String: TaxonomyTerm] = [:]
        for row in sheets[DirectoryTemplate.taxonomyTerms.name] ?? [] {
            guard let id = cells.required(row, "#x_term +id", "Give the term's id.") else { continue }
            var term = TaxonomyTerm(id: id, term: row.values["#x_term +name"] ?? "", taxonomy: "")
            term.taxonomy = row.values["#x_term +taxonomy"]
            term.description = row.values["#x_term +description"]
            term.parentId = row.values["#x_term +parent"]
            term.taxonomyId = row.values["#x_term +taxonomy +id"]
            terms[id] = term
        }

        var services: [Service] = []
        var serviceRows: [String: Int] = [:]
        var serviceIndex: [String: Int] = [:]
        for row in sheets[DirectoryTemplate.services.name] ?? [] {
            guard let id = cells.required(row, "#x_service +id", "Give the service's id.") else { continue }
            let status: ServiceStatus? = cells.closedSet(row, "#x_service +status", required: true)
            let organizationID = row.values["#org +id"]
            var service = Service(id: id, organizationId: organizationID, name: row.values["#x_service +name"] ?? "", status: status ?? .active)
            if let organizationID {
                if let organization = organizations[organizationID] {
                    service.organization = organization
                } else {
                    cells.fail(
                        row, "#org +id", "names organisation \(organizationID), which is not on the Organisations sheet.",
                        "Add it there, or correct the id.")
                }
            }
            service.description = row.values["#x_service +description"]
            service.url = row.values["#x_service +url"]
            service.email = row.values["#x_service +email"]
            service.minimumAge = cells.number(row, "#x_service +age +min")
            service.maximumAge = cells.number(row, "#x_service +age +max")
            service.eligibilityDescription = row.values["#x_service +eligibility"]
            service.assuredDate = row.values["#x_service +date +assured"]
            service.lastModified = row.values["#x_service +date +modified"]
            service.alert = row.values["#x_service +alert"]
            if let accepting: ReferralAcceptance = cells.closedSet(row, "#x_service +capacity +accepting", required: false) {
                service.capacity = Capacity(
                    acceptingReferrals: accepting, placesFree: cells.integer(row, "#x_service +capacity +places"),
                    typicalWaitDays: cells.integer(row, "#x_service +capacity +wait"), updatedAt: row.values["#x_service +capacity +updated"] ?? "",
                    updatedBy: row.values["#x_service +capacity +by"] ?? "")
            }
            let roles = Self.list(row.values["#x_service +volunteers +roles"])
            let skills = Self.list(row.values["#x_service +volunteers +skills"])
            if !roles.isEmpty || !skills.isEmpty { service.volunteersWanted = VolunteersWanted(roles: roles, skills: skills) }
            if let what = row.values["#x_service +space"] {
                service.spaceToShare = SpaceToShare(what: what, people: cells.integer(row, "#x_service +space +people"))
            }
            service.safetyNotes = row.values["#x_service +safety"]
            service.acceptsCallbacks = cells.yesNo(row, "#x_service +callbacks")
            if serviceIndex[id] != nil {
                cells.fail(row, "#x_service +id", "is used by another service row too.", "Give each service its own id.")
                continue
            }
            serviceIndex[id] = services.count
            serviceRows[id] = row.number
            services.append(service)
        }

        /// The service a child row belongs to, or a finding that it names none.
        func owner(_ row: Row) -> Int? {
            guard let id = cells.required(row, "#x_service +id", "Say which service this row belongs to (its id).") else { return nil }
            guard let index = serviceIndex[id] else {
                cells.fail(
                    row, "#x_service +id", "names service \(id), which is not on the Services sheet.", "Add the service there, or correct the id.")
                return nil
            }
            return index
        }

        var salOwner: [String: (service: Int, sal: Int)] = [:]
        for row in sheets[DirectoryTemplate.serviceLocations.name] ?? [] {
            guard let index = owner(row), let id = cells.required(row, "#x_service +loc +id", "Give the service location's id."),
                let locationID = cells.required(row, "#loc +id", "Say which location (its id).")
            else { continue }
            guard let location = locations[locationID] else {
                cells.fail(row, "#loc +id", "names location \(locationID), which is not on the Locations sheet.", "Add it there, or correct the id.")
                continue
            }
            let sal = ServiceAtLocation(id: id, serviceId: services[index].id, locationId: locationID, location: location)
            salOwner[id] = (index, services[index].serviceAtLocations?.count ?? 0)
            services[index].serviceAtLocations = (services[index].serviceAtLocations ?? []) + [sal]
        }
        for row in sheets[DirectoryTemplate.schedules.name] ?? [] {
            guard let index = owner(row), let id = cells.required(row, "#x_schedule +id", "Give the opening time's id.") else { continue }
            var schedule = Schedule(
                id: id, freq: cells.closedSet(row, "#x_schedule +freq", required: false), byday: row.values["#x_schedule +byday"]?.uppercased(),
                opensAt: row.values["#x_schedule +opens"], closesAt: row.values["#x_schedule +closes"])
            schedule.interval = cells.number(row, "#x_schedule +interval")
            schedule.validFrom = row.values["#x_schedule +date +from"]
            schedule.validTo = row.values["#x_schedule +date +to"]
            schedule.attendingType = row.values["#x_schedule +attending"]
            schedule.description = row.values["#x_schedule +description"]
            if let salID = row.values["#x_service +loc +id"] {
                guard let place = salOwner[salID], place.service == index else {
                    cells.fail(
                        row, "#x_service +loc +id", "names service location \(salID), which is not this service's.", "Correct it, or leave it blank.")
                    continue
                }
                schedule.serviceAtLocationId = salID
                services[index].serviceAtLocations![place.sal].schedules =
                    (services[index].serviceAtLocations![place.sal].schedules ?? []) + [schedule]
            } else {
                schedule.serviceId = services[index].id
                services[index].schedules = (services[index].schedules ?? []) + [schedule]
            }
        }
        for row in sheets[DirectoryTemplate.languages.name] ?? [] {
            guard let index = owner(row), let id = cells.required(row, "#language +id", "Give the language row's id.") else { continue }
            var language = Language(id: id, name: row.values["#language +name"], code: row.values["#language +code"])
            language.serviceId = services[index].id
            services[index].languages = (services[index].languages ?? []) + [language]
        }
        for row in sheets[DirectoryTemplate.contacts.name] ?? [] {
            guard let index = owner(row), let id = cells.required(row, "#contact +id", "Give the contact's id.") else { continue }
            var contact = Contact(id: id, name: row.values["#contact +name"], title: row.values["#contact +title"])
            contact.email = row.values["#contact +email"]
            contact.serviceId = services[index].id
            if let number = row.values["#contact +phone"] {
                var phone = Phone(id: row.values["#contact +phone +id"] ?? DerivedID.make("phone of " + id), number: number)
                phone.contactId = id
                contact.phones = [phone]
            }
            services[index].contacts = (services[index].contacts ?? []) + [contact]
        }
        for row in sheets[DirectoryTemplate.needs.name] ?? [] {
            guard let index = owner(row), let id = cells.required(row, "#x_attribute +id", "Give the tag's id."),
                let termID = cells.required(row, "#x_term +id", "Say which taxonomy term (its id).")
            else { continue }
            var attribute = Attribute(id: id, linkId: services[index].id, taxonomyTermId: termID, linkType: row.values["#x_attribute +type"])
            attribute.linkEntity = "service"
            if let term = terms[termID] {
                attribute.taxonomyTerm = term
            } else if !terms.isEmpty {
                cells.fail(
                    row, "#x_term +id", "names taxonomy term \(termID), which is not on the Taxonomy terms sheet.", "Add it there, or correct the id."
                )
                continue
            }
            services[index].attributes = (services[index].attributes ?? []) + [attribute]
        }
        for row in sheets[DirectoryTemplate.costs.name] ?? [] {
            guard let index = owner(row), let id = cells.required(row, "#x_cost +id", "Give the cost's id.") else { continue }
            var cost = CostOption(
                id: id, option: row.values["#x_cost +option"], amount: cells.number(row, "#x_cost +amount"), currency: row.values["#x_cost +currency"]
            )
            cost.amountDescription = row.values["#x_cost +description"]
            cost.serviceId = services[index].id
            services[index].costOptions = (services[index].costOptions ?? []) + [cost]
        }

        // The model's own checks, each placed on its service's row of the Services sheet.
        let checks = validator.validate(services: services, positions: services.map { serviceRows[$0.id] ?? 0 }).map { finding in
            var finding = finding
            finding.cell = TemplateCell(sheet: DirectoryTemplate.services.name, row: finding.position ?? 0, column: finding.field)
            finding.position = nil
            return finding
        }
        let cellErrors = cells.findings
        var rejected = Set(checks.filter { $0.severity == .error }.compactMap(\.itemID))
        rejected.formUnion(cellErrors.compactMap { $0.itemKind == "service" ? $0.itemID : nil })
        return ORUKReader.Reading(
            services: services.filter { !rejected.contains($0.id) }, findings: cellErrors + checks, itemsRead: services.count)
    }

    static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// Reads typed values out of template rows, noting each cell that does not hold what its column needs.
struct CellReader {
    var findings: [DirectoryFinding] = []

    mutating func fail(_ row: DirectoryTemplateReader.Row, _ tag: String, _ problem: String, _ remedy: String) {
        let column = row.sheet.columns.first { DirectoryTemplateReader.normalise($0.tag) == tag }?.header ?? tag
        let idTag = DirectoryTemplateReader.normalise(row.sheet.columns[0].tag)
        let kind = row.sheet.table == "service_at_location" ? "service location" : row.sheet.table.replacingOccurrences(of: "_", with: " ")
        findings.append(
            DirectoryFinding(
                itemKind: kind, itemID: row.values[idTag], field: column, problem: problem, remedy: remedy,
                cell: TemplateCell(sheet: row.sheet.name, row: row.number, column: column)))
    }

    mutating func required(_ row: DirectoryTemplateReader.Row, _ tag: String, _ remedy: String) -> String? {
        if let value = row.values[tag] { return value }
        fail(row, tag, "is empty.", remedy)
        return nil
    }

    mutating func number(_ row: DirectoryTemplateReader.Row, _ tag: String) -> Double? {
        guard let text = row.values[tag] else { return nil }
        guard let value = Double(text), value.isFinite else {
            fail(row, tag, "\(ItemCheck.quote(text)) is not a number.", "Write digits only, such as 18 or 53.48.")
            return nil
        }
        return value
    }

    mutating func integer(_ row: DirectoryTemplateReader.Row, _ tag: String) -> Int? {
        guard let value = number(row, tag) else { return nil }
        guard value == value.rounded(), abs(value) < 1e9 else {
            fail(row, tag, "\(value.formatted) is not a whole number.", "Write a whole number, such as 3.")
            return nil
        }
        return Int(value)
    }

    mutating func yesNo(_ row: DirectoryTemplateReader.Row, _ tag: String) -> Bool? {
        guard let text = row.values[tag] else { return nil }
        switch text.lowercased() {
        case "yes", "y", "true": return true
        case "no", "n", "false": return false
        default:
            fail(row, tag, "\(ItemCheck.quote(text)) is not yes or no.", "Write yes or no.")
            return nil
        }
    }

    mutating func closedSet<Value: ClosedSetValue>(_ row: DirectoryTemplateReader.Row, _ tag: String, required: Bool) -> Value? {
        guard let text = row.values[tag] else {
            if required { fail(row, tag, "is empty.", "Use one of: \(Value.allowedValues).") }
            return nil
        }
        guard let value = Value(typed: text) else {
            fail(row, tag, "\(ItemCheck.quote(text)) is not a \(Value.valueName).", "Use one of: \(Value.allowedValues).")
            return nil
        }
        return value
    }
}

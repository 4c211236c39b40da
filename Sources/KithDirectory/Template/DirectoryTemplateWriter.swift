import Foundation
import KithSpreadsheet

/// Writes the directory template as an XLSX workbook: blank for a partner to fill in, or holding services
/// (an export a partner can correct and send back).
///
/// ```swift
/// try DirectoryTemplateWriter.write(services: [], to: URL(fileURLWithPath: "directory-template.xlsx"))
/// ```
public enum DirectoryTemplateWriter {
    /// Writes one sheet per table: headers in bold, the tag row under them, then a row per item.
    public static func write(services: [Service], to url: URL) throws {
        let writer = try XLSXWriter(url: url)
        let rows = self.rows(for: services)
        for sheet in DirectoryTemplate.sheets {
            try writer.beginSheet(named: sheet.name, columnWidths: sheet.columns.map { max(12, Double($0.header.count) + 4) }, frozenRows: 2)
            try writer.appendRow(sheet.columns.map { .text($0.header) }, style: .bold)
            try writer.appendRow(sheet.columns.map { .text($0.tag) }, cellStyles: sheet.columns.map { _ in .shaded })
            for row in rows[sheet.name] ?? [] {
                try writer.appendRow(row)
            }
        }
        try writer.finish()
    }

    /// The cells of each sheet's data rows for these services, keyed by sheet name.
    static func rows(for services: [Service]) -> [String: [[CellValue]]] {
        var rows: [String: [[CellValue]]] = [:]
        func add(_ sheet: TemplateSheet, _ cells: [CellValue]) { rows[sheet.name, default: []].append(cells) }
        func text(_ value: String?) -> CellValue { value.map { .text($0) } ?? .empty }
        func number(_ value: Double?) -> CellValue { value.map { .number($0) } ?? .empty }
        func integer(_ value: Int?) -> CellValue { value.map { .integer($0) } ?? .empty }
        func list(_ values: [String]?) -> CellValue { values.map { .text($0.joined(separator: "; ")) } ?? .empty }

        var organizations: Set<String> = []
        var locations: Set<String> = []
        var terms: Set<String> = []
        for service in services {
            if let organization = service.organization, organizations.insert(organization.id).inserted {
                let identifier = organization.organizationIdentifiers?.first
                add(
                    DirectoryTemplate.organizations,
                    [
                        .text(organization.id), .text(organization.name), .text(organization.description), text(organization.email),
                        text(organization.website), text(identifier?.id), text(identifier?.identifierType), text(identifier?.identifierScheme),
                        text(identifier?.identifier),
                    ])
            }
            let capacity = service.capacity
            add(
                DirectoryTemplate.services,
                [
                    .text(service.id), text(service.organizationId ?? service.organization?.id), .text(service.name), text(service.description),
                    text(service.url), text(service.email), .text(service.status.rawValue), number(service.minimumAge), number(service.maximumAge),
                    text(service.eligibilityDescription), text(service.assuredDate), text(service.lastModified), text(service.alert),
                    text(capacity?.acceptingReferrals.rawValue), integer(capacity?.placesFree), integer(capacity?.typicalWaitDays),
                    text(capacity?.updatedAt), text(capacity?.updatedBy), list(service.volunteersWanted?.roles),
                    list(service.volunteersWanted?.skills), text(service.spaceToShare?.what), integer(service.spaceToShare?.people),
                    text(service.safetyNotes), text(service.acceptsCallbacks.map { $0 ? "yes" : "no" }),
                ])
            for sal in service.serviceAtLocations ?? [] {
                add(DirectoryTemplate.serviceLocations, [.text(sal.id), .text(service.id), text(sal.locationId ?? sal.location?.id)])
                if let location = sal.location, locations.insert(location.id).inserted {
                    let address = location.addresses?.first
                    let access = location.accessibility?.first
                    add(
                        DirectoryTemplate.locations,
                        [
                            .text(location.id), text(location.name), text(location.description), text(address?.id), text(address?.address1),
                            text(address?.address2), text(address?.city), text(address?.stateProvince), text(address?.postalCode),
                            text(address?.country), number(location.latitude), number(location.longitude), text(location.externalIdentifier),
                            text(access?.id), text(access?.description),
                        ])
                }
                for schedule in sal.schedules ?? [] { add(DirectoryTemplate.schedules, scheduleRow(schedule, service.id, sal.id)) }
            }
            for schedule in service.schedules ?? [] { add(DirectoryTemplate.schedules, scheduleRow(schedule, service.id, nil)) }
            for language in service.languages ?? [] {
                add(DirectoryTemplate.languages, [.text(language.id), .text(service.id), text(language.name), text(language.code)])
            }
            for contact in service.contacts ?? [] {
                let phone = contact.phones?.first
                add(
                    DirectoryTemplate.contacts,
                    [
                        .text(contact.id), .text(service.id), text(contact.name), text(contact.title), text(contact.email), text(phone?.id),
                        text(phone?.number),
                    ])
            }
            for attribute in service.attributes ?? [] {
                let termID = attribute.taxonomyTermId ?? attribute.taxonomyTerm?.id
                add(DirectoryTemplate.needs, [.text(attribute.id), .text(service.id), text(termID), text(attribute.linkType)])
                if let term = attribute.taxonomyTerm, terms.insert(term.id).inserted {
                    add(
                        DirectoryTemplate.taxonomyTerms,
                        [.text(term.id), text(term.label), text(term.description), text(term.parentId), text(term.taxonomy), text(term.taxonomyId)])
                }
            }
            for cost in service.costOptions ?? [] {
                add(
                    DirectoryTemplate.costs,
                    [.text(cost.id), .text(service.id), text(cost.option), number(cost.amount), text(cost.currency), text(cost.amountDescription)])
            }
        }
        return rows

        func scheduleRow(_ schedule: Schedule, _ serviceID: String, _ salID: String?) -> [CellValue] {
            [
                .text(schedule.id), .text(serviceID), text(salID), text(schedule.freq?.rawValue), number(schedule.interval), text(schedule.byday),
                text(schedule.opensAt), text(schedule.closesAt), text(schedule.validFrom), text(schedule.validTo), text(schedule.attendingType),
                text(schedule.description),
            ]
        }
    }
}

/// Services a worker picked for a resident, as plain text to paste into a text message or WhatsApp, or to print: for
/// each, its name, what it is for, where, when, how to get in touch and a link to its page; nothing about the
/// resident. Plain characters only, so that it reads the same on any phone.
public struct Shortlist: Sendable, Equatable {
    public var services: [Service]
    /// The directory's own address, for each service's page: `https://kith.example.gov.uk`.
    public var siteAddress: String

    public init(services: [Service], siteAddress: String) {
        self.services = services
        self.siteAddress = siteAddress.hasSuffix("/") ? String(siteAddress.dropLast()) : siteAddress
    }

    /// The text, one block per service.
    public var text: String {
        services.enumerated().map { index, service in
            var lines = ["\(index + 1). \(service.name)"]
            if let description = service.description, !description.isEmpty { lines.append(Self.short(description, 120)) }
            if let address = service.locations.lazy.compactMap({ $0.addresses?.first }).first {
                lines.append(
                    "Where: "
                        + [address.address1, address.address2, address.city, address.postalCode].compactMap { $0 }.filter { !$0.isEmpty }.joined(
                            separator: ", "))
            }
            let schedules = DirectorySearch.schedules(of: service)
            if !schedules.isEmpty { lines.append("When: " + schedules.prefix(3).map(\.summary).joined(separator: "; ")) }
            let phones = (service.phones ?? []) + (service.contacts ?? []).flatMap { $0.phones ?? [] }
            if let phone = phones.first { lines.append("Phone: " + phone.number) }
            if let email = service.email { lines.append("Email: " + email) }
            lines.append("More: \(siteAddress)/directory/services/\(service.id)")
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    /// At most `limit` characters, cut at a word with an ellipsis.
    static func short(_ text: String, _ limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "..."
    }
}

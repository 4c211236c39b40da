import Foundation

/// Writes ORUK 3.0 JSON: a fully nested service, or a `/services` page. Keys are sorted and absent fields are
/// left out, so the same directory always gives the same bytes, and ``ORUKReader`` reads back exactly what was
/// written.
public enum ORUKWriter {
    /// One fully nested service, as `/services/{id}` returns it.
    public static func json(service: Service) throws -> Data {
        try encoder().encode(service)
    }

    /// A page of services in ORUK's envelope, as `/services` returns it.
    public static func json(page: ORUKPage<Service>) throws -> Data {
        try encoder().encode(page)
    }

    /// Any ORUK value (a page of organisations, a taxonomy…) with the same settings.
    public static func json<Value: Encodable>(_ value: Value) throws -> Data {
        try encoder().encode(value)
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

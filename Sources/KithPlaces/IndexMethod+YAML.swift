import Foundation
import Yams

extension IndexMethod {
    /// Reads a method from YAML, as a council writes it:
    ///
    /// ```yaml
    /// transformation: exponential      # or z-score
    /// domains:
    ///   - id: income
    ///     name: Income
    ///     weight: 0.3
    ///     indicators:
    ///       - id: uc-claimants
    ///         weight: 1                 # optional, 1 by default
    /// ```
    ///
    /// Throws ``MethodFileError`` naming what is wrong, with the line when YAML can say it.
    public static func read(yaml text: String) throws -> IndexMethod {
        struct File: Decodable {
            struct Domain: Decodable {
                var id: String
                var name: String?
                var weight: Double
                var indicators: [Indicator]
            }

            struct Indicator: Decodable {
                var id: String
                var weight: Double?
            }

            var transformation: String?
            var domains: [Domain]
        }
        let file: File
        do {
            file = try YAMLDecoder().decode(File.self, from: text)
        } catch let error as DecodingError {
            throw MethodFileError(message: Self.words(error))
        } catch {
            throw MethodFileError(message: "The method is not YAML Kith can read: \(error).")
        }
        var transformation = Transformation.exponential
        if let name = file.transformation {
            guard let known = Transformation(rawValue: name) else {
                throw MethodFileError(message: "transformation: \(name) is not one Kith knows; write exponential or z-score.")
            }
            transformation = known
        }
        return IndexMethod(
            domains: file.domains.map { domain in
                Domain(
                    id: domain.id, name: domain.name ?? domain.id, weight: domain.weight,
                    indicators: domain.indicators.map { WeightedIndicator(id: $0.id, weight: $0.weight ?? 1) })
            }, transformation: transformation)
    }

    private static func words(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "item \($0 + 1)" } ?? $0.stringValue }.joined(separator: " → ")
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])): this is missing."
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        case .dataCorrupted(let context): return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "The method file cannot be read."
        }
    }
}

/// Why a method file could not be read.
public struct MethodFileError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

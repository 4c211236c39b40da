import Foundation
import Hummingbird

/// Reads every JSON API body (`request.decode(as:context:)`), answering a body that cannot be read with a 400 that
/// names the field in the API's own words ("accepting_referrals is missing"), the same for every endpoint.
struct APIBodyDecoder: RequestDecoder {
    func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw WebError.badRequest("The body must be JSON as the API's description (/api/openapi.json) says: \(Self.reason(error)).")
        }
    }

    static func reason(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context): (context.codingPath + [key]).map(\.stringValue).joined(separator: ".") + " is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            "\(context.codingPath.map(\.stringValue).joined(separator: ".")) has the wrong type"
        default: "it could not be read"
        }
    }
}

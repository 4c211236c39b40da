import Foundation
import Hummingbird
import KithAccess

extension WebApp {
    /// The JSON API under `/api`, authenticated by bearer tokens.
    func addAPIRoutes(to router: RouterGroup<WebRequestContext>) {
        router.get("me") { request, context -> Response in
            let signedIn = try requireSignedIn(request, context)
            return try Self.json(["name": signedIn.name, "role": signedIn.role.rawValue, "scope": signedIn.scope.description])
        }
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

import HTTPTypes

import Foundation

/// The OpenAPI 3.1 description of the ORUK read API, served at `/openreferral/openapi.json`
/// (`Resources/Assets/openreferral-openapi.json`).
enum OpenReferralOpenAPI {
    static let json: String = {
        guard
            let url = Bundle.module.url(forResource: "Assets/openreferral-openapi", withExtension: "json")
                ?? Bundle.module.resourceURL?.appendingPathComponent("Assets/openreferral-openapi.json"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return #"{"error":"The OpenAPI document is missing from the build."}"# }
        return text
    }()
}

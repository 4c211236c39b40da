import Foundation

/// The OpenAPI 3.1 description of the JSON API, served at `/api/openapi.json` (`Resources/Assets/openapi.json`).
enum OpenAPIDocument {
    static let json: String = {
        guard
            let url = Bundle.module.url(forResource: "Assets/openapi", withExtension: "json")
                ?? Bundle.module.resourceURL?.appendingPathComponent("Assets/openapi.json"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return #"{"error":"The OpenAPI document is missing from the build."}"# }
        return text
    }()
}

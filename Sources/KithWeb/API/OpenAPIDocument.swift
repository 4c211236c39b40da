import Foundation

/// The OpenAPI 3.1 description of the JSON API, served at `/api/openapi.json` (`Resources/Assets/openapi.json`).
enum OpenAPIDocument {
    static let json: String = text(of: "openapi")

    /// The text of the JSON file `name` among the web app's assets, or a JSON error saying it is missing.
    static func text(of name: String) -> String {
        guard
            let url = Bundle.module.url(forResource: "Assets/" + name, withExtension: "json")
                ?? Bundle.module.resourceURL?.appendingPathComponent("Assets/\(name).json"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return #"{"error":"The OpenAPI document is missing from the build."}"# }
        return text
    }
}

/// The OpenAPI 3.1 description of the ORUK read API, served at `/openreferral/openapi.json`
/// (`Resources/Assets/openreferral-openapi.json`).
enum OpenReferralOpenAPI {
    static let json: String = OpenAPIDocument.text(of: "openreferral-openapi")
}

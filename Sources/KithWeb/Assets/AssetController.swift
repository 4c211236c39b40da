import Foundation
import Hummingbird

/// Kith's stylesheet, script and icon, read once from the bundle.
struct AssetFiles: Sendable {
    let files: [String: (type: String, bytes: ByteBuffer)]

    init() throws {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Assets") else {
            throw WebError.badRequest("Kith's assets are missing from the build.")
        }
        var files: [String: (String, ByteBuffer)] = [:]
        let types = [("kith.css", "text/css; charset=utf-8"), ("kith.js", "text/javascript; charset=utf-8"), ("favicon.svg", "image/svg+xml")]
        for (name, type) in types {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            files[name] = (type, ByteBuffer(bytes: data))
        }
        self.files = files
    }
}

/// `/assets/NAME` and `/favicon.ico`: served to anyone, before sign-in and outside the CSRF check.
struct AssetController: Sendable {
    typealias Context = WebRequestContext

    let assets: AssetFiles

    func addRoutes(to router: Router<Context>) {
        router.get("assets/:name", use: asset)
        router.get("favicon.ico", use: favicon)
    }

    /// One of the files, kept by browsers for an hour.
    @Sendable func asset(_ request: Request, context: Context) async throws -> Response {
        guard let name = context.parameters.get("name"), let file = assets.files[name] else { throw WebError.notFound }
        return Response(
            status: .ok, headers: [.contentType: file.type, .cacheControl: "public, max-age=3600"], body: .init(byteBuffer: file.bytes)
        )
    }

    /// Browsers ask for /favicon.ico whatever the page's icon link says; send them to the icon.
    @Sendable func favicon(_ request: Request, context: Context) async throws -> Response {
        Response(status: .movedPermanently, headers: [.location: "/assets/favicon.svg"])
    }
}

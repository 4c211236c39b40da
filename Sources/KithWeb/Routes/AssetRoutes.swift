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

extension WebApp {
    func addAssetRoutes(to router: Router<WebRequestContext>) {
        router.get("assets/:name") { _, context -> Response in
            guard let name = context.parameters.get("name"), let file = assets.files[name] else { throw WebError.notFound }
            return Response(
                status: .ok, headers: [.contentType: file.type, .cacheControl: "public, max-age=3600"], body: .init(byteBuffer: file.bytes)
            )
        }
        // Browsers ask for /favicon.ico whatever the page's icon link says; send them to the icon.
        router.get("favicon.ico") { _, _ -> Response in
            Response(status: .movedPermanently, headers: [.location: "/assets/favicon.svg"])
        }
    }
}

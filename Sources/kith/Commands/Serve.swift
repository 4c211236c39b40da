import ArgumentParser
import Foundation
import KithStore
import KithWeb
import Logging

/// `kith serve`: the web app and JSON API over a store.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve Kith's web app and JSON API over a store.",
        discussion: """
            Add accounts first with `kith user add`. The app listens on 127.0.0.1 by default; to reach it from other \
            machines put it behind a TLS proxy and pass --public-url https://… so that its cookies are marked Secure.
            """
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(name: .customLong("public-url"), help: "The address people use, e.g. https://kith.example.gov.uk; https marks cookies Secure.")
    var publicURL: String?

    @Option(help: "How the places pages make the index of need: a YAML method file (see README); equal weights by default.")
    var indexMethod: String?

    @OptionGroup var referenceDate: ReferenceDateOption
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let database = try store.open()
        if let publicURL, !WebConfiguration.isPublicURL(publicURL) {
            throw ValidationError("--public-url \(publicURL) is not an address: give its scheme and host, e.g. https://kith.example.gov.uk")
        }
        var configuration = WebConfiguration(
            host: host, port: port, secureCookies: publicURL?.lowercased().hasPrefix("https://") ?? false, publicURL: publicURL,
            storePath: store.db
        )
        if referenceDate.asOf != nil { configuration.referenceDate = try referenceDate.date() }
        configuration.indexMethod = try Places.method(indexMethod)
        let app = try await WebApp(database: database, configuration: configuration)
        if try database.access.accounts().isEmpty {
            print("There are no accounts yet: add one with `kith user add NAME --role admin --db \(store.db)`.")
        }
        print("Kith is serving \(store.db) at http://\(host):\(port)/ (Ctrl-C to stop).")
        fflush(nil)  // stdout is a pipe or file when run by a script: show everything above before serving
        try await app.serve()
    }
}

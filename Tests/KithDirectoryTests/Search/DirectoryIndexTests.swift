import Foundation
import KithDirectory
import Testing

/// A directory made ready once answers every search as searching the services directly does, and finds a service by
/// id.
struct DirectoryIndexTests {
    @Test func answersAsTheSearchDoes() {
        let services = DirectorySearchTests.directory
        let index = DirectoryIndex(services: services.reversed())
        let queries = [
            DirectoryQuery(),
            DirectoryQuery(words: "food"),
            DirectoryQuery(needs: ["Food"], near: DirectorySearchTests.home, withinMetres: 2_000),
            DirectoryQuery(language: "Polish"),
            DirectoryQuery(access: ["step-free"]),
            DirectoryQuery(acceptingReferralsOnly: true, includeClosed: true),
        ]
        for query in queries {
            #expect(index.search(query) == DirectorySearch.search(services, query), "\(query)")
        }
        #expect(index.count == services.count)
        #expect(index.service(id: "pantry")?.name == "Ashbrook Community Pantry")
        #expect(index.service(id: "nothing") == nil)
        #expect(index.services.map(\.name) == index.services.map(\.name).sorted { $0.localizedCaseInsensitiveCompare($1) == .orderedAscending })
    }
}

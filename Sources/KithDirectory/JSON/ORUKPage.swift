import Foundation

/// ORUK's paged envelope, as `/services` and the other list endpoints return it.
public struct ORUKPage<Item: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    public var totalItems: Int
    public var totalPages: Int
    /// From 1.
    public var pageNumber: Int
    /// The number of items on this page.
    public var size: Int
    public var firstPage: Bool
    public var lastPage: Bool
    public var empty: Bool
    public var contents: [Item]

    /// The page `pageNumber` (from 1) of `perPage` items, holding `contents`, out of `totalItems` in all.
    public init(contents: [Item], pageNumber: Int, perPage: Int, totalItems: Int) {
        let perPage = max(1, perPage)
        self.contents = contents
        self.totalItems = totalItems
        self.totalPages = max(1, (totalItems + perPage - 1) / perPage)
        self.pageNumber = pageNumber
        self.size = contents.count
        self.firstPage = pageNumber <= 1
        self.lastPage = pageNumber >= totalPages
        self.empty = contents.isEmpty
    }

    /// Cuts all the items into the page `pageNumber` (from 1) of `perPage` each.
    public init(paging all: [Item], pageNumber: Int, perPage: Int) {
        let perPage = max(1, perPage)
        let start = min(all.count, max(0, (pageNumber - 1) * perPage))
        let end = min(all.count, start + perPage)
        self.init(contents: Array(all[start..<end]), pageNumber: pageNumber, perPage: perPage, totalItems: all.count)
    }

    enum CodingKeys: String, CodingKey {
        case size, empty, contents
        case totalItems = "total_items"
        case totalPages = "total_pages"
        case pageNumber = "page_number"
        case firstPage = "first_page"
        case lastPage = "last_page"
    }
}

import Foundation
import Yams

/// Which tag each column of a partner's list carries, kept so that next week's list from the same partner
/// is tagged the same way. Saved as a small YAML file people can read and edit:
///
/// ```yaml
/// source: Helpline call log
/// columns:
///   - header: Caller First Name
///     tag: "#x_person +name +given"
///   - header: Date of Birth
///     tag: "#date +birth"
///     dateOrder: day-first
///   - header: Notes
/// required:
///   - "#x_person +name +given"
/// ```
public struct ColumnMapping: Codable, Sendable, Equatable {
    /// One column: its header as the partner writes it, and its tag (none for a column left untagged).
    public struct Column: Codable, Sendable, Equatable {
        public var header: String
        public var tag: String?
        /// For date columns: how numeric dates are written.
        public var dateOrder: DateOrder?

        public init(header: String, tag: String?, dateOrder: DateOrder? = nil) {
            self.header = header
            self.tag = tag
            self.dateOrder = dateOrder
        }
    }

    /// The source the mapping is for, for people reading the file.
    public var source: String?
    public var columns: [Column] {
        didSet { headerIndex = HeaderIndex() }
    }
    /// Tags every list from this source must have; the Data Checker reports any that is missing.
    public var required: [String]?
    /// The columns by normalised header, built on the first look-up, so that tagging a wide list is linear in its columns.
    private var headerIndex = HeaderIndex()

    private enum CodingKeys: String, CodingKey {
        case source, columns, required
    }

    public init(source: String?, columns: [Column], required: [String]? = nil) {
        self.source = source
        self.columns = columns
        self.required = required
    }

    /// The column whose header matches, ignoring case, spacing and punctuation; the first, when several do.
    public func column(forHeader header: String) -> Column? {
        headerIndex.position(of: HeaderText.normalise(header), in: columns).map { columns[$0] }
    }

    public static func == (lhs: ColumnMapping, rhs: ColumnMapping) -> Bool {
        lhs.source == rhs.source && lhs.columns == rhs.columns && lhs.required == rhs.required
    }

    /// Reads a mapping file, with a message naming the file and what is wrong.
    public static func load(from url: URL) throws -> ColumnMapping {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw MappingError(file: url.lastPathComponent, problem: "The mapping file cannot be read (\(error.localizedDescription)).")
        }
        do {
            return try ColumnMapping(yaml: text)
        } catch let error as MappingError {
            throw MappingError(file: url.lastPathComponent, problem: error.problem)
        }
    }

    /// Reads a mapping from YAML, checking that every tag is an HXL tag.
    public init(yaml text: String) throws {
        let mapping: ColumnMapping
        do {
            mapping = try YAMLDecoder().decode(ColumnMapping.self, from: text)
        } catch {
            throw MappingError(file: "mapping", problem: "The mapping is not valid YAML of the expected shape: \(error).")
        }
        for column in mapping.columns {
            if let tag = column.tag, HXLTag(parsing: tag) == nil {
                throw MappingError(
                    file: "mapping",
                    problem: "The tag \"\(tag)\" for column \"\(column.header)\" is not an HXL tag such as \"#x_person +name +given\"."
                )
            }
        }
        for tag in mapping.required ?? [] where HXLTag(parsing: tag) == nil {
            throw MappingError(file: "mapping", problem: "The required tag \"\(tag)\" is not an HXL tag.")
        }
        self = mapping
    }

    /// The mapping as YAML, the same text `YAMLEncoder().encode(self)` writes.
    ///
    /// The YAML tree is built here in one pass: Yams' encoder copies a sequence's elements each time it adds one,
    /// which made saving the mapping of a list of 16,384 columns take most of a minute.
    public func yaml() throws -> String {
        var top: [(Node, Node)] = []
        if let source { top.append((Self.key("source"), Self.scalar(source))) }
        let columnNodes = columns.map { column -> Node in
            var pairs = [(Self.key("header"), Self.scalar(column.header))]
            if let tag = column.tag { pairs.append((Self.key("tag"), Self.scalar(tag))) }
            if let dateOrder = column.dateOrder { pairs.append((Self.key("dateOrder"), Self.scalar(dateOrder.rawValue))) }
            return Node(pairs)
        }
        top.append((Self.key("columns"), Node(columnNodes)))
        if let required { top.append((Self.key("required"), Node(required.map(Self.scalar)))) }
        return try serialize(node: Node(top))
    }

    /// What Yams' encoder writes for the mapping, which ``yaml()`` must equal (for tests).
    func yamlFromEncoder() throws -> String {
        try YAMLEncoder().encode(self)
    }

    /// A mapping key, as Yams' encoder writes it.
    private static func key(_ name: String) -> Node {
        Node(name)
    }

    /// A string value, as Yams' encoder writes it: quoted when it would otherwise read as a number, a boolean or null.
    private static func scalar(_ text: String) -> Node {
        var node = Node.scalar(text.represented())
        if text.contains("\n") { node.scalar?.style = YAMLEncoder().options.newLineScalarStyle }
        return node
    }

    /// Writes the mapping to a file.
    public func save(to url: URL) throws {
        try yaml().write(to: url, atomically: true, encoding: .utf8)
    }
}

/// Why a mapping file was refused.
public struct MappingError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var problem: String

    public var description: String {
        "\(file): \(problem) Fix the file, or make a new one with `kith tag FILE --save-mapping \(file)`."
    }
}

/// The positions of a mapping's columns by normalised header, built once and shared by copies of the mapping until
/// its columns change (which replaces it).
private final class HeaderIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var positions: [String: Int]?

    func position(of key: String, in columns: [ColumnMapping.Column]) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        if positions == nil {
            var built: [String: Int] = [:]
            for (position, column) in columns.enumerated() {
                let normalised = HeaderText.normalise(column.header)
                if built[normalised] == nil { built[normalised] = position }
            }
            positions = built
        }
        return positions?[key]
    }
}

import Foundation

/// Reads ORUK 3.0 JSON: a `/services` page (or a folder of pages), a single fully nested service, or a list of
/// services. Keeps the services that are good, and reports each bad one by its id (or position), field and
/// reason; a file that cannot be read at all throws a ``DirectoryReadError``.
///
/// ```swift
/// let reading = try ORUKReader().read(url: feedFolder)
/// for finding in reading.findings { print(finding) }
/// store(reading.services)
/// ```
public struct ORUKReader: Sendable {
    public var limits: DirectoryLimits
    public var validator: DirectoryValidator

    public init(limits: DirectoryLimits = DirectoryLimits(), validator: DirectoryValidator = DirectoryValidator()) {
        self.limits = limits
        self.validator = validator
    }

    /// What a reading found: the good services, the findings, and how many items there were.
    public struct Reading: Sendable, Equatable {
        /// The services with no error (warnings allowed), in file order.
        public var services: [Service]
        /// Every finding: errors for the items left out, warnings for items kept.
        public var findings: [DirectoryFinding]
        /// How many items the files held, good and bad.
        public var itemsRead: Int

        public init(services: [Service] = [], findings: [DirectoryFinding] = [], itemsRead: Int = 0) {
            self.services = services
            self.findings = findings
            self.itemsRead = itemsRead
        }

        /// The organisations of the good services, each once, in first-seen order.
        public var organizations: [Organization] {
            var seen: Set<String> = []
            return services.compactMap(\.organization).filter { seen.insert($0.id).inserted }
        }
    }

    /// Reads a file, or every `.json` file of a folder in name order.
    public func read(url: URL) throws -> Reading {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw DirectoryReadError(file: url.lastPathComponent, problem: "does not exist.", remedy: "Check the path.")
        }
        let files: [URL]
        if isFolder.boolValue {
            files = try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension.lowercased() == "json" }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
            guard files.count <= limits.maximumFiles else {
                throw DirectoryReadError(
                    file: url.lastPathComponent, problem: "holds \(files.count) JSON files, more than \(limits.maximumFiles).",
                    remedy: "Split the feed into smaller folders.")
            }
        } else {
            files = [url]
        }
        var decoded: [(service: Service, position: Int, file: String)] = []
        var findings: [DirectoryFinding] = []
        var itemsRead = 0
        for file in files {
            let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            guard size <= limits.maximumFileBytes else {
                throw DirectoryReadError(
                    file: file.lastPathComponent, problem: "is \(size / (1 << 20)) MB, more than the \(limits.maximumFileBytes >> 20) MB allowed.",
                    remedy: "Split it into pages of fewer services.")
            }
            let data = try Data(contentsOf: file)
            let attempts = try decode(data, file: file.lastPathComponent)
            for attempt in attempts {
                itemsRead += 1
                guard itemsRead <= limits.maximumItems else {
                    throw DirectoryReadError(
                        file: file.lastPathComponent, problem: "brings the feed past \(limits.maximumItems) services.",
                        remedy: "Import it in parts.")
                }
                switch attempt.result {
                case .success(let service): decoded.append((service, itemsRead, file.lastPathComponent))
                case .failure(let finding):
                    var finding = finding
                    finding.position = itemsRead
                    findings.append(finding)
                }
            }
        }
        let services = decoded.map(\.service)
        let checks = validator.validate(services: services, positions: decoded.map(\.position))
        findings += checks
        let rejected = Set(checks.filter { $0.severity == .error }.compactMap(\.position))
        findings.sort { ($0.position ?? 0, $0.severity == .error ? 0 : 1) < ($1.position ?? 0, $1.severity == .error ? 0 : 1) }
        return Reading(
            services: decoded.filter { !rejected.contains($0.position) }.map(\.service), findings: findings, itemsRead: itemsRead)
    }

    /// Reads JSON bytes held in memory (an upload, a test) as one file named `name`.
    public func read(data: Data, name: String = "feed.json") throws -> Reading {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kith-directory-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name.hasSuffix(".json") ? name : name + ".json")
        try data.write(to: file)
        return try read(url: file)
    }

    /// Decodes one file's items, each on its own, so one bad item leaves the others readable.
    func decode(_ data: Data, file: String) throws -> [ItemAttempt] {
        let (first, shapeProblem) = data.withUnsafeBytes { bytes in
            (JSONShape.firstByte(bytes), JSONShape.problem(in: bytes, limits: limits))
        }
        if let shapeProblem {
            throw DirectoryReadError(file: file, problem: shapeProblem, remedy: "Check that it is an ORUK feed, not another file.")
        }
        let decoder = JSONDecoder()
        do {
            switch first {
            case UInt8(ascii: "["):
                return try decoder.decode([ItemAttempt].self, from: data)
            case UInt8(ascii: "{"):
                let probe = try decoder.decode(EnvelopeProbe.self, from: data)
                if probe.isPage {
                    return try decoder.decode(PageOfAttempts.self, from: data).contents
                }
                return [try decoder.decode(ItemAttempt.self, from: data)]
            default:
                throw DirectoryReadError(
                    file: file, problem: "is not JSON: it should start with { or [.",
                    remedy: "Export the feed as ORUK 3.0 JSON (a /services page or a single service).")
            }
        } catch let error as DirectoryReadError {
            throw error
        } catch let error as DecodingError {
            let finding = Self.finding(for: error, prefixCount: 0, id: nil)
            throw DirectoryReadError(
                file: file, problem: "could not be read as a services page: \(finding.field) \(finding.problem)",
                remedy: "Check it is ORUK 3.0 JSON: a page with total_items and contents, a service, or a list of services.")
        } catch {
            throw DirectoryReadError(file: file, problem: "is not valid JSON.", remedy: "Check the file was saved in full as JSON.")
        }
    }

    /// Turns a decoding error into a finding about the field it names.
    static func finding(for error: DecodingError, prefixCount: Int, id: String?) -> DirectoryFinding {
        func path(_ keys: [any CodingKey]) -> String {
            var text = ""
            for key in keys.dropFirst(prefixCount) {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return text
        }
        let field: String
        let problem: String
        let remedy: String
        switch error {
        case .keyNotFound(let key, let context):
            field = path(context.codingPath + [key])
            problem = "is missing."
            remedy = "ORUK 3.0 requires it; add it."
        case .valueNotFound(_, let context):
            field = path(context.codingPath)
            problem = "is empty (null) but must have a value."
            remedy = "Give it a value, or leave the field out if it is optional."
        case .typeMismatch(let type, let context):
            field = path(context.codingPath)
            problem = "holds the wrong kind of value: it should be \(Self.kind(of: type))."
            remedy = "Correct the value's type (for example a number without quotes)."
        case .dataCorrupted(let context):
            field = path(context.codingPath)
            let parts = context.debugDescription.components(separatedBy: "; ")
            problem = (parts.first ?? "is not valid") + "."
            remedy = parts.count > 1 ? parts[1].prefix(1).uppercased() + parts[1].dropFirst() + "." : "Correct the value."
        @unknown default:
            field = ""
            problem = "could not be read."
            remedy = "Check it against the ORUK 3.0 schema."
        }
        return DirectoryFinding(itemKind: "service", itemID: id, field: field, problem: problem, remedy: remedy)
    }

    static func kind(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Double.Type, is Int.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is [Any].Type: return "a list"
        default:
            let name = String(describing: type)
            return name.hasPrefix("Array") ? "a list" : (name.hasPrefix("Dictionary") ? "an object" : "an object (\(name))")
        }
    }
}

/// One item of a feed decoded on its own: the service, or the finding that says why it could not be read.
struct ItemAttempt: Decodable {
    var result: Result<Service, DirectoryFinding>

    init(from decoder: any Decoder) throws {
        let prefixCount = decoder.codingPath.count
        do {
            result = .success(try Service(from: decoder))
        } catch let error as DecodingError {
            let id = try? IDProbe(from: decoder).id
            result = .failure(ORUKReader.finding(for: error, prefixCount: prefixCount, id: id))
        }
    }
}

extension DirectoryFinding: Error {}

/// Just an item's id, if it has a readable one.
struct IDProbe: Decodable {
    var id: String?
    enum CodingKeys: String, CodingKey { case id }
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try? container.decodeIfPresent(String.self, forKey: .id)
    }
}

/// Whether an object is a paged envelope (it has `contents`) rather than a service.
struct EnvelopeProbe: Decodable {
    var isPage: Bool
    enum CodingKeys: String, CodingKey { case contents }
    init(from decoder: any Decoder) throws {
        isPage = try decoder.container(keyedBy: CodingKeys.self).contains(.contents)
    }
}

/// A page's items, each decoded on its own; the envelope's counts are not trusted.
struct PageOfAttempts: Decodable {
    var contents: [ItemAttempt]
}

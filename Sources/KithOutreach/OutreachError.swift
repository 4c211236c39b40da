/// Why an outreach command could not go ahead, in words that say what to do.
public enum OutreachError: Error, Sendable, Equatable, CustomStringConvertible {
    case notLinked
    case notScored
    case unknownPerson(String)
    case outputNeedsFolder(String)
    case unsupportedFormat(String)
    case unreadableProfile(String)

    public var description: String {
        switch self {
        case .notLinked: "No one has been linked yet: import the lists with `kith import`, then run `kith link`."
        case .notScored: "No scores yet: run `kith score` first."
        case .unknownPerson(let id): "There is no person \(id): person ids look like KP-0000042 (see `kith outreach` or `kith link`)."
        case .outputNeedsFolder(let path): "--split-by writes one file per school or area, so --out must be a folder, not \(path)."
        case .unreadableProfile(let id):
            "The stored profile of \(id) cannot be read (written by another version of Kith?): run `kith link` to build the profiles again."
        case .unsupportedFormat(let path): "\(path) is neither .csv nor .xlsx: name the file with one of those extensions, or give a folder."
        }
    }
}

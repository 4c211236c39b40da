import Foundation

/// Files in the research folder beside the package (`shared/`), found by walking up from this file.
public enum SharedData {
    /// The URL of `shared/<relative>`, or nil when the folder is not there.
    public static func url(_ relative: String) -> URL? {
        var folder = String(#filePath)
        while let slash = folder.lastIndex(of: "/"), slash > folder.startIndex {
            folder = String(folder[..<slash])
            let candidate = folder + "/shared/" + relative
            if FileManager.default.fileExists(atPath: candidate) { return URL(fileURLWithPath: candidate) }
        }
        return nil
    }
}

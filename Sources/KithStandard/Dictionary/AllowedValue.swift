/// One value a coded column may hold, with what it means: `CP` — "Child protection plan".
public struct AllowedValue: Codable, Sendable, Equatable, Hashable {
    public var code: String
    public var label: String

    public init(code: String, label: String) {
        self.code = code
        self.label = label
    }
}

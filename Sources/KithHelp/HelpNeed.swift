/// A kind of help a resident asks for and a volunteer may give: food, a prescription collected, a welfare check… A
/// council configures its own list; ``standard`` is the list Wigan's and Oldham's helplines used. Whether the help
/// means going to the resident matters: a visit to a vulnerable adult or child needs a volunteer with an enhanced DBS
/// check.
public struct HelpNeed: Sendable, Equatable, Hashable, Codable {
    /// A short id: `food`, `prescription`.
    public var id: String
    /// In words: "Prescription collection".
    public var label: String
    /// Whether giving this help means visiting the resident (at the door counts).
    public var involvesVisit: Bool
    /// The data dictionary's `#need +type` code the helpline's list records it as (`food`, `prescriptions`,
    /// `money`…), which is what the vulnerability matrix and area demand read.
    public var dictionaryCode: String

    public init(id: String, label: String, involvesVisit: Bool, dictionaryCode: String = "other") {
        self.id = id
        self.label = label
        self.involvesVisit = involvesVisit
        self.dictionaryCode = dictionaryCode
    }

    /// The needs a helpline takes by default.
    public static let standard: [HelpNeed] = [
        HelpNeed(id: "food", label: "Food", involvesVisit: true, dictionaryCode: "food"),
        HelpNeed(id: "prescription", label: "Prescription collection", involvesVisit: true, dictionaryCode: "prescriptions"),
        HelpNeed(id: "welfare-check", label: "Welfare check", involvesVisit: true, dictionaryCode: "care"),
        HelpNeed(id: "befriending", label: "Befriending or comfort call", involvesVisit: false, dictionaryCode: "loneliness"),
        HelpNeed(id: "financial-hardship", label: "Financial hardship", involvesVisit: false, dictionaryCode: "money"),
        HelpNeed(id: "mental-health", label: "Mental health", involvesVisit: false, dictionaryCode: "mental-health"),
        HelpNeed(id: "shopping", label: "Shopping", involvesVisit: true, dictionaryCode: "food"),
        HelpNeed(id: "dog-walking", label: "Dog walking", involvesVisit: true, dictionaryCode: "other"),
        HelpNeed(id: "transport", label: "Transport", involvesVisit: true, dictionaryCode: "transport"),
        HelpNeed(id: "other", label: "Other", involvesVisit: false, dictionaryCode: "other"),
    ]
}

extension [HelpNeed] {
    /// The need with this id, if the list has it.
    public func need(_ id: String) -> HelpNeed? {
        first { $0.id == id }
    }
}

/// A person's verdict on two records, by their keys; it overrides the model on every later run.
public struct HumanDecision: Sendable, Equatable {
    public var leftKey: String
    public var rightKey: String
    public var isSamePerson: Bool

    public init(leftKey: String, rightKey: String, isSamePerson: Bool) {
        self.leftKey = leftKey
        self.rightKey = rightKey
        self.isSamePerson = isSamePerson
    }
}

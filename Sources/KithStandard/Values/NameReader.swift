/// Reads a person's name or part of one: the normalised form is ``NormalisedName/display`` (tidied, title removed,
/// case fixed when it was all capitals or all lower case), with the facts `key` (the matching key) and `title` (when
/// one was removed from the front).
///
/// Names are never errors: digits in a name are a warning, a lone initial and a title in the name column information.
public struct NameReader: ValueReader {
    public init() {}

    public func read(_ text: String, context: ReadingContext) -> ValueReading {
        let name = NameNormaliser.normalise(text, includingParts: false)
        guard !name.display.isEmpty else { return ValueReading(normalised: nil) }
        var facts: [String: String] = name.key.isEmpty || !context.collectsFacts ? [:] : ["key": name.key]
        var problems: [ValueProblem] = []
        if let title = name.title {
            if context.collectsFacts { facts["title"] = title }
            problems.append(
                ValueProblem(
                    check: "name.title",
                    severity: .info,
                    message: "Starts with a title; titles belong in their own column, so Kith leaves it out of the name.",
                    suggestion: name.display
                )
            )
        }
        ByteText.withBytes(name.display) { bytes in
            if bytes.contains(where: ByteText.isDigit) {
                problems.append(
                    ValueProblem(
                        check: "name.digits",
                        severity: .warning,
                        message: "Has digits, which names do not: it may be an identifier or a date in the wrong column."
                    )
                )
            }
            let isInitial = ByteText.isLetter(bytes[0]) && (bytes.count == 1 || (bytes.count == 2 && bytes[1] == 0x2E))
            if isInitial {
                problems.append(
                    ValueProblem(
                        check: "name.initial-only",
                        severity: .info,
                        message: "Is only an initial, which matches many people: linking needs the full name where it is known."
                    )
                )
            }
        }
        return ValueReading(normalised: name.display, problems: problems, facts: facts)
    }
}

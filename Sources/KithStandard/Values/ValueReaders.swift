/// The reader for each kind of value in Kith's data standard: what the Data Checker and import normalisation use.
///
/// Conventions every reader follows: it trims surrounding spaces itself (the checker reports them separately); its
/// normalised form is nil whenever it reports an error, so a value that fails its checks is never used to link
/// people, while warnings and information keep it; its messages never repeat the value.
public enum ValueReaders {
    /// The reader for a dictionary entry's kind of value; coded columns get the entry's allowed values.
    public static func reader(for entry: DictionaryEntry) -> any ValueReader {
        switch entry.type {
        case .text: TextReader()
        case .name: NameReader()
        case .date: DateReader(isDateOfBirth: false)
        case .dateOfBirth: DateReader(isDateOfBirth: true)
        case .nhsNumber: NHSNumberReader()
        case .uniquePupilNumber: UniquePupilNumberReader()
        case .postcode: PostcodeReader()
        case .uprn: UPRNReader()
        case .schoolURN: SchoolURNReader()
        case .phone: PhoneReader()
        case .email: EmailReader()
        case .integer: IntegerReader()
        case .flag: FlagReader()
        case .code: CodeReader(allowed: entry.allowed)
        case .identifier: IdentifierReader()
        }
    }
}

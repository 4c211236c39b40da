import KithSpreadsheet

/// Reads calendar dates in every common UK spelling, and US and ISO ones, normalised to ISO 8601 (`1985-07-05`).
///
/// It reads `dd/mm/yyyy` and `d/m/yy` (with `/`, `-`, `.` or spaces), `05-Jul-2011`, `5 July 2011`, `5th July 2011`,
/// `July 5, 2011`, `yyyy-mm-dd`, `yyyy/mm/dd`, `yyyymmdd`, `2011-Jul-05`, any of these followed by a time
/// (`05/07/1985 00:00:00`, `1985-07-05T14:30:00+01:00`; the date is taken as written, never moved by a time zone) and
/// Excel serial day numbers (4–5 digits, perhaps with a fraction; the 1900 system).
///
/// Numeric day and month are read in the column's ``ReadingContext/dateOrder``. When the value could also be read
/// the other way round as a different real date, the `alternative` fact holds that reading; when the value itself
/// proves the order (a number over 12), the `order-evidence` fact says `day-first` or `month-first`.
/// Two-digit years of dates of birth take the century that puts the birth on or before the reference date; other
/// dates use Excel's rule (00–29 are 2000–2029, 30–99 are 1930–1999). A value with an error has no normalised form.
public struct DateReader: ValueReader {
    /// Whether the column holds dates of birth, which must not be in the future nor more than 115 years ago.
    public let isDateOfBirth: Bool

    public init(isDateOfBirth: Bool = false) {
        self.isDateOfBirth = isDateOfBirth
    }

    /// The oldest age accepted without a warning.
    public static let oldestAge = 115

    public func read(_ text: String, context: ReadingContext) -> ValueReading {
        let shape = ByteText.withBytes(text) { DateTextParser.shape(of: ByteText.trimmed($0)) }
        switch shape {
        case .unreadable:
            return Self.error(
                "date.unreadable",
                "Is not a date Kith can read. Write dates as day/month/year, such as 05/07/1985, or as 1985-07-05."
            )
        case .serial(let serial):
            guard let date = ExcelDateSystem.from1900.date(fromSerial: serial) else {
                return Self.error(
                    "date.impossible",
                    serial == ExcelDateSystem.fictitiousLeapDaySerial
                        ? "Is Excel's day number for 29 February 1900, a day that never existed (a bug Excel kept from Lotus 1-2-3)."
                        : "Is not a day number Excel can show as a date."
                )
            }
            let iso = Self.iso(date)
            var problems = [
                ValueProblem(
                    check: "date.excel-serial",
                    severity: .info,
                    message: serial < 10_000 && serial >= 1900 && serial <= 2100
                        ? "Is read as an Excel day number, as Excel shows a date in a column not formatted as dates. "
                            + "If it is a year, the day and month are missing."
                        : "Is an Excel day number: Excel showed the date as a number because the column was not formatted as dates.",
                    suggestion: iso
                )
            ]
            return finish(date, iso: iso, problems: &problems, facts: [:], context: context)
        case .yearFirst(let year, let month, let day):
            guard let date = CivilDate(year: year, month: month, day: day) else { return Self.impossible(month: month, year: year) }
            var problems: [ValueProblem] = []
            return finish(date, iso: Self.iso(date), problems: &problems, facts: [:], context: context)
        case .named(let day, let month, let year, let isTwoDigitYear):
            let fullYear = isTwoDigitYear ? resolve(twoDigitYear: year, month: month, day: day, context: context) : year
            guard let date = CivilDate(year: fullYear, month: month, day: day) else {
                return Self.impossible(month: month, year: fullYear)
            }
            let iso = Self.iso(date)
            var problems = isTwoDigitYear ? [twoDigitYearProblem(iso)] : []
            return finish(date, iso: iso, problems: &problems, facts: [:], context: context)
        case .numeric(let first, let second, let year, let isTwoDigitYear):
            return readNumeric(first: first, second: second, year: year, isTwoDigitYear: isTwoDigitYear, context: context)
        }
    }

    /// The order of day and month a value proves by itself: day-first when its first number is over 12 (`25/12/1990`),
    /// month-first when its second is (`12/25/1990`); nil when it proves neither or is not a numeric date.
    public static func orderEvidence(_ text: String) -> DateOrder? {
        let shape = ByteText.withBytes(text) { DateTextParser.shape(of: ByteText.trimmed($0)) }
        guard case .numeric(let first, let second, _, _) = shape else { return nil }
        return evidence(first: first, second: second)
    }

    private static func evidence(first: Int, second: Int) -> DateOrder? {
        if first > 12 && (1...12).contains(second) { return .dayFirst }
        if second > 12 && (1...12).contains(first) { return .monthFirst }
        return nil
    }

    private func readNumeric(first: Int, second: Int, year: Int, isTwoDigitYear: Bool, context: ReadingContext) -> ValueReading {
        let dayFirst = context.dateOrder == .dayFirst
        let (day, month) = dayFirst ? (first, second) : (second, first)
        let primary = date(day: day, month: month, year: year, isTwoDigitYear: isTwoDigitYear, context: context)
        let swapped = date(day: month, month: day, year: year, isTwoDigitYear: isTwoDigitYear, context: context)
        var facts: [String: String] = [:]
        if context.collectsFacts, let evidence = Self.evidence(first: first, second: second) {
            facts["order-evidence"] = evidence.rawValue
        }
        var problems: [ValueProblem] = []
        let chosen: CivilDate
        let iso: String
        if let primary {
            chosen = primary
            iso = Self.iso(primary)
            if context.collectsFacts, let swapped, swapped != primary { facts["alternative"] = Self.iso(swapped) }
        } else if let swapped {
            chosen = swapped
            iso = Self.iso(swapped)
            problems.append(
                dayFirst
                    ? ValueProblem(
                        check: "date.month-first",
                        severity: .warning,
                        message: "Is a real date only when read month first, as US systems write dates, but this column "
                            + "is day first. Kith read it month first; check the column's date order.",
                        suggestion: iso
                    )
                    : ValueProblem(
                        check: "date.day-first",
                        severity: .warning,
                        message: "Is a real date only when read day first, but this column is month first. "
                            + "Kith read it day first; check the column's date order.",
                        suggestion: iso
                    )
            )
        } else {
            let reason =
                if !(1...12).contains(first) && !(1...12).contains(second) {
                    "Is not a real date: neither the day nor the month is 1 to 12, so neither can be the month."
                } else if year == 0 && !isTwoDigitYear {
                    "Is not a real date: there is no year 0."
                } else {
                    "Is not a real date in either order of day and month: that month does not have that many days."
                }
            var reading = Self.error("date.impossible", reason)
            reading.facts = facts
            return reading
        }
        if isTwoDigitYear { problems.append(twoDigitYearProblem(iso)) }
        return finish(chosen, iso: iso, problems: &problems, facts: facts, context: context)
    }

    /// A date from numeric parts, its two-digit year resolved; nil when the parts name no real day.
    private func date(day: Int, month: Int, year: Int, isTwoDigitYear: Bool, context: ReadingContext) -> CivilDate? {
        guard (1...12).contains(month), day >= 1, day <= 31 else { return nil }
        let fullYear = isTwoDigitYear ? resolve(twoDigitYear: year, month: month, day: day, context: context) : year
        return CivilDate(year: fullYear, month: month, day: day)
    }

    /// The full year of a two-digit year: for dates of birth the latest that is not after the reference date (so never
    /// more than 100 years before it); otherwise Excel's 2029 rule.
    private func resolve(twoDigitYear: Int, month: Int, day: Int, context: ReadingContext) -> Int {
        guard isDateOfBirth else { return twoDigitYear < 30 ? 2000 + twoDigitYear : 1900 + twoDigitYear }
        let reference = context.referenceDate
        var year = reference.year - ((reference.year - twoDigitYear) % 100 + 100) % 100
        if year == reference.year && (month, day) > (reference.month, reference.day) { year -= 100 }
        return year
    }

    private func twoDigitYearProblem(_ iso: String) -> ValueProblem {
        ValueProblem(
            check: "date.two-digit-year",
            severity: .info,
            message: isDateOfBirth
                ? "Has a two-digit year: Kith chose the century that puts the birth on or before the date the list is checked against."
                : "Has a two-digit year: Kith read it as Excel does (00–29 are 2000–2029, 30–99 are 1930–1999).",
            suggestion: iso
        )
    }

    /// Checks a date that was read: placeholders, and for dates of birth the future and great ages.
    private func finish(
        _ date: CivilDate,
        iso: String,
        problems: inout [ValueProblem],
        facts: [String: String],
        context: ReadingContext
    ) -> ValueReading {
        let isPlaceholder = Self.isPlaceholder(date)
        if isPlaceholder {
            problems.append(
                ValueProblem(
                    check: "date.placeholder",
                    severity: .warning,
                    message: "Is a stand-in date that systems write when the real date is not known; treat the date as missing."
                )
            )
        }
        guard isDateOfBirth else { return ValueReading(normalised: iso, problems: problems, facts: facts) }
        let reference = context.referenceDate
        if date > reference {
            problems.append(
                ValueProblem(
                    check: "date.future-birth",
                    severity: .error,
                    message: "Is a date of birth after the date the list is checked against."
                )
            )
            return ValueReading(normalised: nil, problems: problems, facts: facts)
        }
        if !isPlaceholder, (date.year, date.month, date.day) < (reference.year - Self.oldestAge, reference.month, reference.day) {
            problems.append(
                ValueProblem(
                    check: "date.too-old",
                    severity: .warning,
                    message: "Is a date of birth more than \(Self.oldestAge) years before the date the list is checked against: "
                        + "probably mistyped or a stand-in for an unknown date."
                )
            )
        }
        return ValueReading(normalised: iso, problems: problems, facts: facts)
    }

    /// Whether a date is one systems write for "unknown": Excel's and SQL Server's epochs, the Unix epoch, the end of time, …
    public static func isPlaceholder(_ date: CivilDate) -> Bool {
        switch date.year * 10_000 + date.month * 100 + date.day {
        case 1_0101, 1753_0101, 1800_0101, 1899_1230, 1899_1231, 1900_0101, 1901_0101, 1970_0101, 2099_1231, 9999_1231:
            return true
        default:
            return false
        }
    }

    private static func iso(_ date: CivilDate) -> String {
        ByteText.iso(year: date.year, month: date.month, day: date.day)
    }

    private static func impossible(month: Int, year: Int) -> ValueReading {
        let reason =
            if !(1...12).contains(month) {
                "Is not a real date: the month is not 1 to 12."
            } else if year < 1 {
                "Is not a real date: there is no year 0."
            } else {
                "Is not a real date: that month does not have that many days."
            }
        return error("date.impossible", reason)
    }

    private static func error(_ check: String, _ message: String) -> ValueReading {
        ValueReading(normalised: nil, problems: [ValueProblem(check: check, severity: .error, message: message)])
    }
}

import KithSpreadsheet

/// How often each kind of mistake or variation appears in one partner's list (each a probability per field).
struct NoiseRates: Sendable {
    var typo = 0.0
    var nickname = 0.0
    var initialOnly = 0.0
    var accentDropped = 0.0
    var allCaps = 0.0
    var lowerCase = 0.0
    var outerSpaces = 0.0
    /// For women who changed name recently: chance the list still holds the birth family name.
    var maidenName = 0.0
    /// For households that moved: chance the list still holds the previous address.
    var oldAddress = 0.0
    var postcodeWithoutSpace = 0.0
    var postcodeLowerCase = 0.0
    var postcodeMissing = 0.0
    var streetAbbreviated = 0.0
    var dateSwapped = 0.0
    var dateMistyped = 0.0
    var dateMissing = 0.0
    var nhsMissing = 0.0
    var nhsDigitWrong = 0.0
    var nhsTransposed = 0.0
    var nhsPlaceholder = 0.0
    var nhsSpaced = 0.0
    /// Weights of the phone spellings in ``Noise/phone(_:)``: as given, no spaces, +44 spaced, +44 run together,
    /// split 5-3-3, leading zero lost, area code in brackets.
    var phoneStyles: [Double] = [1, 0, 0, 0, 0, 0, 0]
}

/// Applies a partner's typical mistakes and habits to the truth, one field at a time.
///
/// Every choice comes from the list's own ``RandomSource`` stream, so the mess is repeatable.
struct Noise {
    var random: RandomSource
    let rates: NoiseRates

    init(seed: UInt64, stream: String, rates: NoiseRates) {
        random = RandomSource(seed: seed, stream: "noise." + stream)
        self.rates = rates
    }

    // MARK: - Names

    /// The given name as recorded: perhaps a nickname, an initial, a typo, an accent lost or odd casing.
    mutating func givenName(_ name: String) -> String {
        var text = name
        if random.chance(rates.nickname), let short = Nicknames.nickname(for: name, using: &random) {
            text = short
        } else if random.chance(rates.initialOnly), let first = name.first {
            text = String(first).uppercased() + (random.chance(0.4) ? "." : "")
            return spaces(text)
        }
        return decorate(text)
    }

    /// The family name as recorded, `birth` when the list predates a change on marriage.
    mutating func familyName(_ name: String, birth: String, recentlyMarried: Bool) -> String {
        let text = recentlyMarried && random.chance(rates.maidenName) ? birth : name
        return decorate(text)
    }

    /// Typo, lost accent, casing and stray spaces on one name.
    mutating func decorate(_ name: String) -> String {
        var text = name
        if random.chance(rates.typo) { text = Noise.typo(text, using: &random) }
        if random.chance(rates.accentDropped) { text = Diacritics.ascii(text) }
        text = casing(text)
        return spaces(text)
    }

    /// ALL CAPS or lower case at the list's rates.
    mutating func casing(_ text: String) -> String {
        let draw = random.unit()
        if draw < rates.allCaps { return text.uppercased() }
        if draw < rates.allCaps + rates.lowerCase { return text.lowercased() }
        return text
    }

    /// Leading or trailing spaces at the list's rate.
    mutating func spaces(_ text: String) -> String {
        guard random.chance(rates.outerSpaces) else { return text }
        switch random.below(3) {
        case 0: return " " + text
        case 1: return text + " "
        default: return text + "  "
        }
    }

    /// One slip of the keyboard: two letters swapped, one dropped or one doubled (never the first letter).
    static func typo(_ text: String, using random: inout RandomSource) -> String {
        var characters = Array(text)
        guard characters.count >= 3 else { return text }
        for _ in 0..<6 {
            let position = random.int(in: 1...(characters.count - 1))
            var changed = characters
            switch random.below(3) {
            case 0:
                guard position < characters.count - 1, characters[position] != characters[position + 1],
                    characters[position].isLetter, characters[position + 1].isLetter
                else { continue }
                changed.swapAt(position, position + 1)
            case 1:
                guard characters[position].isLetter else { continue }
                changed.remove(at: position)
            default:
                guard characters[position].isLetter else { continue }
                changed.insert(characters[position], at: position)
            }
            characters = changed
            break
        }
        return String(characters)
    }

    // MARK: - Places

    /// The address the list holds: the previous one for a household that moved, at the list's rate.
    mutating func address(of household: Household) -> Address {
        if let previous = household.previousAddress, random.chance(rates.oldAddress) { return previous }
        return household.address
    }

    /// A postcode as typed: without its space, in lower case, or missing.
    mutating func postcode(_ postcode: String) -> String {
        if random.chance(rates.postcodeMissing) { return "" }
        var text = postcode
        if random.chance(rates.postcodeWithoutSpace) { text = text.replacingSpaces(with: "") }
        if random.chance(rates.postcodeLowerCase) { text = text.lowercased() }
        return spaces(text)
    }

    /// A street line with its road type sometimes abbreviated (Road → Rd).
    mutating func street(_ text: String) -> String {
        guard random.chance(rates.streetAbbreviated) else { return casing(text) }
        var result = text
        for (long, short) in [
            (" Road", " Rd"), (" Street", " St"), (" Avenue", " Ave"), (" Close", " Cl"), (" Lane", " Ln"),
            (" Terrace", " Terr"), (" Crescent", " Cres"), (" Drive", " Dr"), (" Gardens", " Gdns"), (" Place", " Pl"),
        ] where result.hasSuffix(long) || result.contains(long + ",") {
            result = result.replacingFirst(long, with: short)
            break
        }
        return casing(result)
    }

    // MARK: - Dates and numbers

    /// A date of birth as entered: day and month swapped, a digit slipped, or nil when left blank.
    mutating func dateOfBirth(_ date: CivilDate) -> CivilDate? {
        if random.chance(rates.dateMissing) { return nil }
        if random.chance(rates.dateSwapped), date.day <= 12, date.day != date.month,
            let swapped = CivilDate(year: date.year, month: date.day, day: date.month)
        {
            return swapped
        }
        if random.chance(rates.dateMistyped) {
            switch random.below(3) {
            case 0: return date.adding(days: random.chance(0.5) ? 1 : -1)
            case 1: return CivilDate(year: date.year + (random.chance(0.5) ? 1 : -1), month: date.month, day: date.day) ?? date
            default: return CivilDate(year: date.year, month: date.month, day: date.day % 10 * 10 + date.day / 10) ?? date.adding(days: 10)
            }
        }
        return date
    }

    /// An NHS number as recorded: missing, one digit wrong, two transposed, the 9999999999 placeholder, or spaced 3-3-4.
    mutating func nhsNumber(_ number: String) -> String {
        let draw = random.unit()
        var threshold = rates.nhsMissing
        if draw < threshold { return "" }
        threshold += rates.nhsPlaceholder
        if draw < threshold { return "9999999999" }
        var digits = Array(number)
        threshold += rates.nhsDigitWrong
        if draw < threshold {
            let position = random.below(10)
            let old = digits[position].wholeNumberValue ?? 0
            let new = (old + 1 + random.below(9)) % 10
            digits[position] = Character(Unicode.Scalar(UInt8(48 + new)))
            return String(digits)
        }
        threshold += rates.nhsTransposed
        if draw < threshold {
            for _ in 0..<10 {
                let position = random.below(9)
                if digits[position] != digits[position + 1] {
                    digits.swapAt(position, position + 1)
                    break
                }
            }
            return String(digits)
        }
        return random.chance(rates.nhsSpaced) ? NHSNumber.spaced(number) : number
    }

    /// A UK phone number in one of the spellings partners use.
    mutating func phone(_ number: String) -> String {
        let digits = String(number.filter(\.isNumber))
        let national = String(digits.dropFirst())
        let isMobile = digits.hasPrefix("07")
        let areaLength = 5
        let area = String(digits.prefix(areaLength))
        let local = String(digits.dropFirst(areaLength))
        switch random.weightedIndex(rates.phoneStyles) {
        case 0: return number
        case 1: return digits
        case 2: return "+44 " + String(national.prefix(areaLength - 1)) + " " + local
        case 3: return "+44" + national
        case 4: return area + " " + String(local.prefix(3)) + " " + String(local.dropFirst(3))
        case 5: return national
        default: return isMobile ? number : "(" + area + ") " + local
        }
    }
}

extension String {
    /// Every space replaced.
    func replacingSpaces(with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == " " { result += replacement } else { result.append(character) }
        }
        return result
    }

    /// The first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        var result = self
        result.replaceSubrange(range, with: replacement)
        return result
    }
}

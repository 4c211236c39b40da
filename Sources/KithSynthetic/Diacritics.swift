/// Folding of the accented letters the name bank uses: to plain ASCII (emails, careless typing) or only as
/// far as Windows-1252 needs (a helpline PC cannot type `ł` or `ș`, but keeps `é` and `ë`).
enum Diacritics {
    /// Letters outside Windows-1252 and their usual ASCII stand-ins.
    static let outsideWindows1252: [Character: String] = [
        "ł": "l", "Ł": "L", "ś": "s", "Ś": "S", "ż": "z", "Ż": "Z", "ź": "z", "Ź": "Z", "ć": "c", "Ć": "C",
        "ń": "n", "Ń": "N", "ę": "e", "Ę": "E", "ą": "a", "Ą": "A", "ș": "s", "Ș": "S", "ş": "s", "Ş": "S",
        "ț": "t", "Ț": "T", "ţ": "t", "Ţ": "T", "ă": "a", "Ă": "A", "ễ": "e", "ı": "i",
    ]

    /// Latin-1 letters and their ASCII stand-ins.
    static let latin1: [Character: String] = [
        "á": "a", "à": "a", "â": "a", "ä": "a", "ã": "a", "å": "a", "Á": "A", "À": "A", "Â": "A", "Ä": "A",
        "é": "e", "è": "e", "ê": "e", "ë": "e", "É": "E", "È": "E", "Ê": "E", "Ë": "E",
        "í": "i", "ì": "i", "î": "i", "ï": "i", "Í": "I", "Î": "I",
        "ó": "o", "ò": "o", "ô": "o", "ö": "o", "õ": "o", "ø": "o", "Ó": "O", "Ö": "O", "Ø": "O",
        "ú": "u", "ù": "u", "û": "u", "ü": "u", "Ú": "U", "Ü": "U",
        "ç": "c", "Ç": "C", "ñ": "n", "Ñ": "N", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    ]

    /// Only the letters Windows-1252 cannot hold are replaced.
    static func windows1252Safe(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        var result = ""
        for character in text {
            if let plain = outsideWindows1252[character] { result += plain } else { result.append(character) }
        }
        return result
    }

    /// Every accented letter replaced by its plain form.
    static func ascii(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        var result = ""
        for character in text {
            if let plain = outsideWindows1252[character] ?? latin1[character] {
                result += plain
            } else if character.isASCII {
                result.append(character)
            }
        }
        return result
    }

    /// Whether the text holds any letter beyond ASCII.
    static func hasAccent(_ text: String) -> Bool {
        !text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Lower-case ASCII letters only, for the local part of an email address.
    static func emailPart(_ text: String) -> String {
        String(ascii(text).lowercased().filter { $0.isLetter })
    }
}

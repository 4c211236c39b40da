import Foundation
import KithSpreadsheet
import KithTestSupport
import Testing

@testable import KithStandard

struct StringSimilarityTests {
    // MARK: The reference vectors

    /// Every row of Tests/Data/name-vectors.csv (jellyfish 1.3.0 and RapidFuzz 3.14.6), on the matching keys and
    /// on the names as stored (row 27's `name_a` is NFD on purpose).
    @Test func matchesEveryRowOfTheNameVectors() throws {
        let rows = try SimilarityVectors.rows()
        #expect(rows.count == 59)
        for row in rows {
            let pair = "pair \(row.text("pair_id")) (\(row.text("name_a"))/\(row.text("name_b")))"
            let keyA = row.text("key_a")
            let keyB = row.text("key_b")
            let nameA = row.text("name_a")
            let nameB = row.text("name_b")
            #expect(nameA.unicodeScalars.count == row.integer("scalars_a"), "\(pair): scalars_a")
            #expect(nameB.unicodeScalars.count == row.integer("scalars_b"), "\(pair): scalars_b")

            let jaro = StringSimilarity.jaro(keyA, keyB)
            #expect(abs(jaro - row.number("jaro_key")) <= 5e-7, "\(pair): jaro_key \(jaro)")
            let jaroWinkler = StringSimilarity.jaroWinkler(keyA, keyB)
            #expect(abs(jaroWinkler - row.number("jaro_winkler_key")) <= 5e-7, "\(pair): jaro_winkler_key \(jaroWinkler)")
            #expect(StringSimilarity.levenshtein(keyA, keyB) == row.integer("levenshtein_key"), "\(pair): levenshtein_key")
            #expect(StringSimilarity.optimalStringAlignment(keyA, keyB) == row.integer("osa_key"), "\(pair): osa_key")
            #expect(
                StringSimilarity.damerauLevenshtein(keyA, keyB) == row.integer("damerau_levenshtein_unrestricted_key"),
                "\(pair): damerau_levenshtein_unrestricted_key"
            )

            let rawJaroWinkler = StringSimilarity.jaroWinkler(nameA, nameB)
            #expect(abs(rawJaroWinkler - row.number("jaro_winkler_raw")) <= 5e-7, "\(pair): jaro_winkler_raw \(rawJaroWinkler)")
            #expect(StringSimilarity.levenshtein(nameA, nameB) == row.integer("levenshtein_raw"), "\(pair): levenshtein_raw")
            #expect(StringSimilarity.optimalStringAlignment(nameA, nameB) == row.integer("osa_raw"), "\(pair): osa_raw")
        }
    }

    /// Row 27 is the Unicode trap: Swift calls the NFD and NFC spellings equal, the measures (like RapidFuzz) do not.
    @Test func countsScalarsNotCharacters() throws {
        let row = try #require(try SimilarityVectors.rows().first { $0.text("pair_id") == "27" })
        let (nfd, nfc) = (row.text("name_a"), row.text("name_b"))
        #expect(nfd == nfc)
        #expect(nfd.unicodeScalars.count == 4 && nfc.unicodeScalars.count == 3)
        #expect(StringSimilarity.levenshtein(nfd, nfc) == 2)
        #expect(StringSimilarity.levenshtein("Zoe\u{308}", "Zo\u{EB}") == 2)
    }

    // MARK: Edge cases

    @Test func emptyStrings() {
        // Two empty strings are equal: similarity 1, as RapidFuzz (jellyfish says 0); one empty string: 0.
        #expect(StringSimilarity.jaro("", "") == 1)
        #expect(StringSimilarity.jaroWinkler("", "") == 1)
        #expect(StringSimilarity.jaro("", "Smith") == 0)
        #expect(StringSimilarity.jaro("Smith", "") == 0)
        #expect(StringSimilarity.jaroWinkler("", "Smith") == 0)
        #expect(StringSimilarity.jaroWinkler("Siobhán", "") == 0)
        for measure in Self.distances {
            #expect(measure.function("", "") == 0, "\(measure.name)")
            #expect(measure.function("", "Smith") == 5, "\(measure.name)")
            #expect(measure.function("Smith", "") == 5, "\(measure.name)")
            #expect(measure.function("", "Siobhán") == 7, "\(measure.name)")
            #expect(measure.function("Zoe\u{308}", "") == 4, "\(measure.name)")
        }
    }

    @Test(arguments: ["A", "Adebayo", "Siobhán", "Nguyễn", "Zoe\u{308}", "Wojciechowski-Kowalczyk", String(repeating: "ab", count: 70)])
    func identicalStrings(_ name: String) {
        #expect(StringSimilarity.jaro(name, name) == 1)
        #expect(StringSimilarity.jaroWinkler(name, name) == 1)
        for measure in Self.distances {
            #expect(measure.function(name, name) == 0, "\(measure.name)")
        }
    }

    @Test func restrictedAndUnrestrictedTranspositionsDiffer() {
        #expect(StringSimilarity.levenshtein("CA", "ABC") == 3)
        #expect(StringSimilarity.optimalStringAlignment("CA", "ABC") == 3)
        #expect(StringSimilarity.damerauLevenshtein("CA", "ABC") == 2)
        #expect(StringSimilarity.damerauLevenshtein("ABC", "CA") == 2)
        // An adjacent swap is one edit for both, two for Levenshtein.
        #expect(StringSimilarity.levenshtein("NGUYEN", "NGYUEN") == 2)
        #expect(StringSimilarity.optimalStringAlignment("NGUYEN", "NGYUEN") == 1)
        #expect(StringSimilarity.damerauLevenshtein("NGUYEN", "NGYUEN") == 1)
    }

    @Test func winklerConventions() {
        // Textbook cases; the prefix counts at most 4; no boost at or below a Jaro of 0.7.
        #expect(abs(StringSimilarity.jaro("MARTHA", "MARHTA") - 0.944444) <= 5e-7)
        #expect(abs(StringSimilarity.jaroWinkler("MARTHA", "MARHTA") - 0.961111) <= 5e-7)
        #expect(abs(StringSimilarity.jaroWinkler("ABCDEFGHIJ", "ABCDEFGHIX") - 0.96) <= 5e-7)
        #expect(StringSimilarity.jaroWinkler("LEIGH", "LEE") == StringSimilarity.jaro("LEIGH", "LEE"))
        #expect(StringSimilarity.jaroWinkler("LI", "LEE") == StringSimilarity.jaro("LI", "LEE"))
        // Case-sensitive: nothing in common.
        #expect(StringSimilarity.jaroWinkler("martha", "MARTHA") == 0)
    }

    @Test(arguments: [
        ("Mohammed Ali", "Ali Mohammed"), ("Siobhán", "Shivaun"), ("CA", "ABC"), ("Cholmondeley", "Chumley"), ("Zoe\u{308}", "Zo\u{EB}"),
        ("Smith-Jones", "Jones"), ("DAFYDD", "DAVID"), ("Łukasz", "Lukasz"),
    ])
    func isSymmetric(_ a: String, _ b: String) {
        #expect(StringSimilarity.jaro(a, b) == StringSimilarity.jaro(b, a))
        #expect(StringSimilarity.jaroWinkler(a, b) == StringSimilarity.jaroWinkler(b, a))
        for measure in Self.distances {
            #expect(measure.function(a, b) == measure.function(b, a), "\(measure.name)")
        }
    }

    // MARK: Fast paths against the textbook algorithms

    /// Random strings — ASCII (bytes in place), with letters of two, three and four UTF-8 bytes and combining marks
    /// (coded as bytes), up to 64 scalars (bit-parallel) and longer (tables), and with more distinct scalars than byte
    /// codes (32-bit scalar values) — give exactly what straightforward full-table implementations give.
    @Test(arguments: randomCases)
    func fastPathsMatchTheTextbook(_ label: String, _ alphabet: [String], _ lengths: ClosedRange<Int>) {
        var random = SplitMix64(seed: UInt64(label.utf8.count) &* 0x9E37_79B9)
        let pairs = lengths.upperBound > 150 ? 40 : lengths.upperBound > 20 ? 150 : 3000
        for _ in 0..<pairs {
            func word() -> String {
                let count = Int(random.next() % UInt64(lengths.count)) + lengths.lowerBound
                return (0..<count).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined()
            }
            let a = word()
            // Often a near copy, so that high similarities and transpositions are exercised too.
            let b = random.next() % 2 == 0 ? word() : Textbook.mutate(a, alphabet: alphabet, random: &random)
            let (x, y) = (Array(a.unicodeScalars), Array(b.unicodeScalars))
            #expect(StringSimilarity.jaro(a, b) == Textbook.jaro(x, y), "\(label): jaro \(a) / \(b)")
            #expect(StringSimilarity.jaroWinkler(a, b) == Textbook.jaroWinkler(x, y), "\(label): jaroWinkler \(a) / \(b)")
            #expect(StringSimilarity.levenshtein(a, b) == Textbook.levenshtein(x, y), "\(label): levenshtein \(a) / \(b)")
            #expect(StringSimilarity.optimalStringAlignment(a, b) == Textbook.osa(x, y), "\(label): osa \(a) / \(b)")
            #expect(StringSimilarity.damerauLevenshtein(a, b) == Textbook.damerauLevenshtein(x, y), "\(label): dl \(a) / \(b)")
        }
    }

    /// When the pair's ASCII takes every byte value, no value is left to code `é`: the scalar path is taken.
    @Test func allByteValuesTaken() {
        let ascii = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        let pairs = [(ascii + "é", ascii.dropLast(3) + "éa"), ("é" + ascii, ascii + "ö")]
        for (a, b) in pairs {
            let (x, y) = (Array(a.unicodeScalars), Array(b.unicodeScalars))
            #expect(StringSimilarity.jaro(a, b) == Textbook.jaro(x, y))
            #expect(StringSimilarity.jaroWinkler(a, b) == Textbook.jaroWinkler(x, y))
            #expect(StringSimilarity.levenshtein(a, b) == Textbook.levenshtein(x, y))
            #expect(StringSimilarity.optimalStringAlignment(a, b) == Textbook.osa(x, y))
            #expect(StringSimilarity.damerauLevenshtein(a, b) == Textbook.damerauLevenshtein(x, y))
        }
    }

    /// Strings cut from others and strings that came through Foundation work as any other.
    @Test func substringsAndFoundationStrings() {
        let full = "xxMohammedxx"
        let middle = String(full.dropFirst(2).dropLast(2))
        #expect(StringSimilarity.levenshtein(middle, "Mohamed") == 1)
        let text = NSString(string: "Mohammed, Muhammad").components(separatedBy: ", ")
        #expect(abs(StringSimilarity.jaroWinkler(text[0], text[1]) - 0.85) <= 5e-7)
        #expect(StringSimilarity.optimalStringAlignment(text[0], text[1]) == 2)
    }

    /// Label, alphabet, lengths.
    static let randomCases: [(String, [String], ClosedRange<Int>)] = [
        ("ASCII, short", Array("ABCDE").map(String.init), 0...14),
        ("ASCII, long", Array("ABCD").map(String.init), 50...140),
        ("Unicode, short", ["A", "B", "é", "e\u{301}", "ł", "ễ", "😀"], 0...14),
        ("Unicode, long", ["a", "b", "ß", "€", "😀"], 50...100),
        ("Unicode, many distinct", manyScalars, 100...200),
    ]

    /// 300 CJK ideographs and two ASCII letters: more distinct scalars than there are byte codes.
    static let manyScalars: [String] = (0..<300).map { String(Character(Unicode.Scalar(0x4E00 + $0)!)) } + ["a", "b"]

    static let distances: [(name: String, function: @Sendable (String, String) -> Int)] = [
        ("levenshtein", StringSimilarity.levenshtein), ("optimalStringAlignment", StringSimilarity.optimalStringAlignment),
        ("damerauLevenshtein", StringSimilarity.damerauLevenshtein),
    ]
}

/// The textbook forms of each measure, full tables over arrays of scalars, to check the fast paths against.
private enum Textbook {
    static func jaro(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        let window = max(0, max(a.count, b.count) / 2 - 1)
        var matchedA = [Bool](repeating: false, count: a.count)
        var matchedB = [Bool](repeating: false, count: b.count)
        var matches = 0
        for i in a.indices {
            let low = max(0, i - window)
            let high = min(i + window, b.count - 1)
            guard low <= high else { continue }
            for j in low...high where !matchedB[j] && a[i] == b[j] {
                matchedA[i] = true
                matchedB[j] = true
                matches += 1
                break
            }
        }
        if matches == 0 { return 0 }
        let orderA = a.indices.filter { matchedA[$0] }.map { a[$0] }
        let orderB = b.indices.filter { matchedB[$0] }.map { b[$0] }
        let transpositions = zip(orderA, orderB).filter { $0 != $1 }.count / 2
        let m = Double(matches)
        return (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions)) / m) / 3
    }

    static func jaroWinkler(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        let similarity = jaro(a, b)
        guard similarity > 0.7 else { return similarity }
        let prefix = zip(a.prefix(4), b.prefix(4)).prefix { $0 == $1 }.count
        return similarity + Double(prefix) * 0.1 * (1 - similarity)
    }

    static func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        osaTable(a, b, transpositions: false)
    }

    static func osa(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        osaTable(a, b, transpositions: true)
    }

    private static func osaTable(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], transpositions: Bool) -> Int {
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if transpositions, i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    /// Lowrance and Wagner's algorithm, with the last row of each scalar in a dictionary.
    static func damerauLevenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        let infinity = a.count + b.count
        var lastRow: [Unicode.Scalar: Int] = [:]
        // d[i + 1][j + 1] is the distance of a's first i scalars from b's first j.
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 2), count: a.count + 2)
        d[0][0] = infinity
        for i in 0...a.count {
            d[i + 1][0] = infinity
            d[i + 1][1] = i
        }
        for j in 0...b.count {
            d[0][j + 1] = infinity
            d[1][j + 1] = j
        }
        for i in stride(from: 1, through: a.count, by: 1) {
            var lastColumn = 0
            for j in stride(from: 1, through: b.count, by: 1) {
                let k = lastRow[b[j - 1]] ?? 0
                let l = lastColumn
                let cost: Int
                if a[i - 1] == b[j - 1] {
                    cost = 0
                    lastColumn = j
                } else {
                    cost = 1
                }
                d[i + 1][j + 1] = min(
                    d[i][j] + cost, d[i + 1][j] + 1, d[i][j + 1] + 1, d[k][l] + (i - k - 1) + 1 + (j - l - 1)
                )
            }
            lastRow[a[i - 1]] = i
        }
        return d[a.count + 1][b.count + 1]
    }

    /// `text` with a few random edits: swaps of neighbours, substitutions, insertions, deletions.
    static func mutate(_ text: String, alphabet: [String], random: inout SplitMix64) -> String {
        var parts = text.unicodeScalars.map { String($0) }
        for _ in 0..<Int(random.next() % 4) {
            let position = parts.isEmpty ? 0 : Int(random.next() % UInt64(parts.count))
            let letter = alphabet[Int(random.next() % UInt64(alphabet.count))]
            switch random.next() % 4 {
            case 0 where position + 1 < parts.count: parts.swapAt(position, position + 1)
            case 1 where !parts.isEmpty: parts[position] = letter
            case 2: parts.insert(letter, at: position)
            default: if !parts.isEmpty { parts.remove(at: position) }
            }
        }
        return parts.joined()
    }
}

/// Tests/Data/name-vectors.csv, read through NameVectors.
private enum SimilarityVectors {
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    struct Row {
        var fields: [String: String]
        func text(_ column: String) -> String { fields[column] ?? "" }
        func integer(_ column: String) -> Int { Int(text(column)) ?? -1 }
        func number(_ column: String) -> Double { Double(text(column)) ?? .nan }
    }

    /// Every row of the file, keyed by its header.
    static func rows() throws -> [Row] {
        let records = try NameVectors.records()
        guard let header = records.first else { throw Missing(description: "name-vectors.csv is empty") }
        return records.dropFirst().filter { $0 != [""] }.map { record in
            Row(fields: Dictionary(uniqueKeysWithValues: zip(header, record)))
        }
    }

}

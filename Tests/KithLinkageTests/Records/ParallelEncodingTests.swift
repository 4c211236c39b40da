import Foundation
import KithSpreadsheet
import Testing

@testable import KithLinkage

/// Encoding a list in batches prepared on every core gives exactly what encoding it one record at a time gives:
/// every code, table, count and nickname group.
struct ParallelEncodingTests {
    /// A generated list with every kind of value encoding reads: names with middle and previous names, nicknames
    /// and double-barrelled surnames, dates (some placeholders), identifiers with spaces, UK and other postcodes,
    /// flats, phones in several forms, emails, and missing values.
    static func records(_ count: Int) -> [PersonRecord] {
        let given = ["Oliver", "Bill", "William", "Zuzanna", "Mary Ann", " Aisha", "Siobhán", "", "JOSÉ", "Ngozi", "Wojciech"]
        let family = ["Smith", "Smith-Jones", "Jones Smith", "O'Neill", "Dąbrowska", "de la Cruz", "Patel", "Nowak\t", "Khan"]
        let streets = ["Oak Road", "Granville Dr", "Flat 2, 34 Oak Road", "34 Oak Road, Flat B", "2/34 High St", "Mill Lane"]
        let postcodes = ["HY1 0FW", "hy10fw", " HY9 9ZZ ", "2119", "SW1A 1AA", "", "E1 6AN"]
        let phones = ["07700 900123", "+44 7700 900123", "0044 (0)7700 900124", "+33 612345678", "not known", ""]
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { index in
            let birth: CivilDate? =
                next(10) == 0
                ? nil
                : next(50) == 0 ? CivilDate(year: 1900, month: 1, day: 1) : CivilDate(year: 1930 + next(90), month: 1 + next(12), day: 1 + next(28))
            let syllables = ["ash", "bar", "cal", "den", "ell", "far", "ham", "kel", "mor", "ros", "ton", "wick"]
            let invented = syllables[next(12)].capitalized + syllables[next(12)] + syllables[next(12)]
            let surname = next(3) == 0 ? invented : family[next(family.count)]
            return PersonRecord(
                key: "k\(index)", source: ["GP", "Food bank", "Helpline"][next(3)],
                partnerID: next(4) == 0 ? nil : " P\(next(3_000)) ",
                givenName: next(20) == 0 ? nil : given[next(given.count)] + (next(5) == 0 ? syllables[next(12)] : ""),
                middleNames: next(4) == 0 ? "Ann Marie" : nil, familyName: next(25) == 0 ? nil : surname,
                previousFamilyName: next(10) == 0 ? family[next(family.count)] : nil, birthDate: birth,
                sex: ["F", "male", " w", "X", nil][next(5)], nhsNumber: next(3) == 0 ? "943 476 \(1000 + next(9000))" : nil,
                pupilNumber: next(8) == 0 ? "a12345678901\(next(10))" : nil, otherIdentifier: next(9) == 0 ? "QQ 12 34 \(next(99)) C" : nil,
                postcode: next(12) == 0 ? nil : postcodes[next(postcodes.count)],
                address: next(15) == 0 ? nil : "\(1 + next(200)) " + streets[next(streets.count)],
                phone: phones[next(phones.count)], email: next(6) == 0 ? " Person\(next(900))@Example.org" : nil
            )
        }
    }

    @Test func batchesPreparedOnEveryCoreEncodeAsOneAtATime() {
        let records = Self.records(12_000)
        var serial = EncodedRecords()
        for record in records { serial.append(record) }
        var parallel = EncodedRecords()
        parallel.append(contentsOf: records, batchSize: 1_000)
        Self.expectSame(serial, parallel)

        // Appending onto records already encoded, as an incremental run does.
        var serialMore = serial
        var parallelMore = parallel
        let more = Self.records(5_000).map { record in
            var record = record
            record.key = "new-" + record.key
            return record
        }
        for record in more { serialMore.append(record) }
        parallelMore.append(contentsOf: more, batchSize: 700)
        Self.expectSame(serialMore, parallelMore)
    }

    @Test func theDefaultBatchingEncodesAsOneAtATime() {
        let records = Self.records(EncodedRecords.batchSize + 3_000)
        var serial = EncodedRecords()
        for record in records { serial.append(record) }
        var parallel = EncodedRecords()
        parallel.append(contentsOf: records)
        Self.expectSame(serial, parallel)
    }

    static func expectSame(_ a: EncodedRecords, _ b: EncodedRecords) {
        #expect(a.count == b.count)
        #expect(a.keys == b.keys)
        #expect(a.sources == b.sources)
        #expect(a.source == b.source)
        #expect(a.partnerID == b.partnerID)
        #expect(a.given == b.given)
        #expect(a.givenPhonetic == b.givenPhonetic)
        #expect(a.middle == b.middle)
        #expect(a.family == b.family)
        #expect(a.familyPhonetic == b.familyPhonetic)
        #expect(a.familyFirstPart == b.familyFirstPart)
        #expect(a.familyLastPart == b.familyLastPart)
        #expect(a.previousFamily == b.previousFamily)
        #expect(a.birth == b.birth)
        #expect(a.sex == b.sex)
        #expect(a.nhsNumber == b.nhsNumber)
        #expect(a.pupilNumber == b.pupilNumber)
        #expect(a.otherIdentifier == b.otherIdentifier)
        #expect(a.postcodeUnit == b.postcodeUnit)
        #expect(a.postcodeSector == b.postcodeSector)
        #expect(a.postcodeDistrict == b.postcodeDistrict)
        #expect(a.houseNumber == b.houseNumber)
        #expect(a.streetWords == b.streetWords)
        #expect(a.streetTypes == b.streetTypes)
        #expect(a.phone == b.phone)
        #expect(a.email == b.email)
        #expect(a.phoneticOfName == b.phoneticOfName)
        #expect(a.nicknameGroups == b.nicknameGroups)
        #expect(a.givenCounts == b.givenCounts)
        #expect(a.familyCounts == b.familyCounts)
        #expect(a.givenTotal == b.givenTotal)
        #expect(a.familyTotal == b.familyTotal)
        #expect(a.givenNameCodes == b.givenNameCodes)
        #expect(a.familyNameCodes.count == b.familyNameCodes.count)
        for (name, codes) in a.familyNameCodes {
            let other = b.familyNameCodes[name]
            #expect(other?.name == codes.name && other?.firstPart == codes.firstPart && other?.lastPart == codes.lastPart)
        }
        for (x, y) in [
            (a.names, b.names), (a.phonetics, b.phonetics), (a.places, b.places), (a.addressWords, b.addressWords), (a.identifiers, b.identifiers),
        ] {
            #expect(x.bytes == y.bytes)
            #expect(x.offsets == y.offsets)
            #expect(x.counts == y.counts)
        }
        // Nothing is trivially equal: the list uses every table.
        #expect(a.identifiers.count > 100 && a.places.count > 3 && a.addressWords.count > 10 && a.names.count > 100)
    }
}

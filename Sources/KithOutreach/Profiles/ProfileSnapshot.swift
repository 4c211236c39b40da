import Foundation
import KithSpreadsheet
import KithStandard
import KithStore
import KithVulnerability

/// A person's profile as kept in the store: everything ``ProfileBuilder`` gathers from their rows and recorded
/// contacts, before a reference date is applied. Which dates count, ages and last contact depend on the day a list
/// or page is made for, so each record keeps every date it gives and ``profile(asOf:)`` settles them.
struct ProfileSnapshot: Equatable {
    struct Record: Equatable {
        var source: String
        var isInLatestList: Bool
        /// The row's contact, referral and start dates, future ones included.
        var dates: [CivilDate]
        var values: [HXLTag: String]
    }

    /// An involvement without its last contact, which depends on the reference date.
    struct Service: Equatable {
        var source: String
        var rowCount: Int
        var rowReferences: [String]
        var isInLatestList: Bool
        var details: [Involvement.Detail]
        var leadProfessional: String?
    }

    var personID: String
    var givenName: String
    var familyName: String
    var birthDate: CivilDate?
    var sex: String?
    var nhsNumber: String?
    var address: String?
    var postcode: String?
    var phone: String?
    var email: String?
    var householdID: String?
    /// The neighbourhood or ward a list gives, else the postcode district; nil when no list gives either.
    var area: String?
    var school: String?
    var schoolURN: String?
    /// In source order.
    var services: [Service]
    var records: [Record]
    var rows: [RowReference]
    var isDeceased: Bool
    var doNotContact: Bool
    var isOnALatestList: Bool
    /// The latest contact recorded in Kith: its day as written and its outcome.
    var latestRecordedContact: (contactedOn: String, outcome: ContactRecord.Outcome)?

    static func == (lhs: ProfileSnapshot, rhs: ProfileSnapshot) -> Bool {
        lhs.encoded() == rhs.encoded()
    }

    /// The profile as of a day: dates after it do not count.
    func profile(asOf referenceDate: CivilDate) -> PersonProfile {
        let facts = records.map { record in
            RecordFacts(
                source: record.source, isInLatestList: record.isInLatestList, date: record.dates.filter { $0 <= referenceDate }.max(),
                values: record.values
            )
        }
        var latestBySource: [String: CivilDate] = [:]
        for record in facts { if let date = record.date { latestBySource[record.source] = max(latestBySource[record.source] ?? date, date) } }
        let involvements = services.map { service in
            Involvement(
                source: service.source, rowCount: service.rowCount, rowReferences: service.rowReferences, isInLatestList: service.isInLatestList,
                details: service.details, leadProfessional: service.leadProfessional, lastContact: latestBySource[service.source]
            )
        }
        var lastContact = involvements.compactMap(\.lastContact).max()
        var lastContactSource = involvements.filter { $0.lastContact != nil && $0.lastContact == lastContact }.map(\.source).sorted().first
        if let latest = latestRecordedContact, let date = CivilDate(iso: latest.contactedOn), date >= lastContact ?? date {
            lastContact = date
            lastContactSource = "Kith: " + latest.outcome.rawValue
        }
        return PersonProfile(
            personID: personID, givenName: givenName, familyName: familyName, birthDate: birthDate,
            age: birthDate.map { max(0, referenceDate.completedYears(since: $0)) }, sex: sex, nhsNumber: nhsNumber,
            address: address, postcode: postcode, phone: phone, email: email, householdID: householdID, area: area, school: school,
            schoolURN: schoolURN, involvements: involvements, lastContact: lastContact, lastContactSource: lastContactSource,
            isDeceased: isDeceased, doNotContact: doNotContact, hasMoved: latestRecordedContact?.outcome == .moved, records: facts, rows: rows
        )
    }

    /// The latest date any row gives, future or not.
    var latestDate: CivilDate? { records.flatMap(\.dates).max() }

    /// The key that places someone with no area of their own: their school's URN, else its name in lower case.
    var schoolKey: String? { schoolURN.flatMap { $0.isEmpty ? nil : $0 } ?? school?.lowercased() }

    /// The row the store keeps: the columns lists filter and sort on, and the snapshot itself.
    func stored(rowCount: Int) -> StoredProfile {
        // With no dates after it, the profile as of the latest date any row gives has every list date that counts.
        let current = profile(asOf: latestDate ?? CivilDate(daysSinceEpoch: 0))
        let hasOwnArea = !(area?.isEmpty ?? true)
        return StoredProfile(
            personId: personID, onLatestList: isOnALatestList, hasOwnArea: hasOwnArea, area: hasOwnArea ? area : nil, areaFromSchool: false,
            school: school, schoolURN: schoolURN, schoolKey: schoolKey, lastContactDay: current.lastContact?.daysSinceEpoch,
            latestDay: latestDate?.daysSinceEpoch, isDeceased: isDeceased, doNotContact: doNotContact, hasMoved: current.hasMoved,
            rowCount: rowCount, data: encoded(), postcode: postcode
        )
    }
}

// MARK: - Coding

/// The snapshot's bytes: a version, then each field in order; strings as a length and UTF-8, dates as days.
extension ProfileSnapshot {
    static let format: UInt8 = 1

    func encoded() -> Data {
        var out = ByteWriter()
        out.byte(Self.format)
        out.string(personID)
        out.string(givenName)
        out.string(familyName)
        out.date(birthDate)
        for value in [sex, nhsNumber, address, postcode, phone, email, householdID, area, school, schoolURN] { out.optional(value) }
        out.int(services.count)
        for service in services {
            out.string(service.source)
            out.int(service.rowCount)
            out.int(service.rowReferences.count)
            for reference in service.rowReferences { out.string(reference) }
            out.bool(service.isInLatestList)
            out.int(service.details.count)
            for detail in service.details {
                out.string(detail.label)
                out.string(detail.value)
            }
            out.optional(service.leadProfessional)
        }
        out.int(records.count)
        for (record, row) in zip(records, rows) {
            out.string(record.source)
            out.bool(record.isInLatestList)
            out.int(record.dates.count)
            for date in record.dates { out.date(date) }
            // Tags in a fixed order, so that the same snapshot always gives the same bytes.
            let values = record.values.sorted { $0.key.description < $1.key.description }
            out.int(values.count)
            for (tag, value) in values {
                out.string(tag.description)
                out.string(value)
            }
            out.string(row.fileName)
            out.optional(row.sheet)
            out.int(row.rowNumber)
        }
        out.bool(isDeceased)
        out.bool(doNotContact)
        out.bool(isOnALatestList)
        out.optional(latestRecordedContact?.contactedOn)
        out.optional(latestRecordedContact?.outcome.rawValue)
        return out.data
    }

    /// Reads a snapshot written by ``encoded()``; nil for bytes of another format or cut short.
    init?(decoding data: Data, tags: inout [String: HXLTag]) {
        var input = ByteReader(data)
        guard input.byte() == Self.format else { return nil }
        guard let personID = input.string(), let givenName = input.string(), let familyName = input.string(), let birthDate = input.date()
        else { return nil }
        var optionals: [String?] = []
        for _ in 0..<10 {
            guard let value = input.optional() else { return nil }
            optionals.append(value)
        }
        guard let serviceCount = input.int() else { return nil }
        var services: [Service] = []
        for _ in 0..<serviceCount {
            guard let source = input.string(), let rowCount = input.int(), let referenceCount = input.int() else { return nil }
            var references: [String] = []
            for _ in 0..<referenceCount {
                guard let reference = input.string() else { return nil }
                references.append(reference)
            }
            guard let isInLatestList = input.bool(), let detailCount = input.int() else { return nil }
            var details: [Involvement.Detail] = []
            for _ in 0..<detailCount {
                guard let label = input.string(), let value = input.string() else { return nil }
                details.append(Involvement.Detail(label: label, value: value))
            }
            guard let lead = input.optional() else { return nil }
            services.append(
                Service(
                    source: source, rowCount: rowCount, rowReferences: references, isInLatestList: isInLatestList, details: details,
                    leadProfessional: lead
                )
            )
        }
        guard let recordCount = input.int() else { return nil }
        var records: [Record] = []
        var rows: [RowReference] = []
        for _ in 0..<recordCount {
            guard let source = input.string(), let isInLatestList = input.bool(), let dateCount = input.int() else { return nil }
            var dates: [CivilDate] = []
            for _ in 0..<dateCount {
                guard let date = input.date(), let date else { return nil }
                dates.append(date)
            }
            guard let valueCount = input.int() else { return nil }
            var values: [HXLTag: String] = [:]
            for _ in 0..<valueCount {
                guard let text = input.string(), let value = input.string() else { return nil }
                let tag: HXLTag
                if let known = tags[text] {
                    tag = known
                } else {
                    guard let parsed = HXLTag(parsing: text) else { return nil }
                    tags[text] = parsed
                    tag = parsed
                }
                values[tag] = value
            }
            guard let fileName = input.string(), let sheet = input.optional(), let rowNumber = input.int() else { return nil }
            records.append(Record(source: source, isInLatestList: isInLatestList, dates: dates, values: values))
            rows.append(RowReference(fileName: fileName, sheet: sheet, rowNumber: rowNumber))
        }
        guard let isDeceased = input.bool(), let doNotContact = input.bool(), let isOnALatestList = input.bool(),
            let contactedOn = input.optional(), let outcome = input.optional()
        else { return nil }
        self.init(
            personID: personID, givenName: givenName, familyName: familyName, birthDate: birthDate, sex: optionals[0], nhsNumber: optionals[1],
            address: optionals[2], postcode: optionals[3], phone: optionals[4], email: optionals[5], householdID: optionals[6],
            area: optionals[7], school: optionals[8], schoolURN: optionals[9], services: services, records: records, rows: rows,
            isDeceased: isDeceased, doNotContact: doNotContact, isOnALatestList: isOnALatestList,
            latestRecordedContact: contactedOn.flatMap { day in outcome.flatMap(ContactRecord.Outcome.init(rawValue:)).map { (day, $0) } }
        )
    }
}

/// Writes unsigned LEB128 numbers and length-prefixed UTF-8.
struct ByteWriter {
    private(set) var data = Data()

    mutating func byte(_ value: UInt8) { data.append(value) }

    mutating func int(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value))
        repeat {
            let low = UInt8(rest & 0x7f)
            rest >>= 7
            data.append(rest == 0 ? low : low | 0x80)
        } while rest != 0
    }

    mutating func bool(_ value: Bool) { byte(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { bytes in
            int(bytes.count)
            data.append(contentsOf: bytes)
        }
    }

    mutating func optional(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    /// Days since 1970 plus one, zero for none.
    mutating func date(_ value: CivilDate?) { int(value.map { $0.daysSinceEpoch + 1 } ?? 0) }
}

/// Reads what ``ByteWriter`` writes; each read is nil when the bytes run out or are malformed.
struct ByteReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ data: Data) { bytes = [UInt8](data) }

    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func int() -> Int? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while let next = byte() {
            value |= UInt64(next & 0x7f) << shift
            if next & 0x80 == 0 { return Int(Int64(bitPattern: value)) }
            shift += 7
            if shift > 63 { return nil }
        }
        return nil
    }

    mutating func bool() -> Bool? { byte().map { $0 != 0 } }

    mutating func string() -> String? {
        guard let count = int(), count >= 0, offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    }

    /// A present value, `.some(nil)` for an absent one, nil when the bytes are malformed.
    mutating func optional() -> String?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        guard let value = string() else { return nil }
        return .some(value)
    }

    /// A present date, `.some(nil)` for none, nil when malformed.
    mutating func date() -> CivilDate?? {
        guard let days = int() else { return nil }
        return .some(days == 0 ? nil : CivilDate(daysSinceEpoch: days - 1))
    }
}

import Foundation
import KithStandard
import Testing

/// The bundled data dictionary: it loads, its tags and synonyms are well formed and unambiguous, and it covers
/// what the partner lists hold.
@Suite struct DataDictionaryTests {
    let dictionary: DataDictionary

    init() throws {
        dictionary = try DataDictionary.load()
    }

    @Test func loadsVersionOne() {
        #expect(dictionary.version == "1.2.0")
        #expect(DataDictionary.standard == dictionary)
        #expect(dictionary.entries.count == 90)
    }

    @Test func everyTagParsesAndIsUnique() {
        var seen: [HXLTag: String] = [:]
        for entry in dictionary.entries {
            let tag = HXLTag(parsing: entry.tag)
            #expect(tag != nil, "\(entry.tag) does not parse")
            guard let tag else { continue }
            #expect(seen[tag] == nil, "\(entry.tag) is the same tag as \(seen[tag] ?? "")")
            seen[tag] = entry.tag
            #expect(tag.hashtag.hasPrefix("x_") || Self.coreHashtags.contains(tag.hashtag), "\(entry.tag): custom hashtags start x_")
        }
    }

    @Test func entriesAreComplete() {
        var labels: Set<String> = []
        for entry in dictionary.entries {
            #expect(!entry.label.isEmpty && !entry.description.isEmpty && !entry.format.isEmpty, "\(entry.tag)")
            #expect(!entry.examples.isEmpty, "\(entry.tag) has no example")
            #expect(!entry.synonyms.isEmpty, "\(entry.tag) has no synonym")
            #expect(labels.insert(entry.label.lowercased()).inserted, "label \(entry.label) is used twice")
        }
    }

    @Test func synonymsAreLowerCaseAndNeverShared() {
        var owner: [String: String] = [:]
        var ownerOfWords: [String: String] = [:]
        for entry in dictionary.entries {
            for synonym in entry.synonyms {
                #expect(synonym == synonym.lowercased(), "\(synonym) is not lower-case")
                #expect(synonym == synonym.trimmingCharacters(in: .whitespaces) && !synonym.isEmpty, "\"\(synonym)\"")
                #expect(owner[synonym] == nil, "\(synonym) is under \(owner[synonym] ?? "") and \(entry.tag)")
                owner[synonym] = entry.tag
            }
            // Headers are compared by their words ("NHS No." is "nhs no"), so words must not be shared either,
            // nor may a synonym read as another entry's label.
            for text in Set((entry.synonyms + [entry.label]).map(Self.words)) {
                #expect(ownerOfWords[text] == nil, "\"\(text)\" is under \(ownerOfWords[text] ?? "") and \(entry.tag)")
                ownerOfWords[text] = entry.tag
            }
        }
    }

    @Test func codedEntriesAndOnlyThemHaveAllowedValues() {
        for entry in dictionary.entries {
            if entry.type == .code {
                #expect(!entry.allowed.isEmpty, "\(entry.tag) is coded but has no allowed values")
                let codes = entry.allowed.map { $0.code.lowercased() }
                #expect(Set(codes).count == codes.count, "\(entry.tag) repeats a code")
                #expect(entry.allowed.allSatisfy { !$0.code.isEmpty && !$0.label.isEmpty }, "\(entry.tag)")
            } else {
                #expect(entry.allowed.isEmpty, "\(entry.tag) is \(entry.type.rawValue) but has allowed values")
            }
        }
    }

    @Test func everyValueKindIsUsed() {
        let used = Set(dictionary.entries.map(\.type))
        #expect(used == Set(ValueKind.allCases))
        for kind in [ValueKind.nhsNumber, .uniquePupilNumber, .dateOfBirth, .postcode, .uprn, .schoolURN] {
            #expect(dictionary.entries.filter { $0.type == kind }.count == 1, "one entry of type \(kind.rawValue)")
        }
    }

    @Test(arguments: Self.requiredEntries)
    func coversRequiredEntry(tag: String, kind: ValueKind) throws {
        let entry = try #require(dictionary.entry(forTag: tag), "no entry \(tag)")
        #expect(entry.type == kind, "\(tag) is \(entry.type.rawValue)")
    }

    @Test(arguments: Self.generatedHeaders)
    func generatedListHeaderIsASynonym(header: String, tag: String) throws {
        let entry = try #require(dictionary.entry(forTag: tag), "no entry \(tag)")
        #expect(entry.synonyms.contains(header.lowercased()), "\(header) is not a synonym of \(entry.label)")
    }

    @Test func specialCategoryDataIsMarked() throws {
        let special = [
            "#x_person +ethnicity", "#x_person +religion", "#x_health +mental_health", "#x_health +substance_misuse",
            "#x_health +shielding", "#x_care +cp +category", "#x_care +children +status", "#x_school +sen +provision",
            "#x_school +ehcp", "#x_risk +domestic_abuse", "#x_risk +parent +mental_health",
            "#x_risk +parent +substance_misuse", "#x_care +adult +support_reason",
        ]
        for tag in special {
            let entry = try #require(dictionary.entry(forTag: tag))
            #expect(entry.sensitivity == .specialCategory, "\(tag) is special category data")
        }
        #expect(dictionary.entry(forTag: "#org +name +school")?.sensitivity == .notPersonal)
        #expect(dictionary.entry(forTag: "#x_person +name +given")?.sensitivity == .personal)
    }

    @Test func codeListsFollowTheNationalReturns() throws {
        func codes(_ tag: String) throws -> [String] {
            try #require(dictionary.entry(forTag: tag)).allowed.map(\.code)
        }
        #expect(try codes("#x_care +cp +category") == ["NEG", "PHY", "SAB", "EMO", "MUL"])
        #expect(try codes("#x_school +sen +provision") == ["E", "K", "N"])
        #expect(try Set(codes("#x_care +children +status")).isSuperset(of: ["CIN", "CP", "LAC", "CLA"]))
        let ethnicity = try codes("#x_person +ethnicity")
        #expect(ethnicity.count == 20 && ethnicity.contains("WBRI") && ethnicity.contains("NOBT"))
        let legalStatus = try codes("#x_care +legal_status +looked_after")
        #expect(legalStatus == ["C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3"])
        let attendance = Set(try codes("#x_school +absence +code"))
        let codes2024: Set<String> = [
            "/", "\\", "L", "K", "V", "P", "W", "B", "D", "C", "C1", "C2", "E", "I", "M", "J1", "S", "T", "R", "G", "N",
            "O", "U", "Q", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7", "X", "Z", "#",
        ]
        #expect(attendance == codes2024)
        let needs = Set(try codes("#need +type"))
        #expect(needs.isSuperset(of: ["food", "prescriptions", "loneliness", "money", "housing", "mental-health", "other"]))
    }

    @Test func findsEntriesWhateverTheSpellingOfTheTag() {
        #expect(dictionary.entry(forTag: "#X_Person+GIVEN +name")?.label == "Given name")
        #expect(dictionary.entry(forTag: "#contact+mobile+phone")?.type == .phone)
        #expect(dictionary.entry(forTag: "#x_person +name +given +extra") == nil)
    }

    /// A header reduced to its lower-case words, as the tagger compares them.
    static func words(_ text: String) -> String {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.joined(separator: " ")
    }

    /// HXL 1.1 core hashtags the dictionary may use without the `x_` prefix.
    static let coreHashtags: Set<String> = [
        "adm1", "adm2", "adm3", "adm4", "adm5", "loc", "geo", "contact", "date", "org", "service", "need", "status",
        "meta", "description", "respondee",
    ]

    /// Entries the standard must have, with their types.
    static let requiredEntries: [(String, ValueKind)] = [
        ("#x_person +name +given", .name), ("#x_person +name +family", .name), ("#x_person +name +middle", .name),
        ("#x_person +name +preferred", .name), ("#x_person +name +family +previous", .name), ("#x_person +name", .name),
        ("#x_person +name +title", .text), ("#date +birth", .dateOfBirth), ("#x_person +sex", .code),
        ("#x_person +gender", .text), ("#x_person +id +nhs", .nhsNumber), ("#x_person +id +upn", .uniquePupilNumber),
        ("#meta +id", .identifier), ("#meta +id +council", .identifier), ("#loc +uprn", .uprn),
        ("#loc +address +line1", .text), ("#loc +address +line2", .text), ("#loc +address +town", .text),
        ("#loc +address", .text), ("#loc +postcode", .postcode), ("#loc +name +neighbourhood", .text),
        ("#adm4 +name +ward", .text), ("#loc +code +lsoa", .text), ("#contact +phone +mobile", .phone),
        ("#contact +phone +landline", .phone), ("#contact +phone", .phone), ("#contact +email", .email),
        ("#x_person +language +preferred", .text), ("#x_person +interpreter", .flag), ("#x_person +communication", .text),
        ("#x_person +ethnicity", .code), ("#x_person +religion", .text), ("#x_household +size", .integer),
        ("#x_health +shielding", .flag), ("#x_care +children +status", .code), ("#x_care +cp +category", .code),
        ("#x_care +legal_status +looked_after", .code), ("#x_school +sen +provision", .code), ("#x_school +ehcp", .flag),
        ("#x_school +fsm", .flag), ("#x_care +young_carer", .flag), ("#x_care +carer", .flag), ("#x_care +adult", .flag),
        ("#x_care +adult +support_reason", .code), ("#x_health +mental_health", .flag),
        ("#x_health +substance_misuse", .flag), ("#x_risk +domestic_abuse", .flag),
        ("#x_risk +parent +mental_health", .flag), ("#x_risk +parent +substance_misuse", .flag), ("#x_person +lives_alone", .flag),
        ("#org +code +school", .schoolURN), ("#org +name +school", .text), ("#x_school +year_group", .code),
        ("#x_school +sessions +possible", .integer), ("#x_school +sessions +attended", .integer),
        ("#x_school +sessions +unauthorised", .integer), ("#x_school +absence +code", .code), ("#service +name", .text),
        ("#contact +name +lead", .name), ("#date +contact", .date), ("#status +outcome", .text), ("#date +referral", .date),
        ("#org +name +referrer", .text), ("#need +type", .code), ("#x_person +diet", .text),
        ("#x_volunteer +skills", .text), ("#x_volunteer +availability", .text), ("#x_volunteer +dbs", .flag),
        ("#date +dbs", .date), ("#x_person +languages", .text), ("#x_person +consent +share", .flag),
        ("#x_person +deceased", .flag), ("#date +death", .date), ("#x_person +do_not_contact", .flag),
        ("#description +notes", .text),
    ]

    /// Every header of the six lists `kith generate` writes, with the entry it means.
    static let generatedHeaders: [(String, String)] = [
        // nhs-shielding-list.csv
        ("NHS Number", "#x_person +id +nhs"), ("Title", "#x_person +name +title"), ("Forename", "#x_person +name +given"),
        ("Surname", "#x_person +name +family"), ("Date of Birth", "#date +birth"), ("Address Line 1", "#loc +address +line1"),
        ("Address Line 2", "#loc +address +line2"), ("Postcode", "#loc +postcode"), ("Telephone", "#contact +phone"),
        ("GP Practice", "#org +name +gp"),
        // adult-social-care.xlsx
        ("Person ID", "#meta +id"), ("NHS No", "#x_person +id +nhs"), ("First Name", "#x_person +name +given"),
        ("Last Name", "#x_person +name +family"), ("Gender", "#x_person +sex"), ("Address", "#loc +address"),
        ("Post Code", "#loc +postcode"), ("Phone", "#contact +phone"),
        ("Primary Support Reason", "#x_care +adult +support_reason"), ("Lead Worker", "#contact +name +lead"),
        ("Last Contact Date", "#date +contact"), ("Lives Alone", "#x_person +lives_alone"),
        // childrens-services.xlsx
        ("Child ID", "#meta +id"), ("DOB", "#date +birth"), ("UPN", "#x_person +id +upn"),
        ("Category", "#x_care +children +status"), ("CP Category", "#x_care +cp +category"),
        ("Social Worker", "#contact +name +lead"), ("Parent/Carer Name", "#contact +name +parent"),
        ("Start Date", "#date +start"), ("Domestic Abuse", "#x_risk +domestic_abuse"),
        ("Parental Mental Health", "#x_risk +parent +mental_health"),
        ("Parental Substance Misuse", "#x_risk +parent +substance_misuse"),
        // school-attendance.csv
        ("Legal Surname", "#x_person +name +family"), ("Legal Forename", "#x_person +name +given"),
        ("School URN", "#org +code +school"), ("School Name", "#org +name +school"), ("Year Group", "#x_school +year_group"),
        ("Sessions Possible", "#x_school +sessions +possible"), ("Sessions Attended", "#x_school +sessions +attended"),
        ("Unauthorised Absences", "#x_school +sessions +unauthorised"), ("Last Absence Code", "#x_school +absence +code"),
        ("FSM", "#x_school +fsm"), ("SEN", "#x_school +sen +provision"), ("Young Carer", "#x_care +young_carer"),
        // helpline-calls.csv
        ("Call Date", "#date +contact"), ("Caller First Name", "#x_person +name +given"),
        ("Caller Surname", "#x_person +name +family"), ("Contact Number", "#contact +phone"), ("Email", "#contact +email"),
        ("Need", "#need +type"), ("Outcome", "#status +outcome"), ("Notes", "#description +notes"),
        // food-bank-referrals.csv
        ("Ref", "#meta +id"), ("Client Name", "#x_person +name"), ("Household Size", "#x_household +size"),
        ("Referral Date", "#date +referral"), ("Referring Agency", "#org +name +referrer"),
        ("Dietary Needs", "#x_person +diet"),
    ]
}

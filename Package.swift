// swift-tools-version:6.1
import PackageDescription

/// Settings every Kith target shares, as Hummingbird does: explicit imports and `any` for existentials.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "kith",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kith", targets: ["kith"]),
        .executable(name: "kith-benchmark", targets: ["KithBenchmark"]),
        .library(name: "KithSpreadsheet", targets: ["KithSpreadsheet"]),
        .library(name: "KithStandard", targets: ["KithStandard"]),
        .library(name: "KithLinkage", targets: ["KithLinkage"]),
        .library(name: "KithStore", targets: ["KithStore"]),
        .library(name: "KithIngest", targets: ["KithIngest"]),
        .library(name: "KithPersons", targets: ["KithPersons"]),
        .library(name: "KithVulnerability", targets: ["KithVulnerability"]),
        .library(name: "KithDirectory", targets: ["KithDirectory"]),
        .library(name: "KithOutreach", targets: ["KithOutreach"]),
        .library(name: "KithEvaluation", targets: ["KithEvaluation"]),
        .library(name: "KithSynthetic", targets: ["KithSynthetic"]),
        .library(name: "KithAccess", targets: ["KithAccess"]),
        .library(name: "KithConnect", targets: ["KithConnect"]),
        .library(name: "KithHelp", targets: ["KithHelp"]),
        .library(name: "KithHelpDesk", targets: ["KithHelpDesk"]),
        .library(name: "KithPlaces", targets: ["KithPlaces"]),
        .library(name: "KithAtlas", targets: ["KithAtlas"]),
        .library(name: "KithReferrals", targets: ["KithReferrals"]),
        .library(name: "KithWeb", targets: ["KithWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/jpsim/Yams", "5.0.1"..<"7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // Streaming multipart/form-data parsing for uploads (Hummingbird has none of its own; its examples use this).
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        // Reading and writing partner spreadsheets (CSV, XLSX). Pure: no database, no HTTP.
        .target(
            name: "KithSpreadsheet",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        // The data standard: the data dictionary of HXL hashtags, tagging, value normalisation and the Data Checker.
        // Pure: no database, no HTTP.
        .target(
            name: "KithStandard",
            dependencies: [
                "KithSpreadsheet",
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Resources/data-dictionary.yaml")],
            swiftSettings: swiftSettings
        ),
        // Linking residents across lists: comparators, blocking, the match model, clustering. Pure: no database, no HTTP.
        .target(
            name: "KithLinkage",
            dependencies: ["KithSpreadsheet", "KithStandard"],
            swiftSettings: swiftSettings
        ),
        // The embedded store: schema, migrations, record types and repositories (protocols + GRDB).
        .target(
            name: "KithStore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's own API, to bind imported rows' bytes without copying them (GRDBImportWriter).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // The path from a partner's file to stored rows: checks, one transaction per import. Also the services
        // directory's feeds in and out of the store (KithDirectory stays pure, so its store-using actions live here).
        .target(
            name: "KithIngest",
            dependencies: [
                "KithDirectory",
                "KithSpreadsheet",
                "KithStandard",
                "KithStore",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The person index: reads lists for linking, runs linkage over the store, keeps persons and decisions.
        .target(
            name: "KithPersons",
            dependencies: [
                "KithLinkage",
                "KithSpreadsheet",
                "KithStandard",
                "KithStore",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The vulnerability matrix and scoring: factors, weights, RAG and Purple bands. Pure: no database, no HTTP.
        .target(
            name: "KithVulnerability",
            dependencies: [
                "KithSpreadsheet",
                "KithStandard",
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Resources/vulnerability-matrix.yaml")],
            swiftSettings: swiftSettings
        ),
        // The services and capacity directory, Open Referral UK 3.0: its model, reading, checking and writing ORUK
        // JSON, and the spreadsheet template VCS partners fill in. Pure: no database, no HTTP.
        .target(
            name: "KithDirectory",
            dependencies: ["KithSpreadsheet", "KithStandard"],
            swiftSettings: swiftSettings
        ),
        // Acting on the scores: person profiles and involvements, score snapshots, contact lists, contacts and the
        // audit trail of exports.
        .target(
            name: "KithOutreach",
            dependencies: [
                "KithSpreadsheet",
                "KithStandard",
                "KithStore",
                "KithVulnerability",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Scoring Kith against a generated borough's truth (and the FEBRL files'): how well linkage found each true
        // person and scoring the truly high-need. Only tests and the benchmark use it; real lists have no truth.
        .target(
            name: "KithEvaluation",
            dependencies: [
                "KithLinkage",
                "KithOutreach",
                "KithPersons",
                "KithSpreadsheet",
                "KithStandard",
                "KithVulnerability",
            ],
            swiftSettings: swiftSettings
        ),
        // Accounts, roles, sessions, API tokens and what each account may see: the residents its scope reaches, and of
        // each the lists and details its role may see. Knows the store and the profiles, not HTTP.
        .target(
            name: "KithAccess",
            dependencies: [
                // The help lifecycle's rules (what a task's step shows a volunteer), which HelpAccess applies.
                "KithHelp",
                "KithOutreach",
                "KithSpreadsheet",
                "KithStandard",
                "KithStore",
                "KithVulnerability",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            swiftSettings: swiftSettings
        ),
        // Help: helpline requests, hubs and the volunteer bureau's rules (matching volunteers to requests). Pure.
        .target(
            name: "KithHelp",
            dependencies: ["KithDirectory", "KithSpreadsheet", "KithStandard"],
            swiftSettings: swiftSettings
        ),
        // The directory's actions over the store: partners keeping their services and capacity up to date, callback
        // requests, the 30-day reminders and sending them by SMTP. Audits what it does; knows the store, not HTTP.
        .target(
            name: "KithConnect",
            dependencies: ["KithAccess", "KithDirectory", "KithOutreach", "KithSpreadsheet", "KithStandard", "KithStore"],
            swiftSettings: swiftSettings
        ),
        // Places (issue 17, started): areas, indicators and the neighbourhood index of need. Pure: no database, no HTTP.
        .target(name: "KithPlaces", dependencies: [.product(name: "Yams", package: "Yams")], swiftSettings: swiftSettings),
        // Places over the store: loading boundaries, the postcode lookup and indicator tables; the index, Kith's own
        // live figures by area and the demand overlay read from it. Audits what it loads and exports.
        .target(
            name: "KithAtlas",
            dependencies: ["KithAccess", "KithDirectory", "KithHelp", "KithOutreach", "KithPlaces", "KithSpreadsheet", "KithStore"],
            swiftSettings: swiftSettings
        ),
        // Help over the store: taking requests (each also a row of the helpline's own list, for linkage, scoring and
        // demand), hubs' queues, the volunteer bureau, volunteers' tasks and lead professionals. Audits what it does.
        .target(
            name: "KithHelpDesk",
            dependencies: ["KithAccess", "KithDirectory", "KithHelp", "KithOutreach", "KithSpreadsheet", "KithStandard", "KithStore"],
            swiftSettings: swiftSettings
        ),
        // Referring a resident to a directory service and answering it: the actions, audited, with KithAccess's rules.
        .target(
            name: "KithReferrals",
            dependencies: ["KithAccess", "KithDirectory", "KithOutreach", "KithSpreadsheet", "KithStore"],
            swiftSettings: swiftSettings
        ),
        // The web app and JSON API: Hummingbird routes, Mustache pages, sessions, CSRF and security headers.
        .target(
            name: "KithWeb",
            dependencies: [
                "KithAccess",
                "KithAtlas",
                "KithConnect",
                "KithDirectory",
                "KithHelp",
                "KithHelpDesk",
                "KithIngest",
                // What linkage says each field of a pair showed (FieldEvidence), which the review page reads.
                "KithLinkage",
                "KithOutreach",
                "KithPersons",
                "KithPlaces",
                "KithReferrals",
                "KithSpreadsheet",
                "KithStandard",
                "KithStore",
                "KithVulnerability",
                // HMAC for the signed time on public forms (FormStamp).
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            resources: [.copy("Resources/Templates"), .copy("Resources/Assets")],
            swiftSettings: swiftSettings
        ),
        // A synthetic borough: residents, households and the messy lists their partners send.
        .target(
            name: "KithSynthetic",
            dependencies: ["KithDirectory", "KithSpreadsheet"],
            swiftSettings: swiftSettings
        ),
        // The command line: parses arguments and calls the libraries.
        .executableTarget(
            name: "kith",
            dependencies: [
                "KithAccess",
                "KithConnect",
                "KithDirectory",
                "KithHelp",
                "KithHelpDesk",
                "KithIngest",
                "KithLinkage",
                "KithOutreach",
                "KithPersons",
                "KithSpreadsheet",
                "KithStandard",
                "KithStore",
                "KithSynthetic",
                "KithVulnerability",
                "KithWeb",
                "KithAtlas",
                "KithPlaces",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Release-mode import benchmark: `swift run -c release kith-benchmark`.
        .executableTarget(
            name: "KithBenchmark",
            dependencies: [
                "KithAccess",
                "KithPlaces",
                "KithDirectory",
                "KithEvaluation",
                "KithHelp",
                "KithHelpDesk",
                "KithIngest",
                "KithOutreach",
                "KithVulnerability",
                "KithLinkage",
                "KithPersons",
                "KithSynthetic",
                "KithSpreadsheet",
                "KithStandard",
                "KithStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // Helpers shared by the test targets (temporary folders, the audit trail's entries); not part of Kith itself.
        .target(
            name: "KithTestSupport", dependencies: ["KithSpreadsheet", "KithStore"], path: "Tests/KithTestSupport", swiftSettings: swiftSettings),
        .testTarget(
            name: "KithSpreadsheetTests",
            dependencies: ["KithSpreadsheet", "KithTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KithStandardTests", dependencies: ["KithStandard", "KithSpreadsheet", "KithTestSupport"], swiftSettings: swiftSettings
        ),
        .testTarget(name: "KithLinkageTests", dependencies: ["KithLinkage", "KithSpreadsheet", "KithTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "KithPersonsTests",
            dependencies: [
                "KithPersons", "KithEvaluation", "KithIngest", "KithLinkage", "KithStandard", "KithStore", "KithSynthetic",
                "KithSpreadsheet", "KithTestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KithVulnerabilityTests", dependencies: ["KithVulnerability", "KithSpreadsheet", "KithStandard", "KithTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KithDirectoryTests", dependencies: ["KithDirectory", "KithSpreadsheet", "KithTestSupport"], swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KithOutreachTests",
            dependencies: [
                "KithOutreach", "KithEvaluation", "KithVulnerability", "KithPersons", "KithIngest", "KithStore", "KithSynthetic",
                "KithSpreadsheet", "KithTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KithAccessTests",
            dependencies: [
                "KithAccess", "KithIngest", "KithOutreach", "KithPersons", "KithSpreadsheet", "KithStore", "KithTestSupport", "KithVulnerability",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "KithHelpTests", dependencies: ["KithHelp", "KithDirectory", "KithSpreadsheet"], swiftSettings: swiftSettings),
        .testTarget(
            name: "KithConnectTests",
            dependencies: ["KithConnect", "KithAccess", "KithDirectory", "KithIngest", "KithStore", "KithSynthetic", "KithTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "KithPlacesTests", dependencies: ["KithPlaces"], swiftSettings: swiftSettings),
        .testTarget(
            name: "KithAtlasTests",
            dependencies: [
                "KithAtlas", "KithHelpDesk", "KithIngest", "KithPlaces", "KithSpreadsheet", "KithStore", "KithSynthetic", "KithTestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KithHelpDeskTests",
            dependencies: [
                "KithHelpDesk", "KithAccess", "KithHelp", "KithIngest", "KithOutreach", "KithPersons", "KithSpreadsheet", "KithStore",
                "KithTestSupport", "KithVulnerability",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KithReferralsTests",
            dependencies: [
                "KithReferrals", "KithAccess", "KithDirectory", "KithIngest", "KithPersons", "KithSpreadsheet", "KithStore", "KithTestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KithWebTests",
            dependencies: [
                "KithWeb", "KithAccess", "KithConnect", "KithDirectory", "KithHelp", "KithHelpDesk", "KithOutreach", "KithPersons", "KithIngest",
                "KithReferrals", "KithStore", "KithAtlas", "KithPlaces",
                "KithSynthetic",
                "KithSpreadsheet",
                "KithTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "KithStoreTests", dependencies: ["KithStore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "KithIngestTests",
            dependencies: [
                "KithIngest", "KithSpreadsheet", "KithStore", "KithTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        // Runs the built `kith` binary as a user would.
        .testTarget(
            name: "kithTests",
            dependencies: ["KithTestSupport", "KithSpreadsheet", "KithStore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KithEvaluationTests",
            dependencies: ["KithEvaluation", "KithLinkage", "KithPersons", "KithSynthetic", "KithTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KithSyntheticTests",
            dependencies: ["KithSynthetic", "KithDirectory", "KithPlaces", "KithSpreadsheet", "KithTestSupport"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)

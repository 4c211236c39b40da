import ArgumentParser
import Foundation
import KithAccess
import KithStore

/// `kith user`: the accounts that sign in to the web app.
struct User: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add, list, unlock and disable the accounts that sign in to Kith's web app.",
        subcommands: [Add.self, List.self, Password.self, Unlock.self, Disable.self, Enable.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account.",
            discussion: """
                Roles: admin (accounts, tokens and the audit trail, and everything an analyst does); analyst (every \
                resident and list); caseworker (residents of --area); partner (residents on the lists of \
                --organisation, only the details it needs); school (pupils of --school, by name or URN); call-handler (takes and works help requests for every hub, \
                and keeps the volunteer bureau); volunteer (only the tasks given to --volunteer). Without \
                --password-stdin a strong password is made and printed once.
                """
        )

        @Argument(help: "The sign-in name.")
        var name: String

        @Option(help: "admin, analyst, caseworker, partner, school, call-handler or volunteer.")
        var role: Role

        @Option(help: "A caseworker's neighbourhood, ward or postcode district.")
        var area: String?

        @Option(help: "A partner's VCS organisation (give it lists with `kith source NAME --organisation ORG`).")
        var organisation: String?

        @Option(help: "A school account's school, by name or URN.")
        var school: String?

        @Option(help: "A volunteer account's number in the volunteer bureau (V-00012), from `kith volunteers list`.")
        var volunteer: String?

        @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of standard input.")
        var passwordFromStandardInput = false

        @Option(help: "Who is adding the account, for the record.")
        var by = ProcessInfo.processInfo.environment["USER"] ?? "kith"

        @OptionGroup var store: StoreOptions

        func run() throws {
            let password = passwordFromStandardInput ? (readLine(strippingNewline: true) ?? "") : PasswordMaker.make()
            let account = try AccessErrors.reported {
                try AccountBook(database: try store.open()).add(
                    name: name, role: role, password: password, area: area, organisation: organisation, school: school,
                    volunteer: volunteer.flatMap { Int64($0.uppercased().hasPrefix("V-") ? String($0.dropFirst(2)) : $0) }, by: by
                )
            }
            print("Added \(account.name), \(role.label), who can see \(AccessScope(account: account)).")
            if !passwordFromStandardInput { print("Password (shown once): \(password)") }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts.")
        @OptionGroup var store: StoreOptions

        func run() throws {
            let accounts = try AccountBook(database: try store.open()).accounts()
            if accounts.isEmpty { print("No accounts yet. Add one with `kith user add NAME --role admin`.") }
            for account in accounts {
                var state = account.isDisabled ? "disabled" : "active"
                if let locked = account.lockedUntil, locked > Timestamp.text(Date()) { state = "locked until \(locked)" }
                let role = Role(rawValue: account.role)?.label ?? account.role
                print("\(account.name): \(role), \(AccessScope(account: account)); \(state); last signed in \(account.lastSignInAt ?? "never")")
            }
        }
    }

    struct Password: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a new password (signs the account out everywhere).")
        @Argument var name: String
        @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of standard input.")
        var passwordFromStandardInput = false
        @Option(help: "Who is making the change, for the record.")
        var by = ProcessInfo.processInfo.environment["USER"] ?? "kith"
        @OptionGroup var store: StoreOptions

        func run() throws {
            let password = passwordFromStandardInput ? (readLine(strippingNewline: true) ?? "") : PasswordMaker.make()
            try AccessErrors.reported { try AccountBook(database: try store.open()).setPassword(password, forAccountNamed: name, by: by) }
            print("Set a new password for \(name).")
            if !passwordFromStandardInput { print("Password (shown once): \(password)") }
        }
    }

    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lift a lock-out after wrong passwords.")
        @Argument var name: String
        @Option(help: "Who is making the change, for the record.")
        var by = ProcessInfo.processInfo.environment["USER"] ?? "kith"
        @OptionGroup var store: StoreOptions

        func run() throws {
            try AccessErrors.reported { try AccountBook(database: try store.open()).unlock(accountNamed: name, by: by) }
            print("Unlocked \(name).")
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop an account signing in, and sign it out everywhere.")
        @Argument var name: String
        @Option(help: "Who is making the change, for the record.")
        var by = ProcessInfo.processInfo.environment["USER"] ?? "kith"
        @OptionGroup var store: StoreOptions

        func run() throws {
            try AccessErrors.reported { try AccountBook(database: try store.open()).setDisabled(true, accountNamed: name, by: by) }
            print("Disabled \(name).")
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Let a disabled account sign in again.")
        @Argument var name: String
        @Option(help: "Who is making the change, for the record.")
        var by = ProcessInfo.processInfo.environment["USER"] ?? "kith"
        @OptionGroup var store: StoreOptions

        func run() throws {
            try AccessErrors.reported { try AccountBook(database: try store.open()).setDisabled(false, accountNamed: name, by: by) }
            print("Enabled \(name).")
        }
    }
}

extension Role: ExpressibleByArgument {}

/// Prints an ``AccessError`` as a plain message and exits with status 2, as other input errors do.
enum AccessErrors {
    static func reported<Value>(_ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch let error as AccessError {
            try CommandFailure.exit(saying: error.description)
        }
    }
}

/// Strong passwords to hand out: four groups of five letters and digits, without look-alikes (0/O, 1/l/I).
enum PasswordMaker {
    static func make() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String((0..<5).map { _ in alphabet.randomElement(using: &generator)! }) }.joined(separator: "-")
    }
}

import ArgumentParser
import Foundation
import KithAccess
import KithStore

/// `kith token`: bearer tokens for the JSON API.
struct Token: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Issue, list and revoke bearer tokens for the JSON API (/api). A token acts as the account it is issued to.",
        subcommands: [Issue.self, List.self, Revoke.self]
    )

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue a token to an account; it is shown once.")
        @Argument(help: "The account the token acts as.") var account: String
        @Option(help: "What the token is for.") var label: String
        @Option(help: "Days until it expires (default: 90; 0 for never).") var days = 90
        @Option(help: "Who is issuing it, for the record.") var by = ProcessInfo.processInfo.environment["USER"] ?? "kith"
        @OptionGroup var store: StoreOptions

        func run() throws {
            let issued = try AccessErrors.reported {
                try TokenIssuer(database: try store.open()).issue(toAccountNamed: account, label: label, validForDays: days > 0 ? days : nil, by: by)
            }
            print("Issued token \(issued.record.id ?? 0) (\"\(label)\") for \(account)\(issued.record.expiresAt.map { ", expires \($0)" } ?? "").")
            print("Token (shown once): \(issued.token)")
            print("Use it as: curl -H 'Authorization: Bearer \(issued.token)' http://127.0.0.1:8080/api/me")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens (never the tokens themselves).")
        @OptionGroup var store: StoreOptions

        func run() throws {
            let database = try store.open()
            let names = Dictionary(
                uniqueKeysWithValues: try database.access.accounts().compactMap { account in account.id.map { ($0, account.name) } })
            for token in try database.access.tokens() {
                let state = token.revokedAt.map { "revoked \($0)" } ?? token.expiresAt.map { "expires \($0)" } ?? "no expiry"
                print(
                    "\(token.id ?? 0): \"\(token.label)\" for \(names[token.accountId] ?? "?"), issued \(token.createdAt) by \(token.createdBy); \(state)"
                )
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by its number.")
        @Argument var id: Int64
        @Option(help: "Who is revoking it, for the record.") var by = ProcessInfo.processInfo.environment["USER"] ?? "kith"
        @OptionGroup var store: StoreOptions

        func run() throws {
            let revoked = try AccessErrors.reported { try TokenIssuer(database: try store.open()).revoke(id: id, by: by) }
            print(revoked ? "Revoked token \(id)." : "Token \(id) was revoked already.")
        }
    }
}

import ArgumentParser
import Foundation

/// How a command stops on an error the user can fix (a file that cannot be read, a mapping that does not load): the
/// message on standard error and exit status 2, the same from every command, so scripts can tell it from a failed
/// check (status 1).
enum CommandFailure {
    /// Writes "Error: " and the message to standard error, then ends the command with exit status 2.
    static func exit(saying message: String) throws -> Never {
        FileHandle.standardError.write(Data(("Error: " + message + "\n").utf8))
        throw ExitCode(2)
    }
}

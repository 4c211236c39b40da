import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A local SMTP server on a loopback port that takes every message and keeps it, for tests of sending mail: it
/// speaks the server's side of RFC 5321 (greeting, EHLO, MAIL, RCPT, DATA, QUIT) and refuses recipients at
/// `refused.example`.
final class SMTPSink: Sendable {
    struct Message: Sendable {
        var from: String
        var recipients: [String]
        /// What came after DATA, with CRLF line ends, without the final dot line.
        var data: String
    }

    let port: Int
    private let listener: Int32
    private let received = Mutex<[Message]>([])

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, size) } }
        guard bound == 0, listen(listener, 8) == 0 else { throw SMTPSinkError.cannotListen }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &size) } }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in self.serve() }
        thread.start()
    }

    deinit {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    var messages: [Message] { received.withLock { $0 } }

    private func serve() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            converse(client)
            close(client)
        }
    }

    private func converse(_ client: Int32) {
        var buffer: [UInt8] = []
        func say(_ text: String) {
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }
        func line() -> String? {
            while true {
                if let end = buffer.firstIndex(of: 10) {
                    let text = String(decoding: buffer[..<end], as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
                    buffer.removeSubrange(...end)
                    return text
                }
                var chunk = [UInt8](repeating: 0, count: 4_096)
                let count = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { return nil }
                buffer += chunk[..<count]
            }
        }
        say("220 sink.test ESMTP\r\n")
        var message = Message(from: "", recipients: [], data: "")
        while let command = line() {
            let upper = command.uppercased()
            if upper.hasPrefix("EHLO") || upper.hasPrefix("HELO") {
                say("250-sink.test\r\n250 8BITMIME\r\n")
            } else if upper.hasPrefix("MAIL FROM:") {
                message = Message(from: String(command.dropFirst(10)), recipients: [], data: "")
                say("250 OK\r\n")
            } else if upper.hasPrefix("RCPT TO:") {
                if command.contains("refused.example") {
                    say("550 5.1.1 No such mailbox\r\n")
                } else {
                    message.recipients.append(String(command.dropFirst(8)))
                    say("250 OK\r\n")
                }
            } else if upper == "DATA" {
                say("354 End data with <CR><LF>.<CR><LF>\r\n")
                var lines: [String] = []
                while let text = line(), text != "." { lines.append(text) }
                message.data = lines.joined(separator: "\r\n")
                let kept = message
                received.withLock { $0.append(kept) }
                say("250 OK queued\r\n")
            } else if upper == "QUIT" {
                say("221 Bye\r\n")
                return
            } else {
                say("502 Command not implemented\r\n")
            }
        }
    }
}

enum SMTPSinkError: Error {
    case cannotListen
}

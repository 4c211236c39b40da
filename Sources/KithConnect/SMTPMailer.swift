import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Sends plain-text email through an SMTP relay, speaking RFC 5321 over a plain TCP connection: a council's own
/// relay, or a local one (Postfix, say) that forwards with TLS and credentials. Kith does not speak TLS or log in to
/// the relay itself. Every reply is checked; a refusal throws ``SMTPError`` with the relay's words.
public struct SMTPMailer: Mailer {
    public var host: String
    public var port: Int
    /// The sender's address: `directory@council.example.gov.uk`.
    public var from: String
    /// The name Kith gives itself in `EHLO`.
    public var clientName: String
    /// Seconds to wait for each reply.
    public var timeout: Int

    public init(host: String, port: Int = 25, from: String, clientName: String = "kith.localdomain", timeout: Int = 30) {
        self.host = host
        self.port = port
        self.from = from
        self.clientName = clientName
        self.timeout = timeout
    }

    public func send(to recipient: String, subject: String, body: String) throws {
        for field in [recipient, subject, from] where field.contains(where: { $0 == "\r" || $0 == "\n" }) {
            throw SMTPError.refused("a header may not hold a line break")
        }
        let connection = try SMTPConnection(host: host, port: port, timeout: timeout)
        defer { connection.close() }
        try connection.expect(220)
        try connection.command("EHLO \(clientName)", expect: 250)
        try connection.command("MAIL FROM:<\(from)>", expect: 250)
        try connection.command("RCPT TO:<\(recipient)>", expect: 250, 251)
        try connection.command("DATA", expect: 354)
        try connection.write(Self.message(from: from, to: recipient, subject: subject, body: body, date: Date()) + "\r\n.\r\n")
        try connection.expect(250)
        try? connection.command("QUIT", expect: 221)
    }

    /// The message as sent after `DATA`: headers, a blank line and the body, with CRLF line ends and each line that
    /// starts with a dot doubled (RFC 5321 §4.5.2).
    static func message(from: String, to: String, subject: String, body: String, date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let domain = from.split(separator: "@").last.map(String.init) ?? "kith.localdomain"
        let headers = [
            "From: \(from)", "To: \(to)", "Subject: \(encodedHeader(subject))", "Date: \(formatter.string(from: date))",
            "Message-ID: <\(UUID().uuidString.lowercased())@\(domain)>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit", "Auto-Submitted: auto-generated",
        ]
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix(".") ? "." + line : String(line)
        }
        return (headers + [""] + lines).joined(separator: "\r\n")
    }

    /// A header's words, as RFC 2047 base64 when they are not plain ASCII.
    static func encodedHeader(_ text: String) -> String {
        text.allSatisfy(\.isASCII) ? text : "=?UTF-8?B?" + Data(text.utf8).base64EncodedString() + "?="
    }
}

/// Why an email could not be sent.
public enum SMTPError: Error, Equatable, CustomStringConvertible {
    /// The relay could not be reached.
    case unreachable(String)
    /// The relay answered with something other than what was asked for.
    case refused(String)

    public var description: String {
        switch self {
        case .unreachable(let why): "The SMTP relay could not be reached: \(why)."
        case .refused(let why): "The SMTP relay refused the message: \(why)."
        }
    }
}

/// One TCP connection to the relay, reading replies a line at a time.
private final class SMTPConnection {
    private let socket: Int32
    private var buffer: [UInt8] = []

    init(host: String, port: Int, timeout: Int) throws {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var found: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &found)
        guard status == 0, let first = found else { throw SMTPError.unreachable("no address for \(host)") }
        defer { freeaddrinfo(found) }
        var address: UnsafeMutablePointer<addrinfo>? = first
        var connected: Int32 = -1
        while let candidate = address, connected < 0 {
            let descriptor = Glibc.socket(candidate.pointee.ai_family, candidate.pointee.ai_socktype, candidate.pointee.ai_protocol)
            if descriptor >= 0 {
                var limit = timeval(tv_sec: timeout, tv_usec: 0)
                setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
                setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
                if connect(descriptor, candidate.pointee.ai_addr, candidate.pointee.ai_addrlen) == 0 {
                    connected = descriptor
                } else {
                    Glibc.close(descriptor)
                }
            }
            address = candidate.pointee.ai_next
        }
        guard connected >= 0 else { throw SMTPError.unreachable("\(host) port \(port) did not answer") }
        socket = connected
    }

    func close() {
        Glibc.close(socket)
    }

    func write(_ text: String) throws {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.send(socket, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { throw SMTPError.unreachable("the connection closed while sending") }
            offset += written
        }
    }

    func command(_ line: String, expect codes: Int...) throws {
        try write(line + "\r\n")
        try expect(codes)
    }

    func expect(_ codes: Int...) throws {
        try expect(codes)
    }

    /// Reads one reply (all its lines, `250-…` up to `250 …`) and checks its code.
    private func expect(_ codes: [Int]) throws {
        var lines: [String] = []
        while true {
            let line = try readLine()
            lines.append(line)
            let bytes = Array(line.utf8)
            if bytes.count < 4 || bytes[3] != UInt8(ascii: "-") { break }
        }
        let last = lines.last ?? ""
        guard let code = Int(last.prefix(3)), codes.contains(code) else { throw SMTPError.refused(lines.joined(separator: " ")) }
    }

    private func readLine() throws -> String {
        while true {
            if let end = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[..<end])
                buffer.removeSubrange(...end)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            guard buffer.count < 65_536 else { throw SMTPError.refused("a reply line was too long") }
            var chunk = [UInt8](repeating: 0, count: 4_096)
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw SMTPError.unreachable("the relay closed the connection or did not answer in time") }
            buffer += chunk[..<count]
        }
    }
}

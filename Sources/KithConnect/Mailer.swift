/// Sends one plain-text email. ``SMTPMailer`` sends through an SMTP relay; tests give their own.
public protocol Mailer: Sendable {
    func send(to recipient: String, subject: String, body: String) throws
}

/// Turns a name's matching key into a code that sounds-alike names share, for blocking and comparing names
/// heard over the phone or spelt from memory (Siobhan / Shivaun, Chaudhry / Choudhury).
public protocol PhoneticEncoder: Sendable {
    /// The code of an upper-case ASCII matching key (`NameNormaliser` key); empty for an empty key.
    func encode(_ key: String) -> String
}

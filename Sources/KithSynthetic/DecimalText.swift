/// Numbers with a fixed number of decimals, from integer arithmetic rather than `String(format:)`, so that files are
/// the same on every platform.
enum DecimalText {
    /// `value` rounded to `places` decimals: `-2.083217`, `12.5`, `0.0`.
    static func fixed(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return scaled(Int((value * scale).rounded()), places: places)
    }

    /// A whole number of units of `10^-places`: `scaled(-2_083_217, places: 6)` is `-2.083217`.
    static func scaled(_ units: Int, places: Int) -> String {
        var divisor = 1
        for _ in 0..<places { divisor *= 10 }
        let magnitude = units.magnitude
        let whole = String(magnitude / UInt(divisor))
        let sign = units < 0 ? "-" : ""
        guard places > 0 else { return sign + whole }
        return sign + whole + "." + zeroPad(Int(magnitude % UInt(divisor)), width: places)
    }
}

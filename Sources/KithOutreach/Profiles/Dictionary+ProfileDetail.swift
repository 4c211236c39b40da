import KithStandard

extension Dictionary where Key == HXLTag {
    /// A row's value for a part of a profile: that of the first of the detail's tags the row has a value for.
    subscript(detail: ProfileDetail) -> Value? {
        for tag in detail.tags {
            if let value = self[tag] { return value }
        }
        return nil
    }
}

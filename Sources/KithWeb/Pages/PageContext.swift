import Mustache

/// A typed page's values beneath the layout's, as Mustache looks names up: the layout first, then the view model's
/// stored properties, read once. An empty optional property is absent, so that its section does not show.
struct PageContext: MustacheParent {
    let layout: [String: Any]
    let properties: [String: Any]

    init(layout: [String: Any], model: Any) {
        self.layout = layout
        var properties: [String: Any] = [:]
        for child in Mirror(reflecting: model).children {
            guard let label = child.label else { continue }
            properties[label] = child.value
        }
        self.properties = properties
    }

    func child(named name: String) -> Any? {
        if let value = layout[name] { return value }
        guard let value = properties[name] else { return nil }
        if let optional = value as? any OptionalProperty { return optional.wrapped }
        return value
    }
}

/// An optional property, seen through `Any`, so that an empty one reads as absent rather than as `nil`.
private protocol OptionalProperty {
    var wrapped: Any? { get }
}

extension Optional: OptionalProperty {
    fileprivate var wrapped: Any? { self.map { $0 } }
}

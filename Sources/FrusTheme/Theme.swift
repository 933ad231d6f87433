/// A named set of styles by dotted scope ("link.selected"), helix-style.
///
/// Looking a scope up falls back along the dots ("link.selected" → "link") and finally to
/// "text", so a theme only needs to name what it wants to differ.
public struct Theme: Sendable, Hashable {
    public var name: String
    public var styles: [String: Style]

    public init(name: String, styles: [String: Style]) {
        self.name = name
        self.styles = styles
    }

    /// The style of `scope`: the scope itself, else its parents along the dots, else "text".
    public func style(_ scope: String) -> Style {
        if let s = definedStyle(scope) { return s }
        return styles["text"] ?? .plain
    }

    /// The style of `scope` or of its nearest parent, nil if none is defined (no "text" fallback).
    public func definedStyle(_ scope: String) -> Style? {
        var scope = Substring(scope)
        while true {
            if let s = styles[String(scope)] { return s }
            guard let dot = scope.lastIndex(of: ".") else { return nil }
            scope = scope[..<dot]
        }
    }

    /// How `scope` is defined: by itself, through a parent scope, or not at all.
    public func status(_ scope: String) -> ScopeStatus {
        if styles[scope] != nil { return .defined }
        return definedStyle(scope) != nil ? .inherited : .missing
    }

    /// This theme with every colour removed: attributes only (NO_COLOR, monochrome terminals).
    public var withoutColors: Theme {
        Theme(name: name, styles: styles.mapValues { Style(attributes: $0.attributes) })
    }
}

public enum ScopeStatus: Sendable, Hashable {
    case defined, inherited, missing
}

/// The scopes the reader draws with; every shipped theme defines them (directly or by dots).
public enum ThemeScope {
    public static let all: [String] = [
        "text", "title", "heading", "subject", "dateline", "salutation", "closer",
        "marker", "marker.selected", "link", "link.selected", "link.unresolved",
        "link.unresolved.selected", "mention", "page", "attachment", "editorial", "quote",
        "table.border", "footnote.number", "footnote.current", "border", "border.focused",
        "pane.title", "status", "status.key", "message", "message.error", "search.match",
        "overlay", "overlay.title", "overlay.selected", "overlay.heading", "cursor", "navigator.site",
        "navigator.header",
    ]
}

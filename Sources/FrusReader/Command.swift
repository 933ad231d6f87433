import FrusModel

/// A command typed after ":".
public enum Command: Sendable, Hashable {
    /// `:175`, `:d 175` (this volume), `:d frus1981-88v04/150` (another volume).
    case document(volume: String?, number: String)
    /// `:p 766`
    case page(String)
    /// `:q`, `:quit`
    case quit
    /// `:search QUERY`: search every volume (the query kept as typed, quotes and all).
    case search(String)
    /// `:who NAME`: the entry of a person or term (name, part of one, abbreviation or id).
    case who(String)
    /// `:date 1985-11-19`: the document of this volume nearest that date.
    case date(String)

    /// Parses the text after ":"; nil when it is not a command.
    public init?(parsing text: String) {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = words.first else { return nil }
        let rest = String(text.drop { $0 == " " || $0 == "\t" }.dropFirst(first.count)).trimmingSpaces
        if first == "search" {
            self = .search(rest)
            return
        }
        if first == "who" {
            self = .who(rest)
            return
        }
        if first == "date", !rest.isEmpty {
            self = .date(rest)
            return
        }
        switch (first, words.count) {
        case ("q", 1), ("quit", 1), ("q!", 1):
            self = .quit
        case ("d", 2), ("doc", 2), ("document", 2):
            self.init(documentAddress: words[1])
        case ("p", 2), ("page", 2):
            self = .page(words[1])
        case (_, 1) where first.first?.isNumber == true:
            self.init(documentAddress: first)
        default:
            return nil
        }
    }

    private init?(documentAddress: String) {
        if let slash = documentAddress.firstIndex(of: "/") {
            let volume = String(documentAddress[..<slash])
            var number = String(documentAddress[documentAddress.index(after: slash)...])
            if number.hasPrefix("d"), number.dropFirst().first?.isNumber == true { number.removeFirst() }
            guard !volume.isEmpty, !number.isEmpty else { return nil }
            self = .document(volume: volume, number: number)
        } else {
            var number = documentAddress
            if number.hasPrefix("d"), number.dropFirst().first?.isNumber == true { number.removeFirst() }
            guard !number.isEmpty else { return nil }
            self = .document(volume: nil, number: number)
        }
    }
}

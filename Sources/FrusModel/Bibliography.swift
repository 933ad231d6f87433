/// What a citation needs to know of a volume, from its TEI header (`titleStmt`,
/// `publicationStmt`) or a plain-text volume's `volume.json`. Every field is optional: a
/// writer cites what there is.
public struct Bibliography: Sendable, Hashable {
    /// "Foreign Relations of the United States, 1981–1988, Volume V, Soviet Union, March 1985–October 1986"
    public var completeTitle: String?
    /// "Foreign Relations of the United States"
    public var seriesTitle: String?
    /// "1981–1988"
    public var subseriesTitle: String?
    /// "Volume V"
    public var volumeNumber: String?
    /// "Soviet Union, March 1985–October 1986"
    public var volumeTitle: String?
    /// The editors in the header's order.
    public var editors: [Editor]
    /// "United States Government Publishing Office"
    public var publisher: String?
    /// "Washington"
    public var publicationPlace: String?
    /// "2020"
    public var year: String?
    /// Whether the printed volume numbers its documents (their heads print the number); a
    /// volume that does not is cited by page.
    public var documentsNumbered = true

    public init(
        completeTitle: String? = nil, seriesTitle: String? = nil, subseriesTitle: String? = nil,
        volumeNumber: String? = nil, volumeTitle: String? = nil, editors: [Editor] = [],
        publisher: String? = nil, publicationPlace: String? = nil, year: String? = nil
    ) {
        self.completeTitle = completeTitle
        self.seriesTitle = seriesTitle
        self.subseriesTitle = subseriesTitle
        self.volumeNumber = volumeNumber
        self.volumeTitle = volumeTitle
        self.editors = editors
        self.publisher = publisher
        self.publicationPlace = publicationPlace
        self.year = year
    }

    /// The volume's own editors (TEI `editor role="primary"`, or editors with no role), not
    /// the series' general editor: the ones a citation names after "ed.".
    public var volumeEditors: [String] {
        let primary = editors.filter { $0.role == "primary" || $0.role == nil || $0.role == "" }
        return primary.map(\.name)
    }

    public struct Editor: Sendable, Hashable {
        /// "Elizabeth C. Charles"
        public var name: String
        /// "primary", "general", … as the header gives it.
        public var role: String?

        public init(name: String, role: String? = nil) {
            self.name = name
            self.role = role
        }
    }
}

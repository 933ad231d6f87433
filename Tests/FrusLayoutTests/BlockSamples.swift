import FrusModel

extension Samples {
    static func link(_ number: String, _ label: String) -> Inline {
        .link(.document(volume: volume, number: number), [.text(label)])
    }

    /// A document with every block kind and links in every place a link can stand, in a
    /// known order: title (doc 1), heading, list, quote, table, attachment label, editorial
    /// note, container, then footnote 1 (doc 9) and footnote 2 (doc 10).
    static let everyBlockKind = Document(
        volumeID: volume, number: "12a",
        titleInlines: [.text("Editorial Note on "), link("1", "Document 1"), .footnoteRef(1)],
        subject: "Everything a document can hold",
        dateline: "Washington, January 13, 1986",
        blocks: [
            .heading([.text("Part One: "), link("2", "Document 2")]),
            .dateline([.text("Moscow, February 5, 1986")]),
            .salutation([.text("Dear Mr. President:")]),
            .paragraph([.text("Lists follow."), .footnoteRef(2)], .normal),
            .list(.ordered, (1...10).map { n in
                [.paragraph([.text("Item \(n) of the ordered list, long enough to wrap under its number.")], .normal)]
            }),
            .list(.bulleted, [
                [.paragraph([.text("A bullet citing "), link("3", "Document 3"), .text(".")], .normal)],
                [.paragraph([.text("A bullet holding a list:")], .normal),
                 .list(.bulleted, [[.paragraph([.text("nested item")], .normal)]])],
            ]),
            .quote([
                .paragraph([.text("Quoted words that run on for a while, citing "), link("4", "Document 4"), .text(".")], .normal),
            ]),
            .table([
                [[.text("Name")], [.text("Office")], [.text("See")]],
                [[.text("Shultz")], [.text("Secretary of State")], [link("5", "Document 5")]],
                [[.text("Dobrynin")], [.text("Soviet Ambassador to the United States")], [.text("—")]],
            ]),
            .attachment(Attachment(
                label: [.text("Tab A, see "), link("6", "Document 6")],
                heading: [.text("Talking Points")],
                blocks: [.paragraph([.text("The points.")], .normal)])),
            .editorialNote([.text("[1 paragraph (4 lines) not declassified; see "), link("7", "Document 7"), .text("]")]),
            .container("tei:postscript", [.paragraph([.text("P.S. From a container, "), link("8", "Document 8")], .postscript)]),
            .paragraph([.text("Centered line")], .centered),
            .closer([.text("Sincerely,"), .lineBreak, .text("Ronald Reagan")]),
        ],
        footnotes: [
            Footnote(number: 1, blocks: [.paragraph([.text("Source: see "), link("9", "Document 9"), .text(".")], .normal)]),
            Footnote(number: 2, blocks: [
                .paragraph([.text("First paragraph of a note.")], .normal),
                .paragraph([.text("Second, citing "), link("10", "Document 10"), .pageBreak("12"), .text(".")], .normal),
            ]),
        ])
}

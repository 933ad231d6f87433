/// TEI elements the importer has no rule of its own for but knows to be harmless: their text
/// flows into the surrounding text (a `persName` without a pointer, an `orgName`, a `gap`).
/// Any other element of the text is counted as unknown (`Volume.unknownElements`), so that
/// `frusread check` shows where a volume uses markup frusread does not read yet.
enum KnownElements {
    static let tei: Set<String> = [
        // Phrase level.
        "orgName", "name", "rs", "foreign", "emph", "said", "q", "num", "time", "measure", "abbr",
        "expan", "choice", "sic", "corr", "orig", "reg", "unclear", "del", "add", "space",
        "c", "w", "pc", "s", "anchor", "milestone", "cb", "fw", "mentioned", "soCalled", "distinct",
        "geogName", "country", "region", "settlement", "bloc", "roleName", "forename", "surname",
        "addName", "genName", "nameLink", "affiliation", "objectName", "idno", "unit", "formula",
        "ptr", "att", "code", "ident", "metamark", "damage", "supplied", "surplus", "handShift",
        // Transcription, quotation, places and addresses (TEI core and transcr modules).
        "cit", "subst", "restore", "mod", "retrace", "stamp", "seal", "am", "ex", "district",
        "geogFeat", "location", "geo", "offset", "street", "postCode", "postBox",
        // Parts of bibliographic references, and linking elements (no text of their own).
        "biblScope", "citedRange", "edition", "series", "imprint", "monogr", "analytic",
        "interp", "interpGrp", "link", "linkGrp", "join", "alt", "altGrp", "span", "spanGrp",
        // Block level and divisions.
        "div1", "div2", "div3", "argument", "epigraph", "docEdition", "sp", "speaker", "stage",
        "figDesc", "caption", "listBibl", "bibl", "biblStruct", "relatedItem", "extent", "respStmt",
        "resp", "author", "editor", "listPerson", "person", "listPlace", "place", "desc", "event",
        "listEvent", "listOrg", "org", "castList", "castItem", "role", "roleDesc", "u", "writing",
        // Title pages.
        "titlePage", "docTitle", "titlePart", "docImprint", "docDate", "publisher", "pubPlace",
        "imprimatur",
    ]
}

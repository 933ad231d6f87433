internal import CLibXML2
import FrusModel

/// One start tag as libxml2's SAX2 interface reports it. The pointers live only for the
/// duration of the callback: read what you need, keep nothing.
struct XMLStartTag {
    let localName: UnsafePointer<UInt8>
    let prefix: UnsafePointer<UInt8>?
    let namespaceURI: UnsafePointer<UInt8>?
    /// libxml2's attribute array: five pointers per attribute
    /// (local name, prefix, namespace URI, value start, value end).
    let attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    let attributeCount: Int

    /// The value of the attribute with this local name (and prefix, for `xml:id` and
    /// `frus:doc-dateTime-min`); nil when absent.
    func attribute(_ name: StaticString, prefix wanted: StaticString? = nil) -> String? {
        guard let attributes else { return nil }
        for i in 0..<attributeCount {
            let base = attributes + i * 5
            guard let local = base[0], cStringEquals(local, name) else { continue }
            if let wanted {
                guard let p = base[1], cStringEquals(p, wanted) else { continue }
            } else if base[1] != nil {
                continue
            }
            guard let start = base[3], let end = base[4] else { return "" }
            return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
        }
        return nil
    }

    var localNameString: String { String(cString: localName) }

    /// "frus:attachment" for prefixed names, else the local name: for containers of
    /// elements no importer maps.
    var qualifiedName: String {
        if let prefix { return String(cString: prefix) + ":" + localNameString }
        return localNameString
    }
}

/// Whether a NUL-terminated byte string equals a static ASCII string.
@inline(__always)
func cStringEquals(_ p: UnsafePointer<UInt8>, _ s: StaticString) -> Bool {
    let n = s.utf8CodeUnitCount
    let q = s.utf8Start
    for i in 0..<n where p[i] != q[i] { return false }
    return p[n] == 0
}

/// Receives the events of one parse, in document order.
protocol XMLEventSink: AnyObject {
    func startElement(_ tag: XMLStartTag)
    func endElement()
    /// Text (character data or CDATA), UTF-8, in pieces of any size.
    func characters(_ text: UnsafeBufferPointer<UInt8>)
    /// Set to true to end the parse early (the header peek stops after the header).
    var wantsStop: Bool { get }
    /// Set to end the parse with an error (a limit the sink enforces was passed).
    var failure: String? { get }
    /// Called when the parse begins with a way to ask where in the input it is (valid until
    /// the parse ends).
    func parseBegan(location: @escaping () -> (line: Int, column: Int))
}

extension XMLEventSink {
    func parseBegan(location: @escaping () -> (line: Int, column: Int)) {}
}

/// Why a parse failed: libxml2's first error, with where it happened.
struct XMLParseFailure: Error {
    var message: String
    var line: Int?
    var column: Int?
}

/// Drives libxml2's parser with SAX2 callbacks (the fastest of libxml2's interfaces, see the
/// notes), reading the input in pieces, and hands the events to a sink.
///
/// Untrusted input: no entity substitution, no DTD loading, no network, libxml2's size and
/// depth limits kept (no XML_PARSE_HUGE). Entity declarations are refused outright, so an
/// entity bomb or an external entity (`SYSTEM "file:///etc/passwd"`) stops the parse at its
/// declaration, before anything could be expanded or read.
enum XMLEventSource {
    /// Parser options: see the type's comment. Not NOENT, not DTDLOAD, not HUGE, not RECOVER.
    static let options: Int32 = Int32(XML_PARSE_NONET.rawValue)

    /// Why libxml2 cannot be used (not installed), nil once it is loaded: it is loaded at the
    /// first parse, not at every start (see CLibXML2's header).
    private static let loadFailure: String? = frus_xml_load().map { String(cString: $0) }

    /// Parses the bytes `next` returns until it returns 0 (end of input).
    /// `next` fills the buffer it is given and returns the number of bytes written.
    /// Returns true if the sink stopped the parse early.
    @discardableResult
    static func parse(
        sink: some XMLEventSink, fileName: String,
        laterDamage: ((XMLParseFailure) -> Void)? = nil,
        next: (UnsafeMutableRawBufferPointer) throws -> Int
    ) throws -> Bool {
        if let loadFailure { throw XMLParseFailure(message: loadFailure, line: nil, column: nil) }
        let session = Session(sink: sink)
        // With `laterDamage`, a sink's stop does not stop libxml2: it reads on to the end with
        // every callback ignored (a well-formedness check, about as fast as `xmllint --noout`),
        // and what it finds wrong there is told to `laterDamage` instead of thrown.
        session.checksRest = laterDamage != nil
        var handler = makeHandler()
        let unmanaged = Unmanaged.passRetained(session)
        defer { unmanaged.release() }
        return try withoutActuallyEscaping(next) { next in
            session.reader = next
            defer { session.reader = nil }
            // libxml2's pull parser reading through a callback: input streams in small
            // pieces, and unlike the push parser it does not scan ahead for each construct's end.
            let read: xmlInputReadCallback = { context, buffer, length in
                let session = Session.from(context)
                guard let reader = session.reader, let buffer, length > 0 else { return 0 }
                do {
                    return Int32(try reader(UnsafeMutableRawBufferPointer(start: buffer, count: Int(length))))
                } catch {
                    session.readError = error
                    return -1
                }
            }
            guard let ctxt = frus_xmlCreateIOParserCtxt(
                &handler, unmanaged.toOpaque(), read, nil, unmanaged.toOpaque(), XML_CHAR_ENCODING_NONE)
            else {
                if let error = session.readError { throw error }
                throw XMLParseFailure(message: "cannot create an XML parser", line: nil, column: nil)
            }
            defer { frus_xmlFreeParserCtxt(ctxt) }
            _ = frus_xmlCtxtUseOptions(ctxt, options)
            session.context = ctxt
            sink.parseBegan { (Int(frus_xmlSAX2GetLineNumber(ctxt)), Int(frus_xmlSAX2GetColumnNumber(ctxt))) }
            let status = frus_xmlParseDocument(ctxt)
            if let error = session.readError { throw error }
            if session.stoppedBySink {
                if let laterDamage {
                    if let failure = session.failure {
                        laterDamage(failure)
                    } else if status != 0 || ctxt.pointee.wellFormed == 0 {
                        laterDamage(XMLParseFailure(
                            message: "the XML is not well-formed", line: Int(ctxt.pointee.input?.pointee.line ?? 0),
                            column: Int(ctxt.pointee.input?.pointee.col ?? 0)))
                    }
                }
                return true
            }
            if let failure = session.failure { throw failure }
            if status != 0 || ctxt.pointee.wellFormed == 0 {
                throw XMLParseFailure(
                    message: "the XML is not well-formed", line: Int(ctxt.pointee.input?.pointee.line ?? 0),
                    column: Int(ctxt.pointee.input?.pointee.col ?? 0))
            }
            return false
        }
    }

    /// Parses an in-memory buffer.
    @discardableResult
    static func parse(sink: some XMLEventSink, fileName: String, bytes: UnsafeRawBufferPointer) throws -> Bool {
        var offset = 0
        return try parse(sink: sink, fileName: fileName) { out in
            let n = min(out.count, bytes.count - offset)
            if n > 0 {
                out.baseAddress!.copyMemory(from: bytes.baseAddress! + offset, byteCount: n)
                offset += n
            }
            return n
        }
    }

    /// The state the C callbacks reach through libxml2's user-data pointer.
    final class Session {
        let sink: any XMLEventSink
        var context: xmlParserCtxtPtr?
        var failure: XMLParseFailure?
        var stoppedBySink = false
        /// Read on after the sink stops, only checking the XML (see `parse`'s `laterDamage`).
        var checksRest = false
        /// Where the parser's input comes from, during a parse.
        var reader: ((UnsafeMutableRawBufferPointer) throws -> Int)?
        var readError: (any Error)?
        /// Element nesting, bounded here so that the limit does not depend on the libxml2
        /// version or parser mode (2.9's push parser has none).
        var depth = 0

        /// libxml2's own limit for the pull parser without XML_PARSE_HUGE.
        static let maxDepth = 256

        /// Ends the parse if the sink asked to stop or failed.
        @inline(__always)
        func checkSink() {
            if let message = sink.failure {
                fail(message)
            } else if sink.wantsStop {
                stoppedBySink = true
                if checksRest { dropContentCallbacks() } else { stop() }
            }
        }

        init(sink: any XMLEventSink) { self.sink = sink }

        /// Ends the parse: libxml2 stops at the next opportunity and returns.
        func stop() { if let context { frus_xmlStopParser(context) } }

        /// From here on libxml2 only checks the XML: no element or text reaches Swift (errors
        /// and entity declarations still do).
        func dropContentCallbacks() {
            guard let sax = context?.pointee.sax else { return }
            sax.pointee.startElementNs = nil
            sax.pointee.endElementNs = nil
            sax.pointee.characters = nil
            sax.pointee.cdataBlock = nil
            sax.pointee.ignorableWhitespace = nil
        }

        func fail(_ message: String, line: Int? = nil, column: Int? = nil) {
            if failure == nil {
                failure = XMLParseFailure(
                    message: message, line: line ?? context.map { Int(frus_xmlSAX2GetLineNumber($0)) },
                    column: column ?? context.map { Int(frus_xmlSAX2GetColumnNumber($0)) })
            }
            stop()
        }

        static func from(_ p: UnsafeMutableRawPointer?) -> Session {
            Unmanaged<Session>.fromOpaque(p!).takeUnretainedValue()
        }
    }

    private static func makeHandler() -> xmlSAXHandler {
        var h = xmlSAXHandler()
        h.initialized = XML_SAX2_MAGIC
        h.startElementNs = { ctx, localName, prefix, uri, _, _, attributeCount, _, attributes in
            let session = Session.from(ctx)
            guard session.failure == nil, !session.stoppedBySink, let localName else { return }
            session.depth += 1
            if session.depth > Session.maxDepth {
                session.fail("elements nested more than \(Session.maxDepth) deep (refused: no FRUS volume nests so deep)")
                return
            }
            session.sink.startElement(XMLStartTag(
                localName: localName, prefix: prefix, namespaceURI: uri,
                attributes: attributes, attributeCount: Int(attributeCount)))
            session.checkSink()
        }
        h.endElementNs = { ctx, _, _, _ in
            let session = Session.from(ctx)
            guard session.failure == nil, !session.stoppedBySink else { return }
            session.depth -= 1
            session.sink.endElement()
            session.checkSink()
        }
        let characters: charactersSAXFunc = { ctx, text, length in
            let session = Session.from(ctx)
            guard session.failure == nil, !session.stoppedBySink, let text, length > 0 else { return }
            session.sink.characters(UnsafeBufferPointer(start: text, count: Int(length)))
            if let message = session.sink.failure { session.fail(message) }
        }
        h.characters = characters
        h.cdataBlock = characters
        // Whitespace between elements is text too: a space between two inline elements counts.
        h.ignorableWhitespace = characters
        h.entityDecl = { ctx, name, _, _, _, _ in
            let session = Session.from(ctx)
            let what = name.map { "'" + XMLEventSource.safeName(String(cString: $0)) + "'" } ?? ""
            session.fail("entity declaration \(what) refused: DTD entities are not allowed in a volume (they could expand without bound or read other files)")
        }
        h.serror = { userData, error in
            guard let userData, let error else { return }
            let session = Session.from(userData)
            let e = error.pointee
            guard e.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            session.fail(
                XMLEventSource.describe(code: Int(e.code), message: e.message.map { String(cString: $0) } ?? "XML error"),
                line: e.line > 0 ? Int(e.line) : nil, column: e.int2 > 0 ? Int(e.int2) : nil)
        }
        return h
    }

    /// libxml2's message made fit for a user, without bytes of the file ("Bytes: 0xFF…").
    static func describe(code: Int, message: String) -> String {
        var m = message.trimmingSpaces
        if let r = m.firstRange(of: "Bytes:") { m = String(m[..<r.lowerBound]).trimmingSpaces }
        m = m.split(separator: "\n").first.map(String.init) ?? m
        switch code {
        case Int(XML_ERR_INVALID_CHAR.rawValue), Int(XML_ERR_INVALID_ENCODING.rawValue):
            return "invalid UTF-8 or a character not allowed in XML (\(m))"
        case Int(XML_ERR_INTERNAL_ERROR.rawValue) where m.contains("depth"):
            return "elements nested too deeply (\(m))"
        default:
            return m.isEmpty ? "XML error \(code)" : m
        }
    }

    /// An XML name as it may appear in a message: short and printable.
    static func safeName(_ s: String) -> String {
        let cleaned = s.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }
        return String(String.UnicodeScalarView(cleaned.prefix(40)))
    }
}

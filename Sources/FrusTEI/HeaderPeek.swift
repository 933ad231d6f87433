import FrusModel

/// Reads a volume's id and title from its `teiHeader` and stops the parse at the header's
/// end: a folder of 550 volumes is listed without parsing them.
final class HeaderPeek: XMLEventSink {
    private(set) var isTEI = false
    private(set) var rootID: String?
    private var headerID: String?
    private(set) var title: String?
    private var depth = 0
    private var inHeader = false
    private var capturing: Capture?
    private var captureDepth = 0
    private var buffer: [UInt8] = []
    private(set) var wantsStop = false
    var failure: String? { nil }

    private enum Capture { case id, title }

    var id: String? { headerID ?? rootID.flatMap(TEILinkTarget.volumeID) }

    func startElement(_ tag: XMLStartTag) {
        depth += 1
        if depth == 1 {
            isTEI = TEIElement(tag) == .tei
            rootID = tag.attribute("id", prefix: "xml")
            if !isTEI { wantsStop = true }
            return
        }
        if capturing != nil { return }
        switch TEIElement(tag) {
        case .teiHeader:
            inHeader = true
        case .title where inHeader && title == nil && tag.attribute("type") == "complete":
            capturing = .title
            captureDepth = depth
        case .idno where inHeader && headerID == nil && tag.attribute("type") == "frus":
            capturing = .id
            captureDepth = depth
        case .text, .front, .body:
            wantsStop = true  // no header, or past it
        default:
            break
        }
    }

    func endElement() {
        if let capture = capturing, depth == captureDepth {
            // The same normalisation as the full read (TEIBuilder), so both give one id.
            let text = VolumeID.normalized(String(decoding: buffer, as: UTF8.self))
            switch capture {
            case .id: headerID = text.isEmpty ? nil : text
            case .title: title = text.isEmpty ? nil : text
            }
            buffer.removeAll()
            capturing = nil
        }
        if depth == 2, inHeader {
            inHeader = false
            wantsStop = true  // the header is over
        }
        depth -= 1
        if headerID != nil, title != nil { wantsStop = true }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        if capturing != nil { buffer.append(contentsOf: text) }
    }
}

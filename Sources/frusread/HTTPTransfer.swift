import CCurlLoader
import Foundation

/// One HTTP request through libcurl (`CCurlLoader`: loaded only when `get` runs).
///
/// Foundation's URLSession would need FoundationNetworking, which the static release build
/// links only with libcurl linked in: every command would then load libcurl and its ~30
/// libraries at start (measured: a static "hello" went from 40–60 ms to 150–180 ms per run on
/// the loaded build machine). libcurl loaded on demand costs nothing to the other commands.
final class HTTPTransfer {
    struct Response {
        var status: Int
        /// Header names lowercased; the last response's headers when redirected.
        var headers: [String: String]
    }

    struct Failure: Error {
        var message: String
        /// The response, if one came before the failure (a cut connection after the headers).
        var response: Response?
    }

    private var status = 0
    private var headers: [String: String] = [:]
    private let onBody: (Response, UnsafeRawBufferPointer) -> Bool
    private let onProgress: (Int64, Int64) -> Void

    private init(onBody: @escaping (Response, UnsafeRawBufferPointer) -> Bool, onProgress: @escaping (Int64, Int64) -> Void) {
        self.onBody = onBody
        self.onProgress = onProgress
    }

    /// Requests `url` with extra `headers`; `onBody` gets the response (status and headers,
    /// complete by then) with each piece of the body and returns false to stop; `onProgress`
    /// gets bytes expected (0 when unknown) and received. Throws `Failure` when no complete
    /// response came (network error, cut connection, stopped).
    static func perform(
        _ url: String, headers: [String] = [], head: Bool = false,
        onBody: @escaping (Response, UnsafeRawBufferPointer) -> Bool = { _, _ in true },
        onProgress: @escaping (Int64, Int64) -> Void = { _, _ in }
    ) throws -> Response {
        let transfer = HTTPTransfer(onBody: onBody, onProgress: onProgress)
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        var status = 0
        var error = [CChar](repeating: 0, count: 512)
        let code: Int32 = url.withCString { cURL in
            let cHeaders = headers.map { strdup($0) }
            defer { cHeaders.forEach { free($0) } }
            var pointers: [UnsafePointer<CChar>?] = cHeaders.map { UnsafePointer($0) }
            return pointers.withUnsafeMutableBufferPointer { list in
                var request = frus_http_request(
                    url: cURL, headers: UnsafePointer(list.baseAddress), header_count: Int32(headers.count),
                    head_only: head ? 1 : 0,
                    on_header: { line, length, context in
                        let t = Unmanaged<HTTPTransfer>.fromOpaque(context!).takeUnretainedValue()
                        t.header(String(decoding: UnsafeRawBufferPointer(start: line, count: length), as: UTF8.self))
                        return length
                    },
                    on_body: { data, length, context in
                        let t = Unmanaged<HTTPTransfer>.fromOpaque(context!).takeUnretainedValue()
                        return t.onBody(t.response, UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
                    },
                    on_progress: { context, expected, received in
                        let t = Unmanaged<HTTPTransfer>.fromOpaque(context!).takeUnretainedValue()
                        t.onProgress(expected, received)
                        return 0
                    },
                    context: context, connect_timeout: 30, stall_timeout: 60)
                var s = 0
                let c = frus_http_perform(&request, &s, &error, error.count)
                status = s
                return c
            }
        }
        withExtendedLifetime(transfer) {}
        let message = String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if code != 0 {
            throw Failure(message: message.isEmpty ? "transfer failed (libcurl error \(code))" : message,
                          response: transfer.status > 0 ? transfer.response : nil)
        }
        transfer.status = status
        return transfer.response
    }

    private var response: Response { Response(status: status, headers: headers) }

    /// A status line starts a response (a redirect's headers are forgotten); other lines are
    /// `Name: value`.
    private func header(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("HTTP/") {
            headers = [:]
            let parts = trimmed.split(separator: " ")
            status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        } else if let colon = trimmed.firstIndex(of: ":") {
            let name = trimmed[..<colon].lowercased()
            headers[name] = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
    }
}

import Foundation
import FrusDeflate

extension Deflate {
    static func compressed(_ data: Data) -> Data { Data(data.withUnsafeBytes { compress($0) }) }
    static func compressed(_ text: String) -> Data { Data(compress(text)) }
    static func decompressed(_ data: Data) -> Data? { data.withUnsafeBytes { decompress($0) }.map { Data($0) } }
    static func decompressedPrefix(_ data: Data, count: Int) -> Data? {
        data.withUnsafeBytes { decompressPrefix($0, count: count) }.map { Data($0) }
    }
    static func decompressedText(_ data: Data) -> String? {
        data.withUnsafeBytes { decompress($0) }.map { String(decoding: $0, as: UTF8.self) }
    }
}

import XCTest
@testable import ESafetyCore

/// The audit log's fast reader reads each line exactly as `JSONDecoder` does, or not at all.
final class AuditEntryFastDecoderTests: StoreTestCase {
    private func viaJSONDecoder(_ text: String) -> AuditEntry? {
        try? StoreJSON.makeDecoder().decode(AuditEntry.self, from: Data(text.utf8))
    }

    func testEveryLineOfASignedDemoStoreReadsAsJSONDecoderReadsIt() throws {
        let (workspace, _) = try schoolWithAccounts()
        try workspace.store.recordEvent(actor: workspace.actor, action: "test.event", recordID: "2026-0001",
                                        summary: "Quotes \" and \\ backslashes, a tab\t, Zoë 😀 and \u{1B} escape")
        workspace.store.close()
        let lines = try String(decoding: bytes("audit.jsonl"), as: UTF8.self).split(separator: "\n").map(String.init)
        XCTAssertGreaterThan(lines.count, 10)
        var signed = 0, allocating = 0
        for line in lines {
            let fast = StoreFastDecoder.decode(AuditEntry.self, from: Data(line.utf8))
            XCTAssertNotNil(fast, "the usual line is read fast: \(line.prefix(120))")
            XCTAssertEqual(fast, viaJSONDecoder(line))
            if fast?.signature != nil { signed += 1 }
            if fast?.allocated != nil { allocating += 1 }
        }
        XCTAssertGreaterThan(signed, 0, "signed entries were read")
        XCTAssertGreaterThan(allocating, 0, "entries that give out ids were read")
    }

    func testUnusualLinesAreLeftToJSONDecoder() {
        let base = #"{"action":"a.b","actor":{"id":"x","name":"X"},"at":"2026-11-25T12:00:00Z","document":"d","sequence":7,"summary":"S""#
        let sound = [
            base + "}",
            base + #","recordID":null,"previousHash":null,"documents":null,"signer":null}"#,
            base + #","documents":[{"document":"d","revision":2,"sha256":null,"deleted":true}],"allocated":{"incident":4},"acknowledges":["k"]}"#,
            #"{ "summary" : "S\u00e9\ud83d\ude00\n" , "sequence" : 7, "document" : "d", "at" : "2026-11-25T12:00:00Z", "actor" : {"name":"X","id":"x"}, "action" : "a" }"#,
            base + #","unknown":1}"#,                      // a key esafety does not write: passed over, as JSONDecoder does
        ]
        for line in sound {
            XCTAssertNotNil(StoreFastDecoder.decode(AuditEntry.self, from: Data(line.utf8)), line)
            XCTAssertEqual(StoreFastDecoder.decode(AuditEntry.self, from: Data(line.utf8)), viaJSONDecoder(line), line)
        }
        let refused = [
            base + #","sequence":8}"#,                     // a key twice
            base.replacingOccurrences(of: #""sequence":7,"#, with: "") + "}",  // a member missing
            base.replacingOccurrences(of: #""sequence":7"#, with: #""sequence":"7""#) + "}",  // a wrong type
            base.replacingOccurrences(of: #""sequence":7"#, with: #""sequence":7.5"#) + "}",
            base + #","documents":[{"document":"d"}]}"#,   // a change with no revision
            base,                                          // cut short
            base + "} x",                                  // something after it
            base + #","summary":"\ud800"}"#,               // a lone surrogate
        ]
        for line in refused {
            XCTAssertNil(StoreFastDecoder.decode(AuditEntry.self, from: Data(line.utf8)), line)
        }
    }
}

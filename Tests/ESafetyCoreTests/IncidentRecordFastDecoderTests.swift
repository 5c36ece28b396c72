import CivilTime
import Foundation
import XCTest
@testable import ESafetyCore

/// The fast reader of incident records gives exactly what `JSONDecoder` gives for the records
/// the store writes, in any order and spacing, with any escapes; and nil, never another value
/// nor a crash, for anything else.
final class IncidentRecordFastDecoderTests: IncidentFastDecoderTestCase {
    func testReadsEveryMemberAsTheEncoderWritesIt() throws {
        for text in ["plain", Self.awkward, ""] {
            let record = richRecord(text)
            let fast = try XCTUnwrap(assertAgrees(encoded(record)), text)
            XCTAssertEqual(fast, record, text)
            XCTAssertEqual(encoded(fast), encoded(record))
        }
        let fresh = IncidentRecord(id: "2026-0001", recordedAt: Date(timeIntervalSince1970: 1_795_000_000),
                                   recordedBy: AuditActor(id: "system", name: "esafety"), report: IncidentReport())
        XCTAssertEqual(try XCTUnwrap(assertAgrees(encoded(fresh))), fresh, "a report with nothing filled in, empty lists")
    }

    func testReadsEscapesOfEveryKindInEveryString() throws {
        let record = richRecord(Self.awkward)
        let json = encoded(record)
        XCTAssertTrue(json.contains(#"\"hi\" \\ / \n\t\r\b\f\u0001\u001f"#), "the encoder's own escapes are there: \(json.prefix(400))")
        func hex(_ scalar: Unicode.Scalar, _ format: String) -> String { String(scalar).utf16.map { String(format: format, $0) }.joined() }
        let variants: [(String, (Unicode.Scalar) -> String)] = [
            ("every e escaped, keys and values", { $0 == "e" ? "\\u0065" : String($0) }),
            ("every digit escaped: dates, days and times", { ("0"..."9").contains($0) ? hex($0, "\\u%04x") : String($0) }),
            ("non-ASCII as \\u escapes, astral ones as surrogate pairs", { $0.isASCII ? String($0) : hex($0, "\\u%04x") }),
            ("upper-case hex", { $0.isASCII ? String($0) : hex($0, "\\u%04X") }),
            ("slashes escaped", { $0 == "/" ? "\\/" : String($0) }),
        ]
        for (name, transform) in variants {
            let variant = rewritingStrings(json, transform)
            XCTAssertNotEqual(variant, json, name)
            XCTAssertEqual(try XCTUnwrap(assertAgrees(variant, name), name), record, name)
        }
        XCTAssertTrue(rewritingStrings(json, variants[2].1).contains(#"\ud83d\ude00"#))
    }

    func testReadsAnyOrderOfKeysAndAnySpace() throws {
        let record = richRecord(Self.awkward)
        let tree = try TestJSON.parse(encoded(record))
        var seed: UInt64 = 7
        let shuffle: ([String]) -> [String] = { keys in
            keys.sorted().map { key -> (UInt64, String) in
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return (seed >> 33, key)
            }.sorted { $0.0 < $1.0 }.map(\.1)
        }
        let layouts: [(String, String)] = [
            ("compact, sorted", tree.render()),
            ("keys reversed, odd space", tree.render(space: " \n\t\r\n ", order: { $0.sorted().reversed() })),
            ("keys shuffled", tree.render(space: "\n", order: shuffle)),
            ("keys shuffled again", tree.render(order: shuffle)),
            ("space around the document", "\n\t " + tree.render(space: "  ") + " \r\n"),
        ]
        for (name, json) in layouts {
            XCTAssertEqual(try XCTUnwrap(assertAgrees(json, name), name), record, name)
        }
    }

    func testOptionalMembersMayBeAbsentOrNull() throws {
        let tree = try TestJSON.parse(encoded(richRecord()))
        let optional: [[String]] = [["deviceReview"], ["walks"], ["transferredFrom"], ["report", "occurredOn"], ["report", "occurredAt"],
                                    ["report", "location"], ["report", "allegationAgainstStaff"], ["report", "access"],
                                    ["report", "involved", "0", "personID"], ["statusHistory", "1", "from"],
                                    ["followUps", "0", "ownerPersonID"], ["followUps", "0", "doneOn"], ["followUps", "0", "doneBy"],
                                    ["revisions", "0", "report", "occurredOn"]]
        for path in optional {
            for value in [nil, TestJSON.null] {
                let json = try XCTUnwrap(tree.setting(path, to: value)).render(space: " ")
                let read = try XCTUnwrap(assertAgrees(json, "\(path) \(String(describing: value))"), "\(path)")
                XCTAssertNotEqual(read, richRecord(), "\(path) is read as missing")
            }
        }
        let none = try XCTUnwrap(assertAgrees(try XCTUnwrap(tree.setting(["walks"], to: .null)).render()))
        XCTAssertEqual(none.walks, [], "walks: null is no walks, as WalksOrEmpty has it")
        XCTAssertEqual(try XCTUnwrap(assertAgrees(try XCTUnwrap(tree.setting(["walks"], to: .array([]))).render())).walks, [])
    }

    func testARequiredMemberMissingOrNullIsNotARecord() throws {
        let tree = try TestJSON.parse(encoded(richRecord()))
        let optional: Set<String> = ["deviceReview", "walks", "transferredFrom", "occurredOn", "occurredAt", "location",
                                     "allegationAgainstStaff", "access", "personID", "from", "ownerPersonID", "doneOn", "doneBy",
                                     "staffActionID", "childActionID"]
        let walked = ["walks", "deviceReview", "transferredFrom"]  // decoded by JSONDecoder from their bytes
        var checked = 0
        for path in tree.memberPaths where !optional.contains(path.last!) {
            for value in [nil, TestJSON.null] {
                let json = try XCTUnwrap(tree.setting(path, to: value)).render(space: " ")
                XCTAssertNil(StoreFastDecoder.decode(IncidentRecord.self, from: Data(json.utf8)), "\(path) \(String(describing: value))")
                if !walked.contains(path[0]) {
                    XCTAssertNil(try? StoreJSON.makeDecoder().decode(IncidentRecord.self, from: Data(json.utf8)), "JSONDecoder too: \(path)")
                }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 150)
    }

    func testAWrongTypeIsNotARecord() throws {
        let tree = try TestJSON.parse(encoded(richRecord()))
        var checked = 0
        for path in tree.memberPaths {
            let current = try XCTUnwrap(tree[path])
            let wrong: [TestJSON] = [.integer(1), .string("x"), .bool(true), .array([]), .object([:])].filter { other in
                switch (current, other) {
                case (.integer, .integer), (.string, .string), (.bool, .bool), (.array, .array), (.object, .object): return false
                default: return true
                }
            }
            for value in wrong {
                let json = try XCTUnwrap(tree.setting(path, to: value)).render()
                XCTAssertNil(assertAgrees(json, "\(path) as \(value)"), "\(path) as \(value)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 400)
    }

    func testBadValuesAreNotRecords() throws {
        let json = encoded(richRecord())
        let bad = [
            json.replacingOccurrences(of: "\"noFurtherAction\"", with: "\"closedForGood\""),   // no such status
            json.replacingOccurrences(of: "\"outsideSchool\"", with: "\"OutsideSchool\""),     // no such location
            json.replacingOccurrences(of: "\"09:05\"", with: "\"25:05\""),                      // no such time
            json.replacingOccurrences(of: "\"2026-11-20\"", with: "\"2026-11-31\""),            // no such day
            json.replacingOccurrences(of: "Z\"", with: "Q\""),                                 // not a date
            json.replacingOccurrences(of: "\"number\" : 1", with: "\"number\" : 1.0"),          // not an integer
            json.replacingOccurrences(of: "\"plain\"", with: "\"pl\\uDC00ain\""),               // a lone surrogate
            json.replacingOccurrences(of: "\"plain\"", with: "\"pl\\qain\""),                   // no such escape
            json.replacingOccurrences(of: "\"plain\"", with: "\"pl\tain\""),                    // a control character
            json + " {}",                                                                       // something after it
            "[" + json + "]",                                                                   // not an object
        ]
        for variant in bad {
            XCTAssertNotEqual(variant, json)
            XCTAssertNil(assertAgrees(variant, variant), String(variant.prefix(200)))
        }
        var invalid = Data(json.utf8)
        invalid[try XCTUnwrap(invalid.firstRange(of: Data("plain".utf8))).lowerBound] = 0xC3  // a cut UTF-8 sequence
        XCTAssertNil(StoreFastDecoder.decode(IncidentRecord.self, from: invalid))
    }

    func testAKeyTwiceAtAnyDepthIsRefused() throws {
        let tree = try TestJSON.parse(encoded(richRecord()))
        XCTAssertNotNil(StoreFastDecoder.decode(IncidentRecord.self, from: Data(tree.render().utf8)))
        for path in tree.memberPaths {
            let twice = tree.render(duplicating: path)
            XCTAssertNotEqual(twice, tree.render())
            XCTAssertNil(StoreFastDecoder.decode(IncidentRecord.self, from: Data(twice.utf8)), "\(path) twice")
        }
        let json = encoded(richRecord())
        let escapedTwice = json.replacingOccurrences(of: "\"status\" : ", with: "\"st\\u0061tus\" : \"open\", \"status\" : ")
        XCTAssertNil(StoreFastDecoder.decode(IncidentRecord.self, from: Data(escapedTwice.utf8)), "a key twice, once escaped")
    }

    /// `JSONDecoder` passes over keys it does not know, at any depth; so does the fast reader.
    func testAnUnknownKeyIsPassedOverAtAnyDepthAsJSONDecoderPassesItOver() throws {
        let tree = try TestJSON.parse(encoded(richRecord()))
        var passed = 0
        for path in tree.objectPaths {
            let json = try XCTUnwrap(tree.setting(path + ["zzUnknown"], to: .integer(1))).render(space: " ")
            XCTAssertEqual(try XCTUnwrap(assertAgrees(json, "\(path)"), "an unknown key in \(path)"), richRecord())
            passed += 1
        }
        XCTAssertGreaterThan(passed, 15)
    }

    func testTheDocumentsRevisionMemberIsSkipped() throws {
        let record = richRecord()
        let stamped = try StoreRevision.stampEncoded(Data(encoded(record).utf8), revision: 12, file: "incidents/x.json")
        XCTAssertEqual(try XCTUnwrap(assertAgrees(stamped)), record)
        let text = String(decoding: stamped, as: UTF8.self)
        let texted = text.replacingOccurrences(of: "\"_revision\" : 12", with: "\"_revision\" : \"12\"")
        let twice = text.replacingOccurrences(of: "\"_revision\" : 12,", with: "\"_revision\" : 12, \"_revision\" : 13,")
        for odd in [texted, twice] {  // the store refuses both before anything decodes them
            XCTAssertNotNil(StoreJSONValidator.problem(in: Data(odd.utf8)), odd)
        }
        XCTAssertNil(StoreFastDecoder.decode(IncidentRecord.self, from: Data(twice.utf8)), "a key twice")
        XCTAssertEqual(assertAgrees(texted), record, "on its own, a text revision is passed over as JSONDecoder passes it over")
    }

    func testTruncatedAndDamagedInputIsNeverARecordAndNeverACrash() throws {
        let data = Data(encoded(richRecord(Self.awkward)).utf8)
        for length in 0..<data.count {
            XCTAssertNil(StoreFastDecoder.decode(IncidentRecord.self, from: data.prefix(length)), "cut at \(length)")
        }
        var read = 0
        for position in stride(from: 0, to: data.count, by: 3) {
            for byte: UInt8 in [0x00, 0x22, 0x5C, 0x7D, 0xFF] where data[position] != byte {
                var damaged = data
                damaged[position] = byte
                if assertAgrees(damaged, "byte \(position) as \(byte)") != nil { read += 1 }
            }
        }
        XCTAssertGreaterThan(read, 0, "damage within a text leaves a record, which must be read as JSONDecoder reads it")
    }
}

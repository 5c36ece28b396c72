import CivilTime
import Foundation
import XCTest
@testable import ESafetyCore

/// What the tests of the fast incident decoders share: a record with every member filled in,
/// the comparison with `JSONDecoder`, and JSON rewritten in other orders and with other space.
class IncidentFastDecoderTestCase: StoreTestCase {
    /// Text with everything JSON escapes, and non-ASCII text in each plane.
    static let awkward = "He said \"hi\" \\ / \n\t\r\u{8}\u{C}\u{1}\u{1F}\u{7F} é Zoë Ōkubo 李 😀"

    /// A record with every member there, optional ones included, and `text` in every string.
    func richRecord(_ text: String = "plain") -> IncidentRecord {
        let day = CivilDate(year: 2026, month: 11, day: 20)!
        let actor = AuditActor(id: "staff-\(text)", name: "Sam \(text)")
        func at(_ seconds: Double) -> Date { Date(timeIntervalSince1970: 1_795_000_000 + seconds) }
        var report = IncidentReport()
        report.occurredOn = day
        report.occurredAt = ClockTime(hour: 9, minute: 5)
        report.reporterName = "Reporter \(text)"
        report.reporterRole = "Role \(text)"
        report.identifiedHow = text
        report.location = .outsideSchool
        report.involved = [InvolvedParty(kind: .child, name: "Child \(text)", personID: "pupil-\(text)"),
                           InvolvedParty(kind: .staff, name: text), InvolvedParty(kind: .other, name: text)]
        report.allegationAgainstStaff = true
        report.typeIDs = ["bullying", text]
        report.otherType = text
        report.riskAreaIDs = [text]
        report.description = text
        report.access = .accidental
        report.materialUseIDs = [text]
        report.consideredAsIDs = [text, text]
        report.staffActions = [ActionTaken(itemID: text, by: text, on: day)]
        report.childActions = [ActionTaken(itemID: "reported-head", by: text, on: day)]
        report.specificAction = text
        report.outcome = text
        var record = IncidentRecord(id: "2026-\(text)", recordedAt: at(0), recordedBy: actor, report: report)
        record.status = .noFurtherAction
        record.statusHistory.append(IncidentRecord.StatusChange(at: at(60), by: actor, from: .open, to: .noFurtherAction, reason: text))
        var earlier = report
        earlier.description = "Earlier \(text)"
        earlier.occurredAt = nil
        earlier.location = nil
        earlier.access = nil
        earlier.allegationAgainstStaff = nil
        record.revisions = [IncidentRecord.Revision(number: 1, replacedAt: at(30), replacedBy: actor, reason: text, report: earlier)]
        var done = FollowUpAction(id: 1, what: text, ownerPersonID: "P-\(text)", ownerName: text, due: day)
        done.doneOn = day
        done.doneBy = text
        record.followUps = [done, FollowUpAction(id: 2, what: text, ownerPersonID: nil, ownerName: text, due: day)]
        record.deviceReview = DeviceReview(reviewedOn: day, firstReviewer: text, secondReviewer: text, deviceUsed: text,
                                           items: [DeviceReview.Item(siteOrDevice: text, reasonForConcern: text)], conclusion: text, action: text)
        let item = FlowchartWalk.ChecklistItem(id: text, stepID: text, text: text,
                                               contacts: [FlowchartWalk.Contact(role: text, name: text, phone: text, email: text, confirmed: true)],
                                               staffActionID: text, childActionID: nil)
        record.walks = [FlowchartWalk(id: 1, chartID: text, chartTitle: text, chartVersion: 2, walkedAt: at(90), walkedBy: actor,
                                      path: [FlowchartWalk.PathStep(stepID: text, kind: .question, label: text)],
                                      answers: [FlowchartWalk.Answer(stepID: text, question: text, optionID: text, answer: text, reason: text)],
                                      outcomeStepID: text, outcome: text, outcomeText: text, actions: [item])]
        record.transferredFrom = TransferOrigin(school: text, originalID: text, bundleID: text, sentAt: at(5), receivedAt: at(7))
        return record
    }

    func encoded<T: Encodable>(_ value: T) -> String {
        String(decoding: (try? StoreJSON.makeEncoder().encode(value)) ?? Data(), as: UTF8.self)
    }

    /// Asserts the fast reader gives exactly what `JSONDecoder` gives (to the last Unicode
    /// scalar: written out again, the same bytes), or nil. Returns what it read.
    @discardableResult
    func assertAgrees(_ json: String, _ message: @autoclosure () -> String = "", file: StaticString = #filePath,
                      line: UInt = #line) -> IncidentRecord? {
        assertAgrees(Data(json.utf8), message(), file: file, line: line)
    }

    @discardableResult
    func assertAgrees(_ data: Data, _ message: @autoclosure () -> String = "", file: StaticString = #filePath,
                      line: UInt = #line) -> IncidentRecord? {
        guard let fast = StoreFastDecoder.decode(IncidentRecord.self, from: data) else { return nil }
        let slow = try? StoreJSON.makeDecoder().decode(IncidentRecord.self, from: data)
        XCTAssertEqual(fast, slow, message(), file: file, line: line)
        if let slow { XCTAssertEqual(encoded(fast), encoded(slow), message(), file: file, line: line) }
        return fast
    }

    /// `json` with each Unicode scalar of every string (keys included) written as `transform`
    /// has it; the escapes already there are kept.
    func rewritingStrings(_ json: String, _ transform: (Unicode.Scalar) -> String) -> String {
        var result = "", inString = false, escape = 0  // scalars of an escape still to copy
        for scalar in json.unicodeScalars {
            if !inString {
                inString = scalar == "\""
                result.unicodeScalars.append(scalar)
            } else if escape > 0 {
                escape = escape == 1 && scalar == "u" ? 4 : escape - 1
                result.unicodeScalars.append(scalar)
            } else if scalar == "\\" {
                escape = 1
                result.unicodeScalars.append(scalar)
            } else if scalar == "\"" {
                inString = false
                result.unicodeScalars.append(scalar)
            } else {
                result += transform(scalar)
            }
        }
        return result
    }
}

/// A JSON value as a tree, to write a document again with its keys in another order, other
/// white space, or a member taken out or changed.
indirect enum TestJSON: Decodable, Equatable {
    case object([String: TestJSON]), array([TestJSON]), string(String), integer(Int), bool(Bool), null

    static func parse(_ text: String) throws -> TestJSON { try JSONDecoder().decode(TestJSON.self, from: Data(text.utf8)) }

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([TestJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: TestJSON].self))
        }
    }

    /// Written with `order` choosing the order of each object's keys and `space` between tokens,
    /// and the member at `duplicating` (if any) written twice. Strings are escaped as
    /// JSONEncoder's defaults do (slashes too).
    func render(space: String = "", order: ([String]) -> [String] = { $0.sorted() }, duplicating path: [String] = []) -> String {
        func below(_ step: String) -> [String] { path.first == step ? Array(path.dropFirst()) : [] }
        switch self {
        case .object(let members):
            let inner = order(Array(members.keys)).flatMap { key -> [String] in
                let member = TestJSON.string(key).render() + space + ":" + space
                    + members[key]!.render(space: space, order: order, duplicating: below(key))
                return path == [key] ? [member, member] : [member]
            }
            return "{" + space + inner.joined(separator: space + "," + space) + space + "}"
        case .array(let items):
            let inner = items.indices.map { items[$0].render(space: space, order: order, duplicating: below(String($0))) }
            return "[" + space + inner.joined(separator: space + "," + space) + space + "]"
        case .string(let text):
            return String(decoding: (try? JSONEncoder().encode([text])) ?? Data(), as: UTF8.self).dropFirst().dropLast().description
        case .integer(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        }
    }

    /// The value with the member at `path` (keys, or array indexes as text) set, or taken out when nil.
    func setting(_ path: [String], to value: TestJSON?) -> TestJSON? {
        guard let first = path.first else { return value }
        let rest = Array(path.dropFirst())
        switch self {
        case .object(var members):
            members[first] = rest.isEmpty ? value : members[first]?.setting(rest, to: value)
            return .object(members)
        case .array(var items):
            guard let index = Int(first), items.indices.contains(index) else { return self }
            if let changed = items[index].setting(rest, to: value) { items[index] = changed } else { items.remove(at: index) }
            return .array(items)
        default:
            return self
        }
    }

    /// Every path to a member of an object, depth first.
    var memberPaths: [[String]] {
        switch self {
        case .object(let members):
            return members.keys.sorted().flatMap { key in [[key]] + members[key]!.memberPaths.map { [key] + $0 } }
        case .array(let items):
            return items.indices.flatMap { index in items[index].memberPaths.map { [String(index)] + $0 } }
        default:
            return []
        }
    }

    /// Every path to an object (this one first), array elements included.
    var objectPaths: [[String]] {
        switch self {
        case .object(let members):
            return [[]] + members.keys.sorted().flatMap { key in members[key]!.objectPaths.map { [key] + $0 } }
        case .array(let items):
            return items.indices.flatMap { index in items[index].objectPaths.map { [String(index)] + $0 } }
        default:
            return []
        }
    }

    subscript(path: [String]) -> TestJSON? {
        guard let first = path.first else { return self }
        switch self {
        case .object(let members): return members[first]?[Array(path.dropFirst())]
        case .array(let items): return Int(first).flatMap { items.indices.contains($0) ? items[$0][Array(path.dropFirst())] : nil }
        default: return nil
        }
    }
}

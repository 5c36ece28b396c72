import Foundation
import XCTest
import TestSupport

/// What the command line writes: no control character or bidi override from the data reaches a
/// terminal (a name holding escape sequences is shown with "?"), exports escape them as their
/// format allows, and `-o` writes through a FIFO or a character device, never replacing one.
final class OutputHygieneEndToEndTests: XCTestCase {
    private let escape = "\u{1B}]0;pwned\u{07}\u{1B}[31m"
    private let bidi = "\u{202E}"

    private func storeWithAHostileName() throws -> URL {
        let store = try makeTemporaryStore()
        XCTAssertEqual(try runEsafety(["init", "--store", store.path]).status, 0)
        let csv = store.deletingLastPathComponent().appendingPathComponent("roster-\(UUID().uuidString).csv")
        addTeardownBlock { try? FileManager.default.removeItem(at: csv) }
        let lines = ["UPN,Legal Forename,Legal Surname,Reg Group,DOB",
                     "\(fictionalUPN(20001)),Evil\(escape)Name,Person\(bidi)gnp.exe,3B,01/03/2018",
                     "\(fictionalUPN(20002)),Plain,Pupil,3B,02/03/2018"]
        try (lines.joined(separator: "\r\n") + "\r\n").write(to: csv, atomically: true, encoding: .utf8)
        let imported = try runEsafety(["import", "people", csv.path, "--store", store.path])
        XCTAssertEqual(imported.status, 0, imported.standardError)
        return store
    }

    private func assertClean(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let unsafe = text.unicodeScalars.filter { scalar in
            let value = scalar.value
            return (value < 0x20 && value != 0x0A && value != 0x09 && value != 0x0D) || (0x7F...0x9F).contains(value)
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
        }
        XCTAssertTrue(unsafe.isEmpty, "\(what) holds \(unsafe.map { String(format: "U+%04X", $0.value) })", file: file, line: line)
    }

    func testAHostileNameIsShownWithoutItsEscapesAndExportsEscapeThem() throws {
        let store = try storeWithAHostileName()
        let missing = try runEsafety(["aup", "missing", "--group", "pupil", "--store", store.path])
        XCTAssertEqual(missing.status, 0, missing.standardError)
        XCTAssertTrue(missing.standardOutput.contains("Evil?]0;pwned??[31mName"), missing.standardOutput)
        assertClean(missing.standardOutput, "aup missing")
        let roster = try String(contentsOf: store.appendingPathComponent("aup/roster-pupils.json"), encoding: .utf8)
        XCTAssertTrue(roster.contains("\\u001b"), "the store keeps the name as it was given, escaped by JSON")
        let check = try runEsafety(["check", "--store", store.path])
        assertClean(check.standardOutput + check.standardError, "check")
    }

    func testMinusOWritesThroughAFIFOAndDevNullAndRefusesAFolder() throws {
        let store = try storeWithAHostileName()
        let folder = try makeTemporaryDirectory(prefix: "esafety-out")
        addTeardownBlock { deleteTemporaryDirectory(folder) }
        // /dev/null stays the machine's /dev/null (CI runs as root, where a rename over it would succeed).
        let null = try runEsafety(["export", "roles", "--format", "csv", "-o", "/dev/null", "--store", store.path])
        XCTAssertEqual(null.status, 0, null.standardError)
        var info = stat()
        XCTAssertEqual(stat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "/dev/null is still a character device")
        // A FIFO: the export is read from it as it is written, and the FIFO is still one afterwards.
        let fifo = folder.appendingPathComponent("pipe").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let out = Pipe()
        reader.standardOutput = out
        try reader.run()
        let export = try runEsafety(["export", "roles", "--format", "csv", "-o", fifo, "--store", store.path])
        XCTAssertEqual(export.status, 0, export.standardError)
        let read = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reader.waitUntilExit()
        XCTAssertTrue(read.contains("esafety-lead"), read)
        XCTAssertEqual(lstat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "the FIFO was written through, not replaced")
        let refused = try runEsafety(["export", "roles", "-o", folder.path, "--store", store.path])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.standardError.contains("is not a regular file"), refused.standardError)
    }
}
